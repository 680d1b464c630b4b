#!/usr/bin/env node
// Cuts a release from the pending changesets:
//   1. the whole test command (`npm test`, or --test-command): a red suite stops the release here;
//   2. `changeset version` (bumps versions, writes changelogs, moves internal dependency ranges);
//   3. the plugins' `cohesion.engines` follow their peer range on @cohesion/core; the schema version
//      being released is frozen in schemas/releases/ if it is not yet; the README's compatibility
//      table gets the row of the schema version with the new package versions;
//   4. `npm install --package-lock-only` (changesets leaves package-lock.json recording the old
//      workspace versions; this brings it in line and touches nothing else);
//   5. `npm run build`, after versioning, so the built packages report their new versions;
//   6. `changeset publish` (publishes every public package whose version is not on the registry yet).
//
//   node scripts/release.mjs [--registry <url>] [--no-git-tag] [--tag <dist-tag>] [--skip-version] [--skip-publish]
//                            [--test-command <shell command>]
//
// --registry sends every @cohesion/* request (the "is it published?" lookups and the publishes) to
// that registry; third-party packages keep their usual registry. The repository root is the folder
// above this script, so the script works the same on a copy of the workspace.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import semver from "semver";
import { TABLE_PACKAGES, withCompatibilityRow } from "./lib/compatibility.mjs";
import { freezeVersion, loadSchemaTools, readTexts, releasedVersions, versionOf, parseTexts } from "./lib/schema-sets.mjs";
import { workspacePackages } from "./lib/workspace.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const STEP_TIMEOUT_MS = 10 * 60_000;

function fail(message, hint) {
  console.error(`release: ${message}`);
  if (hint) console.error(`  fix: ${hint}`);
  process.exit(1);
}

let options;
try {
  ({ values: options } = parseArgs({
    options: {
      registry: { type: "string" },
      tag: { type: "string" },
      "no-git-tag": { type: "boolean", default: false },
      "skip-version": { type: "boolean", default: false },
      "skip-publish": { type: "boolean", default: false },
      "test-command": { type: "string", default: "npm test" },
    },
    strict: true,
  }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error), "node scripts/release.mjs [--registry <url>] [--no-git-tag] [--tag <dist-tag>]");
}

