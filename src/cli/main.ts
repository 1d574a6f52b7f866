import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config, type ConfigFlags } from '../config/config.js';
import { AppError } from '../shared/app-error.js';
import { startCommand } from './start-command.js';
import {
  migrateCommand,
  keysRotateCommand,
  sendTestCommand,
  adminTokenCommand,
  adminCreateCommand,
  auditVerifyCommand,
} from './store-commands.js';
import { readPasswordFromStdin } from './read-password.js';
import { queueCommand, statusCommand } from './queue-commands.js';
import { backupCommand, migrateStoreCommand, restoreCommand } from './backup-commands.js';

const usage = `herald — system email notifications

Usage:
  herald start [--role all|api|worker] [--host H] [--port P] [--data-dir D] [--database-url URL]
  herald migrate
  herald status [--json] [--watch [--interval SECONDS]] [--scope system|TENANT]
  herald queue retry  (--scope S | --message ID) [filter] [--state deferred|failed|held]...   (default: deferred, due now)
  herald queue pause  --scope S [--reason TEXT]      (its mail stays queued)
  herald queue resume --scope S
  herald queue purge  (--scope S | --message ID) --reason TEXT [filter] [--state queued|deferred|held]...
      filter: [--older-than AGE] [--recipient ADDRESS] [--type EVENT_TYPE] [--message ID]
  herald send-test --to ADDRESS [--tenant ID]
  herald keys rotate
  herald admin token [--label TEXT]
  herald admin create --email ADDRESS [--name TEXT]   (password on standard input)
  herald audit verify
  herald backup FILE                 (SQLite; the key file is copied to FILE.master.key)
  herald restore FILE [--force]      (SQLite; refuses while Herald runs on the data)
  herald migrate-store --from <sqlite path or URL> --to <URL>

Configuration comes from HERALD_* environment variables (see README); flags win.`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
      role: { type: 'string' },
      to: { type: 'string' },
      tenant: { type: 'string' },
      label: { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
      json: { type: 'boolean' },
      watch: { type: 'boolean' },
      interval: { type: 'string' },
      scope: { type: 'string' },
      message: { type: 'string' },
      state: { type: 'string', multiple: true },
      'older-than': { type: 'string' },
      recipient: { type: 'string' },
      type: { type: 'string' },
      reason: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      force: { type: 'boolean' },
      from: { type: 'string' },
    },
  });
  const [command, sub] = positionals;
  if (values.help || command === undefined) {
    console.log(usage);
    return command === undefined && !values.help ? 2 : 0;
  }
  const flags: ConfigFlags = {
    host: values.host,
    port: values.port,
    dataDir: values['data-dir'],
    databaseUrl: values['database-url'],
    role: values.role,
  };
  const config: Config = loadConfig(process.env, flags);
  switch (command) {
    case 'start':
      return startCommand(config);
    case 'migrate':
      return migrateCommand(config);
    case 'status':
      return statusCommand(config, { json: values.json, watch: values.watch, interval: values.interval, scope: values.scope });
    case 'queue':
      return queueCommand(config, sub, {
        scope: values.scope,
        message: values.message,
        states: values.state,
        olderThan: values['older-than'],
        recipient: values.recipient,
        type: values.type,
        reason: values.reason,
      });
    case 'send-test':
      return sendTestCommand(config, { to: values.to, tenant: values.tenant });
    case 'keys':
      if (sub === 'rotate') return keysRotateCommand(config);
      break;
    case 'admin':
      if (sub === 'token') return adminTokenCommand(config, values.label ?? 'created with herald admin token');
      if (sub === 'create') return adminCreateCommand(config, { email: values.email, name: values.name }, readPasswordFromStdin);
      break;
    case 'backup':
      return backupCommand(config, sub);
    case 'restore':
      return restoreCommand(config, sub, values.force === true);
    case 'migrate-store':
      return migrateStoreCommand({ from: values.from, to: values.to });
    case 'audit':
      if (sub === 'verify') return auditVerifyCommand(config);
      break;
  }
  console.error(`Unknown command: ${positionals.join(' ')}\n\n${usage}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(error.message);
    else if (error instanceof AppError) console.error(`${error.code}: ${error.message}`);
    else console.error(error);
    process.exitCode = 1;
  },
);
