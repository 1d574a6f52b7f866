// Entry of the SMTP thread: a worker thread does not inherit the tsx loader that bin/herald.js
// (or the test runner's --import) registers, so it registers its own before loading TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./smtp-thread.ts');
