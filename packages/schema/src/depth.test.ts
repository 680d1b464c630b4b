import { describe, expect, it } from "vitest";
import { findTooDeep, MAX_DEPTH } from "./depth";

function nest(levels: number): unknown {
  let value: unknown = {};
  for (let i = 0; i < levels; i++) value = { a: [value] };
  return value;
}

describe("findTooDeep", () => {
  it("accepts values within the limit and points at the first place beyond it", () => {
    expect(findTooDeep({ a: { b: {} } }, 3)).toBeUndefined();
    expect(findTooDeep({ a: { b: {} } }, 2)).toBe("/a/b");
    expect(findTooDeep("text", 0)).toBeUndefined();
  });

  it("walks a million levels without touching the call stack", () => {
    expect(findTooDeep(nest(1_000_000))).toBe(`/a/0`.repeat(MAX_DEPTH / 2));
  });

  it("reports a cycle as too deep instead of looping", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(findTooDeep(cyclic, 5)).toBe("/self/self/self/self/self");
  });

  it("does not walk a shared sub-tree again at the same depth", () => {
    let shared: unknown = {};
    for (let i = 0; i < 40; i++) shared = [shared, shared];
    expect(findTooDeep(shared, 50)).toBeUndefined();
  });
});

describe("the depth limit codegen builds the validators with", () => {
  it("is MAX_DEPTH", async () => {
    // @ts-expect-error the codegen modules are plain JavaScript with JSDoc types
    const codegen = (await import("../scripts/codegen/depth.mjs")) as { MAX_DEPTH: number };
    expect(codegen.MAX_DEPTH).toBe(MAX_DEPTH);
  });
});
