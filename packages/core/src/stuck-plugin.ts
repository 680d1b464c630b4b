import { readFileSync, writeSync } from "node:fs";
import type { ValidationProblem } from "@cohesion/schema";
import { locatePointers } from "./json-positions";
import type { PluginRecord } from "./plugin-record";
import { hostProblem } from "./problems";
import type { PluginStep } from "./watchdog";

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

/**
 * The `plugin_stuck` problem of a plugin's step, at the line of `main` in its package.json as the host's other
 * problems are (found now: the process ends right after it is reported).
 *
 * @example
 * ```ts
 * stuckProblem(record, step).message; // 'Plugin "acme" is stuck: activate did not finish within 10000 ms ...'
 * ```
 */
export function stuckProblem(record: PluginRecord, step: PluginStep): ValidationProblem {
  const problem = { ...hostProblem("plugin_stuck", "/cohesion/main", { plugin: record.id, step: step.step, ms: step.limitMs }), file: record.packageFile };
  try {
    const position = locatePointers(readFileSync(record.packageFile, "utf8"))?.(problem.pointer);
    return position ? { ...problem, line: position.line } : problem;
  } catch {
    return problem;
  }
}
