import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { EventType } from './catalogue.js';
import { receives } from './preferences.js';
import type { ScopeRules } from './scope-rules.js';

export interface Recipient {
  address: string;
  name: string | null;
}

export interface Audience {
  recipients: Recipient[];
  /** Who was left out and why (recorded as suppression notes). */
  excluded: Array<{ recipient: string | null; code: string; message: string }>;
  user: { name: string; email: string; locale: string } | null;
}

/**
 * Who gets an event: explicit recipients when the event names them; else by the type's audience —
 * `admins`: the per-event override or the scope's admin recipients; `user`: the user the event
 * names, unless they opted out; `subscribers`: the scope's users who opted in.
 */
export async function resolveAudience(db: Kysely<Database>, scopeId: string, type: EventType, rules: ScopeRules, event: { recipients?: string[]; user?: string }): Promise<Audience> {
  const excluded: Audience['excluded'] = [];
  if (event.recipients) return { recipients: event.recipients.map((address) => ({ address, name: null })), excluded, user: null };
  if (type.audience === 'admins') {
    const list = rules.overrides.own.get(type.id)?.recipients ?? rules.adminRecipients;
    return { recipients: list.map((address) => ({ address, name: null })), excluded, user: null };
  }
  if (type.audience === 'user') {
    if (!event.user) return { recipients: [], excluded: [{ recipient: null, code: 'no_user', message: `${type.id} goes to the user it concerns, and the event names none` }], user: null };
    const key = event.user.toLowerCase();
    const user = await db
      .selectFrom('users')
      .select(['id', 'email', 'name', 'locale', 'disabled_at'])
      .where('scope_id', '=', scopeId)
      .where((eb) => eb.or([eb('id', '=', event.user!), eb('email', '=', key)]))
      .executeTakeFirst();
    if (!user) return { recipients: [], excluded: [{ recipient: null, code: 'user_not_found', message: `no user ${event.user} in this scope` }], user: null };
    const profile = { name: user.name, email: user.email, locale: user.locale };
    if (user.disabled_at !== null) return { recipients: [], excluded: [{ recipient: user.email, code: 'user_disabled', message: 'the user is disabled' }], user: profile };
    const choice = await db.selectFrom('user_preferences').select('enabled').where('user_id', '=', user.id).where('event_type', '=', type.id).executeTakeFirst();
    if (!receives(type, choice === undefined ? undefined : choice.enabled === 1)) {
      return { recipients: [], excluded: [{ recipient: user.email, code: 'opted_out', message: `the user turned ${type.id} off in personal settings` }], user: profile };
    }
    return { recipients: [{ address: user.email, name: user.name }], excluded, user: profile };
  }
  const subscribers = await db
    .selectFrom('users')
    .innerJoin('user_preferences', 'user_preferences.user_id', 'users.id')
    .select(['users.email', 'users.name'])
    .where('users.scope_id', '=', scopeId)
    .where('users.disabled_at', 'is', null)
    .where('user_preferences.event_type', '=', type.id)
    .where('user_preferences.enabled', '=', 1)
    .orderBy('users.email')
    .execute();
  if (subscribers.length === 0) excluded.push({ recipient: null, code: 'no_subscribers', message: `no user of this scope opted in to ${type.id}` });
  return { recipients: subscribers.map((row) => ({ address: row.email, name: row.name })), excluded, user: null };
}
