import type { Benchmark } from "@cohesion/schema";
import { BUILTIN_SCALES } from "../builtin/scales";
import { joinPointer } from "../report";
import { walkGuideQuestions, walkKeyFactors } from "../walk";
import { asArray, asRecord, asString } from "./access";
import type { DocumentContext } from "./context";
import { frameworkItems, type Entry } from "./registry";

interface Located {
  readonly id: string | undefined;
  readonly pointer: string;
}

function idsOf(list: unknown, pointer: string): Located[] {
  return asArray(list).map((item, index) => ({
    id: asString(asRecord(item)?.["id"]),
    pointer: joinPointer(pointer, index),
  }));
}

// Reports every repeat of an id among `items`, naming where the id was first used.
function reportRepeats(context: DocumentContext, what: string, items: readonly Located[]): void {
  const first = new Map<string, string>();
  for (const { id, pointer } of items) {
    if (id === undefined) continue;
    const earlier = first.get(id);
    if (earlier === undefined) first.set(id, pointer);
    else context.report("duplicate_id", `${pointer}/id`, { id, what, first: `at ${earlier}/id`, firstPointer: `${earlier}/id` });
  }
}

/**
 * Reports ids used twice inside one document: sections, key factors, guide questions, context
 * factors and recommended actions of a benchmark; items and programmes of a framework; levels and
 * groups of a scale; phases, aims, objectives and steps of a scheme; statistics anywhere.
 */
export function checkLocalDuplicates(context: DocumentContext): void {
  const { doc, kind } = context.entry;
  reportRepeats(context, "statistic", idsOf(doc["statistics"], "/statistics"));
  switch (kind) {
    case "benchmark": {
      const benchmark = doc as unknown as Benchmark;
      reportRepeats(context, "section", idsOf(doc["sections"], "/sections"));
      const keyFactors = [...walkKeyFactors(benchmark)];
      reportRepeats(context, "key factor", keyFactors.map(({ keyFactor, pointer }) => ({ id: asString(keyFactor.id), pointer })));
      reportRepeats(
        context,
        "guide question",
        [...walkGuideQuestions(benchmark)].map(({ question, pointer }) => ({ id: asString(question.id), pointer })),
      );
      reportRepeats(context, "context factor", idsOf(doc["contextFactors"], "/contextFactors"));
      for (const { keyFactor, pointer } of keyFactors) {
        reportRepeats(context, "recommended action", idsOf(keyFactor.recommendedActions, `${pointer}/recommendedActions`));
      }
      break;
    }
    case "framework":
      reportRepeats(context, "framework item", frameworkItems(doc));
      reportRepeats(context, "programme", idsOf(doc["programmes"], "/programmes"));
      break;
    case "scale":
      reportRepeats(context, "level", idsOf(doc["levels"], "/levels"));
      reportRepeats(context, "level group", idsOf(doc["groups"], "/groups"));
      break;
    case "scheme": {
      reportRepeats(context, "phase", idsOf(doc["phases"], "/phases"));
      reportRepeats(context, "aim", idsOf(doc["aims"], "/aims"));
      reportRepeats(context, "step", idsOf(doc["steps"], "/steps"));
      const plan = asRecord(doc["actionPlan"]);
      if (plan) {
        reportRepeats(context, "objective", idsOf(plan["objectives"], "/actionPlan/objectives"));
        reportRepeats(context, "step", idsOf(plan["steps"], "/actionPlan/steps"));
      }
      break;
    }
    default:
      break;
  }
}

function documentKey(entry: Entry): string | undefined {
  if (entry.id === undefined || entry.kind === "") return undefined;
  // Versions of one benchmark share its id; only the same id and version is a clash.
  if (entry.kind === "benchmark") return `benchmark ${entry.id}@${asString(entry.doc["version"]) ?? ""}`;
  return `${entry.kind} ${entry.id}`;
}

function sameJson(a: unknown, b: unknown): boolean {
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false;
  }
}

/**
 * Reports documents of one kind sharing an id (benchmarks: an id and version), and scales that
 * take the id of a built-in scale with different content; `contextOf` gives the context to report through.
 * Entries from `checked` on are context (see `checkIntegrity`'s `context`): they count, but no problem
 * is reported in them, so a document repeating one's id is reported in its place.
 */
export function checkDocumentDuplicates(entries: readonly Entry[], contextOf: (entry: Entry) => DocumentContext, checked = Number.POSITIVE_INFINITY): void {
  const first = new Map<string, Entry>();
  // Context first: a document and a context entry sharing an id is then the document's problem.
  const ordered = entries.some((entry) => entry.index >= checked) ? [...entries.filter((entry) => entry.index >= checked), ...entries.filter((entry) => entry.index < checked)] : entries;
  for (const entry of ordered) {
    const key = documentKey(entry);
    if (key === undefined) continue;
    const isContext = entry.index >= checked;
    const what = entry.kind === "benchmark" ? "benchmark version" : entry.kind;
    if (entry.kind === "scale") {
      const builtin = BUILTIN_SCALES.find((scale) => scale.id === entry.id);
      if (builtin && !sameJson(builtin, entry.doc)) {
        if (!isContext) contextOf(entry).report("duplicate_id", "/id", { id: entry.id, what, first: "as a built-in scale of Cohesion", firstIndex: null });
        continue;
      }
    }
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, entry);
      continue;
    }
    if (isContext) continue;
    const id = entry.kind === "benchmark" ? `${entry.id}@${asString(entry.doc["version"]) ?? ""}` : entry.id;
    const inContext = earlier.index >= checked;
    contextOf(entry).report("duplicate_id", "/id", {
      id,
      what,
      first: inContext ? `in context document #${earlier.index - checked}` : `in document #${earlier.index}`,
      firstIndex: inContext ? null : earlier.index,
    });
  }
}
