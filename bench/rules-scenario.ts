// The notification-rules scenario of `npm run bench` (called from bench/delivery-bench.ts, in the
// same run and the same Herald as the core path, so the two are compared on equal terms).
//
// A tenant with its own (at first disabled) mail server, three admin recipients, a registered
// event type with a Liquid template (subject, HTML with a loop; text generated from the HTML),
// branding (product name, logo, colours, footer: the layout is rendered and CSS-inlined), and
// members with personal preferences. Events are posted without recipients, so each goes through
// the whole rules path: scope rules, type, toggle, audience (the admins), template, layout.
// Measured like the core path: accepted events/s with delivery held, then delivered emails/s when
// the mail server is enabled, plus Herald's CPU time per event and per email, which the other
// work on a shared machine disturbs less than the rates.
import SqliteDatabase from 'better-sqlite3';
import { processCpuMs } from './cpu.js';
import type { HeraldProcess } from './herald-process.js';
import type { ApiClient } from './http-client.js';
import type { SinkProcess } from './sink-process.js';
import type { ProbeReport } from './sqlite-probe.js';
import { closedLoop, formatNumber, nowMs, perSecond, table, until } from './stats.js';

/** A phase of the core path as delivery-bench.ts measured it. */
interface CorePhase {
  count: number;
  ms: number;
  cpu: { herald: number };
}

export interface RulesScenarioInput {
  herald: HeraldProcess;
  api: ApiClient;
  sink: SinkProcess;
  /** Herald's SQLite database (read-only); its file is opened for writing once to add members. */
  db: SqliteDatabase.Database;
  /** About as many emails as the core path delivered (events × admin recipients). */
  n: number;
  httpConcurrency: number;
  connections: number;
  core: { ingest: CorePhase; delivery: CorePhase };
}

const tenant = 'bench-rules';
const type = 'bench.rules';
const admins = ['ops1@bench.example.test', 'ops2@bench.example.test', 'ops3@bench.example.test'];
const members = 20;
const target = 0.7;

async function call(api: ApiClient, method: string, path: string, body: unknown, expected: number) {
  const response = await api.request(method, path, body);
  if (response.status !== expected) throw new Error(`${method} ${path} answered ${response.status}: ${response.text.slice(0, 500)}`);
  return response;
}

function mailServer(port: number, connections: number, enabled: boolean) {
  return {
    provider: 'smtp',
    host: '127.0.0.1',
    port,
    security: 'none',
    fromAddress: 'rules@bench.example.test',
    fromName: 'Herald Rules Bench',
    poolSize: connections,
    enabled,
  };
}

async function setUp(input: RulesScenarioInput): Promise<void> {
  const { api } = input;
  const base = `/api/v1/tenants/${tenant}`;
  await call(api, 'POST', '/api/v1/tenants', { id: tenant, name: 'Bench Rules' }, 201);
  await call(api, 'PUT', `${base}/mail-server`, mailServer(input.sink.port, input.connections, false), 200);
  await call(api, 'PUT', `${base}/recipients`, { recipients: admins }, 200);
  await call(
    api,
    'POST',
    `${base}/event-types`,
    {
      id: type,
      title: 'Bench rule',
      category: 'bench',
      severity: 'warning',
      audience: 'admins',
      sampleData: { title: 'Queue backlog', host: 'bench-host-01', value: 97, items: ['queue a', 'queue b'] },
    },
    201,
  );
  await call(
    api,
    'PATCH',
    `${base}/notifications`,
    {
      branding: {
        productName: 'Bench Portal',
        logoUrl: 'https://portal.example.test/logo.png',
        primaryColor: '#0a7d5a',
        backgroundColor: '#f4f6f8',
        footer: 'Bench Portal · System notifications',
      },
    },
    200,
  );
  await call(
    api,
    'PUT',
    `${base}/templates/${type}`,
    {
      subject: '[{{ event.severity }}] {{ data.title }} on {{ data.host }} — {{ scope.name }}',
      html:
        '<h2>{{ data.title }}</h2><p>Host <b>{{ data.host }}</b> reports {{ data.value }}%.</p>' +
        '<ul>{% for item in data.items %}<li>{{ item }}</li>{% endfor %}</ul><p><a href="https://portal.example.test/e/{{ event.id }}">Open in {{ brand.productName }}</a></p>',
    },
    200,
  );
  // Members with personal settings (users are inserted directly: the users API is another branch's).
  const writer = new SqliteDatabase(input.db.name, { fileMustExist: true });
  writer.pragma('busy_timeout = 5000');
  const ids: string[] = [];
  try {
    const insert =
      writer.prepare(`insert into users (id, scope_id, email, name, locale, role, password_hash, disabled_at, created_at, updated_at)
      values (?, ?, ?, ?, 'en', 'member', null, null, ?, ?)`);
    for (let index = 0; index < members; index += 1) {
      const id = `usr_bench_rules_${index}`;
      insert.run(id, tenant, `member${index}@bench.example.test`, `Member ${index}`, Date.now(), Date.now());
      ids.push(id);
    }
  } finally {
    writer.close();
  }
  for (const [index, id] of ids.entries()) {
    await call(
      api,
      'PUT',
      `${base}/users/${id}/preferences`,
      { preferences: { 'job.failed': true, 'record.added': index % 3 === 0, 'comment.posted': index % 2 === 0 } },
      200,
    );
  }
}

