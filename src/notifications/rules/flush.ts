import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { RulesCommit } from './commit.js';

/** Writes the commit's alert, digest and note rows (inside the ingest transaction). */
export async function flushRules(db: Kysely<Database>, commit: RulesCommit): Promise<void> {
  const { alerts, digests, notes } = commit.writes;
  for (const { loaded, write } of alerts) {
    if (!write) continue;
    if (loaded) {
      const { scope_id, dedup_key, ...rest } = write;
      await db.updateTable('alerts').set(rest).where('scope_id', '=', scope_id).where('dedup_key', '=', dedup_key).execute();
    } else await db.insertInto('alerts').values(write).execute();
  }
  for (const { loaded, write, items } of digests) {
    if (!write) continue;
    if (write.id === loaded?.id) await db.updateTable('digests').set({ recipients: write.recipients }).where('id', '=', write.id).execute();
    else await db.insertInto('digests').values(write).execute();
    if (items.length > 0)
      await db
        .insertInto('digest_items')
        .values(items.map((event_id) => ({ digest_id: write.id, event_id })))
        .execute();
  }
  for (let at = 0; at < notes.length; at += 500)
    await db
      .insertInto('event_notes')
      .values(notes.slice(at, at + 500))
      .execute();
}