if (options.registry !== undefined) {
  let url;
  try {
    url = new URL(options.registry);
  } catch {
    fail(`--registry "${options.registry}" is not a URL`, "give the full address, e.g. --registry http://127.0.0.1:4873/");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") fail(`--registry "${options.registry}" must be http(s)`);
}

let changesetBin;
try {
  changesetBin = createRequire(join(root, "package.json")).resolve("@changesets/cli/bin.js");
} catch {
  fail("@changesets/cli is not installed", "run `npm ci` at the repository root");
}

function env() {
  if (options.registry === undefined) return process.env;
  const registry = options.registry.endsWith("/") ? options.registry : `${options.registry}/`;
  // changesets reads the scoped registry from this variable and hands it on to `npm info` / `npm publish`.
  return { ...process.env, "npm_config_@cohesion:registry": registry };
}

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

function run(label, args, command = process.execPath, hint = "read the changesets output above", shell = false) {
  console.log(`release: ${label}`);
  const result = spawnSync(command, command === process.execPath ? [changesetBin, ...args] : args, {
    cwd: root,
    env: env(),
    stdio: "inherit",
    timeout: STEP_TIMEOUT_MS,
    // npm is a .cmd file on Windows, which Node runs only through a shell.
    shell: shell || (process.platform === "win32" && command !== process.execPath),
  });
  if (result.error) fail(`${label} could not run: ${result.error.message}`);
  if (result.status !== 0) fail(`${label} failed (exit ${result.status ?? result.signal})`, hint);
}

function publicPackages() {
  return workspacePackages(root).filter(({ pkg }) => !pkg.private);
}

const CORE = "@cohesion/core";

function examplePlugins() {
  const dir = join(root, "examples");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .filter((path) => existsSync(join(path, "package.json")))
    .map((path) => ({ path, pkg: JSON.parse(readFileSync(join(path, "package.json"), "utf8")) }));
}

/**
 * A plugin declares the core it runs on twice: as a peer dependency (for npm) and in its manifest's
 * `engines.cohesion` (for the host). changesets moves the first; the second follows it here, so the
 * host never refuses the project's own plugins after a core release.
 */
function alignPluginEngines() {
  const core = publicPackages().find(({ pkg }) => pkg.name === CORE)?.pkg.version;
  // The example third-party plugins are not released, but the repository's tests load them with the new core.
  const examples = examplePlugins();
  for (const { pkg } of examples) {
    const range = pkg.peerDependencies?.[CORE];
    if (pkg.cohesion?.engines !== undefined && range !== undefined && !semver.satisfies(core, range)) pkg.peerDependencies[CORE] = `^${core}`;
  }
  for (const { path, pkg } of [...publicPackages(), ...examples]) {
    const range = pkg.peerDependencies?.[CORE];
    if (pkg.cohesion?.engines === undefined || range === undefined) continue;
    if (pkg.cohesion.engines.cohesion === range) continue;
    pkg.cohesion.engines.cohesion = range;
    writeFileSync(join(path, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);
    console.log(`release: ${pkg.name}: engines.cohesion follows its peer range on ${CORE}: ${range} (core is ${core})`);
  }
}

/**
 * The schema version this release ships: frozen now if it is not yet (a released version never
 * changes), and given its row in the README's compatibility table.
 */
async function recordSchemaVersion() {
  const tools = await loadSchemaTools();
  const schemasDir = join(root, "schemas");
  const releasesDir = join(schemasDir, "releases");
  const texts = readTexts(schemasDir);
  const version = versionOf(parseTexts(texts, schemasDir), "schemas", tools);
  if (!releasedVersions(releasesDir, tools).includes(version)) {
    freezeVersion(releasesDir, version, texts, tools);
    console.log(`release: schema version ${version} frozen in schemas/releases/${version}/`);
  }
  const versions = Object.fromEntries(publicPackages().map(({ pkg }) => [pkg.name, pkg.version]));
  const readmePath = join(root, "README.md");
  const readme = readFileSync(readmePath, "utf8");
  const next = withCompatibilityRow(readme, version, Object.fromEntries(TABLE_PACKAGES.map((n) => [n, versions[n]])), tools.compareSchemaVersions);
  if (next !== readme) writeFileSync(readmePath, next);
}

function targetsOf(exportsField) {
  if (typeof exportsField === "string") return [exportsField];
  if (exportsField === null || typeof exportsField !== "object") return [];
  return Object.entries(exportsField).flatMap(([key, value]) => (key === "source" ? [] : targetsOf(value)));
}

// Publishing without a build would ship a package whose entry points do not exist: refuse, naming them.
function checkBuilt() {
  const missing = [];
  for (const { path, pkg } of publicPackages()) {
    const targets = [...targetsOf(pkg.exports), ...Object.values(typeof pkg.bin === "string" ? { bin: pkg.bin } : (pkg.bin ?? {}))];
    for (const target of targets) {
      if (target.includes("*")) continue;
      if (!existsSync(join(path, target))) missing.push(`${pkg.name}: ${target}`);
    }
  }
  if (missing.length > 0) fail(`entry points missing, nothing was published:\n  ${missing.join("\n  ")}`, "run `npm run build` first");
}

// A red suite is never released: the whole test command runs before anything is versioned or published.
run(
  `${options["test-command"]} (the release stops on a failing test)`,
  [],
  options["test-command"],
  "nothing was versioned or published; make the test command pass, then release again",
  true,
);
if (!options["skip-version"]) {
  run("changeset version", ["version"]);
  alignPluginEngines();
  await recordSchemaVersion().catch((error) => fail(`recording the schema version failed: ${error.message}`, "the versions are bumped; fix what it says, then run the release with --skip-version"));
  run(
    "npm install --package-lock-only (record the new versions in package-lock.json)",
    ["install", "--package-lock-only", "--ignore-scripts", "--no-audit", "--no-fund", "--prefer-offline"],
    npm,
    "the versions are bumped but package-lock.json is not: run `npm install --package-lock-only` and read npm's output",
  );
  // After versioning, so every built package (and `cohesion --version`) carries its new version.
  run("npm run build", ["run", "build"], npm, "the versions are bumped; fix the build, then run the release with --skip-version");
}
if (!options["skip-publish"]) {
  checkBuilt();
  const args = ["publish"];
  if (options["no-git-tag"]) args.push("--no-git-tag");
  if (options.tag !== undefined) args.push("--tag", options.tag);
  run(`changeset publish${options.registry ? ` to ${options.registry}` : ""}`, args);
}
