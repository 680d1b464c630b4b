// The compatibility policy in the README, held to its own rules: the table's rows (written by the
// release script) name frozen schema versions in order, and a schema major comes with a breaking
// release of every package in the table; the plugins' engines equal their peer range on core.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseSchemaVersion } from "@cohesion/schema";
import semver from "semver";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module of the repository's scripts, without type declarations
import { breaksCompatibility, policyProblems, readCompatibility, TABLE_PACKAGES, withCompatibilityRow } from "../../../scripts/lib/compatibility.mjs";
import { REPO_ROOT, publicPackages } from "./support/workspace";

interface Row {
  schema: string;
  versions: Record<string, string>;
}
const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
const compare = (a: string, b: string) => {
  const [x, y] = [parseSchemaVersion(a), parseSchemaVersion(b)];
  return (x?.major ?? 0) - (y?.major ?? 0) || (x?.minor ?? 0) - (y?.minor ?? 0);
};
const row = (schema: string, version: string): Row => ({ schema, versions: Object.fromEntries((TABLE_PACKAGES as string[]).map((n) => [n, version])) });

describe("the compatibility policy", () => {
  it("has a table whose rows name frozen schema versions, oldest first, and keep the policy", () => {
    const rows = readCompatibility(readme) as Row[];
    for (const { schema } of rows) expect(existsSync(join(REPO_ROOT, "schemas/releases", schema)), `schema ${schema} is frozen`).toBe(true);
    expect(rows.map((r) => r.schema)).toEqual([...rows.map((r) => r.schema)].sort(compare));
    expect(policyProblems(rows, parseSchemaVersion)).toEqual([]);
  });

  it("refuses a schema major that gives a dependent only a patch, and versions that go back", () => {
    const rows: Row[] = [row("1.1", "0.2.0"), { schema: "2.0", versions: { ...row("2.0", "0.3.0").versions, "@cohesion/core": "0.2.1" } }];
    expect(policyProblems(rows, parseSchemaVersion)).toEqual([
      "schema 2.0 is a new major, but @cohesion/core went from 0.2.0 to 0.2.1: a schema major needs at least a minor of every dependent while the packages are 0.x (a major after)",
    ]);
    expect(policyProblems([row("1.1", "0.2.0"), row("1.2", "0.1.9")], parseSchemaVersion)[0]).toContain("older than 0.2.0");
    expect(policyProblems([row("1.1", "0.2.0"), row("1.2", "0.2.1"), row("2.0", "0.3.0")], parseSchemaVersion)).toEqual([]);
    expect(breaksCompatibility("1.4.0", "1.5.0")).toBe(false);
    expect(breaksCompatibility("1.4.0", "2.0.0")).toBe(true);
  });

  it("adds or replaces the row of a schema version, in order, and keeps the rest of the README", () => {
    const once = withCompatibilityRow(readme, "1.1", row("1.1", "0.2.0").versions, compare);
    const twice = withCompatibilityRow(withCompatibilityRow(once, "1.0", row("1.0", "0.1.0").versions, compare), "1.1", row("1.1", "0.2.1").versions, compare);
    expect((readCompatibility(twice) as Row[]).map((r) => [r.schema, r.versions["@cohesion/cli"]])).toEqual([
      ["1.0", "0.1.0"],
      ["1.1", "0.2.1"],
    ]);
    expect(twice.replace(/<!-- compatibility table[\s\S]*end of compatibility table -->/, "")).toBe(readme.replace(/<!-- compatibility table[\s\S]*end of compatibility table -->/, ""));
  });

  it("gives every plugin an engines range equal to its peer range on @cohesion/core, which holds the core", () => {
    const packages = publicPackages();
    const core = packages.find((p) => p.name === "@cohesion/core");
    for (const pkg of packages.filter((p) => p.manifest.cohesion !== undefined)) {
      const manifest = pkg.manifest as typeof pkg.manifest & { cohesion: { engines: { cohesion: string } } };
      expect(manifest.cohesion.engines.cohesion, pkg.name).toBe(pkg.manifest.peerDependencies?.["@cohesion/core"]);
      expect(semver.satisfies(core?.version ?? "", manifest.cohesion.engines.cohesion), `${pkg.name} runs on this core`).toBe(true);
    }
  });
});
