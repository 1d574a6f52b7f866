import { can } from '../api/credentials';
import { useUser } from '../api/session';
import type { EventTypeItem, SettingsView } from '../api/rules-types';
import { useApi } from '../api/use-api';
import { ErrorBanner, Loading, Notice } from '../components/feedback';
import { ScopePicker, usePageScope } from '../components/scope-picker';
import { AdminRecipientsPanel } from './admin-recipients';
import { EventTypesPanel } from './notification-events';
import { BrandingForm, DeliveryRulesForm } from './notification-settings-form';
import { scopeApiPath, scopePagePath } from './scope-links';
import { SilencesPanel } from './silences-panel';

/** Which events send email in a scope, to whom, how often, when not, and how the email looks. */
export function Notifications() {
  const scope = usePageScope();
  const user = useUser();
  return (
    <>
      <div className="page-head">
        <h1>Notifications</h1>
        {can(user, 'system') && <ScopePicker current={scope} pathOf={scopePagePath('/notifications')} />}
      </div>
      <ScopeNotifications key={scope} scope={scope} readOnly={!can(user, 'settings:write')} />
    </>
  );
}

function ScopeNotifications({ scope, readOnly }: { scope: string; readOnly: boolean }) {
  const base = scopeApiPath(scope);
  const isSystem = scope === 'system';
  const settings = useApi<SettingsView>(`${base}/notifications`);
  const types = useApi<{ items: EventTypeItem[] }>(`${base}/event-types`);
  const recipients = useApi<{ recipients: string[] }>(`${base}/recipients`);
  const error = settings.error ?? types.error ?? recipients.error;
  if (error && (!settings.data || !types.data || !recipients.data)) return <ErrorBanner error={error} title="The notification settings could not be loaded" />;
  if (!settings.data || !types.data || !recipients.data) return <Loading what="the notification settings" />;

  return (
    <>
      <p className="lead">
        {isSystem
          ? 'The system’s rules apply to its own events and are what every tenant inherits until it sets its own.'
          : 'This tenant inherits the system’s rules; anything set here overrides them for this tenant only.'}
      </p>
      <ErrorBanner error={error} />
      {readOnly && <Notice>Read only: your role can see these settings but not change them.</Notice>}
      {/* A disabled fieldset disables every control inside it, so a viewer cannot start a change. */}
      <fieldset className="plain" disabled={readOnly}>
      <AdminRecipientsPanel base={base} recipients={recipients.data.recipients} onSaved={recipients.update} />
      <DeliveryRulesForm base={base} isSystem={isSystem} view={settings.data} onSaved={settings.update} />
      <EventTypesPanel base={base} isSystem={isSystem} types={types.data.items} adminRecipients={recipients.data.recipients} onChanged={types.reload} />
      <SilencesPanel base={base} types={types.data.items} />
      <BrandingForm base={base} isSystem={isSystem} view={settings.data} onSaved={settings.update} />
      </fieldset>
    </>
  );
}
