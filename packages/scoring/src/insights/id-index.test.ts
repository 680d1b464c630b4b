import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { indexIds } from "./id-index";

// The same answers from a Map, the obvious way.
function reference(ids: readonly string[]): { first: Map<string, number>; repeats: [number, number][] } {
  const first = new Map<string, number>();
  const repeats: [number, number][] = [];
  ids.forEach((id, m) => {
    const at = first.get(id);
    if (at === undefined) first.set(id, m);
    else repeats.push([m, at]);
  });
  return { first, repeats };
}

describe("indexIds", () => {
  it("finds each id's first position and every repeat, as a Map does", () => {
    const id = fc.oneof(fc.constantFrom("", "a", "b", "perf.assessment-1"), fc.string({ unit: "binary", maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(id, { maxLength: 200 }), fc.array(id, { maxLength: 20 }), (ids, asked) => {
        const index = indexIds(ids);
        const expected = reference(ids);
        expect(index.repeats).toEqual(expected.repeats);
        for (const one of [...ids, ...asked]) expect(index.firstOf(one)).toBe(expected.first.get(one));
      }),
    );
  });

  it("keeps up with ids that differ only in the high bits of their code units, or only at their start", () => {
    const high = Array.from({ length: 5000 }, (_, i) => `x${String.fromCharCode(0x8000 | (i << 3))}${String.fromCharCode(0x4000 | (i >> 10))}`);
    const start = Array.from({ length: 5000 }, (_, i) => `${i}.${"same suffix ".repeat(8)}`);
    for (const ids of [high, start, [...high, ...high.slice(0, 7)]]) {
      const index = indexIds(ids);
      expect(index.repeats).toEqual(reference(ids).repeats);
      expect(index.firstOf(ids[4999] as string)).toBe(4999);
    }
    expect(indexIds(["a"]).firstOf(5 as never)).toBeUndefined();
  });
});
