import type { Place, SimilarityFactor } from "@cohesion/schema";
import type { ReportMessage } from "../types";

/**
 * A migration-related share measure of a place.
 *
 * @example
 * ```ts
 * const measure: MigrantMeasure = "foreign-born";
 * ```
 */
export type MigrantMeasure = NonNullable<Place["migrantShares"]>[number]["measure"];

/**
 * What similarity and peer groups read about a city.
 *
 * @example
 * ```ts
 * const profile: CityProfile = { name: "Malmö", country: "SE", population: 350000, migrantShare: 35 };
 * ```
 */
export interface CityProfile {
  readonly name: string;
  readonly country?: string | undefined;
  readonly population?: number | undefined;
  readonly sizeBand?: Place["sizeBand"] | undefined;
  readonly migrantShare?: number | undefined;
  readonly migrantMeasure?: MigrantMeasure | undefined;
}

/**
 * Weights of the three context dimensions in the overall similarity.
 *
 * @example
 * ```ts
 * const weights: SimilarityWeights = { size: 1, migrantShare: 2, country: 1 };
 * ```
 */
export interface SimilarityWeights {
  readonly size: number;
  readonly migrantShare: number;
  readonly country: number;
}

/**
 * Equal weights for size, migrant share and country.
 *
 * @example
 * ```ts
 * DEFAULT_SIMILARITY_WEIGHTS.country; // 1
 * ```
 */
export const DEFAULT_SIMILARITY_WEIGHTS: SimilarityWeights = { size: 1, migrantShare: 1, country: 1 };

/**
 * Which share counts as "foreign-born or migrant residents", first found wins.
 *
 * @example
 * ```ts
 * DEFAULT_MIGRANT_MEASURES[0]; // "foreign-born"
 * ```
 */
export const DEFAULT_MIGRANT_MEASURES: readonly MigrantMeasure[] = [
  "foreign-born",
  "migrant-background",
  "migrants",
  "foreign-nationals",
  "third-country-nationals",
];

const SIZE_ORDER: ReadonlyArray<NonNullable<Place["sizeBand"]>> = ["small", "medium", "large", "metropolitan"];

/**
 * The size band of a population, as place.schema.json defines the bands.
 *
 * @example
 * ```ts
 * sizeBandOf(350000); // "medium"
 * ```
 */
export function sizeBandOf(population: number): NonNullable<Place["sizeBand"]> {
  return population < 100_000 ? "small" : population < 500_000 ? "medium" : population < 1_000_000 ? "large" : "metropolitan";
}

/**
 * Reads a place's profile: population, size band (given or derived), and the first whole-city
 * migrant share among `measures`.
 *
 * @example
 * ```ts
 * profileOf(place).migrantShare; // 35
 * ```
 */
export function profileOf(place: Place, measures: readonly MigrantMeasure[] = DEFAULT_MIGRANT_MEASURES): CityProfile {
  const population = place.population?.value;
  const share = migrantShareOf(place, measures);
  return {
    name: place.name,
    country: place.country,
    population,
    sizeBand: place.sizeBand ?? (population !== undefined ? sizeBandOf(population) : undefined),
    migrantShare: share?.percent,
    migrantMeasure: share?.measure,
  };
}

/**
 * A place's first whole-city (unscoped) migrant share among `measures`, in their order.
 *
 * @example
 * ```ts
 * migrantShareOf(place, ["foreign-born"])?.percent; // 35
 * ```
 */
export function migrantShareOf(place: Place, measures: readonly MigrantMeasure[]): NonNullable<Place["migrantShares"]>[number] | undefined {
  const shares = place.migrantShares;
  if (shares === undefined) return undefined;
  for (let i = 0; i < measures.length; i++) {
    for (let j = 0; j < shares.length; j++) {
      const share = shares[j] as NonNullable<Place["migrantShares"]>[number];
      if (share.measure === measures[i] && share.scope === undefined) return share;
    }
  }
  return undefined;
}

