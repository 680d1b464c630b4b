// What the schema scripts (the bump gate, schema:version, docs) share: reading a set of schema
// files, the version its $ids name, the frozen releases and their checksums, the schemaVersion
// pattern, the migration modules a major needs, and the schema package's own helpers.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

export const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const SCHEMA_PACKAGE = "@cohesion/schema";
/** The record of every frozen file's SHA-256, beside the frozen folders. */
export const CHECKSUMS_FILE = "checksums.json";

/** A problem the scripts report as a message, never as a stack trace. */
export class ScriptError extends Error {}

/**
 * The schema package's helpers from its source, bundled in memory: no build needed, and the
 * scripts read versions, $ids and diffs by the same rules as the package.
 */
export async function loadSchemaTools(schemaPackageDir = join(root, "packages/schema")) {
  const result = await build({
    stdin: {
      contents: [
        'export { diffSchemas } from "./src/evolution/diff.ts";',
        'export { compareSchemaVersions, parseSchemaVersion, SCHEMA_ID_HOST } from "./src/versions.ts";',
      ].join("\n"),
      resolveDir: schemaPackageDir,
      loader: "ts",
    },
    bundle: true,
    write: false,
    format: "esm",
    platform: "node",
    logLevel: "silent",
  });
  const code = result.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`);
}

/** The `*.schema.json` files of a folder, as text, keyed by file name. */
export function readTexts(dir) {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ScriptError(`${dir}: no such folder of schemas`);
  const texts = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".schema.json")).sort()) texts[file] = readFileSync(join(dir, file), "utf8");
  if (Object.keys(texts).length === 0) throw new ScriptError(`${dir}: holds no *.schema.json file`);
  return texts;
}

/** Parses every text of a set, naming the file that is not JSON. */
export function parseTexts(texts, dir) {
  const set = {};
  for (const [file, text] of Object.entries(texts)) {
    try {
      set[file] = JSON.parse(text);
    } catch (error) {
      throw new ScriptError(`${join(dir, file)}: not valid JSON (${error.message})`);
    }
  }
  return set;
}

export function readSet(dir) {
  return parseTexts(readTexts(dir), dir);
}

/** The version one `$id` names (`<SCHEMA_ID_HOST><major>.<minor>/<file>`), or undefined. */
export function versionInId(id, { parseSchemaVersion, SCHEMA_ID_HOST }) {
  if (typeof id !== "string" || !id.startsWith(SCHEMA_ID_HOST)) return undefined;
  const rest = id.slice(SCHEMA_ID_HOST.length);
  const slash = rest.indexOf("/");
  const version = slash === -1 ? "" : rest.slice(0, slash);
  return parseSchemaVersion(version) === undefined ? undefined : version;
}

/** The one schema version every `$id` of a set names; each `$id` must also end with its file name. */
export function versionOf(set, where, tools) {
  const versions = new Set();
  for (const [file, schema] of Object.entries(set)) {
    const version = versionInId(schema?.$id, tools);
    if (version === undefined || schema.$id !== `${tools.SCHEMA_ID_HOST}${version}/${file}`) {
      throw new ScriptError(`${where}/${file}: its $id must be ${tools.SCHEMA_ID_HOST}<major>.<minor>/${file}, but it is ${JSON.stringify(schema?.$id ?? null)}`);
    }
    versions.add(version);
  }
  if (versions.size !== 1) throw new ScriptError(`${where}: every $id must name one version, but they name ${[...versions].sort().join(", ")}; run npm run schema:version to move them together`);
  return [...versions][0];
}

/** The frozen versions in a releases folder, oldest first. */
export function releasedVersions(releasesDir, { parseSchemaVersion, compareSchemaVersions }) {
  if (!existsSync(releasesDir)) return [];
  return readdirSync(releasesDir)
    .filter((d) => parseSchemaVersion(d) !== undefined && statSync(join(releasesDir, d)).isDirectory())
    .sort(compareSchemaVersions);
}

export const sha256 = (text) => createHash("sha256").update(text).digest("hex");

/** The recorded checksums: `{ "<version>": { "<file>": "<sha256>" } }`. */
export function readChecksums(releasesDir) {
  const path = join(releasesDir, CHECKSUMS_FILE);
  if (!existsSync(path)) return {};
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8"));
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
    return parsed;
  } catch (error) {
    throw new ScriptError(`${path}: not a record of checksums (${error.message}); restore it from git`);
  }
}

/** The checksums file's text, in version order. */
export function checksumsText(checksums, { compareSchemaVersions }) {
  const ordered = Object.fromEntries(Object.keys(checksums).sort(compareSchemaVersions).map((v) => [v, checksums[v]]));
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/**
 * Every way the frozen releases differ from their recorded checksums: a file changed, added or
 * removed, a version folder that was never recorded or whose folder is gone. Each problem names the
 * file and says what to do.
 */
export function frozenProblems(releasesDir, tools, show = (p) => p) {
  const checksums = readChecksums(releasesDir);
  const problems = [];
  const versions = releasedVersions(releasesDir, tools);
  const restore = "a released schema never changes: restore it (git checkout -- <file>) and make the change in schemas/ under a new version (npm run schema:version -- minor|major)";
  for (const version of versions) {
    const dir = join(releasesDir, version);
    const recorded = checksums[version];
    if (recorded === undefined) {
      problems.push(`${show(dir)}: version ${version} is not recorded in ${show(join(releasesDir, CHECKSUMS_FILE))}; frozen versions are written only by npm run schema:version (or the release script), never by hand`);
      continue;
    }
    const texts = readTexts(dir);
    for (const [file, text] of Object.entries(texts)) {
      if (recorded[file] === undefined) problems.push(`${show(join(dir, file))}: added to released version ${version}; ${restore}`);
      else if (recorded[file] !== sha256(text)) problems.push(`${show(join(dir, file))}: changed after version ${version} was released; ${restore}`);
    }
    for (const file of Object.keys(recorded)) {
      if (texts[file] === undefined) problems.push(`${show(join(dir, file))}: removed from released version ${version}; ${restore}`);
    }
  }
  for (const version of Object.keys(checksums)) {
    if (!versions.includes(version)) problems.push(`${show(join(releasesDir, version))}: released version ${version} is recorded in ${CHECKSUMS_FILE} but its folder is gone; restore it from git`);
  }
  return problems;
}

/** Where a set keeps the pattern documents' `schemaVersion` must match. */
export const VERSION_PATTERN_AT = { file: "defs.schema.json", pointer: "/$defs/schemaVersion/pattern" };

/** The pattern that admits every minor of one major, as the schemas spell it. */
export const versionPatternFor = (major) => `^${major}\\.(0|[1-9][0-9]*)$`;

/**
 * Why the set's `schemaVersion` pattern does not admit exactly the minors of `version`'s major,
 * or undefined when it does (or the set has no such pattern).
 */
export function versionPatternProblem(set, version, tools) {
  const pattern = set[VERSION_PATTERN_AT.file]?.$defs?.schemaVersion?.pattern;
  if (typeof pattern !== "string") return undefined;
  const { major } = tools.parseSchemaVersion(version);
  let regex;
  try {
    regex = new RegExp(pattern, "u");
  } catch {
    regex = undefined;
  }
  const fits = regex !== undefined && regex.test(version) && regex.test(`${major}.0`) && !regex.test(`${major + 1}.0`) && (major === 0 || !regex.test(`${major - 1}.0`));
  if (fits) return undefined;
  return `${VERSION_PATTERN_AT.file}#${VERSION_PATTERN_AT.pointer} is ${JSON.stringify(pattern)}, but the $ids say ${version}: documents of ${version} could not declare their version. It must be ${JSON.stringify(versionPatternFor(major))} (npm run schema:version moves it)`;
}

