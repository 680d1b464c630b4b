// A whole release, run against a local registry: on a copy of the workspace, `scripts/release.mjs`
// versions the packages from a changeset (`changeset version`) and publishes them (`changeset publish`) to
// verdaccio on 127.0.0.1; then a fresh project installs the published packages from that registry and
// uses them (ESM import to validate and score an assessment, the `cohesion` bin).
//
// The release is the journey's schema minor (journey.test.ts: an optional field, `npm run schema:version --
// minor`, its suite, then scripts/release.mjs), made once per run: this file checks it from the copy and the
// registry storage the journey kept, or cuts it the same way when run alone (support/schema-minor-release.ts).
// The registry first received the packages at their current versions (the "previous release"), so the test
// also shows that a release publishes what changed and nothing else.
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import semver from "semver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NPM_ENV, startReleaseRegistry, type LocalRegistry } from "./support/registry";
import { changesetFile } from "./support/release-workspace";
import { changelog, internal, realRepositoryState, schemaMinorRelease, type Lockfile } from "./support/schema-minor-release";
import { NPM_INSTALL_FLAGS, REPO_ROOT, assertBuilt, packageNamed, publicPackages, readJson, run, tempDir, type WorkspacePackage } from "./support/workspace";

/** The package the schema minor's changeset releases, and how. */
const RELEASED = "@cohesion/schema";
const BUMP = "minor";
const CORE = "@cohesion/core";

const ASSESSMENT = join(REPO_ROOT, "examples/assessments/eurocities-athens-kypseli.json");
const ESM_FIXTURE = join(REPO_ROOT, "packages/release-tests/fixtures/consumer/esm.mjs");

const temp = tempDir("release");
const workspace = join(temp.path, "workspace");
const consumer = join(temp.path, "consumer");
let registry: LocalRegistry | undefined;
let releaseEnv: NodeJS.ProcessEnv = {};
let before: WorkspacePackage[] = [];
let after: WorkspacePackage[] = [];
let changelogsBefore = new Map<string, string | undefined>();
let releaseOutput = "";
let lockBefore: Lockfile = { packages: {} };
let realBefore: Record<string, unknown> = {};
let changeset = "";

/** The front matter (the releases) and the summary of the changeset the release consumed. */
function changesetParts(): { releases: string; summary: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(changeset);
  if (match === null) throw new Error(`not a changeset:\n${changeset}`);
  return { releases: (match[1] as string).trim(), summary: (match[2] as string).trim() };
}

function registryUrl(): string {
  if (registry === undefined) throw new Error("the local registry is not running");
  return registry.url;
}

/**
 * The versions the changesets rules give: the released package takes its bump; a package whose
 * dependency range on a bumped package no longer holds takes a patch (updateInternalDependencies: patch);
 * a peer dependent is bumped only when the new version leaves its peer range
 * (onlyUpdatePeerDependentsWhenOutOfRange), and then as a major.
 */
function expectedVersions(packages: readonly WorkspacePackage[]): Map<string, string> {
  const next = new Map(packages.map((pkg) => [pkg.name, pkg.version]));
  const bump = (pkg: WorkspacePackage, type: semver.ReleaseType) => {
    const bumped = semver.inc(pkg.version, type);
    if (bumped === null) throw new Error(`cannot bump ${pkg.name}@${pkg.version}`);
    if (semver.gt(bumped, next.get(pkg.name) ?? "0.0.0")) next.set(pkg.name, bumped);
  };
  bump(packageNamed(packages, RELEASED), BUMP);
  for (let changed = true; changed; ) {
    changed = false;
    for (const pkg of packages) {
      const was = next.get(pkg.name);
      const leaves = (ranges: Record<string, string> | undefined) =>
        internal(ranges).some(([dep, range]) => next.get(dep) !== packageNamed(packages, dep).version && !semver.satisfies(next.get(dep) ?? "", range));
      if (leaves(pkg.manifest.peerDependencies)) bump(pkg, "major");
      else if (leaves(pkg.manifest.dependencies)) bump(pkg, "patch");
      if (next.get(pkg.name) !== was) changed = true;
    }
  }
  return next;
}

