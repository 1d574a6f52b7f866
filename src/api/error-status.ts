import type { ErrorCode } from '../shared/error-codes.js';

/** The one table from error codes to HTTP statuses. */
export const errorStatus: Record<ErrorCode, number> = {
  validation_failed: 400,
  invalid_address: 400,
  invalid_header_value: 400,
  password_required: 422,
  unauthenticated: 401,
  not_found: 404,
  tenant_exists: 409,
  tenant_not_found: 404,
  mail_server_not_configured: 404,
  no_effective_mail_server: 409,
  system_only_field: 422,
  idempotency_conflict: 409,
  too_many_recipients: 400,
  not_retryable: 409,
  body_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  secret_unreadable: 500,
  not_ready: 503,
  database_unavailable: 503,
};
