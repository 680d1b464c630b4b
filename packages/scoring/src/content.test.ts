import { existsSync, readFileSync } from "node:fs";
import type { Assessment, Benchmark, Place, Practice, ScoreReport } from "@cohesion/schema";
import { validateAs } from "@cohesion/schema";
import { describe, expect, it } from "vitest";
import { keyFactorNodes } from "./engine/aggregate";
import { attachGaps } from "./insights/gaps";
import { matchMentors } from "./insights/mentors";
import type { AnyScoringModel } from "./engine/model";
import { BUILTIN_MODELS } from "./engine/models/builtin";
import { weightedMean } from "./engine/models/weighted-mean";
import { createPeerIndex } from "./insights/peers";
import { recommendPractices } from "./insights/practices";
import { scoreAssessment } from "./engine/score";

const root = new URL("../../../", import.meta.url);
const read = <T>(path: string): T => JSON.parse(readFileSync(new URL(path, root), "utf8")) as T;
const landed = existsSync(new URL("packages/plugin-eurocities/content/benchmark.json", root)) && existsSync(new URL("examples/assessments/eurocities-athens-kypseli.json", root));

describe.runIf(landed)("scoring the example assessments of the content plugins", () => {
  const benchmark = read<Benchmark>("packages/plugin-eurocities/content/benchmark.json");
  const practices = read<Practice[]>("packages/plugin-eurocities/content/practices.json");
  const places = read<Place[]>("packages/plugin-eurocities/content/places.json");
  const athens = read<Assessment>("examples/assessments/eurocities-athens-kypseli.json");
  const malmo = read<Assessment>("examples/assessments/eurocities-malmo-all-activities-centres.json");

  const score = (a: Assessment, model: AnyScoringModel = weightedMean): ScoreReport => {
    const result = scoreAssessment(a, benchmark, { model });
    if (!result.ok) throw new Error(JSON.stringify(result.errors.errors, null, 2));
    return result.report;
  };

  it("scores Athens and Malmö under every built-in model, with reports that follow the schema", () => {
    for (const model of BUILTIN_MODELS) {
      for (const a of [athens, malmo]) {
        const report = score(a, model);
        expect(validateAs("score-report", report).errors).toEqual([]);
        const keyFactors = keyFactorNodes(report.overall);
        expect(keyFactors).toHaveLength(benchmark.sections.reduce((n, s) => n + s.keyFactors.length, 0));
        expect(report.overall.score).not.toBeNull();
        const sum = (report.overall.trace ?? []).reduce((t, e) => t + (e.contribution ?? 0), 0);
        expect(sum).toBeCloseTo(report.overall.score ?? NaN, 8);
      }
    }
  });

  it("finds Athens' gaps against its own targets and practices to learn from for each", () => {
    const withGaps = attachGaps(score(athens), { targets: athens.targets });
    if (!withGaps.ok) throw new Error("gaps failed");
    const gaps = withGaps.report.gaps ?? [];
    for (let i = 1; i < gaps.length; i++) expect((gaps[i - 1]?.priority ?? 0) >= (gaps[i]?.priority ?? 0)).toBe(true);
    const recommended = recommendPractices(withGaps.report, { practices, places, benchmark });
    if (!recommended.ok) throw new Error(JSON.stringify(recommended.errors));
    expect(recommended.report.recommendations.map((r) => r.keyFactor)).toEqual(gaps.map((g) => g.keyFactor));
    for (const recommendation of recommended.report.recommendations) {
      // Athens' own practices are never recommended to Athens.
      expect(recommendation.practices.every((p) => p.city !== "Athens")).toBe(true);
      for (const entry of recommendation.practices) {
        const practice = practices.find((p) => p.id === entry.practice);
        const listed = benchmark.sections.flatMap((s) => s.keyFactors).find((k) => `${benchmark.id}#${k.id}` === recommendation.keyFactor);
        expect(practice?.keyFactors?.includes(recommendation.keyFactor) || listed?.practiceRefs?.includes(entry.practice)).toBe(true);
        expect(entry.reason.length).toBeGreaterThan(40);
      }
      const similarities = recommendation.practices.map((p) => p.similarity);
      expect(similarities).toEqual([...similarities].sort((a, b) => b - a));
    }
  });

  it("places Athens among peers and never proposes Athens as its own mentor", () => {
    const reports = [score(athens), score(malmo)];
    const index = createPeerIndex(reports, { places });
    if (!index.ok) throw new Error(JSON.stringify(index.errors));
    const position = index.report.position(athens.id);
    if (!position.ok) throw new Error("no position");
    expect(position.report.peers.groups[0]?.overall.of).toBe(2);
    expect(position.report.peers.groups.find((g) => g.dimension === "country")?.id).toBe("gr");
    const mentors = matchMentors(reports[0], reports, { places });
    if (!mentors.ok) throw new Error("no mentors");
    expect(mentors.report.mentors.every((m) => m.assessment !== athens.id)).toBe(true);
  });
});
