import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { loadConfig } from '../../src/config/config.js';
import { createHerald, type Herald, type HeraldOptions } from '../../src/app/herald.js';
import { createTestDatabase } from './test-database.js';

export const adminToken = 'test-admin-token-0123456789abcdef';

/** Fast retries for tests: the policy is the same, only the durations shrink. */
export const fastDeliveryEnv = {
  HERALD_RETRY_BASE: '100ms',
  HERALD_RETRY_MAX_DELAY: '400ms',
  HERALD_RETRY_MAX_AGE: '1h',
  HERALD_POLL_INTERVAL: '50ms',
  HERALD_SMTP_TIMEOUT: '3s',
  HERALD_LEASE: '30s',
  HERALD_SHUTDOWN_GRACE: '5s',
  // The test SMTP servers listen on loopback: allowed for tenants as an administrator would allow a relay.
  HERALD_SMTP_ALLOWED_HOSTS: '127.0.0.1,localhost',
};

export interface Harness {
  herald: Herald;
  dataDir: string;
  /** The environment Herald was started with (data directory, database URL, …). */
  env: Record<string, string>;
  /** Every JSON log line Herald wrote. */
  logs: string[];
  /** An authenticated request against the real app (no network). */
  api(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: any; raw: string }>;
  /** Polls until `check` returns a truthy value. */
  until<T>(check: () => Promise<T | undefined | false>, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/**
 * A real Herald (real SQLite file in a temp folder, real delivery worker) driven through
 * `inject()`. Only the network hop between client and server is skipped.
 */
export async function startHarness(
  env: Record<string, string> = {},
  options: { keepDataDir?: string; database?: Record<string, string>; herald?: Omit<HeraldOptions, 'logStream'> } = {},
): Promise<Harness> {
  const dataDir = options.keepDataDir ?? mkdtempSync(join(tmpdir(), 'herald-test-'));
  const database = options.database ? { env: options.database, drop: async () => undefined } : await createTestDatabase();
  const fullEnv = {
    HERALD_DATA_DIR: dataDir,
    HERALD_ADMIN_TOKEN: adminToken,
    HERALD_LOG_LEVEL: 'info',
    HERALD_MESSAGE_ID_DOMAIN: 'herald.test',
    ...fastDeliveryEnv,
    ...database.env,
    ...env,
  };
  const config = loadConfig(fullEnv);
  const logs: string[] = [];
  const logStream = new PassThrough();
  logStream.on('data', (chunk: Buffer) => logs.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
  const herald = await createHerald(config, { ...options.herald, logStream });
  let closed = false;

  const harness: Harness = {
    herald,
    dataDir,
    env: fullEnv,
    logs,
    async api(method, url, body, headers = {}) {
      const response = await herald.app.inject({
        method,
        url,
        headers: {
          authorization: `Bearer ${adminToken}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      let parsed: unknown;
      try {
        parsed = response.body === '' ? undefined : JSON.parse(response.body);
      } catch {
        parsed = undefined;
      }
      return { status: response.statusCode, body: parsed, raw: response.body };
    },
    async until(check, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = await check();
        if (value) return value;
        if (Date.now() > deadline) throw new Error('condition not met in time');
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await herald.close();
      await database.drop();
      if (!options.keepDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
    async [Symbol.asyncDispose]() {
      await harness.close();
    },
  };
  return harness;
}

/** System settings pointing at a test SMTP server. */
export function smtpSettings(smtp: { host: string; port: number; ca?: string }, extra: Record<string, unknown> = {}) {
  return {
    provider: 'smtp',
    host: smtp.host,
    port: smtp.port,
    security: 'none',
    fromAddress: 'herald@example.test',
    fromName: 'Herald Tests',
    applyToAllTenants: true,
    ...extra,
  };
}
