import { createHmac, timingSafeEqual } from 'node:crypto';

// The server side of NTLM, written from [MS-NLMP] for the test SMTP peer (ntlm-smtp-server.ts):
// it shares no code with the client Herald uses (nodemailer-ntlm-auth on httpntlm), so a test
// passes only if both read the specification the same way.

const signature = Buffer.from('NTLMSSP\0', 'latin1');

/** [MS-NLMP] 2.2.2.5 flags the challenge sets: Unicode, NTLM, extended session security, target info. */
export const challengeFlags =
  0x00000001 | // NEGOTIATE_UNICODE
  0x00000004 | // REQUEST_TARGET
  0x00000200 | // NEGOTIATE_NTLM
  0x00008000 | // NEGOTIATE_ALWAYS_SIGN
  0x00010000 | // TARGET_TYPE_DOMAIN
  0x00080000 | // NEGOTIATE_EXTENDED_SESSIONSECURITY
  0x00800000 | // NEGOTIATE_TARGET_INFO
  0x02000000 | // NEGOTIATE_VERSION
  0x20000000 | // NEGOTIATE_128
  0x80000000; // NEGOTIATE_56

/**
 * MD4 ([RFC 1320]), which the NT hash is made of; OpenSSL 3 (Node 20) no longer offers it.
 *
 * @example md4(Buffer.from('abc')).toString('hex') // 'a448017aaf21d8525fc10ae87aa6729d'
 */
export function md4(data: Buffer): Buffer {
  const padded = Buffer.alloc(Math.ceil((data.length + 9) / 64) * 64);
  data.copy(padded);
  padded[data.length] = 0x80;
  const bits = data.length * 8;
  padded.writeUInt32LE(bits >>> 0, padded.length - 8);
  padded.writeUInt32LE(Math.floor(bits / 2 ** 32), padded.length - 4);
  const state = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
  const rotl = (x: number, n: number) => ((x << n) | (x >>> (32 - n))) >>> 0;
  const rounds: Array<{ f: (x: number, y: number, z: number) => number; add: number; order: number[]; shifts: number[] }> = [
    { f: (x, y, z) => (x & y) | (~x & z), add: 0, order: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15], shifts: [3, 7, 11, 19] },
    {
      f: (x, y, z) => (x & y) | (x & z) | (y & z),
      add: 0x5a827999,
      order: [0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15],
      shifts: [3, 5, 9, 13],
    },
    { f: (x, y, z) => x ^ y ^ z, add: 0x6ed9eba1, order: [0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15], shifts: [3, 9, 11, 15] },
  ];
  for (let block = 0; block < padded.length; block += 64) {
    const words = Array.from({ length: 16 }, (_, i) => padded.readUInt32LE(block + i * 4));
    const r = [...state];
    for (const { f, add, order, shifts } of rounds) {
      order.forEach((k, i) => {
        // the register updated cycles a, d, c, b; the other three, in order after it, are f's arguments
        const t = (4 - (i % 4)) % 4;
        const sum = (r[t]! + f(r[(t + 1) % 4]!, r[(t + 2) % 4]!, r[(t + 3) % 4]!) + words[k]! + add) >>> 0;
        r[t] = rotl(sum, shifts[i % 4]!);
      });
    }
    state.forEach((value, i) => (state[i] = (value + r[i]!) >>> 0));
  }
  const digest = Buffer.alloc(16);
  state.forEach((value, i) => digest.writeUInt32LE(value, i * 4));
  return digest;
}

const hmacMd5 = (key: Buffer, ...data: Buffer[]) => createHmac('md5', key).update(Buffer.concat(data)).digest();
const utf16 = (text: string) => Buffer.from(text, 'utf16le');

/** NTOWFv2 ([MS-NLMP] 3.3.2): the key of an NTLMv2 response, from the password, user and domain. */
export function ntowfV2(password: string, user: string, domain: string): Buffer {
  return hmacMd5(md4(utf16(password)), utf16(user.toUpperCase() + domain));
}

