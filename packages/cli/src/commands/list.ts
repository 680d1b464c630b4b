import type { Host } from "@cohesion/core";
import { EXIT, UsageError, type CliIO } from "../io";

/** Options of `cohesion list`. */
export interface ListOptions {
  what: "plugins" | "benchmarks" | "practices";
  search?: string;
  format: "text" | "json";
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
export function listCommand(options: ListOptions, io: CliIO, host: Host): number {
  const catalog = host.catalog();
  const out = (rows: unknown[], text: () => string[]) => {
    if (options.format === "json") io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    else for (const line of text()) io.stdout.write(`${line}\n`);
  };
  if (options.search !== undefined && options.what !== "practices") {
    throw new UsageError("--search works with `list practices` only");
  }
  switch (options.what) {
    case "plugins": {
      const plugins = host.listPlugins();
      out(
        plugins.map((p) => ({ id: p.id, packageName: p.packageName, version: p.version, status: p.status, builtin: p.builtin, documents: p.documents, scoringModels: p.contributions["scoringModels"] ?? [], adapters: p.contributions["adapters"] ?? [], problems: p.problems })),
        () =>
          plugins.map((p) => {
            const counts = Object.entries(p.documents)
              .map(([kind, ids]) => `${ids?.length ?? 0} ${kind}${(ids?.length ?? 0) === 1 ? "" : "s"}`)
              .join(", ");
            const modelIds = p.contributions["scoringModels"] ?? [];
            const models = modelIds.length > 0 ? `; models: ${modelIds.join(", ")}` : "";
            const problems = p.problems.length > 0 ? `; ${p.problems.length} problem(s): ${p.problems[0]?.message ?? ""}` : "";
            return `${p.id.padEnd(22)} ${p.status.padEnd(8)} ${p.packageName ?? "(built in)"}${p.version ? `@${p.version}` : ""} — ${counts || "no content"}${models}${problems}`;
          }),
      );
      return EXIT.ok;
    }
    case "benchmarks": {
      const benchmarks = catalog.benchmarks();
      out(
        benchmarks.map((b) => ({ id: b.id, version: b.version, title: b.title, keyFactors: b.sections.reduce((n, s) => n + s.keyFactors.length, 0) })),
        () => benchmarks.map((b) => `${b.id}@${b.version}  ${b.title} (${b.sections.reduce((n, s) => n + s.keyFactors.length, 0)} key factors)`),
      );
      return EXIT.ok;
    }
    case "practices": {
      if (options.search !== undefined) {
        const hits = catalog.searchPractices(options.search);
        out(
          hits.map((h) => ({ id: h.practice.id, title: h.practice.title, city: h.practice.city, country: h.practice.country, score: h.score })),
          () => (hits.length === 0 ? [`no practice matches "${options.search}"`] : hits.map((h) => `${h.practice.id}  ${h.practice.title} (${h.practice.city ?? h.practice.country})`)),
        );
        return EXIT.ok;
      }
      const practices = catalog.practices();
      out(
        practices.map((p) => ({ id: p.id, title: p.title, city: p.city, country: p.country })),
        () => practices.map((p) => `${p.id}  ${p.title} (${p.city ?? p.country})`),
      );
      return EXIT.ok;
    }
  }
}
