import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsv, writeCsv } from "./csv";

describe("CSV", () => {
  it("writes RFC 4180 with CRLF and quotes only where needed", () => {
    expect(writeCsv([["id", "title", "n"], ["a", 'Say "hi", then', 12.5], ["b", null, 3], [" x", "line\nbreak", Number.NaN]])).toBe(
      'id,title,n\r\na,"Say ""hi"", then",12.5\r\nb,,3\r\n" x","line\nbreak",\r\n',
    );
  });

  it("reads back every table it writes", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: "binary" }), { minLength: 2, maxLength: 2 }), { maxLength: 6 }), (rows) => {
        const parsed = parseCsv(writeCsv(rows));
        // A row of one empty field is written as an empty line; with two fields it always has a comma.
        expect(parsed).toEqual({ ok: true, rows });
      }),
    );
  });

  it("answers text that is not CSV with the line, never a throw", () => {
    expect(parseCsv('a,b\r\n"open,x\r\n')).toEqual({ ok: false, line: 2, message: "a quoted field is not closed: add the closing quote" });
    expect(parseCsv('a,b"c\n')).toMatchObject({ ok: false, line: 1 });
    expect(parseCsv("\uFEFFa,b\nc,d")).toEqual({ ok: true, rows: [["a", "b"], ["c", "d"]] });
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        expect(typeof parseCsv(text).ok).toBe("boolean");
      }),
    );
  });
});
