#!/usr/bin/env node
// Cuts a schema version in one command:
//
//   npm run schema:version -- minor      # the next minor (1.1 → 1.2): additive changes only
//   npm run schema:version -- major      # the next major (1.1 → 2.0): breaking changes, with a migration
//   npm run schema:version -- refresh    # after editing schemas/: rewrite the changeset's list of changes
//
// It freezes the current version into schemas/releases/<version>/ (unless it is frozen already),
// records the frozen files' checksums, moves every $id and the schemaVersion pattern to the new
// version, keeps any change already made in schemas/ for the new version, scaffolds a migration
// module and its failing test for a major, registers the migration modules, writes a changeset
// whose summary lists the schema changes, and regenerates everything (npm run codegen, npm run docs).
//
// Options: --skip-codegen (leave regeneration to a later `npm run codegen && npm run docs`).
// Exit codes: 0 done, 1 refused (the message says why and what to do), 2 could not run.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import {
  changesBlock,
  freezeVersion,
  frozenProblems,
  loadSchemaTools,
  migrationModule,
  parseTexts,
  pendingChangeset,
  readSet,
  readTexts,
  REGISTRY_FILE,
  registryText,
  releasedVersions,
  root,
  SCHEMA_PACKAGE,
  ScriptError,
  versionOf,
  VERSION_PATTERN_AT,
  versionPatternFor,
  withChangesBlock,
  writeAtomic,
} from "./lib/schema-sets.mjs";
import { scaffoldMigration, scaffoldMigrationTest } from "./lib/migration-scaffold.mjs";
import { dependentsOf, workspacePackages } from "./lib/workspace.mjs";

const schemasDir = join(root, "schemas");
const releasesDir = join(schemasDir, "releases");
const changesetsDir = join(root, ".changeset");
const migrationsDir = join(root, "packages/model/src/migrations");
const show = (path) => relative(process.cwd(), path) || path;
const written = [];

function writeFile(path, text) {
  written.push(show(writeAtomic(path, text)));
}

const changesetPath = (version) => pendingChangeset(changesetsDir, version);
/** The changeset for a new version: the schema package's bump, the dependents' by the policy, the changes. */
function changesetText(version, kind, diff, base, tools) {
  const bumps = { [SCHEMA_PACKAGE]: kind };
  // The compatibility policy: a schema major is at least a minor of every dependent, so `npm update`
  // within a caret range never brings a release that refuses the documents a project has.
  if (kind === "major") for (const name of dependentsOf(workspacePackages(root), SCHEMA_PACKAGE)) bumps[name] = "minor";
  const front = Object.entries(bumps).map(([name, bump]) => `"${name}": ${bump}`).join("\n");
  const { major } = tools.parseSchemaVersion(version);
  const intro =
    kind === "major"
      ? `Schema version ${version}, a breaking change: documents of ${base} are upgraded with \`cohesion migrate <files or folders> --to ${version}\` (or \`migrate(document, "${version}")\` from @cohesion/model), which reports anything it could not carry over. Releases of the dependents read ${major}.x documents only.`
      : `Schema version ${version}: every ${base} document stays valid, and declares ${version} when it uses what is new.`;
  return `---\n${front}\n---\n\n${intro}\n\n${changesBlock(diff, base)}\n`;
}

/** Replaces the generated list in a pending changeset, keeping the maintainer's text around it. */
function refreshChangeset(path, diff, base) {
  const text = readFileSync(path, "utf8");
  const next = withChangesBlock(text, changesBlock(diff, base), show(path));
  if (next !== text) writeFile(path, next);
}

