import { validateAssessment, validatePlace, validatePractice } from "@cohesion/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ANSWERS, assessment, place, practice } from "../test/fixtures";
import { readableAssessment, readablePlace, readablePractice } from "./readable";

// What `validated: true` takes on trust must hold for every valid document, and a document whose read
// fields have other types must go the checked way.
describe("readable documents", () => {
  const cases = [
    { name: "practice", readable: readablePractice, validate: validatePractice, valid: practice("test.p", "Ghent", "BE", ["test.b#kf-a"], "test.ghent"), read: ["id", "title", "country", "city", "placeRef", "keyFactors"] },
    { name: "place", readable: readablePlace, validate: validatePlace, valid: place("test.ghent", "Ghent", "BE", 260_000, 21), read: ["id", "name", "country", "population", "migrantShares"] },
    { name: "assessment", readable: readableAssessment, validate: validateAssessment, valid: assessment(ANSWERS), read: ["id", "assessedOn", "benchmark", "subject", "answers"] },
  ] as const;

  it.each(cases)("a valid $name is readable, and one with a read field of another type is not", ({ readable, validate, valid, read }) => {
    expect(validate(valid).valid).toBe(true);
    expect(readable(valid)).toBe(true);
    const wrong = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { minLength: 1 }));
    fc.assert(
      fc.property(fc.constantFrom(...read), wrong, (field, value) => {
        expect(readable({ ...valid, [field]: value })).toBe(false);
      }),
    );
  });

  it.each(cases)("never throws on garbage, and says readable only of an object ($name)", ({ readable }) => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const answer = readable(value);
        if (answer) expect(typeof value === "object" && value !== null && !Array.isArray(value)).toBe(true);
      }),
    );
  });
});
