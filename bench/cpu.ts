// CPU time read from /proc (Linux): per process, per thread, for PostgreSQL's processes and for
// the whole machine, in milliseconds. Clock ticks are USER_HZ = 100 on Linux.
import { readdirSync, readFileSync } from 'node:fs';

/**
 * utime + stime (fields 14 and 15) of a /proc/…/stat file, in milliseconds; with `reaped`, also
 * cutime + cstime (16 and 17: its children that ended and were waited for); 0 if it is gone.
 */
function statCpuMs(path: string, reaped = false): number {
  try {
    const stat = readFileSync(path, 'utf8');
    // after the command name in parentheses, fields[0] is field 3 (state)
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const own = Number(fields[11]) + Number(fields[12]);
    return (reaped ? own + Number(fields[13]) + Number(fields[14]) : own) * 10;
  } catch {
    return 0;
  }
}

/** User + system CPU time of a process so far (all its threads). */
export const processCpuMs = (pid: number): number => statCpuMs(`/proc/${pid}/stat`);

/** User + system CPU time of a process's main thread (for Node: the event loop). */
export const mainThreadCpuMs = (pid: number): number => statCpuMs(`/proc/${pid}/task/${pid}/stat`);

/**
 * CPU time of every PostgreSQL process on this machine (postmaster, backends, WAL writer…), and of
 * those that ended: a backend whose pool connection closed (idle, say) takes its CPU time with it,
 * and the postmaster, which waits for it, counts it among its children's.
 */
export function postgresCpuMs(): number {
  let total = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/comm`, 'utf8').trim() === 'postgres') total += statCpuMs(`/proc/${name}/stat`, true);
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

/** CPU time used by the whole machine so far (all CPUs, steal included), from /proc/stat. */
export function machineCpuMs(): number {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal …: busy is everything but idle and iowait.
    const busy = fields.slice(0, 8).reduce((sum, value, index) => (index === 3 || index === 4 ? sum : sum + value), 0);
    return busy * 10;
  } catch {
    return 0;
  }
}

/** Context switches on the whole machine since boot (the `ctxt` line of /proc/stat). */
export function machineContextSwitches(): number {
  try {
    return Number(/^ctxt (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** CPU time of each of a process's threads other than its main one, by thread id. */
export function otherThreadsCpuMs(pid: number): Map<string, number> {
  const byThread = new Map<string, number>();
  let tids: string[] = [];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return byThread;
  }
  for (const tid of tids) if (tid !== String(pid)) byThread.set(tid, statCpuMs(`/proc/${pid}/task/${tid}/stat`));
  return byThread;
}
