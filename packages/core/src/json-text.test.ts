import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { JsonRefusal, jsonSyntaxError, lineStartsOf, parseJsonText, parseOrRefuse } from "./json-text";

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
      fc.property(fc.oneof(fc.string(), fc.json(), fc.json().map((json) => json.slice(0, -1)), prettyLine, fc.json().map((json) => ` \t${json}\r\n `)), (text) => {
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

// One line of a pretty-printed JSON text: what a reader of NDJSON meets in a file that is not NDJSON.
const prettyLine = fc
  .tuple(fc.json(), fc.nat())
  .map(([json, at]) => {
    const lines = JSON.stringify(JSON.parse(json), null, 2).split("\n");
    return lines[at % lines.length] as string;
  });

describe("parseOrRefuse", () => {
  it("refuses a text that cannot be JSON by its first or last character without calling JSON.parse, and makes its error when read", () => {
    const texts = ['  "id": "x",', "  {", "}", "  ],", '{"a": 1,', '{"a": "b', "", " \n", "nu", "-", "\ufeff{}"];
    const parse = vi.spyOn(JSON, "parse");
    const refusals = texts.map((text) => parseOrRefuse(text) as JsonRefusal);
    const reasons = texts.map((text, i) => jsonSyntaxError(text, refusals[i]));
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
    texts.forEach((text, i) => {
      const refusal = refusals[i] as JsonRefusal;
      expect(refusal).toBeInstanceOf(JsonRefusal);
      let thrown: unknown;
      try {
        JSON.parse(text);
      } catch (error) {
        thrown = error;
      }
      expect(refusal.error).toBeInstanceOf(SyntaxError);
      expect((refusal.error as Error).message).toBe((thrown as Error).message);
      expect(reasons[i]).toEqual(jsonSyntaxError(text, thrown));
    });
  });

  it("answers what JSON.parse gives, or a refusal holding its error, and leaves the stack trace limit as it was", () => {
    const limit = Error.stackTraceLimit;
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.json().map((json) => json.slice(0, -1)), prettyLine, fc.json().map((json) => ` \t${json}\r\n `)), (text) => {
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

describe("lineStartsOf", () => {
  it("counts a line at every \\r\\n, \\n and lone \\r, as editors do", () => {
    expect(lineStartsOf("a\r\nb\rc\nd")).toEqual([0, 3, 5, 7]);
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", " ", "\n", "\r", "\r\n", "{}"), { maxLength: 40 }), (pieces) => {
        const text = pieces.join("");
        const lines = text.split(/\r\n|\r|\n/);
        // The start of line i is where line i-1 began plus its length and its break.
        const starts: number[] = [0];
        for (let i = 1; i < lines.length; i++) {
          const end = (starts[i - 1] as number) + (lines[i - 1] as string).length;
          starts.push(end + (text.startsWith("\r\n", end) ? 2 : 1));
        }
        expect(lineStartsOf(text)).toEqual(starts);
      }),
    );
  });

  it("places a syntax error in a file with old Mac line ends on the line an editor shows", () => {
    const read = parseJsonText('{\r  "a": 1,\r  "b": ]\r}');
    expect(read).toMatchObject({ ok: false, line: 3, column: 8 });
  });
});
