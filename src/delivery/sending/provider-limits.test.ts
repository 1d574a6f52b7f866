import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sendRateLimit } from './provider-limits.js';

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
