import type { Place } from "@cohesion/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { place } from "../../test/fixtures";
import { uniformReport } from "../../test/reports";
import { createPeerIndex, peerPosition } from "./peers";

// Every question answered alike, so each subject's overall and key factor scores equal its level's points.
const reports = [
  uniformReport("test.a", "Alpha", "none", { ref: "test.alpha" }), // 0
  uniformReport("test.b", "Beta", "planned", { ref: "test.beta" }), // 25
  uniformReport("test.c", "Gamma", "partial", { ref: "test.gamma" }), // 50
  uniformReport("test.d", "Delta", "partial"), // 50, no profile at all
  uniformReport("test.e", "Epsilon", "full", { ref: "test.epsilon" }), // 100
];
const places = [
  place("test.alpha", "Alpha", "DE", 50_000, 5),
  place("test.beta", "Beta", "DE", 200_000, 15),
  place("test.gamma", "Gamma", "FR", 300_000, 25),
  place("test.epsilon", "Epsilon", "DE", 2_000_000, 35),
];

describe("peers with a repeated assessment", () => {
  it("refuses a report given twice, pointing at the repeat, instead of counting the subject twice", () => {
    const repeated = [...reports.slice(0, 3), reports[1], ...reports.slice(3)];
    const index = createPeerIndex(repeated, { places });
    expect(index.ok).toBe(false);
    if (index.ok) return;
    expect(index.errors.errors.map((p) => [p.code, p.pointer, p.params?.["first"]])).toEqual([["duplicate_assessment", "/reports/3/assessment/id", "/reports/1/assessment/id"]]);
    expect(index.errors.errors[0]?.message).toContain('"test.b" is given more than once');
  });

  it("answers with a report for any mix of repeats, never a wrong count", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(reports.length - 1), { maxLength: 12 }), (picks) => {
        const chosen = picks.map((i) => reports[i]);
        const index = createPeerIndex(chosen, { places });
        const repeats = picks.filter((p, i) => picks.indexOf(p) !== i).length;
        if (repeats === 0) return index.ok && index.report.size === picks.length;
        return !index.ok && index.errors.errors.length === repeats && index.errors.errors.every((p) => p.code === "duplicate_assessment");
      }),
    );
  });
});

