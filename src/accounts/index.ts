export * from './permissions.js';
export * from './principal.js';
export { createApiToken, listApiTokens, revokeApiToken, createTokenAuthenticator, environmentTokenId, type ApiTokenView } from './api-tokens.js';
export { createAttemptCounter, type AttemptCounter } from './attempt-counter.js';
export { login, loginLimits, type LoginOutcome } from './login.js';
export { hashPassword, verifyPassword } from './passwords.js';
export { createSession, findSession, endSession, endUserSessions, pruneSessions, csrfTokenFor, type SessionLifetime } from './sessions.js';
export { setupNeeded, prepareSetup, completeSetup } from './setup.js';
export { createUser, importUsers, listUsers, getUserRow, updateUser, deleteUser, changePassword, toUserView, toSessionUser, type UserView, type UserInput, type UserPatch, type UserChangeOptions } from './users.js';