/** The schema files' texts at the last commit, when schemas/ is in a git work tree with uncommitted changes to them. */
function committedTexts(current) {
  const status = spawnSync("git", ["status", "--porcelain", "--", "."], { cwd: schemasDir, encoding: "utf8" });
  if (status.status !== 0 || status.error) return undefined;
  const changed = status.stdout.split("\n").filter((line) => /\.schema\.json$/.test(line) && !line.includes("releases/"));
  if (changed.length === 0) return undefined;
  const texts = {};
  for (const file of Object.keys(current)) {
    const shown = spawnSync("git", ["show", `HEAD:./${file}`], { cwd: schemasDir, encoding: "utf8" });
    if (shown.status !== 0) throw new ScriptError(`schemas/${file} is not in the last commit, so its released text is unknown; commit the schemas as released first`);
    texts[file] = shown.stdout;
  }
  return texts;
}

function freeze(version, texts, tools) {
  for (const path of freezeVersion(releasesDir, version, texts, tools)) written.push(show(path));
}

/** The schema texts with every $id and the schemaVersion pattern moved to `version`. */
function moved(set, version, tools) {
  const texts = {};
  for (const [file, schema] of Object.entries(set)) {
    const next = structuredClone(schema);
    next.$id = `${tools.SCHEMA_ID_HOST}${version}/${file}`;
    if (file === VERSION_PATTERN_AT.file && typeof next.$defs?.schemaVersion?.pattern === "string") {
      next.$defs.schemaVersion.pattern = versionPatternFor(tools.parseSchemaVersion(version).major);
    }
    texts[file] = `${JSON.stringify(next, null, 2)}\n`;
  }
  return texts;
}

