import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { loadRegisteredTypes, type EventType } from './catalogue.js';
import { loadEventOverrides, loadSettings, type EventOverrides, type NotificationSettings } from './settings.js';
import { loadSilences, type Silence } from './silences.js';

/** Everything the rules need about one scope, read once per ingest commit. */
export interface ScopeRules {
  settings: NotificationSettings;
  overrides: EventOverrides;
  adminRecipients: string[];
  registered: Map<string, EventType>;
  silences: Silence[];
}

export async function loadScopeRules(db: Kysely<Database>, scopeId: string): Promise<ScopeRules> {
  const [settings, overrides, recipients, registered, silences] = await Promise.all([
    loadSettings(db, scopeId),
    loadEventOverrides(db, scopeId),
    db.selectFrom('scope_recipients').select('address').where('scope_id', '=', scopeId).orderBy('created_at').execute(),
    loadRegisteredTypes(db, scopeId),
    loadSilences(db, scopeId),
  ]);
  return { settings: settings.effective, overrides, adminRecipients: recipients.map((row) => row.address), registered, silences };
}
