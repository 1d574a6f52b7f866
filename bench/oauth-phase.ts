// The OAuth phase (issue 12), run by `npm run bench` after the core phases on the same Herald
// (`-- --oauth-only`: only it, after the warm-up; BENCH_OAUTH=0 skips it):
//
// The same workload, BENCH_OAUTH_N one-recipient events posted in batches of 500 with delivery held,
// then released and timed to the last message at the sink, delivered by Herald to one SMTP sink
// (bench/smtp-sink.ts, started with authentication) by two tenants whose Microsoft 365 mail servers
// differ only in how they log in: AUTH PLAIN with a password, or AUTH XOAUTH2 with an app-only
// (client credentials) token from the fake identity provider the sink runs. Runs alternate in
// rounds of one each, every round in the other order (password, XOAUTH2 | XOAUTH2, password | …),
// so a machine that speeds up or slows down during the phase favours neither; the figure is
// XOAUTH2's delivered/s over the password's, each over all its runs (target ≥ 0.9). Tokens live BENCH_OAUTH_TOKEN_SECONDS, so
// Herald renews them during the runs; the token requests are counted at the provider.
//
// Environment (all optional):
//   BENCH_OAUTH=0                 skips this phase
//   BENCH_OAUTH_N=5000            events per run (--quick 1000)
//   BENCH_OAUTH_RUNS=2            runs per login mechanism
//   BENCH_OAUTH_TOKEN_SECONDS=60  access-token lifetime at the fake identity provider
//   BENCH_OAUTH_FIRST=password    which login the first round starts with
import { loadavg } from 'node:os';
import type { ApiClient } from './http-client.js';
import type { HeraldProcess } from './herald-process.js';
import type { SinkProcess } from './sink-process.js';
import type { SinkAuthOptions, SinkAuthStats } from './sink-auth.js';
import { fromAddress, fromName } from './bench-mail.js';
import { wholeFromEnv } from './env.js';
import { queueAndDrain, request, type Drain } from './drain.js';
import { formatNumber, table } from './stats.js';

export interface OAuthContext {
  herald: HeraldProcess;
  api: ApiClient;
  /** A sink started with `oauthSinkAuth(settings)`: it requires AUTH and runs the identity provider. */
  sink: SinkProcess;
  connections: number;
  unsettled(): number;
}

export interface OAuthSettings {
  n: number;
  runs: number;
  tokenLifetimeSeconds: number;
  /** The order within the first round; each next round reverses it. */
  order: readonly [Login, Login];
}

type Login = 'password' | 'xoauth2';

export interface OAuthRun extends Drain {
  login: Login;
  auth: SinkAuthStats;
}

export interface OAuthResults {
  settings: OAuthSettings;
  runs: OAuthRun[];
  /** 1-minute load average before the first run and after the last. */
  loadAverage: { start: number; end: number };
}

const target = 0.9;
const app = { clientId: 'bench-app', clientSecret: 'bench-app-Secret-4Rk9', directoryId: 'contoso.example' };
const password = 'bench-Password-7Tq2';
const tenants: Record<Login, string> = { password: 'bench-password', xoauth2: 'bench-xoauth2' };

export function oauthSettings(env: NodeJS.ProcessEnv, size: 'quick' | 'default' | 'full'): OAuthSettings | undefined {
  if (env.BENCH_OAUTH === '0') return undefined;
  const first = env.BENCH_OAUTH_FIRST ?? 'password';
  if (first !== 'password' && first !== 'xoauth2') throw new Error(`BENCH_OAUTH_FIRST: "${first}" must be password or xoauth2`);
  const whole = (name: string, fallback: number) => wholeFromEnv(env, name, fallback);
  return {
    n: whole('BENCH_OAUTH_N', size === 'quick' ? 1000 : 5000),
    runs: whole('BENCH_OAUTH_RUNS', 2),
    tokenLifetimeSeconds: whole('BENCH_OAUTH_TOKEN_SECONDS', 60),
    order: first === 'xoauth2' ? ['xoauth2', 'password'] : ['password', 'xoauth2'],
  };
}

/** What the phase's sink is started with: the password login and the identity provider's app. */
export function oauthSinkAuth(settings: OAuthSettings): SinkAuthOptions {
  return {
    user: fromAddress,
    password,
    clients: { [app.clientId]: app.clientSecret },
    tokenLifetimeSeconds: settings.tokenLifetimeSeconds,
  };
}

/** A tenant's Microsoft 365 mail server on the sink; only the login differs between the two. */
function saveMailServer(ctx: OAuthContext, login: Login, enabled: boolean): Promise<unknown> {
  const body = {
    provider: 'microsoft365',
    host: '127.0.0.1',
    port: ctx.sink.port,
    security: 'none',
    username: fromAddress,
    ...(login === 'password' ? { auth: 'password', password } : { auth: 'oauth2' }),
    fromAddress,
    fromName,
    poolSize: ctx.connections,
    // Exchange Online's 30 a minute is the default; both servers lift it alike.
    rateLimitPerSecond: 100_000,
    enabled,
  };
  return request(ctx.api, 'PUT', `/api/v1/tenants/${tenants[login]}/mail-server`, body, 200);
}

