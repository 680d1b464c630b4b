import { OutputExistsError, WriteFailedError } from "../atomic-write";
import { EXIT, PluginRefusedError, UsageError } from "../io";
import { cliProblem } from "../problems";
import { ValidationWorkerError } from "../validate-pool";
import type { CommandOutcome } from "./command";
import { describeThrown } from "@cohesion/schema";

/**
 * An error thrown out of a command, as the outcome the user sees: a usage error or a refused write exits
 * 2 with its message and hint; anything else is an internal error (exit 2) that asks to be reported.
 * A usage error without a hint of its own points to the help of the command that was run, if any.
 */
export function commandFailure(error: unknown, command?: string): CommandOutcome {
  const fail = (problem: ReturnType<typeof cliProblem>) => ({ exit: EXIT.usage, problems: [problem] });
  if (error instanceof UsageError) {
    return fail(cliProblem("usage_error", "", { detail: error.message, hint: error.hint ?? `run \`cohesion ${command === undefined ? "" : `${command} `}--help\` for usage` }));
  }
  if (error instanceof PluginRefusedError) {
    return { exit: EXIT.usage, problems: [cliProblem("plugin_refused", "", { detail: error.message, hint: error.hint ?? "fix the plugin or leave out its --plugin" }), ...error.problems] };
  }
  if (error instanceof WriteFailedError) return fail(cliProblem("write_failed", "", { file: error.path, detail: error.detail }));
  if (error instanceof OutputExistsError) return fail(cliProblem("output_exists", "", { file: error.path }));
  if (error instanceof ValidationWorkerError) {
    return fail(cliProblem("worker_failed", "", { detail: error.message, hint: "set COHESION_VALIDATE_WORKERS=0 to validate in one thread, and please report this" }));
  }
  const message = describeThrown(error);
  const code = error && typeof error === "object" && "code" in error ? String((error as { code: unknown }).code) : "";
  if (/^E[A-Z]+$/.test(code)) return fail(cliProblem("io_error", "", { detail: message }));
  return fail(cliProblem("internal_error", "", { detail: message, hint: "please report this with the command you ran" }));
}
