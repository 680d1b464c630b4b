import { describe, expect, it } from "vitest";
import { ANSWERS as answers, assessment, place } from "../../test/fixtures";
import { reportOf, uniformReport } from "../../test/reports";
import { matchMentors } from "./mentors";

// Mentee Testville (DE, 250,000, 20%): kf-a 62.5, kf-b 54.1666…, kf-c 50 (see models.test.ts).
const mentee = reportOf(assessment(answers));
const places = [place("test.testville", "Testville", "DE", 250_000, 20), place("test.near", "Near", "DE", 240_000, 22), place("test.far", "Far", "FR", 3_000_000, 45)];
const candidates = [
  reportOf(assessment({ ...answers, "q-c1": "full" }, { id: "test.testville-again" })), // the mentee itself, assessed again
  uniformReport("test.near-2026", "Near", "substantial", { ref: "test.near", country: "DE" }), // 75 everywhere
  uniformReport("test.far-2026", "Far", "full", { ref: "test.far", country: "FR" }), // 100 everywhere
  uniformReport("test.low-2026", "Low", "none", { country: "DE" }), // 0 everywhere: ahead nowhere
];

describe("matchMentors", () => {
  const result = matchMentors(mentee, candidates, { places });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const { mentors, messages } = result.report;

  it("never proposes the mentee itself and leaves out subjects ahead nowhere", () => {
    expect(mentors.map((m) => m.assessment)).toEqual(["test.near-2026", "test.far-2026"]);
    expect(messages.map((m) => m.code)).toEqual(["mentor_self_skipped", "mentor_no_lead"]);
  });

  it("weighs how far the mentor is ahead by how weak the mentee is", () => {
    // No gaps on the report: weakness = 100 − score → kf-a 37.5, kf-b 45.833…, kf-c 50 (total 133.333…).
    // Far (100): (37.5 · 0.375 + 45.833… · 0.458333… + 50 · 0.5) / 133.333… = 0.45052…
    const far = mentors.find((m) => m.assessment === "test.far-2026");
    const weakB = 100 - 325 / 6;
    expect(far?.strength).toBeCloseTo((37.5 * 0.375 + weakB * (weakB / 100) + 50 * 0.5) / (37.5 + weakB + 50), 8);
    // Near (75): (37.5 · 0.125 + 45.833… · 0.208333… + 50 · 0.25) / 133.333…
    const near = mentors[0];
    expect(near?.strength).toBeCloseTo((37.5 * 0.125 + weakB * ((75 - 325 / 6) / 100) + 50 * 0.25) / (37.5 + weakB + 50), 8);
    // Near wins on context: match = 0.7 · strength + 0.3 · similarity.
    expect(near?.match).toBeCloseTo(0.7 * (near?.strength ?? 0) + 0.3 * (near?.similarity ?? 0), 8);
    expect(near?.keyFactors.map((k) => k.keyFactor)).toEqual(["test.small#kf-c", "test.small#kf-b", "test.small#kf-a"]);
    // Leads: kf-c 75 − 50 = 25, kf-b 75 − 54.1666… = 20.8333…, kf-a 75 − 62.5 = 12.5
    expect(near?.keyFactors[1]?.lead).toBeCloseTo(125 / 6, 8);
    expect(near?.keyFactors[2]?.lead).toBe(12.5);
  });

  it("explains each pairing", () => {
    expect(mentors[0]?.reason).toContain('Near is ahead where Testville is weak: "Key factor C" (75 against 50)');
    expect(mentors[0]?.reason).toContain("similar in size");
  });

  it("ranks on the mentee's gaps when given", () => {
    const onlyC = matchMentors(mentee, candidates, {
      places,
      gaps: [{ keyFactor: "test.small#kf-c", score: 50, target: 75, targetSource: "uniform-target", difference: 25, weight: 1 / 3, priority: 25 / 3 }],
    });
    // Only kf-c counts: Near leads by 25 → strength 0.25; Far by 50 → 0.5.
    expect(onlyC.ok && onlyC.report.mentors.map((m) => [m.assessment, m.strength])).toEqual([
      ["test.near-2026", 0.25],
      ["test.far-2026", 0.5],
    ]);
  });
});

describe("matchMentors with a repeated candidate", () => {
  it("refuses a candidate given twice rather than proposing it twice", () => {
    const result = matchMentors(mentee, [...candidates, candidates[2]], { places });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.errors.map((p) => [p.code, p.pointer])).toEqual([["duplicate_assessment", "/candidates/4/assessment/id"]]);
  });
});

describe("matchMentors without a profile of the mentee", () => {
  it("says once what is not known about the mentee, never in each reason", () => {
    const result = matchMentors(mentee, candidates, { places: places.slice(1) });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.report.mentors.length).toBeGreaterThan(0);
    for (const mentor of result.report.mentors) expect(mentor.reason).not.toContain("of Testville is not known");
    expect(result.report.messages.filter((m) => m.code === "subject_profile_incomplete")).toEqual([
      expect.objectContaining({ params: { subject: "Testville", missing: ["size", "migrant-share"] } }),
    ]);
  });
});