const eventBody = (index: number) => ({
  tenant,
  type,
  data: {
    title: `Queue backlog ${index}`,
    host: `bench-host-${index % 10}`,
    value: 90 + (index % 10),
    items: [`queue ${index % 7}`, `queue ${index % 5}`],
  },
});

function states(db: SqliteDatabase.Database): Record<string, number> {
  const rows = db.prepare('select state, count(*) as n from messages where scope_id = ? group by state').all(tenant) as Array<{
    state: string;
    n: number;
  }>;
  return Object.fromEntries(rows.map((row) => [row.state, row.n]));
}

const unsettled = (s: Record<string, number>) => (s.queued ?? 0) + (s.sending ?? 0) + (s.deferred ?? 0);

/** The probe's view of a phase in two lines: event loop, transactions, top statements. */
function probeLines(probe: ProbeReport | undefined): string[] {
  if (!probe) return [];
  const tx = Object.entries(probe.transactions)
    .sort((a, b) => b[1].ms - a[1].ms)
    .slice(0, 3)
    .map(
      ([name, t]) =>
        `${name} ${formatNumber(t.count)} tx ${formatNumber(t.ms)} ms open ${formatNumber(t.commitMs)} ms commit ${formatNumber(t.statements / t.count, 1)} stmts/tx`,
    );
  const statements = Object.entries(probe.statements)
    .sort((a, b) => b[1].ms - a[1].ms)
    .slice(0, 6)
    .map(([shape, st]) => `${shape} ${formatNumber(st.count)}× ${formatNumber(st.ms)} ms`);
  return [
    `    event loop ${formatNumber(probe.eventLoopUtilization * 100)}% busy; ${tx.join('; ')}`,
    `    top statements: ${statements.join('; ')}`,
  ];
}

