export type { AccessTokenSource } from './access-token-source.js';
export { createTokenService, type TokenService, type TokenServiceDeps } from './token-service.js';
export { createOAuthConnections, type OAuthConnections, type OAuthConnectionsDeps } from './connections.js';
export type { OAuthConnectionView } from './connection-view.js';
export type { OAuthConnectionInput } from './connection-input.js';
export type { SignInCaller } from './sign-in.js';
export { oauthModes, oauthFields, type OAuthMode, type SignInProvider } from './modes.js';
export { endpointsFor, microsoftClouds, type MicrosoftCloud } from './endpoints.js';
export { explainTokenError } from './token-errors.js';
