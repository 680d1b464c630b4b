// A maintainer's year, replayed on a copy of the repository with a local registry (verdaccio):
//
//   the current packages are published; a city tool installs them and keeps its documents;
//   an optional field is added → `npm run schema:version -- minor` → the suite is green → release;
//   the city tool upgrades and validates its old and new documents;
//   a field no code reads is removed → `npm run schema:version -- major` → the migration module is written → release;
//   `npm update` keeps the city tool on the old major; it then installs the new one and migrates a folder
//   of its old documents, getting the loss report.
//
// The suite the release runs first is the schema gate, the docs and codegen staleness checks and the
// version and migration tests (TEST_COMMAND in support/schema-minor-release.ts). The minor release is kept
// for release.test.ts, which checks its versions, changelogs, lock file and publish.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { previousRelease } from "./support/previous-release";
import { startReleaseRegistry, type LocalRegistry } from "./support/registry";
import { claim, type Claim } from "./support/run-cache";
import { SCHEMA_MINOR_RELEASE, TEST_COMMAND, beforeRelease, cloneForRelease, cutSchemaMinor, editSchema, keepRelease, releaseCopy, schemaVersionOf } from "./support/schema-minor-release";
import { NPM_INSTALL_FLAGS, REPO_ROOT, packageNamed, publicPackages, readJson, run, tempDir, type RunResult } from "./support/workspace";

const temp = tempDir("journey");
const repo = join(temp.path, "repository");
const city = join(temp.path, "city-tool");
let registry: LocalRegistry | undefined;
let env: NodeJS.ProcessEnv = {};
let first = "";
let minor = "";
let major = "";
// The release test checks the versions, changelogs, lock file and publish of this same minor release: the
// journey keeps it for that file unless it is kept already or another file is cutting it.
let keeping: Claim | undefined;

const inRepo = (command: string, args: string[], timeoutMs = 240_000) => run(command, args, { cwd: repo, timeoutMs, env });
const inCity = (args: string[], allowFailure = false): Promise<RunResult> => run("npx", ["--no", "--", "cohesion", ...args], { cwd: city, timeoutMs: 60_000, env, allowFailure });
const release = () => releaseCopy(repo, registryUrl(), env);
const install = (specs: string[]) => run("npm", ["install", ...specs, ...NPM_INSTALL_FLAGS], { cwd: city, timeoutMs: 120_000, env });
const installed = (name: string) => readJson<{ version: string }>(join(city, "node_modules", name, "package.json")).version;
const version = (name: string) => packageNamed(publicPackages(repo), name).version;

function running(): LocalRegistry {
  if (registry === undefined) throw new Error("the local registry is not running");
  return registry;
}
const registryUrl = () => running().url;

const example = readJson<Record<string, unknown>>(join(REPO_ROOT, "examples/valid/place.json"));
const place = (version: string, extra: Record<string, unknown> = {}) => ({ ...example, schemaVersion: version, ...extra });

beforeAll(async () => {
  // First of all, so that a release test file starting beside this one waits for the journey's release.
  keeping = claim(SCHEMA_MINOR_RELEASE);
  await cloneForRelease(repo);
  first = schemaVersionOf(repo);
  // The current packages as published by `scripts/release.mjs --skip-version` (once per run, shared by the release tests).
  ({ registry, env } = await startReleaseRegistry(temp.path, (await previousRelease()).storage));

  mkdirSync(join(city, "documents"), { recursive: true });
  writeFileSync(join(city, "package.json"), `${JSON.stringify({ name: "city-tool", version: "1.0.0", private: true }, null, 2)}\n`);
  writeFileSync(join(city, ".npmrc"), `@cohesion:registry=${registryUrl()}\n`);
  await install(["@cohesion/cli", "@cohesion/schema"]);
  writeFileSync(join(city, "documents/helsinki.json"), JSON.stringify(place(first, { region: "Uusimaa" })));
}, 600_000);

afterAll(async () => {
  keeping?.drop();
  await registry?.stop();
  temp.dispose();
});

