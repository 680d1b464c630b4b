import type { ValidationProblem } from "../report";
import { parseKeyFactorRef } from "../refs";
import { asString } from "./access";
import { integrityProblem, type IntegrityCode } from "./problems";
import type { Entry, Registry } from "./registry";
import { didYouMean, hint } from "./suggest";

/** Reports problems about one document, adding its id, kind and index to every problem. */
export interface DocumentContext {
  readonly registry: Registry;
  readonly entry: Entry;
  report(code: IntegrityCode, pointer: string, params?: Record<string, unknown>): void;
}

/**
 * A context that appends the problems it reports to `problems`.
 *
 * @example
 * ```ts
 * const context = documentContext(registry, entry, problems);
 * context.report("practice_unlinked", "");
 * ```
 */
export function documentContext(registry: Registry, entry: Entry, problems: ValidationProblem[]): DocumentContext {
  return {
    registry,
    entry,
    report(code, pointer, params = {}) {
      const documentKind = entry.kind === "" ? "document" : entry.kind;
      const label = `${documentKind.charAt(0).toUpperCase()}${documentKind.slice(1).replace("-", " ")}`;
      problems.push(
        integrityProblem(code, pointer, {
          documentId: entry.id ?? "(no id)",
          documentKind,
          documentIndex: entry.index,
          document: entry.id === undefined ? `${label} #${entry.index}` : `${label} "${entry.id}"`,
          ...params,
        }),
      );
    },
  };
}

/** What a reference names: used in messages ("refers to place ..."). */
export type RefKind = "place" | "practice" | "scheme" | "scale" | "benchmark" | "framework" | "key factor" | "framework item" | "level group";

/**
 * Reports `unresolved_reference` when `ref` (a string at `pointer`) is not in `known`, with a
 * "did you mean" hint drawn from `known`. Non-strings are left to schema validation.
 */
export function checkReference(
  context: DocumentContext,
  pointer: string,
  value: unknown,
  refKind: RefKind,
  known: { has(id: string): boolean; keys(): Iterable<string> },
): void {
  const ref = asString(value);
  if (ref === undefined || known.has(ref)) return;
  const suggestion = didYouMean(ref, known.keys());
  context.report("unresolved_reference", pointer, { ref, refKind, hint: hint(suggestion), ...(suggestion ? { suggestion } : {}) });
}

/**
 * Resolves a `<documentId>#<localId>` reference (a key factor or a framework item) against a map of
 * document id → local ids, reporting the document or the local id that is missing.
 */
export function checkHashReference(
  context: DocumentContext,
  pointer: string,
  value: unknown,
  refKind: "key factor" | "framework item",
  documents: ReadonlyMap<string, ReadonlySet<string>>,
): void {
  const ref = asString(value);
  const parsed = ref === undefined ? undefined : parseKeyFactorRef(ref);
  if (ref === undefined || parsed === undefined) return;
  const { benchmarkId: documentId, keyFactorId: localId } = parsed;
  const localIds = documents.get(documentId);
  const documentKind = refKind === "key factor" ? "benchmark" : "framework";
  if (localIds === undefined) {
    const suggestion = didYouMean(documentId, documents.keys());
    context.report("unresolved_reference", pointer, {
      ref: documentId,
      refKind: documentKind,
      hint: hint(suggestion && `${suggestion}#${localId}`),
      ...(suggestion ? { suggestion: `${suggestion}#${localId}` } : {}),
    });
    return;
  }
  if (localIds.has(localId)) return;
  const closest = didYouMean(localId, localIds);
  const suggestion = closest && `${documentId}#${closest}`;
  context.report("unresolved_reference", pointer, { ref, refKind, hint: hint(suggestion), ...(suggestion ? { suggestion } : {}) });
}
