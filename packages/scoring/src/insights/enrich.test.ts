import { validateAs, type Practice } from "@cohesion/schema";
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

  it("places a problem in a peer or mentor at that item of the options it was given", () => {
    const report = reportOf(assessment(answers));
    const near = uniformReport("test.near-2026", "Near", "substantial", { country: "DE" });
    // The subject's own report (item 0) is left out of the peers, so the repeat of Near is item 3.
    const result = enrichReport(report, { peers: [report, near, { kind: "nope" } as never, near] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.errors.map((p) => [p.code, p.pointer])).toEqual([["invalid_input", "/peers/2/kind"]]);
    expect(result.errors.errors[0]?.message).toContain("/peers/2/kind");
    const repeated = enrichReport(report, { peers: [report, near, near] });
    expect(!repeated.ok && repeated.errors.errors.map((p) => [p.code, p.pointer, p.params["first"]])).toEqual([["duplicate_assessment", "/peers/2/assessment/id", "/peers/1/assessment/id"]]);
    const mentors = enrichReport(report, { mentors: [near, near] });
    expect(!mentors.ok && mentors.errors.errors.map((p) => [p.code, p.pointer, p.params["first"]])).toEqual([["duplicate_assessment", "/mentors/1/assessment/id", "/mentors/0/assessment/id"]]);
  });

  it("says peers that are not a list are not valid, rather than failing inside", () => {
    const result = enrichReport(reportOf(assessment(answers)), { peers: 5 as never });
    expect(!result.ok && result.errors.errors.map((p) => [p.code, p.pointer])).toEqual([["invalid_input", "/peers"]]);
  });

  it("takes practices and places a plugin host validated as they are (validated), fields its plugins add included", () => {
    const report = reportOf(assessment(answers));
    // A field a plugin's schema extension adds, which the core schema calls unknown.
    const graded = { ...practice("test.p-near", "Near", "DE", ["test.small#kf-c"]), acmeEvidenceGrade: "B" } as Practice;
    const places = [{ ...place("test.near", "Near", "DE", 240_000, 22), acmeRegion: "North" }];
    const plain = enrichReport(report, { uniformTarget: 60, practices: [graded], places });
    expect(!plain.ok && plain.errors.errors.map((p) => [p.code, p.pointer])).toEqual([["unknown_field", "/places/0"], ["unknown_field", "/practices/0"]]);
    const trusted = enrichReport(report, { uniformTarget: 60, practices: [graded], places, validated: true });
    expect(trusted.ok && trusted.report.recommendations?.[0]?.practices.map((p) => p.practice)).toEqual(["test.p-near"]);
    // A practice that is not what was promised is still checked in full.
    const broken = enrichReport(report, { uniformTarget: 60, practices: [{ ...graded, title: 5 } as unknown as Practice], validated: true });
    expect(!broken.ok && broken.errors.errors.map((p) => p.pointer)).toContain("/practices/0/title");
  });

  it("passes on the errors of a step that fails", () => {
    const result = enrichReport({ kind: "score-report" }, { uniformTarget: 60 });
    expect(result.ok).toBe(false);
  });
});
