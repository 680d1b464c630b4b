import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatProblem, oneLine, terminalText } from "./format-problems";

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

describe("a command's text for a terminal", () => {
  it("keeps its lines and tabs, escapes every other control character, and changes nothing else", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const safe = terminalText(text);
        expect(safe).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
        expect(safe.split("\n").length).toBe(text.split("\n").length);
        // Text without such characters is written as it is.
        const controls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
        if (!controls.test(text)) expect(safe).toBe(text);
      }),
    );
    expect(terminalText("a\tb\r\n\u001b[31mc\n")).toBe("a\tb\\r\n\\u001b[31mc\n");
  });
});
