import type { QueueStatus, ScopeQueue } from '../delivery/queue/queue-status.js';
import { formatAge } from '../delivery/queue/age-buckets.js';

/** Bytes for a person: 812 B, 1.4 MB, 2.1 GB. */
function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}

const since = (iso: string, now: number) => `${formatAge(now - Date.parse(iso))} ago`;
const reply = (code: number | null, text: string | null) =>
  [code === null || text?.startsWith(String(code)) ? null : code, text].filter(Boolean).join(' ');

function scopeLines(scope: ScopeQueue, buckets: string[], now: number): string[] {
  const header = `${scope.scope === scope.name ? scope.scope : `${scope.scope} (${scope.name})`}`;
  const lines = [
    scope.paused
      ? `${header}  PAUSED by ${scope.paused.by} ${since(scope.paused.at, now)}${scope.paused.reason ? `: ${scope.paused.reason}` : ''}`
      : header,
  ];
  const widths = buckets.map((label) => Math.max(label.length, 5));
  lines.push(`  ${'state'.padEnd(9)} ${'total'.padStart(6)}  ${buckets.map((label, i) => label.padStart(widths[i]!)).join('  ')}`);
  for (const row of scope.shape)
    lines.push(
      `  ${row.state.padEnd(9)} ${String(row.total).padStart(6)}  ${row.byAge.map((n, i) => String(n).padStart(widths[i]!)).join('  ')}`,
    );
  if (scope.oldest) {
    const oldest = scope.oldest;
    const why =
      oldest.state === 'held'
        ? `held: ${oldest.heldReason ?? 'unknown'}`
        : `${oldest.lastStage ?? 'unknown'}: ${reply(oldest.lastReplyCode, oldest.lastReply)}`;
    lines.push(`  oldest:   ${oldest.id} ${oldest.state} for ${formatAge(oldest.ageMs)}, ${oldest.attempts} attempt(s); ${why}`);
    if (oldest.hint) lines.push(`  hint:     ${oldest.hint}`);
  }
  for (const held of scope.held) lines.push(`  held:     ${held.count} × ${held.reason}`);
  for (const cap of scope.dailyLimitReached)
    lines.push(`  waiting:  daily limit reached for ${cap.mailbox} (${cap.sent} of ${cap.limit} today); the rest goes at ${cap.resumesAt}`);
  lines.push(`  success:  ${scope.lastSuccessAt ? since(scope.lastSuccessAt, now) : 'never'}`);
  if (scope.lastFailure) {
    const failure = scope.lastFailure;
    lines.push(`  failure:  ${since(failure.at, now)} at ${failure.stage}: ${reply(failure.replyCode, failure.reply)}`);
    if (failure.hint && failure.hint !== scope.oldest?.hint) lines.push(`  hint:     ${failure.hint}`);
  } else lines.push('  failure:  never');
  return lines;
}

/**
 * `herald status` for a terminal: the database and nodes, then per scope its queue by state and
 * age (qshape's buckets), the oldest stuck message with its reply and hint, held reasons, and the
 * last success and failure.
 *
 * @example
 * declare const status: QueueStatus; // from queue.status()
 * process.stdout.write(renderStatus(status));
 */
export function renderStatus(status: QueueStatus): string {
  const now = Date.parse(status.generatedAt);
  const lines = [`Herald status at ${status.generatedAt}: ${status.database.dialect}, database ${formatBytes(status.database.sizeBytes)}`];
  if (status.nodes.length === 0) lines.push('Nodes: none seen in the last day');
  for (const node of status.nodes)
    lines.push(
      `Node ${node.id}: ${node.role}, ${node.state}, pid ${node.pid} on ${node.hostname}, v${node.version}, heartbeat ${since(node.heartbeatAt, now)}, ${node.inFlight} in flight, ${node.sent} sent, ${node.failed} failed`,
    );
  for (const scope of status.scopes) lines.push('', ...scopeLines(scope, status.ageBuckets, now));
  return `${lines.join('\n')}\n`;
}
