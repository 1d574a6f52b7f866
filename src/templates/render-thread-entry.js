// Entry of a render thread. On Linux, where a nice value belongs to one thread, it first lowers its
// own priority: a template that uses up its budget, or a thread starting (loading tsx, Liquid,
// juice: about a second of CPU), takes only the CPU the rest of Herald leaves. Then, as the SMTP
// thread's entry does, it registers tsx (a worker thread does not inherit the loader that
// bin/herald.js or the test runner registered) before loading TypeScript.
import { setPriority } from 'node:os';
import { register } from 'tsx/esm/api';

if (process.platform === 'linux') setPriority(10);
register();
await import('./render-thread.ts');
