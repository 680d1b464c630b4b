import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { previousRelease } from "./previous-release";
import { startReleaseRegistry } from "./registry";
import { copyWorkspaceForRelease } from "./release-workspace";
import { madeOnce } from "./run-cache";
import { REPO_ROOT, publicPackages, readJson, run, tempDir, type WorkspacePackage } from "./workspace";

/**
 * The suite a schema release runs first: the schema gate, the docs and codegen staleness checks and the
 * version and migration tests (the whole suite is the test run this is part of).
 */
export const TEST_COMMAND = [
  "npm run check:schema-bump",
  "npm run docs -- --check",
  "npx turbo run codegen:check --output-logs=errors-only",
  "npx vitest run packages/schema/src/versions.test.ts packages/model/src/migrations",
].join(" && ");

/** The name of the shared schema minor release in the run cache (see {@link madeOnce}). */
export const SCHEMA_MINOR_RELEASE = "schema-minor-release";

/** The lock file entries the release tests read. */
export interface Lockfile {
  readonly packages: Record<string, { version?: string; dependencies?: Record<string, string>; peerDependencies?: Record<string, string> }>;
}

export function changelog(pkg: WorkspacePackage): string | undefined {
  const path = join(pkg.dir, "CHANGELOG.md");
  return existsSync(path) ? readFileSync(path, "utf8") : undefined;
}

export function internal(ranges: Record<string, string> | undefined): [string, string][] {
  return Object.entries(ranges ?? {}).filter(([name]) => name.startsWith("@cohesion/"));
}

/**
 * What a release that leaked out of its copy would change in the real repository: package versions and
 * internal ranges, changelogs, the workspace entries of both lock files, the pending changesets.
 */
export function realRepositoryState(): Record<string, unknown> {
  const lockEntries = (file: string) => {
    const path = join(REPO_ROOT, file);
    if (!existsSync(path)) return undefined;
    const lock = readJson<Lockfile>(path);
    return Object.fromEntries(Object.entries(lock.packages).filter(([key]) => key.startsWith("packages/")).map(([key, entry]) => [key, entry.version]));
  };
  return {
    packages: publicPackages().map((pkg) => ({
      name: pkg.name,
      version: pkg.version,
      internal: internal({ ...pkg.manifest.dependencies, ...pkg.manifest.peerDependencies }),
      changelog: changelog(pkg),
    })),
    lock: lockEntries("package-lock.json"),
    hiddenLock: lockEntries("node_modules/.package-lock.json"),
    changesets: readdirSync(join(REPO_ROOT, ".changeset")).sort(),
  };
}

export const schemaVersionOf = (repo: string): string => readJson<{ $id: string }>(join(repo, "schemas/defs.schema.json")).$id.split("/")[3] as string;

/** A copy of the repository as a maintainer's clone: a git checkout whose last commit is the last release. */
export async function cloneForRelease(repo: string, env: NodeJS.ProcessEnv = {}): Promise<void> {
  copyWorkspaceForRelease(repo);
  for (const part of ["examples", ".gitignore"]) if (existsSync(join(REPO_ROOT, part))) cpSync(join(REPO_ROOT, part), join(repo, part), { recursive: true });
  // A clone: the maintainer's edits are uncommitted changes on top of the last release.
  writeFileSync(join(repo, ".gitignore"), "node_modules\ndist\n.turbo\n");
  const git = (args: string[]) => run("git", args, { cwd: repo, timeoutMs: 60_000, env });
  await git(["init", "-q"]);
  await git(["add", "-A"]);
  await git(["-c", "user.email=maintainer@example.org", "-c", "user.name=Maintainer", "commit", "-qm", "as released"]);
}

/** Edits a schema file of a copy as a maintainer would, by hand. */
export function editSchema(repo: string, file: string, change: (schema: Record<string, any>) => void): void {
  const path = join(repo, "schemas", file);
  const schema = readJson<Record<string, any>>(path);
  change(schema);
  writeFileSync(path, `${JSON.stringify(schema, null, 2)}\n`);
}

