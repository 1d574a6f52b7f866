import type { StoreDialect } from '../../store/dialect.js';
import type { TemplateRow } from '../../store/schema.js';
import type { RenderPool } from '../../templates/index.js';
import type { Recipient } from '../audience.js';
import type { ScopeRules } from '../scope-rules.js';
import { noWrites, type AlertSlot, type DigestSlot, type RuleWrites } from './slots.js';

/**
 * The rules' state in one ingest commit: what its events read (each read once, the alert and
 * digest rows locked until the commit ends), and what their decisions change, written by
 * `flushRules` in the commit's transaction.
 */
export interface RulesCommit {
  dialect: StoreDialect;
  /** Renders the scopes' own templates, off this thread. */
  pool: RenderPool;
  scopes: Map<string, Promise<ScopeRules>>;
  templates: Map<string, Promise<TemplateRow | undefined>>;
  /** Each subscribers type's subscribers, by scope and type. */
  subscribers: Map<string, Promise<Recipient[]>>;
  /** One slot per alert, by scope and dedup key. */
  alerts: Map<string, Promise<AlertSlot>>;
  /** One slot per group's open digest, by scope and group. */
  digests: Map<string, Promise<DigestSlot>>;
  writes: RuleWrites;
}

export function newRulesCommit(dialect: StoreDialect, pool: RenderPool): RulesCommit {
  return {
    dialect,
    pool,
    scopes: new Map(),
    templates: new Map(),
    subscribers: new Map(),
    alerts: new Map(),
    digests: new Map(),
    writes: noWrites(),
  };
}

/** The value under `key`, loaded by the first caller of the commit. */
export function once<T>(map: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let value = map.get(key);
  if (!value) {
    value = load();
    map.set(key, value);
  }
  return value;
}
