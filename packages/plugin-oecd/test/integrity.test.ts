import { describe, expect, it } from "vitest";
import { keyFactorsOf } from "@cohesion/test-support/content-plugin-kit";
import { oecd } from "./plugin";

// Integrity over all documents, its probe and the practice ↔ key factor links are in plugin.test.ts.
interface KeyFactorData {
  id: string;
  recommendedActions?: { id: string; practiceRefs?: string[] }[];
}
const keyFactors = keyFactorsOf(oecd.benchmark()) as KeyFactorData[];
const practices = oecd.ofKind("practice") as unknown as { id: string; placeRef?: string }[];

describe("OECD content integrity", () => {
  it("lists each practice under exactly one tool, except the strategy cited in the observations", () => {
    const underTools = keyFactors.flatMap((keyFactor) => (keyFactor.recommendedActions ?? []).flatMap((action) => action.practiceRefs ?? []));
    expect(new Set(underTools).size).toBe(underTools.length);
    const outside = practices.map((practice) => practice.id).filter((id) => !underTools.includes(id));
    expect(outside).toEqual(["oecd.gothenburg-sustainability-strategy"]);
  });

  it("gives every practice in a named city a place document", () => {
    const placeIds = new Set(oecd.ofKind("place").map((document) => document["id"]));
    for (const practice of practices) if (practice.placeRef !== undefined) expect(placeIds.has(practice.placeRef), practice.id).toBe(true);
  });
});
