/**
 * The narrow logging interface domains depend on; pino satisfies it. Log objects must never
 * hold a secret: pass ids and codes, not settings objects.
 */
export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
  child(bindings: Record<string, unknown>): Logger;
  /** Whether lines of this level are written (pino has it); a caller may skip work for lines nobody reads. */
  isLevelEnabled?(level: 'debug' | 'info'): boolean;
}

/** A logger that drops everything, for CLI commands that print their own output. */
export const silentLogger: Logger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  debug: () => undefined,
  child: () => silentLogger,
};
