import { toApiError } from '@/api/errors';

type ServerFieldError<F extends string> = { field: F; message: string };

/**
 * Sorts the server's 422/409 verdict into the errors that name one of the
 * form's fields (in the server's order, so the first is the one to focus)
 * and the messages that name none, for a form-level banner. Knows no form
 * library (the sign-in form uses it as is; `applyServerFieldErrors` for
 * react-hook-form).
 */
export function matchServerFieldErrors<F extends string>(
  error: unknown,
  fields: readonly F[],
  messageFor: (field: F, serverMessage: string) => string = (_, m) => m,
): { matched: ServerFieldError<F>[]; unmatched: string[] } {
  const matched: ServerFieldError<F>[] = [];
  const unmatched: string[] = [];
  for (const { field, message } of toApiError(error).fieldErrors) {
    const known = fields.find((name) => name === field);
    if (known)
      matched.push({ field: known, message: messageFor(known, message) });
    else unmatched.push(message);
  }
  return { matched, unmatched };
}
