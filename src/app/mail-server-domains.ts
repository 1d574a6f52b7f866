import type { Kysely } from 'kysely';
import type { Config } from '../config/config.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { Database } from '../store/schema.js';
import { createMailServerTests, type MailServerTests } from '../delivery/diagnosis/mail-server-test.js';
import { createDeliveries, type Deliveries } from '../delivery/read-models/deliveries.js';
import { createUnreadableSecretAlarm, type UnreadableSecretAlarm } from '../delivery/sending/unreadable-secret-alarm.js';
import {
  createMailHostGuard,
  createMailServerSettings,
  createSettingsSecrets,
  type MailHostGuard,
  type MailServerSettings,
  type SettingsSecrets,
} from '../scopes/index.js';
import { randomUUID } from 'node:crypto';
import {
  createOAuthConnections,
  createTokenService,
  type OAuthConnections,
  type TokenService,
  type TokenServiceDeps,
} from '../oauth/index.js';
import { loadKeyring } from '../secrets/keyring.js';
import { createSecretBox } from '../secrets/secret-box.js';

/** Mail-server settings and delivery as one process uses them: what they share, and the handles the API and the CLI call. */
export interface MailServerDomains {
  /** The SSRF guard for tenants' mail servers and its allow-list. */
  hosts: MailHostGuard;
  /** Opens saved passwords; one that does not open sets off the alarm and holds its mail. */
  secrets: SettingsSecrets;
  /** Audits and logs, once per process, a saved password that does not open. */
  secretAlarm: UnreadableSecretAlarm;
  mailServers: MailServerSettings;
  mailServerTests: MailServerTests;
  deliveries: Deliveries;
  /** Every OAuth2 access and refresh token: delivery's token sources. */
  tokens: TokenService;
  /** Each scope's OAuth2 connection: configure, sign in, disconnect. */
  oauth: OAuthConnections;
}

/**
 * Builds the secret box from the master keys (creating the key file on a first start), the host
 * guard and the settings secrets once, and the handles on them. `createHerald` and the CLI both
 * wire mail servers here; `log` is where a password that does not open is logged.
 *
 * @example const { mailServers } = createMailServerDomains({ db: store.db, clock, config, log }); await mailServers.get('system');
 */
export function createMailServerDomains({
  db,
  clock,
  config,
  log,
  onTokenRefreshFailed,
}: {
  db: Kysely<Database>;
  clock: Clock;
  config: Config;
  log: Logger;
  onTokenRefreshFailed?: TokenServiceDeps['onRefreshFailed'];
}): MailServerDomains {
  const box = createSecretBox(loadKeyring({ masterKeys: config.masterKeys, dataDir: config.dataDir }));
  const hosts = createMailHostGuard(db, clock, { allowedHosts: config.security.smtpAllowedHosts });
  const secretAlarm = createUnreadableSecretAlarm({ db, clock, log });
  const secrets = createSettingsSecrets(box, secretAlarm.report);
  const mailServers = createMailServerSettings({ db, box, clock, hosts });
  const grants = { testEndpoints: config.oauth.testEndpoints, timeoutMs: config.delivery.smtpTimeoutMs };
  // The refresh lease's owner: this process (unique even when several share a node id).
  const tokens = createTokenService({
    db,
    box,
    clock,
    log,
    nodeId: `${config.nodeId}:${randomUUID()}`,
    onRefreshFailed: onTokenRefreshFailed,
    ...grants,
  });
  return {
    hosts,
    secrets,
    secretAlarm,
    tokens,
    oauth: createOAuthConnections({ db, box, clock, tokens, mailServers, publicUrl: config.oauth.publicUrl, ...grants }),
    mailServers,
    mailServerTests: createMailServerTests({
      db,
      secrets,
      clock,
      hosts,
      timeoutMs: config.delivery.smtpTimeoutMs,
      messageIdDomain: config.messageIdDomain,
      tokens,
    }),
    deliveries: createDeliveries({ db, clock, secrets }),
  };
}
