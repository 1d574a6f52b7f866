import type { Config } from '../config/config.js';
import { systemClock } from '../shared/clock.js';
import { issueAdminToken } from '../app/admin-token.js';
import { listNodes } from '../cluster/nodes.js';
import { testMailServer } from '../delivery/mail-server-test.js';
import { loadKeyring } from '../secrets/keyring.js';
import { rotateKeys } from '../secrets/rotate-keys.js';
import { createSecretBox } from '../secrets/secret-box.js';
import { systemScopeId } from '../scopes/index.js';
import { openStore, type Store } from '../store/database.js';
import { migrateToLatest } from '../store/migrate.js';

async function withStore<T>(config: Config, use: (store: Store) => Promise<T>): Promise<T> {
  const store = openStore(config.database);
  try {
    await migrateToLatest(store.db);
    return await use(store);
  } finally {
    await store.close();
  }
}

export async function migrateCommand(config: Config): Promise<number> {
  const store = openStore(config.database);
  try {
    const applied = await migrateToLatest(store.db);
    console.log(applied.length === 0 ? 'The database is up to date.' : `Applied: ${applied.join(', ')}`);
    return 0;
  } finally {
    await store.close();
  }
}

/** The cluster's nodes, message counts per scope and state, and what is held and why. */
export async function statusCommand(config: Config): Promise<number> {
  return withStore(config, async ({ db }) => {
    const rows = await db.selectFrom('messages').select(['scope_id', 'state', (eb) => eb.fn.countAll<number>().as('count')]).groupBy(['scope_id', 'state']).orderBy('scope_id').execute();
    const held = await db.selectFrom('messages').select(['scope_id', 'held_reason', (eb) => eb.fn.countAll<number>().as('count')]).where('state', '=', 'held').groupBy(['scope_id', 'held_reason']).execute();
    const nodes = await listNodes(db, Date.now());
    console.log(JSON.stringify({ database: config.database.dialect, nodes, messages: rows.map((r) => ({ scope: r.scope_id, state: r.state, count: Number(r.count) })), held: held.map((h) => ({ scope: h.scope_id, reason: h.held_reason, count: Number(h.count) })) }, null, 2));
    return 0;
  });
}

export async function sendTestCommand(config: Config, options: { to?: string; tenant?: string }): Promise<number> {
  if (!options.to) {
    console.error('send-test needs --to ADDRESS');
    return 2;
  }
  const to = options.to;
  return withStore(config, async ({ db }) => {
    const box = createSecretBox(loadKeyring({ masterKeys: config.masterKeys, dataDir: config.dataDir }));
    const result = await testMailServer({ db, box, clock: systemClock, timeoutMs: config.delivery.smtpTimeoutMs, messageIdDomain: config.messageIdDomain }, options.tenant ?? systemScopeId, { to });
    for (const step of result.steps) console.log(`${step.status.padEnd(7)} ${step.step.padEnd(7)} ${String(step.durationMs).padStart(5)} ms  ${step.reply ?? step.detail}`);
    if (result.failure) console.log(`\nFailed at ${result.failure.stage}: ${result.failure.message}${result.failure.hint ? `\nHint: ${result.failure.hint}` : ''}`);
    else console.log(`\nSent${result.messageId ? ` ${result.messageId}` : ''} through ${result.provider}.`);
    return result.ok ? 0 : 1;
  });
}

export async function keysRotateCommand(config: Config): Promise<number> {
  return withStore(config, async ({ db }) => {
    const report = await rotateKeys(db, loadKeyring({ masterKeys: config.masterKeys, dataDir: config.dataDir }));
    console.log(`Re-encrypted ${report.reencrypted} secret(s) under key ${report.newKeyId}.`);
    if (config.masterKeys.length > 1) console.log('Every secret now uses the first key of HERALD_MASTER_KEY; remove the other keys from it.');
    return 0;
  });
}

export async function adminTokenCommand(config: Config, label: string): Promise<number> {
  return withStore(config, async ({ db }) => {
    console.log(await issueAdminToken(db, systemClock, label));
    return 0;
  });
}
