import { describe, expect, it } from "vitest";
import type { ValidationProblem } from "./generated/types";
import { validExamplesDir, readExamples } from "./test-support";
import { validate, validateAs } from "./validate";

const examples = Object.fromEntries(readExamples(validExamplesDir).map((e) => [e.file.replace(".json", ""), e.document]));

function example(name: string): Record<string, unknown> {
  return structuredClone(examples[name]) as Record<string, unknown>;
}

function only(document: unknown): ValidationProblem {
  const report = validate(document);
  expect(report.errors).toHaveLength(1);
  return report.errors[0] as ValidationProblem;
}

describe("validate: document-level codes", () => {
  it("not_an_object for arrays, null and primitives", () => {
    for (const value of [[], null, 42, "place", true, undefined]) {
      const p = only(value);
      expect(p).toMatchObject({ code: "not_an_object", severity: "error", pointer: "" });
    }
    expect(only([1]).message).toContain("an array of 1 item");
  });

  it("missing_kind lists the kinds to choose from", () => {
    const p = only({ schemaVersion: "1.0" });
    expect(p.code).toBe("missing_kind");
    expect(p.message).toContain('"benchmark"');
  });

  it("unknown_kind suggests the nearest kind, and never dispatches on inherited names", () => {
    const p = only({ kind: "practise" });
    expect(p).toMatchObject({ code: "unknown_kind", pointer: "/kind", params: { suggestion: "practice" } });
    expect(p.message).toContain('did you mean "practice"?');
    for (const kind of ["constructor", "__proto__", "toString", 7, null]) {
      expect(only({ kind }).code).toBe("unknown_kind");
    }
  });

  it("unsupported_schema_version names the version read", () => {
    const doc = example("place");
    doc.schemaVersion = "2.0";
    const p = only(doc);
    expect(p).toMatchObject({ code: "unsupported_schema_version", pointer: "/schemaVersion" });
    expect(p.message).toContain('"2.0"');
  });

  it("too_deep stops a deeply nested document before the validator runs", () => {
    const doc = example("benchmark");
    let deep: Record<string, unknown> = { id: "q", text: "t" };
    const top = deep;
    for (let i = 0; i < 5000; i++) {
      const next: Record<string, unknown> = { id: "q", text: "t" };
      deep.subQuestions = [next];
      deep = next;
    }
    ((doc.sections as any[])[0].keyFactors[0].guideQuestions as unknown[]).push(top);
    const p = only(doc);
    expect(p.code).toBe("too_deep");
    expect(p.pointer.startsWith("/sections/0/keyFactors/0/guideQuestions/2/subQuestions/0/")).toBe(true);
  });
});

describe("validate: depth of kinds whose schema bounds nesting", () => {
  it("reports a too-deep value anywhere as too_deep alone, as for any other kind", () => {
    for (const kind of ["assessment", "place", "practice"] as const) {
      const doc = example(kind);
      let deep: unknown = "bottom";
      for (let i = 0; i < 5000; i++) deep = { next: deep };
      const p = only({ ...doc, notes: deep });
      expect(p.code).toBe("too_deep");
      expect(p.pointer.startsWith("/notes/next/next/")).toBe(true);
      expect(only({ ...doc, notes: [[[[deep]]]] }).code).toBe("too_deep");
    }
  });
});

