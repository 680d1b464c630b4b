import type { Place, ScoreReport, ValidationProblem } from "@cohesion/schema";
import { ALREADY_VALID, readablePlace } from "../readable";
import { joinPointer, quickCheckPlace, validatePlace } from "@cohesion/schema";
import type { CityProfile, MigrantMeasure } from "./similarity";
import { DEFAULT_MIGRANT_MEASURES, profileOf } from "./similarity";
import { indexIds } from "./id-index";

/**
 * Place profiles indexed for look-up by id and by name + country.
 *
 * @example
 * ```ts
 * const index = indexPlaces(places);
 * index.placeOf("eurocities.malmo");
 * ```
 */
export interface PlaceIndex {
  /** The first valid place of each id (made on first use: {@link PlaceIndex.placeOf} finds one without it). */
  readonly byId: ReadonlyMap<string, Place>;
  /** The first valid place with the id, as `byId.get(id)` gives it. */
  placeOf(id: string): Place | undefined;
  readonly byName: ReadonlyMap<string, Place>;
  readonly measures: readonly MigrantMeasure[];
  /** The valid places in the order given. */
  readonly list: readonly Place[];
  /** True when no two places share an id: then the place at a position is the one its id finds. */
  readonly unique: boolean;
}

const nameKey = (name: string, country: string | undefined) => `${name.trim().toLowerCase()}|${country ?? ""}`;

/**
 * Validates place documents and indexes them; invalid ones are reported with pointers under `base`.
 * `validated`: the caller has validated them (see PeerOptions), only the types read are checked.
 *
 * @example
 * ```ts
 * const { index, problems } = indexPlaces(places, "/places");
 * ```
 */
export function indexPlaces(
  places: unknown,
  base = "/places",
  measures: readonly MigrantMeasure[] = DEFAULT_MIGRANT_MEASURES,
  validated = false,
): { index: PlaceIndex; problems: ValidationProblem[] } {
  const valid: Place[] = [];
  const problems: ValidationProblem[] = [];
  if (places !== undefined && !Array.isArray(places)) {
    problems.push(...validatePlace(places).errors.map((p) => ({ ...p, pointer: base + p.pointer })));
  } else {
    const list: readonly unknown[] = places ?? [];
    // A loop, not a callback made per call: places come by the thousand and it stays optimised.
    for (let i = 0; i < list.length; i++) {
      if (!(i in list)) continue; // a hole, skipped as forEach skips it
      const place = list[i];
      // Places come by the thousand for peers: the quick check spares the full validator valid ones,
      // and places the caller has validated already are only checked for the types read from them.
      const report = validated && readablePlace(place) ? ALREADY_VALID : quickCheckPlace().validate(place, validatePlace);
      if (!report.valid) {
        problems.push(...report.errors.map((p) => ({ ...p, pointer: joinPointer(base, i) + p.pointer, params: { ...p.params, document: "place" } })));
        continue;
      }
      valid.push(place as Place);
    }
  }
  // The first place of an id wins. Positions by id are an open-addressing table (a third of a Map's
  // cost for thousands of places); the Map of byId is made only when asked for.
  const positions = indexIds(valid.map((doc) => doc.id));
  let byId: Map<string, Place> | undefined;
  // Names are looked up only for subjects without a place reference: that index is made on first use.
  let names: Map<string, Place> | undefined;
  const index: PlaceIndex = {
    get byId() {
      if (!byId) {
        byId = new Map();
        for (let i = valid.length - 1; i >= 0; i--) byId.set((valid[i] as Place).id, valid[i] as Place);
      }
      return byId;
    },
    placeOf: (id) => {
      const at = positions.firstOf(id);
      return at === undefined ? undefined : valid[at];
    },
    get byName() {
      if (!names) {
        names = new Map();
        for (const doc of valid) {
          const key = nameKey(doc.name, doc.country);
          if (!names.has(key)) names.set(key, doc);
        }
      }
      return names;
    },
    measures,
    list: valid,
    unique: positions.repeats.length === 0,
  };
  return { index, problems };
}

/**
 * The profile of a score report's subject: its place document when the report names one that is
 * known, otherwise only its name and country (`place` undefined).
 *
 * @example
 * ```ts
 * const { profile, place } = subjectProfile(report, index);
 * ```
 */
export function subjectProfile(report: { readonly assessment?: ScoreReport["assessment"] | undefined }, index: PlaceIndex): { profile: CityProfile; place: Place | undefined } {
  const assessment = report.assessment;
  const place = subjectPlace(assessment, index);
  if (place) return { profile: profileOf(place, index.measures), place };
  return { profile: { name: assessment?.subject ?? "the subject", country: assessment?.country }, place: undefined };
}

/**
 * The place document of a report's subject: by its place reference, else by its name and country.
 * `at`: where the subject's place probably is in the places given (subjects and places listed side
 * by side, as they usually are); tried first, it spares a look-up in a large index.
 *
 * @example
 * ```ts
 * subjectPlace(report.assessment, index)?.population?.value;
 * ```
 */
export function subjectPlace(assessment: ScoreReport["assessment"] | undefined, index: PlaceIndex, at = -1): Place | undefined {
  const ref = assessment?.subjectRef;
  if (ref !== undefined && at >= 0 && index.unique) {
    const place = index.list[at];
    if (place !== undefined && place.id === ref) return place;
  }
  return (ref !== undefined ? index.placeOf(ref) : undefined) ?? index.byName.get(nameKey(assessment?.subject ?? "the subject", assessment?.country));
}

/**
 * The profile of a practice's city: its place document (by `placeRef`, else by city name and country),
 * otherwise only the city name and country.
 *
 * @example
 * ```ts
 * cityProfile(practice.city, practice.country, practice.placeRef, index).profile.population;
 * ```
 */
export function cityProfile(
  city: string,
  country: string | undefined,
  placeRef: string | undefined,
  index: PlaceIndex,
): { profile: CityProfile; place: Place | undefined } {
  const place = (placeRef !== undefined ? index.placeOf(placeRef) : undefined) ?? index.byName.get(nameKey(city, country));
  if (place) return { profile: profileOf(place, index.measures), place };
  return { profile: { name: city, country }, place: undefined };
}
