import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The monorepo root, found from this file so the tests run from any working directory. */
export const REPO_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));

/** The release-size budget the browser bundle is reported against (not asserted). */
/** Goals for the gzipped browser bundles: per-kind validate functions + scoreAssessment, and validate() of every kind + scoreAssessment. */
export const BUNDLE_GOAL_BYTES = { perKind: 20 * 1024, everything: 30 * 1024 } as const;

/** A publishable workspace package. */
export interface WorkspacePackage {
  readonly dir: string;
  readonly folder: string;
  readonly name: string;
  readonly version: string;
  readonly manifest: PackageManifest;
}

/** The parts of a package.json these tests read. */
export interface PackageManifest {
  readonly name: string;
  readonly version: string;
  readonly private?: boolean;
  readonly exports?: unknown;
  readonly bin?: string | Record<string, string>;
  readonly dependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
  readonly cohesion?: { readonly id: string; readonly main?: string; readonly contributes?: Record<string, readonly unknown[]> };
}

/** Reads and parses a JSON file. */
export function readJson<T = unknown>(path: string): T {
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

/** Every package under `packages/` that is not private, in folder order. */
export function publicPackages(root: string = REPO_ROOT): WorkspacePackage[] {
  const packagesDir = join(root, "packages");
  return readdirSync(packagesDir)
    .sort()
    .filter((folder) => existsSync(join(packagesDir, folder, "package.json")))
    .map((folder) => {
      const dir = join(packagesDir, folder);
      const manifest = readJson<PackageManifest>(join(dir, "package.json"));
      return { dir, folder, name: manifest.name, version: manifest.version, manifest };
    })
    .filter((pkg) => pkg.manifest.private !== true);
}

/** The package of a name among `packages`; throws naming it when it is not there. */
export function packageNamed(packages: readonly WorkspacePackage[], name: string): WorkspacePackage {
  const found = packages.find((pkg) => pkg.name === name);
  if (found === undefined) throw new Error(`${name} is not a public workspace package`);
  return found;
}

/** The files an exports map points at (every condition but the in-repo `source` one), wildcards left out. */
export function exportTargets(exportsField: unknown): string[] {
  if (typeof exportsField === "string") return exportsField.includes("*") ? [] : [exportsField];
  if (exportsField === null || typeof exportsField !== "object") return [];
  return Object.entries(exportsField).flatMap(([condition, value]) => (condition === "source" ? [] : exportTargets(value)));
}

/** The bin files a manifest declares. */
export function binTargets(manifest: PackageManifest): string[] {
  if (manifest.bin === undefined) return [];
  return typeof manifest.bin === "string" ? [manifest.bin] : Object.values(manifest.bin);
}

/**
 * Fails with one message naming every package entry point that is not built, so a missing `npm run build`
 * reads as what it is rather than as a packaging bug.
 */
export function assertBuilt(packages: readonly WorkspacePackage[]): void {
  const missing = packages.flatMap((pkg) =>
    [...exportTargets(pkg.manifest.exports), ...binTargets(pkg.manifest)]
      .filter((target) => !existsSync(join(pkg.dir, target)))
      .map((target) => `${pkg.name}: ${target}`),
  );
  if (missing.length > 0) {
    throw new Error(`These entry points are not built:\n  ${missing.join("\n  ")}\nRun \`npm run build\` at the repository root first.`);
  }
}

/** A temporary folder outside the workspace, removed by `dispose`. */
export function tempDir(prefix: string): { path: string; dispose: () => void } {
  const path = mkdtempSync(join(tmpdir(), `cohesion-${prefix}-`));
  return { path, dispose: () => rmSync(path, { recursive: true, force: true }) };
}

/** What a finished command printed. */
export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link run}. */
export interface RunOptions {
  readonly cwd: string;
  readonly timeoutMs: number;
  readonly env?: NodeJS.ProcessEnv;
  /** Resolve with a non-zero exit instead of rejecting. */
  readonly allowFailure?: boolean;
}

/**
 * Runs a command in its own process group with a hard time limit; on timeout the whole group is killed,
 * so no npm or node child outlives the test. Rejects with the command's output when it fails.
 */
export function run(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, npm_config_update_notifier: "false", ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, options.timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      const shown = `${command} ${args.join(" ")} (in ${options.cwd})`;
      if (timedOut) reject(new Error(`${shown} did not finish within ${options.timeoutMs} ms\n${stdout}\n${stderr}`));
      else if (code !== 0 && options.allowFailure !== true) reject(new Error(`${shown} exited with ${code}\n${stdout}\n${stderr}`));
      else resolve({ code, stdout, stderr });
    });
  });
}

/** Kills a detached child's whole process group, ignoring one that is already gone. */
export function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // Already exited.
  }
}

/** The npm flags every install in these tests uses: no audit or funding calls, cached metadata first. */
export const NPM_INSTALL_FLAGS = ["--no-audit", "--no-fund", "--prefer-offline", "--no-update-notifier"] as const;
