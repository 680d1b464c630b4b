#!/usr/bin/env node
// The breaking-change gate for the schemas. It compares the latest released schema set
// (schemas/releases/<version>/) with the current one (schemas/), classifies every change with
// diffSchemas from @cohesion/schema, and fails when the pending changesets (.changeset/*.md) declare
// a smaller bump for @cohesion/schema than the change needs, naming each change that needs more.
//
//   node scripts/check-schema-bump.mjs [--schemas dir] [--released dir] [--changesets dir]
//
// Exit codes: 0 the declared bump covers the change, 1 it does not (or the $ids name the wrong
// version), 2 the folders cannot be read.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { build } from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const PACKAGE = "@cohesion/schema";
const BUMPS = ["none", "patch", "minor", "major"];

class GateError extends Error {}

/**
 * diffSchemas and the schema-version helpers from the schema package's source, bundled in memory: no
 * build needed, and the gate reads versions and $ids by the same rules as the package.
 */
async function loadSchemaPackage() {
  const result = await build({
    stdin: {
      contents: 'export { diffSchemas } from "./src/evolution/diff.ts"; export { compareSchemaVersions, parseSchemaVersion, SCHEMA_ID_HOST } from "./src/versions.ts";',
      resolveDir: join(root, "packages/schema"),
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

function readSet(dir) {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new GateError(`${dir}: no such folder of schemas`);
  const set = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".schema.json")).sort()) {
    try {
      set[file] = JSON.parse(readFileSync(join(dir, file), "utf8"));
    } catch (error) {
      throw new GateError(`${join(dir, file)}: not valid JSON (${error.message})`);
    }
  }
  if (Object.keys(set).length === 0) throw new GateError(`${dir}: holds no *.schema.json file`);
  return set;
}

/** The one schema version every `$id` of a set names (`<SCHEMA_ID_HOST><major>.<minor>/...`). */
function versionOf(set, where, { parseSchemaVersion, SCHEMA_ID_HOST }) {
  const versionIn = (id) => {
    if (!id.startsWith(SCHEMA_ID_HOST)) return "?";
    const rest = id.slice(SCHEMA_ID_HOST.length);
    const slash = rest.indexOf("/");
    const version = slash === -1 ? "" : rest.slice(0, slash);
    return parseSchemaVersion(version) === undefined ? "?" : version;
  };
  const versions = new Set(Object.values(set).map((s) => versionIn(String(s?.$id ?? ""))));
  if (versions.size !== 1 || versions.has("?")) throw new GateError(`${where}: the $ids must all name one version (${SCHEMA_ID_HOST}<major>.<minor>/...)`);
  return [...versions][0];
}

/**
 * The bump each pending changeset declares for @cohesion/schema, from its front matter. A changeset
 * whose front matter is not closed, or that gives @cohesion/schema something other than a bump, is
 * refused with its file and line, as `changeset version` would refuse it.
 */
function declaredBumps(dir) {
  if (!existsSync(dir)) return [];
  const found = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".md") && f.toLowerCase() !== "readme.md").sort()) {
    const text = readFileSync(join(dir, file), "utf8");
    if (!/^---\r?\n/.test(text)) continue;
    const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1];
    if (front === undefined) throw new GateError(`${join(dir, file)}: the front matter opened by "---" on line 1 is never closed`);
    front.split(/\r?\n/).forEach((line, index) => {
      const match = /^\s*(["']?)(@?[^"':\s]+)\1\s*:\s*(.*?)\s*$/.exec(line);
      if (!match || match[2] !== PACKAGE) return;
      if (!["patch", "minor", "major"].includes(match[3])) {
        throw new GateError(`${join(dir, file)}:${index + 2}: "${PACKAGE}": ${JSON.stringify(match[3])} is not a bump (patch, minor or major)`);
      }
      found.push({ file, bump: match[3] });
    });
  }
  return found;
}

