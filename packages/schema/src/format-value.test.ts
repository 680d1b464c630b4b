import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { truncate } from "./index";

// A lone surrogate: half a character, which no UTF-8 text can hold.
const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe("truncate", () => {
  it("keeps short text and cuts long text to max − 1 units and an ellipsis", () => {
    expect(truncate("abcd", 4)).toBe("abcd");
    expect(truncate("abcdef", 4)).toBe("abc…");
  });

  it("never cuts a character in two: a pair whose second half would be cut off goes whole", () => {
    // "🏙" is units 2 and 3; max 4 keeps units 0–2, so the first half would be left alone.
    expect(truncate("ab🏙cd", 4)).toBe("ab…");
    expect(truncate("abc🏙de", 6)).toBe("abc🏙…");
  });

  it("gives at most max units, a prefix of the text and '…' when cut, and no half character that was not in the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), fc.integer({ min: 2, max: 30 }), (text, max) => {
        const cut = truncate(text, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        if (text.length <= max) {
          expect(cut).toBe(text);
          return;
        }
        expect(cut.endsWith("…")).toBe(true);
        expect(text.startsWith(cut.slice(0, -1))).toBe(true);
        expect(cut.length).toBeGreaterThanOrEqual(max - 1); // one unit fewer only for a pair left out whole
        if (!LONE.test(text)) expect(LONE.test(cut)).toBe(false);
      }),
    );
  });
});
