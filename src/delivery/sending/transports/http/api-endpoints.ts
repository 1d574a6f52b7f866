import type { ApiTestEndpoints } from '../../../../config/api-test-endpoints.js';

/** The HTTP APIs Herald sends through. */
export type MailApi = 'graph' | 'gmail';

/** Microsoft's national clouds, each with its own Graph endpoint. */
export type MicrosoftCloud = 'global' | 'usGov' | 'usGovDod' | 'china';

/**
 * The only hosts Herald sends mail to over HTTP: a fixed table, never a URL from settings (the
 * token would go wherever the URL points). Sources: Microsoft Graph national cloud deployments;
 * Gmail API reference.
 */
export const graphEndpoints: Readonly<Record<MicrosoftCloud, string>> = {
  global: 'https://graph.microsoft.com',
  usGov: 'https://graph.microsoft.us',
  usGovDod: 'https://dod-graph.microsoft.us',
  china: 'https://microsoftgraph.chinacloudapi.cn',
};
export const gmailEndpoint = 'https://gmail.googleapis.com';

/**
 * The base URL of an API: the fixed table's, or the loopback URL a test set in
 * HERALD_API_TEST_ENDPOINTS (config refuses anything but loopback there).
 *
 * @example apiBaseUrl('graph', {}) // 'https://graph.microsoft.com'
 */
export function apiBaseUrl(api: MailApi, testEndpoints: ApiTestEndpoints, cloud: MicrosoftCloud = 'global'): string {
  const override = testEndpoints[api];
  if (override !== undefined) return override;
  return api === 'graph' ? graphEndpoints[cloud] : gmailEndpoint;
}

/** The request that sends one MIME message as `mailbox`: Graph `sendMail` (base64 MIME) or Gmail `messages.send` (`raw`, base64url). */
export function sendRequest(api: MailApi, baseUrl: string, mailbox: string, mime: Buffer): { url: URL; contentType: string; body: string } {
  const user = encodeURIComponent(mailbox);
  if (api === 'graph') {
    return { url: new URL(`${baseUrl}/v1.0/users/${user}/sendMail`), contentType: 'text/plain', body: mime.toString('base64') };
  }
  return {
    url: new URL(`${baseUrl}/gmail/v1/users/${user}/messages/send`),
    contentType: 'application/json',
    body: JSON.stringify({ raw: mime.toString('base64url') }),
  };
}
