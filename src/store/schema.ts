import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Table types shared by both dialects. Times are epoch milliseconds, booleans are 0/1 and
 * structured values are JSON text, so every query reads the same on SQLite and PostgreSQL.
 */
export interface Database {
  scopes: ScopeTable;
  mail_server_settings: MailServerSettingsTable;
  scope_recipients: ScopeRecipientTable;
  events: EventTable;
  messages: MessageTable;
  message_bodies: MessageBodyTable;
  attempts: AttemptTable;
  mailbox: MailboxTable;
  api_tokens: ApiTokenTable;
  nodes: NodeTable;
  rate_windows: RateWindowTable;
  users: UserTable;
  sessions: SessionTable;
  attempt_counters: AttemptCounterTable;
  system_settings: SystemSettingTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  event_types: EventTypeTable;
  notification_settings: NotificationSettingsTable;
  event_settings: EventSettingsTable;
  user_preferences: UserPreferenceTable;
  alerts: AlertTable;
  digests: DigestTable;
  digest_items: DigestItemTable;
  silences: SilenceTable;
  templates: TemplateTable;
  event_notes: EventNoteTable;
  due_scopes: DueScopeTable;
  paused_scopes: PausedScopeTable;
  oauth_connections: OAuthConnectionTable;
  oauth_states: OAuthStateTable;
  server_backoff: ServerBackoffTable;
  daily_sends: DailySendTable;
}

export interface ScopeTable {
  id: string;
  kind: 'system' | 'tenant';
  name: string;
  /** The current version of this scope's own mail-server settings; null when it has none. */
  mail_server_version: number | null;
  created_at: number;
  updated_at: number;
}

export interface MailServerSettingsTable {
  scope_id: string;
  version: number;
  provider: 'smtp' | 'gmail' | 'microsoft365' | 'builtin';
  host: string | null;
  port: number | null;
  security: 'none' | 'starttls' | 'tls';
  tls_verify: number;
  tls_ca: string | null;
  auth: 'none' | 'password' | 'oauth2' | 'ntlm';
  username: string | null;
  /** Ciphertext from `secrets/`, bound to (scope, 'mail_server.password'). */
  password_enc: string | null;
  smtp_domain: string | null;
  from_address: string;
  from_name: string | null;
  reply_to: string | null;
  enabled: number;
  apply_to_all_tenants: number;
  pool_size: number;
  rate_limit_per_second: number | null;
  /** Messages a day from this mailbox, cluster-wide: null for the provider's default, 0 for no cap. */
  daily_limit: number | null;
  created_at: number;
  /** How mail leaves: SMTP, or the provider's HTTP API (Graph for microsoft365, Gmail API for gmail). */
  api: 'smtp' | 'graph' | 'gmail';
  /** With auth `ntlm`: the account's Windows domain, NetBIOS (CORP) or DNS (corp.example.com). */
  ntlm_domain: string | null;
  /** With auth `ntlm`: the workstation name announced, or null for none. */
  ntlm_workstation: string | null;
}

export interface ScopeRecipientTable {
  scope_id: string;
  address: string;
  created_at: number;
}

export interface EventTable {
  id: string;
  scope_id: string;
  type: string;
  severity: 'info' | 'warning' | 'critical';
  data: string;
  explicit_recipients: string | null;
  idempotency_key: string | null;
  request_hash: string | null;
  outcome: EventOutcome;
  outcome_reason: string | null;
  created_at: number;
}

export type MessageState = 'queued' | 'sending' | 'sent' | 'deferred' | 'failed' | 'held' | 'cancelled';

export interface MessageTable {
  id: string;
  scope_id: string;
  event_id: string;
  recipient: string;
  recipient_name: string | null;
  message_id: string;
  subject: string;
  state: MessageState;
  held_reason: string | null;
  attempts: number;
  ambiguous_attempts: number;
  next_attempt_at: number;
  lease_owner: string | null;
  lease_until: number | null;
  last_stage: string | null;
  last_reply_code: number | null;
  last_reply: string | null;
  created_at: number;
  /** When it last entered the queue (accepted, or retried by hand); the retry age counts from here. */
  queued_at: number;
  updated_at: number;
  sent_at: number | null;
  /** Who cancelled it (`herald queue purge`, an API caller); null unless `cancelled`. */
  cancelled_by: string | null;
  cancel_reason: string | null;
}

/** A message's content, written once with it (kept apart from the row that every delivery updates). */
export interface MessageBodyTable {
  message_id: string;
  text_body: string;
  html_body: string | null;
}

/** A stored message with its content: what the delivery worker claims and sends. */
export type MessageWithBody = MessageRow & Omit<MessageBodyTable, 'message_id'>;

/** A scope whose sending an operator paused: its mail stays queued until resumed. */
export interface PausedScopeTable {
  scope_id: string;
  paused_by: string;
  reason: string | null;
  paused_at: number;
}

