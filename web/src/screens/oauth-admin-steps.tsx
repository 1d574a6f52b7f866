/** The admin center a Microsoft cloud's consent link points at. */
const loginHosts: Record<string, string> = {
  global: 'https://login.microsoftonline.com',
  usgov: 'https://login.microsoftonline.us',
  china: 'https://login.chinacloudapi.cn',
};

const orPlaceholder = (value: string, placeholder: string) => value.trim() || placeholder;

/**
 * What a Microsoft 365 administrator does before app-only access works (docs/providers.md), with
 * this connection's ids filled in: the permission, the consent link and the Exchange commands.
 */
export function MicrosoftAppSteps({
  cloud,
  directoryId,
  clientId,
  mailbox,
}: {
  cloud: string;
  directoryId: string;
  clientId: string;
  mailbox: string;
}) {
  const tenant = orPlaceholder(directoryId, '<directory id>');
  const app = orPlaceholder(clientId, '<client id>');
  const box = orPlaceholder(mailbox, '<mailbox>');
  const consent = `${loginHosts[cloud] ?? loginHosts.global}/${encodeURIComponent(tenant)}/adminconsent?client_id=${encodeURIComponent(app)}`;
  const commands = [
    `New-ServicePrincipal -AppId ${app} -ObjectId <enterprise application object id>`,
    `Add-MailboxPermission -Identity ${box} -User <service principal id> -AccessRights FullAccess`,
    `Set-CASMailbox -Identity ${box} -SmtpClientAuthenticationDisabled $false`,
  ].join('\n');
  return (
    <section aria-labelledby="app-steps-heading" className="admin-steps">
      <h3 id="app-steps-heading">At Microsoft, before saving</h3>
      <ol>
        <li>
          Entra admin center → App registrations: note the <strong>Application (client) id</strong> and the{' '}
          <strong>Directory (tenant) id</strong>; Certificates &amp; secrets → New client secret: copy its <strong>Value</strong> (not its
          Secret ID).
        </li>
        <li>
          API permissions → Add → APIs my organization uses → <strong>Office 365 Exchange Online</strong> → Application permissions →{' '}
          <strong>SMTP.SendAsApp</strong>, then grant admin consent:{' '}
          <a href={consent} target="_blank" rel="noreferrer">
            admin consent link
          </a>
          .
        </li>
        <li>
          In Exchange Online PowerShell, with the <strong>Enterprise application's</strong> object id (the app registration's object id
          fails with <code>535 5.7.3</code>):
          <pre className="commands" tabIndex={0} role="region" aria-label="Exchange Online PowerShell commands">
            <code>{commands}</code>
          </pre>
          Or RBAC for Applications:{' '}
          <code>New-ManagementRoleAssignment -Role 'Application SMTP.SendAsApp' -App &lt;service principal id&gt; …</code>
        </li>
      </ol>
    </section>
  );
}