interface RegistryView {
  readonly versions: string[];
  readonly "dist-tags": Record<string, string>;
}

async function view(name: string): Promise<RegistryView> {
  const result = await run("npm", ["view", name, "--json", "--registry", registryUrl(), "--prefer-online"], {
    cwd: temp.path,
    timeoutMs: 30_000,
    env: releaseEnv,
  });
  const data = JSON.parse(result.stdout) as { versions: string | string[]; "dist-tags": Record<string, string> };
  return { versions: [data.versions].flat(), "dist-tags": data["dist-tags"] };
}

function release(testCommand: string) {
  return run(process.execPath, ["scripts/release.mjs", "--registry", registryUrl(), "--no-git-tag", "--test-command", testCommand], {
    cwd: workspace,
    timeoutMs: 600_000,
    env: releaseEnv,
    allowFailure: true,
  });
}

beforeAll(async () => {
  assertBuilt(publicPackages());
  const released = await schemaMinorRelease();
  // A copy of the released copy: the red release below writes a changeset into it.
  cpSync(released.workspace, workspace, { recursive: true, verbatimSymlinks: true });
  ({ registry, env: releaseEnv } = await startReleaseRegistry(temp.path, released.storage));
  before = released.before.packages;
  lockBefore = released.before.lock;
  changelogsBefore = new Map(Object.entries(released.before.changelogs));
  realBefore = released.before.real;
  changeset = released.before.changeset;
  releaseOutput = released.output;
  after = publicPackages(workspace);
  assertBuilt(after);
}, 900_000);

afterAll(async () => {
  await registry?.stop();
  temp.dispose();
});

