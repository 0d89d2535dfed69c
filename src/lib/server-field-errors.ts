import { toApiError } from '@/api/errors';

type ServerFieldError<F extends string> = { field: F; message: string };

export type ServerVerdict<F extends string> = {
  /** Under their fields, in the server's order: the first is focused. */
  matched: ServerFieldError<F>[];
  /** For the form's banner; null when every message found its field. */
  banner: string | null;
};

/**
 * The one rule for a form whose submit failed. Each message of the server's
 * 422/409 verdict that names one of the form's fields goes under it.
 * Everything else is said in the form's banner: messages for fields the form
 * does not have, a verdict that names no field at all, and any other
 * failure, so that a failed submit is never silent. `describe` says what
 * failed (useErrorText). Knows no form library (the sign-in form uses it as
 * is; `applyServerFieldErrors` for react-hook-form).
 */
export function serverVerdict<F extends string>(
  error: unknown,
  fields: readonly F[],
  describe: (error: unknown) => string,
  messageFor: (field: F, serverMessage: string) => string = (_, m) => m,
): ServerVerdict<F> {
  const matched: ServerFieldError<F>[] = [];
  const unmatched: string[] = [];
  for (const { field, message } of toApiError(error).fieldErrors) {
    const known = fields.find((name) => name === field);
    if (known)
      matched.push({ field: known, message: messageFor(known, message) });
    else unmatched.push(message);
  }
  const banner =
    matched.length > 0 && unmatched.length === 0
      ? null
      : [describe(error), ...unmatched].join(' ');
  return { matched, banner };
}