describe("peers", () => {
  const index = createPeerIndex(reports, { places });
  if (!index.ok) throw new Error(JSON.stringify(index.errors));

  it("ranks the subject among all subjects and describes the others", () => {
    const result = index.report.position("test.c");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const all = result.report.peers.groups[0];
    expect(all?.dimension).toBe("all");
    expect(all?.members).toBe(5);
    // The others of Gamma (50): 0, 25, 50 (Delta), 100. One is higher → rank 1 + 1 = 2, of 4 others + Gamma = 5.
    expect(all?.overall.rankText).toBe("2 of 5");
    // Percentile rank among the others = (2 below + ½ · 1 level) / 4 · 100 = 62.5
    expect(all?.overall.percentile).toBe(62.5);
    // Quartiles of the others 0, 25, 50, 100 by interpolation at positions (4 − 1) · p:
    // q1 at 0.75 → 0 + 0.75 · 25 = 18.75; median at 1.5 → 25 + 0.5 · 25 = 37.5; q3 at 2.25 → 50 + 0.25 · 50 = 62.5
    expect(all?.overall.quartiles).toEqual({ q1: 18.75, median: 37.5, q3: 62.5 });
    // Gamma itself is not in its peers' histogram: 0 → bin 0, 25 → bin 2, 50 → bin 5, 100 → last bin.
    expect(all?.overall.histogram.map((b) => b.count)).toEqual([1, 0, 1, 0, 0, 1, 0, 0, 0, 1]);
    expect(all?.keyFactors.map((k) => [k.ref, k.rankText])).toEqual([
      ["test.small#kf-a", "2 of 5"],
      ["test.small#kf-b", "2 of 5"],
      ["test.small#kf-c", "2 of 5"],
    ]);
  });

  it("groups peers by population band, migrant share band and country", () => {
    const result = index.report.position("test.c");
    if (!result.ok) throw new Error("no position");
    const groups = result.report.peers.groups.map((g) => [g.dimension, g.id, g.members, g.overall.rankText]);
    expect(groups).toEqual([
      ["all", "all", 5, "2 of 5"],
      ["population", "medium", 2, "1 of 2"], // Beta 200,000 and Gamma 300,000
      ["migrant-share", "20-30", 1, "1 of 1"], // Gamma 25%
      ["country", "fr", 1, "1 of 1"],
    ]);
    expect(result.report.messages).toEqual([]);
  });

  it("puts a subject without profile data in the unknown groups and says so", () => {
    const result = index.report.position("test.d");
    if (!result.ok) throw new Error("no position");
    expect(result.report.peers.groups.slice(1).map((g) => [g.dimension, g.id, g.members])).toEqual([
      ["population", "unknown", 1],
      ["migrant-share", "unknown", 1],
      ["country", "unknown", 1],
    ]);
    expect(result.report.messages[0]?.code).toBe("peer_profile_missing");
    expect(result.report.messages[0]?.message).toContain('"unknown" peer group');
  });

  it("takes configurable bands", () => {
    const result = peerPosition("test.b", reports, { places, populationBands: [{ id: "any", label: "Any size", min: 0 }], histogramBins: 4 });
    if (!result.ok) throw new Error("no position");
    const population = result.report.peers.groups[1];
    expect([population?.id, population?.members]).toEqual(["any", 4]);
    // Beta's peers in the group: Alpha 0, Gamma 50, Epsilon 100 (Delta has no place, so no population).
    expect(population?.overall.histogram.map((b) => [b.from, b.to, b.count])).toEqual([
      [0, 25, 1],
      [25, 50, 0],
      [50, 75, 1],
      [75, 100, 1],
    ]);
  });

  it("falls back on a place's size band and reads shares in the measures' order", () => {
    const subjects = [
      uniformReport("test.s1", "One", "none", { ref: "test.one" }),
      uniformReport("test.s2", "Two", "full", { ref: "test.two" }),
      uniformReport("test.s3", "Three", "partial", { ref: "test.three" }),
    ];
    // One: no population, size band "large"; Two: 600,000 residents. Both land in "large" with the default bands.
    const one: Place = { ...place("test.one", "One", "DE", undefined, 12), sizeBand: "large" };
    // Two: a scoped share first, then the whole city's: 12% foreign-born is read, the 40% of the centre is not.
    const two: Place = { ...place("test.two", "Two", "DE", 600_000), migrantShares: [
      { measure: "foreign-born", percent: 40, scope: "City centre", definition: "Born abroad." },
      { measure: "migrant-background", percent: 35, definition: "Migrant background." },
      { measure: "foreign-born", percent: 12, definition: "Born abroad." },
    ] };
    const three = place("test.three", "Three", "FR", 600_000, 12);
    const groupsOf = (index: ReturnType<typeof createPeerIndex>, id: string) => {
      const at = index.ok ? index.report.position(id) : undefined;
      if (!at?.ok) throw new Error("no position");
      return at.report.peers.groups.slice(1).map((g) => [g.id, g.label, g.members]);
    };
    const index = createPeerIndex(subjects, { places: [one, two, three] });
    expect(groupsOf(index, "test.s1")).toEqual([
      ["large", "500,000 to 999,999 residents", 3],
      ["10-20", "10% to under 20% migrant residents", 3],
      ["de", "Country DE", 2],
    ]);
    // With bands of its own, a size band stands in for nothing; a measure list changes which share is read.
    const own = createPeerIndex(subjects, { places: [one, two, three], populationBands: [{ id: "any", label: "Any", min: 0 }], migrantMeasures: ["migrant-background"] });
    expect(groupsOf(own, "test.s1").slice(0, 2)).toEqual([["unknown", "Population not known", 1], ["unknown", "Share of migrant residents not known", 2]]);
    expect(groupsOf(own, "test.s2").slice(0, 2)).toEqual([["any", "Any", 2], ["30-plus", "30% migrant residents or more", 1]]);
  });

  it("refuses reports of different benchmarks and names a missing subject", () => {
    const other = { ...reports[0], benchmark: { id: "test.other", version: "1.0.0" } };
    const mixed = createPeerIndex([reports[1], other]);
    expect(mixed.ok).toBe(false);
    if (!mixed.ok) expect(mixed.errors.errors[0]?.pointer).toBe("/reports/1/benchmark");
    const missing = index.report.position("test.zz");
    expect(!missing.ok && missing.errors.errors[0]?.code).toBe("subject_not_found");
  });
});

