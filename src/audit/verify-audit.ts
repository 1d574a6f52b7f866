import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { entryHash, genesisHash } from './audit-log.js';

export interface AuditProblem {
  seq: number;
  problem: 'edited' | 'missing' | 'out_of_order' | 'chain_broken' | 'tail_missing';
  message: string;
}

/**
 * Walks the whole chain: every entry must hash to its stored hash (an edit shows), carry the
 * hash of the one before (a deletion or reordering shows), have the next sequence number, and
 * the last one must be the head (entries cut from the end show).
 */
export async function verifyAudit(db: Kysely<Database>): Promise<{ entries: number; problems: AuditProblem[] }> {
  const problems: AuditProblem[] = [];
  let previous = genesisHash;
  let expected = 1;
  let entries = 0;
  const batch = 1000;
  for (let after = 0; ;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(batch).execute();
    for (const row of rows) {
      const seq = Number(row.seq);
      const normalized = { ...row, seq, at: Number(row.at) };
      entries += 1;
      if (seq !== expected) problems.push({ seq, problem: 'missing', message: `entries ${expected}..${seq - 1} are missing` });
      if (entryHash(normalized) !== row.hash)
        problems.push({ seq, problem: 'edited', message: `entry ${seq} does not match its hash: it was edited or moved` });
      if (row.prev_hash !== previous)
        problems.push({
          seq,
          problem: 'chain_broken',
          message: `entry ${seq} does not follow the entry before it: deleted, inserted or reordered entries`,
        });
      previous = row.hash;
      expected = seq + 1;
      after = seq;
    }
    if (rows.length < batch) break;
  }
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  if (head && (Number(head.seq) !== expected - 1 || head.hash !== previous)) {
    problems.push({
      seq: Number(head.seq),
      problem: 'tail_missing',
      message: `the log should end at entry ${Number(head.seq)} but ends at ${expected - 1}`,
    });
  }
  return { entries, problems };
}
