import { isIP } from 'node:net';

/** Base URLs that replace the fixed Graph and Gmail API endpoints, for tests only. */
export interface ApiTestEndpoints {
  readonly graph?: string;
  readonly gmail?: string;
}

const names = ['graph', 'gmail'] as const;

/**
 * Reads HERALD_API_TEST_ENDPOINTS (TEST ONLY), e.g. `graph=http://127.0.0.1:4100,gmail=http://127.0.0.1:4200`:
 * each must be an http(s) URL on a loopback address, so the variable can never send mail (and its
 * token) anywhere but this machine. Problems are pushed, naming the variable.
 */
export function readApiTestEndpoints(value: string | undefined, problems: string[]): ApiTestEndpoints {
  if (value === undefined || value.trim() === '') return {};
  const endpoints: { graph?: string; gmail?: string } = {};
  for (const entry of value.split(',').map((part) => part.trim())) {
    const at = entry.indexOf('=');
    const name = names.find((candidate) => candidate === entry.slice(0, at));
    const url = at > 0 ? parseUrl(entry.slice(at + 1)) : undefined;
    if (name === undefined || url === undefined) {
      problems.push(`HERALD_API_TEST_ENDPOINTS: "${entry}" must be graph=<url> or gmail=<url>`);
    } else if (!isLoopback(url)) {
      problems.push(
        `HERALD_API_TEST_ENDPOINTS: ${name} must be an http(s) URL on a loopback address (127.0.0.0/8, ::1, localhost); it is for tests only`,
      );
    } else endpoints[name] = url.href.replace(/\/$/, '');
  }
  return endpoints;
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

function isLoopback(url: URL): boolean {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.username !== '' || url.password !== '') return false;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return isIP(host) === 6 && host === '::1';
}
