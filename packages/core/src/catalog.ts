import { createCatalog, type Catalog } from "@cohesion/model/integrity";
import type { CohesionDocument, Practice } from "@cohesion/schema";
import { createRequire } from "node:module";
import type MiniSearch from "minisearch";

/**
 * A practice found by {@link HostCatalog.searchPractices}, with its relevance score and the query terms it matched.
 *
 * @example
 * ```ts
 * const [best] = host.catalog().searchPractices("neighbourhood councils");
 * console.log(best?.practice.title, best?.score);
 * ```
 */
export interface PracticeHit {
  readonly practice: Practice;
  readonly score: number;
  readonly terms: readonly string[];
}

/**
 * Options of {@link HostCatalog.searchPractices}.
 *
 * @example
 * ```ts
 * catalog.searchPractices("mentoring", { limit: 5, fuzzy: false });
 * ```
 */
export interface PracticeSearchOptions {
  /** At most this many hits (default 20). */
  readonly limit?: number;
  /** Tolerate typos (default true). */
  readonly fuzzy?: boolean;
  /** Match the start of words, so "neighbour" finds "neighbourhood" (default true). */
  readonly prefix?: boolean;
}

/**
 * Queries over everything the host has loaded: `@cohesion/model`'s catalog (benchmarks by id and
 * version, key factors, practices for a key factor, places, schemes, scales with the built-in ones,
 * frameworks, assessments) plus full-text search over practices.
 *
 * @example
 * ```ts
 * const catalog = host.catalog();
 * catalog.benchmark("eurocities.neighbourhood-participation", "1.0.0")?.title;
 * catalog.practicesFor("eurocities.neighbourhood-participation#shared-vision").map((p) => p.city);
 * catalog.searchPractices("youth councl").map((hit) => hit.practice.title);
 * ```
 */
export interface HostCatalog extends Catalog {
  /** Full-text search over practice titles, summaries, cities and activities, fuzzy and by prefix, best first. */
  searchPractices(query: string, options?: PracticeSearchOptions): PracticeHit[];
}

const SEARCH_FIELDS = ["title", "summary", "city", "activities"] as const;

function searchText(practice: Practice, field: string): string {
  if (field === "activities") return (practice.activities ?? []).join("\n");
  const value = (practice as unknown as Record<string, unknown>)[field];
  return typeof value === "string" ? value : "";
}

/**
 * Builds the host's catalog over a set of documents, on top of `@cohesion/model`'s `createCatalog`,
 * adding full-text practice search (minisearch).
 *
 * @example
 * ```ts
 * import { createHostCatalog } from "@cohesion/core";
 * const catalog = createHostCatalog(documents);
 * catalog.searchPractices("youth council").map((hit) => hit.practice.id);
 * ```
 */
export function createHostCatalog(documents: readonly CohesionDocument[]): HostCatalog {
  const base = createCatalog(documents);
  let index: MiniSearch<Practice> | undefined;

  // Built on the first search, and the search library loaded then: most hosts never search.
  const MAX_FUZZY_TERM = 64;
  const searchIndex = (): MiniSearch<Practice> => {
    if (index) return index;
    const Search = createRequire(import.meta.url)("minisearch") as typeof MiniSearch;
    index = new Search<Practice>({
      fields: [...SEARCH_FIELDS],
      idField: "id",
      extractField: (practice, field) => (field === "id" ? practice.id : searchText(practice, field)),
      searchOptions: { boost: { title: 3, city: 2 } },
    });
    index.addAll([...base.practices()]);
    return index;
  };

  return {
    benchmark: (id, version) => base.benchmark(id, version),
    benchmarks: () => base.benchmarks(),
    benchmarkVersions: (id) => base.benchmarkVersions(id),
    keyFactor: (ref, version) => base.keyFactor(ref, version),
    practice: (id) => base.practice(id),
    practices: () => base.practices(),
    practicesFor: (keyFactorRef) => base.practicesFor(keyFactorRef),
    searchPractices: (query, options = {}) => {
      if (query.trim() === "") return [];
      // Fuzzy matching costs memory in the square of a term's length: a term longer than any word is
      // matched exactly (a query of 100,000 letters once asked for a table of 10^10 cells).
      const fuzzy = options.fuzzy === false ? false : (term: string) => (term.length > MAX_FUZZY_TERM ? false : 0.2);
      const results = searchIndex().search(query, {
        fuzzy,
        prefix: options.prefix ?? true,
        combineWith: "OR",
      });
      return results.slice(0, options.limit ?? 20).flatMap((result) => {
        const practice = base.practice(String(result.id));
        return practice ? [{ practice, score: result.score, terms: result.terms }] : [];
      });
    },
    place: (id) => base.place(id),
    places: () => base.places(),
    scheme: (id) => base.scheme(id),
    schemes: () => base.schemes(),
    scale: (id) => base.scale(id),
    scales: () => base.scales(),
    framework: (id) => base.framework(id),
    frameworks: () => base.frameworks(),
    assessment: (id) => base.assessment(id),
    assessments: () => base.assessments(),
  };
}
