import { MATURITY_SCALE, YES_PARTLY_NO_SCALE } from "@cohesion/model";
import type { Scale } from "@cohesion/schema";
import { describe, expect, it } from "vitest";
import { unevenScale } from "../../test/fixtures";
import { normaliseScale } from "./scale";

describe("normaliseScale", () => {
  it("maps the lowest value to 0, the highest to 100 and the rest linearly", () => {
    expect([...(normaliseScale(MATURITY_SCALE).scale?.points ?? [])]).toEqual([
      ["none", 0],
      ["planned", 25],
      ["partial", 50],
      ["substantial", 75],
      ["full", 100],
    ]);
    // yes/partly/no as MIPEX does it: 0 / 50 / 100
    expect([...(normaliseScale(YES_PARTLY_NO_SCALE).scale?.points ?? [])]).toEqual([
      ["no", 0],
      ["partly", 50],
      ["yes", 100],
    ]);
  });

  it("follows the values, not the positions: 2, 3, 6 become 0, 25, 100", () => {
    // (3 − 2) / (6 − 2) × 100 = 25
    expect([...(normaliseScale(unevenScale).scale?.points ?? [])]).toEqual([
      ["low", 0],
      ["mid", 25],
      ["high", 100],
    ]);
  });

  it("reports values that do not increase and repeated level ids", () => {
    const bad: Scale = { ...unevenScale, id: "test.bad", levels: [{ id: "a", label: "A", value: 1 }, { id: "a", label: "A again", value: 1 }] };
    const { scale, problems } = normaliseScale(bad);
    expect(scale).toBeNull();
    expect(problems.map((p) => [p.code, p.pointer])).toEqual([
      ["scale_duplicate_level", "/levels/1"],
      ["scale_values_not_increasing", "/levels/1/value"],
    ]);
  });
});
