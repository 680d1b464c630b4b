import { joinPointer, type ValidationProblem } from "@cohesion/schema";
import { splitEvidence } from "./evidence-text";
import { migrationProblem } from "./problems";
import { isRecord, quote } from "./values";
import type { MigrationStep } from "./step";

// The schema's `text` limit, counted in characters as the validators count them.
const MAX_TEXT = 20000;
const NOTES_LABEL = "Evidence: ";

function length(text: string): number {
  return [...text].length;
}

/** Upgrades one answer: links out of `evidence` into `evidenceLinks`, the rest into `notes`. */
function migrateAnswer(answer: Record<string, unknown>, pointer: string, problems: ValidationProblem[]): Record<string, unknown> {
  const evidence = answer.evidence;
  if (typeof evidence !== "string") return answer;
  const from = joinPointer(pointer, "evidence");
  const { evidence: _moved, ...rest } = answer;
  const out: Record<string, unknown> = rest;
  const split = splitEvidence(evidence);

  const existingLinks = Array.isArray(answer.evidenceLinks) ? answer.evidenceLinks : [];
  if (split.links.length > 0) {
    out.evidenceLinks = [
      ...existingLinks,
      ...split.links.map((link) => ({ title: link.title, url: link.url, ...(link.date !== undefined ? { date: link.date } : {}) })),
    ];
  }
  split.links.forEach((link, index) => {
    const to = joinPointer(pointer, "evidenceLinks", existingLinks.length + index);
    const titled = link.titleFrom === "text" ? `titled ${quote(link.title)} from the words beside it` : `titled ${quote(link.title)} after its site, for want of words beside it`;
    const dated = link.date !== undefined ? `, dated ${link.date}` : "";
    problems.push(
      migrationProblem("migrated_field", from, {
        what: "a web address",
        to,
        text: `${link.url}, ${titled}${dated}`,
        url: link.url,
        title: link.title,
        titleFrom: link.titleFrom,
        ...(link.date !== undefined ? { date: link.date } : {}),
      }),
    );
  });

  const remaining = split.notes.join(" ");
  if (remaining.length > 0) {
    const existing = typeof answer.notes === "string" ? answer.notes : undefined;
    const notes = existing !== undefined ? `${existing}\n\n${NOTES_LABEL}${remaining}` : `${NOTES_LABEL}${remaining}`;
    const to = joinPointer(pointer, "notes");
    if (length(notes) <= MAX_TEXT) {
      out.notes = notes;
      problems.push(migrationProblem("migrated_field", from, { what: "the rest of the evidence text", to, text: quote(remaining), kept: remaining }));
    } else {
      // Notes cannot take it all: the text stays, whole, in the field it came from (still valid in 1.1).
      out.evidence = remaining;
      problems.push(
        migrationProblem("not_carried_over", from, {
          what: "the evidence text without its links",
          to,
          reason: `the notes would be longer than the ${MAX_TEXT} characters allowed`,
          keptIn: `${from} (deprecated since 1.1; shorten the notes and move it there)`,
          text: quote(remaining),
          kept: remaining,
        }),
      );
    }
  }
  return out;
}

/**
 * 1.0 → 1.1: answers gain `evidenceLinks`, and free-text `evidence` (deprecated in 1.1) is taken
 * apart: web addresses become links, every other word goes to the answer's `notes` (after what is
 * already there), each move reported. Documents of other kinds only change their `schemaVersion`.
 *
 * @example
 * const { document, problems } = migrate1_0To1_1(assessment);
 * document.schemaVersion; // "1.1"
 */
export const migrate1_0To1_1: MigrationStep = (document) => {
  const problems: ValidationProblem[] = [migrationProblem("schema_version_changed", "/schemaVersion", { from: "1.0", to: "1.1" })];
  const out: Record<string, unknown> = { ...document, schemaVersion: "1.1" };
  if (document.kind === "assessment" && isRecord(document.answers)) {
    // fromEntries defines own keys, so no answer id can reach a prototype.
    out.answers = Object.fromEntries(
      Object.entries(document.answers).map(([id, answer]) => [id, isRecord(answer) ? migrateAnswer(answer, joinPointer("/answers", id), problems) : answer]),
    );
  }
  return { document: out, problems };
};
