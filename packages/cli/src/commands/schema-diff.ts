import { readdir, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { basename, dirname, join, resolve } from "node:path";
import { parseJsonText, readTextFile } from "@cohesion/core";
import { compareBumps, diffSchemas, SCHEMA_VERSIONS, type SchemaBump, type SchemaSet, describeThrown } from "@cohesion/schema";
import type { CommandContext, CommandOutcome } from "../framework/command";
import { EXIT, UsageError, type CliIO } from "../io";

/** Options of `cohesion schema-diff`. */
export interface SchemaDiffOptions {
  old: string;
  new: string;
  /** The bump a release declares; with it, the command fails when the change needs more. */
  declared?: SchemaBump;
  format: "text" | "json";
}

const BUMPS: readonly SchemaBump[] = ["none", "patch", "minor", "major"];

/** Whether a string names a bump (`--declared`). */
export function isSchemaBump(value: string): value is SchemaBump {
  return (BUMPS as readonly string[]).includes(value);
}

/** `cohesion schema-diff`, as the command framework runs it. */
export async function run(context: CommandContext): Promise<CommandOutcome> {
  const { positionals } = context.args;
  if (positionals.length !== 2) throw new UsageError("schema-diff needs the old and the new schemas: `cohesion schema-diff <old> <new>`");
  const [oldSchemas = "", newSchemas = ""] = positionals;
  const declared = context.string("declared");
  if (declared !== undefined && !isSchemaBump(declared)) throw new UsageError(`--declared must be none, patch, minor or major, not "${declared}"`);
  return schemaDiffCommand({ old: oldSchemas, new: newSchemas, format: context.format === "json" ? "json" : "text", ...(declared === undefined ? {} : { declared }) }, context.io);
}

/**
 * `cohesion schema-diff <old> <new> [--declared bump]`: classifies every difference between two sets of
 * schemas as patch, minor or major, with where it is and why, and the bump the whole change needs. Each
 * side is a folder of `*.schema.json` files, one schema file, or a schema version this release ships
 * (`1.0`). With `--declared`, exits 1 when the declared bump is smaller than the change needs.
 *
 * @example
 * ```sh
 * cohesion schema-diff 1.0 schemas/ --declared minor
 * ```
 */
export async function schemaDiffCommand(options: SchemaDiffOptions, io: CliIO): Promise<CommandOutcome> {
  const oldSet = await readSchemaSet(options.old, io.cwd);
  let newSet = await readSchemaSet(options.new, io.cwd);
  const oldNames = Object.keys(oldSet);
  const newNames = Object.keys(newSet);
  // Two single files are two versions of one schema, whatever the files are called.
  if (oldNames.length === 1 && newNames.length === 1 && oldNames[0] !== undefined && newNames[0] !== undefined && (await isFile(options.old, io.cwd)) && (await isFile(options.new, io.cwd))) {
    newSet = { [oldNames[0]]: newSet[newNames[0]] };
  }
  const diff = diffSchemas(oldSet, newSet);
  const enough = options.declared === undefined || compareBumps(options.declared, diff.bump) >= 0;
  const exit = enough ? EXIT.ok : EXIT.invalid;
  const result = { ...diff, ...(options.declared ? { declared: options.declared, enough } : {}) };
  if (options.format === "json") return { exit, result };
  const lines: string[] = [];
  for (const change of diff.changes) lines.push(`${change.bump.padEnd(5)}  ${change.file}#${change.pointer}  ${change.kind}: ${change.reason}`);
  lines.push(diff.bump === "none" ? "no change: no release needed" : `${diff.changes.length} change(s): needs a ${diff.bump} release`);
  if (options.declared !== undefined) {
    lines.push(enough ? `✔ declared ${options.declared} covers it` : `✖ declared ${options.declared}, but the change needs ${diff.bump}: declare a ${diff.bump} bump for @cohesion/schema`);
  }
  return { exit, result, text: `${lines.join("\n")}\n` };
}

async function isFile(where: string, cwd: string): Promise<boolean> {
  return stat(resolve(cwd, where)).then((s) => s.isFile(), () => false);
}

/** A schema set from a folder, one file, or a shipped version of @cohesion/schema. */
async function readSchemaSet(where: string, cwd: string): Promise<SchemaSet> {
  if ((SCHEMA_VERSIONS as readonly string[]).includes(where)) return readFolder(shippedFolder(where), where);
  const path = resolve(cwd, where);
  let isFolder: boolean;
  try {
    isFolder = (await stat(path)).isDirectory();
  } catch {
    throw new UsageError(`${where}: no such file or folder`, `give a folder of *.schema.json files, one schema file, or a shipped version (${SCHEMA_VERSIONS.join(", ")})`);
  }
  if (isFolder) return readFolder(path, where);
  return { [basename(path)]: await readSchema(path, where) };
}

function shippedFolder(version: string): string {
  // The exports map publishes every shipped version as @cohesion/schema/schemas/<version>/<name>.schema.json.
  const require = createRequire(import.meta.url);
  return dirname(require.resolve(`@cohesion/schema/schemas/${version}/defs.schema.json`));
}

async function readFolder(folder: string, where: string): Promise<SchemaSet> {
  let names: string[];
  try {
    names = (await readdir(folder)).filter((name) => name.endsWith(".schema.json")).sort();
  } catch (error) {
    throw new UsageError(`${where}: cannot be read (${describeThrown(error)})`);
  }
  if (names.length === 0) throw new UsageError(`${where}: holds no *.schema.json file`);
  const set: Record<string, unknown> = {};
  for (const name of names) set[name] = await readSchema(join(folder, name), join(where, name));
  return set;
}

async function readSchema(path: string, where: string): Promise<unknown> {
  const read = readTextFile(path);
  if (!read.ok) throw new UsageError(`${where}${read.code === "invalid_utf8" ? `:${read.line}:${read.column}` : ""}: cannot be read (${read.reason})`);
  const parsed = parseJsonText(read.text);
  if (parsed.ok) return parsed.value;
  throw new UsageError(`${where}:${parsed.line}:${parsed.column}: not valid JSON — ${parsed.reason}`, "fix the schema file or point at another");
}
