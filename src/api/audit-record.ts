import type { FastifyRequest } from 'fastify';
import { actorOf } from '../accounts/index.js';
import type { AuditEntry } from '../audit/index.js';
import type { AlongWith } from '../store/transaction.js';
import type { ApiDeps } from './api-deps.js';

type RequestEntry = Omit<AuditEntry, 'actor' | 'ip'> & { actor?: string };

const fromRequest = (request: FastifyRequest, entry: RequestEntry): AuditEntry => ({
  actor: actorOf(request.principal),
  ip: request.ip,
  ...entry,
});

/** Appends an audit entry on its own, for what changes nothing stored (sign-ins, test emails). */
export async function recordAudit(deps: ApiDeps, request: FastifyRequest, entry: RequestEntry): Promise<void> {
  await deps.auditLog.record(fromRequest(request, entry));
}

/**
 * The audit entry of a change, to pass to the domain function that makes it: appended inside the
 * change's transaction, so the change and its entry commit together (an audit failure undoes the change).
 */
export function auditAlong<T>(deps: ApiDeps, request: FastifyRequest, describe: (result: T) => RequestEntry): AlongWith<T> {
  return deps.auditLog.along((result) => fromRequest(request, describe(result)));
}
