import { describe, expect, it } from "vitest";
import { nearestName } from "./suggest";

describe("nearestName", () => {
  it("finds a likely typo", () => {
    expect(nearestName("titel", ["id", "title", "statement"])).toBe("title");
    expect(nearestName("benchmrk", ["framework", "benchmark", "scale"])).toBe("benchmark");
  });

  it("matches across case and separators", () => {
    expect(nearestName("key_factors", ["keyFactors", "id"])).toBe("keyFactors");
  });

  it("offers nothing when no candidate is close", () => {
    expect(nearestName("zzzzzz", ["title", "id"])).toBeUndefined();
    expect(nearestName("x".repeat(10_000), ["title"])).toBeUndefined();
    expect(nearestName("title", [])).toBeUndefined();
  });
});
