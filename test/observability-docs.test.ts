import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { startHarness } from './support/herald-harness.js';

// Real: a Herald (database of the run's dialect) whose /metrics says which metric names exist;
// the sample alerting rules and the Grafana dashboard in docs/ must query only those.
// (promtool is not installed here; `promtool check rules docs/prometheus-alerts.yml` checks the PromQL.)

const doc = (name: string) => readFileSync(new URL(`../docs/${name}`, import.meta.url), 'utf8');

/** The sample names a Prometheus server gets from Herald's /metrics (a histogram's _bucket, _sum and _count). */
async function exportedNames(): Promise<Set<string>> {
  await using h = await startHarness();
  const response = await h.api('GET', '/metrics');
  assert.equal(response.status, 200);
  const names = new Set<string>();
  for (const [, name, kind] of response.raw.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    if (kind === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) names.add(name + suffix);
    else names.add(name!);
  }
  return names;
}

const metricsIn = (expr: string) => [...expr.matchAll(/\bherald_[a-z0-9_]+/g)].map((m) => m[0]);

test('the sample alerting rules and the Grafana dashboard query only metrics Herald exports', async () => {
  const exported = await exportedNames();
  for (const name of [
    'herald_delivery_attempts_total',
    'herald_delivery_latency_seconds_bucket',
    'herald_queue_messages',
    'herald_queue_oldest_age_seconds',
    'herald_oauth_token_refresh_failures_total',
  ])
    assert.ok(exported.has(name), `${name} is exported`);

  const rules = (parse(doc('prometheus-alerts.yml')) as { groups: Array<{ name: string; rules: any[] }> }).groups.flatMap(
    (group) => group.rules,
  );
  assert.ok(rules.length >= 8);
  for (const rule of rules) {
    assert.match(rule.alert, /^Herald[A-Za-z]+$/);
    assert.ok(['page', 'warning'].includes(rule.labels?.severity), `${rule.alert}: severity`);
    assert.equal(typeof rule.annotations?.summary, 'string', `${rule.alert}: summary`);
    const used = metricsIn(rule.expr);
    assert.ok(used.length > 0, `${rule.alert} queries a Herald metric`);
    for (const name of used) assert.ok(exported.has(name), `${rule.alert} queries ${name}, which Herald does not export`);
  }

  const dashboard = JSON.parse(doc('grafana-dashboard.json'));
  assert.ok(dashboard.panels.length >= 8);
  const queries = [
    ...dashboard.panels.flatMap((panel: any) => {
      assert.ok(panel.targets.length > 0, `${panel.title} has a query`);
      return panel.targets.map((target: any) => ({ where: panel.title, expr: target.expr as string }));
    }),
    ...dashboard.templating.list
      .filter((v: any) => v.type === 'query')
      .map((v: any) => ({ where: `$${v.name}`, expr: v.query.query as string })),
  ];
  for (const { where, expr } of queries) {
    const used = metricsIn(expr);
    assert.ok(used.length > 0, `${where} queries a Herald metric`);
    for (const name of used) assert.ok(exported.has(name), `${where} queries ${name}, which Herald does not export`);
  }
});