describe("changeset version, through scripts/release.mjs", () => {
  it("bumps the released package and its dependents as the changeset and the config say", () => {
    expect(changesetParts().releases).toBe(`"${RELEASED}": ${BUMP}`);
    const expected = expectedVersions(before);
    const actual = new Map(after.map((pkg) => [pkg.name, pkg.version]));
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
    const released = packageNamed(after, RELEASED);
    expect(released.version).toBe(semver.inc(packageNamed(before, RELEASED).version, BUMP));
  });

  it("consumes the changeset", () => {
    expect(readdirSync(join(workspace, ".changeset")).filter((file) => file.endsWith(".md") && file !== "README.md")).toEqual([]);
  });

  it("moves every internal dependency range onto the new versions", () => {
    const versions = new Map(after.map((pkg) => [pkg.name, pkg.version]));
    const moved = new Set(after.filter((pkg) => pkg.version !== packageNamed(before, pkg.name).version).map((pkg) => pkg.name));
    for (const pkg of after) {
      for (const [dep, range] of internal(pkg.manifest.dependencies)) {
        expect(semver.satisfies(versions.get(dep) ?? "", range), `${pkg.name} depends on ${dep}@${range}`).toBe(true);
        if (moved.has(dep)) expect(semver.minVersion(range)?.version, `${pkg.name}'s range on ${dep}`).toBe(versions.get(dep));
      }
    }
  });

  it("records the new versions in package-lock.json and changes nothing else there", () => {
    const lockAfter = readJson<Lockfile>(join(workspace, "package-lock.json"));
    const workspaceEntries = new Map(after.map((pkg) => [`packages/${pkg.folder}`, pkg]));
    for (const key of new Set([...Object.keys(lockBefore.packages), ...Object.keys(lockAfter.packages)])) {
      const pkg = workspaceEntries.get(key);
      const entry = lockAfter.packages[key];
      if (pkg === undefined) {
        expect(entry, `package-lock.json "${key}"`).toEqual(lockBefore.packages[key]);
        continue;
      }
      expect(entry?.version, `package-lock.json "${key}" version`).toBe(pkg.version);
      expect(entry?.dependencies, `package-lock.json "${key}" dependencies`).toEqual(pkg.manifest.dependencies);
      expect(entry?.peerDependencies, `package-lock.json "${key}" peerDependencies`).toEqual(pkg.manifest.peerDependencies);
    }
  });

  it("works on a copy: the repository's manifests, lock files and changesets are as they were", () => {
    expect(realRepositoryState()).toEqual(realBefore);
  });

  it("leaves the content plugins alone: their peer range on @cohesion/core still holds the new core", () => {
    // Content plugins carry data only; behaviour plugins (adapters, with a main) depend on the libraries and move with them.
    const plugins = after.filter((pkg) => pkg.manifest.cohesion !== undefined && pkg.manifest.cohesion.main === undefined);
    expect(plugins.length).toBeGreaterThan(0);
    const core = packageNamed(after, CORE);
    expect(core.version, "the release should move core, or this test proves nothing about peers").not.toBe(packageNamed(before, CORE).version);
    for (const plugin of plugins) {
      const previous = packageNamed(before, plugin.name);
      expect(plugin.manifest.peerDependencies?.[CORE], `${plugin.name} peer-depends on ${CORE}`).toBeDefined();
      expect(plugin.manifest.dependencies?.[CORE], `${plugin.name} must not depend on ${CORE} directly`).toBeUndefined();
      expect(plugin.manifest.peerDependencies?.[CORE]).toBe(previous.manifest.peerDependencies?.[CORE]);
      expect(semver.satisfies(core.version, plugin.manifest.peerDependencies?.[CORE] ?? "")).toBe(true);
      expect(plugin.version).toBe(previous.version);
      expect(changelog(plugin)).toBe(changelogsBefore.get(plugin.name));
    }
  });

  it("writes changelogs: the changeset's summary for the released package, the updated dependencies for the others", () => {
    const versions = new Map(after.map((pkg) => [pkg.name, pkg.version]));
    for (const pkg of after) {
      const previous = packageNamed(before, pkg.name);
      const text = changelog(pkg) ?? "";
      if (pkg.version === previous.version) {
        expect(changelog(pkg), `${pkg.name} was not released`).toBe(changelogsBefore.get(pkg.name));
        continue;
      }
      expect(text, `${pkg.name}/CHANGELOG.md`).toContain(`## ${pkg.version}`);
      if (pkg.name === RELEASED) {
        expect(text).toContain("### Minor Changes");
        // The changeset's summary: its first line is the changelog entry's.
        expect(text).toContain(changesetParts().summary.split("\n")[0]);
        continue;
      }
      expect(text).toContain("Updated dependencies");
      for (const [dep] of internal(pkg.manifest.dependencies)) {
        if (versions.get(dep) !== packageNamed(before, dep).version) expect(text, `${pkg.name}/CHANGELOG.md`).toContain(`${dep}@${versions.get(dep)}`);
      }
    }
  });
});

describe("changeset publish, through scripts/release.mjs", () => {
  it("puts every public package on the registry at its new version, publishing only what changed", async () => {
    const views = await Promise.all(after.map(async (pkg) => [pkg, await view(pkg.name)] as const));
    for (const [pkg, seen] of views) {
      const previous = packageNamed(before, pkg.name).version;
      expect(seen["dist-tags"].latest, `${pkg.name} latest`).toBe(pkg.version);
      expect(seen.versions.sort(semver.compare), `${pkg.name} versions`).toEqual(pkg.version === previous ? [previous] : [previous, pkg.version]);
    }
    for (const pkg of after) {
      const published = new RegExp(`${pkg.name.replace("/", "\\/")}@${pkg.version.replace(/\./g, "\\.")}\\b`);
      const changed = pkg.version !== packageNamed(before, pkg.name).version;
      expect(published.test(releaseOutput), `release output names ${pkg.name}@${pkg.version} as published`).toBe(changed);
    }
  });
});