describe("validate: hostile input", () => {
  it("answers internal_error instead of throwing when reading the document throws", () => {
    const doc = { kind: "place", get schemaVersion(): string { throw new Error("boom"); } };
    expect(validate(doc)).toMatchObject({ valid: false, errors: [{ code: "internal_error", pointer: "" }] });
    const proxy = new Proxy({}, { has: () => { throw new Error("boom"); }, getOwnPropertyDescriptor: () => { throw new Error("boom"); } });
    expect(validate(proxy)).toMatchObject({ valid: false, errors: [{ code: "internal_error" }] });
  });

  it("answers validateAs and the per-kind functions for exotic values too: a revoked Proxy, throwing getters, anywhere", () => {
    const revocable = Proxy.revocable({ kind: "place" }, {});
    revocable.revoke();
    const getter = { kind: "place", schemaVersion: "1.0", get name(): string { throw new Error("boom"); } };
    const nested = { kind: "place", schemaVersion: "1.0", sources: [revocable.proxy] };
    for (const value of [revocable.proxy, getter, nested, [revocable.proxy]]) {
      for (const kind of ["place", "practice", "assessment"] as const) {
        const report = validateAs(kind, value);
        expect(report.valid).toBe(false);
        expect(report.errors.length).toBeGreaterThan(0);
      }
      expect(validate(value).valid).toBe(false);
    }
    // The message says what the data did and what to pass instead, rather than blaming the validator.
    for (const value of [revocable.proxy, getter]) {
      const [problem] = validateAs("place", value).errors;
      expect(problem?.code).toBe("internal_error");
      expect(problem?.message).toMatch(/^the document could not be read or checked \(reading it threw( Error)?\); pass plain JSON data, or report this$/);
    }
  });

  it("counts a very long string without spreading it into characters", () => {
    const report = validateAs("place", { kind: "place", schemaVersion: "1.0", id: "examples.x", name: "é😀".repeat(4 * 1024 * 1024), country: "SE", sources: [] });
    expect(report.errors.find((p) => p.code === "too_long")?.params).toMatchObject({ actual: 8 * 1024 * 1024 });
  });

  it("does not take kind from the prototype chain", () => {
    expect(only(Object.create({ kind: "place" })).code).toBe("missing_kind");
  });

  it("refuses cyclic documents as too deep", () => {
    const doc: Record<string, unknown> = { kind: "place", schemaVersion: "1.0" };
    doc.population = doc;
    expect(only(doc).code).toBe("too_deep");
  });
});

