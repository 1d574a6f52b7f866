import type { AccessTokenSource, AccessTokenSources } from '../../src/delivery/sending/transports/http/access-token-source.js';

/**
 * TEST DOUBLE of the OAuth token service (src/oauth/, another branch): hands out `token-1`,
 * `token-2`, … and counts renewals; `revoke()` and `killGrant()` make it behave as a dead grant
 * (both calls throw `oauth_reconnect_required`). The
 * transports and the worker it feeds are the real ones.
 */
export function testAccessTokens() {
  let issued = 1;
  let revoked = false;
  let grantDead = false;
  const counts = { accessToken: 0, renew: 0 };
  const dead = () => Object.assign(new Error('the grant was revoked (test double)'), { code: 'oauth_reconnect_required' });
  const source: AccessTokenSource = {
    async accessToken() {
      counts.accessToken += 1;
      if (revoked || grantDead) throw dead();
      return `token-${issued}`;
    },
    async renew(rejected) {
      counts.renew += 1;
      if (revoked || grantDead) throw dead();
      if (rejected === `token-${issued}`) issued += 1;
      return `token-${issued}`;
    },
  };
  const sources: AccessTokenSources = { sourceFor: () => (revoked ? null : source) };
  return {
    sources,
    counts,
    /** The token the fake API accepts now. */
    current: () => `token-${issued}`,
    /** Whether a token is the current one (the fake API's bearer check). */
    valid: (token: string) => token === `token-${issued}`,
    /** Makes the current token stale at the API without the source knowing (as after a revocation of one token). */
    rotateBehindTheBack() {
      issued += 1;
    },
    /** The grant is revoked and the service knows: no source is offered, so the worker holds the mail before sending. */
    revoke() {
      revoked = true;
    },
    /** The grant dies and the service finds out only on use: the source is offered, and throws. */
    killGrant() {
      grantDead = true;
    },
  };
}
