import type { ValidationProblem, ValidationReport } from "@cohesion/schema";
import { eachLineItem, type ByteBatch, type InputFailure, type LineBatch } from "./inputs";
import { capProblems, placeProblems } from "./read-document";

/** A streamed document's report, when it has something to say (errors or warnings). */
export interface CheckedDocument {
  type: "checked";
  file: string;
  line: number;
  valid: boolean;
  errors: ValidationProblem[];
}

/**
 * What checking a batch of NDJSON lines found, in line order: only what a report needs (the number of
 * documents, lines that are not JSON, documents with problems), so that it is cheap to send between threads.
 */
export interface CheckedBatch {
  documents: number;
  events: (InputFailure | CheckedDocument)[];
}

/**
 * Parses and validates the lines of a batch (raw bytes are decoded first): the same work whether it runs in the main thread or in a
 * validation worker, so both give the same report.
 *
 * @example
 * ```ts
 * const checked = checkLineBatch({ type: "lines", file: "a.ndjson", firstLine: 1, lines }, host);
 * ```
 */
export function checkLineBatch(batch: LineBatch | ByteBatch, validator: { validate(document: unknown): ValidationReport }): CheckedBatch {
  const events: CheckedBatch["events"] = [];
  let documents = 0;
  // Each document is checked as soon as its line is parsed, so that it dies young: a batch of parsed
  // documents kept until all were read would outlive a scavenge and cost the old generation's collector.
  eachLineItem(batch, (item) => {
    if (item.type === "failure") return void events.push(item);
    documents++;
    const report = validator.validate(item.value);
    if (!report.valid || report.errors.length > 0 || item.duplicates) {
      const errors = item.duplicates ? placeProblems(item, report.errors) : [...capProblems(report.errors)];
      events.push({ type: "checked", file: item.file, line: item.line, valid: report.valid && !item.duplicates, errors });
    }
  });
  return { documents, events };
}
