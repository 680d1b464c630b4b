import { describe, expect, it } from "vitest";
import { guardEvaluatedProps } from "./evaluated-props";
import { createValidator } from "./runtime";
import { schemas } from "./schemas";
import { readExamples, validExamplesDir } from "./test-support";
import { validate } from "./validate";

// Keys an object inherits from Object.prototype: a lookup in a plain object finds each of them.
const INHERITED = ["constructor", "toString", "valueOf", "hasOwnProperty", "__proto__", "isPrototypeOf"];

function withKey(document: Record<string, unknown>, key: string): Record<string, unknown> {
  // JSON.parse makes "__proto__" an own property, as it would be in a document read from a file.
  return JSON.parse(JSON.stringify(document).replace("{", `{${JSON.stringify(key)}:1,`)) as Record<string, unknown>;
}

const schemesWithClosedKinds = readExamples(validExamplesDir)
  .map((e) => e.document as Record<string, unknown>)
  .filter((document) => document.kind === "scheme")
  .map((document) => ({ document }));

describe("unevaluatedProperties and keys inherited from Object.prototype", () => {
  it("has scheme examples to test with (the scheme schema closes each kind with unevaluatedProperties)", () => {
    expect(schemesWithClosedKinds.length).toBeGreaterThan(0);
    expect(JSON.stringify(schemas.scheme)).toContain('"unevaluatedProperties":false');
  });

  it.each(INHERITED)("validate reports %s on a scheme as an unknown field", (key) => {
    for (const { document } of schemesWithClosedKinds) {
      const report = validate(withKey(document, key));
      expect(report.valid).toBe(false);
      expect(report.errors).toContainEqual(expect.objectContaining({ code: "unknown_field", pointer: "", params: expect.objectContaining({ field: key }) }));
    }
  });

  it.each(INHERITED)("a validator compiled at run time reports %s too", (key) => {
    const check = createValidator(schemas.scheme);
    for (const { document } of schemesWithClosedKinds) {
      expect(check(withKey(document, key)).errors).toContainEqual(expect.objectContaining({ code: "unknown_field", pointer: "", params: expect.objectContaining({ field: key }) }));
    }
  });

  it("does not pollute Object.prototype while checking", () => {
    for (const { document } of schemesWithClosedKinds) validate(withKey(document, "__proto__"));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  it("rewrites only negated lookups, leaving assignments alone", () => {
    expect(guardEvaluatedProps("if(!props0 || !props0[key13]){props1[key2] = true;}")).toBe(
      "if(!props0 || !Object.prototype.hasOwnProperty.call(props0, key13)){props1[key2] = true;}",
    );
  });
});
