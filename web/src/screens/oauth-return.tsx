import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, type ApiError } from '../api/client';
import type { OAuthConnection } from '../api/oauth-types';
import { ErrorBanner, Progress } from '../components/feedback';
import { signInReturnPath, type SignInOutcome } from './oauth-sign-in';

/** States already posted: each is single-use, so a second render must not post it again. */
const posted = new Set<string>();

/**
 * Where Herald's callback hands over after the provider's consent page: posts `state` and `code`
 * (or the provider's error) to the API with this session, then lands on the mail-server screen
 * the sign-in started from, saying whether the mailbox is connected.
 */
export function OAuthReturn() {
  const navigate = useNavigate();
  const [error, setError] = useState<ApiError>();
  const state = new URLSearchParams(window.location.search).get('state') ?? '';

  useEffect(() => {
    const query = new URLSearchParams(window.location.search);
    const provider = query.get('provider');
    if (!state || posted.has(state)) return;
    posted.add(state);
    const body: Record<string, string> = { state };
    for (const key of ['code', 'error', 'error_description']) {
      const value = query.get(key);
      if (value !== null) body[key] = value;
    }
    const back = signInReturnPath();
    const land = (outcome: SignInOutcome['oauthOutcome']) => navigate(back, { replace: true, state: { oauthOutcome: outcome } });
    api<OAuthConnection>('POST', `/oauth/callback/${encodeURIComponent(provider ?? '')}`, { body })
      .then((view) => land({ ok: true, text: `Connected as ${view.account ?? view.mailbox}. Held mail of this scope is being released.` }))
      .catch((reason: unknown) => {
        const apiError = reason as ApiError;
        if (apiError.status === 0) return setError(apiError);
        land({ ok: false, text: apiError.message });
      });
  }, [navigate, state]);

  return (
    <>
      <h1>Connecting the mailbox</h1>
      {!state ? (
        <p>
          Nothing to complete: a provider's sign-in comes back here. Start it from the <Link to="/mail-server">Mail server</Link> screen.
        </p>
      ) : error ? (
        <ErrorBanner error={error} title="The sign-in could not be completed" />
      ) : (
        <Progress label="Completing the sign-in…" />
      )}
    </>
  );
}
