import type { Assessment, Benchmark, Place, Practice, Scale } from "@cohesion/schema";

const sources = [{ publication: "Scoring test fixtures", year: 2026, section: "Fixture benchmark" }];

/**
 * A small benchmark with every shape the engine handles: section and key factor weights,
 * a weighted question and a parent question with sub-questions.
 *
 * s1 (weight 2): kf-a (weight 1): q-a1 (1), q-a2 (3)
 *                kf-b (weight 3): q-b1 (1) with sub-questions q-b1a (1), q-b1b (1); q-b2 (1)
 * s2 (weight 1): kf-c (weight 1): q-c1, q-c2, q-c3 (1 each)
 */
export const benchmark: Benchmark = {
  kind: "benchmark",
  schemaVersion: "1.0",
  id: "test.small",
  version: "1.0.0",
  title: "Small test benchmark",
  standard: "A city meets the small test standard.",
  defaultScale: "cohesion.maturity",
  sections: [
    {
      id: "s1",
      title: "Section one",
      weight: 2,
      keyFactors: [
        {
          id: "kf-a",
          title: "Key factor A",
          weight: 1,
          guideQuestions: [
            { id: "q-a1", text: "Question A1?" },
            { id: "q-a2", text: "Question A2?", weight: 3 },
          ],
        },
        {
          id: "kf-b",
          title: "Key factor B",
          weight: 3,
          guideQuestions: [
            {
              id: "q-b1",
              text: "Question B1?",
              subQuestions: [
                { id: "q-b1a", text: "Question B1a?" },
                { id: "q-b1b", text: "Question B1b?" },
              ],
            },
            { id: "q-b2", text: "Question B2?" },
          ],
        },
      ],
    },
    {
      id: "s2",
      title: "Section two",
      weight: 1,
      keyFactors: [
        {
          id: "kf-c",
          title: "Key factor C",
          guideQuestions: [
            { id: "q-c1", text: "Question C1?" },
            { id: "q-c2", text: "Question C2?" },
            { id: "q-c3", text: "Question C3?" },
          ],
        },
      ],
    },
  ],
  sources,
};

/** Every question id of {@link benchmark}, parents included. */
export const QUESTION_IDS = ["q-a1", "q-a2", "q-b1", "q-b1a", "q-b1b", "q-b2", "q-c1", "q-c2", "q-c3"] as const;

/** Maturity levels in order: none 0, planned 25, partial 50, substantial 75, full 100. */
export const LEVELS = ["none", "planned", "partial", "substantial", "full"] as const;

/** The hand-computed answers the model and scorer tests check to the decimal (maturity scale). */
export const ANSWERS = {
  "q-a1": "full", // 100
  "q-a2": "partial", // 50, weight 3
  "q-b1": "planned", // 25, own answer of a parent question
  "q-b1a": "substantial", // 75
  "q-b1b": "none", // 0
  "q-b2": "substantial", // 75
  "q-c1": "partial", // 50
  "q-c2": "n/a", // left out
  // q-c3 unanswered
} as const;

/** An assessment of {@link benchmark} with the given answers. */
export function assessment(answers: Record<string, string | undefined>, overrides: Partial<Assessment> = {}): Assessment {
  const answerMap: Assessment["answers"] = {};
  for (const [id, level] of Object.entries(answers)) answerMap[id] = level === undefined ? {} : { level };
  return {
    kind: "assessment",
    schemaVersion: "1.0",
    id: "test.assessment-one",
    benchmark: { id: "test.small", version: "1.0.0" },
    subject: { type: "place", name: "Testville", ref: "test.testville", country: "DE" },
    method: "self",
    assessedBy: [{ name: "Testville integration office" }],
    assessedOn: "2026-01-15",
    answers: answerMap,
    ...overrides,
  };
}

/** A three-level scale with uneven values, to test linear normalisation. */
export const unevenScale: Scale = {
  kind: "scale",
  schemaVersion: "1.0",
  id: "test.uneven",
  title: "Uneven",
  levels: [
    { id: "low", label: "Low", value: 2 },
    { id: "mid", label: "Middle", value: 3 },
    { id: "high", label: "High", value: 6 },
  ],
};

/** A place profile. */
export function place(id: string, name: string, country: string, population?: number, foreignBorn?: number): Place {
  const doc: Place = { kind: "place", schemaVersion: "1.0", id, name, country, sources };
  if (population !== undefined) doc.population = { value: population, year: 2020 };
  if (foreignBorn !== undefined) doc.migrantShares = [{ measure: "foreign-born", percent: foreignBorn, year: 2020, definition: "Residents born abroad." }];
  return doc;
}

/** A practice linked to key factors of {@link benchmark}. */
export function practice(id: string, city: string, country: string, keyFactors: string[], placeRef?: string): Practice {
  const doc: Practice = {
    kind: "practice",
    schemaVersion: "1.0",
    id,
    title: `Practice ${id}`,
    city,
    country,
    summary: "A practice used in tests.",
    keyFactors,
    sources,
  };
  if (placeRef !== undefined) doc.placeRef = placeRef;
  return doc;
}