export interface AttemptTable {
  id: string;
  message_id: string;
  number: number;
  started_at: number;
  duration_ms: number;
  outcome: 'sent' | 'retry' | 'failed' | 'ambiguous' | 'lease_expired';
  stage: string;
  reply_code: number | null;
  reply: string | null;
  error_code: string | null;
  settings_scope: string | null;
  settings_version: number | null;
  node_id: string;
}

export interface MailboxTable {
  message_id: string;
  scope_id: string;
  recipient: string;
  sender: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  message_id_header: string;
  received_at: number;
}

export interface ApiTokenTable {
  id: string;
  token_hash: string;
  label: string;
  created_at: number;
  /** `system` or a tenant id: the scope the token acts in. */
  scope_id: string;
  /** JSON array of permissions; `["*"]` is a full administrator token of its scope. */
  permissions: string;
  /** The user who created it; the token stops working when that user is disabled or deleted. */
  created_by: string | null;
  expires_at: number | null;
  last_used_at: number | null;
  revoked_at: number | null;
}

export interface SessionTable {
  /** SHA-256 of the cookie value: the database never holds a usable session. */
  id: string;
  user_id: string;
  ip: string;
  created_at: number;
  expires_at: number;
}

export interface AttemptCounterTable {
  key: string;
  window_start: number;
  count: number;
}

export interface SystemSettingTable {
  key: string;
  /** JSON. */
  value: string;
  updated_at: number;
}

