import { existsSync } from "node:fs";
import { join } from "node:path";
import { validate } from "@cohesion/schema";
import { describe, expect, it } from "vitest";
import { CONTRIBUTION_KINDS, PACKAGE_DIR, PUBLICATION, loadContributedDocuments, readManifest } from "./content";

describe("EUROCITIES plugin manifest", () => {
  it("is a valid plugin manifest with the eurocities id", () => {
    const manifest = readManifest();
    const report = validate(manifest);
    expect(report.errors).toEqual([]);
    expect(report.valid).toBe(true);
    expect(manifest["id"]).toBe("eurocities");
  });

  it("lists only content files that exist", () => {
    const contributes = readManifest()["contributes"] as Record<string, string[]>;
    const paths = Object.values(contributes).flat();
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      expect(path.startsWith("content/"), path).toBe(true);
      expect(existsSync(join(PACKAGE_DIR, path)), path).toBe(true);
    }
  });
});

describe("EUROCITIES contributed documents", () => {
  const documents = loadContributedDocuments();

  it("cover every content kind the toolkit gives rise to", () => {
    const kinds = new Set(documents.map((entry) => entry.document["kind"]));
    expect(kinds).toEqual(new Set(["framework", "benchmark", "practice", "place", "scheme"]));
  });

  it.each(documents.map((entry) => [`${entry.file}${entry.index === undefined ? "" : `[${entry.index}]`}`, entry] as const))(
    "%s passes schema validation",
    (_label, entry) => {
      const report = validate(entry.document);
      expect(report.errors).toEqual([]);
      expect(report.valid).toBe(true);
    },
  );

  it("sit under the contributes key that matches their kind", () => {
    for (const entry of documents) expect(entry.document["kind"], entry.file).toBe(CONTRIBUTION_KINDS[entry.key]);
  });

  it("carry ids in the eurocities namespace, each used once", () => {
    const ids = documents.map((entry) => String(entry.document["id"]));
    for (const id of ids) expect(id).toMatch(/^eurocities\.[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("cite the 2014 toolkit, with a section, in their sources", () => {
    for (const entry of documents) {
      const sources = entry.document["sources"] as { publication: string; year: number; section: string }[];
      expect(sources.length, String(entry.document["id"])).toBeGreaterThan(0);
      for (const source of sources) {
        expect(source).toMatchObject({ publication: PUBLICATION, year: 2014 });
        expect(source.section.length).toBeGreaterThan(0);
      }
    }
  });

  it("fail validation when a required field is removed, so the checks above can fail", () => {
    const practice = documents.find((entry) => entry.document["kind"] === "practice");
    expect(practice).toBeDefined();
    const { summary: _summary, ...withoutSummary } = practice?.document ?? {};
    const report = validate(withoutSummary);
    expect(report.valid).toBe(false);
    expect(report.errors.length).toBeGreaterThan(0);
  });
});
