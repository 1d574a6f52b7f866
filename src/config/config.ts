import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { hostname } from 'node:os';
import { isIP } from 'node:net';
import { parseDuration } from '../shared/duration.js';
import { readApiTestEndpoints, type ApiTestEndpoints } from './api-test-endpoints.js';

/** Everything Herald reads from its environment, validated and frozen. */
export interface Config {
  readonly dataDir: string;
  readonly host: string;
  readonly port: number;
  readonly database: DatabaseConfig;
  /** Base64 keys from HERALD_MASTER_KEY, newest first; empty means "use the key file". */
  readonly masterKeys: readonly string[];
  readonly adminToken: string | undefined;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly messageIdDomain: string;
  readonly delivery: DeliveryConfig;
  readonly shutdownGraceMs: number;
  /** `all` serves the API and delivers; `api` only serves; `worker` only delivers. */
  readonly role: 'api' | 'worker' | 'all';
  /**
   * This node's identity across restarts (HERALD_NODE_ID; by default host name, role and a hash of
   * the data directory). A node restarted under it takes back at once the messages it was sending.
   */
  readonly nodeId: string;
  readonly security: SecurityConfig;
  readonly notifications: NotificationsConfig;
  readonly templates: TemplatesConfig;
  /** Tenants with their own label on /metrics (HERALD_METRICS_TOP_TENANTS); the rest share `other`. */
  readonly metricsTopTenants: number;
  readonly retention: RetentionConfig;
  readonly oauth: OAuthConfig;
}

/** How long finished mail and its traces are kept before the retention timer prunes them. */
export interface RetentionConfig {
  /** Sent messages and their attempts (HERALD_RETENTION_SENT, 30 days), counted from their last change. */
  readonly sentMs: number;
  /** Failed (and otherwise finished) messages and their attempts (HERALD_RETENTION_FAILED, 90 days). */
  readonly failedMs: number;
  /** Events none of whose messages are left (HERALD_RETENTION_EVENTS, 90 days); idempotency keys last as long. */
  readonly eventsMs: number;
  /** The built-in mailbox (HERALD_RETENTION_MAILBOX, 30 days). */
  readonly mailboxMs: number;
}

export interface OAuthConfig {
  /** Herald's address as browsers reach it (HERALD_PUBLIC_URL), for the OAuth redirect URIs; null: taken from the request. */
  readonly publicUrl: string | null;
  /**
   * TEST ONLY (HERALD_OAUTH_TEST_ENDPOINTS): a loopback origin every provider endpoint is moved to,
   * for a fake identity provider. Anything but loopback is refused; null in production.
   */
  readonly testEndpoints: string | null;
}

export interface TemplatesConfig {
  /** Worker threads that compile and render stored templates (HERALD_TEMPLATE_THREADS). */
  readonly threads: number;
  /** Wall-clock time one compile and render may take before its thread is ended (HERALD_TEMPLATE_BUDGET). */
  readonly budgetMs: number;
  /** How long the render threads stay with nothing to do before they stop (HERALD_TEMPLATE_IDLE). */
  readonly idleStopMs: number;
}

export interface SecurityConfig {
  /** Mail server hosts tenants may use although private (HERALD_SMTP_ALLOWED_HOSTS), added to the system administrator's list. */
  readonly smtpAllowedHosts: readonly string[];
  /** How long a sign-in session lasts: at most `ttlMs` (HERALD_SESSION_TTL), and `idleMs` unused (HERALD_SESSION_IDLE). */
  readonly session: { readonly ttlMs: number; readonly idleMs: number };
  /** How many test emails, and apart from them how many connection tests, a caller and a scope may run. */
  readonly testLimits: TestLimits;
  /**
   * Proxies whose X-Forwarded-For / X-Forwarded-Proto are believed (HERALD_TRUST_PROXY): addresses,
   * CIDR ranges, or `loopback`/`linklocal`/`uniquelocal`. Empty: the headers are ignored.
   */
  readonly trustProxy: readonly string[];
  /** Messages one request may create (events × recipients, HERALD_MAX_MESSAGES_PER_REQUEST); beyond it the request is refused whole. */
  readonly maxMessagesPerRequest: number;
}

/** Limits on `…/mail-server/test` and `…/mail-server/verify`, each counted on its own. */
export interface TestLimits {
  /** Per user or API token, across scopes (HERALD_TEST_EMAIL_CALLER_LIMIT_PER_MINUTE, HERALD_TEST_EMAIL_CALLER_LIMIT). */
  readonly perCallerPerMinute: number;
  readonly perCallerPerHour: number;
  /** Per scope, whoever calls (HERALD_TEST_EMAIL_LIMIT_PER_MINUTE, HERALD_TEST_EMAIL_LIMIT). */
  readonly perScopePerMinute: number;
  readonly perScopePerHour: number;
}