const rank = (bump) => BUMPS.indexOf(bump);
const show = (path) => relative(process.cwd(), path) || path;

async function main() {
  const { values } = parseArgs({
    options: { schemas: { type: "string" }, released: { type: "string" }, changesets: { type: "string" } },
  });
  const schemasDir = resolve(values.schemas ?? join(root, "schemas"));
  const releasedDir = resolve(values.released ?? join(schemasDir, "releases"));
  const changesetsDir = resolve(values.changesets ?? join(root, ".changeset"));

  const schemaPackage = await loadSchemaPackage();
  const { compareSchemaVersions, diffSchemas, parseSchemaVersion } = schemaPackage;
  const releases = existsSync(releasedDir)
    ? readdirSync(releasedDir).filter((d) => parseSchemaVersion(d) !== undefined && statSync(join(releasedDir, d)).isDirectory()).sort(compareSchemaVersions)
    : [];
  const latest = releases.at(-1);
  if (latest === undefined) {
    console.log(`check-schema-bump: no released schema version in ${show(releasedDir)}; nothing to compare.`);
    return 0;
  }
  const before = readSet(join(releasedDir, latest));
  const after = readSet(schemasDir);
  const current = versionOf(after, show(schemasDir), schemaPackage);
  const diff = diffSchemas(before, after);
  const where = (c) => `${c.file}#${c.pointer}`;
  const list = (changes) => changes.map((c) => `  ${c.bump.padEnd(5)}  ${where(c)}  ${c.reason}`).join("\n");

  if (current === latest) {
    if (diff.changes.length === 0) {
      console.log(`check-schema-bump: schemas/ is schema version ${latest} as released; no change to check.`);
      return 0;
    }
    console.error(`check-schema-bump: schemas/ changed since release ${latest} but its $ids still say ${latest}; a released version is frozen. Give every $id a new version. Changes:\n${list(diff.changes)}`);
    return 1;
  }
  if (compareSchemaVersions(current, latest) < 0) {
    console.error(`check-schema-bump: schemas/ says version ${current}, older than the latest release ${latest}.`);
    return 1;
  }

  const declarations = declaredBumps(changesetsDir);
  const declared = declarations.reduce((max, d) => (rank(d.bump) > rank(max) ? d.bump : max), "none");
  const from = declarations.length > 0 ? ` (${declarations.map((d) => `${d.file}: ${d.bump}`).join(", ")})` : "";
  const problems = [];
  if (rank(declared) < rank(diff.bump)) {
    const bigger = diff.changes.filter((c) => rank(c.bump) > rank(declared));
    problems.push(
      `the schema change from ${latest} to ${current} needs a ${diff.bump} release of ${PACKAGE}, but the pending changesets in ${show(changesetsDir)} declare ${declared === "none" ? "none" : declared}${from}.\n` +
        `These changes need more than ${declared}:\n${list(bigger)}\n` +
        `Add a changeset with "${PACKAGE}": ${diff.bump}, or make the change backward compatible (add, do not remove or tighten).`,
    );
  }
  const lm = parseSchemaVersion(latest).major;
  if (diff.bump === "major" && parseSchemaVersion(current).major === lm) {
    const breaking = diff.changes.filter((c) => c.bump === "major");
    problems.push(`a breaking schema change needs a new major schema version (${lm + 1}.0), but the $ids say ${current}:\n${list(breaking)}`);
  }
  if (problems.length > 0) {
    for (const problem of problems) console.error(`check-schema-bump: ${problem}`);
    return 1;
  }
  console.log(
    `check-schema-bump: ${diff.changes.length} schema change(s) from ${latest} to ${current} need a ${diff.bump} release; the pending changesets declare ${declared}${from}.`,
  );
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`check-schema-bump: ${error instanceof GateError ? error.message : `could not run (${error?.message ?? error})`}`);
    process.exitCode = 2;
  },
);
