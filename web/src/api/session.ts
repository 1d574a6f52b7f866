import { useSyncExternalStore } from 'react';
import { api } from './client';
import { credentials, type SessionState, type SessionUser, type SignedIn } from './credentials';

/** Asks Herald whether the browser's cookie holds a session (on load); signed out when not. */
export async function restoreSession(): Promise<void> {
  try {
    credentials.signedIn(await api<SignedIn>('GET', '/auth/session'));
  } catch {
    credentials.signedOut();
  }
}

/** Ends the session on the server, then forgets it here (even if the server could not be reached). */
export async function signOut(): Promise<void> {
  try {
    await api('POST', '/auth/logout');
  } finally {
    credentials.signedOut('You have signed out.');
  }
}

export function useSession(): SessionState {
  return useSyncExternalStore(credentials.subscribe, credentials.current);
}

/** The signed-in user; only for screens shown inside the signed-in shell. */
export function useUser(): SessionUser {
  const session = useSession();
  if (session.status !== 'signed-in') throw new Error('useUser outside a signed-in session');
  return session.user;
}
