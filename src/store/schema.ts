import type { Insertable, Selectable, Updateable } from 'kysely';

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
  attempts: AttemptTable;
  mailbox: MailboxTable;
  api_tokens: ApiTokenTable;
  nodes: NodeTable;
  rate_windows: RateWindowTable;
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
  auth: 'none' | 'password' | 'oauth2';
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
  created_at: number;
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
  outcome: 'queued' | 'suppressed';
  outcome_reason: string | null;
  created_at: number;
}

export type MessageState = 'queued' | 'sending' | 'sent' | 'deferred' | 'failed' | 'held';

export interface MessageTable {
  id: string;
  scope_id: string;
  event_id: string;
  recipient: string;
  recipient_name: string | null;
  message_id: string;
  subject: string;
  text_body: string;
  html_body: string | null;
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

export type NodeRow = Selectable<NodeTable>;
export type ScopeRow = Selectable<ScopeTable>;
export type MailServerSettingsRow = Selectable<MailServerSettingsTable>;
export type NewMailServerSettingsRow = Insertable<MailServerSettingsTable>;
export type EventRow = Selectable<EventTable>;
export type MessageRow = Selectable<MessageTable>;
export type MessageUpdate = Updateable<MessageTable>;
export type AttemptRow = Selectable<AttemptTable>;
export type MailboxRow = Selectable<MailboxTable>;
