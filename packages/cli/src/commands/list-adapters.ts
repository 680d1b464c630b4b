import { adaptersPoint } from "@cohesion/adapter-kit";
import type { Host } from "@cohesion/core";
import { loadAdapters } from "../adapter-host";
import type { ValidationProblem } from "@cohesion/schema";
import type { CommandOutcome } from "../framework/command";
import { EXIT } from "../io";
import { cliProblem } from "../problems";

/**
 * `cohesion list adapters`: every adapter the installed plugins offer, what it reads and writes, its file
 * extensions and whether it runs in a browser.
 *
 * @example
 * ```sh
 * cohesion list adapters --format json
 * ```
 */
export async function listAdaptersCommand(format: "text" | "json", host: Host): Promise<CommandOutcome> {
  const adapters = await loadAdapters(host);
  const plugins = new Map(host.declared(adaptersPoint).map((declaration) => [declaration.id, declaration.plugin]));
  const rows = adapters.map((adapter) => ({
    id: adapter.id,
    title: adapter.title,
    format: adapter.format,
    mediaType: adapter.mediaType,
    extensions: [...adapter.extensions],
    reads: [...adapter.reads],
    writes: [...adapter.writes],
    browser: adapter.browser,
    plugin: plugins.get(adapter.id) ?? "",
  }));
  // An adapter plugin that failed to load or activate is why an adapter is missing: its problems come
  // along as warnings (the listing itself succeeded).
  const problems: ValidationProblem[] = host
    .listPlugins()
    .filter((plugin) => (plugin.contributions["adapters"] ?? []).length > 0)
    .flatMap((plugin) => plugin.problems.map((problem) => ({ ...problem, severity: "warning" as const })));
  if (rows.length === 0) problems.push(cliProblem("no_adapters", "", {}));
  if (format === "json") return { exit: EXIT.ok, problems, result: rows };
  const list = (kinds: readonly string[]) => (kinds.length === 0 ? "—" : kinds.length > 4 ? `${kinds.length} kinds` : kinds.join(", "));
  const text = rows.map((row) => {
    const browser = row.browser.read && row.browser.write ? "reads and writes in a browser" : row.browser.write ? "writes in a browser" : row.browser.read ? "reads in a browser" : "Node only";
    return `${row.format.padEnd(12)} ${row.id.padEnd(24)} ${row.extensions.join(" ").padEnd(16)} reads: ${list(row.reads)}; writes: ${list(row.writes)}; ${browser}\n`;
  });
  return { exit: EXIT.ok, problems, result: rows, text: text.join("") };
}
