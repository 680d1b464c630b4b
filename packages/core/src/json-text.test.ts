import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JsonRefusal, parseJsonText, parseOrRefuse } from "./json-text";

describe("parseJsonText", () => {
  it("parses valid JSON, with or without a byte order mark", () => {
    expect(parseJsonText('{"a":[1,2]}')).toEqual({ ok: true, value: { a: [1, 2] } });
    expect(parseJsonText('\uFEFF{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
  });

  it("points at a trailing comma", () => {
    expect(parseJsonText('{\n  "a": 1,\n}')).toMatchObject({ ok: false, line: 3, column: 1, offset: 12 });
  });

  it("points at a missing value where V8 gives no position", () => {
    const result = parseJsonText('{"a":}');
    expect(result).toMatchObject({ ok: false, line: 1, column: 6, reason: "expected a JSON value" });
  });

  it("reports an unterminated document at its end", () => {
    const result = parseJsonText('[\n  1,\n  2');
    expect(result).toMatchObject({ ok: false, line: 3, column: 4 });
    if (!result.ok) expect(result.reason).toMatch(/end of input/);
  });

  it("rejects text after the value and single quotes", () => {
    expect(parseJsonText("{} x")).toMatchObject({ ok: false, column: 4 });
    expect(parseJsonText("{'a': 1}")).toMatchObject({ ok: false, column: 2 });
  });

  it("agrees with JSON.parse on any text and never throws", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.json().map((json) => json.slice(0, -1))), (text) => {
        const result = parseJsonText(text);
        let parses = true;
        try {
          JSON.parse(text.replace(/^\uFEFF/, ""));
        } catch {
          parses = false;
        }
        expect(result.ok).toBe(parses);
        if (!result.ok) {
          expect(result.line).toBeGreaterThanOrEqual(1);
          expect(result.column).toBeGreaterThanOrEqual(1);
          expect(result.offset).toBeLessThanOrEqual(text.length);
          expect(result.reason.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("parseOrRefuse", () => {
  it("answers what JSON.parse gives, or a refusal holding its error, and leaves the stack trace limit as it was", () => {
    const limit = Error.stackTraceLimit;
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.json().map((json) => json.slice(0, -1))), (text) => {
        let expected: { value: unknown } | { message: string };
        try {
          expected = { value: JSON.parse(text) as unknown };
        } catch (error) {
          expected = { message: (error as Error).message };
        }
        const answered = parseOrRefuse(text);
        if (answered instanceof JsonRefusal) expect({ message: (answered.error as Error).message }).toEqual(expected);
        else expect({ value: answered }).toEqual(expected);
        expect(Error.stackTraceLimit).toBe(limit);
      }),
      { numRuns: 500 },
    );
  });
});
