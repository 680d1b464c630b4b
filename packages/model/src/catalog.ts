import type {
  Assessment,
  Benchmark,
  CohesionDocument,
  Framework,
  KeyFactor,
  Place,
  Practice,
  Scale,
  Scheme,
  Section,
} from "@cohesion/schema";
import { BUILTIN_SCALES } from "./builtin/scales";
import { keyFactorRef as makeKeyFactorRef, parseKeyFactorRef } from "./refs";
import { compareVersions } from "./semver";
import { walkKeyFactors } from "./walk";

/**
 * A key factor found in the catalog, with its benchmark (the version searched) and section.
 *
 * @example
 * ```ts
 * const found: CatalogKeyFactor | undefined = catalog.keyFactor("eurocities.neighbourhood-participation#stakeholders");
 * found?.section.title;
 * ```
 */
export interface CatalogKeyFactor {
  readonly ref: string;
  readonly benchmark: Benchmark;
  readonly section: Section;
  readonly keyFactor: KeyFactor;
}

/**
 * An in-memory, read-only index of Cohesion documents; build one with {@link createCatalog}.
 *
 * @example
 * ```ts
 * const catalog: Catalog = createCatalog(documents);
 * catalog.benchmarks().map((benchmark) => `${benchmark.id}@${benchmark.version}`);
 * ```
 */
export interface Catalog {
  /** A benchmark by id: the given version, or the latest when none is given. */
  benchmark(id: string, version?: string): Benchmark | undefined;
  /** Every benchmark document: ids in the order first seen, each id's versions lowest first. */
  benchmarks(): readonly Benchmark[];
  /** The versions of one benchmark, lowest first. */
  benchmarkVersions(id: string): readonly Benchmark[];
  /** A key factor by `<benchmarkId>#<keyFactorId>`, in the given benchmark version or the latest. */
  keyFactor(ref: string, version?: string): CatalogKeyFactor | undefined;
  practices(): readonly Practice[];
  practice(id: string): Practice | undefined;
  /** Practices that link to the key factor, or that the key factor (latest version) cites. */
  practicesFor(keyFactorRef: string): readonly Practice[];
  place(id: string): Place | undefined;
  places(): readonly Place[];
  scheme(id: string): Scheme | undefined;
  schemes(): readonly Scheme[];
  /** A scale by id; built-in scales are always present. */
  scale(id: string): Scale | undefined;
  scales(): readonly Scale[];
  framework(id: string): Framework | undefined;
  frameworks(): readonly Framework[];
  assessment(id: string): Assessment | undefined;
  assessments(): readonly Assessment[];
}

function byId<T extends { id: string }>(documents: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  // The first document with an id wins; checkIntegrity reports the others as duplicate_id.
  for (const document of documents) if (!map.has(document.id)) map.set(document.id, document);
  return map;
}

function ofKind<K extends CohesionDocument["kind"]>(documents: readonly CohesionDocument[], kind: K): Extract<CohesionDocument, { kind: K }>[] {
  return documents.filter((document): document is Extract<CohesionDocument, { kind: K }> => document?.kind === kind);
}

/**
 * Builds an in-memory catalog of documents with the queries tools need: benchmarks by id and
 * version (semver order), key factors by reference, practices for a key factor, places, schemes,
 * scales (built-ins included), frameworks and assessments.
 *
 * @example
 * ```ts
 * const catalog = createCatalog(documents);
 * const latest = catalog.benchmark("eurocities.neighbourhood-participation");
 * const examples = catalog.practicesFor("eurocities.neighbourhood-participation#stakeholders");
 * catalog.scale("cohesion.maturity")?.levels.length; // 5
 * ```
 */
export function createCatalog(documents: readonly CohesionDocument[]): Catalog {
  const all = Array.isArray(documents) ? documents.filter((document) => typeof document === "object" && document !== null) : [];

  const versions = new Map<string, Benchmark[]>();
  for (const benchmark of ofKind(all, "benchmark")) {
    const list = versions.get(benchmark.id) ?? [];
    if (!list.some((existing) => existing.version === benchmark.version)) list.push(benchmark);
    versions.set(benchmark.id, list);
  }
  for (const list of versions.values()) list.sort((a, b) => compareVersions(a.version, b.version));
  const sortedBenchmarks = [...versions.values()].flat();

  const practiceList = [...byId(ofKind(all, "practice")).values()];
  const practices = byId(practiceList);
  const places = byId(ofKind(all, "place"));
  const schemes = byId(ofKind(all, "scheme"));
  const scales = byId([...BUILTIN_SCALES, ...ofKind(all, "scale")]);
  const frameworks = byId(ofKind(all, "framework"));
  const assessments = byId(ofKind(all, "assessment"));

  const benchmark = (id: string, version?: string): Benchmark | undefined => {
    const list = versions.get(id);
    if (!list) return undefined;
    return version === undefined ? list.at(-1) : list.find((candidate) => candidate.version === version);
  };

  const keyFactor = (ref: string, version?: string): CatalogKeyFactor | undefined => {
    const parsed = parseKeyFactorRef(ref);
    const found = parsed && benchmark(parsed.benchmarkId, version);
    if (!parsed || !found) return undefined;
    for (const visit of walkKeyFactors(found)) {
      if (visit.keyFactor.id === parsed.keyFactorId) {
        return { ref: makeKeyFactorRef(found.id, visit.keyFactor.id), benchmark: found, section: visit.section, keyFactor: visit.keyFactor };
      }
    }
    return undefined;
  };

  const practicesFor = (ref: string): readonly Practice[] => {
    const cited = new Set<string>();
    const entry = keyFactor(ref);
    if (entry) {
      for (const id of entry.keyFactor.practiceRefs ?? []) cited.add(id);
      for (const action of entry.keyFactor.recommendedActions ?? []) for (const id of action.practiceRefs ?? []) cited.add(id);
    }
    return practiceList.filter((practice) => cited.has(practice.id) || (practice.keyFactors ?? []).includes(ref));
  };

  return {
    benchmark,
    benchmarks: () => sortedBenchmarks,
    benchmarkVersions: (id) => versions.get(id) ?? [],
    keyFactor,
    practices: () => practiceList,
    practice: (id) => practices.get(id),
    practicesFor,
    place: (id) => places.get(id),
    places: () => [...places.values()],
    scheme: (id) => schemes.get(id),
    schemes: () => [...schemes.values()],
    scale: (id) => scales.get(id),
    scales: () => [...scales.values()],
    framework: (id) => frameworks.get(id),
    frameworks: () => [...frameworks.values()],
    assessment: (id) => assessments.get(id),
    assessments: () => [...assessments.values()],
  };
}
