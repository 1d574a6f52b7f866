/**
 * How the console proves who it is: the session cookie (HttpOnly, set by `/auth/login` or
 * `/auth/setup`, travelling by itself with `credentials: 'same-origin'`) plus the CSRF token from
 * the login answer or `/auth/session`, sent as `X-CSRF-Token` on every write. The console never
 * sees the session token itself. This module holds the signed-in user for the whole app.
 */
export type Role = 'system_admin' | 'tenant_admin' | 'tenant_viewer' | 'member';

/** The signed-in user as `/auth/session` describes it. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  locale: string;
  role: Role;
  /** null for a system user. */
  tenantId: string | null;
  permissions: string[];
}

export interface SignedIn {
  user: SessionUser;
  csrfToken: string;
}

export type SessionState = { status: 'checking' } | { status: 'signed-out'; notice?: string } | ({ status: 'signed-in' } & SignedIn);

let state: SessionState = { status: 'checking' };
const listeners = new Set<() => void>();
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

function set(next: SessionState): void {
  state = next;
  listeners.forEach((listener) => listener());
}

export const credentials = {
  current(): SessionState {
    return state;
  },
  /** After login, setup or a session check: the user and the CSRF token of the cookie's session. */
  signedIn(session: SignedIn): void {
    set({ status: 'signed-in', user: session.user, csrfToken: session.csrfToken });
  },
  /** The session is gone (signed out, expired, ended elsewhere); `notice` says why on the sign-in screen. */
  signedOut(notice?: string): void {
    set({ status: 'signed-out', notice });
  },
  /** Called when the sign-in state changes. */
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** Headers that authenticate one request: the CSRF token on writes (the cookie goes by itself). */
  headers(method: string): Record<string, string> {
    return state.status === 'signed-in' && !safeMethods.has(method.toUpperCase()) ? { 'x-csrf-token': state.csrfToken } : {};
  },
  fetchOptions: { credentials: 'same-origin' } as const,
};

/** Whether the user holds a permission (`settings:write`, `system`…) in their own scope. */
export const can = (user: SessionUser, permission: string): boolean => user.permissions.includes(permission);

/** The scope a user works in: their tenant, or `system`. */
export const homeScope = (user: SessionUser): string => user.tenantId ?? 'system';
