import type { Config } from '../config/config.js';
import type { Clock } from '../shared/clock.js';
import type { DeliveryStats } from '../delivery/sending/worker.js';
import type { MailServerTests } from '../delivery/diagnosis/mail-server-test.js';
import type { Deliveries } from '../delivery/read-models/deliveries.js';
import type { Queue } from '../delivery/queue/queue.js';
import type { Accounts, AttemptCounter } from '../accounts/index.js';
import type { AuditLog } from '../audit/index.js';
import type { ClusterStatus } from '../cluster/index.js';
import type { EventLog, Ingest } from '../events/index.js';
import type { Mailbox } from '../mailbox/index.js';
import type { Alerts, Preferences, ScopeNotifications, Silences } from '../notifications/index.js';
import type { MailHostGuard, MailServerSettings, Recipients, Tenants } from '../scopes/index.js';
import type { Templates } from '../templates/index.js';
import type { HeraldMetrics } from '../metrics/index.js';
import type { OAuthConnections } from '../oauth/index.js';

/** The domains' handles the routes call; the composition root wires each once (`src/app/domains.ts`). */
export interface DomainHandles {
  accounts: Accounts;
  /** Counts login failures, denials and test emails, shared by the cluster. */
  counter: AttemptCounter;
  auditLog: AuditLog;
  tenants: Tenants;
  recipients: Recipients;
  notifications: ScopeNotifications;
  preferences: Preferences;
  silences: Silences;
  alerts: Alerts;
  templates: Templates;
  eventLog: EventLog;
  mailbox: Mailbox;
  clusterStatus: ClusterStatus;
  /** Each scope's mail-server settings. */
  mailServers: MailServerSettings;
  /** "Send test email" and "Verify connection". */
  mailServerTests: MailServerTests;
  /** The delivery history, the overview and resending. */
  deliveries: Deliveries;
  /** `herald status` and the queue commands: retry, pause, resume, purge. */
  queue: Queue;
  /** The SSRF guard for tenants' mail servers and its allow-list. */
  hosts: MailHostGuard;
  /** Each scope's OAuth2 connection and its sign-in flow. */
  oauth: OAuthConnections;
}

/** What the HTTP adapter needs; built by the composition root (`src/app`). */
export interface ApiDeps extends DomainHandles {
  config: Config;
  ingest: Ingest;

  /** Releases the held mail of every scope that can send now, waking the worker if any (after a settings change or a retry). */
  releaseHeldMail(): Promise<void>;

  // This process.
  /** Time for the API's own windows (Retry-After). */
  clock: Clock;
  /** Whether the database answers now (for `/readyz`). */
  databaseAnswers(): Promise<boolean>;
  /** False while starting or shutting down. */
  isReady(): boolean;
  /** This node, for `/metrics`. */
  node: { id: string; role: 'api' | 'worker' | 'all'; version: string; stats(): DeliveryStats };
  /** This node's delivery, queue and token metrics, served with the node's own at `/metrics`. */
  metrics: HeraldMetrics;
}
