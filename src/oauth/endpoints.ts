import type { OAuthMode } from './modes.js';

/** Microsoft's clouds: the global service and the sovereign ones, each with its own sign-in host and Exchange resource. */
export const microsoftClouds = {
  global: {
    login: 'https://login.microsoftonline.com',
    exchange: 'https://outlook.office365.com',
    delegated: 'https://outlook.office.com',
  },
  usgov: { login: 'https://login.microsoftonline.us', exchange: 'https://outlook.office365.us', delegated: 'https://outlook.office365.us' },
  china: { login: 'https://login.chinacloudapi.cn', exchange: 'https://partner.outlook.cn', delegated: 'https://partner.outlook.cn' },
} as const;

export type MicrosoftCloud = keyof typeof microsoftClouds;

const google = { authorize: 'https://accounts.google.com/o/oauth2/v2/auth', token: 'https://oauth2.googleapis.com/token' } as const;

/** Where a connection's sign-in and token requests go, and the scope it asks for. */
export interface ProviderEndpoints {
  authorize: string;
  token: string;
  /** Space-separated scopes of the grant. */
  scope: string;
}

/**
 * The endpoints of a mode, from the fixed table above: never a URL an administrator typed (SSRF).
 * `testOrigin` (HERALD_OAUTH_TEST_ENDPOINTS, loopback only, checked in config) moves every endpoint
 * to a fake identity provider, keeping the path.
 *
 * @example endpointsFor('microsoft_app', 'global', '0f1e…', null).token // 'https://login.microsoftonline.com/0f1e…/oauth2/v2.0/token'
 */
export function endpointsFor(mode: OAuthMode, cloud: string, directoryId: string | null, testOrigin: string | null): ProviderEndpoints {
  let endpoints: ProviderEndpoints;
  if (mode === 'google_signin' || mode === 'google_service_account') {
    endpoints = { ...google, scope: 'https://mail.google.com/' };
  } else {
    const hosts = microsoftClouds[cloud as MicrosoftCloud] ?? microsoftClouds.global;
    const tenant = encodeURIComponent(directoryId ?? 'organizations');
    endpoints = {
      authorize: `${hosts.login}/${tenant}/oauth2/v2.0/authorize`,
      token: `${hosts.login}/${tenant}/oauth2/v2.0/token`,
      scope: mode === 'microsoft_app' ? `${hosts.exchange}/.default` : `${hosts.delegated}/SMTP.Send offline_access`,
    };
  }
  if (testOrigin === null) return endpoints;
  const moved = (url: string) => {
    const { pathname, search } = new URL(url);
    return `${testOrigin}${pathname}${search}`;
  };
  return { ...endpoints, authorize: moved(endpoints.authorize), token: moved(endpoints.token) };
}
