import type { Kysely } from 'kysely';
import type { Clock } from '../../../shared/clock.js';
import type { Logger } from '../../../shared/logger.js';
import type { MailHostGuard, MailServer, SettingsSecrets } from '../../../scopes/index.js';
import { AppError } from '../../../shared/app-error.js';
import type { Database } from '../../../store/schema.js';
import type { AccessTokenSource } from '../../../oauth/index.js';
import { smtpServerOptions } from '../../smtp/smtp-options.js';
import type { MailTransport } from './mail-transport.js';
import { createMailboxTransport } from './mailbox-transport.js';
import { createSmtpThreads } from './smtp-thread-client.js';
import { createSendGate, type SendGate } from './send-gate.js';
import { createOAuthSmtpTransport } from './oauth-smtp-transport.js';
import { apiTransportFor, type ApiTransportDeps } from './http/api-transport-for.js';
import { sendRateLimit } from '../provider-limits.js';

/** The transports of the servers in use, one per scope (see `createTransportCache`). */
export interface TransportCache {
  /**
   * Runs `use` with the transport for this server, at most `poolSize` at once per transport (twice
   * that for SMTP without a send rate, whose pool sends over at most `poolSize` connections: see
   * `handedAhead`);
   * throws GateClosedError for a send still waiting when the cache is closed.
   */
  with<T>(server: MailServer, use: (transport: MailTransport) => Promise<T>): Promise<T>;
  /** Hands back every send still waiting for a slot; the running ones finish. */
  closeGates(): void;
  /** Closes every transport and ends the SMTP thread. */
  closeAll(): Promise<void>;
  /**
   * Starts the SMTP threads if any stored mail server is SMTP and they are not running (at the
   * worker's start and whenever mail settings may have changed), so the first send does not wait.
   */
  warmSmtp(): Promise<void>;
  /** How many SMTP threads are running now. */
  smtpThreadsRunning(): number;
}

/**
 * One transport per settings key (`MailServer.key`: scope, version and a digest of the sealed
 * password), so a ciphertext changed under the same version gets a new transport (and is decrypted
 * again). When a scope's settings key changes, the superseded transport is closed once its sends in
 * flight have finished. Throws AppError `secret_unreadable` for a password that does not open.
 */
