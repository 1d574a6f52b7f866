import { Link } from 'react-router';
import type { OverviewPage } from '../api/types';
import { When } from '../components/feedback';
import { oauthModeLabel } from './oauth-connection-form';
import { mailServerPath, providerLabel } from './scope-links';

/** The Overview's deprecation pre-flight: every scope still signing in with a password at Microsoft 365 or Gmail. */
export function PasswordRetiring({ scopes }: { scopes: OverviewPage['passwordAuthRetiring'] }) {
  if (scopes.length === 0) return null;
  const today = new Date().toISOString().slice(0, 10);
  return (
    <section className="banner banner-warning retiring" aria-labelledby="password-retiring">
      <h2 id="password-retiring">Password sign-in is being retired</h2>
      <p>
        {scopes.length === 1 ? 'This mail server signs' : `These ${scopes.length} mail servers sign`} in with a password, which the provider
        is turning off. Move each to OAuth2 before the date.
      </p>
      <div className="table-wrap" role="region" aria-label="Scopes on password authentication" tabIndex={0}>
        <table className="stack">
          <thead>
            <tr>
              <th scope="col">Scope</th>
              <th scope="col">Provider</th>
              <th scope="col">Password since</th>
              <th scope="col">Basic auth stops</th>
              <th scope="col">Move to</th>
            </tr>
          </thead>
          <tbody>
            {scopes.map((scope) => (
              <tr key={scope.scope}>
                <td data-label="Scope">
                  <Link to={mailServerPath(scope.scope)}>
                    {scope.name}
                    <span className="visually-hidden"> mail server</span>
                  </Link>
                  {scope.scope !== 'system' && <span className="muted"> ({scope.scope})</span>}
                </td>
                <td data-label="Provider">{providerLabel(scope.provider)}</td>
                <td data-label="Since">
                  <When at={scope.since} />
                </td>
                <td data-label="Stops on">
                  <time dateTime={scope.basicAuthEnds}>{scope.basicAuthEnds}</time>
                  {scope.basicAuthEnds < today && <span> (already: only app passwords work)</span>}
                </td>
                <td data-label="Move to">{scope.moveTo.map((mode) => `OAuth2: ${oauthModeLabel(mode)}`).join(' or ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
