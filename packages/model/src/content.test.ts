import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { CohesionDocument } from "@cohesion/schema";
import { describe, expect, it } from "vitest";
import { createCatalog } from "./catalog";
import { checkIntegrity } from "./integrity/check";
import { parseDocument } from "./parse";

const root = fileURLToPath(new URL("../../../", import.meta.url));

function jsonFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsonFiles(path);
    return name.endsWith(".json") ? [path] : [];
  });
}

const files = [
  ...readdirSync(join(root, "packages"))
    .filter((name) => name.startsWith("plugin-"))
    .flatMap((name) => jsonFiles(join(root, "packages", name, "content"))),
  ...jsonFiles(join(root, "examples/assessments")),
];

const documents = files.flatMap((path) => {
  const value: unknown = JSON.parse(readFileSync(path, "utf8"));
  return Array.isArray(value) ? value : [value];
}) as CohesionDocument[];

describe("the shipped content and example assessments, taken together", () => {
  it("parse, and hold together: ids unique, references resolved, answers on the benchmark", () => {
    expect(documents.length).toBeGreaterThan(0);
    for (const document of documents) expect(parseDocument(document).report.errors).toEqual([]);
    expect(checkIntegrity(documents).errors).toEqual([]);
  });

  it("make a catalog in which every practice can be found from what it links to", () => {
    const catalog = createCatalog(documents);
    for (const practice of catalog.practices()) {
      for (const ref of practice.keyFactors ?? []) {
        expect(catalog.keyFactor(ref), ref).toBeDefined();
        expect(catalog.practicesFor(ref)).toContain(practice);
      }
    }
  });
});
