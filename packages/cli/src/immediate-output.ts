import { writeSync } from "node:fs";
import type { Output } from "./io";

/**
 * The output written straight to its file descriptor, for the last words before the process ends: a
 * process stream may hold text back (a pipe on some systems) that `process.exit` would then lose. An output
 * without a descriptor (a test's) is written as it is.
 *
 * @example
 * ```ts
 * immediateOutput(process.stderr).write("cohesion: stopped\n"); // written before this returns
 * ```
 */
export function immediateOutput(output: Output): Output {
  const fd = (output as { fd?: unknown }).fd;
  if (typeof fd !== "number") return output;
  const write = (text: string): boolean => {
    try {
      writeSync(fd, text);
      return true;
    } catch {
      // Nowhere left to write to: the exit code still says it.
      return false;
    }
  };
  return { write, ...(output.isTTY === undefined ? {} : { isTTY: output.isTTY }), ...(output.columns === undefined ? {} : { columns: output.columns }) };
}
