import fc from "fast-check";

/*
 * Mutations of valid documents for differential property tests: one value replaced by arbitrary
 * JSON or a tricky constant, a field removed, or a field added.
 */

type Path = (string | number)[];

/** Every path into a JSON value, the root included. */
export function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const here: Path[] = [prefix];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, index) => pathsOf(item, [...prefix, index]))];
  if (typeof value === "object" && value !== null) {
    return [...here, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...prefix, key]))];
  }
  return here;
}

function setAt(root: unknown, path: Path, replacement: unknown, remove: boolean): unknown {
  if (path.length === 0) return structuredClone(replacement);
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let parent = copy;
  for (const segment of path.slice(0, -1)) parent = parent[segment] as Record<string | number, unknown>;
  const last = path.at(-1) as string | number;
  if (remove && !Array.isArray(parent)) delete parent[last];
  else parent[last] = structuredClone(replacement);
  return copy;
}

const TRICKY = ["", "x", "1.0", "1.1", "1.9", "2.0", "n/a", "a.b", "a.b#c", "Aarhus", "DK", "2014-02-30", "https://x.org", -1, 0, 1.5, 101, 1e300, null, [], {}];

/**
 * An arbitrary that takes one of `documents` and changes it in one place.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(mutatedDocument([benchmark]), (input) => { parseDocument(input); }));
 * ```
 */
export function mutatedDocument(documents: readonly unknown[]): fc.Arbitrary<unknown> {
  return fc
    .constantFrom(...documents)
    .chain((document) =>
      fc.tuple(
        fc.constant(document),
        fc.constantFrom(...pathsOf(document)),
        fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(...TRICKY)),
        fc.boolean(),
        // Keys named like Object.prototype members are the ones a copy most easily loses or misreads.
        fc.option(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...PROTOTYPE_KEYS)), { nil: undefined }),
        fc.nat(),
      ),
    )
    .map(([document, path, replacement, remove, extraKey, at]) => {
      const mutated = setAt(document, path, replacement, remove);
      if (extraKey === undefined) return mutated;
      // The extra key goes into any object of the document, at any depth, as JSON.parse would put it.
      const objects = pathsOf(mutated).filter((p) => {
        const value = valueAt(mutated, p);
        return typeof value === "object" && value !== null && !Array.isArray(value);
      });
      if (objects.length === 0) return mutated;
      const target = valueAt(mutated, objects[at % objects.length] as Path) as Record<string, unknown>;
      Object.defineProperty(target, extraKey, { value: structuredClone(replacement), enumerable: true, writable: true, configurable: true });
      return mutated;
    });
}

/** Keys named like members of Object.prototype. */
export const PROTOTYPE_KEYS = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "isPrototypeOf", "__defineGetter__"];

function valueAt(root: unknown, path: Path): unknown {
  let value = root;
  for (const segment of path) value = (value as Record<string | number, unknown>)[segment];
  return value;
}

/**
 * Arbitrary JSON values whose object keys are drawn from `key`, put through `JSON.parse` so that a
 * `"__proto__"` key is an own key, as in a document read from a file.
 *
 * @example
 * fc.assert(fc.property(jsonValueWithKeys(fc.constantFrom(...PROTOTYPE_KEYS)), (value) => { validate(value); }));
 */
export function jsonValueWithKeys(key: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  return fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.constant(null),
      fc.boolean(),
      fc.double(),
      fc.integer(),
      fc.string({ maxLength: 30 }),
      fc.array(tie("value"), { maxLength: 4 }),
      fc.dictionary(key, tie("value"), { maxKeys: 4 }).map((d) => JSON.parse(JSON.stringify(d)) as unknown),
    ),
  })).value;
}
