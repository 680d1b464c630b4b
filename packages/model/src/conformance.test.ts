import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { validate } from "@cohesion/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDocument } from "./parse";
import { mutatedDocument } from "@cohesion/test-support";

const root = fileURLToPath(new URL("../../../", import.meta.url));

function jsonFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsonFiles(path);
    return name.endsWith(".json") ? [path] : [];
  });
}

const pluginContent = readdirSync(join(root, "packages"))
  .filter((name) => name.startsWith("plugin-"))
  .flatMap((name) => jsonFiles(join(root, "packages", name, "content")));

const sampleFiles = [
  ...jsonFiles(join(root, "examples/valid")),
  ...jsonFiles(join(root, "examples/assessments")),
  ...pluginContent,
];
const invalidFiles = jsonFiles(join(root, "examples/invalid"));

// Content files may hold an array of documents; an invalid example is always one input as it stands.
function documentsOf(path: string, asOne: boolean): { name: string; document: unknown }[] {
  const value: unknown = JSON.parse(readFileSync(path, "utf8"));
  const name = relative(root, path);
  if (asOne || !Array.isArray(value)) return [{ name, document: value }];
  return value.map((document, index) => ({ name: `${name}[${index}]`, document }));
}

const problemKeys = (errors: readonly { code: string; pointer: string }[]): string[] =>
  [...new Set(errors.map((problem) => `${problem.code} ${problem.pointer}`))].sort();

describe("parsers agree with @cohesion/schema's validate", () => {
  it("finds the examples and plugin content to compare", () => {
    expect(sampleFiles.length).toBeGreaterThan(10);
    expect(invalidFiles.length).toBeGreaterThan(10);
  });

  for (const path of sampleFiles) {
    for (const { name, document } of documentsOf(path, false)) {
      it(`gives the same verdict and problems on ${name}`, () => {
        const expected = validate(document);
        const result = parseDocument(document);
        expect(result.ok).toBe(expected.valid);
        expect(problemKeys(result.report.errors)).toEqual(problemKeys(expected.errors));
        if (result.ok) expect(result.value).toEqual(document);
      });
    }
  }

  for (const name of readdirSync(join(root, "packages")).filter((dir) => dir.startsWith("plugin-"))) {
    it(`gives the same verdict and problems on the manifest of ${name}`, () => {
      const manifest: unknown = JSON.parse(readFileSync(join(root, "packages", name, "package.json"), "utf8")).cohesion;
      const expected = validate(manifest);
      const result = parseDocument(manifest);
      expect(result.ok).toBe(expected.valid);
      expect(problemKeys(result.report.errors)).toEqual(problemKeys(expected.errors));
    });
  }

  for (const path of invalidFiles) {
    for (const { name, document } of documentsOf(path, true)) {
      it(`rejects ${name} with the same codes at the same pointers`, () => {
        const expected = validate(document);
        const result = parseDocument(document);
        expect(expected.valid).toBe(false);
        expect(result.ok).toBe(false);
        expect(problemKeys(result.report.errors)).toEqual(problemKeys(expected.errors));
        // Both list problems in document order.
        const places = (errors: readonly { pointer: string }[]) => [...new Set(errors.map((problem) => problem.pointer))];
        expect(places(result.report.errors)).toEqual(places(expected.errors));
        // The file is named after the code it demonstrates.
        const code = name.split("/").at(-1)?.split("--")[0];
        expect(result.report.errors.map((problem) => problem.code)).toContain(code);
      });
    }
  }

  it("gives the same verdict, codes and pointers on mutations of the real documents", () => {
    const seeds = sampleFiles.flatMap((path) => documentsOf(path, false).map(({ document }) => document));
    fc.assert(
      fc.property(mutatedDocument(seeds), (input) => {
        const expected = validate(input);
        const result = parseDocument(input);
        expect(result.ok).toBe(expected.valid);
        expect(problemKeys(result.report.errors)).toEqual(problemKeys(expected.errors));
        const places = (errors: readonly { pointer: string }[]) => [...new Set(errors.map((problem) => problem.pointer))];
        expect(places(result.report.errors)).toEqual(places(expected.errors));
      }),
      { numRuns: 1000 },
    );
  });
});
