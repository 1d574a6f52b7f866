import type { ScopeHealth } from '../api/types';

/** Sent and failed messages per hour over 24 hours as bars; the totals are its accessible name. */
export function HourlyChart({ hours }: { hours: ScopeHealth['last24h'] }) {
  const sent = hours.reduce((sum, hour) => sum + hour.sent, 0);
  const failed = hours.reduce((sum, hour) => sum + hour.failed, 0);
  const peak = Math.max(1, ...hours.map((hour) => hour.sent + hour.failed));
  const width = 240;
  const height = 60;
  const bar = width / hours.length;
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`Last 24 hours: ${sent} sent, ${failed} failed`}
        preserveAspectRatio="none"
      >
        {hours.map((hour, index) => {
          const sentHeight = (hour.sent / peak) * (height - 2);
          const failedHeight = (hour.failed / peak) * (height - 2);
          return (
            <g key={hour.hour}>
              <rect className="bar-sent" x={index * bar + 1} width={bar - 2} y={height - sentHeight} height={sentHeight} />
              <rect
                className="bar-failed"
                x={index * bar + 1}
                width={bar - 2}
                y={height - sentHeight - failedHeight}
                height={failedHeight}
              />
            </g>
          );
        })}
        <line x1="0" x2={width} y1={height - 0.5} y2={height - 0.5} className="axis" />
      </svg>
      <figcaption>
        <span className="legend legend-sent">{sent} sent</span> <span className="legend legend-failed">{failed} failed</span>{' '}
        <span className="muted">in the last 24 h</span>
      </figcaption>
    </figure>
  );
}
