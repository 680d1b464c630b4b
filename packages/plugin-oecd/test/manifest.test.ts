import { existsSync } from "node:fs";
import { join } from "node:path";
import { validate } from "@cohesion/schema";
import { describe, expect, it } from "vitest";
import { CONTRIBUTION_KINDS, PACKAGE_DIR, loadContributedDocuments, readManifest } from "./content";

describe("OECD plugin manifest", () => {
  it("is a valid plugin manifest with the oecd id", () => {
    const manifest = readManifest();
    const report = validate(manifest);
    expect(report.errors).toEqual([]);
    expect(report.valid).toBe(true);
    expect(manifest["id"]).toBe("oecd");
  });

  it("points only at content files that exist", () => {
    const contributes = readManifest()["contributes"] as Record<string, string[]>;
    const paths = Object.values(contributes).flat();
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) expect(existsSync(join(PACKAGE_DIR, path)), path).toBe(true);
  });
});

describe("OECD contributed documents", () => {
  const documents = loadContributedDocuments();

  it("are all loaded through the manifest", () => {
    const kinds = documents.map((entry) => entry.document["kind"]);
    expect(new Set(kinds)).toEqual(new Set(["framework", "benchmark", "practice", "place"]));
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
    for (const id of ids) expect(id).toMatch(/^oecd\.[a-z0-9-]+$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("cite the OECD publication and a section of the Block 2 chapter", () => {
    for (const entry of documents) {
      const sources = entry.document["sources"] as { publication: string; year: number; section: string }[];
      expect(sources.length).toBeGreaterThan(0);
      expect(sources[0]).toMatchObject({ publication: "Working Together for Local Integration of Migrants and Refugees", year: 2018 });
      expect(sources[0]?.section).toMatch(/^Chapter 4\. Block 2\. Time and space/);
    }
  });

  it("are refused by validate when a required field is removed, so the check above can fail", () => {
    const benchmark = documents.find((entry) => entry.document["kind"] === "benchmark")?.document ?? {};
    const { standard: _dropped, ...withoutStandard } = benchmark;
    const report = validate(withoutStandard);
    expect(report.valid).toBe(false);
    expect(report.errors.length).toBeGreaterThan(0);
  });
});
