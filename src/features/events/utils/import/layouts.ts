import { z } from 'zod/mini';

import { NO_COLUMNS, type ColumnMap } from './columns';
import type { ReadSettings } from './rows';
import { DATE_FORMATS, DECIMALS } from './values';

/**
 * How the owner read a file last time, kept for the next file with the
 * same header (its signature: a hash, not the titles): column numbers and
 * formats, and where the rows went. Numbers and hashes only, no amounts,
 * names or descriptions, so it may stay in this browser after sign-out;
 * per user, and only the last few layouts.
 */
export type Layout = ReadSettings & {
  /** With no property column: the one property the whole file went to. */
  objectId?: number | undefined;
  /**
   * With one: the property chosen for each name in it that is none of the
   * owner's, by the name's hash (nameHash in rows.ts).
   */
  names?: Record<string, number> | undefined;
};

const STORAGE_KEY = 'smartcomm.import-layouts';
const KEPT_LAYOUTS = 20;

const column = z.nullable(z.int().check(z.nonnegative()));
const layoutSchema = z.object({
  columns: z.object(
    Object.fromEntries(
      Object.keys(NO_COLUMNS).map((role) => [role, column]),
    ) as Record<keyof ColumnMap, typeof column>,
  ),
  amounts: z.enum(['signed', 'split']),
  dateFormat: z.nullable(z.enum(DATE_FORMATS)),
  decimal: z.nullable(z.enum(DECIMALS)),
  // Absent from layouts kept before they were remembered.
  objectId: z.optional(z.int()),
  names: z.optional(z.record(z.string(), z.int())),
});
const storedSchema = z.record(
  z.string(),
  z.array(z.object({ signature: z.string(), layout: layoutSchema })),
);
type Stored = z.infer<typeof storedSchema>;

function stored(): Stored {
  try {
    const parsed = storedSchema.safeParse(
      JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}'),
    );
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** The layout the owner used for this header, if any. */
export function rememberedLayout(
  owner: number,
  signature: string,
): Layout | null {
  return (
    stored()[owner]?.find((kept) => kept.signature === signature)?.layout ??
    null
  );
}

/** Keeps the layout for this header, the newest first. */
export function rememberLayout(
  owner: number,
  signature: string,
  layout: Layout,
): void {
  const all = stored();
  const others = (all[owner] ?? []).filter(
    (kept) => kept.signature !== signature,
  );
  all[owner] = [{ signature, layout }, ...others].slice(0, KEPT_LAYOUTS);
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(all));
  } catch {
    // Storage full or refused: the next file is guessed again.
  }
}
