import type { Kysely } from 'kysely';
import { AppError } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import { newId } from '../shared/ids.js';
import type { Database, ScopeRow } from '../store/schema.js';
import { inTransaction, type AlongWith } from '../store/transaction.js';

export const systemScopeId = 'system';

export interface Tenant {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
}

const toTenant = (row: ScopeRow): Tenant => ({
  id: row.id,
  name: row.name,
  createdAt: new Date(row.created_at).toISOString(),
  updatedAt: new Date(row.updated_at).toISOString(),
});

/** Creates a tenant; the id is the platform's own when given, else generated. `along` runs in its transaction. */
export async function createTenant(
  db: Kysely<Database>,
  clock: Clock,
  input: { id?: string; name: string },
  along?: AlongWith<Tenant>,
): Promise<Tenant> {
  const id = input.id ?? newId('ten');
  if (id === systemScopeId)
    throw new AppError('tenant_exists', 'The id "system" is reserved.', [{ field: '/id', rule: 'reserved', message: 'is reserved' }]);
  const now = clock.now();
  const row: ScopeRow = { id, kind: 'tenant', name: input.name, mail_server_version: null, created_at: now, updated_at: now };
  return inTransaction(db, async (trx) => {
    const inserted = await trx
      .insertInto('scopes')
      .values(row)
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
      throw new AppError('tenant_exists', `A tenant with id ${id} already exists.`, [
        { field: '/id', rule: 'unique', message: 'is taken' },
      ]);
    }
    const tenant = toTenant(row);
    await along?.(trx, tenant);
    return tenant;
  });
}

export async function listTenants(db: Kysely<Database>, page: { after?: string; limit: number }): Promise<Tenant[]> {
  let query = db.selectFrom('scopes').selectAll().where('kind', '=', 'tenant').orderBy('id').limit(page.limit);
  if (page.after) query = query.where('id', '>', page.after);
  return (await query.execute()).map(toTenant);
}

export async function getTenant(db: Kysely<Database>, id: string): Promise<Tenant> {
  const row = await db.selectFrom('scopes').selectAll().where('id', '=', id).where('kind', '=', 'tenant').executeTakeFirst();
  if (!row) throw new AppError('tenant_not_found', `No tenant with id ${id}.`);
  return toTenant(row);
}

/** Renames a tenant; `along` gets the tenant before and after, in the same transaction. */
export async function renameTenant(
  db: Kysely<Database>,
  clock: Clock,
  id: string,
  name: string,
  along?: AlongWith<{ before: Tenant; after: Tenant }>,
): Promise<Tenant> {
  return inTransaction(db, async (trx) => {
    const before = await getTenant(trx, id);
    await trx.updateTable('scopes').set({ name, updated_at: clock.now() }).where('id', '=', id).where('kind', '=', 'tenant').execute();
    const after = await getTenant(trx, id);
    await along?.(trx, { before, after });
    return after;
  });
}

/** Deletes a tenant with everything it owns: settings, events, messages, history, mailbox. */
export async function deleteTenant(db: Kysely<Database>, id: string, along?: AlongWith<void>): Promise<void> {
  await inTransaction(db, async (trx) => {
    const result = await trx.deleteFrom('scopes').where('id', '=', id).where('kind', '=', 'tenant').executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw new AppError('tenant_not_found', `No tenant with id ${id}.`);
    await along?.(trx, undefined);
  });
}

/** Throws unless the scope exists: `system`, or a tenant id. */
export async function assertScope(db: Kysely<Database>, scopeId: string): Promise<void> {
  if (scopeId === systemScopeId) return;
  await getTenant(db, scopeId);
}

/** The tenants of one database: the scopes besides `system`. */
export interface Tenants {
  /** A page of tenants by id, and the cursor of the next page (null on the last). */
  list(page: { after?: string; limit: number }): Promise<{ items: Tenant[]; nextCursor: string | null }>;
  /** One tenant; an unknown id is `tenant_not_found`. */
  get(id: string): Promise<Tenant>;
  /** Creates a tenant; the id is the platform's own when given, else generated. */
  create(input: { id?: string; name: string }, along?: AlongWith<Tenant>): Promise<Tenant>;
  /** Renames a tenant; `along` gets it before and after. */
  rename(id: string, name: string, along?: AlongWith<{ before: Tenant; after: Tenant }>): Promise<Tenant>;
  /** Deletes a tenant with everything it owns. */
  remove(id: string, along?: AlongWith<void>): Promise<void>;
}

export function createTenants({ db, clock }: { db: Kysely<Database>; clock: Clock }): Tenants {
  return {
    async list(page) {
      const rows = await listTenants(db, { after: page.after, limit: page.limit + 1 });
      const items = rows.slice(0, page.limit);
      return { items, nextCursor: rows.length > page.limit ? items[items.length - 1]!.id : null };
    },
    get: (id) => getTenant(db, id),
    create: (input, along) => createTenant(db, clock, input, along),
    rename: (id, name, along) => renameTenant(db, clock, id, name, along),
    remove: (id, along) => deleteTenant(db, id, along),
  };
}
