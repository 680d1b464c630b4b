import { writeSync } from "node:fs";
import type { ValidationProblem } from "@cohesion/schema";

/**
 * The exit code a host ends the process with when plugin code is stuck and its `onPluginStuck` gave none:
 * 70, "internal software error" in the BSD `sysexits.h` convention.
 *
 * @example
 * ```ts
 * createHost({ onPluginStuck: (problem) => (log(problem), PLUGIN_STUCK_EXIT_CODE) });
 * ```
 */
export const PLUGIN_STUCK_EXIT_CODE = 70;

/**
 * What a host does by default with a stuck plugin: its `plugin_stuck` problem's message on standard error,
 * written at once (the process ends right after, so a buffered stream could lose it).
 *
 * @example
 * ```ts
 * const code = reportStuckPlugin(problem); // 70, after "Plugin "acme" is stuck: ..." on standard error
 * ```
 */
export function reportStuckPlugin(problem: ValidationProblem): number {
  try {
    writeSync(2, `${problem.message}\n`);
  } catch {
    // Standard error is gone: the exit code still says it.
  }
  return PLUGIN_STUCK_EXIT_CODE;
}