describe("peer statistics are each subject's own", () => {
  it("gives every position its own histogram of the others, built from frozen bins", () => {
    const index = createPeerIndex(reports, { places });
    if (!index.ok) throw new Error("no index");
    const a = index.report.position("test.a");
    const b = index.report.position("test.b");
    if (!a.ok || !b.ok) throw new Error("no position");
    const histogram = a.report.peers.groups[0]?.overall.histogram ?? [];
    expect(histogram.every((bin) => Object.isFrozen(bin))).toBe(true);
    expect(() => {
      (histogram[9] as { count: number }).count = 99;
    }).toThrow(TypeError);
    // Alpha's peers: 25, 50, 50, 100; Beta's: 0, 50, 50, 100.
    expect(histogram.map((bin) => bin.count)).toEqual([0, 0, 1, 0, 0, 2, 0, 0, 0, 1]);
    expect(b.report.peers.groups[0]?.overall.histogram.map((bin) => bin.count)).toEqual([1, 0, 0, 0, 0, 2, 0, 0, 0, 1]);
  });

  it("leaves the subject out of its peers, and a lone subject has no percentile", () => {
    const result = peerPosition("test.c", reports, { places });
    if (!result.ok) throw new Error("no position");
    const country = result.report.peers.groups[3];
    // Gamma is alone in France: rank 1 of 1, no others to compare with.
    expect([country?.overall.rankText, country?.overall.percentile, country?.overall.quartiles]).toEqual(["1 of 1", null, undefined]);
    expect(country?.overall.histogram.every((bin) => bin.count === 0)).toBe(true);
  });
});

describe("places validated beforehand", () => {
  it("place every subject as checked places do, and still report a place that is not what was promised", () => {
    const checked = createPeerIndex(reports, { places });
    const trusted = createPeerIndex(reports, { places, validated: true });
    if (!checked.ok || !trusted.ok) throw new Error("no index");
    for (const report of reports) expect(trusted.report.position(report.assessment?.id ?? "")).toStrictEqual(checked.report.position(report.assessment?.id ?? ""));
    const broken = createPeerIndex(reports, { places: [...places, { kind: "place", id: "test.broken", name: 42 }], validated: true });
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.errors.errors.some((e) => e.pointer.startsWith("/places/4"))).toBe(true);
  });
});

describe("peers and place profiles", () => {
  it("take the first place of an id, wherever the subjects and places stand in their lists", () => {
    const subjects = [
      uniformReport("test.a", "Alpha", "none", { ref: "test.alpha" }),
      uniformReport("test.b", "Beta", "planned", { ref: "test.beta" }),
      uniformReport("test.c", "Alpha again", "full", { ref: "test.alpha" }),
    ];
    // The third place stands beside the third subject, but an earlier place has its id: that one counts.
    const listed = [place("test.alpha", "Alpha", "DE", 2_000_000, 35), place("test.beta", "Beta", "DE", 200_000, 15), place("test.alpha", "Alpha", "DE", 50_000, 5)];
    for (const given of [listed, [...listed].reverse().slice(1).concat(listed.slice(0, 1))]) {
      const index = createPeerIndex(subjects, { places: given });
      if (!index.ok) throw new Error(JSON.stringify(index.errors));
      const groupOf = (id: string) => {
        const position = index.report.position(id);
        if (!position.ok) throw new Error("no position");
        return position.report.peers.groups.find((g) => g.dimension === "population")?.id;
      };
      const first = given.find((p) => p.id === "test.alpha")?.population?.value === 2_000_000 ? "metropolitan" : "small";
      expect([groupOf("test.a"), groupOf("test.b"), groupOf("test.c")]).toEqual([first, "medium", first]);
      const ranks = index.report.ranks();
      expect(ranks.groups[1]).toEqual([first, "medium", first]);
    }
  });
});

