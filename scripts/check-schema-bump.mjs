#!/usr/bin/env node
// The breaking-change gate for the schemas. It compares the latest released schema set
// (schemas/releases/<version>/) with the current one (schemas/), classifies every change with
// diffSchemas from @cohesion/schema, and fails when the pending changesets (.changeset/*.md) declare
// a smaller bump for @cohesion/schema than the change needs, naming each change that needs more.
//
//   node scripts/check-schema-bump.mjs [--schemas dir] [--released dir] [--changesets dir]
//
// It also keeps released versions frozen (every file under schemas/releases/ as recorded in
// schemas/releases/checksums.json, and schemas/ unchanged while its $ids name a released version),
// checks that the schemaVersion pattern admits the version the $ids name, and that a migration
// module leads across every major.
//
//   node scripts/check-schema-bump.mjs [--schemas dir] [--released dir] [--changesets dir] [--migrations dir]
//
// Exit codes: 0 all is well, 1 a check failed (each failure named, with what to do), 2 the folders
// cannot be read.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import {
  changesBlock,
  frozenProblems,
  loadSchemaTools,
  missingMajorMigrations,
  pendingChangeset,
  readSet,
  REGISTRY_FILE,
  registryText,
  releasedVersions,
  root,
  SCHEMA_PACKAGE as PACKAGE,
  ScriptError as GateError,
  versionOf,
  versionPatternProblem,
  withChangesBlock,
} from "./lib/schema-sets.mjs";

const BUMPS = ["none", "patch", "minor", "major"];

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
    options: { schemas: { type: "string" }, released: { type: "string" }, changesets: { type: "string" }, migrations: { type: "string" } },
  });
  const schemasDir = resolve(values.schemas ?? join(root, "schemas"));
  const releasedDir = resolve(values.released ?? join(schemasDir, "releases"));
  const changesetsDir = resolve(values.changesets ?? join(root, ".changeset"));
  const migrationsDir = resolve(values.migrations ?? join(root, "packages/model/src/migrations"));

  const tools = await loadSchemaTools();
  const { compareSchemaVersions, diffSchemas, parseSchemaVersion } = tools;
  const after = readSet(schemasDir);
  const current = versionOf(after, show(schemasDir), tools);
  const problems = [];

  // Released versions are frozen: every file as recorded when it was frozen.
  const frozen = frozenProblems(releasedDir, tools, show);
  problems.push(...frozen);
  const releases = releasedVersions(releasedDir, tools);
  // A frozen folder is checked by its checksums first; its $ids only once it is as recorded.
  if (frozen.length === 0) {
    for (const version of releases) {
      const named = versionOf(readSet(join(releasedDir, version)), show(join(releasedDir, version)), tools);
      if (named !== version) problems.push(`${show(join(releasedDir, version))}: its $ids name version ${named}, not ${version}; restore it from git`);
    }
  }
  const patternProblem = versionPatternProblem(after, current, tools);
  if (patternProblem) problems.push(`${show(schemasDir)}/${patternProblem}`);
  const versions = [...new Set([...releases, current])].sort(compareSchemaVersions);
  for (const gap of missingMajorMigrations(versions, migrationsDir, tools)) {
    problems.push(
      `no migration leads from schema version ${gap.from} to ${gap.to}: ${show(join(migrationsDir, `${gap.base}.ts`))} is missing. ` +
        `npm run schema:version -- major scaffolds it with its test; write the upgrade there`,
    );
  }

  const registry = join(migrationsDir, REGISTRY_FILE);
  if (existsSync(migrationsDir) && (!existsSync(registry) || readFileSync(registry, "utf8") !== registryText(migrationsDir, tools))) {
    problems.push(`${show(registry)} does not register every migration module beside it; run npm run schema:version -- refresh (it is written, never edited)`);
  }

  const latest = releases.at(-1);
  if (latest === undefined) {
    if (problems.length > 0) return report(problems);
    console.log(`check-schema-bump: no released schema version in ${show(releasedDir)}; nothing to compare.`);
    return 0;
  }
  const before = readSet(join(releasedDir, latest));
  const diff = diffSchemas(before, after);
  const where = (c) => `${c.file}#${c.pointer}`;
  const list = (changes) => changes.map((c) => `  ${c.bump.padEnd(5)}  ${where(c)}  ${c.reason}`).join("\n");

  if (current === latest) {
    if (diff.changes.length > 0) {
      problems.push(
        `schemas/ changed since release ${latest} but its $ids still say ${latest}; a released version is frozen. ` +
          `Run npm run schema:version -- ${diff.bump === "major" ? "major" : "minor"}: it moves every $id to a new version and keeps your change there. Changes:\n${list(diff.changes)}`,
      );
    }
    if (problems.length > 0) return report(problems);
    console.log(`check-schema-bump: schemas/ is schema version ${latest} as released; no change to check.`);
    return 0;
  }
  if (compareSchemaVersions(current, latest) < 0) {
    problems.push(`schemas/ says version ${current}, older than the latest release ${latest}.`);
    return report(problems);
  }

  const ownChangeset = pendingChangeset(changesetsDir, current);
  if (existsSync(ownChangeset)) {
    const text = readFileSync(ownChangeset, "utf8");
    if (withChangesBlock(text, changesBlock(diff, latest), show(ownChangeset)) !== text) {
      problems.push(`${show(ownChangeset)} does not list the schema changes as they are now; run npm run schema:version -- refresh`);
    }
  }
  const declarations = declaredBumps(changesetsDir);
  const declared = declarations.reduce((max, d) => (rank(d.bump) > rank(max) ? d.bump : max), "none");
  const from = declarations.length > 0 ? ` (${declarations.map((d) => `${d.file}: ${d.bump}`).join(", ")})` : "";
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
    problems.push(`a breaking schema change needs a new major schema version (${lm + 1}.0), but the $ids say ${current}; run npm run schema:version -- major:\n${list(breaking)}`);
  }
  if (problems.length > 0) return report(problems);
  console.log(
    `check-schema-bump: ${diff.changes.length} schema change(s) from ${latest} to ${current} need a ${diff.bump} release; the pending changesets declare ${declared}${from}.`,
  );
  return 0;
}

function report(problems) {
  for (const problem of problems) console.error(`check-schema-bump: ${problem}`);
  return 1;
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
