import { describe, expect, it } from "vitest";
import { createValidator } from "./runtime";
import { schemas } from "./schemas";
import { readExamples, validExamplesDir } from "./test-support";
import { validate } from "./validate";

const place = readExamples(validExamplesDir).find((e) => e.file === "place.json")?.document as Record<string, unknown>;

describe("createValidator", () => {
  it("gives the same report as the precompiled validator for a core schema", () => {
    const check = createValidator(schemas.place);
    expect(check(place)).toEqual({ valid: true, errors: [] });
    const bad = { ...place, sizeBand: "larg", titel: "x", id: "Bad" };
    expect(check(bad)).toEqual(validate(bad));
  });

  it("validates against a schema extended by a plugin (merged at run time)", () => {
    const extended = structuredClone(schemas.place) as Record<string, any>;
    // The merged schema keeps the core $id, so its relative $refs still reach the shared defs.
    extended.properties.districts = { title: "Districts", description: "Number of districts.", type: "integer", minimum: 1 };
    const check = createValidator(extended);
    expect(check({ ...place, districts: 8 }).valid).toBe(true);
    expect(check({ ...place, districts: 0 }).errors).toMatchObject([{ code: "out_of_range", pointer: "/districts" }]);
    // The built-in schema still refuses the extension's field.
    expect(validate({ ...place, districts: 8 }).errors).toMatchObject([{ code: "unknown_field" }]);
  });

  it("says what a value of a format only a run-time schema can use looks like", () => {
    const check = createValidator({ type: "object", properties: { at: { type: "string", format: "date-time" }, mail: { type: "string", format: "email" } } });
    expect(check({ at: "noon", mail: "nobody" }).errors.map((e) => e.params.expectation)).toEqual(['a date and time such as "2024-03-15T10:00:00Z"', "an e-mail address"]);
  });

  it("resolves $refs into extra schemas", () => {
    const extra = { $id: "https://example.org/shared.json", $defs: { code: { type: "string", pattern: "^[A-Z]+$", description: "Capital letters only." } } };
    const check = createValidator(
      { type: "object", properties: { code: { $ref: "https://example.org/shared.json#/$defs/code" } } },
      { extraSchemas: [extra] },
    );
    expect(check({ code: "AB" }).valid).toBe(true);
    expect(check({ code: "ab" }).errors[0]?.message).toBe('/code must be capital letters only, but it is "ab"');
  });

  it("reports too_many_items and too_many_properties from schemas that set maximums", () => {
    const check = createValidator({
      type: "object",
      properties: { tags: { type: "array", maxItems: 2 }, meta: { type: "object", maxProperties: 1 } },
    });
    const report = check({ tags: [1, 2, 3], meta: { a: 1, b: 2 } });
    expect(report.errors).toMatchObject([
      { code: "too_many_items", pointer: "/tags", params: { limit: 2, actual: 3, extra: 1 } },
      { code: "too_many_properties", pointer: "/meta", params: { limit: 1, actual: 2, extra: 1 } },
    ]);
  });

  it("warns about deprecated fields without making the document invalid", () => {
    const check = createValidator({
      type: "object",
      properties: {
        items: { type: "array", items: { $ref: "#/$defs/item" } },
      },
      $defs: { item: { type: "object", properties: { label: { type: "string", deprecated: true, description: "Use title instead." } } } },
    });
    expect(check({ items: [{}, { label: "x" }] })).toEqual({
      valid: true,
      errors: [
        {
          code: "deprecated_field",
          severity: "warning",
          pointer: "/items/1/label",
          message: 'field "label" at /items/1/label is deprecated and will go in a future major version — Use title instead.',
          params: { field: "label", sinceText: "", hint: " — Use title instead." },
        },
      ],
    });
  });

  it("names the version that deprecated a field and its replacement, and spares documents older than the deprecation", () => {
    const check = createValidator({
      type: "object",
      properties: {
        schemaVersion: { type: "string" },
        label: { type: "string", deprecated: true, "x-deprecatedSince": "1.1", "x-replacement": "title" },
        title: { type: "string" },
      },
    });
    expect(check({ schemaVersion: "1.1", label: "x" }).errors).toEqual([
      {
        code: "deprecated_field",
        severity: "warning",
        pointer: "/label",
        message: 'field "label" at /label is deprecated since schema version 1.1 and will go in a future major version — use "title" instead',
        params: { field: "label", since: "1.1", replacement: "title", sinceText: " since schema version 1.1", hint: ' — use "title" instead' },
      },
    ]);
    // Written for 1.0, when "label" was still the field to use.
    expect(check({ schemaVersion: "1.0", label: "x" })).toEqual({ valid: true, errors: [] });
    // Without a readable version the warning is given.
    expect(check({ label: "x" }).errors.map((p) => p.code)).toEqual(["deprecated_field"]);
  });

  it("falls back to schema_violation for keywords without a code of their own", () => {
    const check = createValidator({ type: "object", properties: { a: { not: { type: "string" } } } });
    expect(check({ a: "x" }).errors).toMatchObject([{ code: "schema_violation", pointer: "/a", params: { keyword: "not" } }]);
  });

  it("never throws on hostile documents", () => {
    const check = createValidator(schemas.place);
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error("boom"); } });
    expect(check(hostile)).toMatchObject({ valid: false, errors: [{ code: "internal_error" }] });
    expect(check("text")).toMatchObject({ valid: false, errors: [{ code: "not_an_object" }] });
  });

  it("names the schema when it cannot be compiled", () => {
    expect(() => createValidator({ $id: "https://example.org/bad.json", type: "nope" })).toThrow(/https:\/\/example.org\/bad.json/);
  });
});
