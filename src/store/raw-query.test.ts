import { test } from 'node:test';
import assert from 'node:assert/strict';
import { postgresDialect, sqliteDialect } from './dialect.js';
import { statementChunks, statementShape } from './raw-query.js';

const rows = (count: number) => Array.from({ length: count }, (_, index) => index);

test('on SQLite, rows are written in chunks of eleven sizes at most, whatever the counts, every row once and in order', () => {
  const sizes = new Set<number>();
  for (let count = 0; count <= 300; count += 1) {
    const chunks = [...statementChunks(sqliteDialect, rows(count))];
    assert.deepEqual(chunks.flat(), rows(count));
    for (const chunk of chunks) sizes.add(chunk.length);
  }
  assert.deepEqual(
    [...sizes].sort((a, b) => a - b),
    [1, 2, 3, 4, 5, 6, 7, 8, 16, 32, 64],
  );
  assert.deepEqual(
    [...statementChunks(sqliteDialect, rows(37))].map((chunk) => chunk.length),
    [32, 5],
  );
  assert.deepEqual(
    [...statementChunks(sqliteDialect, rows(23))].map((chunk) => chunk.length),
    [16, 7],
  );
});

test('on PostgreSQL, which prepares nothing by text, rows are written in as few statements as the chunk size allows', () => {
  assert.deepEqual(
    [...statementChunks(postgresDialect, rows(237))].map((chunk) => chunk.length),
    [100, 100, 37],
  );
  assert.deepEqual([...statementChunks(postgresDialect, rows(37), 10)].flat(), rows(37));
  assert.deepEqual([...statementChunks(postgresDialect, [])], []);
});

test('on SQLite, a statement over 1 to 72 items has eight shapes, each room for its count; on PostgreSQL, the count', () => {
  const shapes = Array.from({ length: 72 }, (_, index) => statementShape(sqliteDialect, index + 1, 72));
  assert.ok(shapes.every((shape, index) => shape >= index + 1 && shape <= 72));
  assert.deepEqual([...new Set(shapes)], [1, 2, 4, 8, 16, 32, 64, 72]);
  assert.equal(statementShape(sqliteDialect, 90, 72), 90, 'more than the most: the count');
  assert.equal(statementShape(sqliteDialect, 0, 72), 0);
  assert.equal(statementShape(postgresDialect, 37, 72), 37);
});
