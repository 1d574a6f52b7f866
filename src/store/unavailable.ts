const connectionCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
]);
const connectionMessages =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down)/i;

/**
 * True when an error means the database could not be reached or is restarting (a retry may
 * succeed), as opposed to a query that is wrong. PostgreSQL's SQLSTATE class 08 and 57P0x,
 * socket errors, pool timeouts, and SQLite's busy/locked.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (code.startsWith('08') || /^57P0[123]$/.test(code) || connectionCodes.has(code))) return true;
  return typeof message === 'string' && connectionMessages.test(message);
}
