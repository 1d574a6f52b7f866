import { test } from 'node:test';
import assert from 'node:assert/strict';
import nodemailer from 'nodemailer';
import { simpleParser } from 'mailparser';
import type { OutgoingMail } from './mail-transport.js';
import { toMailOptions } from './mail-options.js';
import { buildMime } from './mime.js';

// nodemailer's own stream transport, as Herald built every message before bodies were reused.
const reference = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
const referenceMime = async (mail: OutgoingMail) => (await reference.sendMail(toMailOptions(mail))).message as Buffer;
/** A message with its random parts (boundaries, Date) made equal. */
const comparable = (message: Buffer) =>
  message
    .toString('latin1')
    .replace(/--_NmP-[0-9a-f]+-Part_\d+/g, 'BOUNDARY')
    .replace(/^Date: .*$/m, 'Date: -');

const longLine = `${'Disk /var/lib/mysql is 97% full on db-01 — '.repeat(8)}\n`;
const content = {
  subject: '[critical] Dïsk almost full',
  text: `Disk almost full\n\n${longLine}Time: 2026-12-02T10:00:00Z\n`,
  html: `<html><body><h1>Disk almost full</h1><p>${longLine}</p><p style="color: #c00">critical</p></body></html>`,
};
const recipient = (index: number, body: Partial<OutgoingMail> = content): OutgoingMail => ({
  id: `msg_${index}`,
  scopeId: 'system',
  from: { address: 'alerts@example.test', name: 'Herald Alërts' },
  to: { address: `user${index}@example.test`, ...(index % 2 ? { name: `Jörg ${index}` } : {}) },
  subject: content.subject,
  text: content.text,
  messageId: `<m${index}.${Math.random().toString(36).slice(2)}@example.test>`,
  ...body,
});

test("an event's recipients each get the whole email, with their own headers, as nodemailer builds it", async () => {
  for (const body of [content, { ...content, html: undefined }]) {
    const mails = [1, 2, 3].map((index) => recipient(index, body));
    for (const mail of mails) {
      const built = await buildMime(mail);
      assert.equal(comparable(built), comparable(await referenceMime(mail)), `${mail.to.address}, html: ${body.html !== undefined}`);
      assert.ok(!/[^\r]\n/.test(built.toString('latin1')), 'every line ends in CRLF');
      const parsed = await simpleParser(built);
      assert.equal(parsed.messageId, mail.messageId);
      assert.deepEqual(
        (Array.isArray(parsed.to) ? parsed.to : [parsed.to]).flatMap((to) => to?.value.map((a) => a.address)),
        [mail.to.address],
      );
      assert.equal(parsed.subject, content.subject);
      assert.equal(parsed.text?.replace(/\r\n/g, '\n'), content.text);
      if (body.html) assert.equal(parsed.html, content.html);
      else assert.equal(parsed.html, false);
      assert.equal(parsed.headers.get('x-herald-message'), mail.id);
    }
  }
});

test('every kind of text comes out as nodemailer streams it: 7bit, quoted-printable, base64, empty, large', async () => {
  const texts = {
    'short ASCII (7bit)': 'Service nginx failed on web-01.\nRestarted at 10:00.\n',
    'no final line break': 'CPU 97% on db-01',
    'ends in a CR': 'CPU 97% on db-01\r',
    'lone CRs and trailing spaces': 'line one  \rline two\t\nline three   ',
    'a long ASCII line (quoted-printable)': `${'x'.repeat(200)} =?= end\n`,
    'mostly Cyrillic (base64)': 'Диск почти заполнен на сервере db-01, осталось 3%.\n'.repeat(3),
    'emoji and accents': 'Alerte 🔥 : disque presque plein — réessayez.\n',
    empty: '',
    'larger than a cached body (200 KB)': `${'Disk /var/lib/mysql is 97% full — '.repeat(6000)}\n`,
  };
  let index = 100;
  for (const [name, text] of Object.entries(texts)) {
    for (const html of [undefined, `<p>${text.replace(/\n/g, '<br>\n')}</p>`]) {
      // the second recipient of the same content gets the kept body
      for (const mail of [recipient(index++, { text, html }), recipient(index++, { text, html })]) {
        const built = await buildMime(mail);
        assert.equal(comparable(built), comparable(await referenceMime(mail)), `${name}, html: ${html !== undefined}`);
        const parsed = await simpleParser(built);
        // a lone CR is no line break to a reader: mailparser drops it
        const lines = (value: string) => value.replace(/\r\n/g, '\n').replace(/\r/g, '').trimEnd();
        assert.equal(lines(parsed.text ?? ''), lines(text), `${name}: text`);
      }
    }
  }
});

test('a body is reused only for the very same text and HTML', async () => {
  const pairs: Array<Pick<OutgoingMail, 'text' | 'html'>> = [
    { text: 'c', html: 'ab' },
    { text: 'bc', html: 'a' },
    { text: 'c', html: 'a\u0000b' },
    { text: 'b\u0000c', html: 'a' },
    { text: 'same text', html: '<p>one</p>' },
    { text: 'same text', html: '<p>two</p>' },
    { text: 'same text', html: undefined },
    { text: 'other text', html: '<p>one</p>' },
  ];
  for (const [index, pair] of pairs.entries()) {
    const parsed = await simpleParser(await buildMime(recipient(index, pair)));
    assert.equal(parsed.text?.replace(/\r\n/g, '\n').trimEnd(), pair.text, `text of ${JSON.stringify(pair)}`);
    assert.equal(parsed.html, pair.html ?? false, `html of ${JSON.stringify(pair)}`);
  }
});
