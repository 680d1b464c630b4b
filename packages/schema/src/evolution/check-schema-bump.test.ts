// The breaking-change gate (scripts/check-schema-bump.mjs), run as CI runs it, against fixture
// schemas and fixture changesets in temporary folders.
import { spawnSync } from "node:child_process";
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
}

function gate({ released, current, changesets }: Fixture) {
  const dir = mkdtempSync(join(tmpdir(), "cohesion-bump-"));
  temps.push(dir);
  const version = String(released.$id).split("/")[3] as string;
  mkdirSync(join(dir, "schemas/releases", version), { recursive: true });
  mkdirSync(join(dir, "changesets"));
  writeFileSync(join(dir, "schemas/releases", version, "place.schema.json"), JSON.stringify(released));
  writeFileSync(join(dir, "schemas/place.schema.json"), JSON.stringify(current));
  for (const [name, text] of Object.entries(changesets)) writeFileSync(join(dir, "changesets", name), text);
  const result = spawnSync(
    process.execPath,
    [script, "--schemas", join(dir, "schemas"), "--released", join(dir, "schemas/releases"), "--changesets", join(dir, "changesets")],
    { encoding: "utf8", cwd: dir },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
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
