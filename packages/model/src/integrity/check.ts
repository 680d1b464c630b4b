import type { CohesionDocument } from "@cohesion/schema";
import { sortByDocumentOrder, describeThrown } from "@cohesion/schema";
import { toReport, type ValidationProblem, type ValidationReport } from "../report";
import { checkAssessment } from "./assessments";
import { documentContext, type DocumentContext } from "./context";
import { checkDocumentDuplicates, checkLocalDuplicates } from "./duplicates";
import { integrityProblem } from "./problems";
import { checkReferences } from "./references";
import { buildRegistry, type Entry } from "./registry";
import { checkScaleOrder } from "./scale-order";

/** Options of {@link checkIntegrity}. */
export interface IntegrityOptions {
  /**
   * Documents that the checked ones may refer to and whose ids they must not repeat, but that are not
   * checked themselves (installed content, say, which was checked when it was installed): no problem is
   * reported in them. A checked document repeating a context document's id is reported, with `first`
   * saying "in context document #i" (its index in `context`) and `firstIndex` null.
   */
  readonly context?: readonly CohesionDocument[];
}

/**
 * Checks what a schema cannot see in a set of documents: ids are unique (documents of a kind, and
 * local ids inside a document), references resolve (to places, practices, schemes, scales,
 * benchmarks and their versions, key factors and framework items), every assessment answers
 * questions its benchmark version has with levels its scale has, every practice is linked, and
 * scale values increase. Built-in scales count as present. Validate each document first: this
 * check reads what it can of invalid input but never throws. Every problem's `documentIndex` is the
 * document's index in `documents`; documents in `options.context` are known but not checked.
 *
 * @example
 * ```ts
 * const report = checkIntegrity([benchmark, practice, assessment]);
 * for (const problem of report.errors) console.error(`${problem.params["documentId"]}${problem.pointer}: ${problem.message}`);
 * checkIntegrity([myAssessment], { context: installedDocuments }); // problems of myAssessment only
 * ```
 */
export function checkIntegrity(documents: readonly CohesionDocument[], options: IntegrityOptions = {}): ValidationReport {
  const problems: ValidationProblem[] = [];
  try {
    const known: readonly unknown[] = Array.isArray(options?.context) ? options.context : [];
    // Entries from `checked` on are the context's; without one, every entry is checked.
    const withContext = known.length > 0 && Array.isArray(documents);
    const checked = withContext ? documents.length : Number.POSITIVE_INFINITY;
    const registry = buildRegistry(withContext ? [...documents, ...known] : (documents as readonly unknown[]));
    const contextOf = (entry: Entry): DocumentContext => documentContext(registry, entry, problems);
    checkDocumentDuplicates(registry.entries, contextOf, checked);
    for (const entry of registry.entries) {
      if (entry.index >= checked) continue;
      const context = contextOf(entry);
      checkLocalDuplicates(context);
      checkReferences(context);
      if (entry.kind === "scale") checkScaleOrder(context);
      if (entry.kind === "assessment") checkAssessment(context);
    }
    return toReport(inReadingOrder(problems, documents));
  } catch (error) {
    // Only exotic input (throwing getters, proxies) gets here; say so rather than throw.
    const reason = describeThrown(error);
    problems.push(integrityProblem("integrity_check_failed", "", { reason }));
  }
  return toReport(problems);
}

// Problems by document, in the order the documents were given, each document's in reading order.
function inReadingOrder(problems: readonly ValidationProblem[], documents: readonly unknown[]): ValidationProblem[] {
  const byDocument = new Map<number, ValidationProblem[]>();
  const unplaced: ValidationProblem[] = [];
  for (const problem of problems) {
    const index = problem.params["documentIndex"];
    if (typeof index !== "number") {
      unplaced.push(problem);
      continue;
    }
    // Appended in place: copying the list for each problem made a document with many problems quadratic.
    const found = byDocument.get(index);
    if (found) found.push(problem);
    else byDocument.set(index, [problem]);
  }
  const list: readonly unknown[] = Array.isArray(documents) ? documents : [];
  return [
    ...[...byDocument.entries()].sort(([a], [b]) => a - b).flatMap(([index, found]) => sortByDocumentOrder(found, list[index])),
    ...unplaced,
  ];
}