export interface NotificationsConfig {
  /** How often the scheduler looks for due re-notifications and digests. */
  readonly schedulerIntervalMs: number;
  /** Host monitor: on or off, how often it samples, how long a threshold must be exceeded, the hysteresis in percent points. */
  readonly monitorEnabled: boolean;
  readonly monitorIntervalMs: number;
  readonly monitorHoldMs: number;
  readonly monitorHysteresis: number;
  /** Filesystems to watch (empty: every mounted one). */
  readonly monitorPaths: readonly string[];
  /** How long a scope's mail must fail or be deferred, with nothing sent, before "mail delivery failing". */
  readonly deliveryFailingAfterMs: number;
}

export type DatabaseConfig =
  | { readonly dialect: 'sqlite'; readonly file: string; readonly synchronous: 'FULL' | 'NORMAL' }
  | { readonly dialect: 'postgres'; readonly url: string; readonly poolSize: number };

export interface DeliveryConfig {
  readonly retryBaseMs: number;
  readonly retryMaxDelayMs: number;
  readonly retryMaxAgeMs: number;
  readonly leaseMs: number;
  readonly claimBatch: number;
  readonly concurrency: number;
  readonly scopeConcurrency: number;
  readonly pollIntervalMs: number;
  readonly smtpTimeoutMs: number;
  /** Worker threads that run the SMTP sessions; a pool's connections are shared out among them. */
  readonly smtpThreads: number;
  /** TEST ONLY (HERALD_API_TEST_ENDPOINTS): loopback URLs in place of the Graph and Gmail API endpoints. */
  readonly apiTestEndpoints: ApiTestEndpoints;
  /** Re-sends after an ambiguous attempt (the server may have taken it) before the message fails `ambiguous_limit`. */
  readonly ambiguousResends: number;
}

