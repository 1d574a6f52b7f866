import type { Kysely } from 'kysely';
import type { Clock } from '../shared/clock.js';
import type { Database } from '../store/schema.js';
import type { AlongWith } from '../store/transaction.js';
import { appendAudit, listAudit, type AuditEntry, type AuditFilter, type AuditView } from './audit-log.js';
import { verifyAudit, type AuditProblem } from './verify-audit.js';
import { actorsNamed, auditNames } from './audit-names.js';

/** The audit log of one database, its entries stamped by one clock. */
export interface AuditLog {
  /** Appends an entry on its own, for what changes nothing stored (sign-ins, test emails, commands). */
  record(entry: AuditEntry): Promise<void>;
  /**
   * The entry of a change, to pass as `along` to the domain call that makes it: appended inside the
   * change's transaction, so the change and its entry commit together (an audit failure undoes the change).
   */
  along<T>(describe: (result: T) => AuditEntry): AlongWith<T>;
  /** Newest first, filtered; a tenant's administrators are given `scope` = their tenant. */
  list(filter: AuditFilter): Promise<{ items: AuditView[]; nextCursor: string | null }>;
  /** Readable names for actors and targets (`user:…`, `token:…`, `scope:…`) as they are named now; other scopes' accounts stay unnamed for a tenant's caller. */
  names(refs: readonly string[], visibleScope?: string): Promise<Record<string, string>>;
  /** The actors (`user:…`, `token:…`) whose name or email contains `text`, within `visibleScope` when given. */
  actorsNamed(text: string, visibleScope?: string): ReturnType<typeof actorsNamed>;
  /** Walks the whole hash chain, naming every edited, missing or reordered entry. */
  verify(): Promise<{ entries: number; problems: AuditProblem[] }>;
}

export function createAuditLog({ db, clock }: { db: Kysely<Database>; clock: Clock }): AuditLog {
  return {
    async record(entry) {
      await appendAudit(db, clock.now(), entry);
    },
    along: (describe) => (trx, result) => appendAudit(trx, clock.now(), describe(result)),
    list: (filter) => listAudit(db, filter),
    names: (refs, visibleScope) => auditNames(db, refs, visibleScope),
    actorsNamed: (text, visibleScope) => actorsNamed(db, text, visibleScope),
    verify: () => verifyAudit(db),
  };
}
