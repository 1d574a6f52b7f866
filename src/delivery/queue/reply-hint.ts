import { hintFor } from '../diagnosis/smtp-hints.js';

/**
 * The admin-readable hint for a stored reply (a message's or an attempt's), or null: the same
 * hints the connection test gives, with the enhanced status code read back out of the reply text.
 *
 * @example replyHint({ stage: 'auth', replyCode: 535, reply: '535 5.7.8 Authentication credentials invalid', errorCode: 'EAUTH' })
 */
export function replyHint(stored: {
  stage: string | null;
  replyCode: number | null;
  reply: string | null;
  errorCode?: string | null;
}): string | null {
  if (stored.replyCode === null && stored.reply === null && !stored.errorCode) return null;
  const enhancedCode = /\b([245]\.\d{1,3}\.\d{1,3})\b/.exec(stored.reply ?? '')?.[1] ?? null;
  return (
    hintFor({
      stage: (stored.stage ?? 'unknown') as Parameters<typeof hintFor>[0]['stage'],
      replyCode: stored.replyCode,
      enhancedCode,
      reply: stored.reply,
      errorCode: stored.errorCode ?? null,
    }) ?? null
  );
}