export function createTransportCache(deps: {
  db: Kysely<Database>;
  secrets: Pick<SettingsSecrets, 'password'>;
  clock: Clock;
  log: Logger;
  timeoutMs: number;
  hosts: Pick<MailHostGuard, 'connectAddress'>;
  /** The token service's sources, for OAuth2 (XOAUTH2) servers. */
  tokens?: { source(scopeId: string): AccessTokenSource };
  /** Token sources and endpoints for the servers that send over Graph or the Gmail API. */
  apis: Omit<ApiTransportDeps, 'clock' | 'timeoutMs'>;
  /** How many SMTP threads share the SMTP pools' connections (HERALD_SMTP_THREADS). */
  smtpThreads: number;
  /** How many sends this node may make to a server at once now (default: its pool size). */
  concurrency?: (server: MailServer) => number;
}): TransportCache {
  const entries = new Map<string, { key: string; transport: MailTransport; gate: SendGate; inFlight: number; retired: boolean }>();
  // The SMTP pools run in threads beside the main one, which keeps the database work; the
  // built-in mailbox writes to the database and stays here.
  const smtpThread = createSmtpThreads(deps.log, deps.smtpThreads);
  let closed = false;

  const retire = (scopeId: string) => {
    const entry = entries.get(scopeId);
    if (!entry) return;
    entries.delete(scopeId);
    entry.retired = true;
    if (entry.inFlight === 0) void entry.transport.close();
  };

  return {
    async with(server, use) {
      const { key, scopeId } = server;
      let entry = entries.get(scopeId);
      if (entry && entry.key !== key) {
        retire(scopeId);
        entry = undefined;
      }
      if (!entry) {
        const built = await build(server);
        if (built === 'refused') return use(refusedTransport);
        entry = entries.get(scopeId);
        if (entry?.key === key) void built.close();
        else {
          if (entry) retire(scopeId);
          const { concurrency } = deps;
          const depth = handedAhead(server);
          const gate = createSendGate(concurrency ? () => concurrency(server) * depth : server.poolSize * depth);
          entry = { key, transport: built, gate, inFlight: 0, retired: false };
          entries.set(scopeId, entry);
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
    closeGates() {
      for (const entry of entries.values()) entry.gate.close();
    },
    async warmSmtp() {
      if (smtpThread.running() > 0) return;
      const smtp = await deps.db
        .selectFrom('mail_server_settings')
        .select('scope_id')
        .where('provider', '=', 'smtp')
        .limit(1)
        .executeTakeFirst();
      if (smtp && !closed) smtpThread.warm();
    },
    smtpThreadsRunning: () => smtpThread.running(),
    async closeAll() {
      closed = true;
      const all = [...entries.values()];
      entries.clear();
      await Promise.all(all.map((entry) => entry.transport.close()));
      await smtpThread.stop();
    },
  };

  async function build(server: MailServer): Promise<MailTransport | 'refused'> {
    if (server.provider === 'builtin') return createMailboxTransport(deps.db, deps.clock);
    if (server.api !== 'smtp')
      return apiTransportFor({ ...server, api: server.api }, { ...deps.apis, clock: deps.clock, timeoutMs: deps.timeoutMs });
    const { host, port, tlsVerify } = server.connection;
    let address: string;
    try {
      address = await deps.hosts.connectAddress(server.scopeId, host, port);
    } catch (error) {
      if (error instanceof AppError && error.code === 'host_not_allowed') {
        deps.log.warn({ scope: server.scopeId, version: server.version }, 'mail server host refused by the network policy; not connecting');
        return 'refused';
      }
      throw error;
    }
    if (!tlsVerify) {
      deps.log.warn(
        { scope: server.scopeId, version: server.version, host },
        'TLS certificate verification is off for this mail server (allow invalid certificate)',
      );
    }
    const transcript = deps.log.isLevelEnabled?.('debug') ? { transcript: { scope: server.scopeId, version: server.version } } : {};
    const pool = { poolSize: server.poolSize, ...transcript };
    if (server.auth.kind === 'oauth2') {
      if (!deps.tokens) throw new AppError('oauth_not_connected', 'OAuth2 tokens are not available in this process.');
      // The token comes from the token service on this thread; the SMTP thread only gets it in a pool's options.
      return createOAuthSmtpTransport(deps.tokens.source(server.scopeId), (accessToken) =>
        smtpThread.transport({ ...smtpServerOptions(server, null, deps.timeoutMs, accessToken), address }, pool),
      );
    }
    const options = { ...smtpServerOptions(server, deps.secrets.password(server), deps.timeoutMs), address };
    return smtpThread.transport(options, pool);
  }
}

/**
 * Sends let through the gate per connection: an SMTP pool gets one more each, composed and waiting
 * in the SMTP thread for a session to come free (the pool still opens at most `poolSize`), so a
 * connection does not idle while the main thread is busy (a commit's fsync, say) between its reply
 * and the next message. Not under a send rate (Microsoft 365, or one set in the settings): there the
 * rate is the limit, and sends admitted by it must leave as they are admitted, not wait for a
 * session and then go out together. The mailbox and the HTTP APIs (Graph's 4 at once) take exactly
 * their share.
 */
const handedAhead = (server: MailServer): number =>
  server.provider !== 'builtin' && server.api === 'smtp' && sendRateLimit(server) === null ? 2 : 1;

/** Stands in for a server the network policy refuses: fails every send without connecting. */
const refusedTransport: MailTransport = {
  async send() {
    const message = 'The mail server host or port is not allowed for tenants by the network policy.';
    return {
      status: 'failed',
      failure: {
        kind: 'permanent',
        stage: 'connect',
        replyCode: null,
        enhancedCode: null,
        reply: null,
        errorCode: 'host_not_allowed',
        message,
      },
    };
  },
  async close() {},
};
