import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';

import { matchServerFieldErrors } from './server-field-errors';

/**
 * Puts the server's 422/409 verdict under the react-hook-form form's own
 * fields, focusing the first one. Returns the messages that name no field of
 * this form, for a form-level banner.
 */
export function applyServerFieldErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
  messageFor?: (field: Path<T>, serverMessage: string) => string,
): string[] {
  const { matched, unmatched } = matchServerFieldErrors(
    error,
    fields,
    messageFor,
  );
  matched.forEach(({ field, message }, index) =>
    setError(field, { type: 'server', message }, { shouldFocus: index === 0 }),
  );
  return unmatched;
}
