import { setTimeout as delay } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import { AppError } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { SecretBox } from '../secrets/secret-box.js';
import type { Database, OAuthConnectionRow } from '../store/schema.js';
import type { AccessTokenSource } from './access-token-source.js';
import { appOf, grantCredentials, type GrantSettings } from './connection-secrets.js';
import { requestAccessToken, TokenRequestError, type IssuedToken } from './grants.js';
import { oauthFields } from './modes.js';
import { testingAppHint } from './google-testing.js';

/** Every access and refresh token of every scope: the one place that asks the token endpoints. */
export interface TokenService {
  /** The token source for the OAuth2 connection of a scope (the scope whose settings send). */
  source(scopeId: string): AccessTokenSource;
  /**
   * Stores a token just issued (a sign-in, or the first token of an app-only connection) over the
   * version the caller read, and marks the connection connected.
   */
  store(scopeId: string, expectedVersion: number, token: IssuedToken, account: string | null): Promise<boolean>;
  /**
   * Refreshes every connected sign-in grant not refreshed for `idleMs`, so an idle mailbox's
   * refresh token never reaches the provider's inactivity limit (Microsoft 90 days, Google 6
   * months). A dead grant found this way is marked `reconnect_required` as in delivery. Returns
   * how many were refreshed.
   */
  refreshIdle(idleMs: number): Promise<number>;
  /** Drops this node's cached access token of a scope whose connection was just replaced or removed. */
  forget(scopeId: string): void;
  /**
   * The connection's token version as this node just read it (with the settings, each claimed
   * batch): a cached access token of another version is dropped, so a connection replaced,
   * reconnected or refreshed on another node is noticed here by the next batch, at no extra query.
   */
  seen(scopeId: string, version: number): void;
  /**
   * The provider refused a token it had just issued (a 401 after the one renewal): the connection
   * needs the administrator, so it is marked `reconnect_required` and its mail stays held until a
   * reconnect, instead of being released and refused again.
   */
  refused(scopeId: string, reason: string): Promise<void>;
}

export interface TokenServiceDeps extends GrantSettings {
  db: Kysely<Database>;
  box: SecretBox;
  clock: Clock;
  log: Logger;
  /** This node: the owner of the refresh lease while it refreshes. */
  nodeId: string;
  /** Told of every token request that failed or found the grant dead (the metrics' refresh-failure counter). */
  onRefreshFailed?: (failed: { scopeId: string; mode: OAuthConnectionRow['mode'] }) => void;
}

/** How long one refresh may hold the lease before another node may take over. */
const leaseMs = 30_000;
/** Backoff after a failed token request: 1 s doubling to 5 min. */
const backoffMs = (failures: number) => Math.min(1000 * 2 ** Math.max(0, failures - 1), 300_000);
/** How far ahead of expiry a token is replaced: 5 % of its lifetime, at most 5 minutes. */
const aheadMs = (issuedAt: number | null, expiresAt: number) => Math.min(300_000, Math.max(0, expiresAt - (issuedAt ?? expiresAt)) * 0.05);
/** While another node refreshes and no valid token is left: re-read this often, this many times. */
const waitStepMs = 50;
const waitSteps = 200;

/**
 * Tokens sealed like passwords (scope- and field-bound), refreshed ahead of expiry; one refresh
 * at a time per connection across the cluster (a lease on the connection row); the refreshed
 * access token and a rotated refresh token written together over the version read
 * (compare-and-swap on `token_version`), so a rotated refresh token is never lost and the old one
 * never used again. A failed request backs off; a dead grant marks the connection
 * `reconnect_required` and throws `oauth_reconnect_required`.
 *
 * @example
 * declare const deps: TokenServiceDeps;
 * const token = await createTokenService(deps).source('system').accessToken();
 */