/** Flags given on the command line; they win over the environment. */
export interface ConfigFlags {
  dataDir?: string;
  host?: string;
  port?: string;
  databaseUrl?: string;
  role?: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Reads and validates the configuration in one place. Each problem names its variable.
 *
 * @example loadConfig(process.env, { port: '0' }).port // 0
 */
export function loadConfig(env: Env, flags: ConfigFlags = {}): Config {
  const problems: string[] = [];
  const read = new Reader(env, problems);
  const dataDir = resolve(flags.dataDir ?? env.HERALD_DATA_DIR ?? './data');
  const port = read.integer('HERALD_PORT', flags.port, 3025, 0, 65535);
  const host = flags.host ?? env.HERALD_HOST ?? '127.0.0.1';
  if (!/^[A-Za-z0-9.:[\]-]+$/.test(host)) problems.push(`HERALD_HOST: "${host}" is not a host name or address`);

  const role = read.oneOf('HERALD_ROLE', ['api', 'worker', 'all'] as const, 'all', flags.role);
  const config: Config = {
    dataDir,
    host,
    port,
    database: readDatabase(flags.databaseUrl ?? env.HERALD_DATABASE_URL, dataDir, read, problems),
    masterKeys: readMasterKeys(env.HERALD_MASTER_KEY, problems),
    adminToken: readAdminToken(env.HERALD_ADMIN_TOKEN, problems),
    logLevel: read.oneOf('HERALD_LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    messageIdDomain: read.text('HERALD_MESSAGE_ID_DOMAIN', hostname() || 'herald.localhost', /^[A-Za-z0-9.-]+$/),
    delivery: {
      retryBaseMs: read.duration('HERALD_RETRY_BASE', '30s'),
      retryMaxDelayMs: read.duration('HERALD_RETRY_MAX_DELAY', '30m'),
      retryMaxAgeMs: read.duration('HERALD_RETRY_MAX_AGE', '24h'),
      leaseMs: read.duration('HERALD_LEASE', '5m'),
      claimBatch: read.integer('HERALD_CLAIM_BATCH', undefined, 100, 1, 10_000),
      concurrency: read.integer('HERALD_DELIVERY_CONCURRENCY', undefined, 64, 1, 10_000),
      scopeConcurrency: read.integer('HERALD_SCOPE_CONCURRENCY', undefined, 32, 1, 10_000),
      pollIntervalMs: read.duration('HERALD_POLL_INTERVAL', '1s'),
      smtpTimeoutMs: read.duration('HERALD_SMTP_TIMEOUT', '30s'),
      smtpThreads: read.integer('HERALD_SMTP_THREADS', undefined, 1, 1, 16),
      apiTestEndpoints: readApiTestEndpoints(env.HERALD_API_TEST_ENDPOINTS, problems),
      ambiguousResends: read.integer('HERALD_AMBIGUOUS_RESENDS', undefined, 2, 0, 100),
    },
    shutdownGraceMs: read.duration('HERALD_SHUTDOWN_GRACE', '30s'),
    role,
    nodeId: read.text('HERALD_NODE_ID', defaultNodeId(hostname(), role, dataDir), /^[A-Za-z0-9._:@-]{1,64}$/),
    security: {
      smtpAllowedHosts: (env.HERALD_SMTP_ALLOWED_HOSTS ?? '')
        .split(',')
        .map((host) => host.trim())
        .filter((host) => host !== ''),
      session: { ttlMs: read.duration('HERALD_SESSION_TTL', '12h'), idleMs: read.duration('HERALD_SESSION_IDLE', '30m') },
      testLimits: {
        perCallerPerMinute: read.integer('HERALD_TEST_EMAIL_CALLER_LIMIT_PER_MINUTE', undefined, 5, 1, 100_000),
        perCallerPerHour: read.integer('HERALD_TEST_EMAIL_CALLER_LIMIT', undefined, 20, 1, 100_000),
        perScopePerMinute: read.integer('HERALD_TEST_EMAIL_LIMIT_PER_MINUTE', undefined, 10, 1, 100_000),
        perScopePerHour: read.integer('HERALD_TEST_EMAIL_LIMIT', undefined, 30, 1, 100_000),
      },
      trustProxy: readTrustProxy(env.HERALD_TRUST_PROXY, problems),
      maxMessagesPerRequest: read.integer('HERALD_MAX_MESSAGES_PER_REQUEST', undefined, 5000, 1, 1_000_000),
    },
    notifications: {
      schedulerIntervalMs: read.duration('HERALD_SCHEDULER_INTERVAL', '5s'),
      monitorEnabled: read.oneOf('HERALD_MONITOR', ['on', 'off'] as const, 'on') === 'on',
      monitorIntervalMs: read.duration('HERALD_MONITOR_INTERVAL', '30s'),
      monitorHoldMs: read.duration('HERALD_MONITOR_HOLD', '5m'),
      monitorHysteresis: read.integer('HERALD_MONITOR_HYSTERESIS', undefined, 5, 0, 50),
      monitorPaths: (env.HERALD_MONITOR_PATHS ?? '')
        .split(',')
        .map((path) => path.trim())
        .filter(Boolean),
      deliveryFailingAfterMs: read.duration('HERALD_DELIVERY_FAILING_AFTER', '15m'),
    },
    templates: {
      threads: read.integer('HERALD_TEMPLATE_THREADS', undefined, 2, 1, 16),
      budgetMs: read.duration('HERALD_TEMPLATE_BUDGET', '50ms'),
      idleStopMs: read.duration('HERALD_TEMPLATE_IDLE', '30s'),
    },
    metricsTopTenants: read.integer('HERALD_METRICS_TOP_TENANTS', undefined, 20, 0, 1000),
    retention: {
      sentMs: read.duration('HERALD_RETENTION_SENT', '30d'),
      failedMs: read.duration('HERALD_RETENTION_FAILED', '90d'),
      eventsMs: read.duration('HERALD_RETENTION_EVENTS', '90d'),
      mailboxMs: read.duration('HERALD_RETENTION_MAILBOX', '30d'),
    },
    oauth: readOAuth(env, problems),
  };
  if (config.delivery.leaseMs <= config.delivery.smtpTimeoutMs * 3) {
    problems.push('HERALD_LEASE: must be more than three times HERALD_SMTP_TIMEOUT, so a live send never loses its lease');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return deepFreeze(config);
}

function readOAuth(env: Env, problems: string[]): OAuthConfig {
  const origin = (name: string, value: string | undefined, loopbackOnly: boolean): string | null => {
    if (value === undefined || value === '') return null;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      problems.push(`${name}: "${value}" is not a URL`);
      return null;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') problems.push(`${name}: must be an http:// or https:// URL`);
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    if (loopbackOnly && !['127.0.0.1', 'localhost', '::1'].includes(host))
      problems.push(`${name}: is for tests only and must point at loopback (127.0.0.1, localhost or ::1), not ${url.hostname}`);
    return url.origin;
  };
  return {
    publicUrl: origin('HERALD_PUBLIC_URL', env.HERALD_PUBLIC_URL, false),
    testEndpoints: origin('HERALD_OAUTH_TEST_ENDPOINTS', env.HERALD_OAUTH_TEST_ENDPOINTS, true),
  };
}

function readDatabase(url: string | undefined, dataDir: string, read: Reader, problems: string[]): DatabaseConfig {
  const synchronous = read.oneOf('HERALD_SQLITE_SYNCHRONOUS', ['FULL', 'NORMAL'] as const, 'FULL');
  if (url === undefined || url === '') return { dialect: 'sqlite', file: resolve(dataDir, 'herald.sqlite'), synchronous };
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\//, '');
    if (file === '') problems.push('HERALD_DATABASE_URL: sqlite: needs a file path, e.g. sqlite:./data/herald.sqlite');
    return { dialect: 'sqlite', file: resolve(file), synchronous };
  }
  if (/^postgres(ql)?:\/\//.test(url))
    return { dialect: 'postgres', url, poolSize: read.integer('HERALD_DATABASE_POOL', undefined, 10, 1, 200) };
  problems.push('HERALD_DATABASE_URL: must start with sqlite: or postgres://');
  return { dialect: 'sqlite', file: '', synchronous };
}

/**
 * Stable across restarts of the same installation, distinct for the API and worker of a split
 * (`--role`) and for installations with their own data directories; several nodes that share all
 * three still get distinct identities (src/cluster/node-identity.ts numbers them).
 */
function defaultNodeId(host: string, role: string, dataDir: string): string {
  const name = (host.replace(/[^A-Za-z0-9.-]/g, '') || 'localhost').slice(0, 48);
  return `${name}:${role}:${createHash('sha256').update(dataDir).digest('hex').slice(0, 8)}`;
}

function readMasterKeys(value: string | undefined, problems: string[]): string[] {
  if (value === undefined || value.trim() === '') return [];
  const keys = value.split(',').map((key) => key.trim());
  keys.forEach((key, index) => {
    if (Buffer.from(key, 'base64').length !== 32 || !/^[A-Za-z0-9+/]+={0,2}$/.test(key)) {
      problems.push(`HERALD_MASTER_KEY: key ${index + 1} must be 32 bytes in base64 (openssl rand -base64 32)`);
    }
  });
  return keys;
}

function readAdminToken(value: string | undefined, problems: string[]): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (value.length < 24 || /\s/.test(value)) problems.push('HERALD_ADMIN_TOKEN: must be at least 24 characters with no spaces');
  return value;
}

const proxyRangeNames = ['loopback', 'linklocal', 'uniquelocal'];

/** A comma-separated list of proxy addresses and CIDR ranges; unset, empty or `off` trusts none. */
function readTrustProxy(value: string | undefined, problems: string[]): string[] {
  if (value === undefined || value.trim() === '' || value.trim().toLowerCase() === 'off') return [];
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const entry of entries) {
    const [address = '', prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 6 ? 128 : 32));
    if (!proxyRangeNames.includes(entry) && (family === 0 || !prefixOk || rest.length > 0)) {
      problems.push(
        `HERALD_TRUST_PROXY: "${entry}" must be an IP address, a CIDR range such as 10.0.0.0/8, or loopback, linklocal, uniquelocal`,
      );
    }
  }
  return entries;
}

