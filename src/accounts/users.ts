import type { Kysely } from 'kysely';
import { AppError, fieldError } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import { parseMailbox } from '../shared/email-address.js';
import { newId } from '../shared/ids.js';
import { assertScope, systemScopeId } from '../scopes/index.js';
import type { Database, UserRole, UserRow } from '../store/schema.js';
import { inTransaction, type AlongWith } from '../store/transaction.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { endUserSessions } from './sessions.js';
import { rolePermissions, type ScopePermission } from './permissions.js';

export interface UserView {
  id: string;
  email: string;
  name: string;
  locale: string;
  role: UserRole;
  /** null for a system user. */
  tenantId: string | null;
  disabled: boolean;
  canSignIn: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface UserInput {
  email: string;
  name: string;
  locale?: string;
  role?: UserRole;
  password?: string;
}

export interface UserPatch {
  name?: string;
  locale?: string;
  role?: UserRole;
  password?: string;
  disabled?: boolean;
}

export function toUserView(row: UserRow): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    locale: row.locale,
    role: row.role,
    tenantId: row.scope_id === systemScopeId ? null : row.scope_id,
    disabled: row.disabled_at !== null,
    canSignIn: row.password_hash !== null && row.disabled_at === null,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** The signed-in user as the sign-in API shows it: the view plus what the role may do. */
export interface SessionUser extends Pick<UserView, 'id' | 'email' | 'name' | 'locale' | 'role' | 'tenantId'> {
  permissions: ScopePermission[];
}

export function toSessionUser(row: UserRow): SessionUser {
  const { id, email, name, locale, role, tenantId } = toUserView(row);
  return { id, email, name, locale, role, tenantId, permissions: [...rolePermissions[role]] };
}

function assertRoleFits(scopeId: string, role: UserRole, field: string): void {
  const fits = scopeId === systemScopeId ? role === 'system_admin' || role === 'member' : role !== 'system_admin';
  if (!fits)
    throw fieldError(
      field,
      'scope',
      scopeId === systemScopeId ? 'must be system_admin or member in the system scope' : 'cannot be system_admin in a tenant',
    );
}

function normalizeEmail(email: string, field: string): string {
  const parsed = parseMailbox(email);
  if (!parsed.ok || parsed.mailbox.name) throw fieldError(field, 'format', 'is not a plain email address', 'invalid_address');
  return parsed.mailbox.address.toLowerCase();
}

async function newRow(scopeId: string, input: UserInput, now: number, pointer = ''): Promise<UserRow> {
  const role = input.role ?? 'member';
  assertRoleFits(scopeId, role, `${pointer}/role`);
  return {
    id: newId('usr'),
    scope_id: scopeId,
    email: normalizeEmail(input.email, `${pointer}/email`),
    name: input.name,
    locale: input.locale ?? 'en',
    role,
    password_hash: input.password === undefined ? null : await hashPassword(input.password, `${pointer}/password`),
    disabled_at: null,
    created_at: now,
    updated_at: now,
  };
}

async function insertUsers(db: Kysely<Database>, rows: UserRow[], along?: AlongWith<UserView[]>): Promise<void> {
  const emails = rows.map((row) => row.email);
  const seen = new Set<string>();
  emails.forEach((email, index) => {
    if (seen.has(email)) throw fieldError(rows.length > 1 ? `/${index}/email` : '/email', 'unique', 'appears twice', 'user_exists');
    seen.add(email);
  });
  await inTransaction(db, async (trx) => {
    const taken = await trx
      .selectFrom('users')
      .select('email')
      .where('scope_id', '=', rows[0]!.scope_id)
      .where('email', 'in', emails)
      .execute();
    if (taken.length > 0) {
      const index = emails.indexOf(taken[0]!.email);
      throw fieldError(rows.length > 1 ? `/${index}/email` : '/email', 'unique', 'already has an account in this scope', 'user_exists');
    }
    await trx.insertInto('users').values(rows).execute();
    await along?.(trx, rows.map(toUserView));
  });
}

/** Creates a user in a scope; its role must fit the scope (system_admin only in the system). */
export async function createUser(
  db: Kysely<Database>,
  clock: Clock,
  scopeId: string,
  input: UserInput,
  along?: AlongWith<UserView>,
): Promise<UserView> {
  await assertScope(db, scopeId);
  const row = await newRow(scopeId, input, clock.now());
  await insertUsers(db, [row], along && ((trx, views) => along(trx, views[0]!)));
  return toUserView(row);
}

/** Creates many users at once, all or none (an import of notification members). */
export async function importUsers(
  db: Kysely<Database>,
  clock: Clock,
  scopeId: string,
  inputs: readonly UserInput[],
  along?: AlongWith<UserView[]>,
): Promise<UserView[]> {
  await assertScope(db, scopeId);
  if (inputs.length === 0) return [];
  const now = clock.now();
  const rows: UserRow[] = [];
  for (const [index, input] of inputs.entries()) rows.push(await newRow(scopeId, input, now, `/${index}`));
  await insertUsers(db, rows, along);
  return rows.map(toUserView);
}

export async function listUsers(
  db: Kysely<Database>,
  scopeId: string,
  page: { after?: string; limit: number },
): Promise<{ items: UserView[]; nextCursor: string | null }> {
  await assertScope(db, scopeId);
  let query = db
    .selectFrom('users')
    .selectAll()
    .where('scope_id', '=', scopeId)
    .orderBy('id')
    .limit(page.limit + 1);
  if (page.after) query = query.where('id', '>', page.after);
  const rows = await query.execute();
  const items = rows.slice(0, page.limit);
  return { items: items.map(toUserView), nextCursor: rows.length > page.limit ? items[items.length - 1]!.id : null };
}

/** One user of a scope; another scope's user is `not_found`. */
export async function getUserRow(db: Kysely<Database>, scopeId: string, userId: string): Promise<UserRow> {
  const row = await db.selectFrom('users').selectAll().where('scope_id', '=', scopeId).where('id', '=', userId).executeTakeFirst();
  if (!row) throw new AppError('not_found', `No user with id ${userId} in this scope.`);
  return row;
}

/** Who makes a change to a user, and what runs in its transaction. */
export interface UserChangeOptions<T> {
  /** The signed-in user making the change, if it is one: nobody disables or deletes their own account. */
  by?: string;
  along?: AlongWith<T>;
}

const isActiveAdmin = (row: UserRow | undefined) =>
  row !== undefined && row.role === 'system_admin' && row.password_hash !== null && row.disabled_at === null;

/**
 * Refuses a change that would leave no system administrator who can sign in. The system scope's
 * row is written first: on PostgreSQL that row lock makes two such changes wait for each other,
 * so two administrators cannot remove each other at once (SQLite has one writer anyway).
 */
async function assertAdminRemains(trx: Kysely<Database>, before: UserRow, after: UserRow | undefined): Promise<void> {
  if (!isActiveAdmin(before) || isActiveAdmin(after)) return;
  await trx
    .updateTable('scopes')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('id', '=', systemScopeId)
    .execute();
  const other = await trx
    .selectFrom('users')
    .select('id')
    .where('scope_id', '=', systemScopeId)
    .where('role', '=', 'system_admin')
    .where('disabled_at', 'is', null)
    .where('password_hash', 'is not', null)
    .where('id', '!=', before.id)
    .executeTakeFirst();
  if (!other)
    throw new AppError('last_admin', 'This is the last system administrator who can sign in; create or enable another one first.', [
      { field: '/userId', rule: 'last_admin', message: 'is the last system administrator' },
    ]);
}

function assertNotSelf(options: { by?: string }, userId: string, what: 'disable' | 'delete'): void {
  if (options.by === userId)
    throw new AppError('self_lockout', `You cannot ${what} your own account; another administrator can.`, [
      { field: '/userId', rule: 'self', message: 'is your own account' },
    ]);
}

/**
 * Changes a user. A new password or disabling ends every session of the user at once (and the
 * API tokens the user created stop working while the user is disabled). The last system
 * administrator who can sign in cannot be disabled or demoted (`last_admin`), and nobody
 * disables their own account (`self_lockout`).
 */
export async function updateUser(
  db: Kysely<Database>,
  clock: Clock,
  scopeId: string,
  userId: string,
  patch: UserPatch,
  options: UserChangeOptions<{ before: UserView; after: UserView }> = {},
): Promise<{ before: UserView; after: UserView }> {
  if (patch.role !== undefined) assertRoleFits(scopeId, patch.role, '/role');
  if (patch.disabled === true) assertNotSelf(options, userId, 'disable');
  await getUserRow(db, scopeId, userId);
  const password_hash = patch.password === undefined ? undefined : await hashPassword(patch.password);
  return inTransaction(db, async (trx) => {
    const before = await getUserRow(trx, scopeId, userId);
    const disabled_at = patch.disabled === undefined ? before.disabled_at : patch.disabled ? (before.disabled_at ?? clock.now()) : null;
    const after: UserRow = {
      ...before,
      name: patch.name ?? before.name,
      locale: patch.locale ?? before.locale,
      role: patch.role ?? before.role,
      password_hash: password_hash ?? before.password_hash,
      disabled_at,
      updated_at: clock.now(),
    };
    await assertAdminRemains(trx, before, after);
    await trx
      .updateTable('users')
      .set({
        name: after.name,
        locale: after.locale,
        role: after.role,
        password_hash: after.password_hash,
        disabled_at,
        updated_at: after.updated_at,
      })
      .where('id', '=', userId)
      .execute();
    if (patch.password !== undefined || patch.disabled === true || patch.role !== undefined)
      await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    const change = { before: toUserView(before), after: toUserView(after) };
    await options.along?.(trx, change);
    return change;
  });
}

/** Deletes a user with its sessions; tokens it created stop working. Not the last system administrator, nor oneself. */
export async function deleteUser(
  db: Kysely<Database>,
  scopeId: string,
  userId: string,
  options: UserChangeOptions<UserView> = {},
): Promise<UserView> {
  assertNotSelf(options, userId, 'delete');
  return inTransaction(db, async (trx) => {
    const row = await getUserRow(trx, scopeId, userId);
    await assertAdminRemains(trx, row, undefined);
    await trx.deleteFrom('users').where('id', '=', userId).execute();
    const view = toUserView(row);
    await options.along?.(trx, view);
    return view;
  });
}

/**
 * Changes a signed-in user's own password after checking the current one, ending every other
 * session of the user (the one that made the change stays).
 */
export async function changePassword(
  db: Kysely<Database>,
  clock: Clock,
  user: UserRow,
  passwords: { current: string; next: string },
  keepSessionId: string,
  along?: AlongWith<void>,
): Promise<void> {
  if (!(await verifyPassword(user.password_hash, passwords.current))) {
    throw new AppError('invalid_credentials', 'The current password is wrong.', [
      { field: '/currentPassword', rule: 'match', message: 'is wrong' },
    ]);
  }
  const password_hash = await hashPassword(passwords.next, '/newPassword');
  await inTransaction(db, async (trx) => {
    await trx.updateTable('users').set({ password_hash, updated_at: clock.now() }).where('id', '=', user.id).execute();
    await endUserSessions(trx, user.id, keepSessionId);
    await along?.(trx, undefined);
  });
}
