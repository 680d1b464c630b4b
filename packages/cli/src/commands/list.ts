import type { Host } from "@cohesion/core";
import type { CommandContext, CommandOutcome } from "../framework/command";
import { formatProblem, plural } from "../format-problems";
import { EXIT, UsageError, type CliIO } from "../io";
import { NO_CONTENT_HINT } from "../open-host";

/** Options of `cohesion list`. */
export interface ListOptions {
  what: "plugins" | "benchmarks" | "practices";
  search?: string;
  format: "text" | "json";
}

/** `cohesion list`, as the command framework runs it. */
export async function run(context: CommandContext): Promise<CommandOutcome> {
  const { positionals } = context.args;
  if (positionals.length !== 1) throw new UsageError("list needs what to list: plugins, benchmarks, practices or adapters");
  const what = positionals[0] as string;
  const format = context.format === "json" ? "json" : "text";
  if (what === "adapters") {
    const { listAdaptersCommand } = await import("./list-adapters");
    return listAdaptersCommand(format, await context.host());
  }
  if (what !== "plugins" && what !== "benchmarks" && what !== "practices") throw new UsageError(`list can show plugins, benchmarks, practices or adapters, not "${what}"`);
  const search = context.string("search");
  return listCommand({ what, format: context.format === "json" ? "json" : "text", ...(search === undefined ? {} : { search }) }, context.io, await context.host());
}

/**
 * `cohesion list plugins | benchmarks | practices [--search text]`: what the installed plugins offer;
 * `--search` ranks practices by a full-text query (typos and word starts allowed).
 *
 * @example
 * ```sh
 * cohesion list practices --search "neighbourhood budget"
 * ```
 */
export function listCommand(options: ListOptions, io: CliIO, host: Host): CommandOutcome {
  const catalog = host.catalog();
  const out = (rows: unknown[], text: () => string[]): CommandOutcome => ({
    exit: EXIT.ok,
    result: rows,
    ...(options.format === "json" ? {} : { text: text().map((line) => `${line}\n`).join("") }),
  });
  if (options.search !== undefined && options.what !== "practices") {
    throw new UsageError("--search works with `list practices` only");
  }
  switch (options.what) {
    case "plugins": {
      const plugins = host.listPlugins();
      return out(
        plugins.map((p) => ({ id: p.id, packageName: p.packageName, version: p.version, status: p.status, builtin: p.builtin, documents: p.documents, scoringModels: p.contributions["scoringModels"] ?? [], adapters: p.contributions["adapters"] ?? [], problems: p.problems })),
        () =>
          plugins.map((p) => {
            const counts = Object.entries(p.documents)
              .map(([kind, ids]) => `${ids?.length ?? 0} ${kind}${(ids?.length ?? 0) === 1 ? "" : "s"}`)
              .join(", ");
            const modelIds = p.contributions["scoringModels"] ?? [];
            const models = modelIds.length > 0 ? `; models: ${modelIds.join(", ")}` : "";
            const problems = p.problems.map((problem) => `\n    ${formatProblem(problem)}`).join("");
            const count = p.problems.length > 0 ? `; ${plural(p.problems.length, "problem")}:` : "";
            return `${p.id.padEnd(22)} ${p.status.padEnd(8)} ${p.packageName ?? "(built in)"}${p.version ? `@${p.version}` : ""} — ${counts || "no content"}${models}${count}${problems}`;
          }),
      );
    }
    case "benchmarks": {
      const benchmarks = catalog.benchmarks();
      if (benchmarks.length === 0) io.stderr.write(NO_CONTENT_HINT);
      return out(
        benchmarks.map((b) => ({ id: b.id, version: b.version, title: b.title, keyFactors: b.sections.reduce((n, s) => n + s.keyFactors.length, 0) })),
        () => benchmarks.map((b) => `${b.id}@${b.version}  ${b.title} (${b.sections.reduce((n, s) => n + s.keyFactors.length, 0)} key factors)`),
      );
    }
    case "practices": {
      if (options.search !== undefined) {
        const hits = catalog.searchPractices(options.search);
        return out(
          hits.map((h) => ({ id: h.practice.id, title: h.practice.title, city: h.practice.city, country: h.practice.country, score: h.score })),
          () => (hits.length === 0 ? [`no practice matches "${options.search}"`] : hits.map((h) => `${h.practice.id}  ${h.practice.title} (${h.practice.city ?? h.practice.country})`)),
        );
      }
      const practices = catalog.practices();
      return out(
        practices.map((p) => ({ id: p.id, title: p.title, city: p.city, country: p.country })),
        () => practices.map((p) => `${p.id}  ${p.title} (${p.city ?? p.country})`),
      );
    }
  }
}
