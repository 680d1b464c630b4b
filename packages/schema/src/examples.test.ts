import { describe, expect, it } from "vitest";
import { DOCUMENT_KINDS } from "./kinds";
import { schemaProblem } from "./schema-problems";
import { expectedCode, invalidExamplesDir, readExamples, validExamplesDir } from "./test-support";
import { validate } from "./validate";

const valid = readExamples(validExamplesDir);
const invalid = readExamples(invalidExamplesDir);

describe("examples/valid", () => {
  it.each(valid.map((e) => [e.file, e.document] as const))("%s is valid with no problems", (_file, document) => {
    expect(validate(document)).toEqual({ valid: true, errors: [] });
  });

  it("holds at least one document of every kind and every scheme kind", () => {
    const kinds = new Set(valid.map((e) => (e.document as { kind: string }).kind));
    expect([...kinds].sort()).toEqual([...DOCUMENT_KINDS].sort());
    const schemeKinds = valid
      .filter((e) => (e.document as { kind: string }).kind === "scheme")
      .map((e) => (e.document as { schemeKind: string }).schemeKind);
    expect(schemeKinds.sort()).toEqual(["action-plan", "mentoring", "participation"]);
  });
});

describe("examples/invalid", () => {
  it.each(invalid.map((e) => [e.file, e.document] as const))("%s yields exactly the code in its name", (file, document) => {
    const report = validate(document);
    expect(report.valid).toBe(false);
    expect(report.errors.map((p) => p.code)).toEqual([expectedCode(file)]);
  });

  it("names only codes that exist", () => {
    const codes = Object.keys(schemaProblem.definitions);
    for (const { file } of invalid) expect(codes).toContain(expectedCode(file));
  });

  it("covers every error code a document alone can produce", () => {
    // Not producible from a document: too_many_items / too_many_properties (no schema sets a
    // maximum), deprecated_field (a warning, never an invalid document; see versions.test.ts), schema_violation (every keyword
    // our schemas use has its own code) and internal_error (a validator bug). Unit tests cover them.
    const unreachable = ["too_many_items", "too_many_properties", "deprecated_field", "schema_violation", "internal_error"];
    const covered = new Set(invalid.map((e) => expectedCode(e.file)));
    const expected = Object.keys(schemaProblem.definitions).filter((c) => !unreachable.includes(c));
    expect([...covered].sort()).toEqual(expected.sort());
  });
});