/** The schema minor: an optional field added by hand, then `npm run schema:version -- minor`. Answers the new version. */
export async function cutSchemaMinor(repo: string, env: NodeJS.ProcessEnv): Promise<string> {
  editSchema(repo, "place.schema.json", (s) => {
    s.properties.website = { title: "Website", description: "The city's own web site.", type: "string", format: "uri", maxLength: 2000 };
  });
  await run(process.execPath, ["scripts/schema-version.mjs", "minor"], { cwd: repo, timeoutMs: 240_000, env });
  return schemaVersionOf(repo);
}

/** The release of a copy through scripts/release.mjs, its suite first. */
export function releaseCopy(repo: string, registryUrl: string, env: NodeJS.ProcessEnv) {
  return run(process.execPath, ["scripts/release.mjs", "--registry", registryUrl, "--no-git-tag", "--test-command", TEST_COMMAND], { cwd: repo, timeoutMs: 600_000, env });
}

/** The copy just before its release, as the release test compares it with the copy after. */
export interface BeforeRelease {
  readonly packages: WorkspacePackage[];
  readonly lock: Lockfile;
  readonly changelogs: Record<string, string | undefined>;
  /** The real repository's state ({@link realRepositoryState}) when the release started. */
  readonly real: Record<string, unknown>;
  /** The changeset the release consumes, as `schema:version` wrote it. */
  readonly changeset: string;
}

export function beforeRelease(repo: string, version: string): BeforeRelease {
  const packages = publicPackages(repo);
  return {
    packages,
    lock: readJson<Lockfile>(join(repo, "package-lock.json")),
    changelogs: Object.fromEntries(packages.map((pkg) => [pkg.name, changelog(pkg)])),
    real: realRepositoryState(),
    changeset: readFileSync(join(repo, ".changeset", `schema-${version.replace(".", "-")}.md`), "utf8"),
  };
}

/** A schema minor released to a local registry from a copy of the repository, kept for the release test. */
export interface SchemaMinorRelease {
  /** The copy after the release; copy it (with `verbatimSymlinks`), never write it. */
  readonly workspace: string;
  /** The registry's storage after the release: the previous release and this one; copy it, never write it. */
  readonly storage: string;
  readonly before: BeforeRelease;
  /** What scripts/release.mjs printed. */
  readonly output: string;
}

/** Keeps a released copy and its registry's storage in `dir` (the run cache's folder of the release). */
export function keepRelease(dir: string, repo: string, storage: string, before: BeforeRelease, output: string): void {
  cpSync(repo, join(dir, "workspace"), { recursive: true, verbatimSymlinks: true });
  cpSync(storage, join(dir, "storage"), { recursive: true });
  writeFileSync(join(dir, "before.json"), JSON.stringify(before));
  writeFileSync(join(dir, "output.txt"), output);
}

/**
 * The schema minor of the journey (journey.test.ts), released once per run: the journey keeps the one it
 * cuts (through a claim, see run-cache.ts), and a test file that asks while the journey releases waits for it. Run
 * without the journey, the first file to ask cuts and releases it the same way.
 */
export async function schemaMinorRelease(): Promise<SchemaMinorRelease> {
  const dir = await madeOnce(SCHEMA_MINOR_RELEASE, async (building) => {
    const temp = tempDir("schema-minor");
    const repo = join(temp.path, "repository");
    await cloneForRelease(repo);
    const { registry, env } = await startReleaseRegistry(temp.path, (await previousRelease()).storage);
    try {
      const version = await cutSchemaMinor(repo, env);
      const before = beforeRelease(repo, version);
      const released = await releaseCopy(repo, registry.url, env);
      await registry.stop();
      keepRelease(building, repo, registry.storage, before, released.stdout + released.stderr);
    } finally {
      await registry.stop();
      temp.dispose();
    }
  });
  return {
    workspace: join(dir, "workspace"),
    storage: join(dir, "storage"),
    before: readJson<BeforeRelease>(join(dir, "before.json")),
    output: readFileSync(join(dir, "output.txt"), "utf8"),
  };
}
