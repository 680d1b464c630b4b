#!/usr/bin/env node
// Cuts a release from the pending changesets: `changeset version` (bumps versions, writes changelogs,
// moves internal dependency ranges), then `npm install --package-lock-only` (changesets leaves
// package-lock.json recording the old workspace versions; this brings it in line and touches nothing
// else), then `changeset publish` (publishes every public package whose version is not on the registry yet).
//
//   node scripts/release.mjs [--registry <url>] [--no-git-tag] [--tag <dist-tag>] [--skip-version] [--skip-publish]
//
// --registry sends every @cohesion/* request (the "is it published?" lookups and the publishes) to
// that registry; third-party packages keep their usual registry. The repository root is the folder
// above this script, so the script works the same on a copy of the workspace.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

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

function run(label, args, command = process.execPath, hint = "read the changesets output above") {
  console.log(`release: ${label}`);
  const result = spawnSync(command, command === process.execPath ? [changesetBin, ...args] : args, {
    cwd: root,
    env: env(),
    stdio: "inherit",
    timeout: STEP_TIMEOUT_MS,
    // npm is a .cmd file on Windows, which Node runs only through a shell.
    shell: process.platform === "win32" && command !== process.execPath,
  });
  if (result.error) fail(`${label} could not run: ${result.error.message}`);
  if (result.status !== 0) fail(`${label} failed (exit ${result.status ?? result.signal})`, hint);
}

function publicPackages() {
  const dir = join(root, "packages");
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .filter((path) => existsSync(join(path, "package.json")))
    .map((path) => ({ path, pkg: JSON.parse(readFileSync(join(path, "package.json"), "utf8")) }))
    .filter(({ pkg }) => !pkg.private);
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

if (!options["skip-version"]) {
  run("changeset version", ["version"]);
  run(
    "npm install --package-lock-only (record the new versions in package-lock.json)",
    ["install", "--package-lock-only", "--ignore-scripts", "--no-audit", "--no-fund", "--prefer-offline"],
    process.platform === "win32" ? "npm.cmd" : "npm",
    "the versions are bumped but package-lock.json is not: run `npm install --package-lock-only` and read npm's output",
  );
}
if (!options["skip-publish"]) {
  checkBuilt();
  const args = ["publish"];
  if (options["no-git-tag"]) args.push("--no-git-tag");
  if (options.tag !== undefined) args.push("--tag", options.tag);
  run(`changeset publish${options.registry ? ` to ${options.registry}` : ""}`, args);
}
