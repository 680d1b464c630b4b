import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { REPO_ROOT, publicPackages } from "./workspace";

/**
 * Where the release test files keep what one of them made for the others (a release to a local registry,
 * its storage, a copy of the workspace after it): inside node_modules, so `npm ci` starts every CI run
 * without any.
 */
const CACHE = join(REPO_ROOT, "node_modules", ".cache", "cohesion-release-tests");
const WAIT_MS = 15 * 60_000;

let key: string | undefined;

/**
 * What a release of the current packages depends on: every file of every public package (sources and
 * tests too, so a rebuild or an edit always gives a new key), the scripts (the release script among them),
 * the changesets config, the root manifest and lock file (the npm, changesets and verdaccio versions), the
 * support folder of these tests (the registry's configuration, the copy of the workspace, the schema edits
 * a release is cut from) and the Node.js version.
 */
function runKey(): string {
  if (key !== undefined) return key;
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
  key = hash.digest("hex").slice(0, 16);
  return key;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The finished folder of `name` for the current files, its lock and the folder it is written in first. */
function paths(name: string) {
  const dir = join(CACHE, `${runKey()}-${name}`);
  return { dir, lock: `${dir}.lock`, building: `${dir}.tmp-${process.pid}` };
}

/** A claim on making `name`: `save` fills the folder and hands it to the others, `drop` gives up. */
export interface Claim {
  save(fill: (dir: string) => Promise<void> | void): Promise<string>;
  drop(): void;
}

/**
 * Claims the making of `name` when it is neither made nor being made by another process (a lock folder
 * holding the maker's pid; a lock whose process is gone is taken over), or answers undefined. Whoever
 * holds the claim must `save` or `drop` it: the others wait for it in {@link madeOnce}.
 */
export function claim(name: string): Claim | undefined {
  mkdirSync(CACHE, { recursive: true });
  const { dir, lock, building } = paths(name);
  if (existsSync(dir)) return undefined;
  try {
    mkdirSync(lock);
  } catch {
    const holder = Number(existsSync(join(lock, "pid")) ? readFileSync(join(lock, "pid"), "utf8") : NaN);
    if (!Number.isInteger(holder) || isRunning(holder)) return undefined;
    rmSync(lock, { recursive: true, force: true });
    return claim(name);
  }
  writeFileSync(join(lock, "pid"), String(process.pid));
  let held = true;
  const drop = () => {
    if (held) rmSync(lock, { recursive: true, force: true });
    held = false;
  };
  return {
    drop,
    async save(fill) {
      try {
        rmSync(building, { recursive: true, force: true });
        mkdirSync(building, { recursive: true });
        await fill(building);
        renameSync(building, dir);
        removeStale();
        return dir;
      } finally {
        rmSync(building, { recursive: true, force: true });
        drop();
      }
    },
  };
}

/**
 * Folders of earlier keys are made of files that have changed since: nothing asks for them again. Locks
 * are left to their holders, and half-written folders to a maker that is still running.
 */
function removeStale(): void {
  for (const entry of readdirSync(CACHE)) {
    const maker = /\.tmp-(\d+)$/.exec(entry)?.[1];
    const stale = maker === undefined ? !entry.startsWith(`${runKey()}-`) && !entry.endsWith(".lock") : !isRunning(Number(maker));
    if (stale) rmSync(join(CACHE, entry), { recursive: true, force: true });
  }
}

/**
 * The folder of `name`, made once per run of the current files: the first test file to ask makes it with
 * `make` (into an empty folder), one that asks while another process makes it waits for that one.
 */
export async function madeOnce(name: string, make: (dir: string) => Promise<void>): Promise<string> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const { dir, lock } = paths(name);
    if (existsSync(dir)) return dir;
    const mine = claim(name);
    if (mine !== undefined) return mine.save(make);
    if (Date.now() > deadline) throw new Error(`Waited ${WAIT_MS / 60_000} minutes for another process to make ${name} (lock ${lock}); remove the lock folder if no test is running.`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
