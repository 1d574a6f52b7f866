/**
 * Response shapes of the API routes the console uses: the server's own route schemas
 * (src/api/schemas), imported as types only, so the console cannot drift from what the API answers.
 */
import type { Static } from 'typebox';
import type { ApiToken, AuditPage as AuditPageSchema, User } from '../../../src/api/schemas/accounts.js';
import type {
  DeliveryDetail as DeliveryDetailSchema,
  DeliverySummary as DeliverySummarySchema,
} from '../../../src/api/schemas/deliveries.js';
import type { EventPage as EventPageSchema } from '../../../src/api/schemas/events.js';
import type { AlertView } from '../../../src/api/schemas/notifications.js';
import type { MailboxItem as MailboxItemSchema, MailboxMessage as MailboxMessageSchema } from '../../../src/api/schemas/mailbox.js';
import type {
  EffectiveSettingsView,
  MailServerSettingsView,
  TestResult as TestResultSchema,
} from '../../../src/api/schemas/mail-server.js';
import type { OverviewPage as OverviewPageSchema, ScopeHealth as ScopeHealthSchema } from '../../../src/api/schemas/overview.js';
import type { Tenant as TenantSchema } from '../../../src/api/schemas/tenants.js';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type Tenant = Static<typeof TenantSchema>;
export type MailServerSettings = Static<typeof MailServerSettingsView>;
export type Provider = MailServerSettings['provider'];
export type Security = MailServerSettings['security'];
export type AuthMode = MailServerSettings['auth'];
export type EffectiveSettings = Static<typeof EffectiveSettingsView>;
export type TestResult = Static<typeof TestResultSchema>;
export type TestStep = TestResult['steps'][number];
export type DeliverySummary = Static<typeof DeliverySummarySchema>;
export type MessageState = DeliverySummary['state'];
export type DeliveryDetail = Static<typeof DeliveryDetailSchema>;
export type ScopeHealth = Static<typeof ScopeHealthSchema>;
export type OverviewPage = Static<typeof OverviewPageSchema>;
export type MailboxItem = Static<typeof MailboxItemSchema>;
export type MailboxMessage = Static<typeof MailboxMessageSchema>;
export type UserView = Static<typeof User>;
export type ApiTokenView = Static<typeof ApiToken>;
export type AuditPage = Static<typeof AuditPageSchema>;
export type EventPage = Static<typeof EventPageSchema>;
export type Alert = Static<typeof AlertView>;
