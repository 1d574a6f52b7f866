/**
 * The closed catalogue of Herald's error codes. Domain code throws `AppError` with one of these;
 * only the HTTP layer maps them to statuses (see `src/api/error-status.ts`).
 */
export const errorCodes = {
  validation_failed: 'The request does not match the schema.',
  invalid_address: 'An email address is malformed or not allowed in that field.',
  invalid_header_value: 'A header value holds a character that is not allowed.',
  secret_required: 'The secret (password) must be given with these settings: a stored one is only used with the settings it was saved for.',
  secret_placeholder: 'A secret field holds a mask or placeholder (such as "********") instead of the secret.',
  sender_not_allowed: 'Candidate settings may not send as this From address or name.',
  unauthenticated: 'Sign in, or send a valid API token as "Authorization: Bearer <token>".',
  invalid_credentials: 'The email address or password is wrong.',
  forbidden: 'The caller may not do this.',
  csrf_failed: 'A signed-in write needs the X-CSRF-Token header and must come from Herald\'s own origin.',
  rate_limited: 'Too many attempts; wait and try again.',
  setup_unavailable: 'The setup link is not valid or was already used.',
  user_exists: 'A user with that email address already exists in this scope.',
  last_admin: 'The change would leave no system administrator who can sign in.',
  self_lockout: 'Users cannot disable or delete their own account.',
  host_not_allowed: 'The mail server host or port is not allowed for tenants.',
  not_found: 'The object does not exist in this scope.',
  tenant_exists: 'A tenant with that id already exists.',
  tenant_not_found: 'The tenant does not exist.',
  mail_server_not_configured: 'The scope has no mail server settings of its own.',
  no_effective_mail_server: 'No mail server applies to this scope.',
  system_only_field: 'The field can only be set on the system scope.',
  idempotency_conflict: 'The idempotency key was used with a different request.',
  too_many_recipients: 'An event may have at most 50 recipients.',
  too_many_messages: 'The request would create more messages than one request may (HERALD_MAX_MESSAGES_PER_REQUEST).',
  not_retryable: 'Only failed or held messages can be retried.',
  body_too_large: 'The request body is larger than allowed.',
  uri_too_long: 'A path parameter is longer than allowed.',
  unsupported_media_type: 'The request body must be JSON.',
  secret_unreadable: 'A stored secret cannot be decrypted with the available keys.',
  not_ready: 'The service is not ready.',
  event_type_exists: 'An event type with that id already exists.',
  opt_out_not_allowed: 'This event type cannot be turned off: it is mandatory.',
  template_invalid: 'The template does not compile, uses variables the event type does not have, or takes longer than its render budget.',
  internal: 'An unexpected error; the server log has the details.',
  database_unavailable: 'The database cannot be reached right now; retry with the same Idempotency-Key.',
} as const;

export type ErrorCode = keyof typeof errorCodes;
