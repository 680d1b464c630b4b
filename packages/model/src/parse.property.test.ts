import { isDocumentKind, validate, validateAs, type ValidationReport } from "@cohesion/schema";
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
import { documentSchemas } from "./generated/zod";
import { expectWellFormed as expectReport, mutatedDocument as mutatedDocument_, VALID_DOCUMENTS } from "@cohesion/test-support";

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

function expectParseResult(result: ParseResult<unknown>): void {
  expectReport(result.report);
  expect(result.report.valid).toBe(result.ok);
  if (!result.ok) expect(result.report.errors.length).toBeGreaterThan(0);
}

const problemKeys = (report: ValidationReport): string[] =>
  [...new Set(report.errors.map((problem) => `${problem.code} ${problem.pointer}`))].sort();

const fixtures = Object.values(VALID_DOCUMENTS) as unknown[];
const mutatedDocument = mutatedDocument_(fixtures);

describe("parsers on arbitrary input", () => {
  for (const [name, parse] of Object.entries(PARSERS)) {
    it(`${name} never throws and always answers with a well-formed report`, () => {
      fc.assert(
        fc.property(fc.oneof(fc.jsonValue(), fc.anything(), mutatedDocument), (input) => {
          expectParseResult(parse(input));
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
        const places = (errors: readonly { pointer: string }[]) => [...new Set(errors.map((problem) => problem.pointer))];
        expect(places(result.report.errors)).toEqual(places(expected.errors));
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

describe("the generated zod schemas", () => {
  const kindOf = (input: unknown) =>
    typeof input === "object" && input !== null && "kind" in input && isDocumentKind(input.kind) ? input.kind : undefined;

  it("give the validator's verdict on mutated documents, keys named like Object.prototype members at any depth included", () => {
    fc.assert(
      fc.property(mutatedDocument, fc.constantFrom(...(Object.keys(documentSchemas) as (keyof typeof documentSchemas)[])), (input, other) => {
        // Each document against its own kind's schema, and against another kind's.
        for (const kind of new Set([kindOf(input) ?? other, other])) {
          expect(documentSchemas[kind].safeParse(input).success, kind).toBe(validateAs(kind, input).valid);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("accept every valid fixture", () => {
    for (const document of fixtures) {
      const kind = kindOf(document);
      expect(kind).toBeDefined();
      if (kind) expect(documentSchemas[kind].safeParse(document).success).toBe(true);
    }
  });
});

describe("parsers keep every key", () => {
  it("return a valid document with a key named like an Object.prototype member as given", () => {
    const assessment = (fixtures as { kind?: string }[]).find((d) => d.kind === "assessment");
    const input = JSON.parse(JSON.stringify(assessment).replace('"answers":{', '"answers":{"__proto__":{"level":"full"},'));
    const result = parseDocument(input);
    expect(result.ok).toBe(validate(input).valid);
    expect(result.ok).toBe(false);
    expect(result.report.errors.some((problem) => problem.pointer === "/answers/__proto__")).toBe(true);
  });
});

