import { join } from "node:path";
import type { Host } from "@cohesion/core";
import { DOCUMENT_KINDS, SCHEMA_ID_HOST, SCHEMA_VERSION, schemasById } from "@cohesion/schema";
import { writeFileAtomic } from "../atomic-write";
import { plural } from "../format-problems";
import type { CommandContext, CommandOutcome } from "../framework/command";
import { EXIT, UsageError, type CliIO } from "../io";

/** Options of `cohesion schema export`. */
export interface SchemaExportOptions {
  out: string;
  force: boolean;
  format: "text" | "json";
}

/** `cohesion schema export`, as the command framework runs it. */
export async function run(context: CommandContext): Promise<CommandOutcome> {
  if (context.args.positionals.length > 0) throw new UsageError(`schema export takes no file: ${context.args.positionals.join(" ")}`, "cohesion schema export --plugin <path> --out <dir>");
  const out = context.string("out");
  if (!out) throw new UsageError("schema export needs --out <dir>: the folder to write the schemas into");
  return schemaExportCommand({ out, force: context.flag("force"), format: context.format === "json" ? "json" : "text" }, context.io, await context.host());
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
export async function schemaExportCommand(options: SchemaExportOptions, io: CliIO, host: Host): Promise<CommandOutcome> {
  const refused = host.listPlugins().filter((plugin) => plugin.status === "refused");
  if (refused.length > 0) {
    const text = `✖ ${plural(refused.length, "plugin")} refused (${refused.map((p) => p.id).join(", ")}); nothing was written\n`;
    return { exit: EXIT.invalid, problems: refused.flatMap((plugin) => plugin.problems), ...(options.format === "json" ? {} : { text }) };
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
  const result = { ...index, written };
  if (options.format === "json") return { exit: EXIT.ok, result };
  io.stderr.write(`✔ ${plural(written.length, "file")} written to ${options.out}: the schemas of version ${SCHEMA_VERSION}, ${plural(kinds.filter((k) => k.extended).length, "kind")} as the plugins extend ${kinds.filter((k) => k.extended).length === 1 ? "it" : "them"}\n`);
  return { exit: EXIT.ok, result, text: kinds.filter((k) => k.extended).map((k) => `${k.kind}: ${k.extended}\n`).join("") };
}