/** Runs the scenario; returns the report text (a table and details). */
export async function rulesScenario(input: RulesScenarioInput): Promise<string> {
  const { api, herald, sink, db } = input;
  await setUp(input);
  const events = Math.max(1, Math.round(input.n / admins.length));
  const post = async (index: number) => {
    const response = await call(api, 'POST', '/api/v1/events', eventBody(index), 202);
    if (response.body.messages.length !== admins.length)
      throw new Error(
        `rules: event ${index} got ${response.body.messages.length} messages (${response.body.outcome} ${response.body.reason ?? ''})`,
      );
  };
  // Warm-up (JIT, template and layout caches); its mail joins the measured backlog.
  await closedLoop(100, 16, (index) => post(1_000_000 + index));

  await herald.probeReport();
  let cpuAt = processCpuMs(herald.pid);
  let startedAt = nowMs();
  await closedLoop(events, input.httpConcurrency, post);
  const ingestMs = nowMs() - startedAt;
  const ingestCpuMs = processCpuMs(herald.pid) - cpuAt;
  const ingestProbe = await herald.probeReport();
  await until('the rules backlog to be held', 120_000, () => (unsettled(states(db)) === 0 ? true : undefined), 20);
  const held = states(db).held ?? 0;
  if (held !== (events + 100) * admins.length)
    throw new Error(`rules: expected ${(events + 100) * admins.length} held messages, found ${JSON.stringify(states(db))}`);

  await sink.reset();
  cpuAt = processCpuMs(herald.pid);
  startedAt = nowMs();
  await call(api, 'PUT', `/api/v1/tenants/${tenant}/mail-server`, mailServer(sink.port, input.connections, true), 200);
  const stats = await sink.waitFor(held, 180_000);
  if (stats.timedOut || stats.count < held) throw new Error(`rules delivery: the sink got ${stats.count} of ${held} in 180 s`);
  const deliveryMs = stats.lastAt! - startedAt;
  const deliveryCpuMs = processCpuMs(herald.pid) - cpuAt;
  const deliveryProbe = await herald.probeReport();
  const after = await until('the rules deliveries to be recorded', 60_000, () => {
    const now = states(db);
    return unsettled(now) === 0 ? now : undefined;
  });
  if (Object.keys(after).some((state) => state !== 'sent'))
    throw new Error(`rules delivery: not everything was sent: ${JSON.stringify(after)}`);

  const core = input.core;
  const coreAccepted = perSecond(core.ingest.count, core.ingest.ms);
  const coreDelivered = perSecond(core.delivery.count, core.delivery.ms);
  const accepted = perSecond(events, ingestMs);
  const delivered = perSecond(held, deliveryMs);
  const cpuPer = (phase: CorePhase) => (phase.cpu.herald * phase.ms) / phase.count;
  const ratio = delivered / coreDelivered;
  const rows = [
    ['metric', 'rules + templates', 'core path', 'ratio'],
    [
      'accepted events/s, POST /events',
      `${formatNumber(accepted)}/s`,
      `${formatNumber(coreAccepted)}/s`,
      formatNumber(accepted / coreAccepted, 2),
    ],
    ['  emails per event', String(admins.length), '1', ''],
    [
      'delivered emails/s',
      `${formatNumber(delivered)}/s`,
      `${formatNumber(coreDelivered)}/s`,
      `${formatNumber(ratio, 2)} (target ≥ ${target}: ${ratio >= target ? 'PASS' : 'MISS'})`,
    ],
    [
      'Herald CPU ms per accepted event',
      formatNumber(ingestCpuMs / events, 2),
      formatNumber(cpuPer(core.ingest), 2),
      formatNumber(ingestCpuMs / events / cpuPer(core.ingest), 2),
    ],
    [
      'Herald CPU ms per delivered email',
      formatNumber(deliveryCpuMs / held, 2),
      formatNumber(cpuPer(core.delivery), 2),
      formatNumber(deliveryCpuMs / held / cpuPer(core.delivery), 2),
    ],
  ];
  return [
    '',
    `Notification rules path — tenant ${tenant}: registered type ${type} with a Liquid template and branding, ${admins.length} admin recipients, ${members} members with preferences`,
    '',
    table(rows),
    '',
    `- rules ingest: ${formatNumber(events)} events (${formatNumber(events * admins.length)} emails) in ${formatNumber(ingestMs)} ms, ${input.httpConcurrency} requests in flight, delivery held; Herald CPU ${formatNumber(ingestCpuMs)} ms`,
    ...probeLines(ingestProbe),
    `- rules delivery: ${formatNumber(held)} emails (with ${100 * admins.length} from the warm-up) in ${formatNumber(deliveryMs)} ms; Herald CPU ${formatNumber(deliveryCpuMs)} ms; ${stats.connections} SMTP connections, ${stats.duplicates} duplicates`,
    ...probeLines(deliveryProbe),
  ].join('\n');
}
