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
    const key = fc.constantFrom("a", "b", "a:b", "\\u003a", "c\\u003A");
    const leaf = fc.oneof(fc.constantFrom('"x:y"', '"\\u003a"', "1", "null", '"https://example.org"'), fc.string().map((s) => JSON.stringify(s)));
    const text = fc.letrec<{ value: string }>((tie) => ({
      value: fc.oneof(
        { depthSize: "small" },
        leaf,
        fc.array(tie("value"), { maxLength: 4 }).map((items) => `[${items.join(",")}]`),
        fc.array(fc.tuple(key, tie("value")), { maxLength: 4 }).map((members) => `{${members.map(([k, v]) => `"${k}":${v}`).join(",")}}`),
      ),
    })).value;
    fc.assert(
      fc.property(text, (json) => {
        const scanned = duplicateKeysOf(json);
        expect(hasDuplicateKeys(json, JSON.parse(json))).toBe(scanned.length > 0);
        // Given the value, the same repeats, with the scan skipped only when the count rules them out.
        expect(duplicateKeysOf(json, JSON.parse(json))).toEqual(scanned);
      }),
      { numRuns: 500 },
    );
  });
});
