import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';

import { toApiError } from '@/api/errors';

/**
 * Puts the server's 422/409 verdict under the form's own fields, focusing
 * the first one. Returns the messages that name no field of this form, for
 * a form-level banner.
 */
export function applyServerFieldErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
  messageFor: (field: Path<T>, serverMessage: string) => string = (_, m) => m,
): string[] {
  const unmatched: string[] = [];
  let focused = false;
  for (const { field, message } of toApiError(error).fieldErrors) {
    const known = fields.find((name) => name === field);
    if (!known) {
      unmatched.push(message);
      continue;
    }
    setError(
      known,
      { type: 'server', message: messageFor(known, message) },
      { shouldFocus: !focused },
    );
    focused = true;
  }
  return unmatched;
}
