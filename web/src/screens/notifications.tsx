import { Link, useSearchParams } from 'react-router';
import { can } from '../api/credentials';
import { useUser } from '../api/session';
import type { EventTypeItem, SettingsView } from '../api/rules-types';
import { useApi } from '../api/use-api';
import { ErrorBanner, Loading, Notice } from '../components/feedback';
import { ScopePicker, usePageScope } from '../components/scope-picker';
import { AdminRecipientsPanel } from './admin-recipients';
import { EventTypesPanel } from './notification-events';
import { BrandingForm, DeliveryRulesForm, EmailSwitch } from './notification-settings-form';
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

const sections = [
  { id: 'recipients', label: 'Recipients' },
  { id: 'delivery', label: 'Delivery' },
  { id: 'event-types', label: 'Event types' },
  { id: 'silences', label: 'Silences' },
  { id: 'branding', label: 'Branding' },
] as const;
type SectionId = (typeof sections)[number]['id'];

/**
 * A scope's rules: the email switch on top, then one section at a time (its address is
 * `?section=…`). Every section stays mounted, so changes not saved yet survive a look at another.
 */
function ScopeNotifications({ scope, readOnly }: { scope: string; readOnly: boolean }) {
  const base = scopeApiPath(scope);
  const isSystem = scope === 'system';
  const [params] = useSearchParams();
  const current: SectionId = sections.find((section) => section.id === params.get('section'))?.id ?? 'recipients';
  const settings = useApi<SettingsView>(`${base}/notifications`);
  const types = useApi<{ items: EventTypeItem[] }>(`${base}/event-types`);
  const recipients = useApi<{ recipients: string[] }>(`${base}/recipients`);
  const error = settings.error ?? types.error ?? recipients.error;
  if (error && (!settings.data || !types.data || !recipients.data))
    return <ErrorBanner error={error} title="The notification settings could not be loaded" />;
  if (!settings.data || !types.data || !recipients.data) return <Loading what="the notification settings" />;

  return (
    <>
      <p className="lead">
        {isSystem
          ? 'The system’s rules apply to its own events and are what every tenant inherits until it sets its own.'
          : 'This tenant inherits the system’s rules; anything set here overrides them for this tenant only.'}{' '}
        Each part is stored by its own Save button; nothing is stored on its own.
      </p>
      <ErrorBanner error={error} />
      {readOnly && <Notice>Read only: your role can see these settings but not change them.</Notice>}
      {/* A disabled fieldset disables every control inside it, so a viewer cannot start a change. */}
      <fieldset className="plain" disabled={readOnly}>
        <EmailSwitch base={base} isSystem={isSystem} view={settings.data} onSaved={settings.update} />
        <nav className="section-tabs" aria-label="Notification settings">
          <ul>
            {sections.map((section) => (
              <li key={section.id}>
                <Link to={{ search: `?section=${section.id}` }} replace aria-current={section.id === current ? 'page' : undefined}>
                  {section.label}
                  {section.id === 'recipients' ? ` (${recipients.data!.recipients.length})` : ''}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div hidden={current !== 'recipients'}>
          <AdminRecipientsPanel base={base} recipients={recipients.data.recipients} onSaved={recipients.update} readOnly={readOnly} />
        </div>
        <div hidden={current !== 'delivery'}>
          <DeliveryRulesForm base={base} isSystem={isSystem} view={settings.data} onSaved={settings.update} />
        </div>
        <div hidden={current !== 'event-types'}>
          <EventTypesPanel
            base={base}
            isSystem={isSystem}
            types={types.data.items}
            adminRecipients={recipients.data.recipients}
            onChanged={types.reload}
          />
        </div>
        <div hidden={current !== 'silences'}>
          <SilencesPanel base={base} types={types.data.items} />
        </div>
        <div hidden={current !== 'branding'}>
          <BrandingForm base={base} isSystem={isSystem} view={settings.data} onSaved={settings.update} />
        </div>
      </fieldset>
    </>
  );
}