describe("a schema minor: an optional field", () => {
  beforeAll(async () => {
    minor = await cutSchemaMinor(repo, env);
  }, 300_000);

  it("is cut by one command: the last release frozen, every $id moved, the changeset written", () => {
    expect(minor).not.toBe(first);
    expect(readJson<{ properties: Record<string, unknown> }>(join(repo, "schemas/releases", first, "place.schema.json")).properties.website).toBeUndefined();
    const changeset = readFileSync(join(repo, ".changeset", `schema-${minor.replace(".", "-")}.md`), "utf8");
    expect(changeset).toContain('"@cohesion/schema": minor');
    expect(changeset).toContain('new optional field "website"');
  });

  it("leaves the suite green, is released, and a city tool that had the previous release upgrades and validates old and new documents", async () => {
    // The release runs the suite first and stops on a red one, so a release that goes through had a green suite.
    const before = beforeRelease(repo, minor);
    let released: RunResult;
    try {
      released = await release();
      await keeping?.save((dir) => keepRelease(dir, repo, running().storage, before, released.stdout + released.stderr));
    } finally {
      keeping?.drop();
    }
    expect(released.stdout).toContain(`${TEST_COMMAND} (the release stops on a failing test)`);
    expect(stripVTControlCharacters(released.stdout)).toMatch(/Test Files +\d+ passed/);
    expect(readFileSync(join(repo, "README.md"), "utf8")).toMatch(new RegExp(`\\| ${minor.replace(".", "\\.")} \\| ${version("@cohesion/schema").replace(/\./g, "\\.")} \\|`));
    await install(["@cohesion/cli@latest", "@cohesion/schema@latest"]);
    expect(installed("@cohesion/schema")).toBe(version("@cohesion/schema"));
    // One copy of the schema package: the CLI's exact dependency is the version just installed.
    expect(existsSync(join(city, "node_modules/@cohesion/cli/node_modules/@cohesion/schema"))).toBe(false);
    expect((await inCity(["--version"])).stdout.trim()).toBe(version("@cohesion/cli"));
    writeFileSync(join(city, "documents/malmo.json"), JSON.stringify(place(minor, { id: "examples.malmo", website: "https://malmo.se/" })));
    const validated = await inCity(["validate", "documents", "--no-integrity"], true);
    expect(validated.code, validated.stdout + validated.stderr).toBe(0);
  }, 900_000);
});

