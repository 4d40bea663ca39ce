// Errors a user can be shown. Each code maps to one HTTP status; anything else is a bug (500).
export const errorStatus = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  // A body over its limit (an upload larger than MEDIA_MAX_MB).
  too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  // This caller has used what one caller may hold at once (event streams); others are served.
  too_many_requests: 429,
  // The database cannot take the request now (pool exhausted, a lock held too long, unreachable):
  // nothing was done, and the same request may be sent again (Retry-After says when).
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldErrors;
  /** Seconds after which the same request may succeed; sent as Retry-After. */
  readonly retryAfterSeconds?: number;

  constructor(code: ErrorCode, message: string, fields?: FieldErrors, options: { retryAfterSeconds?: number } = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fields = fields;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