/** The migration module of a version pair: `v1-1-to-v2-0`, exporting `migrate1_1To2_0`. */
export function migrationModule(from, to) {
  const dash = (v) => v.replace(".", "-");
  const under = (v) => v.replace(".", "_");
  return { base: `v${dash(from)}-to-v${dash(to)}`, exportName: `migrate${under(from)}To${under(to)}` };
}

/** The hand-written migration modules of a folder, as version pairs, oldest first. */
export function writtenMigrations(migrationsDir, { compareSchemaVersions }) {
  if (!existsSync(migrationsDir)) return [];
  const found = [];
  for (const file of readdirSync(migrationsDir)) {
    const match = /^v(\d+)-(\d+)-to-v(\d+)-(\d+)\.ts$/.exec(file);
    if (match) found.push({ from: `${match[1]}.${match[2]}`, to: `${match[3]}.${match[4]}`, file });
  }
  return found.sort((a, b) => compareSchemaVersions(a.from, b.from));
}

/** The pairs of consecutive versions that cross a major and have no migration module. */
export function missingMajorMigrations(versions, migrationsDir, tools) {
  const written = writtenMigrations(migrationsDir, tools);
  const missing = [];
  for (let i = 1; i < versions.length; i += 1) {
    const from = versions[i - 1];
    const to = versions[i];
    if (tools.parseSchemaVersion(from).major === tools.parseSchemaVersion(to).major) continue;
    if (!written.some((m) => m.from === from && m.to === to)) missing.push({ from, to, ...migrationModule(from, to) });
  }
  return missing;
}