describe("a fresh project installing the released packages from the registry", () => {
  beforeAll(async () => {
    mkdirSync(consumer);
    writeFileSync(join(consumer, "package.json"), `${JSON.stringify({ name: "city-tool", version: "1.0.0", private: true, type: "module" }, null, 2)}\n`);
    // How a city tool would point at the registry the packages come from; everything else stays on npm.
    writeFileSync(join(consumer, ".npmrc"), `@cohesion:registry=${registryUrl()}\n`);
    copyFileSync(ESM_FIXTURE, join(consumer, "esm.mjs"));
    copyFileSync(ASSESSMENT, join(consumer, "assessment.json"));
    await run("npm", ["install", ...after.map((pkg) => `${pkg.name}@${pkg.version}`), ...NPM_INSTALL_FLAGS], {
      cwd: consumer,
      timeoutMs: 90_000,
      env: NPM_ENV,
    });
  }, 120_000);

  it("gets the released versions", () => {
    for (const pkg of after) {
      expect(readJson<{ version: string }>(join(consumer, "node_modules", pkg.name, "package.json")).version, pkg.name).toBe(pkg.version);
    }
  });

  it("imports them as ESM to validate and score the Athens (Kypseli) assessment", async () => {
    const pluginDir = join(consumer, "node_modules/@cohesion/plugin-eurocities");
    const manifest = readJson<{ cohesion: { contributes: { benchmarks: string[] } } }>(join(pluginDir, "package.json"));
    const benchmark = manifest.cohesion.contributes.benchmarks[0];
    if (benchmark === undefined) throw new Error("@cohesion/plugin-eurocities contributes no benchmark");
    const result = await run(process.execPath, ["esm.mjs", "assessment.json", join(pluginDir, benchmark)], { cwd: consumer, timeoutMs: 30_000 });
    const out = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({ assessmentValid: true, benchmarkValid: true, parsed: true, integrityCodes: [], scored: true });
    expect(out.overall).toBeGreaterThanOrEqual(0);
    expect(out.overall).toBeLessThanOrEqual(100);
  });

  it("runs `cohesion validate` on the assessment, exiting 0", async () => {
    const result = await run("npx", ["--no", "cohesion", "validate", "assessment.json"], { cwd: consumer, timeoutMs: 30_000, allowFailure: true });
    expect(result.code, result.stdout + result.stderr).toBe(0);
  });

  it("gets a `cohesion --version` that is the released version: the release builds after versioning", async () => {
    const result = await run("npx", ["--no", "--", "cohesion", "--version"], { cwd: consumer, timeoutMs: 30_000 });
    expect(result.stdout.trim()).toBe(packageNamed(after, "@cohesion/cli").version);
  });
});

describe("what the release records besides versions", () => {
  it("freezes the schema version it ships and gives it its row in the README's compatibility table", async () => {
    const schemaVersion = readJson<{ $id: string }>(join(workspace, "schemas/defs.schema.json")).$id.split("/")[3] as string;
    expect(existsSync(join(workspace, "schemas/releases", schemaVersion, "defs.schema.json"))).toBe(true);
    // @ts-expect-error: a plain ES module of the repository's scripts, without type declarations
    const { readCompatibility } = (await import("../../../scripts/lib/compatibility.mjs")) as { readCompatibility: (readme: string) => Array<{ schema: string; versions: Record<string, string> }> };
    const rows = readCompatibility(readFileSync(join(workspace, "README.md"), "utf8"));
    expect(rows.find((r) => r.schema === schemaVersion)?.versions).toEqual({
      "@cohesion/schema": packageNamed(after, "@cohesion/schema").version,
      "@cohesion/model": packageNamed(after, "@cohesion/model").version,
      "@cohesion/core": packageNamed(after, "@cohesion/core").version,
      "@cohesion/cli": packageNamed(after, "@cohesion/cli").version,
    });
  });

  it("stops on a failing test command, before anything is versioned or published", async () => {
    writeFileSync(join(workspace, ".changeset/red.md"), changesetFile({ [RELEASED]: "patch" }, "Never released."));
    const red = await release(`"${process.execPath}" -e "process.exitCode = 3"`);
    expect(red.code).toBe(1);
    expect(red.stderr).toContain("failed (exit 3)");
    expect(red.stderr).toContain("nothing was versioned or published");
    expect(publicPackages(workspace).map((pkg) => pkg.version)).toEqual(after.map((pkg) => pkg.version));
    expect(existsSync(join(workspace, ".changeset/red.md"))).toBe(true);
  });
});
