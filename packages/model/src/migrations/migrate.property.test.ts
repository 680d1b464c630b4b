// Migrating any valid 1.0 assessment gives a valid 1.1 document, or reports exactly what was not
// carried over; and no character of the original evidence goes missing on the way.
import { readFileSync } from "node:fs";
import { validate as validateCurrent, validatePreviousMajor } from "@cohesion/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SEPARATORS } from "./evidence-text";
import { migrate } from "./migrate";

// 1.x documents are read by the current validator while 1 is the current major, and by major 1's own after.
const validate = (document: unknown) => validatePreviousMajor(document) ?? validateCurrent(document);

const example = JSON.parse(readFileSync(new URL("../../../../examples/valid/assessment.json", import.meta.url), "utf8")) as Record<string, unknown>;

const words = fc.string({ unit: fc.constantFrom(..."abcdefghij klmnop ,.;:()-—\n0123456789éß中"), minLength: 1, maxLength: 40 });
const url = fc.webUrl({ withQueryParameters: true, withFragments: true });
const date = fc.constantFrom("2019", "2023-05", "2024-02-29", "1500");
const evidenceText = fc
  .array(fc.oneof({ weight: 3, arbitrary: words }, { weight: 2, arbitrary: url }, date, fc.string({ unit: "binary", maxLength: 10 }), fc.constantFrom(" (", ") ", ", ", ": ", ". ", " see ")), {
    minLength: 1,
    maxLength: 10,
  })
  .map((parts) => parts.join(""))
  .filter((text) => text.length > 0);
const answer = fc.record(
  {
    level: fc.constantFrom("none", "partial", "full", "n/a"),
    evidence: evidenceText,
    notes: fc.string({ minLength: 1, maxLength: 30 }),
  },
  { requiredKeys: [] },
);
const answerId = fc.stringMatching(/^[a-z][a-z0-9]{0,6}(?:-[a-z0-9]{1,5})?$/);
const assessment = fc.dictionary(answerId, answer, { maxKeys: 6 }).map((answers) => ({ ...structuredClone(example), answers }));

/** All the text of a migrated answer a reader can see: links' urls, titles and dates, notes, what is left in evidence. */
function textOf(answer: Record<string, unknown>): string {
  const links = Array.isArray(answer.evidenceLinks) ? (answer.evidenceLinks as Array<Record<string, string>>) : [];
  return [...links.flatMap((l) => [l.url, l.title, l.date ?? ""]), answer.notes, answer.evidence].filter((s) => typeof s === "string").join("\n");
}

function count(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  return counts;
}

describe("migrate(valid 1.0 assessment, '1.1')", () => {
  it("gives a valid 1.1 document, or reports what it did not carry over", () => {
    fc.assert(
      fc.property(assessment, (document) => {
        fc.pre(validate(document).valid);
        const result = migrate(document, "1.1");
        expect(result.ok, JSON.stringify(result.report.errors.slice(0, 3))).toBe(true);
        if (!result.ok) return;
        expect(result.document.schemaVersion).toBe("1.1");
        const report = validate(result.document);
        expect(report.valid).toBe(true);
        // Whatever stayed in the deprecated field was reported as not carried over.
        const answers = result.document.answers as Record<string, Record<string, unknown>>;
        for (const [id, migrated] of Object.entries(answers)) {
          if (migrated.evidence === undefined) continue;
          expect(result.report.errors).toContainEqual(expect.objectContaining({ code: "not_carried_over", pointer: `/answers/${id}/evidence` }));
        }
      }),
      { numRuns: 200 },
    );
  });

  it("keeps every character of the evidence: in a link's url, title or date, or in the notes", () => {
    fc.assert(
      fc.property(assessment, (document) => {
        fc.pre(validate(document).valid);
        const result = migrate(document, "1.1");
        if (!result.ok) throw new Error("a valid document must migrate");
        const before = document.answers as Record<string, Record<string, unknown>>;
        const after = result.document.answers as Record<string, Record<string, unknown>>;
        for (const [id, original] of Object.entries(before)) {
          const migrated = after[id] as Record<string, unknown>;
          if (typeof original.evidence !== "string") {
            expect(migrated).toEqual(original);
            continue;
          }
          // Each character of the evidence, as often as it occurs, beyond what the answer held before;
          // only white space and the punctuation that separated a link from its words may go.
          const available = count(textOf(migrated));
          for (const [char, n] of count(typeof original.notes === "string" ? original.notes : "")) available.set(char, (available.get(char) ?? 0) - n);
          for (const [char, n] of count(original.evidence)) {
            if (SEPARATORS.has(char) || /\s/u.test(char)) continue;
            expect(available.get(char) ?? 0, `${JSON.stringify(char)} of ${JSON.stringify(original.evidence)}`).toBeGreaterThanOrEqual(n);
          }
          // And each piece the report says was moved is where it says.
          for (const problem of result.report.errors.filter((p) => p.pointer === `/answers/${id}/evidence` && p.code === "migrated_field")) {
            if (typeof problem.params.url === "string") expect(textOf(migrated)).toContain(problem.params.url);
            if (typeof problem.params.kept === "string") expect(String(migrated.notes)).toContain(problem.params.kept);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
