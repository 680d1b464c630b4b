import type { Assessment, ScoreReport } from "@cohesion/schema";
import { scoreAssessment } from "../src/engine/score";
import { assessment, benchmark, QUESTION_IDS } from "./fixtures";

/** Scores an assessment of the fixture benchmark, failing loudly if it does not score. */
export function reportOf(a: Assessment): ScoreReport {
  const result = scoreAssessment(a, benchmark);
  if (!result.ok) throw new Error(JSON.stringify(result.errors.errors));
  return result.report;
}

/** A subject that gave the same level to every question: every score equals that level's points. */
export function uniformReport(id: string, name: string, level: string, subject: Partial<Assessment["subject"]> = {}): ScoreReport {
  const answers = Object.fromEntries(QUESTION_IDS.map((q) => [q, level]));
  return reportOf(assessment(answers, { id, subject: { type: "place", name, ...subject } }));
}
