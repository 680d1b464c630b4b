import { fixtures } from "@cohesion/test-support";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Assessment, Place } from "./generated/types";
import { validateAssessment } from "./generated/validate-kinds";
import { quickCheck, quickCheckAssessment, quickCheckBenchmark, quickCheckPlace, quickCheckPractice, quickCheckScale, type QuickCheckKind } from "./quick-check";
import { validateAs } from "./validate";

const surelyValid = (kind: QuickCheckKind, document: unknown) => quickCheck(kind).surelyValid(document);

/** A valid assessment with the given answers. */
function assessment(answers: Record<string, string | undefined>, overrides: Partial<Assessment> = {}): Assessment {
  const answerMap: Assessment["answers"] = {};
  for (const [id, level] of Object.entries(answers)) answerMap[id] = level === undefined ? {} : { level };
  return { ...(structuredClone(fixtures.assessment) as unknown as Assessment), answers: answerMap, ...overrides };
}

/** A valid place with a population and a share of residents born abroad. */
function place(id: string, name: string, country: string, population: number, foreignBorn: number): Place {
  return {
    ...(structuredClone(fixtures.place) as unknown as Place),
    id,
    name,
    country,
    population: { value: population, year: 2020 },
    migrantShares: [{ measure: "foreign-born", percent: foreignBorn, year: 2020, definition: "Residents born abroad." }],
  };
}

const jsonValue = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom("1.0", "1.1", "1.2", "2.0", "2026-02-29", "2024-02-29", "2026-04-31", "DE", "de", "test.x", "x".repeat(501), "𝒳".repeat(300), ""),
  fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.record({ name: fc.string({ maxLength: 3 }) })), { maxLength: 2 }),
  fc.dictionary(fc.constantFrom("value", "year", "name", "level", "notes", "evidence", "q-a1", "measure", "percent", "definition"), fc.oneof(fc.string({ maxLength: 3 }), fc.integer()), { maxKeys: 3 }),
);

// A valid document with one value somewhere replaced, added or removed, down to two levels deep.
function mutated(base: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(base);
  return fc
    .record({
      key: fc.oneof(fc.constantFrom(...keys), fc.constantFrom("extra", "answers", "population", "migrantShares")),
      inner: fc.oneof(fc.constant(undefined), fc.constantFrom("q-a1", "q-zz", "value", "level", "year", "0", "name", "evidence", "notes")),
      value: fc.oneof(jsonValue, fc.constant(undefined)),
      remove: fc.boolean(),
    })
    .map(({ key, inner, value, remove }) => {
      const doc: Record<string, unknown> = structuredClone(base);
      if (inner === undefined || typeof doc[key] !== "object" || doc[key] === null) {
        if (remove) delete doc[key];
        else doc[key] = value;
      } else {
        const child = doc[key] as Record<string, unknown>;
        if (remove) delete child[inner];
        else child[inner] = value;
      }
      return doc;
    });
}

function soundFor(kind: QuickCheckKind, documents: fc.Arbitrary<unknown>) {
  let sure = 0;
  fc.assert(
    fc.property(documents, (doc) => {
      const full = validateAs(kind, doc);
      if (surelyValid(kind, doc)) {
        sure++;
        expect(full).toEqual({ valid: true, errors: [] });
      }
      expect(quickCheck(kind).validate(doc, (d) => validateAs(kind, d))).toEqual(full);
    }),
    { numRuns: 600 },
  );
  return sure;
}

describe("the quick check", () => {
  it("is sure of an assessment only when the full validator finds no problem at all", () => {
    const valid = assessment({ "q-a1": "full", "q-b1": "n/a", "q-c3": undefined }, { title: "Spring round", targets: { overall: 60 } });
    const sure = soundFor("assessment", fc.oneof(mutated(valid as unknown as Record<string, unknown>), fc.anything()));
    expect(sure).toBeGreaterThan(20);
  });

  it("is sure of a place only when the full validator finds no problem at all", () => {
    const valid = place("test.city", "City", "DE", 250_000, 17.5);
    const sure = soundFor("place", fc.oneof(mutated(valid as unknown as Record<string, unknown>), fc.anything()));
    expect(sure).toBeGreaterThan(20);
  });

  it("is sure of a practice only when the full validator finds no problem at all", () => {
    const valid = structuredClone(fixtures.practice) as unknown as Record<string, unknown>;
    const sure = soundFor("practice", fc.oneof(mutated(valid), fc.anything()));
    expect(sure).toBeGreaterThan(20);
  });

  it("is sure of plain valid documents and leaves deprecated fields, unknown keywords and odd objects to the full validator", () => {
    expect(surelyValid("assessment", assessment({ "q-a1": "full" }))).toBe(true);
    expect(surelyValid("place", place("test.city", "City", "DE", 250_000, 17.5))).toBe(true);
    const deprecated = { ...assessment({}, { schemaVersion: "1.1" }), answers: { "q-a1": { level: "full", evidence: "Free text." } } };
    expect(surelyValid("assessment", deprecated)).toBe(false);
    expect(quickCheck("assessment").validate(deprecated, validateAssessment).errors.map((e) => e.code)).toEqual(["deprecated_field"]);
    const hostile = new Proxy(assessment({}), { get: () => { throw new Error("no"); } });
    expect(surelyValid("assessment", hostile)).toBe(false);
    let deep: Record<string, unknown> = {};
    const root = { ...assessment({}), targets: { keyFactors: {} }, notes: "x" } as Record<string, unknown>;
    for (let i = 0; i < 200; i++) deep = { nested: deep };
    expect(surelyValid("assessment", { ...root, answers: { "q-a1": deep } })).toBe(false);
  });

  it("splits an assessment into its frame and its answers while the schema allows it", () => {
    const split = quickCheck("assessment").split;
    expect(quickCheck("place").split).toBeNull();
    expect(split).not.toBeNull();
    if (!split) return;
    expect(split.frame({ ...assessment({}), answers: { "Not An Id": 7 } })).toBe(true);
    expect(split.frame({ ...assessment({}), answers: [] })).toBe(false);
    expect([split.answers.name("q-a1"), split.answers.name("Q A1"), split.answers.level("n/a"), split.answers.level("N/A")]).toEqual([true, false, true, false]);
    expect([split.answers.notes("Fine."), split.answers.notes(""), split.answers.notes(3)]).toEqual([true, false, false]);
  });

  it("is the same check whether named by kind at run time or through the function of one kind", () => {
    const byKind = { assessment: quickCheckAssessment, benchmark: quickCheckBenchmark, scale: quickCheckScale, place: quickCheckPlace, practice: quickCheckPractice };
    for (const [kind, one] of Object.entries(byKind)) expect(one()).toBe(quickCheck(kind as QuickCheckKind));
    expect(quickCheckAssessment().split).not.toBeNull();
    expect(quickCheckPlace().split).toBeNull();
    expect(quickCheckAssessment().surelyValid(fixtures.assessment)).toBe(true);
    expect(quickCheckPlace().surelyValid(fixtures.assessment)).toBe(false);
  });

  it("refuses a kind it does not know with an error naming the kinds it knows", () => {
    for (const kind of ["framework", "constructor", "__proto__"]) {
      expect(() => quickCheck(kind as QuickCheckKind)).toThrow(/quickCheck knows assessment, benchmark, scale, place, practice, not "/);
    }
  });
});
