// Authentication for the SMTP sink (bench/smtp-sink.ts) when the OAuth phase asks for it: AUTH
// PLAIN and LOGIN against one user and password, and AUTH XOAUTH2 against the fake identity
// provider of test/support, started here, in the sink's process, on the real clock, so checking a
// token is a lookup in the same process that issued it.
import type { SMTPServerAuthentication, SMTPServerAuthenticationResponse } from 'smtp-server';
import { startFakeIdentityProvider } from '../test/support/fake-identity-provider.js';
import { systemClock } from '../src/shared/clock.js';

/** What the sink is started with (its first argument, as JSON) to require authentication. */
export interface SinkAuthOptions {
  /** The password login: AUTH PLAIN or LOGIN. */
  user: string;
  password: string;
  /** The identity provider's registered apps: client id → client secret. */
  clients: Record<string, string>;
  /** Access-token lifetime in seconds (short, so tokens are renewed during the run). */
  tokenLifetimeSeconds: number;
}

/** Logins since the last reset, by mechanism, and the provider's token requests. */
export interface SinkAuthStats {
  password: number;
  xoauth2: number;
  refused: number;
  /** Token requests the provider answered since the last reset, by status. */
  tokenRequests: { ok: number; failed: number };
}

type AuthCallback = (error: Error | null | undefined, response?: SMTPServerAuthenticationResponse) => void;

/**
 * Starts the fake identity provider and returns the sink's `onAuth`, the counters and the provider's origin.
 *
 * @example const auth = await startSinkAuth({ user: 'u', password: 'p', clients: { app: 's' }, tokenLifetimeSeconds: 60 });
 */
export async function startSinkAuth(options: SinkAuthOptions) {
  const idp = await startFakeIdentityProvider({
    clock: systemClock,
    clients: options.clients,
    lifetimeSeconds: options.tokenLifetimeSeconds,
  });
  let counts = { password: 0, xoauth2: 0, refused: 0 };
  let requestsSeen = 0;
  return {
    idpOrigin: idp.origin,
    onAuth(auth: SMTPServerAuthentication, callback: AuthCallback) {
      const user = auth.username ?? '';
      if (auth.method === 'XOAUTH2') {
        if (idp.accepts(user, auth.accessToken ?? '')) {
          counts.xoauth2 += 1;
          return callback(null, { user });
        }
        counts.refused += 1;
        return callback(null, { data: { status: '401', schemes: 'bearer', scope: 'https://outlook.office365.com/.default' } });
      }
      if (user === options.user && auth.password === options.password) {
        counts.password += 1;
        return callback(null, { user });
      }
      counts.refused += 1;
      callback(Object.assign(new Error('5.7.8 Authentication credentials invalid'), { responseCode: 535 }));
    },
    stats(): SinkAuthStats {
      const requests = idp.requests.slice(requestsSeen);
      const ok = requests.filter((r) => r.status === 200).length;
      return { ...counts, tokenRequests: { ok, failed: requests.length - ok } };
    },
    reset() {
      counts = { password: 0, xoauth2: 0, refused: 0 };
      requestsSeen = idp.requests.length;
    },
    close: () => idp[Symbol.asyncDispose](),
  };
}
