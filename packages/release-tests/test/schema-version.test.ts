// `npm run schema:version` on a copy of what it reads and writes (the scripts, schemas/, .changeset/,
// the packages' manifests, the schema package's source and the migrations), with regeneration left
// out: what it writes, what it refuses, and that the schema-bump gate passes what it writes.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT, readJson } from "./support/workspace";

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

const schemaFiles = readdirSync(join(REPO_ROOT, "schemas")).filter((f) => f.endsWith(".schema.json"));
const currentVersion = readJson<{ $id: string }>(join(REPO_ROOT, "schemas/defs.schema.json")).$id.split("/")[3] as string;
const [major, minor] = currentVersion.split(".").map(Number) as [number, number];
const nextMinor = `${major}.${minor + 1}`;
const nextMajor = `${major + 1}.0`;
const dashed = (v: string) => v.replace(".", "-");

/** A copy of the parts schema:version reads and writes, as a git work tree with one commit. */
function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), "cohesion-schema-version-"));
  temps.push(dir);
  for (const part of ["scripts", "schemas", ".changeset", "package.json", "packages/schema/src", "packages/model/src/migrations"]) {
    cpSync(join(REPO_ROOT, part), join(dir, part), { recursive: true });
  }
  for (const folder of readdirSync(join(REPO_ROOT, "packages"))) {
    const manifest = join(REPO_ROOT, "packages", folder, "package.json");
    if (!existsSync(manifest)) continue;
    mkdirSync(join(dir, "packages", folder), { recursive: true });
    cpSync(manifest, join(dir, "packages", folder, "package.json"));
  }
  symlinkSync(join(REPO_ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  // The copy starts from the current version as released, whether or not the repository has cut it yet.
  rmSync(join(dir, ".changeset", `schema-${dashed(currentVersion)}.md`), { force: true });
  git(dir, "init", "-q");
  git(dir, "add", "-A");
  git(dir, "-c", "user.email=release@example.org", "-c", "user.name=Release", "commit", "-qm", "as released");
  return dir;
}

function git(cwd: string, ...args: string[]) {
  const result = spawnSync("git", args, { cwd, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`git ${args.join(" ")}: ${result.stderr}`);
  return result.stdout;
}

const schemaVersion = (dir: string, ...args: string[]) =>
  spawnSync(process.execPath, [join(dir, "scripts/schema-version.mjs"), ...args, "--skip-codegen"], { cwd: dir, encoding: "utf8" });
const gate = (dir: string) => spawnSync(process.execPath, [join(dir, "scripts/check-schema-bump.mjs")], { cwd: dir, encoding: "utf8" });
const schema = (dir: string, file: string) => readJson<Record<string, any>>(join(dir, "schemas", file));
const editSchema = (dir: string, file: string, change: (s: Record<string, any>) => void) => {
  const next = schema(dir, file);
  change(next);
  writeFileSync(join(dir, "schemas", file), `${JSON.stringify(next, null, 2)}\n`);
};
const addWebsite = (s: Record<string, any>) => (s.properties.website = { type: "string", format: "uri", description: "The city's web site." });
const dropRegion = (s: Record<string, any>) => delete s.properties.region;

describe("npm run schema:version", () => {
  it("minor: freezes the current version, moves every $id, and writes the changeset; the gate passes", () => {
    const dir = copy();
    const before = Object.fromEntries(schemaFiles.map((f) => [f, readFileSync(join(dir, "schemas", f), "utf8")]));
    const ran = schemaVersion(dir, "minor");
    expect(ran.stderr).toBe("");
    expect(ran.status).toBe(0);
    expect(ran.stdout).toContain(`schema version ${nextMinor} cut from ${currentVersion}`);

    for (const file of schemaFiles) {
      expect(readFileSync(join(dir, "schemas/releases", currentVersion, file), "utf8")).toBe(before[file]);
      expect(schema(dir, file).$id).toBe(`https://schemas.cohesion.dev/${nextMinor}/${file}`);
    }
    const checksums = readJson<Record<string, Record<string, string>>>(join(dir, "schemas/releases/checksums.json"));
    expect(Object.keys(checksums[currentVersion] ?? {}).sort()).toEqual(schemaFiles);
    expect(schema(dir, "defs.schema.json").$defs.schemaVersion.pattern).toBe(`^${major}\\.(0|[1-9][0-9]*)$`);
    const changeset = readFileSync(join(dir, ".changeset", `schema-${dashed(nextMinor)}.md`), "utf8");
    expect(changeset).toMatch(/^---\n"@cohesion\/schema": minor\n---\n/);
    expect(changeset).toContain(`Changes since schema version ${currentVersion}:`);
    expect(gate(dir).status).toBe(0);

    // The maintainer adds a field; the gate wants the changeset's list brought up to date, refresh does it.
    editSchema(dir, "place.schema.json", addWebsite);
    expect(gate(dir).stderr).toContain(`schema-${dashed(nextMinor)}.md does not list the schema changes as they are now`);
    expect(schemaVersion(dir, "refresh").status).toBe(0);
    expect(readFileSync(join(dir, ".changeset", `schema-${dashed(nextMinor)}.md`), "utf8")).toContain('- minor: `place.schema.json#/properties/website`: new optional field "website"');
    const passed = gate(dir);
    expect(passed.stderr).toBe("");
    expect(passed.status).toBe(0);

    // The cut version is pending: cutting another minor is refused, saying what to do instead.
    const again = schemaVersion(dir, "minor");
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(`schema version ${nextMinor} is already cut and not released yet`);
  });

  it("freezes the last commit when schemas/ was edited first, and keeps the edit for the new version", () => {
    const dir = copy();
    const committed = readFileSync(join(dir, "schemas/place.schema.json"), "utf8");
    editSchema(dir, "place.schema.json", addWebsite);
    const ran = schemaVersion(dir, "minor");
    expect(ran.status).toBe(0);
    expect(ran.stdout).toContain(`froze ${currentVersion} as last committed`);
    expect(readFileSync(join(dir, "schemas/releases", currentVersion, "place.schema.json"), "utf8")).toBe(committed);
    expect(schema(dir, "place.schema.json").properties.website).toBeDefined();
    expect(readFileSync(join(dir, ".changeset", `schema-${dashed(nextMinor)}.md`), "utf8")).toContain("new optional field \"website\"");
    expect(gate(dir).status).toBe(0);
  });

  it("major: turns a pending minor into the next major, scaffolds the migration with a failing test, and moves every dependent", () => {
    const dir = copy();
    expect(schemaVersion(dir, "minor").status).toBe(0);
    editSchema(dir, "place.schema.json", dropRegion);
    const refused = gate(dir);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`needs a new major schema version (${nextMajor})`);
    expect(refused.stderr).toContain("run npm run schema:version -- major");

    const ran = schemaVersion(dir, "major");
    expect(ran.stderr).toBe("");
    expect(ran.status).toBe(0);
    for (const file of schemaFiles) expect(schema(dir, file).$id).toBe(`https://schemas.cohesion.dev/${nextMajor}/${file}`);
    expect(schema(dir, "defs.schema.json").$defs.schemaVersion.pattern).toBe(`^${major + 1}\\.(0|[1-9][0-9]*)$`);
    expect(existsSync(join(dir, ".changeset", `schema-${dashed(nextMinor)}.md`))).toBe(false);

    const module = `v${dashed(currentVersion)}-to-v${dashed(nextMajor)}`;
    const exportName = `migrate${currentVersion.replace(".", "_")}To${nextMajor.replace(".", "_")}`;
    expect(readFileSync(join(dir, "packages/model/src/migrations", `${module}.ts`), "utf8")).toContain(`export const ${exportName}: MigrationStep`);
    expect(readFileSync(join(dir, "packages/model/src/migrations", `${module}.test.ts`), "utf8")).toContain("expect.fail(");
    expect(readFileSync(join(dir, "packages/model/src/migrations/steps.ts"), "utf8")).toContain(`"${currentVersion}→${nextMajor}": ${exportName},`);

    const changeset = readFileSync(join(dir, ".changeset", `schema-${dashed(nextMajor)}.md`), "utf8");
    expect(changeset).toContain('"@cohesion/schema": major');
    for (const dependent of ["@cohesion/model", "@cohesion/core", "@cohesion/cli", "@cohesion/scoring", "@cohesion/plugin-oecd"]) {
      expect(changeset).toContain(`"${dependent}": minor`);
    }
    expect(changeset).not.toContain("@cohesion/release-tests");
    expect(changeset).toContain('- major: `place.schema.json#/properties/region`: field "region" was removed');
    const passed = gate(dir);
    expect(passed.stderr).toBe("");
    expect(passed.status).toBe(0);

    // Without its migration module, the gate names the file to write.
    rmSync(join(dir, "packages/model/src/migrations", `${module}.ts`));
    expect(gate(dir).stderr).toContain(`no migration leads from schema version ${currentVersion} to ${nextMajor}`);
  });

  it("refuses to cut a version while a released schema was changed, naming the file", () => {
    const dir = copy();
    expect(schemaVersion(dir, "minor").status).toBe(0);
    git(dir, "add", "-A");
    git(dir, "-c", "user.email=release@example.org", "-c", "user.name=Release", "commit", "-qm", "cut");
    const frozen = join(dir, "schemas/releases", currentVersion, "place.schema.json");
    writeFileSync(frozen, readFileSync(frozen, "utf8").replace('"title": "Place"', '"title": "City"'));
    const ran = schemaVersion(dir, "major");
    expect(ran.status).toBe(1);
    expect(ran.stderr).toContain(`releases/${currentVersion}/place.schema.json: changed after version ${currentVersion} was released`);
    expect(gate(dir).status).toBe(1);
  });

  it("answers a wrong invocation with its usage", () => {
    const dir = copy();
    const ran = schemaVersion(dir, "huge");
    expect(ran.status).toBe(1);
    expect(ran.stderr).toContain("usage: npm run schema:version -- minor|major|refresh");
    expect(ran.stderr).not.toMatch(/^\s+at /m);
  });
});
