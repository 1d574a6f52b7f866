import type { Kysely } from 'kysely';
import { AppError } from '../shared/app-error.js';
import type { Database, MailboxRow } from '../store/schema.js';

export interface MailboxItem {
  id: string;
  scope: string;
  to: string;
  from: string;
  subject: string;
  messageId: string;
  receivedAt: string;
}

export interface MailboxMessage extends MailboxItem {
  text: string;
  html: string | null;
}

const toItem = (row: MailboxRow): MailboxItem => ({
  id: row.message_id,
  scope: row.scope_id,
  to: row.recipient,
  from: row.sender,
  subject: row.subject,
  messageId: row.message_id_header,
  receivedAt: new Date(row.received_at).toISOString(),
});

/** The built-in mailbox, newest first, optionally for one scope or recipient. */
export async function listMailbox(db: Kysely<Database>, filter: { scope?: string; to?: string; cursor?: string; limit: number }) {
  let query = db
    .selectFrom('mailbox')
    .selectAll()
    .orderBy('message_id', 'desc')
    .limit(filter.limit + 1);
  if (filter.scope) query = query.where('scope_id', '=', filter.scope);
  if (filter.to) query = query.where('recipient', '=', filter.to);
  if (filter.cursor) query = query.where('message_id', '<', filter.cursor);
  const rows = await query.execute();
  const page = rows.slice(0, filter.limit);
  return { items: page.map(toItem), nextCursor: rows.length > filter.limit ? page[page.length - 1]!.message_id : null };
}

export async function getMailboxMessage(db: Kysely<Database>, id: string, scope?: string): Promise<MailboxMessage> {
  let query = db.selectFrom('mailbox').selectAll().where('message_id', '=', id);
  if (scope) query = query.where('scope_id', '=', scope);
  const row = await query.executeTakeFirst();
  if (!row) throw new AppError('not_found', `No mailbox message with id ${id}.`);
  return { ...toItem(row), text: row.text_body, html: row.html_body };
}

/** The built-in mailbox of one database. */
export interface Mailbox {
  /** Newest first, optionally for one scope or recipient; `cursor` is the last id of the previous page. */
  list(filter: {
    scope?: string;
    to?: string;
    cursor?: string;
    limit: number;
  }): Promise<{ items: MailboxItem[]; nextCursor: string | null }>;
  /** One delivered message with its bodies; `scope` restricts it to that scope. */
  get(id: string, scope?: string): Promise<MailboxMessage>;
}

export function createMailbox({ db }: { db: Kysely<Database> }): Mailbox {
  return {
    list: (filter) => listMailbox(db, filter),
    get: (id, scope) => getMailboxMessage(db, id, scope),
  };
}
