import type { CohesionDocument, ValidationReport } from "@cohesion/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectWellFormed as expectReport, VALID_DOCUMENTS } from "@cohesion/test-support";
import { checkIntegrity } from "./check";
import { INTEGRITY_CODES } from "./problems";

function expectIntegrityReport(report: ValidationReport, count: number): void {
  expectReport(report, { codes: INTEGRITY_CODES });
  for (const problem of report.errors) {
    const index = problem.params["documentIndex"];
    if (problem.code !== "integrity_check_failed") {
      expect(Number.isInteger(index) && (index as number) >= 0 && (index as number) < count).toBe(true);
      expect(typeof problem.params["documentKind"]).toBe("string");
    }
  }
}

const fixtures = Object.values(VALID_DOCUMENTS) as unknown[];

// Fixtures whose ids, references and answers are shuffled between documents, so references
// break in many ways, plus arbitrary values in between.
const mixedDocuments = fc.array(
  fc.oneof(
    fc.constantFrom(...fixtures),
    fc.constantFrom(...fixtures).chain((document) =>
      fc
        .record({ key: fc.constantFrom(...Object.keys(document as object)), value: fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(...fixtures)) })
        .map(({ key, value }) => ({ ...(document as object), [key]: value })),
    ),
    fc.anything({ maxDepth: 4 }),
  ),
  { maxLength: 14 },
);

describe("checkIntegrity on arbitrary input", () => {
  it("never throws on arrays of anything, and answers with a well-formed report", () => {
    fc.assert(
      fc.property(fc.array(fc.anything({ maxDepth: 5 }), { maxLength: 10 }), (documents) => {
        expectIntegrityReport(checkIntegrity(documents as CohesionDocument[]), documents.length);
      }),
      { numRuns: 400 },
    );
  });

  it("never throws on mixes of real documents and garbage", () => {
    fc.assert(
      fc.property(mixedDocuments, (documents) => {
        expectIntegrityReport(checkIntegrity(documents as CohesionDocument[]), documents.length);
      }),
      { numRuns: 400 },
    );
  });

  it("never throws when not even given an array", () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expectIntegrityReport(checkIntegrity(value as CohesionDocument[]), 0);
      }),
      { numRuns: 200 },
    );
  });

  it("finds the same problems whatever the order of the documents, for distinct ids", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(fixtures, { minLength: 1 }), (documents) => {
        const forward = checkIntegrity(documents as CohesionDocument[]);
        const backward = checkIntegrity([...documents].reverse() as CohesionDocument[]);
        const keys = (report: ValidationReport) => report.errors.map((p) => `${p.code} ${String(p.params["documentId"])} ${p.pointer}`).sort();
        expect(keys(backward)).toEqual(keys(forward));
      }),
      { numRuns: 200 },
    );
  });

  it("with context documents, reports what the whole set reports in the checked documents, and nothing in the context", () => {
    fc.assert(
      fc.property(mixedDocuments, fc.nat(), fc.anything(), (documents, cut, garbage) => {
        const split = documents.length === 0 ? 0 : cut % (documents.length + 1);
        const checked = documents.slice(0, split) as CohesionDocument[];
        const context = documents.slice(split) as CohesionDocument[];
        const report = checkIntegrity(checked, { context });
        expectIntegrityReport(report, checked.length);
        // Duplicates aside (a clash with the context is the checked document's, whichever came first),
        // each problem is the one the whole set gives the same document.
        const key = (p: ValidationReport["errors"][number]) => `${p.code} ${String(p.params["documentIndex"])} ${p.pointer} ${p.message}`;
        const whole = checkIntegrity(documents as CohesionDocument[]).errors.filter((p) => p.code !== "duplicate_id" && (p.params["documentIndex"] as number) < split);
        expect(report.errors.filter((p) => p.code !== "duplicate_id").map(key)).toEqual(whole.map(key));
        // Options that are not an object with a context list change nothing.
        expect(checkIntegrity(checked, garbage as never).errors.map(key)).toEqual(checkIntegrity(checked).errors.map(key));
      }),
      { numRuns: 300 },
    );
  });
});
