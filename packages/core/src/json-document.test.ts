import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { duplicateKeysOf, hasDuplicateKeys, parseJsonDocument } from "./json";

describe("parseJsonDocument", () => {
  it("gives the value, positions of pointers and repeated keys with both places", () => {
    const read = parseJsonDocument('{\n  "id": "bad id",\n  "kind": "place",\n  "id": "good"\n}');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value).toEqual({ id: "good", kind: "place" });
    expect(read.locate("/kind")).toEqual({ line: 3, column: 3 });
    expect(read.locate("/kind/missing")).toEqual({ line: 3, column: 3 });
    expect(read.duplicates).toEqual([{ pointer: "/id", first: { line: 2, column: 3 }, kept: { line: 4, column: 3 } }]);
  });

  it("lists a repeat once, not again for what lies inside it", () => {
    expect(duplicateKeysOf('[{"a": {"x": 1, "y": 2}, "a": {"x": 3}}]').map((d) => d.pointer)).toEqual(["/0/a"]);
  });

  it("reports a syntax error with line and column", () => {
    expect(parseJsonDocument('{\n "a": 1,\n}')).toMatchObject({ ok: false, line: 3, column: 1 });
  });
});

describe("hasDuplicateKeys", () => {
  it("agrees with the full scan on any JSON text, repeated keys and escaped colons included", () => {
    // Keys and strings that put quotes, backslashes, commas, brackets and whitespace right before a colon,
    // where the count of keys from the characters around the colons must give up rather than guess.
    const key = fc.constantFrom("a", "b", "a:b", "\\u003a", "c\\u003A", "", "a\\\"", "\\\\", ",", ":", "{", "[", " ", "x\\u0022", "__proto__");
    const colon = fc.constantFrom(":", " :", ": ", "\n:\t");
    const leaf = fc.oneof(
      fc.constantFrom('"x:y"', '"\\u003a"', "1", "null", '"https://example.org"', '":x"', '"a\\":"', '"a :b"', '","', '" "'),
      fc.string().map((s) => JSON.stringify(s)),
      fc.string({ unit: fc.constantFrom(":", '"', "\\", ",", " ", "{", "a") }).map((s) => JSON.stringify(s)),
    );
    const text = fc.letrec<{ value: string }>((tie) => ({
      value: fc.oneof(
        { depthSize: "small" },
        leaf,
        fc.array(tie("value"), { maxLength: 4 }).map((items) => `[${items.join(",")}]`),
        fc.array(fc.tuple(key, colon, tie("value")), { maxLength: 4 }).map((members) => `{${members.map(([k, c, v]) => `"${k}"${c}${v}`).join(",")}}`),
      ),
    })).value;
    fc.assert(
      fc.property(text, (json) => {
        const scanned = duplicateKeysOf(json);
        expect(hasDuplicateKeys(json, JSON.parse(json))).toBe(scanned.length > 0);
        // Given the value, the same repeats, with the scan skipped only when the count rules them out.
        expect(duplicateKeysOf(json, JSON.parse(json))).toEqual(scanned);
      }),
      { numRuns: 2000 },
    );
  });

  it("still finds a repeat when something enumerable has been added to Object.prototype", () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto["polluted"] = 1;
    try {
      expect(hasDuplicateKeys('{"a":1,"a":2}', { a: 2 })).toBe(true);
      expect(duplicateKeysOf('[{"b":{"c":1,"c":2}}]', [{ b: { c: 2 } }]).map((d) => d.pointer)).toEqual(["/0/b/c"]);
    } finally {
      delete proto["polluted"];
    }
  });
});
