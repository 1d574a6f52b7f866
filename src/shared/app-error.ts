import { errorCodes, type ErrorCode } from './error-codes.js';

/** One broken rule, named by the field it concerns (a JSON pointer such as `/port`). */
export interface ErrorDetail {
  field: string;
  rule: string;
  message: string;
}

/**
 * The only error type domain code throws for expected failures. It carries a stable code from
 * the catalogue and details that name the offending fields; it never carries a secret.
 *
 * @example
 * throw new AppError('secret_required', 'Changing the host requires the password again.', [
 *   { field: '/password', rule: 'required', message: 'give the password again' },
 * ]);
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: readonly ErrorDetail[];

  constructor(code: ErrorCode, message: string = errorCodes[code], details: readonly ErrorDetail[] = []) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

/** Shorthand for a validation error about one field. */
export function fieldError(field: string, rule: string, message: string, code: ErrorCode = 'validation_failed'): AppError {
  return new AppError(code, `${field}: ${message}`, [{ field, rule, message }]);
}
