import type { Kysely } from 'kysely';
import { AppError, type ErrorDetail } from '../../shared/app-error.js';
import type { Database, MailServerSettingsRow } from '../../store/schema.js';
import { systemScopeId } from '../tenants.js';
import { candidateSenderProblems } from './candidate-sender.js';
import { toMailServer, type MailServer } from './mail-server.js';
import type { MailServerSettingsInput } from './mail-server-settings.js';
import { normalizeSettings } from './normalize-settings.js';
import type { SettingsSecrets } from './settings-secrets.js';
import { currentSettings } from './settings-repository.js';

/** Unsaved settings a caller tests before saving them ("send test email", "verify connection"). */
export interface CandidateSettings {
  server: MailServer;
  /** The password to test with, in plain text: the one given, or the saved one when it may carry over; null for none. */
  password: string | null;
  /** True when host and port are the scope's saved ones: known to it, so nothing is hidden of a failure to reach them. */
  savedServer: boolean;
  /** What is wrong with the candidate's sender for this caller, against the saved settings (`candidateSenderProblems`). */
  senderProblems(mayWriteSettings: boolean): ErrorDetail[];
}

/**
 * Validates candidate settings as saving them would (`normalizeSettings`, its problems named
 * `/settings/…` as the request body holds them) and opens the saved password when it carries over
 * (`secrets`: one that does not open is reported once and refused).
 */
export async function candidateSettings(
  db: Kysely<Database>,
  secrets: Pick<SettingsSecrets, 'password'>,
  scopeId: string,
  input: MailServerSettingsInput,
): Promise<CandidateSettings> {
  const previous = await currentSettings(db, scopeId);
  const { password, ...fields } = withinSettings(() => normalizeSettings(input, { isSystem: scopeId === systemScopeId, previous }));
  const row: MailServerSettingsRow = { ...fields, scope_id: scopeId, version: 0, password_enc: null, created_at: 0 };
  return {
    server: toMailServer(row),
    password: password === 'keep' ? (previous ? secrets.password(toMailServer(previous)) : null) : password,
    // The scope's own saved server is known to it; any other is reported without what a port scan could use.
    savedServer: previous !== undefined && previous.host === row.host && previous.port === row.port,
    senderProblems: (mayWriteSettings) => candidateSenderProblems(previous, row, mayWriteSettings),
  };
}

/** Candidate settings come in the body's `settings`: their problems name `/settings/…`. */
function withinSettings<T>(normalize: () => T): T {
  try {
    return normalize();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const details = error.details.map((detail) => ({ ...detail, field: `/settings${detail.field}` }));
    throw new AppError(error.code, details.map((p) => `${p.field}: ${p.message}`).join('; ') || error.message, details);
  }
}
