import type { FieldError, Problem, ValidationProblem } from './generated';

/**
 * Every failure of an API call, whatever its cause, as one typed error the
 * UI can explain: an HTTP problem from the server, no network, a timeout, or
 * a response that breaks the contract.
 */
export type ApiErrorKind = 'http' | 'network' | 'timeout' | 'unexpected';

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number | null;
  readonly problem: Problem | null;
  readonly fieldErrors: readonly FieldError[];
  /** Seconds from `Retry-After`, for 429. */
  readonly retryAfter: number | null;

  constructor(init: {
    kind: ApiErrorKind;
    status?: number | null;
    problem?: Problem | ValidationProblem | null;
    retryAfter?: number | null;
  }) {
    super(init.problem?.title ?? init.kind);
    this.name = 'ApiError';
    this.kind = init.kind;
    this.status = init.status ?? null;
    this.problem = init.problem ?? null;
    this.fieldErrors =
      init.problem && 'errors' in init.problem ? init.problem.errors : [];
    this.retryAfter = init.retryAfter ?? null;
  }

  get isServerError(): boolean {
    return this.kind === 'http' && (this.status ?? 0) >= 500;
  }
}

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Problem).status === 'number' &&
    typeof (value as Problem).title === 'string'
  );
}

function parseRetryAfter(response: Response): number | null {
  const header = response.headers.get('Retry-After');
  if (header === null) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(1, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date)
    ? null
    : Math.max(1, Math.ceil((date - Date.now()) / 1000));
}

export function fromHttpResponse(body: unknown, response: Response): ApiError {
  return new ApiError({
    kind: 'http',
    status: response.status,
    problem: isProblem(body) ? body : null,
    retryAfter: parseRetryAfter(response),
  });
}

/** A fetch that failed before any response: a timeout or no network. */
export function fromFetchFailure(error: unknown): ApiError {
  const timedOut =
    error instanceof DOMException && error.name === 'TimeoutError';
  return new ApiError({ kind: timedOut ? 'timeout' : 'network' });
}

/** A success response that is not JSON or breaks the contract's schema. */
export function isContractBreak(error: unknown): boolean {
  return (
    error instanceof SyntaxError ||
    (error instanceof Error &&
      (error.name === 'ZodError' || error.name === '$ZodError'))
  );
}

/**
 * Normalises anything a request can throw into an ApiError; failures that
 * are not the API's own (a bug, say) count as 'unexpected'.
 */
export function toApiError(error: unknown): ApiError {
  return error instanceof ApiError
    ? error
    : new ApiError({ kind: 'unexpected' });
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** Whether a request failed for want of a connection: it may wait for one. */
export function forWantOfNetwork(error: unknown): boolean {
  return toApiError(error).kind === 'network';
}
