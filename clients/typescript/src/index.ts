export { HeraldClient, type HeraldClientOptions, type SendOptions } from './client.js';
export { HeraldConnectionError, HeraldError, type HeraldErrorDetail } from './errors.js';
export type { RetryOptions } from './retry.js';
export type { BatchAccepted, BatchInput, ErrorBody, EventAccepted, EventInput } from './types.js';
export type { components, paths } from './generated/openapi.js';
