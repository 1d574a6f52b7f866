import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inLists } from './in-lists.js';

const ids = (count: number) => Array.from({ length: count }, (_, index) => `s${index}`);

test('ids go in lists of seven lengths at most, whatever their number: every id once, in order, padded with the last', () => {
  const lengths = new Set<number>();
  for (let count = 1; count <= 300; count += 1) {
    const lists = [...inLists(ids(count))];
    assert.deepEqual([...new Set(lists.flat())], ids(count));
    for (const list of lists) {
      lengths.add(list.length);
      const padding = list.slice(list.indexOf(list.at(-1)!));
      assert.ok(
        padding.every((id) => id === list.at(-1)),
        'only the last id repeats',
      );
    }
  }
  assert.deepEqual(
    [...lengths].sort((a, b) => a - b),
    [1, 2, 4, 8, 16, 32, 64],
  );
  assert.deepEqual([...inLists(['a', 'b', 'a', 'c', 'b'])], [['a', 'b', 'c', 'c']]);
  assert.deepEqual([...inLists([])], []);
  assert.deepEqual(
    [...inLists(ids(1200), 500)].map((list) => list.length),
    [500, 500, 256],
    'a list is never longer than max',
  );
  assert.deepEqual(
    [...inLists(ids(300), 500)].map((list) => list.length),
    [500],
  );
});
