import { describe, expect, it } from "vitest";
import { describePointer, escapePointerSegment, joinPointer, splitPointer, unescapePointerSegment } from "./pointer";

describe("JSON Pointer helpers (RFC 6901)", () => {
  it("escapes ~ before / so the two cannot be confused", () => {
    expect(escapePointerSegment("a/b~c")).toBe("a~1b~0c");
    expect(escapePointerSegment("~1")).toBe("~01");
    expect(unescapePointerSegment("~01")).toBe("~1");
  });

  it("joins segments onto a base, the root being the empty string", () => {
    expect(joinPointer("", "sections", 0, "keyFactors", 2)).toBe("/sections/0/keyFactors/2");
    expect(joinPointer("/answers", "a/b")).toBe("/answers/a~1b");
    expect(joinPointer("")).toBe("");
    expect(joinPointer("", "")).toBe("/");
  });

  it("splits what it joins", () => {
    const segments = ["x/y", "~", "", "__proto__", "0"];
    expect(splitPointer(joinPointer("", ...segments))).toEqual(segments);
    expect(splitPointer("")).toEqual([]);
  });

  it("reads the root pointer as words in messages", () => {
    expect(describePointer("")).toBe("the document root");
    expect(describePointer("/a")).toBe("/a");
  });
});
