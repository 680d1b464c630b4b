import { existsSync, realpathSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import type { Host } from "@cohesion/core";
import { toReport, type ValidationProblem } from "@cohesion/schema";
import { formatProblem, plural } from "../format-problems";
import type { CommandContext, CommandOutcome } from "../framework/command";
import { EXIT, UsageError, type CliIO } from "../io";

/** Options of `cohesion check-plugin`. */
export interface CheckPluginOptions {
  dir: string;
  format: "text" | "json";
}

function isInside(root: string, file: string | undefined): boolean {
  if (file === undefined || file === "") return false;
  const rel = relative(root, file);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== "..");
}

/** `cohesion check-plugin`, as the command framework runs it. */
export async function run(context: CommandContext): Promise<CommandOutcome> {
  const { positionals } = context.args;
  if (positionals.length !== 1) throw new UsageError("check-plugin needs the folder of a plugin package");
  return checkPluginCommand({ dir: positionals[0] as string, format: context.format === "json" ? "json" : "text" }, context.io, await context.host());
}

/**
 * `cohesion check-plugin <dir>`: loads a plugin folder the way the host does, next to the installed
 * plugins (so clashing ids and references to their content are checked too), and lists every problem
 * at once: the manifest in package.json, each contributed file and document, schema extensions, and
 * references across documents. Exit 0 when the plugin loads cleanly, 1 when it has problems.
 *
 * @example
 * ```sh
 * cohesion check-plugin ./my-benchmark-plugin
 * ```
 */
export function checkPluginCommand(options: CheckPluginOptions, io: CliIO, host: Host): CommandOutcome {
  const folder = resolve(io.cwd, options.dir);
  if (!existsSync(folder)) throw new UsageError(`${options.dir}: no such folder`, "give the folder of a plugin package (the one holding its package.json)");
  const info = host.addPlugin(folder);
  const root = existsSync(info.path) ? realpathSync(info.path) : info.path;
  // Cross-document problems of the whole host are kept when they point into this plugin's files.
  const own = new Set(info.problems.map((problem) => `${problem.file ?? ""}\u0000${problem.pointer}\u0000${problem.code}`));
  const fromHost = host.report().errors.filter((problem) => isInside(root, problem.file) && !own.has(`${problem.file ?? ""}\u0000${problem.pointer}\u0000${problem.code}`));
  const problems: ValidationProblem[] = [...info.problems, ...fromHost];
  const report = toReport(problems);
  const plugin = { id: info.id, packageName: info.packageName, version: info.version, path: info.path, status: info.status, documents: info.documents, contributions: info.contributions };
  const errors = report.errors.filter((problem) => problem.severity === "error");
  const exit = errors.length === 0 ? EXIT.ok : EXIT.invalid;
  if (options.format === "json") return { exit, problems: report.errors, result: { plugin, valid: report.valid } };
  const counts = Object.entries(info.documents)
    .map(([kind, ids]) => plural(ids?.length ?? 0, kind))
    .join(", ");
  const behaviour = Object.entries(info.contributions)
    .flatMap(([point, ids]) => (ids ?? []).map((id) => `${point} ${id}`))
    .join(", ");
  const lines = [`plugin ${info.id}${info.packageName ? ` (${info.packageName}${info.version ? ` ${info.version}` : ""})` : ""} at ${info.path}: ${info.status}`];
  lines.push(`  contributes: ${[counts, behaviour].filter(Boolean).join("; ") || "nothing"}`);
  if (report.errors.length === 0) lines.push("no problems: the host loads this plugin as it is");
  else {
    lines.push(`${plural(errors.length, "error")}, ${plural(report.errors.length - errors.length, "warning")}:`);
    for (const problem of report.errors) lines.push(`  ${formatProblem({ ...problem, ...(problem.file ? { file: relative(io.cwd, problem.file) || problem.file } : {}) })}`);
    if (errors.length > 0) lines.push("fix the problems above (file, line and JSON Pointer say where), then run `cohesion check-plugin` again");
  }
  return { exit, problems: report.errors, result: { plugin, valid: report.valid }, text: `${lines.join("\n")}\n`, textShowsProblems: true };
}