describe("validate: schema codes", () => {
  it("missing_required_field points at the object and says what the field is", () => {
    const doc = example("place");
    delete doc.country;
    const p = only(doc);
    expect(p).toMatchObject({ code: "missing_required_field", pointer: "", params: { field: "country" } });
    expect(p.message).toBe('missing required field "country" at the document root — add it (the country)');
  });

  it("unknown_field suggests the field meant", () => {
    const doc = example("benchmark");
    (doc.sections as any[])[0].keyFactors[1].titel = "x";
    const p = only(doc);
    expect(p).toMatchObject({ code: "unknown_field", pointer: "/sections/0/keyFactors/1", params: { field: "titel", suggestion: "title" } });
    expect(p.message).toBe('unknown field "titel" at /sections/0/keyFactors/1 — did you mean "title"?');
  });

  it("unknown_field lists the allowed fields when nothing is close", () => {
    const doc = example("place");
    doc.zzzzzz = 1;
    expect(only(doc).message).toContain('the fields allowed here are "kind", "schemaVersion"');
  });

  it("unknown_field comes from unevaluatedProperties too (a field of another scheme kind)", () => {
    const doc = example("scheme-participation");
    doc.mentees = [];
    const p = only(doc);
    expect(p).toMatchObject({ code: "unknown_field", pointer: "", params: { field: "mentees" } });
    expect(p.message).toBe('unknown field "mentees" at the document root — it is allowed only when "schemeKind" is "mentoring"; remove it or change "schemeKind"');
  });

  it("reports only the leaf problem when an if/then branch fails", () => {
    const doc = example("scheme-participation");
    delete (doc.area as Record<string, unknown>).name;
    // Without collapsing, area, stakeholders, resources... would also be called unknown.
    expect(validate(doc).errors.map((e) => [e.code, e.pointer])).toEqual([["missing_required_field", "/area"]]);
  });

  it("invalid_type says what was expected and what was found", () => {
    const doc = example("place");
    (doc.population as Record<string, unknown>).value = "624000";
    const p = only(doc);
    expect(p).toMatchObject({ code: "invalid_type", pointer: "/population/value", params: { actualType: "string" } });
    expect(p.message).toBe('/population/value must be an integer (a whole number), but it is the string "624000"; change its value');
  });

  it("invalid_value lists the allowed values and suggests one", () => {
    const doc = example("place");
    doc.sizeBand = "larg";
    const p = only(doc);
    expect(p).toMatchObject({ code: "invalid_value", pointer: "/sizeBand" });
    expect(p.params.allowedValues).toEqual(["small", "medium", "large", "metropolitan"]);
    expect(p.message).toContain('did you mean "large"?');
  });

  it("invalid_value for a const, such as a kind that does not match validateAs", () => {
    const p = validateAs("scale", { ...example("scale"), kind: "place" }).errors[0];
    expect(p).toMatchObject({ code: "invalid_value", pointer: "/kind" });
    expect(p?.message).toContain('must be "scale"');
  });

  it("pattern_mismatch explains the pattern in words", () => {
    const doc = example("place");
    doc.id = "Helsinki";
    const p = only(doc);
    expect(p).toMatchObject({ code: "pattern_mismatch", pointer: "/id" });
    expect(p.message).toContain("must be a document id: the plugin's namespace, a dot, then a kebab-case name");
  });

  it("pattern_mismatch on an object key points at the key", () => {
    const doc = example("assessment");
    (doc.answers as Record<string, unknown>)["Q 1/2"] = { level: "full" };
    const p = only(doc);
    expect(p).toMatchObject({ code: "pattern_mismatch", pointer: "/answers/Q 1~12" });
    expect(p.message).toContain('the key "Q 1/2" in /answers must be a kebab-case id (lower-case letters and digits joined by single hyphens, for example "participation-strategy")');
  });

  it("too_long and too_short count characters, not UTF-16 units", () => {
    const doc = example("framework");
    (doc.items as any[])[0].code = "😀".repeat(40);
    expect(validate(doc).valid).toBe(true);
    (doc.items as any[])[0].code = "😀".repeat(41);
    expect(only(doc)).toMatchObject({ code: "too_long", pointer: "/items/0/code", params: { limit: 40, actual: 41 } });
    const place = example("place");
    place.name = "";
    expect(only(place)).toMatchObject({ code: "too_short", pointer: "/name", params: { limit: 1, actual: 0 } });
  });

  it("too_few_items says how many are missing", () => {
    const doc = example("benchmark");
    doc.sections = [];
    expect(only(doc)).toMatchObject({ code: "too_few_items", pointer: "/sections", params: { limit: 1, actual: 0, missing: 1 } });
  });

  it("too_few_properties names the fields to choose from", () => {
    const doc = example("practice");
    doc.period = {};
    const p = only(doc);
    expect(p).toMatchObject({ code: "too_few_properties", pointer: "/period" });
    expect(p.message).toContain('"start"');
  });

  it("out_of_range gives the bound", () => {
    const doc = example("place");
    (doc.migrantShares as any[])[1].percent = -1;
    const p = only(doc);
    expect(p).toMatchObject({ code: "out_of_range", pointer: "/migrantShares/1/percent", params: { limit: 0, comparison: "at least" } });
  });

  it("invalid_format rejects dates that do not exist and bad URIs", () => {
    const doc = example("assessment");
    doc.assessedOn = "2023-02-29";
    expect(only(doc)).toMatchObject({ code: "invalid_format", pointer: "/assessedOn", params: { format: "date" } });
    const practice = example("practice");
    practice.links = [{ title: "x", url: "not a uri" }];
    expect(only(practice)).toMatchObject({ code: "invalid_format", pointer: "/links/0/url", params: { format: "uri" } });
  });

  it("duplicate_items names both positions", () => {
    const doc = example("practice");
    doc.domains = ["a.b#c", "a.b#d", "a.b#c"];
    expect(only(doc)).toMatchObject({ code: "duplicate_items", pointer: "/domains", params: { first: 0, second: 2 } });
  });

  it("escapes pointer segments per RFC 6901", () => {
    const doc = example("place");
    doc["a/b~c"] = 1;
    expect(only(doc)).toMatchObject({ code: "unknown_field", pointer: "", params: { field: "a/b~c" } });
    const assessment = example("assessment");
    (assessment.answers as Record<string, unknown>)["kf1-borders"] = { level: "full", "x/y": 1 };
    expect(only(assessment).pointer).toBe("/answers/kf1-borders");
  });

  it("escapes ~ and / in pointers that ajv builds from data keys", () => {
    const doc = example("assessment");
    (doc.answers as Record<string, unknown>)["a/b~c"] = { level: 5 };
    const pointers = validate(doc).errors.map((p) => [p.code, p.pointer]);
    expect(pointers).toEqual([
      ["pattern_mismatch", "/answers/a~1b~0c"],
      ["invalid_type", "/answers/a~1b~0c/level"],
    ]);
  });

  it("reports every problem at once, in a stable order", () => {
    const doc = example("place");
    doc.id = "X";
    doc.name = "";
    delete doc.sources;
    const codes = validate(doc).errors.map((e) => e.code).sort();
    expect(codes).toEqual(["missing_required_field", "pattern_mismatch", "too_short"]);
  });
});
