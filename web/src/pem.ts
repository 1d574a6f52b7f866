/**
 * Reads the certificates of a PEM text enough to show them: subject, issuer and validity. A small
 * DER reader (X.509 needs nothing more for this); it checks nothing cryptographic; Herald does
 * when it connects.
 */
export interface CertificateInfo {
  subject: string;
  issuer: string;
  notBefore: Date;
  notAfter: Date;
}

interface Node {
  tag: number;
  /** Where the contents start and end in the bytes. */
  start: number;
  end: number;
}

function readNode(bytes: Uint8Array, at: number): Node {
  const tag = bytes[at]!;
  let length = bytes[at + 1]!;
  let start = at + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count < 1 || count > 4) throw new Error('bad length');
    length = 0;
    for (let i = 0; i < count; i += 1) length = length * 256 + bytes[start + i]!;
    start += count;
  }
  if (start + length > bytes.length) throw new Error('truncated');
  return { tag, start, end: start + length };
}

function children(bytes: Uint8Array, node: Node): Node[] {
  const list: Node[] = [];
  for (let at = node.start; at < node.end; at = list[list.length - 1]!.end) list.push(readNode(bytes, at));
  return list;
}

const attributeNames: Record<string, string> = {
  '550403': 'CN',
  '55040a': 'O',
  '55040b': 'OU',
  '550406': 'C',
  '550407': 'L',
  '550408': 'ST',
};
const hex = (bytes: Uint8Array, node: Node) =>
  Array.from(bytes.subarray(node.start, node.end), (b) => b.toString(16).padStart(2, '0')).join('');
const text = (bytes: Uint8Array, node: Node) => new TextDecoder().decode(bytes.subarray(node.start, node.end));

/** A distinguished name as "CN=…, O=…" (the attributes people read). */
function nameOf(bytes: Uint8Array, name: Node): string {
  const parts: string[] = [];
  for (const set of children(bytes, name)) {
    for (const pair of children(bytes, set)) {
      const [oid, value] = children(bytes, pair);
      const key = oid && attributeNames[hex(bytes, oid)];
      if (key && value) parts.push(`${key}=${text(bytes, value)}`);
    }
  }
  return parts.join(', ');
}

/** UTCTime (YYMMDDHHMMSSZ) or GeneralizedTime (YYYYMMDDHHMMSSZ). */
function timeOf(bytes: Uint8Array, node: Node): Date {
  const value = text(bytes, node);
  const full = node.tag === 0x17 ? `${Number(value.slice(0, 2)) >= 50 ? '19' : '20'}${value}` : value;
  const [year, month, day, hour, minute, second] = [0, 4, 6, 8, 10, 12].map((at, i) => Number(full.slice(at, i === 0 ? 4 : at + 2)));
  return new Date(Date.UTC(year!, month! - 1, day!, hour!, minute!, second!));
}

function certificateOf(der: Uint8Array): CertificateInfo {
  const certificate = readNode(der, 0);
  const tbs = children(der, certificate)[0]!;
  const fields = children(der, tbs);
  const offset = fields[0]?.tag === 0xa0 ? 1 : 0; // the explicit version, when present
  const [issuer, validity, subject] = [fields[offset + 2], fields[offset + 3], fields[offset + 4]];
  if (!issuer || !validity || !subject) throw new Error('not a certificate');
  const [notBefore, notAfter] = children(der, validity);
  return {
    subject: nameOf(der, subject),
    issuer: nameOf(der, issuer),
    notBefore: timeOf(der, notBefore!),
    notAfter: timeOf(der, notAfter!),
  };
}

/** The certificates of a PEM text, or why it is not one. */
export function readPemCertificates(pem: string): { certificates: CertificateInfo[]; problem?: string } {
  const blocks = [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)];
  if (blocks.length === 0)
    return {
      certificates: [],
      problem: 'holds no certificate: paste the PEM text, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----',
    };
  try {
    return {
      certificates: blocks.map((block) => certificateOf(Uint8Array.from(atob(block[1]!.replace(/\s+/g, '')), (c) => c.charCodeAt(0)))),
    };
  } catch {
    return { certificates: [], problem: 'holds a certificate that cannot be read: paste it again, whole' };
  }
}
