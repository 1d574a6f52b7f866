import type { Kysely } from 'kysely';
import type { MailServer } from '../../scopes/index.js';
import type { Database } from '../../store/schema.js';
import { dailySendLimit } from './provider-limits.js';
import { scopesServedBy } from './server-backoff.js';

const dayMs = 86_400_000;

/** The mailbox a server sends as: the settings' username, else the sender address. */
const mailboxOf = (server: MailServer) => (server.auth.kind === 'none' ? server.sender.from.address : server.auth.username).toLowerCase();

/** A slot of a mailbox's day, taken for one send; give it back when the send did not go out. */
export interface DailySlot {
  scopeId: string;
  mailbox: string;
  day: number;
}

export interface DailyCap {
  /**
   * Takes a slot of today's cap for this server's mailbox: the slot, or null when no cap applies,
   * or `{ until }` (the start of the next UTC day) when the mailbox is done for today. The first
   * time a node finds a mailbox full, the waiting mail of the scopes it serves is parked until
   * then (its next attempt moved, no attempt recorded), so claims do not pick it up one by one.
   */
  take(server: MailServer, now: number): Promise<DailySlot | { until: number } | null>;
  /** Gives a slot back: the send was refused, deferred or held, so it did not count at the provider. */
  giveBack(slot: DailySlot): Promise<void>;
}

/**
 * Per-mailbox daily caps that hold across the cluster (Gmail and Workspace: 2,000 messages a day
 * per user): one row per mailbox and UTC day in `daily_sends`, taken with one conditional upsert
 * per send (`sent < cap`), so concurrent nodes never send past it. Each node remembers a mailbox
 * it found full until the day ends, so the rest of its sends that day cost no query.
 *
 * @example
 * declare const server: MailServer;
 * const slot = await createDailyCap(db).take(server, Date.now());
 */
export function createDailyCap(db: Kysely<Database>): DailyCap {
  const full = new Map<string, number>();
  let prunedDay = 0;

  async function park(scopeId: string, until: number): Promise<void> {
    await db
      .updateTable('messages')
      .set({ next_attempt_at: until })
      .where('state', 'in', ['queued', 'deferred'])
      .where('scope_id', 'in', scopesServedBy(db, scopeId))
      .where('next_attempt_at', '<', until)
      .execute();
  }

  return {
    async take(server, now) {
      const cap = dailySendLimit(server);
      if (cap === null) return null;
      const slot = { scopeId: server.scopeId, mailbox: mailboxOf(server), day: Math.floor(now / dayMs) };
      const until = (slot.day + 1) * dayMs;
      // keyed by the cap too: a cap raised during the day is tried again at once
      const key = `${slot.scopeId}\u0000${slot.mailbox}\u0000${cap}`;
      if ((full.get(key) ?? 0) > now) return { until };
      if (prunedDay !== slot.day) {
        prunedDay = slot.day;
        await db
          .deleteFrom('daily_sends')
          .where('day', '<', slot.day - 1)
          .execute();
      }
      const taken = await db
        .insertInto('daily_sends')
        .values({ scope_id: slot.scopeId, mailbox: slot.mailbox, day: slot.day, sent: 1, cap })
        .onConflict((oc) =>
          oc
            .columns(['scope_id', 'mailbox', 'day'])
            .doUpdateSet((eb) => ({ sent: eb('daily_sends.sent', '+', 1), cap }))
            .where('daily_sends.sent', '<', cap),
        )
        .returning('sent')
        .executeTakeFirst();
      if (taken) return slot;
      full.set(key, until);
      await park(slot.scopeId, until);
      return { until };
    },
    async giveBack(slot) {
      await db
        .updateTable('daily_sends')
        .set((eb) => ({ sent: eb('sent', '-', 1) }))
        .where('scope_id', '=', slot.scopeId)
        .where('mailbox', '=', slot.mailbox)
        .where('day', '=', slot.day)
        .where('sent', '>', 0)
        .execute();
    },
  };
}
