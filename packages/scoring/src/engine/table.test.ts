import type { Assessment, Benchmark, Place, ScoreReport } from "@cohesion/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { answeredArb, assessmentFor, questionIds } from "../../test/arbitraries";
import { ANSWERS as answers, assessment, benchmark, LEVELS, place } from "../../test/fixtures";
import { keyFactorNodes } from "./aggregate";
import type { AnyScoringModel } from "./model";
import { defineScoringModel } from "./model";
import { equalAverage } from "./models/equal-average";
import { threshold } from "./models/threshold";
import { weightedMean, weightedMeanRules } from "./models/weighted-mean";
import { weightedMeanParameters } from "./models/weighted-mean";
import type { PeerIndex } from "../insights/peers";
import { createPeerIndex } from "../insights/peers";
import { scoreAssessment } from "./score";
import type { ScoreTable } from "./score-table";
import { createScorer } from "./scorer";

function tableOf(b: unknown, assessments: readonly unknown[], model: AnyScoringModel = weightedMean): ScoreTable {
  const scorer = createScorer(b, { model, explain: false, detail: "key-factors" });
  if (!scorer.ok) throw new Error(JSON.stringify(scorer.errors.errors));
  const table = scorer.report.scoreAll(assessments);
  if (!table.ok) throw new Error(JSON.stringify(table.errors.errors));
  return table.report;
}

const number = (value: number | undefined): number | null => (value === undefined || Number.isNaN(value) ? null : value);

// A plugin model: the table must read its numbers from its reports.
const halfModel = defineScoringModel({
  id: "acme.half",
  version: "1.0.0",
  title: "Half",
  description: "The weighted mean, every score halved at the top.",
  parameters: z.strictObject({}),
  score(_a, _b, context) {
    const overall = context.buildTree(weightedMeanRules(weightedMeanParameters.parse({})));
    return context.report({ ...overall, score: overall.score === null ? null : overall.score / 2 });
  },
});

describe("peers over a score table", () => {
  it("refuses a table with one assessment in two rows, pointing at the repeated row", () => {
    const a = assessment(answers);
    const table = tableOf(benchmark, [a, assessment(answers, { id: "test.other" }), a]);
    const index = createPeerIndex(table);
    expect(index.ok).toBe(false);
    if (index.ok) return;
    expect(index.errors.errors.map((p) => [p.code, p.pointer])).toEqual([["duplicate_assessment", "/assessments/2/id"]]);
  });
});