function run(label, args) {
  console.log(`schema:version: ${label}`);
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const result = spawnSync(npm, args, { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
  if (result.error || result.status !== 0) {
    throw new ScriptError(`${label} failed (${result.error?.message ?? `exit ${result.status}`}); the new version is written, fix what it says and run \`npm run codegen && npm run docs\``);
  }
}

function regenerate(skip) {
  if (skip) return;
  run("npm run codegen", ["run", "codegen", "--", "--output-logs=errors-only"]);
  const scripts = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts ?? {};
  if (scripts.docs) run("npm run docs", ["run", "docs"]);
}

function writeRegistry(tools) {
  const path = join(migrationsDir, REGISTRY_FILE);
  const text = registryText(migrationsDir, tools);
  if (!existsSync(path) || readFileSync(path, "utf8") !== text) writeFile(path, text);
}

function nextVersion(base, kind, tools) {
  const { major, minor } = tools.parseSchemaVersion(base);
  return kind === "major" ? `${major + 1}.0` : `${major}.${minor + 1}`;
}

async function main() {
  const { values, positionals } = parseArgs({ options: { "skip-codegen": { type: "boolean", default: false } }, allowPositionals: true });
  const kind = positionals[0];
  if (positionals.length !== 1 || !["minor", "major", "refresh"].includes(kind)) {
    throw new ScriptError("usage: npm run schema:version -- minor|major|refresh [--skip-codegen]");
  }
  const tools = await loadSchemaTools();
  const frozen = frozenProblems(releasesDir, tools, show);
  if (frozen.length > 0) throw new ScriptError(`released schemas were changed; nothing was written:\n  ${frozen.join("\n  ")}`);

  const texts = readTexts(schemasDir);
  const set = parseTexts(texts, schemasDir);
  const current = versionOf(set, show(schemasDir), tools);
  const releases = releasedVersions(releasesDir, tools);
  const latest = releases.at(-1);
  if (latest !== undefined && tools.compareSchemaVersions(current, latest) < 0) {
    throw new ScriptError(`schemas/ says version ${current}, older than the latest frozen release ${latest}; restore schemas/ from git`);
  }
  const isReleased = releases.includes(current);
  const pending = !isReleased && existsSync(changesetPath(current));

  if (kind === "refresh") {
    if (!pending) throw new ScriptError(`schema version ${current} has no pending changeset (${show(changesetPath(current))}); cut a version first: npm run schema:version -- minor|major`);
    writeRegistry(tools);
    refreshChangeset(changesetPath(current), tools.diffSchemas(readSet(join(releasesDir, latest)), set), latest);
    regenerate(values["skip-codegen"]);
    return report(`schema version ${current}: changeset and registry brought up to date.`);
  }

  // The version the new one follows: the current one, frozen now if it was not, or, while a cut
  // version is still pending, the release it was cut from.
  let base = current;
  if (pending) {
    if (latest === undefined) throw new ScriptError(`schema version ${current} is pending but no version is frozen in ${show(releasesDir)}`);
    base = latest;
    const pendingKind = tools.parseSchemaVersion(current).major > tools.parseSchemaVersion(latest).major ? "major" : "minor";
    if (kind === "minor" || pendingKind === "major") {
      throw new ScriptError(
        `schema version ${current} is already cut and not released yet (${show(changesetPath(current))}): keep editing schemas/ under ${current}, then run npm run schema:version -- refresh` +
          (pendingKind === "minor" ? "; a breaking change turns it into a major with npm run schema:version -- major" : ""),
      );
    }
  } else if (!isReleased) {
    const committed = committedTexts(texts);
    const released = committed ?? texts;
    if (versionOf(parseTexts(released, "HEAD:schemas"), "HEAD:schemas", tools) !== current) {
      throw new ScriptError(`the last commit's schemas/ do not all say ${current}; commit schemas/ as version ${current} was released, then run this again`);
    }
    freeze(current, released, tools);
    if (committed) console.log(`schema:version: froze ${current} as last committed; your uncommitted changes to schemas/ go into the new version.`);
  }
  const version = nextVersion(base, kind, tools);
  if (releases.includes(version)) throw new ScriptError(`schema version ${version} is frozen already in ${show(join(releasesDir, version))}`);

  for (const [file, text] of Object.entries(moved(set, version, tools))) if (text !== texts[file]) writeFile(join(schemasDir, file), text);
  if (pending) {
    // The pending version never shipped: its changeset and its generated folder go with it.
    rmSync(changesetPath(current));
    rmSync(join(root, "packages/schema/schemas", current), { recursive: true, force: true });
    written.push(`${show(changesetPath(current))} (removed: ${current} becomes ${version})`);
  }
  if (kind === "major") {
    const { base: module, exportName } = migrationModule(base, version);
    const path = join(migrationsDir, `${module}.ts`);
    if (!existsSync(path)) {
      writeFile(path, scaffoldMigration({ from: base, to: version, exportName }));
      writeFile(join(migrationsDir, `${module}.test.ts`), scaffoldMigrationTest({ from: base, to: version, module, exportName }));
    }
  }
  writeRegistry(tools);
  const diff = tools.diffSchemas(readSet(join(releasesDir, base)), readSet(schemasDir));
  writeFile(changesetPath(version), changesetText(version, kind, diff, base, tools));
  regenerate(values["skip-codegen"]);

  const { base: module } = migrationModule(base, version);
  const next =
    kind === "major"
      ? [
          `make the breaking change in schemas/ (if not made yet)`,
          `write the upgrade in ${show(join(migrationsDir, `${module}.ts`))} and its test in ${module}.test.ts (it fails until you do)`,
          `upgrade the repository's documents once the migration is written: npm run build, then npx cohesion migrate examples packages/*/content --to ${version} --in-place`,
          `run npm run schema:version -- refresh, say what changed for users in ${show(changesetPath(version))}, then npm test`,
        ]
      : [`make the additive change in schemas/ (if not made yet)`, `run npm run schema:version -- refresh, then say what it is for in ${show(changesetPath(version))}`, "npm test"];
  return report(`schema version ${version} cut from ${base}. Next:\n${next.map((step, i) => `  ${i + 1}. ${step}`).join("\n")}`);
}

function report(message) {
  if (written.length > 0) console.log(`schema:version: wrote\n  ${[...new Set(written)].join("\n  ")}`);
  console.log(`schema:version: ${message}`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`schema:version: ${error instanceof ScriptError ? error.message : `could not run (${error?.stack ?? error})`}`);
    process.exitCode = error instanceof ScriptError ? 1 : 2;
  },
);
