/**
 * Every client route of the signed-in console and the screen it shows (the page title is
 * "<screen> · Herald"). The app renders exactly these (app.tsx maps each to its element, so a
 * route cannot be added without a title), and the browser test loads each one directly.
 */
export const screenPaths = {
  '/': 'Overview',
  '/setup': 'Overview',
  '/account': 'Your account',
  '/mail-server': 'Mail server',
  '/mail-server/:tenantId': 'Mail server',
  '/oauth-return': 'Connecting the mailbox',
  '/deliveries': 'Deliveries',
  '/deliveries/failures': 'Failure history',
  '/failures': 'Failure history',
  '/events': 'Events',
  '/alerts': 'Alerts',
  '/alerts/:tenantId': 'Alerts',
  '/deliveries/:id': 'Message',
  '/tenants': 'Tenants',
  '/mailbox': 'Mailbox',
  '/mailbox/:id': 'Mailbox message',
  '/users': 'Users',
  '/users/:tenantId': 'Users',
  '/tokens': 'API tokens',
  '/tokens/:tenantId': 'API tokens',
  '/audit': 'Audit log',
  '/notifications': 'Notifications',
  '/notifications/:tenantId': 'Notifications',
  '/templates': 'Templates',
  '/templates/:tenantId': 'Templates',
  '/my-notifications': 'My notifications',
  '*': 'Page not found',
} as const;

export type ScreenPath = keyof typeof screenPaths;

/** The document title of a screen. */
export const pageTitle = (screen: string) => `${screen} · Herald`;
