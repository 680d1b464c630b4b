import { cpSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startReleaseRegistry } from "./registry";
import { copyWorkspaceForRelease } from "./release-workspace";
import { madeOnce } from "./run-cache";
import { assertBuilt, publicPackages, readJson, run, tempDir } from "./workspace";

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

/**
 * The current packages, released once: the first test file to ask publishes them with
 * `scripts/release.mjs --skip-version` on a copy of the workspace to a local registry, then keeps the
 * registry's storage and the tarballs under node_modules/.cache (see {@link madeOnce}). The release test,
 * the journey and the consumer test all start from these same tarballs, so the release is packed once per run.
 */
export async function previousRelease(): Promise<PreviousRelease> {
  assertBuilt(publicPackages());
  const dir = await madeOnce("previous-release", publish);
  const tarballs = readJson<Omit<ReleasedTarball, "path">[]>(join(dir, "release.json")).map((t) => ({ ...t, path: join(dir, "tarballs", t.filename) }));
  return { storage: join(dir, "storage"), tarballs };
}

async function publish(building: string): Promise<void> {
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
  } finally {
    temp.dispose();
  }
}
