// The behaviour half of the ACME example plugin. Plain ESM, so it needs no build step.
// The host imports this file only when "acme.median" is first asked for.
import { z } from "zod";

// Lets the example's test see when (and how often) the host imported this module.
globalThis.__acmePluginImports = (globalThis.__acmePluginImports ?? 0) + 1;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function countQuestions(questions) {
  return questions.reduce((total, question) => total + 1 + countQuestions(question.subQuestions ?? []), 0);
}

/** Median of the answered guide questions, each read as 0–100 on the assessment's scale. */
export const medianModel = {
  id: "acme.median",
  version: "1.0.0",
  title: "Median answer",
  description: "The overall score is the median of the answered guide questions, read as 0 to 100 on the assessment's scale.",
  parameters: z.strictObject({}),
  score(assessment, benchmark, context) {
    const trace = [];
    for (const [question, answer] of Object.entries(assessment.answers)) {
      const points = answer.level === undefined ? undefined : context.points.get(answer.level);
      if (points !== undefined) trace.push({ ref: question, input: "answer", level: answer.level, score: points, weight: 1 });
    }
    const total = benchmark.sections.flatMap((section) => section.keyFactors).reduce((sum, keyFactor) => sum + countQuestions(keyFactor.guideQuestions), 0);
    const overall = {
      ref: benchmark.id,
      level: "overall",
      score: trace.length > 0 ? median(trace.map((entry) => entry.score)) : null,
      coverage: total > 0 ? Math.min(1, trace.length / total) : 0,
      status: trace.length > 0 ? "scored" : "unanswered",
      weight: 1,
      ...(context.explain ? { trace } : {}),
    };
    return context.report(overall);
  },
};

export function activate(context) {
  context.subscriptions.push(context.register("scoringModels", medianModel));
}

export function deactivate() {
  globalThis.__acmePluginDeactivated = true;
}
