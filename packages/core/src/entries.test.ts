import { describe, expect, it } from "vitest";

// The built entries, as a program that imports both `@cohesion/core` and `@cohesion/core/json` loads them.
const host = await import(new URL("../dist/index.js", import.meta.url).href);
const json = await import(new URL("../dist/json.js", import.meta.url).href);

describe("the JSON text tools of both entries", () => {
  it("are one module, not a copy per entry", () => {
    for (const name of ["parseJsonText", "parseJsonDocument", "parseOrRefuse", "jsonSyntaxError", "duplicateKeysOf", "hasDuplicateKeys", "locatePointers", "JsonRefusal"]) {
      expect(typeof json[name], name).toBe("function");
      expect(host[name], name).toBe(json[name]);
    }
  });

  it("read each other's refusals", () => {
    const text = '{"a": 1,}';
    const refusal = host.parseOrRefuse(text);
    expect(refusal).toBeInstanceOf(json.JsonRefusal);
    expect(json.jsonSyntaxError(text, refusal)).toEqual({ line: 1, column: 9, offset: 8, reason: "expected a property name in double quotes" });
  });
});
