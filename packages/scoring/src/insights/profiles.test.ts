import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { place } from "../../test/fixtures";
import { indexPlaces } from "./profiles";

describe("indexPlaces", () => {
  it("finds the first valid place of an id, by placeOf and by byId alike, and says whether ids repeat", () => {
    const first = place("test.alpha", "Alpha", "SE", 100_000);
    const second = place("test.alpha", "Alpha again", "SE", 200_000);
    const beta = place("test.beta", "Beta", "FI");
    const { index, problems } = indexPlaces([{ kind: "place", id: "test.alpha", name: 42 }, first, second, beta]);
    // The invalid first entry is reported and skipped: the first valid place of the id wins.
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.pointer.startsWith("/places/0"))).toBe(true);
    expect(index.placeOf("test.alpha")).toBe(first);
    expect(index.byId.get("test.alpha")).toBe(first);
    expect(index.placeOf("test.beta")).toBe(beta);
    expect(index.placeOf("test.gamma")).toBeUndefined();
    expect(index.unique).toBe(false);
    expect([...index.byId.keys()].sort()).toEqual(["test.alpha", "test.beta"]);
    expect(indexPlaces([first, beta]).index.unique).toBe(true);
  });

  it("agrees with a Map built from the list, whatever the ids", () => {
    const id = fc.stringMatching(/^[a-z]{1,3}\.[a-z]{1,3}$/);
    fc.assert(
      fc.property(fc.array(id, { maxLength: 40 }), fc.array(id, { maxLength: 10 }), (ids, asked) => {
        const places = ids.map((placeId, i) => place(placeId, `City ${i}`, "DE"));
        const { index } = indexPlaces(places);
        const expected = new Map<string, (typeof places)[number]>();
        for (const p of places) if (!expected.has(p.id)) expected.set(p.id, p);
        for (const wanted of [...ids, ...asked]) {
          expect(index.placeOf(wanted)).toBe(expected.get(wanted));
          expect(index.byId.get(wanted)).toBe(expected.get(wanted));
        }
        expect(index.unique).toBe(expected.size === places.length);
      }),
      { numRuns: 200 },
    );
  });
});
