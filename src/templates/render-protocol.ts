import type { NotificationContext, TemplateSource } from './render.js';
import type { RenderOutcome } from './template-check.js';

/** What the render thread is started with. */
export interface RenderThreadData {
  /** Liquid's own render limit (wall-clock, checked between nodes). */
  renderLimitMs: number;
}

/**
 * One render asked of a render thread (render-pool.ts), plain data only (it is structured-cloned):
 * a stored version (`key`: scope, type, version, compiled once per thread) or, with `key` null, a
 * source to check (save, preview).
 */
export interface RenderRequest {
  key: string | null;
  source: TemplateSource;
  context: NotificationContext;
}

/** The thread's answer to its one render in progress, or `ready` once it has started, with its kernel thread id (for its CPU time). */
export type RenderReply = RenderOutcome | { ready: true; tid: number | undefined };
