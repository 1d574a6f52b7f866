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

/** What the database says about who may receive an event: the user it names, or the type's subscribers. */
export interface AudienceFacts {
  /** `user` types: the named user as found in the scope (absent: none named, or not found). */
  user?: {
    email: string;
    name: string;
    locale: string;
    disabled: boolean;
    /** Their stored choice for the type (undefined: never chose; not read for a disabled user). */ choice: boolean | undefined;
  };
  /** `subscribers` types: the enabled users of the scope who opted in. */
  subscribers?: Recipient[];
}

type AudienceEvent = { recipients?: string[]; user?: string };

/**
 * Who gets an event: explicit recipients when the event names them; else by the type's audience —
 * `admins`: the per-event override or the scope's admin recipients; `user`: the user the event
 * names, unless they opted out (a mandatory type ignores the opt-out); `subscribers`: the scope's
 * users who opted in. Pure: `readAudience` reads the facts it needs.
 *
 * @example
 * declare const type: EventType; declare const rules: ScopeRules;
 * chooseAudience(type, rules, { user: 'jane@acme.test' }, { user: { email: 'jane@acme.test', name: 'Jane', locale: 'en', disabled: false, choice: false } })
 */
export function chooseAudience(
  type: EventType,
  rules: Pick<ScopeRules, 'overrides' | 'adminRecipients'>,
  event: AudienceEvent,
  facts: AudienceFacts,
): Audience {
  const excluded: Audience['excluded'] = [];
  if (event.recipients) return { recipients: event.recipients.map((address) => ({ address, name: null })), excluded, user: null };
  if (type.audience === 'admins') {
    const list = rules.overrides.own.get(type.id)?.recipients ?? rules.adminRecipients;
    return { recipients: list.map((address) => ({ address, name: null })), excluded, user: null };
  }
  if (type.audience === 'user') {
    if (!event.user)
      return {
        recipients: [],
        excluded: [{ recipient: null, code: 'no_user', message: `${type.id} goes to the user it concerns, and the event names none` }],
        user: null,
      };
    const user = facts.user;
    if (!user)
      return {
        recipients: [],
        excluded: [{ recipient: null, code: 'user_not_found', message: `no user ${event.user} in this scope` }],
        user: null,
      };
    const profile = { name: user.name, email: user.email, locale: user.locale };
    if (user.disabled)
      return {
        recipients: [],
        excluded: [{ recipient: user.email, code: 'user_disabled', message: 'the user is disabled' }],
        user: profile,
      };
    if (!receives(type, user.choice)) {
      return {
        recipients: [],
        excluded: [{ recipient: user.email, code: 'opted_out', message: `the user turned ${type.id} off in personal settings` }],
        user: profile,
      };
    }
    return { recipients: [{ address: user.email, name: user.name }], excluded, user: profile };
  }
  const subscribers = facts.subscribers ?? [];
  if (subscribers.length === 0)
    excluded.push({ recipient: null, code: 'no_subscribers', message: `no user of this scope opted in to ${type.id}` });
  return { recipients: subscribers, excluded, user: null };
}

/**
 * Reads what `chooseAudience` needs from the database: nothing for explicit recipients and admins.
 * A type's subscribers in a scope are read once per `subscribersRead` (an ingest commit's): a batch
 * of a subscribers type's events asks the same question of every event.
 */
export async function readAudience(
  db: Kysely<Database>,
  scopeId: string,
  type: EventType,
  event: AudienceEvent,
  subscribersRead: Map<string, Promise<Recipient[]>>,
): Promise<AudienceFacts> {
  if (event.recipients || type.audience === 'admins') return {};
  if (type.audience === 'user') {
    if (!event.user) return {};
    const named = event.user;
    const user = await db
      .selectFrom('users')
      .select(['id', 'email', 'name', 'locale', 'disabled_at'])
      .where('scope_id', '=', scopeId)
      .where((eb) => eb.or([eb('id', '=', named), eb('email', '=', named.toLowerCase())]))
      .executeTakeFirst();
    if (!user) return {};
    const found = { email: user.email, name: user.name, locale: user.locale, disabled: user.disabled_at !== null, choice: undefined };
    if (found.disabled) return { user: found };
    const choice = await db
      .selectFrom('user_preferences')
      .select('enabled')
      .where('user_id', '=', user.id)
      .where('event_type', '=', type.id)
      .executeTakeFirst();
    return { user: { ...found, choice: choice === undefined ? undefined : choice.enabled === 1 } };
  }
  const key = `${scopeId}\u0000${type.id}`;
  let subscribers = subscribersRead.get(key);
  if (!subscribers) subscribersRead.set(key, (subscribers = readSubscribers(db, scopeId, type.id)));
  return { subscribers: [...(await subscribers)] };
}

async function readSubscribers(db: Kysely<Database>, scopeId: string, typeId: string): Promise<Recipient[]> {
  const subscribers = await db
    .selectFrom('users')
    .innerJoin('user_preferences', 'user_preferences.user_id', 'users.id')
    .select(['users.email', 'users.name'])
    .where('users.scope_id', '=', scopeId)
    .where('users.disabled_at', 'is', null)
    .where('user_preferences.event_type', '=', typeId)
    .where('user_preferences.enabled', '=', 1)
    .orderBy('users.email')
    .execute();
  return subscribers.map((row) => ({ address: row.email, name: row.name }));
}
