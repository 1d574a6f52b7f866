import type { TokenServiceDeps } from '../oauth/index.js';
import type { Kysely } from 'kysely';
import type { Config } from '../config/config.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { Database } from '../store/schema.js';
import type { DomainHandles } from '../api/api-deps.js';
import { createAccounts, createAttemptCounter } from '../accounts/index.js';
import { createAuditLog } from '../audit/index.js';
import { createClusterStatus } from '../cluster/index.js';
import { createEventLog } from '../events/index.js';
import { createMailbox } from '../mailbox/index.js';
import { createAlerts, createPreferences, createScopeNotifications, createSilences } from '../notifications/index.js';
import { createRecipients, createTenants } from '../scopes/index.js';
import { createKeyRotation, type KeyRotation } from '../secrets/rotate-keys.js';
import { createTemplates, type RenderPool } from '../templates/index.js';
import { createMailServerDomains, type MailServerDomains } from './mail-server-domains.js';
import { createQueue } from '../delivery/queue/queue.js';

/** What the domains are built from: one database, one clock, the configuration, and the render pool. */
export interface DomainParts {
  db: Kysely<Database>;
  clock: Clock;
  config: Config;
  /** Renders the scopes' own templates in worker threads (save checks, previews). */
  renderPool: RenderPool;
  /** Where a saved password that does not open is logged. */
  log: Logger;
  /** Told of each failed OAuth2 token request (the metrics' counter); the CLI passes none. */
  onTokenRefreshFailed?: TokenServiceDeps['onRefreshFailed'];
}

/** One handle per domain, each bound to the same database and clock: what the API's routes and the CLI call. */
export interface Domains extends DomainHandles, MailServerDomains {
  /** `herald keys rotate`; the API has no use for it. */
  keys: KeyRotation;
}

/**
 * Wires every domain once. The composition root (`createHerald`) and the CLI both build their
 * handles here, so a command and the API do the same thing the same way.
 *
 * @example const domains = createDomains({ db: store.db, clock, config, renderPool, log }); await domains.tenants.get('acme');
 */
export function createDomains({ db, clock, config, renderPool, log, onTokenRefreshFailed }: DomainParts): Domains {
  const counter = createAttemptCounter(db, clock);
  return {
    ...createMailServerDomains({ db, clock, config, log, onTokenRefreshFailed }),
    accounts: createAccounts({ db, clock, counter, session: config.security.session, adminToken: config.adminToken }),
    counter,
    auditLog: createAuditLog({ db, clock }),
    tenants: createTenants({ db, clock }),
    recipients: createRecipients({ db, clock }),
    notifications: createScopeNotifications({ db, clock }),
    preferences: createPreferences({ db, clock }),
    silences: createSilences({ db, clock }),
    alerts: createAlerts({ db }),
    templates: createTemplates({ db, clock, pool: renderPool }),
    eventLog: createEventLog({ db }),
    mailbox: createMailbox({ db }),
    clusterStatus: createClusterStatus({ db, clock }),
    queue: createQueue({ db, clock, dialect: config.database.dialect }),
    keys: createKeyRotation({ db, masterKeys: config.masterKeys, dataDir: config.dataDir }),
  };
}
