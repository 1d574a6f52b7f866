// Entry of a render thread run from the TypeScript sources. It lowers the thread's priority first,
// as render-thread.ts does (where the compiled build starts), so that what the entry starts runs at
// it too: tsx's loader thread, created by register(), takes the thread's nice value, and it compiles
// every module the thread loads (about a second of CPU at each start). Then, as the SMTP thread's
// entry does, it registers tsx (a worker thread does not inherit the loader that bin/herald.js or
// the test runner registered) before loading TypeScript.
import { setPriority } from 'node:os';
import { register } from 'tsx/esm/api';

if (process.platform === 'linux') setPriority(10);
register();
await import('./render-thread.ts');
