import type { PeerGroup } from "@cohesion/schema";
import { bandFor, type Band } from "../engine/parameters";
import type { ReportAssessment } from "../types";
import type { PlaceIndex } from "./profiles";
import { subjectProfile } from "./profiles";
import type { MigrantMeasure } from "./similarity";

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

const UNKNOWN_POPULATION = Object.freeze({ id: "unknown", label: "Population not known" });
const UNKNOWN_SHARE = Object.freeze({ id: "unknown", label: "Share of migrant residents not known" });
const UNKNOWN_COUNTRY = Object.freeze({ id: "unknown", label: "Country not known" });

const ALL_GROUP = Object.freeze({ id: "all", label: "All subjects" });

export type Group = { readonly id: string; readonly label: string };

// The groups of one index, made once each and shared by their members.
export class GroupMaker {
  private readonly bands = new Map<ContextBand, Group>();
  private readonly countries = new Map<string, Group>();

  band(band: ContextBand): Group {
    let group = this.bands.get(band);
    if (!group) this.bands.set(band, (group = Object.freeze({ id: band.id, label: band.label })));
    return group;
  }

  country(code: string): Group {
    let group = this.countries.get(code);
    if (!group) this.countries.set(code, (group = Object.freeze({ id: code.toLowerCase(), label: `Country ${code}` })));
    return group;
  }
}

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

// Numbers the groups of one dimension as subjects are added (a class: its methods stay optimised).
class Numbering {
  private readonly ids: string[] = [];
  private readonly idNumbers = new Map<string, number>();
  private readonly entries: Group[] = [];
  private readonly entryNumbers = new Map<Group, number>();
  private readonly idOfEntry: number[] = [];
  private readonly groupOf: Int32Array;
  private readonly entryOf: Int32Array;
  private last: Group | undefined;
  private lastEntry = -1;

  constructor(
    private readonly dimension: Dimension,
    private readonly size: number,
  ) {
    this.groupOf = new Int32Array(size);
    this.entryOf = new Int32Array(size);
  }

  add(m: number, group: Group): void {
    if (group !== this.last) {
      let e = this.entryNumbers.get(group);
      if (e === undefined) {
        e = this.entries.length;
        this.entries.push(group);
        this.entryNumbers.set(group, e);
        let g = this.idNumbers.get(group.id);
        if (g === undefined) {
          g = this.ids.length;
          this.ids.push(group.id);
          this.idNumbers.set(group.id, g);
        }
        this.idOfEntry.push(g);
      }
      this.last = group;
      this.lastEntry = e;
    }
    this.entryOf[m] = this.lastEntry;
    this.groupOf[m] = this.idOfEntry[this.lastEntry] as number;
  }

  done(): Grouping {
    const counts = new Int32Array(this.ids.length);
    for (let m = 0; m < this.size; m++) (counts[this.groupOf[m] as number] as number)++;
    return { dimension: this.dimension, ids: this.ids, groupOf: this.groupOf, entries: this.entries, entryOf: this.entryOf, counts };
  }
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
export function groupSubjects(
  assessments: readonly (ReportAssessment | undefined)[],
  places: PlaceIndex,
  options: PeerOptions,
  make: GroupMaker,
): { groupings: Grouping[]; missing: Uint8Array } {
  const size = assessments.length;
  const all = new Numbering("all", size);
  const population = new Numbering("population", size);
  const share = new Numbering("migrant-share", size);
  const country = new Numbering("country", size);
  const missing = new Uint8Array(size);
  const populationBands = options.populationBands ?? DEFAULT_POPULATION_BANDS;
  const shareBands = options.migrantShareBands ?? DEFAULT_MIGRANT_SHARE_BANDS;
  for (let m = 0; m < size; m++) {
    const { profile, place } = subjectProfile({ assessment: assessments[m] }, places);
    let bits = place ? 0 : MISSING_PLACE;
    all.add(m, ALL_GROUP);
    const people = profile.population;
    const populationBand = people !== undefined ? bandFor(populationBands, people) : undefined;
    const sizeBand = populationBand ?? (profile.sizeBand !== undefined && options.populationBands === undefined
      ? DEFAULT_POPULATION_BANDS.find((b) => b.id === profile.sizeBand)
      : undefined);
    if (sizeBand) population.add(m, make.band(sizeBand));
    else {
      population.add(m, UNKNOWN_POPULATION);
      bits |= MISSING_POPULATION;
    }
    const shareBand = profile.migrantShare !== undefined ? bandFor(shareBands, profile.migrantShare) : undefined;
    if (shareBand) share.add(m, make.band(shareBand));
    else {
      share.add(m, UNKNOWN_SHARE);
      bits |= MISSING_SHARE;
    }
    if (profile.country !== undefined) country.add(m, make.country(profile.country));
    else {
      country.add(m, UNKNOWN_COUNTRY);
      bits |= MISSING_COUNTRY;
    }
    missing[m] = bits;
  }
  return { groupings: [all.done(), population.done(), share.done(), country.done()], missing };
}

export const DIMENSIONS: readonly Dimension[] = ["all", "population", "migrant-share", "country"];