/** A diff's changes as Markdown list items, for a changeset or a changelog. */
export function changesAsMarkdown(changes) {
  return changes.map((c) => `- ${c.bump}: \`${c.file}#${c.pointer}\`: ${c.reason}`).join("\n");
}

/** Where the migration registry lives in its folder. */
export const REGISTRY_FILE = "steps.ts";

/**
 * The text of the migration registry: one import and one entry per hand-written module, so a
 * module is registered by being there and `migrate` finds it by its version pair.
 */
export function registryText(migrationsDir, tools) {
  const modules = writtenMigrations(migrationsDir, tools).map((m) => ({ ...m, ...migrationModule(m.from, m.to) }));
  return [
    "// DO NOT EDIT — written by scripts/schema-version.mjs from the v<from>-to-v<to>.ts modules beside it.",
    'import type { MigrationStep } from "./step";',
    ...modules.map((m) => `import { ${m.exportName} } from "./${m.base}";`),
    "",
    "/** The hand-written migration steps, keyed \"<from>→<to>\". A minor without one is an identity step. */",
    "export const WRITTEN_STEPS: Readonly<Record<string, MigrationStep>> = {",
    ...modules.map((m) => `  "${m.from}→${m.to}": ${m.exportName},`),
    "};",
    "",
  ].join("\n");
}

/** The changeset `npm run schema:version` writes for a version: `.changeset/schema-1-2.md`. */
export const pendingChangeset = (changesetsDir, version) => join(changesetsDir, `schema-${version.replace(".", "-")}.md`);

const CHANGES_START = "<!-- schema changes: written by npm run schema:version; edit the text outside these marks -->";
const CHANGES_END = "<!-- end of schema changes -->";

/** The generated list of schema changes in a version's changeset, between its marks. */
export function changesBlock(diff, base) {
  const list = diff.changes.length > 0 ? changesAsMarkdown(diff.changes) : "- none yet: edit schemas/, then run `npm run schema:version -- refresh`";
  return `${CHANGES_START}\nChanges since schema version ${base}:\n\n${list}\n${CHANGES_END}`;
}

/** A changeset's text with its generated list replaced by `block`; the text around it is kept. */
export function withChangesBlock(text, block, where) {
  const start = text.indexOf(CHANGES_START);
  const end = text.indexOf(CHANGES_END);
  if (start === -1 || end < start) {
    throw new ScriptError(`${where}: the marks around the list of schema changes are gone; put back "${CHANGES_START}" and "${CHANGES_END}", or delete the file and cut the version again`);
  }
  return `${text.slice(0, start)}${block}${text.slice(end + CHANGES_END.length)}`;
}

/**
 * Freezes a version: its schema texts into `<releasesDir>/<version>/` and their checksums into the
 * record, each file written whole through a rename. Returns the paths written.
 */
export function freezeVersion(releasesDir, version, texts, tools) {
  const dir = join(releasesDir, version);
  if (existsSync(dir)) throw new ScriptError(`${dir} exists already; a released version is frozen once`);
  const checksums = readChecksums(releasesDir);
  checksums[version] = {};
  const paths = [];
  for (const [file, text] of Object.entries(texts)) {
    paths.push(writeAtomic(join(dir, file), text));
    checksums[version][file] = sha256(text);
  }
  paths.push(writeAtomic(join(releasesDir, CHECKSUMS_FILE), checksumsText(checksums, tools)));
  return paths;
}

/** Writes through a temporary file and a rename, so a file is never left half-written. */
export function writeAtomic(path, text) {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, path);
  return path;
}
