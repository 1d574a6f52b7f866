import type { Config } from '../config/config.js';
import { systemClock } from '../shared/clock.js';
import { silentLogger } from '../shared/logger.js';
import { createApiToken, createUser } from '../accounts/index.js';
import { appendAudit, verifyAudit } from '../audit/index.js';
import { listNodes } from '../cluster/nodes.js';
import { createMailServerDomains, type MailServerDomains } from '../app/mail-server-domains.js';
import { loadKeyring } from '../secrets/keyring.js';
import { rotateKeys } from '../secrets/rotate-keys.js';
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

/**
 * Opens the store and wires mail servers as `createHerald` does. A command prints what failed, so
 * the alarm of a password that does not open only audits it (its log goes nowhere).
 */
async function withMailServers<T>(config: Config, use: (domains: MailServerDomains, store: Store) => Promise<T>): Promise<T> {
  return withStore(config, (store) => use(createMailServerDomains({ db: store.db, clock: systemClock, config, log: silentLogger }), store));
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
  return withMailServers(config, async ({ mailServerTests, secretAlarm }, { db }) => {
    const result = await mailServerTests.testEmail(options.tenant ?? systemScopeId, to).finally(() => secretAlarm.settled());
    await appendAudit(db, systemClock.now(), { actor: cliActor, scopeId: options.tenant ?? systemScopeId, action: 'mail_server.test_email', target: `scope:${options.tenant ?? systemScopeId}`, details: { to, ok: result.ok } });
    for (const step of result.steps) console.log(`${step.status.padEnd(7)} ${step.step.padEnd(7)} ${String(step.durationMs).padStart(5)} ms  ${step.reply ?? step.detail}`);
    if (result.failure) console.log(`\nFailed at ${result.failure.stage}: ${result.failure.message}${result.failure.hint ? `\nHint: ${result.failure.hint}` : ''}`);
    else console.log(`\nSent${result.messageId ? ` ${result.messageId}` : ''} through ${result.provider}.`);
    return result.ok ? 0 : 1;
  });
}

export async function keysRotateCommand(config: Config): Promise<number> {
  return withStore(config, async ({ db }) => {
    const report = await rotateKeys(db, loadKeyring({ masterKeys: config.masterKeys, dataDir: config.dataDir }));
    await appendAudit(db, systemClock.now(), { actor: cliActor, scopeId: systemScopeId, action: 'keys.rotate', target: `key:${report.newKeyId}`, details: { reencrypted: report.reencrypted } });
    console.log(`Re-encrypted ${report.reencrypted} secret(s) under key ${report.newKeyId}.`);
    if (config.masterKeys.length > 1) console.log('Every secret now uses the first key of HERALD_MASTER_KEY; remove the other keys from it.');
    return 0;
  });
}

/** How the audit log names commands run on the server itself. */
const cliActor = 'cli';

/** A system administrator API token (every permission), printed once. */
export async function adminTokenCommand(config: Config, label: string): Promise<number> {
  return withStore(config, async ({ db }) => {
    const { token } = await createApiToken(db, systemClock, { scopeId: systemScopeId, label, permissions: ['*'] }, (trx, view) =>
      appendAudit(trx, systemClock.now(), { actor: cliActor, scopeId: systemScopeId, action: 'token.create', target: `token:${view.id}`, details: { label, permissions: view.permissions } }),
    );
    console.log(token);
    return 0;
  });
}

/** Creates a system administrator; the password is read from standard input (never a flag). */
export async function adminCreateCommand(config: Config, options: { email?: string; name?: string }, readPassword: () => Promise<string>): Promise<number> {
  if (!options.email) {
    console.error('admin create needs --email ADDRESS (and --name TEXT); the password is read from standard input');
    return 2;
  }
  const { email } = options;
  const password = await readPassword();
  return withStore(config, async ({ db }) => {
    const user = await createUser(db, systemClock, systemScopeId, { email, name: options.name ?? email, password, role: 'system_admin' }, (trx, created) =>
      appendAudit(trx, systemClock.now(), { actor: cliActor, scopeId: systemScopeId, action: 'user.create', target: `user:${created.id}`, details: { email: created.email, role: created.role, password: 'set' } }),
    );
    console.log(`Created system administrator ${user.email} (${user.id}).`);
    return 0;
  });
}

/** Walks the audit chain; exits 1 naming every edited, deleted or reordered entry. */
export async function auditVerifyCommand(config: Config): Promise<number> {
  return withStore(config, async ({ db }) => {
    const report = await verifyAudit(db);
    for (const problem of report.problems) console.log(`entry ${problem.seq}: ${problem.problem}: ${problem.message}`);
    console.log(report.problems.length === 0 ? `The audit log is intact: ${report.entries} entries.` : `The audit log was tampered with: ${report.problems.length} problem(s) in ${report.entries} entries.`);
    return report.problems.length === 0 ? 0 : 1;
  });
}
