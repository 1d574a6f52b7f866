import type { Kysely } from 'kysely';
import type { Clock } from '../shared/clock.js';
import type { Database, UserRow } from '../store/schema.js';
import type { AlongWith } from '../store/transaction.js';
import {
  createApiToken,
  createTokenAuthenticator,
  listApiTokens,
  revokeApiToken,
  type ApiTokenInput,
  type ApiTokenView,
} from './api-tokens.js';
import type { AttemptCounter } from './attempt-counter.js';
import { login, type LoginOutcome } from './login.js';
import type { Principal } from './principal.js';
import { createSession, endSession, findSession, type SessionLifetime } from './sessions.js';
import { completeSetup, setupNeeded } from './setup.js';
import {
  changePassword,
  createUser,
  deleteUser,
  getUserRow,
  importUsers,
  listUsers,
  toSessionUser,
  toUserView,
  updateUser,
  type SessionUser,
  type UserChangeOptions,
  type UserInput,
  type UserPatch,
  type UserView,
} from './users.js';

/** Sign-in, sessions, the first-start setup, users and API tokens, bound to one database and clock. */
export interface Accounts {
  /** Checks a password and opens a session; the same answer for an unknown user and a wrong password. */
  login(input: { email: string; password: string; tenantId?: string; ip: string }): Promise<LoginOutcome>;
  /** Opens a session for a user (after the setup created them): the cookie's token and the session id. */
  openSession(userId: string, ip: string): Promise<{ token: string; id: string }>;
  /** The live session of a cookie value and its enabled user, or undefined; using it postpones its idle expiry. */
  findSession(token: string): Promise<{ id: string; user: UserRow } | undefined>;
  /** Ends one session (logout); `along` runs in the same transaction. */
  endSession(id: string, along?: AlongWith<void>): Promise<void>;
  /** The caller a bearer token stands for (HERALD_ADMIN_TOKEN or a stored token), or undefined for an invalid one. */
  authenticateToken(token: string): Promise<Principal | undefined>;
  /** True while no system administrator can sign in: the first one is still to be created. */
  setupNeeded(): Promise<boolean>;
  /** Creates the first system administrator from the one-time setup token, spending it. */
  completeSetup(input: { token: string; email: string; name: string; password: string }, along?: AlongWith<UserRow>): Promise<UserRow>;

  /** A page of a scope's users, by id. */
  listUsers(scopeId: string, page: { after?: string; limit: number }): Promise<{ items: UserView[]; nextCursor: string | null }>;
  /** One user of a scope; another scope's user is `not_found`. */
  getUser(scopeId: string, userId: string): Promise<UserView>;
  /** A signed-in user as the sign-in API shows them, with what their role may do. */
  sessionUser(scopeId: string, userId: string): Promise<SessionUser>;
  /** Creates a user in a scope; the role must fit the scope. */
  createUser(scopeId: string, input: UserInput, along?: AlongWith<UserView>): Promise<UserView>;
  /** Creates many users at once, all or none. */
  importUsers(scopeId: string, inputs: readonly UserInput[], along?: AlongWith<UserView[]>): Promise<UserView[]>;
  /** Changes a user; never leaves the system without an administrator who can sign in. */
  updateUser(
    scopeId: string,
    userId: string,
    patch: UserPatch,
    options?: UserChangeOptions<{ before: UserView; after: UserView }>,
  ): Promise<{ before: UserView; after: UserView }>;
  /** Deletes a user with their sessions; not the last system administrator, nor oneself. */
  deleteUser(scopeId: string, userId: string, options?: UserChangeOptions<UserView>): Promise<UserView>;
  /** Changes a signed-in user's own password after checking the current one; their other sessions end. */
  changePassword(
    scopeId: string,
    userId: string,
    passwords: { current: string; next: string },
    keepSessionId: string,
    along?: AlongWith<void>,
  ): Promise<void>;

  /** A scope's API tokens, oldest first. */
  listTokens(scopeId: string): Promise<ApiTokenView[]>;
  /** Issues an API token; the token itself is returned once, only its digest is stored. */
  createToken(input: ApiTokenInput, along?: AlongWith<ApiTokenView>): Promise<{ token: string; view: ApiTokenView }>;
  /** Revokes a scope's token at once; another scope's is `not_found`. */
  revokeToken(scopeId: string, tokenId: string, along?: AlongWith<ApiTokenView>): Promise<ApiTokenView>;
}

export interface AccountsDeps {
  db: Kysely<Database>;
  clock: Clock;
  /** Counts failed sign-ins, shared by the cluster. */
  counter: AttemptCounter;
  session: SessionLifetime;
  /** HERALD_ADMIN_TOKEN: a system administrator token for automation, if set. */
  adminToken: string | undefined;
}

export function createAccounts({ db, clock, counter, session, adminToken }: AccountsDeps): Accounts {
  return {
    login: (input) => login({ db, clock, counter, session }, input),
    openSession: (userId, ip) => createSession(db, clock, userId, ip, session),
    findSession: (token) => findSession(db, clock, token, session),
    endSession: (id, along) => endSession(db, id, along),
    authenticateToken: createTokenAuthenticator(db, clock, adminToken),
    setupNeeded: () => setupNeeded(db),
    completeSetup: (input, along) => completeSetup(db, clock, input, along),

    listUsers: (scopeId, page) => listUsers(db, scopeId, page),
    getUser: async (scopeId, userId) => toUserView(await getUserRow(db, scopeId, userId)),
    sessionUser: async (scopeId, userId) => toSessionUser(await getUserRow(db, scopeId, userId)),
    createUser: (scopeId, input, along) => createUser(db, clock, scopeId, input, along),
    importUsers: (scopeId, inputs, along) => importUsers(db, clock, scopeId, inputs, along),
    updateUser: (scopeId, userId, patch, options) => updateUser(db, clock, scopeId, userId, patch, options),
    deleteUser: (scopeId, userId, options) => deleteUser(db, scopeId, userId, options),
    changePassword: async (scopeId, userId, passwords, keepSessionId, along) =>
      changePassword(db, clock, await getUserRow(db, scopeId, userId), passwords, keepSessionId, along),

    listTokens: (scopeId) => listApiTokens(db, scopeId),
    createToken: (input, along) => createApiToken(db, clock, input, along),
    revokeToken: (scopeId, tokenId, along) => revokeApiToken(db, clock, scopeId, tokenId, along),
  };
}
