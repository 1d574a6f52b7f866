import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatMailbox, parseMailbox, toHeaderText } from './email-address.js';

const accepted: Array<[string, string, string | undefined]> = [
  ['ops@example.com', 'ops@example.com', undefined],
  ['Ops Team <ops@example.com>', 'ops@example.com', 'Ops Team'],
  ['"Ops, Team" <ops@example.com>', 'ops@example.com', 'Ops, Team'],
  ['Équipe Opérations <ops@example.com>', 'ops@example.com', 'Équipe Opérations'],
  ['運用チーム <ops@example.com>', 'ops@example.com', '運用チーム'],
  ['first.last+tag@sub.example.co.uk', 'first.last+tag@sub.example.co.uk', undefined],
  ['ops@bücher.example', 'ops@xn--bcher-kva.example', undefined],
  ['<ops@example.com>', 'ops@example.com', undefined],
  ['=?UTF-8?B?w4lxdWlwZQ==?= <ops@example.com>', 'ops@example.com', '=?UTF-8?B?w4lxdWlwZQ==?='],
  ['ops@mail2.example.com', 'ops@mail2.example.com', undefined],
];

const refused: Array<[string, RegExp]> = [
  ['"a@b"@example.com', /quoted local part/],
  ['team: a@example.com, b@example.com;', /spaces/],
  ['a@example.com, b@example.com', /spaces|invalid/],
  ['ops@example.com\r\nBcc: victim@example.com', /control character/],
  ['Ops\n <ops@example.com>', /control character/],
  ['ops@localhost', /invalid domain/],
  ['ops@[127.0.0.1]', /address literal/],
  ['ops@-bad.example', /invalid domain/],
  ['.ops@example.com', /local part/],
  ['ops@', /name@domain/],
  ['', /empty/],
  ['Ops <ops@example.com> trailing', /after the closing/],
  ['Ops (comment) <ops@example.com>', /special characters/],
  // What hides another address or a route.
  ['x=?UTF-8?B?YWRtaW5AYmFuay5leGFtcGxl?=@example.com', /encoded word/],
  ['=?utf-8?q?ceo=40bank.example?=@example.com', /encoded word/],
  ['=?UTF-8?B?Y2VvQGJhbmsuZXhhbXBsZQ==?= <attacker@example.com>', /shows an email address/],
  ['"=?UTF-8?Q?ceo=40bank.example?=" <attacker@example.com>', /shows an email address/],
  ['"ceo@bank.example" <attacker@example.com>', /shows an email address/],
  ['a%b@example.com', /routing/],
  ['ops@127.0.0.1', /IP address as domain/],
  ['ops@10.0.0.1', /IP address as domain/],
];

test('accepts single mailboxes, including non-ASCII display names and IDN domains', () => {
  for (const [input, address, name] of accepted) {
    const result = parseMailbox(input);
    assert.ok(result.ok, `${input} should parse`);
    assert.equal(result.mailbox.address, address);
    assert.equal(result.mailbox.name, name);
  }
});

test('refuses groups, lists, quoted local parts and anything with CR or LF', () => {
  for (const [input, reason] of refused) {
    const result = parseMailbox(input);
    assert.equal(result.ok, false, `${JSON.stringify(input)} should be refused`);
    if (!result.ok) assert.match(result.reason, reason, JSON.stringify(input));
  }
});

test('formats names quoted so they are never read as structure', () => {
  assert.equal(formatMailbox({ address: 'a@example.com', name: 'A "B" \\ C' }), '"A \\"B\\" \\\\ C" <a@example.com>');
  assert.equal(toHeaderText('Disk full\r\nBcc: x@example.com'), 'Disk full Bcc: x@example.com');
});
