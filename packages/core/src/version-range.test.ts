import fc from "fast-check";
import satisfies from "semver/functions/satisfies.js";
import validRange from "semver/ranges/valid.js";
import { describe, expect, it } from "vitest";
import { inVersionRange, rangeHoldsAnyVersion } from "./version-range";

// semver's own answer, in inVersionRange's terms.
const semverAnswer = (version: string, range: string): boolean | undefined => (validRange(range) === null ? undefined : satisfies(version, range, { includePrerelease: true }));

// Small numbers, so that versions land on every boundary of every range (equal, one below, one above).
const part = fc.oneof(fc.integer({ min: 0, max: 3 }).map(String), fc.constantFrom("01", "00", "1000000000", "x", "*", ""));
const version = fc.oneof(
  fc.tuple(part, part, part).map((parts) => parts.join(".")),
  fc.tuple(part, part, part, fc.constantFrom("-0", "-beta.1", "+build", "-rc")).map(([a, b, c, tail]) => `${a}.${b}.${c}${tail}`),
);
const operator = fc.constantFrom("", "^", "~", ">=", "=", ">", "<", "<=", "~>", "v", "^ ", " ^", "=v");
const range = fc.oneof(
  fc.tuple(operator, version, fc.constantFrom("", " ", "\t", "\u00a0", "\u3000", " || 2.0.0", " <1.0.0", " - 3.0.0")).map(([op, v, tail]) => `${op}${v}${tail}`),
  fc.string(),
);

describe("inVersionRange", () => {
  it("answers as semver does, for the forms it decides itself and for every other one", () => {
    fc.assert(
      fc.property(version, range, (v, r) => {
        expect(inVersionRange(v, r)).toBe(semverAnswer(v, r));
      }),
      { numRuns: 5000 },
    );
  });

  it("decides caret, tilde, at-least and exact ranges at their boundaries", () => {
    const cases: [string, string, boolean][] = [
      // ^1.2.3 is >=1.2.3 <2.0.0
      ["1.2.3", "^1.2.3", true],
      ["1.9.0", "^1.2.3", true],
      ["1.2.2", "^1.2.3", false],
      ["2.0.0", "^1.2.3", false],
      // ^0.1.0 is >=0.1.0 <0.2.0
      ["0.1.9", "^0.1.0", true],
      ["0.2.0", "^0.1.0", false],
      // ^0.0.3 is exactly 0.0.3
      ["0.0.3", "^0.0.3", true],
      ["0.0.4", "^0.0.3", false],
      // ~1.2.3 is >=1.2.3 <1.3.0
      ["1.2.9", "~1.2.3", true],
      ["1.3.0", "~1.2.3", false],
      ["3.0.0", ">=0.1.0", true],
      ["0.0.9", ">=0.1.0", false],
      ["0.1.0", "0.1.0", true],
      ["0.1.1", "=0.1.0", false],
    ];
    for (const [v, r, expected] of cases) expect([v, r, inVersionRange(v, r)]).toEqual([v, r, expected]);
  });

  it("says a text that is no range is none, and decides other forms through semver", () => {
    expect(inVersionRange("1.0.0", "not a range")).toBeUndefined();
    expect(inVersionRange("1.5.0", ">=1.0.0 <2.0.0")).toBe(true);
    expect(inVersionRange("1.0.0-beta.2", "^1.0.0-beta.1")).toBe(true);
  });
});

describe("rangeHoldsAnyVersion", () => {
  // Versions on and around every boundary the generated ranges use, prereleases included.
  const pool = [0, 1, 2, 3, 4].flatMap((a) => [0, 1, 2, 3].flatMap((b) => [0, 1, 2, 3].flatMap((c) => [`${a}.${b}.${c}`, `${a}.${b}.${c}-0`, `${a}.${b}.${c}-beta.1`, `${a}.${b}.${c}-rc`])));

  it("never calls a range empty that some version satisfies, and undefined for no range", () => {
    fc.assert(
      fc.property(range, (r) => {
        const holds = rangeHoldsAnyVersion(r);
        if (validRange(r) === null) expect(holds).toBeUndefined();
        else if (holds === false) expect(pool.find((v) => satisfies(v, r, { includePrerelease: true }))).toBeUndefined();
        else if (pool.some((v) => satisfies(v, r, { includePrerelease: true }))) expect(holds).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("finds the empty ranges, a set at a time", () => {
    expect(rangeHoldsAnyVersion(">=2.0.0 <1.0.0")).toBe(false);
    expect(rangeHoldsAnyVersion(">1.0.0 <=1.0.0")).toBe(false);
    expect(rangeHoldsAnyVersion("<0.0.0-0")).toBe(false);
    expect(rangeHoldsAnyVersion("1.0.0 2.0.0")).toBe(false);
    expect(rangeHoldsAnyVersion(">=2.0.0 <1.0.0 || ^3.1.0")).toBe(true);
    expect(rangeHoldsAnyVersion(">=1.0.0 <=1.0.0")).toBe(true);
    expect(rangeHoldsAnyVersion("<0.0.0")).toBe(true); // 0.0.0-0, prereleases being included
    expect(rangeHoldsAnyVersion("^0.1.0")).toBe(true);
    expect(rangeHoldsAnyVersion("not a range")).toBeUndefined();
  });
});
