import { describe, expect, it } from "vitest";
import { oecd } from "./plugin";

// The shared checks (plugin.test.ts) resolve the assessment in the catalog; these are the OECD's own.
describe("OECD content in the host's catalog", () => {
  it("finds the practices for each objective", () => {
    const catalog = oecd.catalog;
    expect(catalog.practicesFor("oecd.time-and-space#objective-4")).toHaveLength(16);
    expect(catalog.practicesFor("oecd.time-and-space#objective-5")).toHaveLength(15);
    expect(catalog.keyFactor("oecd.time-and-space#objective-5")).toBeDefined();
    expect(catalog.keyFactor("oecd.time-and-space#objective-6")).toBeUndefined();
  });
});
