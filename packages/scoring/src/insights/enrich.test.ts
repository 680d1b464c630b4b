import { validateAs } from "@cohesion/schema";
import { describe, expect, it } from "vitest";
import { ANSWERS as answers, assessment, place, practice } from "../../test/fixtures";
import { reportOf, uniformReport } from "../../test/reports";
import { enrichReport } from "./enrich";


describe("enrichReport", () => {
  it("fills gaps, strengths, recommendations, peers and mentors, and the result still follows the schema", () => {
    const report = reportOf(assessment(answers));
    const others = [uniformReport("test.near-2026", "Near", "substantial", { ref: "test.near", country: "DE" }), uniformReport("test.low-2026", "Low", "planned", { country: "FR" })];
    const places = [place("test.testville", "Testville", "DE", 250_000, 20), place("test.near", "Near", "DE", 240_000, 22)];
    const result = enrichReport(report, {
      uniformTarget: 60,
      practices: [practice("test.p-near", "Near", "DE", ["test.small#kf-c"], "test.near")],
      places,
      peers: [report, ...others],
      mentors: others,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const full = result.report;
    expect(validateAs("score-report", full).errors).toEqual([]);
    // Against 60: kf-c (50) and kf-b (54.1666…) are gaps, kf-a (62.5) a strength.
    expect(full.gaps?.map((g) => g.keyFactor)).toEqual(["test.small#kf-c", "test.small#kf-b"]);
    expect(full.recommendations?.[0]?.practices.map((p) => p.practice)).toEqual(["test.p-near"]);
    // Overall: Testville 54.1666…, Near 75, Low 25 → 2 of 3; the subject's report is counted once.
    expect(full.peers?.population).toBe(3);
    expect(full.peers?.groups[0]?.overall.rankText).toBe("2 of 3");
    expect(full.mentors?.map((m) => m.assessment)).toEqual(["test.near-2026"]);
    expect(full.messages?.map((m) => m.code)).toContain("mentor_no_lead");
  });

  it("passes on the errors of a step that fails", () => {
    const result = enrichReport({ kind: "score-report" }, { uniformTarget: 60 });
    expect(result.ok).toBe(false);
  });
});
