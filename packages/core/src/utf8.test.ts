import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstInvalidUtf8, invalidUtf8At } from "./utf8";

describe("invalidUtf8At", () => {
  it("gives the first bad byte's line and byte column, whatever well-formed characters come before it", () => {
    expect(invalidUtf8At(Buffer.from('{\n  "a": "L\xe8ge"}', "latin1"))).toEqual({ offset: 11, line: 2, column: 10 });
    // "é" (two bytes) and a genuine U+FFFD (three) before the bad byte on its line: columns count bytes.
    const bytes = Buffer.concat([Buffer.from("[\r\n\"é\uFFFD"), Buffer.from([0xff]), Buffer.from('"]')]);
    expect(invalidUtf8At(bytes)).toEqual({ offset: 9, line: 2, column: 7 });
    expect(invalidUtf8At(Buffer.from("a\rb\xc3", "latin1"))).toEqual({ offset: 3, line: 2, column: 2 });
    expect(invalidUtf8At(Buffer.from("plain ✓ text"))).toBeUndefined();
  });

  it("agrees with firstInvalidUtf8 and with a strict decoder on any bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const at = invalidUtf8At(bytes);
        expect(at?.offset).toBe(firstInvalidUtf8(bytes));
        let strict = true;
        try {
          new TextDecoder("utf-8", { fatal: true }).decode(bytes);
        } catch {
          strict = false;
        }
        expect(at === undefined).toBe(strict);
        // Everything before the bad byte is whole, well-formed characters.
        if (at) expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, at.offset))).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });
});
