// The breaking-change gate (scripts/check-schema-bump.mjs), run as CI runs it, against fixture
// schemas and fixture changesets in temporary folders.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { repoRoot } from "../test-support";

const script = join(repoRoot, "scripts/check-schema-bump.mjs");
const temps: string[] = [];

afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const place = (version: string, change: (s: Record<string, any>) => void = () => {}) => {
  const schema: Record<string, any> = {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: `https://schemas.cohesion.dev/${version}/place.schema.json`,
    type: "object",
    properties: { name: { type: "string" }, population: { type: "integer", minimum: 0 } },
    required: ["name"],
    additionalProperties: false,
  };
  change(schema);
  return schema;
};

interface Fixture {
  released: Record<string, any>;
  current: Record<string, any>;
  changesets: Record<string, string>;
  /** Migration modules beside the registry, as version pairs ("1.0→2.0"). */
  migrations?: string[];
  /** Changes the frozen release after its checksum was recorded. */
  tamper?: (releasesDir: string) => void;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const moduleOf = (pair: string) => {
  const [from, to] = pair.split("→") as [string, string];
  return { base: `v${from.replace(".", "-")}-to-v${to.replace(".", "-")}`, exportName: `migrate${from.replace(".", "_")}To${to.replace(".", "_")}` };
};

/** The registry scripts/schema-version.mjs writes for these modules. */
const registry = (pairs: string[]) =>
  [
    "// DO NOT EDIT — written by scripts/schema-version.mjs from the v<from>-to-v<to>.ts modules beside it.",
    'import type { MigrationStep } from "./step";',
    ...pairs.map((p) => `import { ${moduleOf(p).exportName} } from "./${moduleOf(p).base}";`),
    "",
    '/** The hand-written migration steps, keyed "<from>→<to>". A minor without one is an identity step. */',
    "export const WRITTEN_STEPS: Readonly<Record<string, MigrationStep>> = {",
    ...pairs.map((p) => `  "${p}": ${moduleOf(p).exportName},`),
    "};",
    "",
  ].join("\n");

function gate({ released, current, changesets, migrations = [], tamper }: Fixture) {
  const dir = mkdtempSync(join(tmpdir(), "cohesion-bump-"));
  temps.push(dir);
  const [, , , version, file] = String(released.$id).split("/") as [string, string, string, string, string];
  const releasesDir = join(dir, "schemas/releases");
  mkdirSync(join(releasesDir, version), { recursive: true });
  mkdirSync(join(dir, "changesets"));
  mkdirSync(join(dir, "migrations"));
  const frozen = JSON.stringify(released);
  writeFileSync(join(releasesDir, version, file), frozen);
  writeFileSync(join(releasesDir, "checksums.json"), JSON.stringify({ [version]: { [file]: sha256(frozen) } }));
  tamper?.(releasesDir);
  writeFileSync(join(dir, "schemas", file), JSON.stringify(current));
  for (const [name, text] of Object.entries(changesets)) writeFileSync(join(dir, "changesets", name), text);
  for (const pair of migrations) writeFileSync(join(dir, "migrations", `${moduleOf(pair).base}.ts`), "");
  writeFileSync(join(dir, "migrations/steps.ts"), registry(migrations));
  const result = spawnSync(
    process.execPath,
    [script, "--schemas", join(dir, "schemas"), "--released", releasesDir, "--changesets", join(dir, "changesets"), "--migrations", join(dir, "migrations")],
    { encoding: "utf8", cwd: dir },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, dir };
}

const changeset = (bumps: Record<string, string>, summary = "Change the place schema.") =>
  `---\n${Object.entries(bumps)
    .map(([pkg, bump]) => `"${pkg}": ${bump}`)
    .join("\n")}\n---\n\n${summary}\n`;

const removePopulation = (s: Record<string, any>) => delete s.properties.population;

describe("check-schema-bump", () => {
  it("fails a breaking change declared as minor, naming the change that needs the bigger bump", () => {
    const result = gate({
      released: place("1.0"),
      current: place("2.0", removePopulation),
      changesets: { "drop-population.md": changeset({ "@cohesion/schema": "minor", "@cohesion/model": "minor" }) },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("needs a major release of @cohesion/schema");
    expect(result.stderr).toContain("declare minor (drop-population.md: minor)");
    expect(result.stderr).toContain('place.schema.json#/properties/population  field "population" was removed');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it("passes the same breaking change declared as major, with a new major schema version", () => {
    const result = gate({
      released: place("1.0"),
      current: place("2.0", removePopulation),
      changesets: { "drop-population.md": changeset({ "@cohesion/schema": "major" }), "other.md": changeset({ "@cohesion/schema": "patch" }) },
      migrations: ["1.0→2.0"],
    });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("need a major release");
  });

  it("fails a breaking change declared as major whose $ids keep the old major version", () => {
    const result = gate({ released: place("1.0"), current: place("1.1", removePopulation), changesets: { "a.md": changeset({ "@cohesion/schema": "major" }) } });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("needs a new major schema version (2.0), but the $ids say 1.1");
  });

  it("fails an additive change with no changeset for @cohesion/schema, and passes it declared as minor", () => {
    const addDistricts = (s: Record<string, any>) => (s.properties.districts = { type: "integer" });
    const other = { "a.md": changeset({ "@cohesion/model": "major" }) };
    const failed = gate({ released: place("1.0"), current: place("1.1", addDistricts), changesets: other });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain("needs a minor release of @cohesion/schema, but the pending changesets");
    expect(failed.stderr).toContain('new optional field "districts"');
    const passed = gate({ released: place("1.0"), current: place("1.1", addDistricts), changesets: { ...other, "b.md": changeset({ "@cohesion/schema": "minor" }) } });
    expect(passed.status).toBe(0);
  });

  it("passes schemas unchanged since the release, and fails schemas changed under a released version", () => {
    expect(gate({ released: place("1.0"), current: place("1.0"), changesets: {} }).status).toBe(0);
    const changed = gate({ released: place("1.0"), current: place("1.0", (s) => (s.properties.name.maxLength = 10)), changesets: {} });
    expect(changed.status).toBe(1);
    expect(changed.stderr).toContain("a released version is frozen");
    expect(changed.stderr).toContain("place.schema.json#/properties/name/maxLength");
  });

  it("fails a frozen file changed, added or removed after its release, naming the file and what to do", () => {
    const base = { released: place("1.0"), current: place("1.0"), changesets: {} };
    const changed = gate({ ...base, tamper: (dir) => writeFileSync(join(dir, "1.0/place.schema.json"), JSON.stringify(place("1.0", removePopulation))) });
    expect(changed.status).toBe(1);
    expect(changed.stderr).toContain("releases/1.0/place.schema.json: changed after version 1.0 was released");
    expect(changed.stderr).toContain("npm run schema:version -- minor|major");
    const added = gate({ ...base, tamper: (dir) => writeFileSync(join(dir, "1.0/scale.schema.json"), "{}") });
    expect(added.stderr).toContain("releases/1.0/scale.schema.json: added to released version 1.0");
    const removed = gate({ ...base, tamper: (dir) => rmSync(join(dir, "1.0/place.schema.json")) });
    expect(removed.status).toBe(2);
    expect(removed.stderr).toContain("holds no *.schema.json file");
    const unrecorded = gate({ ...base, tamper: (dir) => writeFileSync(join(dir, "checksums.json"), "{}") });
    expect(unrecorded.status).toBe(1);
    expect(unrecorded.stderr).toContain("version 1.0 is not recorded in");
  });

  it("fails a schemaVersion pattern that does not admit the version the $ids name", () => {
    const defs = (version: string, major: number) => ({
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: `https://schemas.cohesion.dev/${version}/defs.schema.json`,
      $defs: { schemaVersion: { type: "string", pattern: `^${major}\\.(0|[1-9][0-9]*)$` } },
    });
    const result = gate({ released: defs("1.0", 1), current: defs("2.0", 1), changesets: { "a.md": changeset({ "@cohesion/schema": "major" }) }, migrations: ["1.0→2.0"] });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('defs.schema.json#/$defs/schemaVersion/pattern is "^1\\\\.(0|[1-9][0-9]*)$", but the $ids say 2.0');
    const fixed = gate({ released: defs("1.0", 1), current: defs("2.0", 2), changesets: { "a.md": changeset({ "@cohesion/schema": "major" }) }, migrations: ["1.0→2.0"] });
    expect(fixed.stderr).toBe("");
  });

  it("fails a new major without its migration module, or with a registry that does not list it", () => {
    const base = { released: place("1.0"), current: place("2.0", removePopulation), changesets: { "a.md": changeset({ "@cohesion/schema": "major" }) } };
    const missing = gate(base);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("no migration leads from schema version 1.0 to 2.0");
    expect(missing.stderr).toContain("migrations/v1-0-to-v2-0.ts is missing");
    const unregistered = gate({ ...base, migrations: ["1.0→2.0"], tamper: () => {} });
    expect(unregistered.status).toBe(0);
    writeFileSync(join(unregistered.dir, "migrations/steps.ts"), registry([]));
    const stale = spawnSync(process.execPath, [script, "--schemas", join(unregistered.dir, "schemas"), "--changesets", join(unregistered.dir, "changesets"), "--migrations", join(unregistered.dir, "migrations")], { encoding: "utf8" });
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain("steps.ts does not register every migration module beside it; run npm run schema:version -- refresh");
  });

  it("fails a version's own changeset whose list of changes is out of date", () => {
    const addDistricts = (s: Record<string, any>) => (s.properties.districts = { type: "integer" });
    const own = (list: string) =>
      `---\n"@cohesion/schema": minor\n---\n\nSchema version 1.1.\n\n<!-- schema changes: written by npm run schema:version; edit the text outside these marks -->\nChanges since schema version 1.0:\n\n${list}\n<!-- end of schema changes -->\n`;
    const stale = gate({ released: place("1.0"), current: place("1.1", addDistricts), changesets: { "schema-1-1.md": own("- none yet: edit schemas/, then run `npm run schema:version -- refresh`") } });
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain("schema-1-1.md does not list the schema changes as they are now; run npm run schema:version -- refresh");
    const current = gate({ released: place("1.0"), current: place("1.1", addDistricts), changesets: { "schema-1-1.md": own('- minor: `place.schema.json#/properties/districts`: new optional field "districts"') } });
    expect(current.stderr).toBe("");
    expect(current.status).toBe(0);
  });

  it("answers unreadable input with exit 2 and a message, never a stack trace", () => {
    const missing = spawnSync(process.execPath, [script, "--schemas", "/nonexistent/schemas", "--released", join(repoRoot, "schemas/releases")], { encoding: "utf8" });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("/nonexistent/schemas: no such folder of schemas");
    expect(missing.stderr).not.toMatch(/^\s+at /m);
  });

  it("answers a malformed changeset with exit 2, naming its file and line, never a stack trace", () => {
    const base = { released: place("1.0"), current: place("1.1", removePopulation) };
    const typo = gate({ ...base, changesets: { "typo.md": '---\n"@cohesion/core": patch\n"@cohesion/schema": mayor\n---\n\nOops.\n' } });
    expect(typo.status).toBe(2);
    expect(typo.stderr).toMatch(/typo\.md:3: "@cohesion\/schema": "mayor" is not a bump \(patch, minor or major\)/);
    expect(typo.stderr).not.toMatch(/^\s+at /m);
    const unclosed = gate({ ...base, changesets: { "open.md": '---\n"@cohesion/schema": major\n\nNo closing line.\n' } });
    expect(unclosed.status).toBe(2);
    expect(unclosed.stderr).toContain('open.md: the front matter opened by "---" on line 1 is never closed');
    expect(unclosed.stderr).not.toMatch(/^\s+at /m);
  });

  it("passes the repository as it is (the pending changesets cover the schema change since the last release)", () => {
    const result = spawnSync(process.execPath, [script], { encoding: "utf8", cwd: repoRoot });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });
});
