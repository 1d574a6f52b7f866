import type { Config } from '../config/config.js';
import { createHerald } from '../app/herald.js';

/** Starts Herald, prints where it listens and how to authenticate, and stops cleanly on SIGTERM/SIGINT. */
export async function startCommand(config: Config): Promise<number> {
  const herald = await createHerald(config);
  const url = await herald.listen();
  const auth = herald.firstToken
    ? `Your admin API token (shown once, keep it): ${herald.firstToken}`
    : config.adminToken
      ? 'Authenticate with the token in HERALD_ADMIN_TOKEN.'
      : 'Authenticate with the admin token printed on first start (or create one: herald admin token).';
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