describe("scoreAll", () => {
  it("puts the hand-computed fixture in a row", () => {
    const table = tableOf(benchmark, [assessment(answers)]);
    expect(table.keyFactors.map((k) => k.ref)).toEqual(["test.small#kf-a", "test.small#kf-b", "test.small#kf-c"]);
    // kf-a 62.5, kf-b 54.1666…, kf-c 50; overall (2·56.25 + 50) / 3 = 54.1666…
    expect(table.keyFactorScores[0]).toBe(62.5);
    expect(table.keyFactorScores[1]).toBeCloseTo(54.1666667, 6);
    expect(table.keyFactorScores[2]).toBe(50);
    expect(table.overall[0]).toBeCloseTo(54.1666667, 6);
    expect(table.assessments[0]).toMatchObject({ id: "test.assessment-one", subject: "Testville", subjectRef: "test.testville", country: "DE" });
    expect(table.title).toBe("Small test benchmark");
  });

  it("holds in each row the numbers of the assessment's own report, and its problems where it has none", () => {
    const row = fc.oneof(
      fc.constant("valid"),
      fc.constantFrom<unknown>(42, null, {}, "garbage"),
      fc.constantFrom("unknown-question", "off-scale", "illustrative", "deprecated"),
    );
    fc.assert(
      fc.property(answeredArb, fc.array(fc.tuple(row, fc.array(fc.constantFrom(...LEVELS, "n/a", undefined), { minLength: 30, maxLength: 30 })), { maxLength: 6 }), fc.constantFrom<AnyScoringModel>(weightedMean, threshold, equalAverage, halfModel), ([b], rows, model) => {
        const count = questionIds(b).length;
        const assessments = rows.map(([kind, levels]): unknown => {
          const valid: Assessment = assessmentFor(b, levels.slice(0, count));
          if (kind === "valid") return valid;
          if (kind === "unknown-question") return { ...valid, answers: { ...valid.answers, "no-such-question": { level: "full" } } };
          if (kind === "off-scale") return { ...valid, answers: { ...valid.answers, [questionIds(b)[0] as string]: { level: "yes" } } };
          if (kind === "illustrative") return { ...valid, illustrative: true };
          if (kind === "deprecated") return { ...valid, schemaVersion: "1.1", answers: { [questionIds(b)[0] as string]: { level: "full", evidence: "Free text." } } };
          return kind;
        });
        const table = tableOf(b, assessments, model);
        expect(table.size).toBe(assessments.length);
        assessments.forEach((a, i) => {
          const single = scoreAssessment(a, b, { model, explain: false, detail: "key-factors" });
          if (!single.ok) {
            expect(table.errors.get(i)).toStrictEqual(single.errors);
            expect(table.assessments[i]).toBeUndefined();
            expect(Number.isNaN(table.overall[i])).toBe(true);
            return;
          }
          expect(table.errors.has(i)).toBe(false);
          expect(number(table.overall[i])).toBe(single.report.overall.score);
          const width = table.keyFactors.length;
          const nodes = keyFactorNodes(single.report.overall);
          expect(nodes.map((n) => n.ref)).toEqual(table.keyFactors.map((k) => k.ref));
          nodes.forEach((node, k) => expect(number(table.keyFactorScores[i * width + k])).toBe(node.score));
          expect(table.assessments[i]).toStrictEqual(single.report.assessment);
          expect(table.warnings.get(i) ?? []).toStrictEqual(single.warnings);
        });
      }),
      { numRuns: 120 },
    );
  });

  it("reads points that are not round scores (a scale in thirds) as each report does", () => {
    const thirds = { kind: "scale", schemaVersion: "1.0", id: "test.thirds", title: "Thirds", levels: ["l0", "l1", "l2", "l3"].map((id, value) => ({ id, label: id, value })) } as const;
    const ids = questionIds(benchmark);
    // Every question's level turns with the row, parents and sub-questions included.
    const rows = Array.from({ length: 24 }, (_, i) => assessment(Object.fromEntries(ids.map((id, q) => [id, `l${(i + q * (1 + (i % 3))) % 4}`])), { id: `test.assessment-${i}`, scale: "test.thirds" }));
    const options = { scales: [thirds], explain: false, detail: "key-factors" } as const;
    const scorer = createScorer(benchmark, options);
    if (!scorer.ok) throw new Error(JSON.stringify(scorer.errors.errors));
    const table = scorer.report.scoreAll(rows);
    if (!table.ok) throw new Error("no table");
    const width = table.report.keyFactors.length;
    rows.forEach((row, i) => {
      const single = scoreAssessment(row, benchmark, options);
      if (!single.ok) throw new Error(JSON.stringify(single.errors.errors));
      expect(number(table.report.overall[i])).toBe(single.report.overall.score);
      keyFactorNodes(single.report.overall).forEach((node, k) => expect(number(table.report.keyFactorScores[i * width + k])).toBe(node.score));
    });
    // A third of 100 is written with 9 decimals, as every score is.
    expect(table.report.keyFactorScores.some((score) => String(score).endsWith(".333333333") || String(score).endsWith(".666666667"))).toBe(true);
  });

  it("refuses anything but an array, never throwing", () => {
    const scorer = createScorer(benchmark);
    if (!scorer.ok) throw new Error("no scorer");
    const result = scorer.report.scoreAll("nope" as never);
    expect(result.ok).toBe(false);
  });
});

