import type { ValidationProblem } from "@cohesion/schema";

/**
 * What `--format json` writes to standard output for every command, failures included: one JSON object,
 * then a newline. `ok` is true exactly when `exit` is 0; `problems` are in the validation-report format
 * (`code`, `severity`, `pointer`, `message`, `params`, and `file`/`line` when known) and include warnings
 * and information; `result` is the command's own result and is absent when the command failed before
 * it had one.
 *
 * @example
 * ```json
 * { "command": "score", "ok": false, "exit": 2, "problems": [{ "code": "file_not_found", … }] }
 * ```
 */
export interface Envelope {
  command: string;
  ok: boolean;
  exit: number;
  problems: ValidationProblem[];
  result?: unknown;
}

/** The envelope as written: pretty-printed JSON and a newline. */
export function formatEnvelope(envelope: Envelope): string {
  return `${JSON.stringify(envelope, null, 2)}\n`;
}
