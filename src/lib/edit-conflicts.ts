/**
 * Edits of a record that another tab or device may change meanwhile. The
 * API has no versions, so before a PATCH the record is read as it is now
 * (one GET) and compared with what the form started from: a field this
 * edit changes that was changed elsewhere, to something else, is a
 * conflict the owner settles. Fields changed elsewhere that this edit
 * leaves alone are kept, because a PATCH sends only what changed here.
 */

/** The fields whose value differs from `start`: the body of a PATCH. */
export function changedFields<T extends object, K extends keyof T>(
  start: T,
  values: Pick<T, K>,
  fields: readonly K[],
): Partial<Pick<T, K>> {
  const patch: Partial<Pick<T, K>> = {};
  for (const field of fields) {
    if (!Object.is(values[field], start[field])) patch[field] = values[field];
  }
  return patch;
}

/** Someone else changed fields of this edit while it was being made. */
export class EditConflict<T extends object> extends Error {
  constructor(
    /** The record as it is on the server now. */
    readonly current: T,
    /** The fields both changed, to different values. */
    readonly fields: readonly (keyof T)[],
  ) {
    super('The record was changed elsewhere while it was being edited');
    this.name = 'EditConflict';
  }
}

/**
 * The record as it is on the server now, when `error` is a conflict over
 * it: what the screens show while the owner settles it.
 */
export function conflictCurrent<T extends object>(
  error: unknown,
): T | undefined {
  return error instanceof EditConflict ? (error.current as T) : undefined;
}

/** Throws an EditConflict when `current` has moved away from `start` under `patch`. */
export function checkForConflict<T extends object>(
  start: T,
  current: T,
  patch: Partial<T>,
): void {
  const fields = (Object.keys(patch) as (keyof T)[]).filter(
    (field) =>
      !Object.is(current[field], start[field]) &&
      !Object.is(current[field], patch[field]),
  );
  if (fields.length > 0) throw new EditConflict(current, fields);
}

/** The patch without the fields the owner chose to leave as they are now. */
export function withoutFields<T extends object>(
  patch: Partial<T>,
  fields: readonly (keyof T)[],
): Partial<T> {
  const rest = { ...patch };
  for (const field of fields) delete rest[field];
  return rest;
}