// Cities with and without place profiles, in four countries.
function citiesArb(b: Benchmark) {
  const count = questionIds(b).length;
  return fc.array(
    fc.record({
      levels: fc.array(fc.constantFrom(...LEVELS, "n/a", undefined), { minLength: count, maxLength: count }),
      country: fc.constantFrom("DE", "FR", "IT", "SE"),
      population: fc.option(fc.integer({ min: 1_000, max: 3_000_000 }), { nil: undefined }),
      share: fc.option(fc.integer({ min: 0, max: 450 }).map((n) => n / 10), { nil: undefined }),
      profiled: fc.boolean(),
    }),
    { minLength: 1, maxLength: 12 },
  );
}

// `only`: the subjects to check (all when not given).
function expectRanksMatchPositions(index: PeerIndex, only?: readonly number[]): void {
  const ranks = index.ranks();
  const size = ranks.subjects.length;
  const seen = new Set<string>();
  ranks.subjects.forEach((id, m) => {
    if (seen.has(id) || (only && !only.includes(m))) return; // position() answers for the first report of an assessment
    seen.add(id);
    const position = index.position(id);
    if (!position.ok) throw new Error("no position");
    position.report.peers.groups.forEach((group, d) => {
      expect(group.dimension).toBe(ranks.dimensions[d]);
      expect(group.id).toBe(ranks.groups[d]?.[m]);
      for (const stat of [group.overall, ...group.keyFactors]) {
        const r = ranks.refs.indexOf(stat.ref);
        const at = ranks.at(m, d, r);
        expect(at).toBe((d * ranks.refs.length + r) * size + m);
        expect(ranks.rank[at] === 0 ? null : ranks.rank[at]).toBe(stat.rank);
        expect(ranks.ofAt(m, d, r)).toBe(stat.of);
        expect(number(ranks.percentileAt(m, d, r))).toBe(stat.percentile);
      }
    });
  });
}

