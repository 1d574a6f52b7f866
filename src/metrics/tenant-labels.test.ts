import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTenantLabels } from './tenant-labels.js';

test('tenant labels: the system and the top N by name, the rest other; a tenant that outgrows the quietest takes its label', () => {
  const evicted: string[] = [];
  const labels = createTenantLabels({ topTenants: 2, onEvict: (tenant) => evicted.push(tenant) });
  const attempt = (scope: string, n = 1) => {
    labels.add(scope, n);
    return labels.labelOf(scope);
  };
  assert.equal(attempt('system', 100), 'system');
  assert.equal(attempt('acme', 10), 'acme');
  assert.equal(attempt('globex', 3), 'globex');
  assert.equal(attempt('initech', 4), 'other', 'not yet half again as busy as globex');
  assert.deepEqual(evicted, []);
  assert.equal(attempt('initech', 1), 'initech', '5 > 3 × 1.5');
  assert.deepEqual(evicted, ['globex']);
  assert.equal(labels.labelOf('globex'), 'other');
  // The queue counts too: a tenant with a large backlog gets a label at the next scrape.
  labels.setQueued(new Map([['umbrella', 40]]));
  assert.equal(labels.labelOf('umbrella'), 'umbrella');
  assert.deepEqual(evicted, ['globex', 'initech']);
});

test('tenant labels: with a top of 0 every tenant is other', () => {
  const labels = createTenantLabels({ topTenants: 0, onEvict: () => assert.fail('nothing to evict') });
  labels.add('acme', 1000);
  assert.equal(labels.labelOf('acme'), 'other');
  assert.equal(labels.labelOf('system'), 'system');
});
