// Entry of a render thread run from the TypeScript sources. As the SMTP thread's entry does, it
// registers tsx (a worker thread does not inherit the loader that bin/herald.js or the test runner
// registered) before loading TypeScript. The compiled build starts at render-thread.js itself, so
// the thread lowers its priority there, not here.
import { register } from 'tsx/esm/api';

register();
await import('./render-thread.ts');
