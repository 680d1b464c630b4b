import { describe, expect, it } from "vitest";
import { assessment, place, practice } from "../../test/fixtures";
import { reportOf } from "../../test/reports";
import { attachGaps } from "./gaps";
import { recommendPractices } from "./practices";

// Testville: 250,000 residents, 20% foreign-born, DE. kf-c scores 50 and kf-a 100 → against a uniform 75 only kf-c is a gap.
const scored = reportOf(assessment({ "q-a1": "full", "q-a2": "full", "q-c1": "partial", "q-c2": "partial", "q-c3": "partial" }));
const withGaps = attachGaps(scored, { uniformTarget: 75 });
if (!withGaps.ok) throw new Error("gaps failed");
const places = [
  place("test.testville", "Testville", "DE", 250_000, 20),
  place("test.bigcity", "Bigcity", "DE", 2_000_000, 30),
  place("test.twin", "Twin", "FR", 260_000, 21),
];
const practices = [
  practice("test.p-big", "Bigcity", "DE", ["test.small#kf-c"], "test.bigcity"),
  practice("test.p-twin", "Twin", "FR", ["test.small#kf-c"]), // found by name and country
  { ...practice("test.p-country", "x", "IT", ["test.small#kf-c"]), city: undefined }, // only a country is known
  practice("test.p-other", "Bigcity", "DE", ["test.small#kf-a"], "test.bigcity"),
].map((p) => {
  const { city, ...rest } = p;
  return city === undefined ? rest : { ...rest, city };
});

describe("recommendPractices", () => {
  const result = recommendPractices(withGaps.report, { practices, places });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const [recommendation] = result.report.recommendations;

  it("lists the practices linked to each gap, most similar city first", () => {
    expect(recommendation?.keyFactor).toBe("test.small#kf-c");
    // Bigcity: size 1 − log10(2,000,000 / 250,000) / 2 = 0.5485; share 1 − 10/50 = 0.8; country 1 → (0.5485 + 0.8 + 1) / 3 = 0.7828
    // Twin:    size 1 − log10(260,000 / 250,000) / 2 = 0.9915; share 1 − 1/50 = 0.98; country 0 → (0.9915 + 0.98 + 0) / 3 = 0.6572
    // Country-only practice: size and share unknown (count 0), another country → 0
    expect(recommendation?.practices.map((p) => p.practice)).toEqual(["test.p-big", "test.p-twin", "test.p-country"]);
    expect(recommendation?.practices[0]?.similarity).toBeCloseTo((1 - Math.log10(8) / 2 + 0.8 + 1) / 3, 10);
    expect(recommendation?.practices[1]?.similarity).toBeCloseTo((1 - Math.log10(1.04) / 2 + 0.98) / 3, 10);
    expect(recommendation?.practices[2]?.similarity).toBe(0);
    expect(recommendation?.practices[1]?.placeRef).toBe("test.twin");
  });

  it("explains each suggestion in words", () => {
    const reason = recommendation?.practices[0]?.reason ?? "";
    expect(reason).toContain('"Practice test.p-big" in Bigcity (DE) works on "Key factor C"');
    expect(reason).toContain("25 points below its target of 75");
    expect(reason).toContain("the same country");
    expect(reason).toContain("Bigcity has 2,000,000 residents, Testville 250,000.");
    expect(recommendation?.practices[2]?.reason).toContain("in IT works on");
  });

  it("limits the practices per gap", () => {
    const limited = recommendPractices(withGaps.report, { practices, places, limit: 1 });
    expect(limited.ok && limited.report.recommendations[0]?.practices.length).toBe(1);
  });

  it("never recommends the subject's own practices to it, by place or by city name and country", () => {
    const own = [
      ...practices,
      practice("test.p-home", "Testville", "DE", ["test.small#kf-c"], "test.testville"),
      practice("test.p-home-by-name", " testville ", "DE", ["test.small#kf-c"]),
    ];
    const found = recommendPractices(withGaps.report, { practices: own, places, limit: 10 });
    if (!found.ok) throw new Error(JSON.stringify(found.errors));
    expect(found.report.recommendations[0]?.practices.map((p) => p.practice)).toEqual(["test.p-big", "test.p-twin", "test.p-country"]);
    expect(found.report.messages).toEqual([
      expect.objectContaining({ code: "practice_own_skipped", params: { count: 2, practices: ["test.p-home", "test.p-home-by-name"] } }),
    ]);
  });

  it("says once what is not known about the subject, not in every reason", () => {
    // Without places Testville has a country (from the assessment) but no population or migrant share.
    const found = recommendPractices(withGaps.report, { practices });
    if (!found.ok) throw new Error(JSON.stringify(found.errors));
    const reasons = found.report.recommendations.flatMap((r) => r.practices.map((p) => p.reason));
    expect(reasons.length).toBeGreaterThan(1);
    for (const reason of reasons) expect(reason).not.toContain("Testville is not known");
    expect(found.report.messages).toEqual([
      {
        code: "subject_profile_incomplete",
        severity: "info",
        message:
          "The population and the share of foreign-born or migrant residents of Testville are not known: similarity to practice cities and mentors leaves them out (counted as no likeness). Add a place profile to compare by them.",
        params: { subject: "Testville", missing: ["size", "migrant-share"] },
      },
    ]);
  });

  it("reports an invalid practice where it is", () => {
    const bad = recommendPractices(withGaps.report, { practices: [...practices, { kind: "practice" } as never], places });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.errors[0]?.pointer).toMatch(/^\/practices\/4/);
  });
});
