import { adaptersPoint } from "@cohesion/adapter-kit";
import type { Host } from "@cohesion/core";
import { loadAdapters } from "../adapter-host";
import { EXIT, type CliIO } from "../io";

/**
 * `cohesion list adapters`: every adapter the installed plugins offer, what it reads and writes, its file
 * extensions and whether it runs in a browser.
 *
 * @example
 * ```sh
 * cohesion list adapters --format json
 * ```
 */
export async function listAdaptersCommand(format: "text" | "json", io: CliIO, host: Host): Promise<number> {
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
  if (format === "json") {
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return EXIT.ok;
  }
  const list = (kinds: readonly string[]) => (kinds.length === 0 ? "—" : kinds.length > 4 ? `${kinds.length} kinds` : kinds.join(", "));
  for (const row of rows) {
    const browser = row.browser.read && row.browser.write ? "reads and writes in a browser" : row.browser.write ? "writes in a browser" : row.browser.read ? "reads in a browser" : "Node only";
    io.stdout.write(`${row.format.padEnd(12)} ${row.id.padEnd(24)} ${row.extensions.join(" ").padEnd(16)} reads: ${list(row.reads)}; writes: ${list(row.writes)}; ${browser}\n`);
  }
  // An adapter plugin that failed to load or activate is why an adapter is missing: say so.
  const failing = host.listPlugins().filter((plugin) => (plugin.contributions["adapters"] ?? []).length > 0 && plugin.problems.length > 0);
  for (const plugin of failing) for (const problem of plugin.problems) io.stderr.write(`warning: ${problem.message}\n`);
  if (rows.length === 0) io.stderr.write("no adapters are installed\n");
  return EXIT.ok;
}
