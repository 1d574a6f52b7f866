import type { Config } from '../config/config.js';
import { systemClock } from '../shared/clock.js';
import { silentLogger } from '../shared/logger.js';
import { systemScopeId } from '../scopes/index.js';
import { openStore, type Store } from '../store/database.js';
import { migrateToLatest } from '../store/migrate.js';
import { createRenderPool } from '../templates/index.js';
import { createDomains, type Domains } from '../app/domains.js';

/** Opens and migrates the database, builds the domains as the server does, and closes it all after `use`. */
export async function withDomains<T>(config: Config, use: (domains: Domains, store: Store) => Promise<T>): Promise<T> {
  const store = openStore(config.database);
  // Its threads start with the first render; no command renders.
  const renderPool = createRenderPool({ ...config.templates, log: silentLogger });
  try {
    await migrateToLatest(store.db);
    return await use(createDomains({ db: store.db, clock: systemClock, config, renderPool, log: silentLogger }), store);
  } finally {
    await renderPool.close();
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

export async function sendTestCommand(config: Config, options: { to?: string; tenant?: string }): Promise<number> {
  if (!options.to) {
    console.error('send-test needs --to ADDRESS');
    return 2;
  }
  const to = options.to;
  return withDomains(config, async ({ mailServerTests, secretAlarm, auditLog }) => {
    const result = await mailServerTests.testEmail(options.tenant ?? systemScopeId, to).finally(() => secretAlarm.settled());
    await auditLog.record({
      actor: cliActor,
      scopeId: options.tenant ?? systemScopeId,
      action: 'mail_server.test_email',
      target: `scope:${options.tenant ?? systemScopeId}`,
      details: { to, ok: result.ok },
    });
    for (const step of result.steps)
      console.log(
        `${step.status.padEnd(7)} ${step.step.padEnd(7)} ${String(step.durationMs).padStart(5)} ms  ${step.reply ?? step.detail}`,
      );
    if (result.failure)
      console.log(
        `\nFailed at ${result.failure.stage}: ${result.failure.message}${result.failure.hint ? `\nHint: ${result.failure.hint}` : ''}`,
      );
    else console.log(`\nSent${result.messageId ? ` ${result.messageId}` : ''} through ${result.provider}.`);
    return result.ok ? 0 : 1;
  });
}

export async function keysRotateCommand(config: Config): Promise<number> {
  return withDomains(config, async ({ keys, auditLog }) => {
    const report = await keys.rotate();
    await auditLog.record({
      actor: cliActor,
      scopeId: systemScopeId,
      action: 'keys.rotate',
      target: `key:${report.newKeyId}`,
      details: { reencrypted: report.reencrypted },
    });
    console.log(`Re-encrypted ${report.reencrypted} secret(s) under key ${report.newKeyId}.`);
    if (config.masterKeys.length > 1)
      console.log('Every secret now uses the first key of HERALD_MASTER_KEY; remove the other keys from it.');
    return 0;
  });
}

/** How the audit log names commands run on the server itself. */
export const cliActor = 'cli';

/** A system administrator API token (every permission), printed once. */
export async function adminTokenCommand(config: Config, label: string): Promise<number> {
  return withDomains(config, async ({ accounts, auditLog }) => {
    const { token } = await accounts.createToken(
      { scopeId: systemScopeId, label, permissions: ['*'] },
      auditLog.along((view) => ({
        actor: cliActor,
        scopeId: systemScopeId,
        action: 'token.create',
        target: `token:${view.id}`,
        details: { label, permissions: view.permissions },
      })),
    );
    console.log(token);
    return 0;
  });
}

/** Creates a system administrator; the password is read from standard input (never a flag). */
export async function adminCreateCommand(
  config: Config,
  options: { email?: string; name?: string },
  readPassword: () => Promise<string>,
): Promise<number> {
  if (!options.email) {
    console.error('admin create needs --email ADDRESS (and --name TEXT); the password is read from standard input');
    return 2;
  }
  const { email } = options;
  const password = await readPassword();
  return withDomains(config, async ({ accounts, auditLog }) => {
    const user = await accounts.createUser(
      systemScopeId,
      { email, name: options.name ?? email, password, role: 'system_admin' },
      auditLog.along((created) => ({
        actor: cliActor,
        scopeId: systemScopeId,
        action: 'user.create',
        target: `user:${created.id}`,
        details: { email: created.email, role: created.role, password: 'set' },
      })),
    );
    console.log(`Created system administrator ${user.email} (${user.id}).`);
    return 0;
  });
}

/** Walks the audit chain; exits 1 naming every edited, deleted or reordered entry. */
export async function auditVerifyCommand(config: Config): Promise<number> {
  return withDomains(config, async ({ auditLog }) => {
    const report = await auditLog.verify();
    for (const problem of report.problems) console.log(`entry ${problem.seq}: ${problem.problem}: ${problem.message}`);
    console.log(
      report.problems.length === 0
        ? `The audit log is intact: ${report.entries} entries.`
        : `The audit log was tampered with: ${report.problems.length} problem(s) in ${report.entries} entries.`,
    );
    return report.problems.length === 0 ? 0 : 1;
  });
}
