import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Gauge, Registry } from 'prom-client';
import type { ApiDeps } from '../api-deps.js';

/**
 * Prometheus metrics of this node and of the cluster it shares a database with. Read at scrape
 * time: the node's delivery counters, the queue by state, and every node's heartbeat; with them
 * the metrics the node's domains count (`deps.metrics`: attempts by scope, provider, outcome and
 * reason, latency, the queue by scope, token refresh failures). For operators only.
 */
export const metricsRoutes: FastifyPluginAsyncTypebox<{ deps: ApiDeps }> = async (app, { deps }) => {
  const { clusterStatus } = deps;
  const own = new Registry();
  const node = deps.node;

  new Gauge({
    name: 'herald_node_info',
    help: 'This node: its role and version',
    labelNames: ['role', 'version'],
    registers: [own],
    collect() {
      this.set({ role: node.role, version: node.version }, 1);
    },
  });
  new Gauge({
    name: 'herald_deliveries_total',
    help: 'Delivery outcomes recorded by this node since it started',
    labelNames: ['outcome'],
    registers: [own],
    collect() {
      const stats = node.stats();
      for (const outcome of ['sent', 'failed', 'retried', 'ambiguous', 'held'] as const) this.set({ outcome }, stats[outcome]);
    },
  });
  new Gauge({
    name: 'herald_deliveries_in_flight',
    help: 'Messages this node is sending now',
    registers: [own],
    collect() {
      this.set(node.stats().inFlight);
    },
  });
  new Gauge({
    name: 'herald_smtp_threads',
    help: 'SMTP threads this node runs now (0 until an SMTP server is saved or the first send)',
    registers: [own],
    collect() {
      this.set(node.stats().smtpThreads);
    },
  });
  new Gauge({
    name: 'herald_messages',
    help: 'Messages in the database by state (whole cluster)',
    labelNames: ['state'],
    registers: [own],
    async collect() {
      this.reset();
      for (const row of await clusterStatus.messagesByState()) this.set({ state: row.state }, row.count);
    },
  });
  new Gauge({
    name: 'herald_cluster_node_up',
    help: 'Every node of the cluster: 1 alive, 0 stopped or lost',
    labelNames: ['peer', 'role', 'state'],
    registers: [own],
    async collect() {
      this.reset();
      for (const peer of await clusterStatus.nodes())
        this.set({ peer: peer.id, role: peer.role, state: peer.state }, peer.state === 'alive' ? 1 : 0);
    },
  });

  const registry = Registry.merge([own, deps.metrics.registry]);
  registry.setDefaultLabels({ node: node.id });

  app.get(
    '/metrics',
    { schema: { tags: ['operations'], produces: ['text/plain'] }, config: { permission: 'system' } },
    async (_request, reply) => {
      return reply.type(registry.contentType).send(await registry.metrics());
    },
  );
};
