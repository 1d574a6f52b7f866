import type { Config } from '../config/config.js';
import type { Clock } from '../shared/clock.js';
import type { Store } from '../store/database.js';
import type { Ingest } from '../events/ingest.js';
import type { DeliveryStats } from '../delivery/sending/worker.js';
import type { MailServerTests } from '../delivery/diagnosis/mail-server-test.js';
import type { Deliveries } from '../delivery/read-models/deliveries.js';
import type { AttemptCounter, Principal } from '../accounts/index.js';
import type { MailHostGuard, MailServerSettings } from '../scopes/index.js';
import type { RenderPool } from '../templates/index.js';

/** What the HTTP adapter needs; built by the composition root (`src/app`). */
export interface ApiDeps {
  config: Config;
  store: Store;
  clock: Clock;
  ingest: Ingest;
  /** Renders the scopes' own templates in worker threads (save checks, previews). */
  templates: RenderPool;
  /** The caller a bearer token stands for, or undefined for an invalid one. */
  authenticateToken(token: string): Promise<Principal | undefined>;
  /** Counts login failures and test emails, shared by the cluster. */
  counter: AttemptCounter;
  /** Each scope's mail-server settings. */
  mailServers: MailServerSettings;
  /** "Send test email" and "Verify connection". */
  mailServerTests: MailServerTests;
  /** The delivery history, the overview and resending. */
  deliveries: Deliveries;
  /** The SSRF guard for tenants' mail servers and its allow-list. */
  hosts: MailHostGuard;
  /** Called after a scope's mail-server settings changed, to release held mail at once. */
  onSettingsChanged(): Promise<void>;
  /** False while starting or shutting down. */
  isReady(): boolean;
  /** This node, for `/metrics`. */
  node: { id: string; role: 'api' | 'worker' | 'all'; version: string; stats(): DeliveryStats };
}
