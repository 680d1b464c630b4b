import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { locatePointers } from "./json-positions";
import { JSON_NESTING_LIMIT, scanJson } from "./json-scanner";
import { parseJsonText } from "./json-text";

function jsonParse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, "")) as unknown };
  } catch {
    return { ok: false };
  }
}

function pointersOf(value: unknown, base = ""): Array<[string, unknown, string | undefined]> {
  const here: [string, unknown, string | undefined] = [base, value, undefined];
  if (Array.isArray(value)) return [here, ...value.flatMap((item, index) => pointersOf(item, `${base}/${index}`))];
  if (typeof value === "object" && value !== null) {
    return [
      here,
      ...Object.entries(value).flatMap(([key, item]) => {
        const [first, ...rest] = pointersOf(item, `${base}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`);
        return [[first![0], item, key] as [string, unknown, string | undefined], ...rest];
      }),
    ];
  }
  return [here];
}

describe("scanJson", () => {
  it("accepts valid JSON and reports each value's pointer where it starts, members at their key", () => {
    const seen: Array<[string, number]> = [];
    expect(scanJson(' {"a": [1, {"b~/": null}], "\\u0063": "x"} ', 0, (pointer, offset) => seen.push([pointer, offset]))).toBeUndefined();
    expect(seen).toEqual([
      ["", 1],
      ["/a", 2],
      ["/a/0", 8],
      ["/a/1", 11],
      ["/a/1/b~0~1", 12],
      ["/c", 27],
    ]);
  });

  it("names the first error and where it is", () => {
    const cases: Array<[string, number, string]> = [
      ["", 0, "unexpected end of input: expected a JSON value"],
      ["[1,]", 3, "expected a JSON value"],
      ['{"a" 1}', 5, 'expected ":" after a property name'],
      ['{"a":1 "b":2}', 7, 'expected "," or "}" after a property value'],
      ["[1 2]", 3, 'expected "," or "]" after an array element'],
      ["{'a':1}", 1, "expected a property name in double quotes"],
      ['"a\\x"', 3, "bad escape sequence"],
      ['"\\u12g4"', 5, "bad \\u escape: expected four hex digits"],
      ['"a\nb"', 2, "control character in string: escape it"],
      ['"abc', 4, "unexpected end of input: unterminated string"],
      ["-x", 1, "expected a digit"],
      ["1.e5", 2, "expected a digit after the decimal point"],
      ["1e+", 3, "unexpected end of input: expected a digit in the exponent"],
      ["tru", 3, 'unexpected end of input: expected "true"'],
      ["nul1", 3, 'expected "null"'],
      ["01", 1, "unexpected text after the JSON value"],
    ];
    for (const [text, offset, reason] of cases) expect(scanJson(text), text).toEqual({ offset, reason, tooDeep: false });
  });

  it("stops at its nesting limit without recursing, however deep the text", () => {
    const depth = 1_000_000;
    const deep = "[".repeat(depth) + "]".repeat(depth);
    expect(scanJson(deep)).toEqual({ offset: JSON_NESTING_LIMIT + 1, reason: "nesting too deep", tooDeep: true });
    const limit = "[".repeat(JSON_NESTING_LIMIT + 1) + "]".repeat(JSON_NESTING_LIMIT + 1);
    expect(scanJson(limit)).toBeUndefined();
    expect(parseJsonText(deep.slice(0, -1))).toMatchObject({ ok: false, offset: JSON_NESTING_LIMIT + 1, reason: "nesting too deep" });
    // Valid JSON past the limit is still located down to the limit.
    const locate = locatePointers(deep);
    expect(locate?.("/0/0")).toEqual({ line: 1, column: 3 });
    expect(locate?.("/0".repeat(JSON_NESTING_LIMIT + 5))).toEqual({ line: 1, column: JSON_NESTING_LIMIT + 1 });
  });
});

describe("parseJsonText and locatePointers over one scanner", () => {
  it("parseJsonText agrees with JSON.parse on any JSON value, compact or indented", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2, "\t"), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        expect(parseJsonText(text)).toEqual({ ok: true, value: JSON.parse(text) as unknown });
      }),
    );
  });

  it("parseJsonText gives JSON.parse's value, or an error exactly when JSON.parse throws", () => {
    const jsonish = fc.constantFrom(..."{}[]:,\"\\ \n\t-+.eE019afrtnlu\uFEFF\u0001x".split(""));
    const broken = fc
      .tuple(fc.json(), fc.nat(), fc.nat(2), fc.string({ unit: jsonish, maxLength: 2 }))
      .map(([json, at, cut, insert]) => json.slice(0, at % (json.length + 1)) + insert + json.slice((at % (json.length + 1)) + cut));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: jsonish }), broken), (text) => {
        const expected = jsonParse(text);
        const result = parseJsonText(text);
        if (expected.ok) expect(result).toEqual({ ok: true, value: expected.value });
        else {
          expect(result.ok).toBe(false);
          if (!result.ok) {
            expect(result.offset).toBeLessThanOrEqual(text.length);
            expect(result.reason).not.toBe("");
            expect(scanJson(text, text.startsWith("\uFEFF") ? 1 : 0)?.offset).toBe(result.offset);
          }
        }
        expect(locatePointers(text) !== undefined).toBe(expected.ok);
      }),
      { numRuns: 1000 },
    );
  });

  it("locatePointers puts every pointer at its key or its value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2), fc.boolean(), (value, indent, bom) => {
        const text = (bom ? "\uFEFF" : "") + JSON.stringify(value, null, indent);
        const locate = locatePointers(text);
        const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((match) => match.index + 1)];
        for (const [pointer, item, key] of pointersOf(value)) {
          const at = locate?.(pointer);
          expect(at, pointer).toBeDefined();
          const rest = text.slice((lineStarts[at!.line - 1] as number) + at!.column - 1);
          if (key !== undefined) expect(rest.startsWith(`${JSON.stringify(key)}:`), pointer).toBe(true);
          else if (Array.isArray(item)) expect(rest.startsWith("["), pointer).toBe(true);
          else if (typeof item === "object" && item !== null) expect(rest.startsWith("{"), pointer).toBe(true);
          else expect(rest.startsWith(JSON.stringify(item)), pointer).toBe(true);
        }
      }),
    );
  });
});
