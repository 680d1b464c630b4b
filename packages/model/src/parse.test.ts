import { MAX_DEPTH } from "@cohesion/schema";
import { describe, expect, it } from "vitest";
import { MATURITY_SCALE } from "./builtin/scales";
import {
  parseAssessment,
  parseBenchmark,
  parseDocument,
  parseDocumentAs,
  parsePlace,
  parseScale,
  parseScheme,
} from "./parse";
import { fixtures } from "@cohesion/test-support";

const codesAt = (result: { report: { errors: { code: string; pointer: string }[] } }) =>
  result.report.errors.map((problem) => `${problem.code} ${problem.pointer}`);

describe("parseDocument", () => {
  it("returns every valid fixture as it is, with an empty valid report", () => {
    for (const document of Object.values(fixtures.VALID_DOCUMENTS)) {
      const result = parseDocument(document);
      expect(result).toEqual({ ok: true, value: document, report: { valid: true, errors: [] } });
      if (result.ok) expect(result.value).not.toBe(document);
    }
  });

  it("parses the built-in scales", () => {
    expect(parseScale(MATURITY_SCALE).ok).toBe(true);
  });

  it("refuses what is not an object", () => {
    for (const input of [null, 42, "benchmark", [fixtures.place], undefined]) {
      expect(codesAt(parseDocument(input))).toEqual(["not_an_object "]);
    }
  });

  it("asks for a kind, and names the kind meant when it is misspelt", () => {
    const { kind: _kind, ...noKind } = fixtures.place;
    expect(codesAt(parseDocument(noKind))).toEqual(["missing_kind "]);
    const misspelt = parseDocument({ ...fixtures.benchmark, kind: "benchmrk" });
    expect(codesAt(misspelt)).toEqual(["unknown_kind /kind"]);
    expect(misspelt.report.errors[0]?.params["suggestion"]).toBe("benchmark");
    expect(misspelt.report.errors[0]?.message).toContain('did you mean "benchmark"');
  });

  it("reports a schema version of another major release as unsupported", () => {
    const result = parseDocument({ ...fixtures.place, schemaVersion: "2.0" });
    expect(codesAt(result)).toEqual(["unsupported_schema_version /schemaVersion"]);
    expect(result.report.errors[0]?.params["version"]).toBe("2.0");
    // A minor version newer than this release is refused too, though it matches the pattern.
    expect(codesAt(parseDocument({ ...fixtures.place, schemaVersion: "1.99" }))).toEqual(["unsupported_schema_version /schemaVersion"]);
  });

  it("warns about deprecated fields from the version that deprecates them, and still parses", () => {
    const answers = { "q-budget": { level: "full", evidence: "The budget line of 2014." } };
    const current = parseAssessment({ ...fixtures.assessment, schemaVersion: "1.1", answers });
    expect(current.ok).toBe(true);
    expect(current.report.valid).toBe(true);
    expect(current.report.errors).toHaveLength(1);
    expect(current.report.errors[0]).toMatchObject({
      code: "deprecated_field",
      severity: "warning",
      pointer: "/answers/q-budget/evidence",
      params: { field: "evidence", since: "1.1", replacement: "evidenceLinks" },
    });
    // Written for 1.0, when evidence was the way to give it: no warning.
    expect(parseAssessment({ ...fixtures.assessment, schemaVersion: "1.0", answers }).report.errors).toEqual([]);
  });

  it("lists problems in document order", () => {
    const result = parsePlace({ ...fixtures.place, sizeBand: "huge", name: "", country: "dk" });
    expect(codesAt(result)).toEqual(["too_short /name", "pattern_mismatch /country", "invalid_value /sizeBand"]);
  });

  it("reports missing and unknown fields at the object that holds them, as validate does", () => {
    const { country: _country, ...place } = fixtures.place;
    const result = parsePlace({ ...place, population: { ...fixtures.place.population, valu: 3 } });
    expect(codesAt(result)).toEqual(["missing_required_field ", "unknown_field /population"]);
    expect(result.report.errors[0]?.params).toMatchObject({ field: "country" });
    expect(result.report.errors[1]?.params).toMatchObject({ field: "valu" });
  });

  it("checks lengths in characters, not UTF-16 units, as JSON Schema does", () => {
    const emoji = "😀".repeat(40);
    expect(parseBenchmark({ ...fixtures.benchmark, sections: [{ ...fixtures.benchmark.sections[0], id: "a" }] }).ok).toBe(true);
    const withCode = structuredClone(fixtures.framework) as any;
    withCode.items[0].code = emoji;
    expect(parseDocument(withCode).ok).toBe(true);
    withCode.items[0].code = `${emoji}x`;
    expect(codesAt(parseDocument(withCode))).toEqual(["too_long /items/0/code"]);
  });

  it("checks dates and URIs as ajv-formats does", () => {
    expect(codesAt(parseAssessment({ ...fixtures.assessment, assessedOn: "2023-02-29" }))).toEqual(["invalid_format /assessedOn"]);
    expect(parseAssessment({ ...fixtures.assessment, assessedOn: "2024-02-29" }).ok).toBe(true);
    const practice = { ...fixtures.practice, links: [{ title: "Page", url: "example.org/page" }] };
    expect(codesAt(parseDocument(practice))).toEqual(["invalid_format /links/0/url"]);
  });

  it("checks answer keys as local ids, at the key's own pointer", () => {
    const result = parseAssessment({ ...fixtures.assessment, answers: { "Q 1": { level: "full" } } });
    expect(codesAt(result)).toEqual(["pattern_mismatch /answers/Q 1"]);
  });

  it("reads the scheme's fields by its schemeKind", () => {
    expect(parseScheme(fixtures.mentoringScheme).ok).toBe(true);
    const mixed = parseScheme({ ...fixtures.participationScheme, mentor: fixtures.mentoringScheme.mentor });
    expect(codesAt(mixed)).toEqual(["unknown_field "]);
    const { area: _area, ...noArea } = fixtures.participationScheme;
    expect(codesAt(parseScheme(noArea))).toEqual(["missing_required_field "]);
    // An unknown schemeKind is the one problem: the variant fields are not piled on as unknown.
    expect(codesAt(parseScheme({ ...fixtures.participationScheme, schemeKind: "festival" }))).toEqual(["invalid_value /schemeKind"]);
  });

  it("refuses nesting deeper than the schema package allows, without recursing into it", () => {
    let question: Record<string, unknown> = { id: "q", text: "Deep?" };
    for (let level = 0; level < 200; level += 1) question = { id: `q${level}`, text: "Deep?", subQuestions: [question] };
    const benchmark = structuredClone(fixtures.benchmark) as any;
    benchmark.sections[0].keyFactors[0].guideQuestions = [question];
    const result = parseBenchmark(benchmark);
    expect(result.ok).toBe(false);
    expect(result.report.errors).toHaveLength(1);
    expect(result.report.errors[0]).toMatchObject({ code: "too_deep", params: { limit: MAX_DEPTH } });
  });

  it("refuses a cyclic value as too deep", () => {
    const cyclic: Record<string, unknown> = { ...fixtures.place };
    cyclic["population"] = cyclic;
    expect(parseDocument(cyclic).report.errors[0]?.code).toBe("too_deep");
  });

  it("answers with a report when reading the input throws", () => {
    const hostile = { ...fixtures.place };
    Object.defineProperty(hostile, "name", {
      enumerable: true,
      get() {
        throw new Error("no");
      },
    });
    expect(codesAt(parseDocument(hostile))).toEqual(["internal_error "]);
  });
});

