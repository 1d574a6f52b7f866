import type { FastifyInstance } from 'fastify';
import { AppError } from '../shared/app-error.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Routes that answer without authentication (health only). */
    public?: boolean;
  }
}

/** Every route but the public ones requires `Authorization: Bearer <token>`. */
export function installBearerAuth(app: FastifyInstance, verifyToken: (token: string) => Promise<boolean>): void {
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config.public) return;
    if (request.is404) return;
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match || !(await verifyToken(match[1]!))) {
      throw new AppError('unauthenticated', 'Send a valid API token as "Authorization: Bearer <token>".');
    }
  });
}
