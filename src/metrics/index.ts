export { createHeraldMetrics, type AttemptSample, type HeraldMetrics } from './herald-metrics.js';