describe("a schema major: a field removed, with its migration", () => {
  beforeAll(async () => {
    editSchema(repo, "place.schema.json", (s) => delete s.properties.metropolitanPopulation);
    await inRepo(process.execPath, ["scripts/schema-version.mjs", "major"]);
    major = schemaVersionOf(repo);
    // What the maintainer writes by hand: the migration module and its test.
    const module = `v${minor.replace(".", "-")}-to-v${major.replace(".", "-")}`;
    const exportName = `migrate${minor.replace(".", "_")}To${major.replace(".", "_")}`;
    writeFileSync(
      join(repo, "packages/model/src/migrations", `${module}.ts`),
      `import type { ValidationProblem } from "@cohesion/schema";
import { migrationProblem } from "./problems";
import type { MigrationStep } from "./step";

/** ${minor} → ${major}: a place's metropolitan population goes into its description. */
export const ${exportName}: MigrationStep = (document) => {
  const problems: ValidationProblem[] = [migrationProblem("schema_version_changed", "/schemaVersion", { from: "${minor}", to: "${major}" })];
  const { metropolitanPopulation, ...rest } = document;
  const out: Record<string, unknown> = { ...rest, schemaVersion: "${major}" };
  const value = (metropolitanPopulation as { value?: unknown } | undefined)?.value;
  if (document.kind === "place" && typeof value === "number") {
    const line = \`Metropolitan population: \${value}\`;
    out.description = typeof rest.description === "string" ? \`\${rest.description}\\n\\n\${line}\` : line;
    problems.push(migrationProblem("migrated_field", "/metropolitanPopulation", { what: "the metropolitan population", to: "/description", text: String(value) }));
  }
  return { document: out, problems };
};
`,
    );
    const place = readJson<Record<string, unknown>>(join(REPO_ROOT, "examples/valid/place.json"));
    const { metropolitanPopulation, ...kept } = place as { metropolitanPopulation: { value: number } } & Record<string, unknown>;
    const before = { ...place, schemaVersion: minor };
    const after = { ...kept, schemaVersion: major, description: `${String(place.description)}\n\nMetropolitan population: ${metropolitanPopulation.value}` };
    const test = readFileSync(join(repo, "packages/model/src/migrations", `${module}.test.ts`), "utf8")
      .replace("const before: Record<string, unknown> | undefined = undefined;", `const before: Record<string, unknown> | undefined = ${JSON.stringify(before)};`)
      .replace("const after: Record<string, unknown> | undefined = undefined;", `const after: Record<string, unknown> | undefined = ${JSON.stringify(after)};`);
    writeFileSync(join(repo, "packages/model/src/migrations", `${module}.test.ts`), test);
  }, 300_000);

  it("is cut by one command: the pattern moved to the new major, a migration scaffolded, every dependent at least a minor", () => {
    expect(major).toBe(`${Number(minor.split(".")[0]) + 1}.0`);
    expect(readJson<{ $defs: { schemaVersion: { pattern: string } } }>(join(repo, "schemas/defs.schema.json")).$defs.schemaVersion.pattern).toBe(`^${major.split(".")[0]}\\.(0|[1-9][0-9]*)$`);
    const changeset = readFileSync(join(repo, ".changeset", `schema-${major.replace(".", "-")}.md`), "utf8");
    for (const name of ["@cohesion/model", "@cohesion/core", "@cohesion/cli"]) expect(changeset).toContain(`"${name}": minor`);
    expect(changeset).toContain('field "metropolitanPopulation" was removed');
  });

  it("is released with the dependents moving at least a minor, and the plugins' engines following core", async () => {
    const before = new Map(publicPackages(repo).map((p) => [p.name, p.version]));
    await release();
    for (const name of ["@cohesion/model", "@cohesion/core", "@cohesion/cli"]) {
      const [was, now] = [before.get(name) ?? "", version(name)];
      expect(Number(now.split(".")[1]) > Number(was.split(".")[1]) || Number(now.split(".")[0]) > Number(was.split(".")[0]), `${name} ${was} → ${now}`).toBe(true);
    }
    for (const plugin of publicPackages(repo).filter((p) => p.manifest.cohesion !== undefined)) {
      const manifest = readJson<{ cohesion: { engines: { cohesion: string } }; peerDependencies: Record<string, string> }>(join(plugin.dir, "package.json"));
      expect(manifest.cohesion.engines.cohesion, plugin.name).toBe(manifest.peerDependencies["@cohesion/core"]);
    }
  }, 900_000);

  it("is not brought by `npm update`: the city tool stays on a release that reads its documents", async () => {
    const was = installed("@cohesion/cli");
    await run("npm", ["update", ...NPM_INSTALL_FLAGS], { cwd: city, timeoutMs: 120_000, env });
    expect(installed("@cohesion/cli")).toBe(was);
    expect((await inCity(["validate", "documents", "--no-integrity"], true)).code).toBe(0);
  }, 180_000);

  it("once installed, migrates the city tool's folder of old documents and reports what moved", async () => {
    await install([`@cohesion/cli@${version("@cohesion/cli")}`, `@cohesion/schema@${version("@cohesion/schema")}`]);
    const refused = await inCity(["validate", "documents/helsinki.json", "--no-integrity"], true);
    expect(refused.code).toBe(1);
    expect(refused.stdout + refused.stderr).toContain("unsupported_schema_version");
    expect(refused.stdout + refused.stderr).toContain("cohesion migrate");

    const migrated = await inCity(["migrate", "documents", "--out-dir", "migrated"], true);
    expect(migrated.code, migrated.stdout + migrated.stderr).toBe(0);
    expect(migrated.stderr).toContain("/metropolitanPopulation info migrated_field: the metropolitan population from /metropolitanPopulation moved to /description");
    expect(migrated.stderr).toContain(`✔ 2 documents in 2 files migrated to schema version ${major}, 2 files written: 2 values moved`);
    const helsinki = readJson<{ schemaVersion: string; region?: string; metropolitanPopulation?: unknown; description: string }>(join(city, "migrated/helsinki.json"));
    expect(helsinki).toMatchObject({ schemaVersion: major, region: "Uusimaa" });
    expect(helsinki.metropolitanPopulation).toBeUndefined();
    expect(helsinki.description).toContain("Metropolitan population: 1400000");
    expect((await inCity(["validate", "migrated", "--no-integrity"], true)).code).toBe(0);
  }, 240_000);
});
