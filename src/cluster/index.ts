export { createClusterStatus, type ClusterStatus } from './cluster-status.js';
export { listNodes, registerNode, type NodeRole, type NodeStats, type NodeView } from './nodes.js';
export { createClusterRateLimiter, type ClusterRateLimiter } from './rate-limiter.js';
export { liveNodes, liveSenders } from './live-nodes.js';
