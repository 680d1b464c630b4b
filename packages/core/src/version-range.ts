import { createRequire } from "node:module";

// Whether a version lies in a semver range. Loading semver costs a command about a tenth of its start-up
// (some twenty modules), and nearly every plugin writes `^X.Y.Z` or `>=X.Y.Z` against a plain version, so
// those forms are decided here with semver's own rules and semver is loaded only for any other form.

type Satisfies = (version: string, range: string, options: { includePrerelease: boolean }) => boolean;
type ValidRange = (range: string) => string | null;
interface Comparator {
  readonly operator: string;
  readonly value: string;
  readonly semver: object;
}
type RangeClass = new (range: string, options: { includePrerelease: boolean }) => { readonly set: readonly (readonly Comparator[])[] };
type Compare = (a: object | string, b: object | string) => number;

interface Semver {
  readonly satisfies: Satisfies;
  readonly validRange: ValidRange;
  readonly Range: RangeClass;
  readonly compare: Compare;
}

let semver: Semver | undefined;

function loadSemver(): Semver {
  if (semver === undefined) {
    const require = createRequire(import.meta.url);
    semver = {
      satisfies: require("semver/functions/satisfies.js") as Satisfies,
      validRange: require("semver/ranges/valid.js") as ValidRange,
      Range: require("semver/classes/range.js") as RangeClass,
      compare: require("semver/functions/compare.js") as Compare,
    };
  }
  return semver;
}

// A plain version: three numbers without leading zeros, short enough to stay exact as numbers.
const PLAIN = /^(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})$/;
// The range forms decided without semver: an operator (^, ~, >=, = or none) right before a plain version.
const SIMPLE = /^\s*(\^|~|>=|=)?(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\s*$/;

/**
 * Whether `version` lies in the semver `range`, prereleases included (semver's `includePrerelease`), or
 * `undefined` when `range` is not a valid semver range. Answers exactly as semver 7 does: `^`, `~`, `>=`,
 * `=` and a bare version against a plain `X.Y.Z` are decided directly, every other form by semver, which
 * is loaded on first need.
 *
 * @example
 * ```ts
 * inVersionRange("0.1.3", "^0.1.0"); // true
 * inVersionRange("0.2.0", "^0.1.0"); // false
 * inVersionRange("1.0.0", "not a range"); // undefined
 * ```
 */
export function inVersionRange(version: string, range: string): boolean | undefined {
  const quick = quickInRange(version, range);
  if (quick !== undefined) return quick;
  const { satisfies, validRange } = loadSemver();
  if (validRange(range) === null) return undefined;
  return satisfies(version, range, { includePrerelease: true });
}

/**
 * Whether any version at all lies in the semver `range` (`>=2.0.0 <1.0.0` holds none), or `undefined`
 * when `range` is not a valid semver range. The simple forms always hold their own version.
 *
 * @example
 * ```ts
 * rangeHoldsAnyVersion("^0.1.0"); // true
 * rangeHoldsAnyVersion(">=2.0.0 <1.0.0"); // false
 * ```
 */
export function rangeHoldsAnyVersion(range: string): boolean | undefined {
  if (SIMPLE.test(range)) return true;
  const { validRange, Range, compare } = loadSemver();
  if (validRange(range) === null) return undefined;
  // semver's minVersion misses a satisfiable set after an empty one (">=2.0.0 <1.0.0 || ^3.1.0"), so
  // each set's bounds are compared here: a set holds a version unless its floor lies above its ceiling.
  return new Range(range, { includePrerelease: true }).set.some((comparators) => {
    let floor: object | string = "0.0.0-0";
    let floorIncluded = true;
    let ceiling: object | undefined;
    let ceilingIncluded = true;
    for (const { operator, value, semver: version } of comparators) {
      if (value === "") continue; // any version
      const exact = operator === "" || operator === "=";
      if (exact || operator.startsWith(">")) {
        const order = compare(version, floor);
        if (order > 0 || (order === 0 && operator === ">")) [floor, floorIncluded] = [version, operator !== ">"];
      }
      if (exact || operator.startsWith("<")) {
        const order = ceiling === undefined ? -1 : compare(version, ceiling);
        if (order < 0 || (order === 0 && operator === "<")) [ceiling, ceilingIncluded] = [version, operator !== "<"];
      }
    }
    if (ceiling === undefined) return true;
    const order = compare(floor, ceiling);
    return order < 0 || (order === 0 && floorIncluded && ceilingIncluded);
  });
}

// The answer for the simple forms against a plain version; undefined for anything else.
function quickInRange(version: string, range: string): boolean | undefined {
  const v = PLAIN.exec(version);
  const r = SIMPLE.exec(range);
  if (v === null || r === null) return undefined;
  const have = [Number(v[1]), Number(v[2]), Number(v[3])] as const;
  const floor = [Number(r[2]), Number(r[3]), Number(r[4])] as const;
  const order = compare(have, floor);
  switch (r[1]) {
    case undefined:
    case "=":
      return order === 0;
    case ">=":
      return order >= 0;
    case "~":
      // >=X.Y.Z <X.(Y+1).0
      return order >= 0 && have[0] === floor[0] && have[1] === floor[1];
    default: {
      // ^: >=X.Y.Z, below the next release of the first non-zero number (of the last one when all are zero).
      if (order < 0 || have[0] !== floor[0]) return false;
      if (floor[0] > 0) return true;
      if (have[1] !== floor[1]) return false;
      return floor[1] > 0 || have[2] === floor[2];
    }
  }
}

function compare(a: readonly [number, number, number], b: readonly [number, number, number]): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}