async function prepare(ctx: OAuthContext): Promise<void> {
  for (const login of ['password', 'xoauth2'] as const) {
    await request(ctx.api, 'POST', '/api/v1/tenants', { id: tenants[login], name: tenants[login] }, 201);
    await saveMailServer(ctx, login, false);
  }
  await request(ctx.api, 'PUT', `/api/v1/tenants/${tenants.xoauth2}/mail-server/oauth`, { mode: 'microsoft_app', ...app }, 200);
}

/** Runs the alternating password and XOAUTH2 drains; `progress` reports each. */
export async function runOAuthPhase(ctx: OAuthContext, settings: OAuthSettings, progress: (text: string) => void): Promise<OAuthResults> {
  await prepare(ctx);
  const results: OAuthResults = { settings, runs: [], loadAverage: { start: loadavg()[0]!, end: Number.NaN } };
  let from = 20_000_000;
  for (let round = 0; round < settings.runs; round += 1) {
    const order = round % 2 === 0 ? settings.order : [...settings.order].reverse();
    for (const login of order) {
      progress(`oauth: run ${round + 1} of ${settings.runs}, ${login}: ${formatNumber(settings.n)} events queued, then released`);
      const drainContext = { ...ctx, setDelivery: (enabled: boolean) => saveMailServer(ctx, login, enabled) };
      const drain = await queueAndDrain(
        drainContext,
        Array.from({ length: settings.n }, () => tenants[login]),
        from,
      );
      from += settings.n;
      const auth = await ctx.sink.auth();
      const wrong = login === 'password' ? auth.xoauth2 : auth.password;
      if (auth.refused > 0 || wrong > 0) throw new Error(`oauth: ${login} run logged in unexpectedly: ${JSON.stringify(auth)}`);
      results.runs.push({ login, auth, ...drain });
      progress(`  ${formatNumber(drain.rate)}/s, ${auth.tokenRequests.ok} token requests`);
    }
  }
  results.loadAverage.end = loadavg()[0]!;
  return results;
}

/** Delivered/s of one login over all its runs (messages over summed drain time), and its CPU per message. */
function totals(results: OAuthResults, login: Login) {
  const runs = results.runs.filter((run) => run.login === login);
  const count = runs.reduce((sum, run) => sum + run.count, 0);
  const ms = runs.reduce((sum, run) => sum + run.ms, 0);
  return {
    rate: (count * 1000) / ms,
    cpuMsPerMessage: runs.reduce((sum, run) => sum + run.heraldCpuMs, 0) / count,
    logins: runs.reduce((sum, run) => sum + run.auth.password + run.auth.xoauth2, 0),
    tokenRequests: runs.reduce((sum, run) => sum + run.auth.tokenRequests.ok + run.auth.tokenRequests.failed, 0),
  };
}

/** The table with the ratio and PASS or MISS, and each run. */
export function oauthReport(results: OAuthResults): string {
  const password = totals(results, 'password');
  const xoauth2 = totals(results, 'xoauth2');
  const ratio = xoauth2.rate / password.rate;
  const { n, runs, tokenLifetimeSeconds } = results.settings;
  const rows: string[][] = [
    ['metric', 'value', 'target', 'result'],
    ['delivered/s, AUTH PLAIN (password)', `${formatNumber(password.rate)}/s`, `${runs} runs × ${formatNumber(n)}`, ''],
    ['delivered/s, AUTH XOAUTH2 (app-only)', `${formatNumber(xoauth2.rate)}/s`, `${runs} runs × ${formatNumber(n)}`, ''],
    ['XOAUTH2 / password', formatNumber(ratio, 2), `≥ ${target}`, ratio >= target ? 'PASS' : 'MISS'],
    [
      'Herald CPU ms per message, password / XOAUTH2',
      `${formatNumber(password.cpuMsPerMessage, 3)} / ${formatNumber(xoauth2.cpuMsPerMessage, 3)}`,
      'all threads, until recorded',
      '',
    ],
    ['token requests (XOAUTH2 runs)', formatNumber(xoauth2.tokenRequests), `tokens live ${tokenLifetimeSeconds} s`, ''],
    ['SMTP logins, password / XOAUTH2', `${formatNumber(password.logins)} / ${formatNumber(xoauth2.logins)}`, '', ''],
  ];
  const details = results.runs.map(
    (run, index) =>
      `- run ${index + 1}, ${run.login}: ${formatNumber(run.count)} in ${formatNumber(run.ms)} ms = ${formatNumber(run.rate)}/s; ` +
      `Herald CPU ${formatNumber(run.heraldCpuMs / run.count, 3)} ms/message; ${run.auth.password + run.auth.xoauth2} logins, ` +
      `${run.auth.tokenRequests.ok} token requests (${run.auth.tokenRequests.failed} failed)` +
      (run.mainThread
        ? `; main thread ${formatNumber(run.mainThread.busy * 100)}% busy, ${formatNumber(run.mainThread.statements / run.count, 1)} SQL statements ` +
          `and ${formatNumber(run.mainThread.sqlMs / run.count, 3)} SQL ms per message`
        : '') +
      (run.claims ? `; ${formatNumber(run.claims.count)} claims` : ''),
  );
  const load = `1-minute load average ${formatNumber(results.loadAverage.start, 2)} before the first run, ${formatNumber(results.loadAverage.end, 2)} after the last`;
  return ['', 'OAuth2: delivered/s over XOAUTH2 and over a password (issue 12)', '', table(rows), '', load, ...details].join('\n');
}
