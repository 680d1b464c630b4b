// The questionnaire carries the benchmark's provenance marks to every prose field it shows, and the text and
// Markdown renderings print exactly one mark per marked field that is shown, whatever the marks are.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Benchmark, Provenance } from "@cohesion/schema";
import { questionnaireOf } from "./questionnaire";
import { questionnaireMarkdown, questionnaireText } from "./questionnaire-render";

const benchmark = JSON.parse(readFileSync(new URL("../../../examples/benchmark-plugin/content/benchmark.json", import.meta.url), "utf8")) as Benchmark;

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== "provenance").map(([key, child]) => [key, strip(child)]));
}

/** Each prose field the questionnaire prints, as [object, field, how many printed items carry its mark]. */
function shownFields(b: Benchmark): [Record<string, unknown>, string, number][] {
  const fields: [Record<string, unknown>, string, number][] = [];
  const add = (item: object, field: string, count: number) => {
    if (count > 0) fields.push([item as Record<string, unknown>, field, count]);
  };
  add(b, "standard", b.standard ? 1 : 0);
  for (const section of b.sections) {
    add(section, "description", section.description ? 1 : 0);
    for (const keyFactor of section.keyFactors) {
      add(keyFactor, "statement", keyFactor.statement ? 1 : 0);
      add(keyFactor, "practicalTips", keyFactor.practicalTips?.length ?? 0);
      for (const action of keyFactor.recommendedActions ?? []) add(action, "description", action.description ? 1 : 0);
      const questions = (list: typeof keyFactor.guideQuestions): void => {
        for (const q of list) {
          add(q, "text", 1);
          add(q, "guidance", q.guidance ? 1 : 0);
          questions(q.subQuestions ?? []);
        }
      };
      questions(keyFactor.guideQuestions);
    }
  }
  for (const factor of b.contextFactors ?? []) {
    add(factor, "description", factor.description ? 1 : 0);
    add(factor, "mayInvolve", factor.mayInvolve?.length ?? 0);
  }
  return fields;
}

const count = (text: string, pattern: RegExp): number => (text.match(pattern) ?? []).length;

describe("questionnaireOf and its renderings", () => {
  it("keep each shown field's mark, and only the marks of shown fields", () => {
    const q = questionnaireOf(benchmark, undefined);
    expect(q.marked).toBe(true);
    expect(q.benchmark.provenance).toEqual({ standard: "source" });
    expect(q.sections[0]?.provenance).toEqual({ description: "editorial" });
    expect(q.sections[0]?.keyFactors[0]?.provenance).toEqual({ statement: "source", practicalTips: "editorial" });
    expect(q.sections[0]?.keyFactors[0]?.questions[0]?.provenance).toEqual({ text: "source", guidance: "editorial" });
    expect(q.contextFactors[0]?.provenance).toEqual({ description: "editorial", mayInvolve: "source" });
    expect(questionnaireOf(strip(benchmark) as Benchmark, undefined).marked).toBe(false);
  });

  it("print one mark for every marked field shown, whatever the marks (property)", () => {
    const unmarked = strip(benchmark) as Benchmark;
    const slots = shownFields(unmarked).length;
    const mark = fc.constantFrom<Provenance | undefined>("source", "editorial", undefined);
    fc.assert(
      fc.property(fc.array(mark, { minLength: slots, maxLength: slots }), (marks) => {
        const b = structuredClone(unmarked);
        let expected = 0;
        shownFields(b).forEach(([item, field, printed], i) => {
          const given = marks[i];
          if (given === undefined) return;
          item["provenance"] = { ...(item["provenance"] as object | undefined), [field]: given };
          expected += printed;
        });
        const q = questionnaireOf(b, undefined);
        expect(q.marked).toBe(expected > 0);
        const legend = expected > 0 ? 2 : 0;
        expect(count(questionnaireText(q, 120), /\((source|editorial)\)/g)).toBe(expected + legend);
        expect(count(questionnaireMarkdown(q), /_\((source|editorial)\)_|\((source|editorial)\) /g)).toBe(expected + legend);
      }),
      { numRuns: 60 },
    );
  });
});
