import type { components, paths } from './generated/openapi.js';

type EventsPost = paths['/api/v1/events']['post'];
type BatchPost = paths['/api/v1/events/batch']['post'];

/** An event as `POST /api/v1/events` takes it. */
export type EventInput = EventsPost['requestBody']['content']['application/json'];
/** What Herald answers once the event and its messages are committed (202). */
export type EventAccepted = EventsPost['responses'][202]['content']['application/json'];
/** Events as `POST /api/v1/events/batch` takes them. */
export type BatchInput = BatchPost['requestBody']['content']['application/json']['events'];
/** One result per event of a batch, in order. */
export type BatchAccepted = BatchPost['responses'][202]['content']['application/json'];
/** Herald's error body. */
export type ErrorBody = components['schemas']['ErrorBody'];
