import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterShare, dailySendLimit, nodeConcurrency, sendRateLimit } from './provider-limits.js';

test("the providers' limits are the default rates; a rate in the settings wins", () => {
  const rate = (provider: 'smtp' | 'gmail' | 'microsoft365', api: 'smtp' | 'graph' | 'gmail', rateLimitPerSecond: number | null = null) =>
    sendRateLimit({ provider, api, rateLimitPerSecond });
  assert.equal(rate('microsoft365', 'smtp'), 0.5, 'Exchange Online SMTP: 30 a minute');
  assert.equal(rate('microsoft365', 'graph') ?? 0, 10_000 / 600, 'Graph: 10,000 per 10 minutes');
  assert.equal(rate('gmail', 'gmail'), 2.5, 'Gmail API: about 150 a minute');
  assert.equal(rate('gmail', 'smtp'), null);
  assert.equal(rate('smtp', 'smtp'), null);
  assert.equal(rate('microsoft365', 'graph', 2), 2);
});

test("a mailbox's daily cap: the settings' own, 0 for none, else Gmail's 2,000 (SMTP or API), else none", () => {
  const cap = (provider: 'smtp' | 'gmail' | 'microsoft365', dailyLimit: number | null = null) => dailySendLimit({ provider, dailyLimit });
  assert.equal(cap('gmail'), 2000, 'Gmail and Workspace: 2,000 a day per user');
  assert.equal(cap('gmail', 500), 500);
  assert.equal(cap('gmail', 0), null, '0 turns the cap off');
  assert.equal(cap('microsoft365'), null);
  assert.equal(cap('smtp', 10_000), 10_000);
});

test("Graph's 4 at once are shared by the live sending nodes; other servers' pool sizes are per node", () => {
  const shares = (nodes: string[]) => nodes.map((node) => clusterShare(4, nodes, node));
  assert.deepEqual(shares(['a']), [4]);
  assert.deepEqual(shares(['a', 'b']), [2, 2]);
  assert.deepEqual(shares(['a', 'b', 'c']), [2, 1, 1], 'the remainder to the first; 4 in all');
  assert.deepEqual(shares(['a', 'b', 'c', 'd', 'e']), [1, 1, 1, 1, 1], 'at least one each');
  assert.equal(clusterShare(4, ['b', 'c'], 'a'), 2, 'a node not seen yet counts itself');
  assert.equal(nodeConcurrency({ api: 'graph', poolSize: 4 }, ['a', 'b'], 'a'), 2);
  assert.equal(nodeConcurrency({ api: 'smtp', poolSize: 5 }, ['a', 'b'], 'a'), 5);
});