class Reader {
  constructor(
    private readonly env: Env,
    private readonly problems: string[],
  ) {}

  integer(name: string, flag: string | undefined, fallback: number, min: number, max: number): number {
    const raw = flag ?? this.env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      this.problems.push(`${name}: "${raw}" must be a whole number from ${min} to ${max}`);
      return fallback;
    }
    return value;
  }

  duration(name: string, fallback: string): number {
    const raw = this.env[name] ?? fallback;
    const value = parseDuration(raw);
    if (value === undefined || value <= 0) {
      this.problems.push(`${name}: "${raw}" must be a duration such as 500ms, 30s, 5m or 24h`);
      return parseDuration(fallback)!;
    }
    return value;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T, flag?: string): T {
    const raw = flag ?? this.env[name];
    if (raw === undefined || raw === '') return fallback;
    const found = allowed.find((value) => value.toLowerCase() === raw.toLowerCase());
    if (found === undefined) this.problems.push(`${name}: "${raw}" must be one of ${allowed.join(', ')}`);
    return found ?? fallback;
  }

  text(name: string, fallback: string, pattern: RegExp): string {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    if (!pattern.test(raw)) this.problems.push(`${name}: "${raw}" is not allowed`);
    return raw;
  }
}

function deepFreeze<T extends object>(value: T): T {
  for (const inner of Object.values(value)) if (inner && typeof inner === 'object') deepFreeze(inner as object);
  return Object.freeze(value);
}
