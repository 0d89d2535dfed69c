import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';

import { serverVerdict } from './server-field-errors';

/**
 * `serverVerdict` for a react-hook-form form: puts each message under its
 * field, focusing the first, and returns the banner's text (or null).
 */
export function applyServerFieldErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
  describe: (error: unknown) => string,
  messageFor?: (field: Path<T>, serverMessage: string) => string,
): string | null {
  const { matched, banner } = serverVerdict(
    error,
    fields,
    describe,
    messageFor,
  );
  matched.forEach(({ field, message }, index) =>
    setError(field, { type: 'server', message }, { shouldFocus: index === 0 }),
  );
  return banner;
}
