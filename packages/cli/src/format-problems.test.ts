import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatProblem, oneLine } from "./format-problems";

describe("problems as lines of text", () => {
  it("keep a problem on one line and no control character from the input, whatever the file name, pointer or message", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.string({ unit: "binary" }), fc.string({ unit: "binary" }), (file, pointer, message) => {
        const line = formatProblem({ code: "invalid_value", severity: "error", pointer, message, params: { column: 2 }, file, line: 3 });
        expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
      }),
    );
    expect(oneLine("bad\nname\u001b[31m.json\t")).toBe("bad\\nname\\u001b[31m.json\\t");
    expect(oneLine("Malmö — Sofielund")).toBe("Malmö — Sofielund");
  });
});