export function createTokenService(deps: TokenServiceDeps): TokenService {
  const { db, box, clock, log } = deps;
  const cache = new Map<string, { token: string; version: number; renewAt: number }>();

  const open = (row: OAuthConnectionRow, sealed: string | null, field: string) =>
    sealed === null ? null : box.open(sealed, { scopeId: row.scope_id, field });

  const read = async (scopeId: string): Promise<OAuthConnectionRow> => {
    const row = await db.selectFrom('oauth_connections').selectAll().where('scope_id', '=', scopeId).executeTakeFirst();
    if (!row) throw new AppError('oauth_not_connected', 'This scope has no OAuth2 connection: configure one and connect it.');
    if (row.status === 'reconnect_required') throw reconnectRequired(row);
    return row;
  };

  /** The stored access token while it is valid (and not the rejected one); null when it must be replaced. */
  const usable = (row: OAuthConnectionRow, rejected: string | null, margin: number): string | null => {
    if (row.access_expires_at === null || row.access_expires_at - margin <= clock.now()) return null;
    const token = open(row, row.access_token_enc, oauthFields.accessToken);
    return token !== null && token !== rejected ? token : null;
  };

  async function obtain(scopeId: string, rejected: string | null): Promise<string> {
    for (let step = 0; step < waitSteps; step += 1) {
      const row = await read(scopeId);
      const now = clock.now();
      const fresh = usable(row, rejected, row.access_expires_at === null ? 0 : aheadMs(row.last_refreshed_at, row.access_expires_at));
      if (fresh !== null) return remember(row, fresh);
      const stillValid = usable(row, rejected, 0);
      if (row.next_try_at !== null && row.next_try_at > now) {
        if (stillValid !== null) return stillValid;
        throw unavailable(row);
      }
      const leased = await db
        .updateTable('oauth_connections')
        .set({ lease_owner: deps.nodeId, lease_until: now + leaseMs })
        .where('scope_id', '=', scopeId)
        .where('token_version', '=', row.token_version)
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
        .executeTakeFirst();
      if (Number(leased.numUpdatedRows) === 1) return refresh(row);
      // Another node is refreshing: the current token serves meanwhile, else wait for its result.
      if (stillValid !== null) return stillValid;
      await delay(waitStepMs);
    }
    throw new AppError('oauth_token_unavailable', 'Another node has been refreshing this OAuth2 token for too long; retrying later.');
  }

  async function refresh(row: OAuthConnectionRow): Promise<string> {
    const now = clock.now();
    const mine = (update: ReturnType<typeof db.updateTable<'oauth_connections'>>) =>
      update
        .where('scope_id', '=', row.scope_id)
        .where('token_version', '=', row.token_version)
        .where('lease_owner', '=', deps.nodeId)
        .executeTakeFirst();
    let issued: IssuedToken;
    try {
      const refreshToken = open(row, row.refresh_token_enc, oauthFields.refreshToken);
      issued = await requestAccessToken(grantCredentials(box, row, await appOf(db, row), deps), refreshToken, now);
    } catch (error) {
      if (!(error instanceof TokenRequestError)) {
        await mine(db.updateTable('oauth_connections').set({ lease_owner: null, lease_until: null }));
        throw error;
      }
      const after = clock.now();
      if (error.dead) {
        const testing = testingAppHint(row, error.providerError, after);
        const reason = testing ? `${error.message} — ${testing}` : error.message;
        await mine(
          db.updateTable('oauth_connections').set((eb) => ({
            status: 'reconnect_required',
            status_reason: reason,
            lease_owner: null,
            lease_until: null,
            token_requests: eb('token_requests', '+', 1),
            updated_at: after,
          })),
        );
        cache.delete(row.scope_id);
        log.warn(
          { scope: row.scope_id, providerError: error.providerError, googleTestingApp: testing !== null },
          'OAuth2 grant is dead; the mailbox must be reconnected',
        );
        deps.onRefreshFailed?.({ scopeId: row.scope_id, mode: row.mode });
        throw reconnectRequired({ ...row, status_reason: reason });
      }
      const failures = row.failures + 1;
      await mine(
        db.updateTable('oauth_connections').set((eb) => ({
          failures,
          next_try_at: after + backoffMs(failures),
          status_reason: error.message,
          lease_owner: null,
          lease_until: null,
          token_requests: eb('token_requests', '+', 1),
          updated_at: after,
        })),
      );
      log.warn({ scope: row.scope_id, failures }, 'OAuth2 token request failed; backing off');
      deps.onRefreshFailed?.({ scopeId: row.scope_id, mode: row.mode });
      const stillValid = usable(row, null, 0);
      if (stillValid !== null) return stillValid;
      throw unavailable({ ...row, status_reason: error.message });
    }
    const done = clock.now();
    const written = await mine(
      db.updateTable('oauth_connections').set((eb) => ({
        ...tokenColumns(row.scope_id, issued, done),
        token_version: row.token_version + 1,
        token_requests: eb('token_requests', '+', 1),
      })),
    );
    if (Number(written.numUpdatedRows) !== 1) {
      // Reconnected (or the lease was taken over) meanwhile: what is stored now wins.
      return obtain(row.scope_id, null);
    }
    return remember(
      { ...row, token_version: row.token_version + 1, last_refreshed_at: done },
      issued.accessToken,
      done + issued.expiresInMs,
    );
  }

  function tokenColumns(scopeId: string, issued: IssuedToken, now: number) {
    return {
      access_token_enc: box.seal(issued.accessToken, { scopeId, field: oauthFields.accessToken }),
      // A rotated refresh token replaces the old one in the same write; none given keeps the old one.
      ...(issued.refreshToken !== null
        ? { refresh_token_enc: box.seal(issued.refreshToken, { scopeId, field: oauthFields.refreshToken }) }
        : {}),
      ...(issued.scope !== null ? { granted_scopes: issued.scope } : {}),
      access_expires_at: now + issued.expiresInMs,
      last_refreshed_at: now,
      status: 'connected' as const,
      status_reason: null,
      failures: 0,
      next_try_at: null,
      lease_owner: null,
      lease_until: null,
      updated_at: now,
    };
  }

  function remember(
    row: Pick<OAuthConnectionRow, 'scope_id' | 'token_version' | 'last_refreshed_at' | 'access_expires_at'>,
    token: string,
    expiresAt = row.access_expires_at ?? 0,
  ): string {
    cache.set(row.scope_id, { token, version: row.token_version, renewAt: expiresAt - aheadMs(row.last_refreshed_at, expiresAt) });
    return token;
  }

  return {
    source(scopeId) {
      return {
        async accessToken() {
          const cached = cache.get(scopeId);
          if (cached && cached.renewAt > clock.now()) return cached.token;
          return obtain(scopeId, null);
        },
        async renew(rejectedToken) {
          if (cache.get(scopeId)?.token === rejectedToken) cache.delete(scopeId);
          return obtain(scopeId, rejectedToken);
        },
      };
    },
    async refreshIdle(idleMs) {
      const idle = await db
        .selectFrom('oauth_connections')
        .selectAll()
        .where('status', '=', 'connected')
        .where('refresh_token_enc', 'is not', null)
        .where('last_refreshed_at', '<', clock.now() - idleMs)
        .execute();
      let refreshed = 0;
      for (const row of idle) {
        try {
          await obtain(row.scope_id, open(row, row.access_token_enc, oauthFields.accessToken) ?? '');
          refreshed += 1;
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          log.warn({ scope: row.scope_id, code: error.code }, 'refreshing an idle OAuth2 grant failed');
        }
      }
      return refreshed;
    },
    forget(scopeId) {
      cache.delete(scopeId);
    },
    seen(scopeId, version) {
      const cached = cache.get(scopeId);
      if (cached && cached.version !== version) cache.delete(scopeId);
    },
    async refused(scopeId, reason) {
      cache.delete(scopeId);
      await db
        .updateTable('oauth_connections')
        .set({ status: 'reconnect_required', status_reason: reason.replace(/^oauth_reconnect_required:\s*/, ''), updated_at: clock.now() })
        .where('scope_id', '=', scopeId)
        .where('status', '=', 'connected')
        .execute();
      log.warn({ scope: scopeId }, 'OAuth2 token refused after a renewal; the mailbox must be reconnected');
    },
    async store(scopeId, expectedVersion, issued, account) {
      const now = clock.now();
      const written = await db
        .updateTable('oauth_connections')
        .set((eb) => ({
          ...tokenColumns(scopeId, issued, now),
          // a sign-in: the user's consent grants the refresh token (Google's Testing apps count 7 days from here)
          granted_at: issued.refreshToken !== null ? now : null,
          ...(account !== null ? { account } : {}),
          token_version: expectedVersion + 1,
          token_requests: eb('token_requests', '+', 1),
        }))
        .where('scope_id', '=', scopeId)
        .where('token_version', '=', expectedVersion)
        .executeTakeFirst();
      cache.delete(scopeId);
      return Number(written.numUpdatedRows) === 1;
    },
  };
}

function reconnectRequired(row: Pick<OAuthConnectionRow, 'scope_id' | 'status_reason'>): AppError {
  return new AppError(
    'oauth_reconnect_required',
    `The OAuth2 connection of scope ${row.scope_id} must be reconnected: ${row.status_reason ?? 'the grant is no longer valid'}`,
  );
}

function unavailable(row: Pick<OAuthConnectionRow, 'scope_id' | 'status_reason'>): AppError {
  return new AppError(
    'oauth_token_unavailable',
    `No OAuth2 access token for scope ${row.scope_id} right now: ${row.status_reason ?? 'the token endpoint failed'}`,
  );
}
