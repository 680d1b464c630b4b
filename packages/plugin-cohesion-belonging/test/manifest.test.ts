import { existsSync } from "node:fs";
import { join } from "node:path";
import { validate } from "@cohesion/schema";
import { describe, expect, it } from "vitest";
import {
  CONTRIBUTION_KINDS,
  EVIDENCE_REVIEW,
  LESSONS_REPORT,
  NAMESPACE,
  PACKAGE_DIR,
  loadContributedDocuments,
  readManifest,
} from "./content";

describe("Cohesion and Belonging plugin manifest", () => {
  it("is a valid plugin manifest with the plugin's id", () => {
    const manifest = readManifest();
    const report = validate(manifest);
    expect(report.errors).toEqual([]);
    expect(report.valid).toBe(true);
    expect(manifest["id"]).toBe(NAMESPACE);
  });

  it("points only at content files that exist", () => {
    const contributes = readManifest()["contributes"] as Record<string, string[]>;
    const paths = Object.values(contributes).flat();
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) expect(existsSync(join(PACKAGE_DIR, path)), path).toBe(true);
  });
});

describe("Cohesion and Belonging contributed documents", () => {
  const documents = loadContributedDocuments();

  it("are all loaded through the manifest", () => {
    const kinds = documents.map((entry) => entry.document["kind"]);
    expect(new Set(kinds)).toEqual(new Set(["framework", "scale", "practice", "place", "scheme"]));
  });

  it.each(documents.map((entry) => [`${entry.file}${entry.index === undefined ? "" : `[${entry.index}]`}`, entry] as const))(
    "%s passes schema validation",
    (_label, entry) => {
      const report = validate(entry.document);
      expect(report.errors).toEqual([]);
      expect(report.valid).toBe(true);
    },
  );

  it("sit under the contributes key matching their kind", () => {
    for (const entry of documents) expect(entry.document["kind"], entry.file).toBe(CONTRIBUTION_KINDS[entry.key]);
  });

  it("carry ids in the plugin's namespace, each used once", () => {
    const ids = documents.map((entry) => String(entry.document["id"]));
    for (const id of ids) expect(id).toMatch(/^cohesion-belonging\.[a-z0-9-]+$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("cite one of the two Gidley (2016) papers, with a section, in every source", () => {
    for (const entry of documents) {
      const sources = entry.document["sources"] as { publication: string; year: number; section: string }[];
      expect(sources.length, String(entry.document["id"])).toBeGreaterThan(0);
      for (const source of sources) {
        expect([LESSONS_REPORT, EVIDENCE_REVIEW]).toContain(source.publication);
        expect(source.year).toBe(2016);
        expect(source.section.length).toBeGreaterThan(0);
      }
    }
  });

  it("reject a document that breaks the schema, so the validation above is not vacuous", () => {
    const place = documents.find((entry) => entry.document["kind"] === "place");
    expect(place).toBeDefined();
    const broken = { ...place?.document, sizeBand: "enormous" };
    const report = validate(broken);
    expect(report.valid).toBe(false);
    expect(report.errors.some((problem) => problem.pointer === "/sizeBand")).toBe(true);
  });
});
