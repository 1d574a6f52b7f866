import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { loadKeyring } from './keyring.js';
import { createSecretBox } from './secret-box.js';
import { AppError } from '../shared/app-error.js';

const context = { scopeId: 'acme', field: 'mail_server.password' };

test('seals with AES-256-GCM bound to scope and field; moved or edited ciphertext does not open', () => {
  const box = createSecretBox(loadKeyring({ masterKeys: [randomBytes(32).toString('base64')], dataDir: '/nonexistent' }));
  const sealed = box.seal('pw-Sealed-1', context);
  assert.ok(!sealed.includes('pw-Sealed-1'));
  assert.notEqual(box.seal('pw-Sealed-1', context), sealed, 'a fresh IV each time');
  assert.equal(box.open(sealed, context), 'pw-Sealed-1');
  const refuses = (fn: () => unknown) =>
    assert.throws(
      fn,
      (error: unknown) => error instanceof AppError && error.code === 'secret_unreadable' && !error.message.includes('pw-'),
    );
  refuses(() => box.open(sealed, { ...context, scopeId: 'other-tenant' }));
  refuses(() => box.open(sealed, { ...context, field: 'oauth.refresh_token' }));
  const parts = sealed.split('.');
  const body = Buffer.from(parts[3]!, 'base64url');
  body[0]! ^= 1;
  refuses(() => box.open([...parts.slice(0, 3), body.toString('base64url')].join('.'), context));
  refuses(() => box.open('v1.unknownkey.aaaa.bbbb', context));
});

test('without HERALD_MASTER_KEY a key file is created with mode 0600 and reused', () => {
  const dir = mkdtempSync(join(tmpdir(), 'herald-keys-'));
  try {
    const first = loadKeyring({ masterKeys: [], dataDir: dir });
    const path = join(dir, 'master.key');
    assert.equal(statSync(path).mode & 0o777, 0o600);
    const sealed = createSecretBox(first).seal('pw-File-2', context);
    const again = loadKeyring({ masterKeys: [], dataDir: dir });
    assert.equal(again.currentId, first.currentId);
    assert.equal(createSecretBox(again).open(sealed, context), 'pw-File-2');
    assert.ok(!readFileSync(path, 'utf8').includes('pw-File-2'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('env keys: the first seals, the others still open (rotation in progress)', () => {
  const oldKey = randomBytes(32).toString('base64');
  const newKey = randomBytes(32).toString('base64');
  const sealedOld = createSecretBox(loadKeyring({ masterKeys: [oldKey], dataDir: '/nonexistent' })).seal('pw-Env-3', context);
  const box = createSecretBox(loadKeyring({ masterKeys: [newKey, oldKey], dataDir: '/nonexistent' }));
  assert.equal(box.open(sealedOld, context), 'pw-Env-3');
  assert.notEqual(box.keyIdOf(box.seal('x', context)), box.keyIdOf(sealedOld));
});