describe("parseDocumentAs and the parsers of one kind", () => {
  it("report a document of another kind at /kind", () => {
    expect(codesAt(parseBenchmark(fixtures.place))).toContain("invalid_value /kind");
    expect(parseDocumentAs("place", fixtures.place).ok).toBe(true);
    expect(codesAt(parseDocumentAs("scale", fixtures.place))).toContain("invalid_value /kind");
  });

  it("refuse a kind that does not exist", () => {
    expect(codesAt(parseDocumentAs("festival" as "place", fixtures.place))).toEqual(["unknown_kind "]);
  });
});

describe("hints in parse reports", () => {
  it("suggest the field meant by an unknown one", () => {
    const benchmark = structuredClone(fixtures.benchmark) as any;
    benchmark.sections[1].keyFactors[0].statment = "The city evaluates.";
    const unknown = parseBenchmark(benchmark).report.errors[0];
    expect(unknown).toMatchObject({ code: "unknown_field", pointer: "/sections/1/keyFactors/0", params: { field: "statment", suggestion: "statement" } });
    expect(unknown?.message).toContain('did you mean "statement"?');
  });

  it("list the allowed fields when nothing is close, following nested and recursive objects", () => {
    const benchmark = structuredClone(fixtures.benchmark) as any;
    benchmark.sections[0].keyFactors[0].guideQuestions[0].subQuestions[1].colour = "red";
    const unknown = parseBenchmark(benchmark).report.errors[0];
    expect(unknown?.pointer).toBe("/sections/0/keyFactors/0/guideQuestions/0/subQuestions/1");
    expect(unknown?.message).toContain('"subQuestions"');
  });

  it("suggest the value meant by a misspelt enum value", () => {
    const result = parsePlace({ ...fixtures.place, sizeBand: "meduim" });
    expect(result.report.errors[0]).toMatchObject({ code: "invalid_value", pointer: "/sizeBand", params: { hint: ' — did you mean "medium"?' } });
  });
});
