import { statfs } from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import { cpus, freemem, totalmem } from 'node:os';

/** Usage in percent: CPU since the last sample, memory now, and each filesystem. */
export interface HostSample {
  cpu: number;
  memory: number;
  disks: Array<{ path: string; usage: number }>;
}

export type HostSampler = () => Promise<HostSample>;

const realFilesystems = /^(ext[234]|xfs|btrfs|zfs|f2fs|jfs|reiserfs|vfat|exfat|ntfs|apfs|hfs)$/;

async function mountedPaths(): Promise<string[]> {
  try {
    const mounts = await readFile('/proc/mounts', 'utf8');
    const paths = mounts
      .split('\n')
      .map((line) => line.split(' '))
      .filter((f) => f.length > 2 && realFilesystems.test(f[2]!))
      .map((f) => f[1]!.replace(/\\040/g, ' '));
    return paths.length > 0 ? [...new Set(paths)] : ['/'];
  } catch {
    return ['/'];
  }
}

/** Reads the host with Node's built-ins: os.cpus() deltas, os.freemem/totalmem, fs.statfs. */
export function createHostSampler(paths: readonly string[]): HostSampler {
  let last = cpuTimes();
  return async () => {
    const now = cpuTimes();
    const busy = now.busy - last.busy;
    const total = now.total - last.total;
    last = now;
    const disks = [];
    for (const path of paths.length > 0 ? paths : await mountedPaths()) {
      try {
        const stats = await statfs(path);
        const used = stats.blocks - stats.bfree;
        const usable = used + stats.bavail;
        disks.push({ path, usage: usable === 0 ? 0 : Math.round((used / usable) * 1000) / 10 });
      } catch {
        // a mount that went away between listing and reading
      }
    }
    return {
      cpu: total === 0 ? 0 : Math.round((busy / total) * 1000) / 10,
      memory: Math.round((1 - freemem() / totalmem()) * 1000) / 10,
      disks,
    };
  };
}

function cpuTimes() {
  let busy = 0;
  let total = 0;
  for (const cpu of cpus()) {
    const { user, nice, sys, irq, idle } = cpu.times;
    busy += user + nice + sys + irq;
    total += user + nice + sys + irq + idle;
  }
  return { busy, total };
}
