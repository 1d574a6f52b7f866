import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderBuiltin } from '../templates/index.js';
import { builtinTypes } from './catalogue.js';
import { sampleContext } from './context.js';
import { defaultSettings } from './settings.js';

/** Every subset of a list (the empty one first). */
const subsets = <T>(items: T[]): T[][] => items.reduce<T[][]>((all, item) => [...all, ...all.map((subset) => [...subset, item])], [[]]);

/** What reads badly in a sentence whose values are missing: "The service tps on is ." */
function flaws(sentence: string): string[] {
  const checks: Array<[RegExp, string]> = [
    [/\s{2,}/, 'two spaces'],
    [/\s[.,:;)]/, 'a space before punctuation'],
    [/\(\s*\)/, 'empty parentheses'],
    [/[:,(]\s*$/, 'a dangling end'],
    [/\.\./, 'two full stops'],
    [/\b(undefined|null)\b/, 'a missing value printed'],
    [/\b(on|of|is|for|to|by)\s*[.:]?$/, 'a dangling word'],
  ];
  return checks.filter(([pattern]) => pattern.test(sentence)).map(([, what]) => what);
}

test("each built-in type's email reads well with any subset of its fields, also with none", async () => {
  const problems: string[] = [];
  for (const type of builtinTypes.values()) {
    for (const names of subsets(Object.keys(type.sampleData))) {
      const data = Object.fromEntries(names.map((name) => [name, type.sampleData[name]]));
      const rendered = renderBuiltin(
        type,
        sampleContext(type, { id: 'system', name: 'System' }, defaultSettings.branding, data),
        Date.UTC(2026, 0, 1),
      );
      const lines = rendered.text.split('\n');
      const summary = lines[1] === '' && lines[2] && !lines[2].startsWith('Event:') ? lines[2] : '';
      for (const flaw of [...flaws(summary), ...flaws(rendered.subject)])
        problems.push(`${type.id} with {${names.join(', ')}}: ${flaw} in "${summary}" / "${rendered.subject}"`);
      if (names.length === Object.keys(type.sampleData).length && type.id !== 'alert.generic')
        assert.notEqual(summary, '', `${type.id} has a summary with all its fields`);
    }
  }
  assert.deepEqual(problems, []);
});

test('the built-in sentences with all, some and none of their fields', () => {
  const summaryOf = (id: string, data: Record<string, unknown>) => {
    const type = builtinTypes.get(id)!;
    return renderBuiltin(type, sampleContext(type, { id: 'system', name: 'System' }, defaultSettings.branding, data), 0).text.split(
      '\n',
    )[2];
  };
  assert.equal(
    summaryOf('service.failed', { service: 'media-server', state: 'failed', host: 'pbx-01' }),
    'The service media-server on pbx-01 is failed.',
  );
  assert.equal(summaryOf('service.failed', { service: 'tps', host: '', state: '' }), 'The service tps stopped or failed.');
  assert.equal(summaryOf('service.failed', {}), 'A service stopped or failed.');
  assert.equal(summaryOf('host.disk', { path: '/var', value: 93 }), 'Disk usage of /var is 93%.');
  assert.equal(summaryOf('host.cpu', { threshold: 90 }), 'CPU usage is over the threshold of 90%.');
  assert.equal(summaryOf('license.limit', { item: 'extensions' }), 'The license limit was reached for extensions.');
  assert.equal(
    summaryOf('mail.delivery_failing', { scope: 'acme', heldReason: 'no mail server', held: 4 }),
    'Mail of acme is held (4 messages): no mail server.',
  );
});
