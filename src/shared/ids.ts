import { randomBytes } from 'node:crypto';

const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';
let lastTime = 0;
let sequence = 0;

/**
 * A time-ordered, URL-safe id: a prefix, 10 characters of milliseconds and a sequence, then
 * 10 random characters. Ids created later sort later, so they double as pagination cursors.
 *
 * @example newId('msg') // 'msg_01jd3k5x9q00a8c2mzt4vbnwr7'
 */
export function newId(prefix: string): string {
  const now = Date.now();
  if (now === lastTime) sequence += 1;
  else {
    lastTime = now;
    sequence = 0;
  }
  return `${prefix}_${encode(now, 10)}${encode(sequence, 2)}${encode(random48(), 10)}`;
}

// crypto.randomBytes costs a call into OpenSSL each time (~10–20 µs here); ids take 6 bytes
// from a pool refilled 4 KiB at a time.
let pool = Buffer.alloc(0);
let offset = 0;
function random48(): number {
  if (offset + 6 > pool.length) {
    pool = randomBytes(4096);
    offset = 0;
  }
  const value = pool.readUIntBE(offset, 6);
  offset += 6;
  return value;
}

function encode(value: number, length: number): string {
  let out = '';
  let rest = value;
  for (let i = 0; i < length; i += 1) {
    out = alphabet[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}
