import { readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";

/**
 * How many cores other programs keep busy: the one-minute load average, or on Linux the smaller of that and
 * the tasks running at this moment besides this process's own threads (`/proc/loadavg`, `/proc/self/task`).
 * The average alone lags by a minute, so a program that has just finished (the previous run of this
 * command, say) would still count as load.
 *
 * @example
 * ```ts
 * busyCores(); // 0.02 on an idle machine
 * ```
 */
export function busyCores(): number {
  const average = loadavg()[0] ?? 0;
  try {
    // A thread of this process may start or stop running between the two reads: this process's running
    // threads are counted before and after, and the least of three such looks is taken.
    let others = Number.POSITIVE_INFINITY;
    for (let look = 0; look < 3; look++) {
      const before = ownRunning();
      const running = Number(/^\S+ \S+ \S+ (\d+)\//.exec(readFileSync("/proc/loadavg", "utf8"))?.[1]);
      if (!Number.isFinite(running)) return average;
      others = Math.min(others, Math.max(0, running - Math.max(before, ownRunning())));
    }
    return Math.min(average, others);
  } catch {
    return average;
  }
}

// This process's threads running at this moment (at least the one asking): V8's compiler and collector
// threads run beside the main one, and they are this command's own work, not another program's.
function ownRunning(): number {
  let running = 0;
  for (const task of readdirSync("/proc/self/task")) {
    try {
      const stat = readFileSync(`/proc/self/task/${task}/stat`, "utf8");
      if (stat.charAt(stat.lastIndexOf(")") + 2) === "R") running++;
    } catch {
      // A thread that ended meanwhile is not running.
    }
  }
  return Math.max(1, running);
}
