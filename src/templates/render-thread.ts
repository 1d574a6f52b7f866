// The render thread: compiles and renders stored templates (tenants' and the system's) for the render
// pool (render-pool.ts), so that a slow template never holds the main thread. It holds nothing that
// matters: the pool ends it when a render overruns its budget, and starts another.
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { RenderReply, RenderRequest, RenderThreadData } from './render-protocol.js';
import { currentThreadId } from './thread-cpu.js';

// On Linux, where a nice value belongs to one thread, the thread first lowers its own priority: a
// template that uses up its budget, or the thread's start (loading Liquid, juice and html-to-text:
// about 200 ms of CPU), takes only the CPU the rest of Herald leaves. So they load after it.
if (process.platform === 'linux') setPriority(10);
const { checkSource, renderStored } = await import('./template-check.js');

const port = parentPort!;
const { renderLimitMs } = workerData as RenderThreadData;
const reply = (message: RenderReply) => port.postMessage(message);

port.on('message', (request: RenderRequest) => {
  reply(
    request.key === null
      ? checkSource(request.source, request.context, renderLimitMs)
      : renderStored(request.key, request.source, request.context, renderLimitMs),
  );
});

// Warmed up before it says it is ready: a first render should not spend its budget on optimising
// Liquid, juice and html-to-text.
checkSource(
  { subject: '{{ event.title }}', html: '<style>p { color: #24292f; }</style><p>{{ event.title }}: {{ data.note }}</p>', text: null },
  {
    event: {
      id: 'evt_warmup',
      type: 'warmup',
      title: 'Warm-up',
      severity: 'info',
      status: null,
      occurredAt: '2026-01-01T00:00:00.000Z',
      dedupKey: null,
      renotify: false,
    },
    data: { note: 'ready' },
    labels: {},
    annotations: {},
    scope: { id: 'system', name: 'System' },
    brand: { productName: 'Herald', logoUrl: null, primaryColor: '#1f6feb', backgroundColor: '#f6f8fa', footer: '' },
    user: null,
    alerts: [],
  },
  renderLimitMs,
);
reply({ ready: true, tid: currentThreadId() });
