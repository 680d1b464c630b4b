import type { Readable } from "node:stream";
import type { ValidationProblem } from "@cohesion/schema";

/** A stream the command writes to. */
export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** What a command reads from and writes to; the binary passes the process's, tests pass their own. */
export interface CliIO {
  stdout: Output;
  stderr: Output;
  stdin: Readable;
  cwd: string;
  /** Environment variables (colour, worker settings); the process's when absent. */
  env?: Record<string, string | undefined>;
}

/** Exit codes of every command: 0 success / valid, 1 invalid input, 2 usage or I/O error. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

/** A usage error: the command line itself is wrong. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = "UsageError";
  }
}

/** A `--plugin` the host refused, with the host's reasons. */
export class PluginRefusedError extends Error {
  constructor(
    readonly problems: readonly ValidationProblem[],
    detail?: string,
    readonly hint?: string,
  ) {
    super(detail ?? (problems.filter((p) => p.severity === "error").map((p) => p.message).join("; ") || "refused"));
    this.name = "PluginRefusedError";
  }
}
