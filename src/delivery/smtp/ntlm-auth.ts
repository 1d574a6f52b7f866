import { createRequire } from 'node:module';
import type SMTPConnection from 'nodemailer/lib/smtp-connection';

type CustomAuth = (ctx: SMTPConnection.CustomAuthenticationContext) => Promise<boolean>;
// nodemailer-ntlm-auth is CommonJS without types: its one export is a nodemailer custom AUTH handler.
const nodemailerNtlmAuth = createRequire(import.meta.url)('nodemailer-ntlm-auth') as CustomAuth;

/** The SASL mechanism name: `AUTH NTLM`. */
export const ntlmMethod = 'NTLM';

/** Replies meaning the server does not know the mechanism (504) or the command at all (500, 502). */
const unknownMechanism = new Set([500, 502, 504]);

/**
 * Nodemailer's custom AUTH NTLM handler: type 1 as the initial response, the server's type 2
 * challenge, the NTLMv2 type 3 answer (nodemailer-ntlm-auth, on httpntlm's message code, whose MD4
 * is pure JavaScript: OpenSSL 3 has none by default). A server that does not know the mechanism
 * fails with an error that names it; any other refusal (535) keeps the server's reply, which
 * nodemailer adds to the error with the `AUTH NTLM` command, so it is classified like other
 * refused logins. Nodemailer logs each step's data as a secret.
 *
 * @example const options: SMTPConnection.Options = { customAuth: { [ntlmMethod]: ntlmAuth } };
 */
export const ntlmAuth: CustomAuth = async (ctx) => {
  let first: SMTPConnection.CustomAuthenticationResponse | undefined;
  const sendCommand = async (command: string) => {
    const response = await ctx.sendCommand(command);
    first ??= response;
    return response;
  };
  try {
    return await nodemailerNtlmAuth({ ...ctx, sendCommand } as SMTPConnection.CustomAuthenticationContext);
  } catch (error) {
    if (first && unknownMechanism.has(first.status)) throw new Error(missingMechanism(ctx.authMethods));
    throw error;
  }
};

function missingMechanism(offered: string[]): string {
  const others = offered.length > 0 ? ` (it offers AUTH ${offered.join(', ')})` : '';
  return `The server does not offer AUTH NTLM${others}`;
}
