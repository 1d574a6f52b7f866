import type { Config } from '../config/config.js';
import { createHerald } from '../app/herald.js';

/** Starts Herald, prints where it listens and how to sign in (the setup link on a fresh start), and stops cleanly on SIGTERM/SIGINT. */
export async function startCommand(config: Config): Promise<number> {
  const herald = await createHerald(config);
  const url = await herald.listen();
  const auth = herald.setupToken
    ? `Create the first administrator (one-time link): ${url}/setup?token=${herald.setupToken}`
    : config.adminToken
      ? 'Sign in at the console, or use the system administrator API token in HERALD_ADMIN_TOKEN.'
      : 'Sign in at the console, or create an API token: herald admin token.';
  process.stdout.write(
    [
      '',
      `Herald is listening on ${url}`,
      `  API docs:  ${url}/api/docs`,
      `  Auth:      ${auth}`,
      `  Try:       curl -H "Authorization: Bearer <token>" ${url}/api/v1/system/mail-server`,
      `  Data:      ${config.dataDir} (${config.database.dialect})`,
      '',
    ].join('\n') + '\n',
  );
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      herald.log.info({ signal }, 'shutting down: draining deliveries');
      resolve();
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  await herald.close();
  return 0;
}
