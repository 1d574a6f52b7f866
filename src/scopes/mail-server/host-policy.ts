import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import type { Kysely } from 'kysely';
import { AppError } from '../../shared/app-error.js';
import type { Clock } from '../../shared/clock.js';
import type { Database } from '../../store/schema.js';
import { inTransaction, type AlongWith } from '../../store/transaction.js';
import { systemScopeId } from '../tenants.js';

/** Ports a tenant's mail server may use unless the system administrator adds more. */
export const standardMailPorts = [25, 465, 587, 2525] as const;

export interface MailHostPolicy {
  /** Host names or addresses tenants may use although they are private (any port). */
  allowedHosts: string[];
  /** Ports allowed besides the standard mail ports. */
  allowedPorts: number[];
}

// Loopback, private, shared, link-local (cloud metadata), multicast, reserved and documentation
// ranges. BlockList matches IPv4-mapped IPv6 (::ffff:a.b.c.d) against the IPv4 rules; the other forms
// that embed an IPv4 address are refused whole, whatever they embed: IPv4-compatible (::/96),
// IPv4-translated (::ffff:0:0:0/96), NAT64 (64:ff9b::/96, 64:ff9b:1::/48), 6to4 (2002::/16) and
// Teredo (2001::/32). A tenant behind NAT64 asks the system administrator to allow its relay.
const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 96],
  ['::1', 128],
  ['::ffff:0:0:0', 96],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 32],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv6');
}

/** True for an address a tenant may not reach (loopback, private, link-local, metadata…). */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  return blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

const normalizeHost = (host: string) =>
  host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');

const settingKey = 'mail_host_policy';
const refused = () =>
  new AppError(
    'host_not_allowed',
    'This mail server host or port is not allowed for tenants. Use a public mail server on a standard port (25, 465, 587 or 2525), or ask the system administrator to allow it.',
    [{ field: '/host', rule: 'network_policy', message: 'is not allowed' }],
  );

/** What the system administrator set (without the configured entries). */
async function storedIn(db: Kysely<Database>): Promise<MailHostPolicy> {
  const row = await db.selectFrom('system_settings').select('value').where('key', '=', settingKey).executeTakeFirst();
  return row ? (JSON.parse(row.value) as MailHostPolicy) : { allowedHosts: [], allowedPorts: [] };
}

/**
 * The SSRF guard for tenants' mail servers, checked when settings are saved and again right
 * before connecting: the host must resolve only to public addresses and use a mail port, unless
 * the system administrator allowed it. The system scope's own server is not restricted.
 * `connectAddress` returns the checked address to connect to, so a DNS answer that changes
 * between check and connect (rebinding) is never used.
 */
export interface MailHostGuard {
  /** What the system administrator set (without the configured entries). */
  stored(): Promise<MailHostPolicy>;
  /** Stores the allow-list; `along` gets the list before and after, in the same transaction. */
  save(next: MailHostPolicy, along?: AlongWith<{ before: MailHostPolicy; after: MailHostPolicy }>): Promise<MailHostPolicy>;
  /**
   * The address to connect to for this scope's server; throws `host_not_allowed` for a tenant's
   * forbidden one. When saving, a name that does not resolve yet passes (it is checked again at
   * connect time, where it fails).
   */
  connectAddress(scopeId: string, host: string, port: number, when?: 'save' | 'connect'): Promise<string>;
}

export function createMailHostGuard(db: Kysely<Database>, clock: Clock, configured: { allowedHosts: readonly string[] }): MailHostGuard {
  const policy = async (): Promise<MailHostPolicy> => {
    const stored = await storedIn(db);
    return {
      allowedHosts: [...new Set([...configured.allowedHosts.map(normalizeHost), ...stored.allowedHosts])],
      allowedPorts: stored.allowedPorts,
    };
  };

  return {
    stored: () => storedIn(db),
    async save(next, along) {
      const value = {
        allowedHosts: [...new Set(next.allowedHosts.map(normalizeHost))].sort(),
        allowedPorts: [...new Set(next.allowedPorts)].sort((a, b) => a - b),
      };
      const text = JSON.stringify(value);
      return inTransaction(db, async (trx) => {
        const before = await storedIn(trx);
        await trx
          .insertInto('system_settings')
          .values({ key: settingKey, value: text, updated_at: clock.now() })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value: text, updated_at: clock.now() }))
          .execute();
        await along?.(trx, { before, after: value });
        return value;
      });
    },
    async connectAddress(scopeId, host, port, when = 'connect') {
      if (scopeId === systemScopeId) return host;
      const current = await policy();
      const name = normalizeHost(host);
      if (current.allowedHosts.includes(name)) return host;
      if (!(standardMailPorts as readonly number[]).includes(port) && !current.allowedPorts.includes(port)) throw refused();
      let addresses: string[];
      try {
        addresses = isIP(name) ? [name] : (await lookup(name, { all: true, verbatim: true })).map((entry) => entry.address);
      } catch {
        if (when === 'save') return host;
        throw refused();
      }
      if (addresses.length === 0 || addresses.some(isPrivateAddress)) throw refused();
      return addresses[0]!;
    },
  };
}
