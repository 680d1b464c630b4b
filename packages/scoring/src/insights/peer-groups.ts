import type { PeerGroup } from "@cohesion/schema";
import { bandFor, type Band } from "../engine/parameters";
import type { ReportAssessment } from "../types";
import type { PlaceIndex } from "./profiles";
import { subjectPlace } from "./profiles";
import { migrantShareOf, sizeBandOf, type MigrantMeasure } from "./similarity";

// Peer groups: every subject's group by population band, migrant-share band and country.

/**
 * A band of a numeric context figure: a value belongs to the last band whose `min` it reaches.
 *
 * @example
 * ```ts
 * const band: ContextBand = { id: "medium", label: "100,000 to 499,999 residents", min: 100000 };
 * ```
 */
export type ContextBand = Band;

/**
 * Population bands as place.schema.json defines size bands.
 *
 * @example
 * ```ts
 * DEFAULT_POPULATION_BANDS.map((b) => b.id); // ["small", "medium", "large", "metropolitan"]
 * ```
 */
export const DEFAULT_POPULATION_BANDS: readonly ContextBand[] = [
  { id: "small", label: "Under 100,000 residents", min: 0 },
  { id: "medium", label: "100,000 to 499,999 residents", min: 100_000 },
  { id: "large", label: "500,000 to 999,999 residents", min: 500_000 },
  { id: "metropolitan", label: "1,000,000 residents or more", min: 1_000_000 },
];

/**
 * Bands of the share of foreign-born or migrant residents, in percent.
 *
 * @example
 * ```ts
 * DEFAULT_MIGRANT_SHARE_BANDS[1]; // { id: "10-20", label: "10% to under 20% migrant residents", min: 10 }
 * ```
 */
export const DEFAULT_MIGRANT_SHARE_BANDS: readonly ContextBand[] = [
  { id: "under-10", label: "Under 10% migrant residents", min: 0 },
  { id: "10-20", label: "10% to under 20% migrant residents", min: 10 },
  { id: "20-30", label: "20% to under 30% migrant residents", min: 20 },
  { id: "30-plus", label: "30% migrant residents or more", min: 30 },
];

/**
 * Options of {@link createPeerIndex} and {@link peerPosition}.
 *
 * @example
 * ```ts
 * const options: PeerOptions = { places, histogramBins: 5 };
 * ```
 */
export interface PeerOptions {
  /** Place profiles of the subjects (looked up by the report's subject reference, else name and country). */
  readonly places?: readonly unknown[];
  readonly populationBands?: readonly ContextBand[];
  readonly migrantShareBands?: readonly ContextBand[];
  /** Which share counts as migrant residents, first found wins. */
  readonly migrantMeasures?: readonly MigrantMeasure[];
  /** Histogram bins over 0–100; default 10. */
  readonly histogramBins?: number;
  /**
   * True when the caller has validated every place against place.schema.json already: the schema
   * check is not repeated, only the types of the fields read (id, name, country, population, size
   * band, migrant shares); a place that is not what was promised is checked in full and reported.
   * Default false.
   */
  readonly validated?: boolean;
}

export type Dimension = PeerGroup["dimension"];

const UNKNOWN_POPULATION = /* @__PURE__ */ Object.freeze({ id: "unknown", label: "Population not known" });
const UNKNOWN_SHARE = /* @__PURE__ */ Object.freeze({ id: "unknown", label: "Share of migrant residents not known" });
const UNKNOWN_COUNTRY = /* @__PURE__ */ Object.freeze({ id: "unknown", label: "Country not known" });

const ALL_GROUP = /* @__PURE__ */ Object.freeze({ id: "all", label: "All subjects" });

export type Group = { readonly id: string; readonly label: string };

// Each subject's group in one dimension, numbered. Groups of one id are one peer group (`groupOf`);
// a subject's own group object (`entryOf`) gives its label.
export interface Grouping {
  readonly dimension: Dimension;
  /** Group ids by group number. */
  readonly ids: readonly string[];
  readonly groupOf: Int32Array;
  readonly entries: readonly Group[];
  readonly entryOf: Int32Array;
  /** Subjects per group. */
  readonly counts: Int32Array;
}

// The groups of one dimension being numbered: group objects (entries) as they first come, and ids.
interface Numbering {
  readonly dimension: Dimension;
  readonly ids: string[];
  readonly idNumbers: Map<string, number>;
  readonly entries: Group[];
  readonly idOfEntry: number[];
  readonly groupOf: Int32Array;
  readonly entryOf: Int32Array;
}

function numbering(dimension: Dimension, size: number): Numbering {
  return { dimension, ids: [], idNumbers: new Map(), entries: [], idOfEntry: [], groupOf: new Int32Array(size), entryOf: new Int32Array(size) };
}

// The number of a group object new to a dimension.
function newEntry(n: Numbering, group: Group): number {
  let g = n.idNumbers.get(group.id);
  if (g === undefined) {
    g = n.ids.length;
    n.ids.push(group.id);
    n.idNumbers.set(group.id, g);
  }
  n.idOfEntry.push(g);
  return n.entries.push(group) - 1;
}

