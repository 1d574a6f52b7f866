// The V8 flags every launcher of `herald start` passes to node (the bin's shebang, `npm start`,
// deploy/Dockerfile, deploy/herald.service, the benches); test/deploy.test.ts checks they agree.
// A young generation of 4 MB per semi-space (16 MB by default) and an old generation let grow 20%
// over what survived the last full collection (up to 4× by default): V8 otherwise keeps the garbage
// of ingest bursts and drains as resident memory. 322 → 210 MB peak RSS in the scale bench's
// drains, at the same delivery rate (docs/benchmarks.md, memory).
export const nodeFlags = ['--max-semi-space-size=4', '--heap-growing-percent=20'];
