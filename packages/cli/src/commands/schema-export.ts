import { join } from "node:path";
import type { Host } from "@cohesion/core";
import { DOCUMENT_KINDS, SCHEMA_ID_HOST, SCHEMA_VERSION, schemasById } from "@cohesion/schema";
import { writeFileAtomic } from "../atomic-write";
import { formatProblem, plural } from "../format-problems";
import { EXIT, type CliIO } from "../io";

/** Options of `cohesion schema export`. */
export interface SchemaExportOptions {
  out: string;
  force: boolean;
  format: "text" | "json";
}

/** One kind in the export's index: the core schema's `$id` and, when a plugin extends it, the merged one's. */
interface ExportedKind {
  kind: string;
  core: string;
  extended?: string;
}

/**
 * `cohesion schema export --plugin <path> --out <dir>`: writes the schemas as the loaded plugins extend
 * them, for validators in any language. Every core schema is written at the path of its `$id` under
 * `<dir>` (`<dir>/<version>/<name>.schema.json`), each merged schema beside it under its own `$id`
 * (`<version>/<kind>+plugins.schema.json`), whose relative `$ref`s resolve to the core files beside it;
 * `<dir>/index.json` says which schema to use for each kind. A plugin the host refused (its extension
 * conflicts with this schema version, or does not compile) stops the export, naming why.
 *
 * @example
 * ```sh
 * cohesion schema export --plugin ./acme-plugin --out schemas-for-acme
 * ```
 */
export async function schemaExportCommand(options: SchemaExportOptions, io: CliIO, host: Host): Promise<number> {
  const refused = host.listPlugins().filter((plugin) => plugin.status === "refused");
  if (refused.length > 0) {
    for (const plugin of refused) for (const problem of plugin.problems) io.stderr.write(`${formatProblem(problem)}\n`);
    io.stderr.write(`✖ ${plural(refused.length, "plugin")} refused (${refused.map((p) => p.id).join(", ")}); nothing was written\n`);
    return EXIT.invalid;
  }
  const written: string[] = [];
  const write = async (id: string, schema: unknown) => {
    const path = join(options.out, id.slice(SCHEMA_ID_HOST.length));
    await writeFileAtomic(path, `${JSON.stringify(schema, null, 2)}\n`, { force: options.force });
    written.push(path);
  };
  for (const [id, schema] of schemasById) await write(id, schema);
  const kinds: ExportedKind[] = [];
  for (const kind of DOCUMENT_KINDS) {
    const core = `${SCHEMA_ID_HOST}${SCHEMA_VERSION}/${kind}.schema.json`;
    const merged = host.schemaFor(kind);
    const id = String(merged["$id"] ?? core);
    if (id !== core) await write(id, merged);
    kinds.push({ kind, core, ...(id !== core ? { extended: id } : {}) });
  }
  const plugins = host.listPlugins().filter((p) => !p.builtin).map((p) => ({ id: p.id, version: p.version }));
  const index = { schemaVersion: SCHEMA_VERSION, plugins, kinds };
  const indexPath = join(options.out, "index.json");
  await writeFileAtomic(indexPath, `${JSON.stringify(index, null, 2)}\n`, { force: options.force });
  written.push(indexPath);
  if (options.format === "json") io.stdout.write(`${JSON.stringify({ ...index, written }, null, 2)}\n`);
  else {
    for (const k of kinds.filter((k) => k.extended)) io.stdout.write(`${k.kind}: ${k.extended}\n`);
    io.stderr.write(`✔ ${plural(written.length, "file")} written to ${options.out}: the schemas of version ${SCHEMA_VERSION}, ${plural(kinds.filter((k) => k.extended).length, "kind")} as the plugins extend ${kinds.filter((k) => k.extended).length === 1 ? "it" : "them"}\n`);
  }
  return EXIT.ok;
}