/** AV pairs ([MS-NLMP] 2.2.2.1) naming the server: NetBIOS domain and computer, DNS domain, ending with MsvAvEOL. */
export function targetInfo(names: { domain: string; computer: string; dnsDomain?: string }): Buffer {
  const pair = (id: number, value: string) => {
    const bytes = utf16(value);
    const head = Buffer.alloc(4);
    head.writeUInt16LE(id, 0);
    head.writeUInt16LE(bytes.length, 2);
    return Buffer.concat([head, bytes]);
  };
  return Buffer.concat([
    pair(2, names.domain),
    pair(1, names.computer),
    ...(names.dnsDomain ? [pair(4, names.dnsDomain)] : []),
    Buffer.alloc(4), // MsvAvEOL
  ]);
}

/** A CHALLENGE_MESSAGE (type 2, [MS-NLMP] 2.2.1.2) with this server challenge and target. */
export function challengeMessage(serverChallenge: Buffer, targetName: string, info: Buffer): Buffer {
  const name = utf16(targetName);
  const header = Buffer.alloc(56);
  signature.copy(header, 0);
  header.writeUInt32LE(2, 8);
  header.writeUInt16LE(name.length, 12);
  header.writeUInt16LE(name.length, 14);
  header.writeUInt32LE(56, 16);
  header.writeUInt32LE(challengeFlags >>> 0, 20);
  serverChallenge.copy(header, 24);
  header.writeUInt16LE(info.length, 40);
  header.writeUInt16LE(info.length, 42);
  header.writeUInt32LE(56 + name.length, 44);
  header.set([10, 0, 0x61, 0x4a, 0, 0, 0, 15], 48); // version 10.0.19041, NTLM revision 15
  return Buffer.concat([header, name, info]);
}

/** The type of an NTLM message (1 negotiate, 2 challenge, 3 authenticate), or null for anything else. */
export function messageType(message: Buffer): number | null {
  return message.length >= 12 && message.subarray(0, 8).equals(signature) ? message.readUInt32LE(8) : null;
}

export interface Authenticate {
  user: string;
  domain: string;
  workstation: string;
  lmResponse: Buffer;
  ntResponse: Buffer;
}

/** Reads an AUTHENTICATE_MESSAGE (type 3, [MS-NLMP] 2.2.1.3); null when it is not one. */
export function parseAuthenticate(message: Buffer): Authenticate | null {
  if (messageType(message) !== 3 || message.length < 64) return null;
  const unicode = (message.readUInt32LE(60) & 0x1) !== 0;
  const field = (at: number) => {
    const length = message.readUInt16LE(at);
    const offset = message.readUInt32LE(at + 4);
    return offset + length <= message.length ? message.subarray(offset, offset + length) : null;
  };
  const fields = [12, 20, 28, 36, 44].map(field);
  if (fields.some((value) => value === null)) return null;
  const [lmResponse, ntResponse, domain, user, workstation] = fields as Buffer[];
  const text = (bytes: Buffer) => bytes.toString(unicode ? 'utf16le' : 'latin1');
  return { user: text(user!), domain: text(domain!), workstation: text(workstation!), lmResponse: lmResponse!, ntResponse: ntResponse! };
}

/**
 * Whether an NTLMv2 response ([MS-NLMP] 3.3.2) proves the password: NTProofStr recomputed from
 * the password, the user and domain the message names, this server's challenge and the client's
 * blob, which must carry the target info this server sent. NTLMv1 (a 24-byte response) is
 * refused, as Exchange does with LmCompatibilityLevel 5.
 */
export function provesPassword(message: Authenticate, password: string, serverChallenge: Buffer, info: Buffer): boolean {
  const { ntResponse } = message;
  if (ntResponse.length <= 24) return false;
  const proof = ntResponse.subarray(0, 16);
  const blob = ntResponse.subarray(16);
  if (blob[0] !== 1 || blob[1] !== 1 || !blob.includes(info)) return false;
  const expected = hmacMd5(ntowfV2(password, message.user, message.domain), serverChallenge, blob);
  return timingSafeEqual(proof, expected);
}
