import fc from "fast-check";
import ajvUcs2length from "ajv/dist/runtime/ucs2length";
import { describe, expect, it } from "vitest";
import { ucs2length } from "./validator-runtime";

/** JSON Schema's count: code points, a lone surrogate counting as one (what ajv's helper counts). */
const codePoints = (text: string): number => [...text].length;

describe("ucs2length", () => {
  it("counts a surrogate pair as one character and a lone surrogate as one", () => {
    expect(ucs2length("")).toBe(0);
    expect(ucs2length("abc")).toBe(3);
    expect(ucs2length("é€")).toBe(2);
    expect(ucs2length("a😀")).toBe(2);
    expect(ucs2length("😀😀")).toBe(2);
    expect(ucs2length("\uD83D")).toBe(1);
    expect(ucs2length("\uDE00")).toBe(1);
    expect(ucs2length("\uDE00\uD83D")).toBe(2);
    expect(ucs2length("a\uD83D")).toBe(2);
    expect(ucs2length("\uD83D\uD83D\uDE00")).toBe(2);
    expect(ucs2length("\uDBFF\uDFFF")).toBe(1);
  });

  it("equals the code-point count and ajv's own helper for any string", () => {
    const unit = fc.oneof(
      fc.integer({ min: 0, max: 0x7f }),
      fc.integer({ min: 0xd7f0, max: 0xe010 }),
      fc.integer({ min: 0, max: 0xffff }),
    );
    const text = fc.oneof(
      fc.string({ unit: "grapheme" }),
      fc.string({ unit: "binary" }),
      fc.array(unit).map((codes) => String.fromCharCode(...codes)),
    );
    fc.assert(
      fc.property(text, (value) => {
        expect(ucs2length(value)).toBe(codePoints(value));
        expect(ucs2length(value)).toBe(ajvUcs2length(value));
      }),
      { numRuns: 2000 },
    );
  });
});
