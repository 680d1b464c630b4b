// The generated reference in docs/ (npm run docs): every schema at the path of its $id, a page per
// kind and version, a changelog per version, a catalog; and the staleness check that npm test runs.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot, repoRoot } from "./test-support";
import { SCHEMA_ID_HOST, SCHEMA_VERSION, SCHEMA_VERSIONS } from "./versions";

const docs = join(packageRoot, "docs");
const read = (path: string) => readFileSync(join(docs, path), "utf8");

describe("the schema reference in docs/", () => {
  it("holds every schema of every version at the path of its $id", () => {
    for (const version of SCHEMA_VERSIONS) {
      const schemas = readdirSync(join(docs, version)).filter((f) => f.endsWith(".schema.json"));
      expect(schemas.length).toBeGreaterThan(0);
      for (const file of schemas) expect((JSON.parse(read(`${version}/${file}`)) as { $id: string }).$id).toBe(`${SCHEMA_ID_HOST}${version}/${file}`);
    }
  });

  it("has a page per kind and version listing each field with type, constraints, enum meanings, deprecation and since-version", () => {
    const page = read(`${SCHEMA_VERSION}/assessment.html`);
    expect(page).toContain('<tr id="method">');
    expect(page).toContain("<code>&quot;peer&quot;</code>: Peer cities assessed it.");
    expect(page).toContain("Deprecated since 1.1: use <code>evidenceLinks</code> instead.");
    expect(page).toMatch(/<code>answers\.\*\.evidenceLinks<\/code><br><span class="note">(new in|since) 1\.1/);
    expect(page).toContain("at most 20000 characters");
    expect(read("1.0/assessment.html")).not.toContain("evidenceLinks");
    expect(read(`${SCHEMA_VERSION}/scheme.html`)).toContain("when schemeKind is &quot;participation&quot;");
  });

  it("says on each prose field where its provenance mark (whose words: source or editorial) is, and what the marks mean", () => {
    const page = read(`${SCHEMA_VERSION}/benchmark.html`);
    expect(page).toContain("<strong>Whose words.</strong>");
    const marked = [...page.matchAll(/<tr id="([^"]+)">(?:(?!<\/tr>).)*Whose words: marked in <a href="#([^"]+)">/g)].map((m) => [m[1], m[2]]);
    expect(marked).toContainEqual(["standard", "provenance.standard"]);
    expect(marked).toContainEqual(["sections[].keyFactors[].guideQuestions[].text", "sections[].keyFactors[].guideQuestions[].provenance.text"]);
    expect(marked).toContainEqual(["contextFactors[].mayInvolve", "contextFactors[].provenance.mayInvolve"]);
    // Every mark links to a row of its own on the page, which lists "source" and "editorial" with their meaning.
    for (const [, mark] of marked) expect(page).toContain(`<tr id="${mark}">`);
    expect(page).toContain("<code>&quot;editorial&quot;</code>: Written for Cohesion");
    expect(read(`${SCHEMA_VERSION}/assessment.html`)).toContain('Whose words: marked in <a href="#answers.*.provenance.notes">');
    expect(read("1.1/benchmark.html")).not.toContain("Whose words");
  });

  it("has a changelog per version from the schema diff, and a catalog of every schema with its versions", () => {
    expect(read("1.1/changelog.html")).toContain('new optional field &quot;evidenceLinks&quot;');
    expect(read("CHANGELOG.md")).toMatch(/## 1\.1\n\nA minor change from 1\.0:/);
    const catalog = JSON.parse(read("catalog.json")) as { schemas: Array<{ url: string; versions: Record<string, string> }> };
    const assessment = catalog.schemas.find((s) => s.url.endsWith("/assessment.schema.json"));
    expect(assessment?.url).toBe(`${SCHEMA_ID_HOST}${SCHEMA_VERSION}/assessment.schema.json`);
    expect(Object.keys(assessment?.versions ?? {})).toEqual([...SCHEMA_VERSIONS]);
  });

  it("is checked for staleness: a changed page or a leftover file fails the check, naming it", () => {
    const copy = mkdtempSync(join(tmpdir(), "cohesion-docs-"));
    try {
      for (const part of ["scripts", "schemas", "packages/schema/src", "packages/schema/docs"]) cpSync(join(repoRoot, part), join(copy, part), { recursive: true });
      symlinkSync(join(repoRoot, "node_modules"), join(copy, "node_modules"), "dir");
      const check = () => spawnSync(process.execPath, [join(copy, "scripts/docs.mjs"), "--check"], { encoding: "utf8" });
      expect(check().status).toBe(0);
      writeFileSync(join(copy, "packages/schema/docs/1.0/place.html"), "edited by hand");
      writeFileSync(join(copy, "packages/schema/docs/old.html"), "left over");
      const stale = check();
      expect(stale.status).toBe(1);
      expect(stale.stderr).toContain("stale  1.0/place.html");
      expect(stale.stderr).toContain("extra  old.html");
      expect(spawnSync(process.execPath, [join(copy, "scripts/docs.mjs")], { encoding: "utf8" }).status).toBe(0);
      expect(check().status).toBe(0);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