function formatNumber(n: number): string {
  return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function formatPercent(n: number): string {
  return `${Math.round(n * 10) / 10}%`;
}

function sizeFactor(a: CityProfile, b: CityProfile, weight: number): SimilarityFactor {
  if (a.population !== undefined && b.population !== undefined && a.population > 0 && b.population > 0) {
    // A hundredfold difference in population counts as nothing alike.
    const similarity = Math.max(0, 1 - Math.abs(Math.log10(a.population) - Math.log10(b.population)) / 2);
    return {
      dimension: "size",
      similarity,
      weight,
      note: `${b.name} has ${formatNumber(b.population)} residents, ${a.name} ${formatNumber(a.population)}.`,
    };
  }
  if (a.sizeBand !== undefined && b.sizeBand !== undefined) {
    const distance = Math.abs(SIZE_ORDER.indexOf(a.sizeBand) - SIZE_ORDER.indexOf(b.sizeBand));
    const similarity = distance === 0 ? 1 : distance === 1 ? 0.5 : 0;
    return {
      dimension: "size",
      similarity,
      weight,
      note: distance === 0 ? `Both are ${a.sizeBand} cities.` : `${b.name} is a ${b.sizeBand} city, ${a.name} a ${a.sizeBand} one.`,
    };
  }
  return { dimension: "size", similarity: null, weight, note: `The population of ${a.population === undefined && a.sizeBand === undefined ? a.name : b.name} is not known.` };
}

function shareFactor(a: CityProfile, b: CityProfile, weight: number): SimilarityFactor {
  if (a.migrantShare !== undefined && b.migrantShare !== undefined) {
    // Fifty percentage points apart counts as nothing alike.
    const similarity = Math.max(0, 1 - Math.abs(a.migrantShare - b.migrantShare) / 50);
    const measure = (p: CityProfile) => (p.migrantMeasure ?? "migrant").replace(/-/g, " ");
    return {
      dimension: "migrant-share",
      similarity,
      weight,
      note: `${b.name}: ${formatPercent(b.migrantShare)} ${measure(b)}; ${a.name}: ${formatPercent(a.migrantShare)} ${measure(a)}.`,
    };
  }
  return {
    dimension: "migrant-share",
    similarity: null,
    weight,
    note: `The share of foreign-born or migrant residents of ${a.migrantShare === undefined ? a.name : b.name} is not known.`,
  };
}

function countryFactor(a: CityProfile, b: CityProfile, weight: number): SimilarityFactor {
  if (a.country !== undefined && b.country !== undefined) {
    const same = a.country === b.country;
    return {
      dimension: "country",
      similarity: same ? 1 : 0,
      weight,
      note: same ? `Both are in the same country (${a.country}).` : `${b.name} is in ${b.country}, ${a.name} in ${a.country}.`,
    };
  }
  return { dimension: "country", similarity: null, weight, note: `The country of ${a.country === undefined ? a.name : b.name} is not known.` };
}

/**
 * How alike city `b` is to city `a`, from 0 to 1: the weighted mean of size, migrant-share and country
 * similarity. A dimension unknown for either city counts as 0, so thin data never looks like a close match.
 *
 * @example
 * ```ts
 * const { similarity, factors } = citySimilarity(subjectProfile, profileOf(malmo));
 * factors.map((f) => f.note).join(" ");
 * ```
 */
export function citySimilarity(
  a: CityProfile,
  b: CityProfile,
  weights: SimilarityWeights = DEFAULT_SIMILARITY_WEIGHTS,
): { similarity: number; factors: SimilarityFactor[] } {
  const factors = [sizeFactor(a, b, weights.size), shareFactor(a, b, weights.migrantShare), countryFactor(a, b, weights.country)];
  const total = weights.size + weights.migrantShare + weights.country;
  const sum = factors.reduce((s, f) => s + f.weight * (f.similarity ?? 0), 0);
  return { similarity: total > 0 ? Math.min(1, Math.max(0, sum / total)) : 0, factors };
}

/**
 * One sentence on what makes two cities alike, for reasons shown to people.
 *
 * @example
 * ```ts
 * likeness(factors); // "similar in size, similar share of migrant residents, same country"
 * ```
 */
export function likeness(factors: readonly SimilarityFactor[]): string {
  const words: string[] = [];
  for (const f of factors) {
    if (f.similarity === null || f.similarity < 0.6) continue;
    if (f.dimension === "size") words.push("similar in size");
    else if (f.dimension === "migrant-share") words.push("a similar share of migrant residents");
    else words.push("the same country");
  }
  return words.length === 0 ? "little known in common" : words.join(", ");
}

type Dimension = SimilarityFactor["dimension"];

// What a profile lacks, per similarity dimension.
function lacks(profile: CityProfile, dimension: Dimension): boolean {
  if (dimension === "size") return profile.population === undefined && profile.sizeBand === undefined;
  if (dimension === "migrant-share") return profile.migrantShare === undefined;
  return profile.country === undefined;
}

const DIMENSIONS: readonly Dimension[] = ["size", "migrant-share", "country"];
const UNKNOWN_WORDS: Record<Dimension, string> = { size: "population", "migrant-share": "share of foreign-born or migrant residents", country: "country" };

/**
 * The notes of similarity factors for a reason about one pairing, leaving out what is unknown about the
 * subject (`a` of {@link citySimilarity}): that is said once, by {@link subjectUnknownMessage}, not per item.
 *
 * @example
 * ```ts
 * const { factors } = citySimilarity(subject, practiceCity);
 * const reason = `... ${pairingNotes(factors, subject)}`;
 * ```
 */
export function pairingNotes(factors: readonly SimilarityFactor[], subject: CityProfile): string {
  return factors
    .filter((f) => !(f.similarity === null && lacks(subject, f.dimension)))
    .map((f) => f.note)
    .join(" ");
}

/**
 * One message saying what is not known about the subject, so similarity to every practice city or
 * mentor leaves it out (code `subject_profile_incomplete`, info); undefined when nothing is missing.
 *
 * @example
 * ```ts
 * subjectUnknownMessage({ name: "Athens", country: "GR" })?.message;
 * // "The population and the share of foreign-born or migrant residents of Athens are not known: …"
 * ```
 */
export function subjectUnknownMessage(subject: CityProfile): ReportMessage | undefined {
  const missing = DIMENSIONS.filter((d) => lacks(subject, d));
  if (missing.length === 0) return undefined;
  const words = missing.map((d) => `the ${UNKNOWN_WORDS[d]}`);
  const listed = words.length === 1 ? (words[0] as string) : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
  return {
    code: "subject_profile_incomplete",
    severity: "info",
    message: `${listed.charAt(0).toUpperCase()}${listed.slice(1)} of ${subject.name} ${missing.length === 1 ? "is" : "are"} not known: similarity to practice cities and mentors leaves ${missing.length === 1 ? "it" : "them"} out (counted as no likeness). Add a place profile to compare by ${missing.length === 1 ? "it" : "them"}.`,
    params: { subject: subject.name, missing },
  };
}
