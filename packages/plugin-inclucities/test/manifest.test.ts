import { existsSync } from "node:fs";
import { join } from "node:path";
import { validate } from "@cohesion/schema";
import { describe, expect, it } from "vitest";
import { CONTRIBUTION_KINDS, PACKAGE_DIR, loadContributedDocuments, readManifest } from "./content";

describe("IncluCities plugin manifest", () => {
  it("is a valid plugin manifest", () => {
    const report = validate(readManifest());
    expect(report.errors).toEqual([]);
    expect(report.valid).toBe(true);
  });

  it("points only at content files that exist", () => {
    const contributes = readManifest()["contributes"] as Record<string, string[]>;
    const paths = Object.values(contributes).flat();
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) expect(existsSync(join(PACKAGE_DIR, path)), path).toBe(true);
  });
});

describe("IncluCities contributed documents", () => {
  const documents = loadContributedDocuments();

  it("are all loaded through the manifest", () => {
    const kinds = documents.map((entry) => entry.document["kind"]);
    expect(new Set(kinds)).toEqual(new Set(["framework", "benchmark", "practice", "place", "scheme"]));
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
    for (const id of ids) expect(id).toMatch(/^inclucities\.[a-z0-9-]+$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("cite the toolkit in their sources", () => {
    for (const entry of documents) {
      const sources = entry.document["sources"] as { publication: string; year: number }[];
      expect(sources.length).toBeGreaterThan(0);
      expect(sources[0]).toMatchObject({ publication: "IncluCities thematic toolkit: Building a 'city for all'", year: 2022 });
    }
  });
});
