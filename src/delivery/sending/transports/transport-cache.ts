import type { Kysely } from 'kysely';
import type { Clock } from '../../../shared/clock.js';
import type { Logger } from '../../../shared/logger.js';
import { settingsKey, type MailHostGuard, type SettingsSecrets } from '../../../scopes/index.js';
import { AppError } from '../../../shared/app-error.js';
import type { Database, MailServerSettingsRow } from '../../../store/schema.js';
import type { SmtpServerOptions } from '../../smtp/smtp-options.js';
import type { MailTransport } from './mail-transport.js';
import { createMailboxTransport } from './mailbox-transport.js';
import { createSmtpThread } from './smtp-thread-client.js';
import { createSendGate } from './send-gate.js';

/** Turns a settings row and its password, decrypted in memory only, into connection options. */
export function smtpServerOptions(row: MailServerSettingsRow, password: string | null, timeoutMs: number): SmtpServerOptions {
  return {
    host: row.host ?? '',
    port: row.port ?? 25,
    security: row.security,
    tlsVerify: row.tls_verify === 1,
    tlsCa: row.tls_ca ?? undefined,
    auth: row.auth === 'password' && row.username && password !== null ? { type: 'password', username: row.username, password } : { type: 'none' },
    smtpDomain: row.smtp_domain ?? undefined,
    timeoutMs,
  };
}

/**
 * One transport per settings key: scope, version and a digest of the sealed password, so a
 * ciphertext changed under the same version gets a new transport (and is decrypted again). When a
 * scope's settings key changes, the superseded transport is closed once its sends in flight have
 * finished. Throws AppError `secret_unreadable` for a password that does not open.
 */
export function createTransportCache(deps: { db: Kysely<Database>; secrets: Pick<SettingsSecrets, 'password'>; clock: Clock; log: Logger; timeoutMs: number; hosts: Pick<MailHostGuard, 'connectAddress'> }) {
  const entries = new Map<string, { key: string; transport: MailTransport; gate: ReturnType<typeof createSendGate>; inFlight: number; retired: boolean }>();
  // Every SMTP pool runs in one thread beside the main one, which keeps the database work; the
  // built-in mailbox writes to the database and stays here.
  const smtpThread = createSmtpThread(deps.log);

  const retire = (scopeId: string) => {
    const entry = entries.get(scopeId);
    if (!entry) return;
    entries.delete(scopeId);
    entry.retired = true;
    if (entry.inFlight === 0) void entry.transport.close();
  };

  return {
    /**
     * Runs `use` with the transport for these settings, at most `pool_size` at once per
     * transport; throws GateClosedError for a send still waiting when the cache is closed.
     */
    async with<T>(settings: MailServerSettingsRow, use: (transport: MailTransport) => Promise<T>): Promise<T> {
      const key = settingsKey(settings);
      let entry = entries.get(settings.scope_id);
      if (entry && entry.key !== key) {
        retire(settings.scope_id);
        entry = undefined;
      }
      if (!entry) {
        const built = await build(settings);
        if (built === 'refused') return use(refusedTransport);
        entry = entries.get(settings.scope_id);
        if (entry?.key === key) void built.close();
        else {
          if (entry) retire(settings.scope_id);
          entry = { key, transport: built, gate: createSendGate(settings.pool_size), inFlight: 0, retired: false };
          entries.set(settings.scope_id, entry);
        }
      }
      const current = entry;
      current.inFlight += 1;
      try {
        return await current.gate.run(() => use(current.transport));
      } finally {
        current.inFlight -= 1;
        if (current.retired && current.inFlight === 0) void current.transport.close();
      }
    },
    /** Hands back every send still waiting for a slot; the running ones finish. */
    closeGates(): void {
      for (const entry of entries.values()) entry.gate.close();
    },
    async closeAll(): Promise<void> {
      const all = [...entries.values()];
      entries.clear();
      await Promise.all(all.map((entry) => entry.transport.close()));
      await smtpThread.stop();
    },
  };

  async function build(settings: MailServerSettingsRow): Promise<MailTransport | 'refused'> {
    if (settings.provider === 'builtin') return createMailboxTransport(deps.db, deps.clock);
    let address: string;
    try {
      address = await deps.hosts.connectAddress(settings.scope_id, settings.host ?? '', settings.port ?? 25);
    } catch (error) {
      if (error instanceof AppError && error.code === 'host_not_allowed') {
        deps.log.warn({ scope: settings.scope_id, version: settings.version }, 'mail server host refused by the network policy; not connecting');
        return 'refused';
      }
      throw error;
    }
    if (settings.tls_verify === 0) {
      deps.log.warn({ scope: settings.scope_id, version: settings.version, host: settings.host }, 'TLS certificate verification is off for this mail server (allow invalid certificate)');
    }
    const server = { ...smtpServerOptions(settings, deps.secrets.password(settings), deps.timeoutMs), address };
    return smtpThread.transport(server, { poolSize: settings.pool_size });
  }
}

/** Stands in for a server the network policy refuses: fails every send without connecting. */
const refusedTransport: MailTransport = {
  async send() {
    const message = 'The mail server host or port is not allowed for tenants by the network policy.';
    return { status: 'failed', failure: { kind: 'permanent', stage: 'connect', replyCode: null, enhancedCode: null, reply: null, errorCode: 'host_not_allowed', message } };
  },
  async close() {},
};

export type TransportCache = ReturnType<typeof createTransportCache>;