describe("peers over a score table", () => {
  it("place every subject as peers over its reports do, and rank all at once the same", () => {
    fc.assert(
      fc.property(answeredArb, answeredArb.chain(([b]) => fc.tuple(fc.constant(b), citiesArb(b))), (_, [b, cities]) => {
        const places: Place[] = [];
        const assessments = cities.map((city, i) => {
          const ref = `test.city-${i}`;
          if (city.profiled) places.push(place(ref, `City ${i}`, city.country, city.population, city.share));
          return assessmentFor(b, city.levels);
        }).map((a, i) => ({ ...a, id: `test.assessment-${i}`, subject: { type: "place" as const, name: `City ${i}`, ref: `test.city-${i}`, country: cities[i]?.country as string } }));
        const reports = assessments.map((a) => {
          const result = scoreAssessment(a, b, { explain: false, detail: "key-factors" });
          if (!result.ok) throw new Error(JSON.stringify(result.errors.errors));
          return result.report as ScoreReport;
        });
        const fromReports = createPeerIndex(reports, { places });
        const fromTable = createPeerIndex(tableOf(b, assessments), { places });
        if (!fromReports.ok || !fromTable.ok) throw new Error("no index");
        expect(fromTable.report.size).toBe(fromReports.report.size);
        for (const a of assessments) expect(fromTable.report.position(a.id)).toStrictEqual(fromReports.report.position(a.id));
        expectRanksMatchPositions(fromReports.report);
        expectRanksMatchPositions(fromTable.report);
      }),
      { numRuns: 80 },
    );
  });

  it("ranks hundreds of subjects with clustered and tied scores as position() does", () => {
    const ids = questionIds(benchmark);
    const levelsOf = (i: number) => Object.fromEntries(ids.map((id, q) => [id, i % 7 === 0 ? "partial" : (LEVELS[(i * (q + 3)) % 5] as string)]));
    const assessments = Array.from({ length: 300 }, (_, i) => assessment(levelsOf(i), { id: `test.assessment-${i}`, subject: { type: "place", name: `City ${i}`, country: i % 2 ? "DE" : "FR" } }));
    const index = createPeerIndex(tableOf(benchmark, assessments));
    if (!index.ok) throw new Error("no index");
    expectRanksMatchPositions(index.report);
  });

  it("counts past 65,535 subjects: the best of 65,537 has 65,536 below it, as position() says", () => {
    const ids = questionIds(benchmark);
    const best = assessment(Object.fromEntries(ids.map((id) => [id, "full"])), { id: "test.assessment-best" });
    // No "full" answer among the others: the best is alone at the top. Two countries of about 32,768
    // each: a dimension of small groups beside "all", whose one group holds every subject.
    const rest = Array.from({ length: 65_536 }, (_, i) =>
      assessment(Object.fromEntries(ids.map((id, q) => [id, LEVELS[(i + q) % 4] as string])), {
        id: `test.assessment-${i}`,
        subject: { type: "place", name: `City ${i}`, country: i % 2 ? "DE" : "FR" },
      }),
    );
    const index = createPeerIndex(tableOf(benchmark, [best, ...rest]));
    if (!index.ok) throw new Error("no index");
    const ranks = index.report.ranks();
    const overall = ranks.refs.indexOf("overall");
    expect(ranks.rank[ranks.at(0, 0, overall)]).toBe(1);
    expect(ranks.ofAt(0, 0, overall)).toBe(65_537);
    // All 65,536 others below: (65,536 + ½ · 0) / 65,536 · 100.
    expect(ranks.percentileAt(0, 0, overall)).toBe(100);
    const country = ranks.dimensions.indexOf("country");
    // The best is in DE (the fixture's subject), with half of the others.
    expect([ranks.ofAt(1, country, overall), ranks.ofAt(2, country, overall)]).toEqual([32_768, 32_769]);
    expectRanksMatchPositions(index.report, [0, 1, 2, 40_000, 65_535, 65_536]);
  });

  it("gives N and the percentile of a figure from its rank and the counts, and NaN for a figure that does not exist", () => {
    // Overall scores 100, 50, 50, 0 (all four in the "all" group): the two at 50 tie for rank 2.
    const levels = ["full", "partial", "partial", "none"];
    const rows = levels.map((level, i) => assessment(Object.fromEntries(questionIds(benchmark).map((id) => [id, level])), { id: `test.assessment-${i}` }));
    const index = createPeerIndex(tableOf(benchmark, rows));
    if (!index.ok) throw new Error("no index");
    const ranks = index.report.ranks();
    const overall = ranks.refs.indexOf("overall");
    const subjects = [0, 1, 2, 3];
    expect(subjects.map((m) => ranks.rank[ranks.at(m, 0, overall)])).toEqual([1, 2, 2, 4]);
    expect(subjects.map((m) => ranks.ofAt(m, 0, overall))).toEqual([4, 4, 4, 4]);
    // Against the 3 others: 100 has 3 below → 100; 50 has 1 below and 1 equal → (1 + ½) / 3 · 100 = 50;
    // 0 has none below → 0.
    expect(subjects.map((m) => ranks.percentileAt(m, 0, overall))).toEqual([100, 50, 50, 0]);
    const outside: [number, number, number][] = [[-1, 0, 0], [4, 0, 0], [0, ranks.dimensions.length, 0], [0, 0, ranks.refs.length], [0.5, 0, 0], [0, Number.NaN, 0]];
    for (const [m, d, r] of outside) {
      expect(ranks.ofAt(m, d, r)).toBeNaN();
      expect(ranks.percentileAt(m, d, r)).toBeNaN();
    }
  });

  it("leaves out rows that could not be scored", () => {
    const table = tableOf(benchmark, [assessment({ "q-a1": "full" }), 42]);
    const index = createPeerIndex(table);
    if (!index.ok) throw new Error("no index");
    expect(index.report.size).toBe(1);
    expect(index.report.ranks().subjects).toEqual(["test.assessment-one"]);
  });
});