function assign(n: Numbering, m: number, entry: number): void {
  n.entryOf[m] = entry;
  n.groupOf[m] = n.idOfEntry[entry] as number;
}

function done(n: Numbering): Grouping {
  const counts = new Int32Array(n.ids.length);
  for (let m = 0; m < n.groupOf.length; m++) (counts[n.groupOf[m] as number] as number)++;
  return { dimension: n.dimension, ids: n.ids, groupOf: n.groupOf, entries: n.entries, entryOf: n.entryOf, counts };
}

// The entry of band b of `bands` (-1: the unknown group), made on first use; `entries[b + 1]` keeps it.
function bandEntry(n: Numbering, bands: readonly ContextBand[], b: number, unknown: Group, entries: Int32Array): number {
  let entry = entries[b + 1] as number;
  if (entry === -1) {
    const band = bands[b];
    entries[b + 1] = entry = newEntry(n, band === undefined ? unknown : Object.freeze({ id: band.id, label: band.label }));
  }
  return entry;
}

const MISSING_PLACE = 1;
const MISSING_POPULATION = 2;
const MISSING_SHARE = 4;
const MISSING_COUNTRY = 8;

// What a subject without some profile data lacks, as its message lists it.
export function missingOf(bits: number): string[] {
  const missing: string[] = [];
  if (bits & MISSING_PLACE) missing.push("place profile");
  if (bits & MISSING_POPULATION) missing.push("population");
  if (bits & MISSING_SHARE) missing.push("share of foreign-born or migrant residents");
  if (bits & MISSING_COUNTRY) missing.push("country");
  return missing;
}

// Every subject's group in every dimension (DIMENSIONS order), and what profile data it lacks (bits).
// Profile data is read straight from each subject's place: no object is made per subject.
export function groupSubjects(
  assessments: readonly (ReportAssessment | undefined)[],
  places: PlaceIndex,
  options: PeerOptions,
): { groupings: Grouping[]; missing: Uint8Array } {
  const size = assessments.length;
  const all = numbering("all", size);
  const population = numbering("population", size);
  const share = numbering("migrant-share", size);
  const country = numbering("country", size);
  const missing = new Uint8Array(size);
  const populationBands = options.populationBands ?? DEFAULT_POPULATION_BANDS;
  const shareBands = options.migrantShareBands ?? DEFAULT_MIGRANT_SHARE_BANDS;
  // Entries by band number + 1 (0: unknown), and by country code.
  const populationEntries = new Int32Array(populationBands.length + 1).fill(-1);
  const shareEntries = new Int32Array(shareBands.length + 1).fill(-1);
  const countryEntries = new Map<string, number>();
  let unknownCountry = -1;
  const allEntry = size > 0 ? newEntry(all, ALL_GROUP) : -1;
  for (let m = 0; m < size; m++) {
    const assessment = assessments[m];
    const found = subjectPlace(assessment, places, m);
    let bits = found ? 0 : MISSING_PLACE;
    assign(all, m, allEntry);
    const people = found?.population?.value;
    let b = people !== undefined ? bandIndex(populationBands, people) : -1;
    // A size band stands in for a population the bands do not place (default bands only).
    const sizeBand = found && b === -1 && options.populationBands === undefined ? found.sizeBand ?? (people !== undefined ? sizeBandOf(people) : undefined) : undefined;
    if (sizeBand !== undefined) b = DEFAULT_POPULATION_BANDS.findIndex((band) => band.id === sizeBand);
    if (b === -1) bits |= MISSING_POPULATION;
    assign(population, m, bandEntry(population, populationBands, b, UNKNOWN_POPULATION, populationEntries));
    const percent = found ? migrantShareOf(found, places.measures)?.percent : undefined;
    const s = percent !== undefined ? bandIndex(shareBands, percent) : -1;
    if (s === -1) bits |= MISSING_SHARE;
    assign(share, m, bandEntry(share, shareBands, s, UNKNOWN_SHARE, shareEntries));
    const code = found ? found.country : assessment?.country;
    let entry: number | undefined;
    if (code === undefined) {
      bits |= MISSING_COUNTRY;
      if (unknownCountry === -1) unknownCountry = newEntry(country, UNKNOWN_COUNTRY);
      entry = unknownCountry;
    } else if ((entry = countryEntries.get(code)) === undefined) {
      countryEntries.set(code, (entry = newEntry(country, Object.freeze({ id: code.toLowerCase(), label: `Country ${code}` }))));
    }
    assign(country, m, entry);
    missing[m] = bits;
  }
  return { groupings: [done(all), done(population), done(share), done(country)], missing };
}

// The number of the band `bandFor` gives, or -1.
function bandIndex(bands: readonly ContextBand[], value: number): number {
  const band = bandFor(bands, value);
  return band === undefined ? -1 : bands.indexOf(band);
}

export const DIMENSIONS: readonly Dimension[] = ["all", "population", "migrant-share", "country"];

