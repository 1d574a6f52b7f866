import type { MailServerSettings } from '../api/types';
import { providerLabel } from './scope-links';
import { securityOptions } from './mail-server-form-model';

/** The stored settings for a viewer: what they are, with no secret, no way to change or test them. */
export function SettingsSummary({ saved, isSystem }: { saved: MailServerSettings | null; isSystem: boolean }) {
  return (
    <section className="panel" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{saved ? `Settings (version ${saved.version})` : 'Settings'}</h2>
      <p className="hint">Read only: your role may look at these settings but not change or test them.</p>
      {!saved ? (
        <p>No settings of its own are stored.</p>
      ) : (
        <dl className="facts">
          <dt>Provider</dt>
          <dd>{providerLabel(saved.provider)}</dd>
          {saved.host && (
            <>
              <dt>Server</dt>
              <dd>
                {saved.host}:{saved.port} (
                {securityOptions.find((o) => o.value === saved.security)?.label.replace(/ \(port \d+\)$/, '') ?? saved.security})
              </dd>
            </>
          )}
          <dt>Authentication</dt>
          <dd>{authLabel(saved)}</dd>
          {saved.username && (
            <>
              <dt>Username</dt>
              <dd>{saved.username}</dd>
            </>
          )}
          <dt>Sender</dt>
          <dd>{saved.fromName ? `${saved.fromName} <${saved.fromAddress}>` : saved.fromAddress}</dd>
          {saved.replyTo && (
            <>
              <dt>Reply-to</dt>
              <dd>{saved.replyTo}</dd>
            </>
          )}
          {saved.provider === 'smtp' && (
            <>
              <dt>Certificate</dt>
              <dd>
                {saved.allowInvalidCertificate
                  ? 'Not checked (any certificate is accepted)'
                  : saved.tlsCa
                    ? 'Checked against its own CA certificate'
                    : 'Checked against the public CAs'}
              </dd>
            </>
          )}
          {saved.provider !== 'builtin' && (
            <>
              <dt>Throughput</dt>
              <dd>
                {saved.poolSize} connection{saved.poolSize === 1 ? '' : 's'} at once
                {saved.rateLimitPerSecond ? `, at most ${saved.rateLimitPerSecond} messages a second` : ''}
                {saved.dailyLimit ? `, at most ${saved.dailyLimit} messages a day` : ''}
                {saved.dailyLimit === null && saved.provider === 'gmail' ? ', at most 2,000 messages a day (Gmail)' : ''}
              </dd>
            </>
          )}
          <dt>Sending</dt>
          <dd>{saved.enabled ? 'On' : 'Off: mail is held'}</dd>
          {isSystem && (
            <>
              <dt>Apply to all tenants</dt>
              <dd>{saved.applyToAllTenants ? 'Yes' : 'No'}</dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}

function authLabel(saved: MailServerSettings): string {
  switch (saved.auth) {
    case 'none':
      return 'None';
    case 'oauth2':
      return 'OAuth2';
    case 'ntlm':
      return `NTLM, domain ${saved.domain ?? ''}${saved.workstation ? `, workstation ${saved.workstation}` : ''}`;
    case 'password':
      return 'Username and password';
  }
}
