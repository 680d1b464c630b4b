import type { Scale, ScoreNode } from "@cohesion/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ANSWERS, assessment, benchmark, LEVELS, QUESTION_IDS } from "../../test/fixtures";
import { createPeerIndex } from "../insights/peers";
import { scoreAssessment } from "./score";
import { scoreThoroughly } from "./score-steps";

function scored(answers: Record<string, string | undefined>, id = "test.assessment-shared") {
  const result = scoreAssessment(assessment(answers, { id }), benchmark);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.report;
}

function nodes(node: ScoreNode): ScoreNode[] {
  return [node, ...(node.children ?? []).flatMap(nodes)];
}

describe("full reports in memory", () => {
  it("share one frozen node per question and answers (a leaf, or a parent with its sub-questions), and one frozen band label per band", () => {
    const first = nodes(scored(ANSWERS).overall);
    const second = nodes(scored({ ...ANSWERS, "q-a1": "none" }).overall);
    const leaf = (list: ScoreNode[], ref: string) => list.find((n) => n.ref === ref && !n.children) as ScoreNode;
    // q-a2 is answered alike in both: the very same object, frozen with its trace.
    expect(leaf(second, "q-a2")).toBe(leaf(first, "q-a2"));
    expect(Object.isFrozen(leaf(first, "q-a2"))).toBe(true);
    expect(Object.isFrozen(leaf(first, "q-a2").trace?.[0])).toBe(true);
    // q-a1 is answered differently: another node.
    expect(leaf(second, "q-a1")).not.toBe(leaf(first, "q-a1"));
    // A parent question and its sub-questions answered alike: one frozen node, children included.
    const parent = (list: ScoreNode[]) => list.find((n) => n.ref === "q-b1") as ScoreNode;
    expect(parent(second)).toBe(parent(first));
    expect(Object.isFrozen(parent(first).children)).toBe(true);
    const third = nodes(scored({ ...ANSWERS, "q-b1a": "none" }).overall);
    expect(parent(third)).not.toBe(parent(first));
    expect(parent(third).children?.[1]).toBe(parent(first).children?.[1]);
    // Unanswered is an answer of its own, for the parent and for each sub-question: every combination keeps
    // its node while the others are scored in turn (a combination taken for another would replace its node).
    const variants = [ANSWERS, { ...ANSWERS, "q-b1a": "none" }, { ...ANSWERS, "q-b1a": undefined }, { ...ANSWERS, "q-b1": undefined }, { ...ANSWERS, "q-b1": "none" }];
    const kept = variants.map((answers) => parent(nodes(scored(answers).overall)));
    expect(new Set(kept).size).toBe(variants.length);
    for (let round = 0; round < 2; round++) variants.forEach((answers, i) => expect(parent(nodes(scored(answers).overall))).toBe(kept[i]));
    expect(kept[2]?.children?.[0]?.answer).toBeUndefined();
    expect(kept[3]?.answer).toBeUndefined();
    const banded = first.filter((n) => n.band?.id === "established");
    if (banded.length > 1) expect(banded[0]?.band).toBe(banded[1]?.band);
    expect(first.every((n) => n.band === undefined || Object.isFrozen(n.band))).toBe(true);
  });

  it("never give a report a node written for other answers or another scale's points, however reports follow each other", () => {
    // The same level ids as the maturity scale, other points: a node kept for "partial" on one is wrong on the other.
    const skewed: Scale = {
      kind: "scale",
      schemaVersion: "1.0",
      id: "test.skewed",
      title: "Skewed",
      levels: LEVELS.map((id, i) => ({ id, label: id, value: [0, 1, 2, 3, 10][i] as number })),
    };
    const options = { scales: [skewed] };
    const answer = fc.option(fc.constantFrom(...LEVELS, "n/a"), { nil: undefined });
    const answers = fc.record(Object.fromEntries(QUESTION_IDS.map((id) => [id, answer])) as Record<string, fc.Arbitrary<string | undefined>>);
    fc.assert(
      fc.property(fc.array(fc.record({ answers, skewed: fc.boolean() }), { minLength: 1, maxLength: 12 }), (sequence) => {
        for (const { answers: given, skewed: onSkewed } of sequence) {
          const a = assessment(given, onSkewed ? { scale: "test.skewed" } : {});
          const quick = scoreAssessment(a, benchmark, options);
          // The thorough path finds kept nodes by level ids only, not by the quick path's picks.
          expect(JSON.stringify(quick)).toBe(JSON.stringify(scoreThoroughly(a, benchmark, options)));
        }
      }),
      { numRuns: 150 },
    );
  });

  it("write a node's trace on first read, as an own enumerable property in its place, the same array on every read", () => {
    const report = scored(ANSWERS);
    const section = report.overall.children?.[0] as ScoreNode;
    expect(Object.keys(section)).toEqual(["ref", "level", "title", "score", "coverage", "status", "weight", "band", "trace", "children"]);
    const trace = section.trace;
    expect(trace?.map((t) => t.ref)).toEqual(section.children?.map((c) => c.ref));
    expect(section.trace).toBe(trace);
    // What a reader sees does not depend on when it reads: a spread, JSON and a structured clone agree.
    const again = scored(ANSWERS);
    expect(JSON.parse(JSON.stringify(again))).toEqual(JSON.parse(JSON.stringify(report)));
    expect(structuredClone(again.overall).trace).toEqual({ ...report.overall }.trace);
    // A trace may be replaced, as any property of a plain object, and JSON writes what is there.
    section.trace = [];
    expect(section.trace).toEqual([]);
    const json = JSON.parse(JSON.stringify(report)) as typeof report;
    expect(json.overall.children?.[0]?.trace).toEqual([]);
    expect(json.overall.children?.[1]?.trace).toEqual(again.overall.children?.[1]?.trace);
    expect(json.overall.trace).toEqual(again.overall.trace);
  });

  it("keep a copy of the answers of a benchmark too large to keep them as one character per question, with the same late traces", () => {
    // 8,200 questions: beyond the 8,192 whose answers a report keeps as a string.
    const ids = Array.from({ length: 8200 }, (_, i) => `q-${i}`);
    const large = { ...benchmark, id: "test.large", sections: [{ id: "s1", title: "One", keyFactors: [{ id: "kf-1", title: "All", guideQuestions: ids.map((id) => ({ id, text: "Is it done?" })) }] }] };
    const answered = (level: string) => assessment(Object.fromEntries(ids.map((id, i) => [id, i % 2 === 0 ? level : "partial"])), { benchmark: { id: "test.large", version: "1.0.0" } });
    const early = scoreAssessment(answered("full"), large);
    // Another assessment over the same tree before the first report's traces are read.
    const later = scoreAssessment(answered("none"), large);
    const thorough = scoreThoroughly(answered("full"), large, {});
    if (!early.ok || !later.ok || !thorough.ok) throw new Error("not scored");
    expect(early.report.overall.score).toBe(75);
    expect(later.report.overall.score).toBe(25);
    expect(JSON.stringify(early.report)).toBe(JSON.stringify(thorough.report));
  });

  it("write a trace read late from the report's own answers, whatever was scored since, on plain objects", () => {
    const early = scored(ANSWERS);
    // Other answers over the same compiled tree, scored before the first report's traces are read.
    const others = [{ ...ANSWERS, "q-a1": "none" }, { ...ANSWERS, "q-b1": undefined, "q-a2": "full" }].map((answers) => scored(answers));
    const fresh = JSON.parse(JSON.stringify(scored(ANSWERS))) as typeof early;
    expect(early.overall.children?.[0]?.trace).toEqual(fresh.overall.children?.[0]?.trace);
    expect(JSON.parse(JSON.stringify(early))).toEqual(fresh);
    expect(JSON.parse(JSON.stringify(others[0]))).not.toEqual(fresh);
    for (const node of nodes(early.overall)) expect(Object.getPrototypeOf(node)).toBe(Object.prototype);
  });

  it("give a frozen report its traces all the same", () => {
    const report = scored(ANSWERS);
    const freeze = (node: ScoreNode): void => {
      Object.freeze(node);
      node.children?.forEach(freeze);
    };
    freeze(report.overall);
    const trace = report.overall.trace;
    expect(trace?.length).toBe(report.overall.children?.length);
    expect(report.overall.trace).toEqual(trace);
  });
});

describe("peer positions", () => {
  it("share one frozen statistic among the members of a group with the same score", () => {
    const reports = ["a", "b", "c"].map((id) => scored(ANSWERS, `test.assessment-${id}`));
    const index = createPeerIndex(reports);
    if (!index.ok) throw new Error(JSON.stringify(index.errors));
    const a = index.report.position("test.assessment-a");
    const b = index.report.position("test.assessment-b");
    if (!a.ok || !b.ok) throw new Error("no position");
    const overallA = a.report.peers.groups[0]?.overall;
    expect(b.report.peers.groups[0]?.overall).toBe(overallA);
    expect(Object.isFrozen(overallA)).toBe(true);
    expect(Object.isFrozen(overallA?.histogram)).toBe(true);
    // Three alike: rank 1 of 3, the two others at the same score, so the percentile is 50.
    expect(overallA?.rankText).toBe("1 of 3");
    expect(overallA?.percentile).toBe(50);
  });
});
