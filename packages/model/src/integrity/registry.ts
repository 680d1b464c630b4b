import type { Benchmark } from "@cohesion/schema";
import { BUILTIN_SCALES } from "../builtin/scales";
import { compareVersions } from "../semver";
import { walkGuideQuestions, walkKeyFactors } from "../walk";
import { asArray, asRecord, asString, type Json } from "./access";

/** A document in the list checked, with where it sits in that list. */
export interface Entry {
  readonly doc: Json;
  readonly index: number;
  readonly kind: string;
  readonly id: string | undefined;
}

/** What other documents may refer to inside one benchmark version. */
export interface BenchmarkFacts {
  readonly entry: Entry;
  readonly version: string;
  readonly keyFactorIds: ReadonlySet<string>;
  readonly questionIds: ReadonlySet<string>;
  readonly contextFactorIds: ReadonlySet<string>;
  readonly defaultScale: string | undefined;
}

/** Ids other documents may refer to, gathered once from the documents checked (and built-ins). */
export interface Registry {
  readonly entries: readonly Entry[];
  /** Benchmark id → its versions, lowest first. */
  readonly benchmarks: ReadonlyMap<string, readonly BenchmarkFacts[]>;
  /** Benchmark id → ids of the key factors of any of its versions. */
  readonly keyFactors: ReadonlyMap<string, ReadonlySet<string>>;
  /** Framework id → ids of all its items, nested ones included. */
  readonly frameworks: ReadonlyMap<string, ReadonlySet<string>>;
  /** Scale id → ids of its levels. */
  readonly scales: ReadonlyMap<string, readonly string[]>;
  readonly practices: ReadonlySet<string>;
  readonly places: ReadonlySet<string>;
  readonly schemes: ReadonlySet<string>;
}

/**
 * Collects every item id of a framework, nested ones included, with each item's pointer, in
 * document order. Nesting beyond `maxDepth` is ignored so cyclic input cannot loop.
 */
export function frameworkItems(framework: Json, maxDepth = 64): { id: string | undefined; pointer: string }[] {
  const found: { id: string | undefined; pointer: string }[] = [];
  const visit = (items: unknown, pointer: string, depth: number): void => {
    if (depth > maxDepth) return;
    asArray(items).forEach((item, index) => {
      const record = asRecord(item);
      if (!record) return;
      const itemPointer = `${pointer}/${index}`;
      found.push({ id: asString(record["id"]), pointer: itemPointer });
      visit(record["items"], `${itemPointer}/items`, depth + 1);
    });
  };
  visit(framework["items"], "/items", 0);
  return found;
}

function benchmarkFacts(entry: Entry): BenchmarkFacts {
  const benchmark = entry.doc as unknown as Benchmark;
  const keyFactorIds = new Set<string>();
  for (const { keyFactor } of walkKeyFactors(benchmark)) {
    const id = asString(keyFactor.id);
    if (id !== undefined) keyFactorIds.add(id);
  }
  const questionIds = new Set<string>();
  for (const { question } of walkGuideQuestions(benchmark)) {
    const id = asString(question.id);
    if (id !== undefined) questionIds.add(id);
  }
  const contextFactorIds = new Set<string>();
  for (const factor of asArray(entry.doc["contextFactors"])) {
    const id = asString(asRecord(factor)?.["id"]);
    if (id !== undefined) contextFactorIds.add(id);
  }
  return {
    entry,
    version: asString(entry.doc["version"]) ?? "",
    keyFactorIds,
    questionIds,
    contextFactorIds,
    defaultScale: asString(entry.doc["defaultScale"]),
  };
}

/**
 * Builds the registry of everything the documents define, built-in scales included.
 *
 * @example
 * ```ts
 * const registry = buildRegistry(documents);
 * registry.places.has("inclucities.mechelen");
 * ```
 */
export function buildRegistry(documents: readonly unknown[]): Registry {
  const entries: Entry[] = [];
  const benchmarks = new Map<string, BenchmarkFacts[]>();
  const frameworks = new Map<string, Set<string>>();
  const scales = new Map<string, string[]>();
  const practices = new Set<string>();
  const places = new Set<string>();
  const schemes = new Set<string>();

  const addScale = (doc: Json): void => {
    const id = asString(doc["id"]);
    if (id === undefined) return;
    const levels = asArray(doc["levels"]).flatMap((level) => {
      const levelId = asString(asRecord(level)?.["id"]);
      return levelId === undefined ? [] : [levelId];
    });
    scales.set(id, [...(scales.get(id) ?? []), ...levels]);
  };
  for (const scale of BUILTIN_SCALES) addScale(scale as unknown as Json);

  const list: readonly unknown[] = Array.isArray(documents) ? documents : [];
  list.forEach((value, index) => {
    const doc = asRecord(value);
    if (!doc) return;
    const kind = asString(doc["kind"]) ?? "";
    const id = asString(doc["id"]);
    const entry: Entry = { doc, index, kind, id };
    entries.push(entry);
    if (id === undefined) return;
    switch (kind) {
      case "benchmark":
        benchmarks.set(id, [...(benchmarks.get(id) ?? []), benchmarkFacts(entry)]);
        break;
      case "framework": {
        const items = frameworks.get(id) ?? new Set<string>();
        for (const item of frameworkItems(doc)) if (item.id !== undefined) items.add(item.id);
        frameworks.set(id, items);
        break;
      }
      case "scale":
        if (!BUILTIN_SCALES.some((builtin) => builtin.id === id)) addScale(doc);
        break;
      case "practice":
        practices.add(id);
        break;
      case "place":
        places.add(id);
        break;
      case "scheme":
        schemes.add(id);
        break;
      default:
        break;
    }
  });
  const keyFactors = new Map<string, Set<string>>();
  for (const [id, versions] of benchmarks) {
    versions.sort((a, b) => compareVersions(a.version, b.version));
    keyFactors.set(id, new Set(versions.flatMap((facts) => [...facts.keyFactorIds])));
  }
  return { entries, benchmarks, keyFactors, frameworks, scales, practices, places, schemes };
}
