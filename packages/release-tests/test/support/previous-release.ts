import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { startReleaseRegistry } from "./registry";
import { copyWorkspaceForRelease } from "./release-workspace";
import { REPO_ROOT, assertBuilt, publicPackages, readJson, run, tempDir } from "./workspace";

/** One package of the previous release: its tarball as the registry holds it, and the files in it. */
export interface ReleasedTarball {
  readonly name: string;
  readonly version: string;
  /** The tarball's file name, e.g. `schema-0.4.0.tgz`. */
  readonly filename: string;
  /** Absolute path of the tarball; read it, never write it (other test files use it too). */
  readonly path: string;
  /** The paths inside the package, as `npm pack --json` lists them (`dist/index.js`, `package.json`, …). */
  readonly files: readonly string[];
}

/**
 * The current packages published once by `scripts/release.mjs --skip-version` to a local registry, kept as
 * that registry's storage folder (start a registry from a copy of it with `startReleaseRegistry(dir, { seed })`)
 * and as the tarballs the publish packed.
 */
export interface PreviousRelease {
  /** verdaccio's storage folder with every public package at its current version; copy it, never write it. */
  readonly storage: string;
  readonly tarballs: readonly ReleasedTarball[];
}

/** Where previous releases are kept: inside node_modules, so `npm ci` starts every CI run without one. */
const CACHE = join(REPO_ROOT, "node_modules", ".cache", "cohesion-previous-release");
const WAIT_MS = 10 * 60_000;

/**
 * What a publish of the current packages depends on: every file of every public package (sources and
 * tests too, so a rebuild or an edit always gives a new key), the scripts (the release script among them),
 * the changesets config, the root manifest and lock file (the npm, changesets and verdaccio versions), this
 * folder (the registry's configuration and the copy of the workspace) and the Node.js version.
 */
function releaseKey(): string {
  const hash = createHash("sha256").update(process.version).update("\0");
  const add = (path: string) => {
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) if (entry !== "node_modules" && entry !== ".turbo") add(join(path, entry));
      return;
    }
    hash.update(relative(REPO_ROOT, path)).update("\0").update(readFileSync(path)).update("\0");
  };
  for (const pkg of publicPackages()) add(pkg.dir);
  for (const part of ["scripts", ".changeset/config.json", "package.json", "package-lock.json", "packages/release-tests/test/support"]) add(join(REPO_ROOT, part));
  return hash.digest("hex").slice(0, 16);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Reads a finished previous release, or undefined when the folder is not complete. */
function load(dir: string): PreviousRelease | undefined {
  const manifest = join(dir, "release.json");
  if (!existsSync(manifest)) return undefined;
  const tarballs = readJson<Omit<ReleasedTarball, "path">[]>(manifest).map((t) => ({ ...t, path: join(dir, "tarballs", t.filename) }));
  return { storage: join(dir, "storage"), tarballs };
}

/**
 * The current packages, released once: the first test file to ask publishes them with
 * `scripts/release.mjs --skip-version` on a copy of the workspace to a local registry, then keeps the
 * registry's storage and the tarballs under node_modules/.cache, keyed by everything the publish reads.
 * A test file that asks while another process is publishing waits for it (a lock folder holding the
 * publisher's pid; a lock whose process is gone is taken over). The release test, the journey and the
 * consumer test all start from these same tarballs, so the release is packed once per run.
 */
export async function previousRelease(): Promise<PreviousRelease> {
  assertBuilt(publicPackages());
  const key = releaseKey();
  const dir = join(CACHE, key);
  const lock = `${dir}.lock`;
  mkdirSync(CACHE, { recursive: true });
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const done = load(dir);
    if (done !== undefined) return done;
    try {
      mkdirSync(lock);
    } catch {
      const holder = Number(existsSync(join(lock, "pid")) ? readFileSync(join(lock, "pid"), "utf8") : NaN);
      if (Number.isInteger(holder) && !isRunning(holder)) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`Waited ${WAIT_MS / 60_000} minutes for another process to publish the previous release (lock ${lock}); remove the lock folder if no test is running.`);
      else await new Promise((resolve) => setTimeout(resolve, 250));
      continue;
    }
    writeFileSync(join(lock, "pid"), String(process.pid));
    try {
      const ready = load(dir) ?? (await publish(dir));
      // Earlier keys are releases of files that have changed since: nothing asks for them again. Locks are
      // left to their holders, and half-written folders to a publisher that is still running.
      for (const entry of readdirSync(CACHE)) {
        const publisher = /\.tmp-(\d+)$/.exec(entry)?.[1];
        const stale = publisher === undefined ? entry !== key && !entry.endsWith(".lock") : !isRunning(Number(publisher));
        if (stale) rmSync(join(CACHE, entry), { recursive: true, force: true });
      }
      return ready;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

async function publish(dir: string): Promise<PreviousRelease> {
  const temp = tempDir("previous-release");
  try {
    const workspace = join(temp.path, "workspace");
    copyWorkspaceForRelease(workspace);
    const { registry, env } = await startReleaseRegistry(temp.path);
    try {
      // The suite is the run this is part of; a passing command stands in for it (release.test.ts shows a failing one stops the release).
      const passing = `"${process.execPath}" -e "process.exitCode = 0"`;
      await run(process.execPath, ["scripts/release.mjs", "--registry", registry.url, "--no-git-tag", "--skip-version", "--test-command", passing], { cwd: workspace, timeoutMs: 300_000, env });
    } finally {
      await registry.stop();
    }
    const building = `${dir}.tmp-${process.pid}`;
    rmSync(building, { recursive: true, force: true });
    cpSync(registry.storage, join(building, "storage"), { recursive: true });
    mkdirSync(join(building, "tarballs"));
    const tarballs: Omit<ReleasedTarball, "path">[] = [];
    for (const pkg of publicPackages(workspace)) {
      const filename = `${pkg.name.split("/").pop()}-${pkg.version}.tgz`;
      const stored = join(registry.storage, pkg.name, filename);
      if (!existsSync(stored)) throw new Error(`The release did not publish ${pkg.name}@${pkg.version}: ${stored} is missing.\n${registry.output()}`);
      cpSync(stored, join(building, "tarballs", filename));
      const listing = await run("tar", ["-tzf", stored], { cwd: temp.path, timeoutMs: 30_000 });
      const files = listing.stdout.split("\n").filter((line) => line !== "" && !line.endsWith("/")).map((line) => line.replace(/^package\//, ""));
      tarballs.push({ name: pkg.name, version: pkg.version, filename, files: files.sort() });
    }
    writeFileSync(join(building, "release.json"), `${JSON.stringify(tarballs, null, 2)}\n`);
    renameSync(building, dir);
    const ready = load(dir);
    if (ready === undefined) throw new Error(`${dir} has no release.json after publishing`);
    return ready;
  } finally {
    temp.dispose();
  }
}
