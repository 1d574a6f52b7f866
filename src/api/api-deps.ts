import type { Config } from '../config/config.js';
import type { Clock } from '../shared/clock.js';
import type { SecretBox } from '../secrets/secret-box.js';
import type { Store } from '../store/database.js';
import type { Ingest } from '../events/ingest.js';
import type { DeliveryStats } from '../delivery/worker.js';

/** What the HTTP adapter needs; built by the composition root (`src/app`). */
export interface ApiDeps {
  config: Config;
  store: Store;
  box: SecretBox;
  clock: Clock;
  ingest: Ingest;
  /** Checks a bearer token; true for a valid one. */
  verifyToken(token: string): Promise<boolean>;
  /** Called after a scope's mail-server settings changed, to release held mail at once. */
  onSettingsChanged(): Promise<void>;
  /** False while starting or shutting down. */
  isReady(): boolean;
  /** This node, for `/metrics`. */
  node: { id: string; role: 'api' | 'worker' | 'all'; version: string; stats(): DeliveryStats };
}
