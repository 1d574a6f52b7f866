import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config/config.js';
import { createHerald } from '../app/herald.js';

/** The OpenAPI document, generated from the route schemas of a throwaway instance. */
export async function generateOpenApi(): Promise<object> {
  const dataDir = mkdtempSync(join(tmpdir(), 'herald-openapi-'));
  const herald = await createHerald(
    loadConfig({ HERALD_DATA_DIR: dataDir, HERALD_ADMIN_TOKEN: 'openapi-generation-token-000000', HERALD_LOG_LEVEL: 'silent' }),
    { deliver: false },
  );
  try {
    await herald.app.ready();
    return herald.app.swagger();
  } finally {
    await herald.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