export interface AuditLogTable {
  seq: number;
  at: number;
  actor: string;
  scope_id: string;
  action: string;
  target: string | null;
  ip: string | null;
  /** JSON, never a secret. */
  details: string;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface NodeTable {
  id: string;
  role: 'api' | 'worker' | 'all';
  hostname: string;
  pid: number;
  version: string;
  started_at: number;
  heartbeat_at: number;
  stopped_at: number | null;
  in_flight: number;
  sent: number;
  failed: number;
}

export interface RateWindowTable {
  bucket: string;
  second: number;
  used: number;
}

export type UserRole = 'system_admin' | 'tenant_admin' | 'tenant_viewer' | 'member';

export interface UserTable {
  id: string;
  scope_id: string;
  /** Lower-cased. */
  email: string;
  name: string;
  locale: string;
  role: UserRole;
  /** argon2id; null for a member who is notified but never signs in. */
  password_hash: string | null;
  disabled_at: number | null;
  created_at: number;
  updated_at: number;
}

/** queued: messages written; suppressed: none, with the reason; grouped: held for a digest. */
export type EventOutcome = 'queued' | 'suppressed' | 'grouped';

/** An event type an application registered in a scope; `definition` is JSON (src/notifications/catalogue.ts). */
export interface EventTypeTable {
  scope_id: string;
  id: string;
  definition: string;
  created_at: number;
}

/** A scope's notification settings; null columns inherit (tenant → system → built-in default). */
export interface NotificationSettingsTable {
  scope_id: string;
  email_enabled: number | null;
  cpu_threshold: number | null;
  memory_threshold: number | null;
  disk_threshold: number | null;
  repeat_interval_ms: number | null;
  group_window_ms: number | null;
  /** JSON: product name, logo URL, colours, footer; fields not set inherit. */
  branding: string | null;
  updated_at: number;
}

export interface EventSettingsTable {
  scope_id: string;
  event_type: string;
  enabled: number | null;
  /** JSON array of addresses replacing the admin recipients for this event; null: no override. */
  recipients: string | null;
  updated_at: number;
}

export interface UserPreferenceTable {
  user_id: string;
  event_type: string;
  enabled: number;
  updated_at: number;
}

export interface AlertTable {
  scope_id: string;
  dedup_key: string;
  event_type: string;
  status: 'firing' | 'resolved';
  severity: 'info' | 'warning' | 'critical';
  group_key: string | null;
  data: string;
  labels: string;
  first_seen_at: number;
  last_seen_at: number;
  last_notified_at: number | null;
  resolved_at: number | null;
  last_event_id: string;
  next_notify_at: number | null;
}

export interface DigestTable {
  id: string;
  scope_id: string;
  group_key: string;
  state: 'open' | 'sending' | 'sent';
  /** JSON array of addresses: the union of the grouped events' audiences. */
  recipients: string;
  opened_at: number;
  due_at: number;
  sent_event_id: string | null;
}

export interface DigestItemTable {
  digest_id: string;
  event_id: string;
}

export interface SilenceTable {
  id: string;
  scope_id: string;
  /** JSON: matchers and the time window (src/notifications/silences.ts). */
  definition: string;
  created_at: number;
}

export interface TemplateTable {
  scope_id: string;
  event_type: string;
  version: number;
  subject: string;
  html: string;
  text: string | null;
  updated_at: number;
}

/** Why an event (or one of its recipients) got no mail, or what went wrong rendering it. */
export interface EventNoteTable {
  id: string;
  event_id: string;
  scope_id: string;
  kind: 'suppressed' | 'warning';
  code: string;
  recipient: string | null;
  message: string;
  created_at: number;
}

export type AlertRow = Selectable<AlertTable>;
export type TemplateRow = Selectable<TemplateTable>;
export type UserRow = Selectable<UserTable>;
export type ApiTokenRow = Selectable<ApiTokenTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type NodeRow = Selectable<NodeTable>;
export type ScopeRow = Selectable<ScopeTable>;
export type MailServerSettingsRow = Selectable<MailServerSettingsTable>;
export type NewMailServerSettingsRow = Insertable<MailServerSettingsTable>;
export type EventRow = Selectable<EventTable>;
export type MessageRow = Selectable<MessageTable>;
export type MessageUpdate = Updateable<MessageTable>;
export type AttemptRow = Selectable<AttemptTable>;
export type MailboxRow = Selectable<MailboxTable>;

/**
 * A scope that may have due messages, kept by triggers on messages (2026-12-01-104-due-scopes):
 * `due_at` orders the claim across scopes and is never later than the scope's earliest due
 * message, except that a claim sets it to the claim's time after serving the scope (round robin).
 */
export interface DueScopeTable {
  scope_id: string;
  due_at: number;
  /** 1 until a claim serves the scope after it became due (the claim's newcomer lane), then 0. */
  fresh: Generated<number>;
}
/** A scope's OAuth2 connection: the app's credentials and its tokens, all secrets sealed (see src/oauth). */
export interface OAuthConnectionTable {
  scope_id: string;
  mode: 'microsoft_app' | 'microsoft_delegated' | 'google_signin' | 'google_service_account';
  cloud: string;
  directory_id: string | null;
  client_id: string;
  client_secret_enc: string | null;
  service_key_enc: string | null;
  /** Microsoft app-only with a certificate instead of a secret: the certificate (public, PEM) and its private key (sealed, PKCS#8). */
  certificate_pem: string | null;
  private_key_enc: string | null;
  /** 1 on the system's connection when tenants may sign in with its app registration. */
  shares_app: number;
  /** 1 when this tenant's connection signs in with the system's app: its client credentials are read from the system's row. */
  uses_system_app: number;
  /** The mailbox Herald sends as (the XOAUTH2 user; the service account's subject). */
  mailbox: string;
  status: 'pending' | 'connected' | 'reconnect_required';
  /** Why the connection needs the administrator (no secret in it). */
  status_reason: string | null;
  account: string | null;
  granted_scopes: string | null;
  access_token_enc: string | null;
  refresh_token_enc: string | null;
  access_expires_at: number | null;
  /** Bumped by every token change: a refresh writes only over the version it read (compare-and-swap). */
  token_version: number;
  last_refreshed_at: number | null;
  /** When a sign-in granted the refresh token (the user's consent); null for app-only and service accounts. */
  granted_at: number | null;
  /** The node refreshing now, and until when (one refresh at a time per connection, cluster-wide). */
  lease_owner: string | null;
  lease_until: number | null;
  /** Token-endpoint failures in a row, and when the next request may go (backoff). */
  failures: number;
  next_try_at: number | null;
  /** Token requests made for this connection (diagnosis, tests). */
  token_requests: number;
  created_at: number;
  updated_at: number;
}

/** A sign-in flow under way: single-use, bound to the caller, scope and provider, with its PKCE verifier sealed. */
export interface OAuthStateTable {
  state_hash: string;
  scope_id: string;
  provider: 'microsoft' | 'google';
  binding: string;
  verifier_enc: string;
  redirect_uri: string;
  /** The connection's token version when the flow began. */
  token_version: number;
  expires_at: number;
}

export type OAuthConnectionRow = Selectable<OAuthConnectionTable>;
/** A mail server (a scope's settings version) marked down: one probe per backoff step (src/delivery/sending/server-backoff.ts). */
export interface ServerBackoffTable {
  scope_id: string;
  settings_version: number;
  /** The backoff step, 1 after the first connection-level failure. */
  step: number;
  down_since: number;
  /** When the step ends: the next probe may go then; the queue is parked until it. */
  retry_at: number;
  /** A probe is in flight until then (its lease); null when none. */
  probe_until: number | null;
  last_failure: string | null;
  updated_at: number;
}

/** A mailbox's sends on one UTC day, counted across the cluster (src/delivery/sending/daily-cap.ts). */
export interface DailySendTable {
  /** The scope whose settings send (the system's for tenants that inherit them). */
  scope_id: string;
  mailbox: string;
  /** Days since the epoch, UTC. */
  day: number;
  sent: number;
  /** The cap in force at the last send: `sent >= cap` means the mailbox is done for the day. */
  cap: number;
}
