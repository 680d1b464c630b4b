import type { ValidationProblem } from "./generated/types";
import { SCHEMA_VERSION, SCHEMA_VERSIONS } from "./generated/versions";
import { previewValue } from "./format-value";
import { documentProblem } from "./schema-problems";

export { SCHEMA_VERSION, SCHEMA_VERSIONS };

/** A released schema version, such as "1.0". */
export type SchemaVersion = (typeof SCHEMA_VERSIONS)[number];

/** Where every schema's `$id` lives: `<host><major>.<minor>/<name>.schema.json`. */
export const SCHEMA_ID_HOST = "https://schemas.cohesion.dev/";

const VERSION = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/;
const SCHEMA_ID = /^https:\/\/schemas\.cohesion\.dev\/((?:0|[1-9][0-9]*)\.(?:0|[1-9][0-9]*))\/([a-z][a-z0-9-]*\.schema\.json)$/;

/**
 * Reads a MAJOR.MINOR schema version, or undefined when the text is not one.
 *
 * @example
 * parseSchemaVersion("1.10"); // { major: 1, minor: 10 }
 * parseSchemaVersion("1.0.0"); // undefined
 */
export function parseSchemaVersion(version: unknown): { major: number; minor: number } | undefined {
  if (typeof version !== "string") return undefined;
  const match = VERSION.exec(version);
  return match ? { major: Number(match[1]), minor: Number(match[2]) } : undefined;
}

/**
 * Orders two MAJOR.MINOR versions numerically ("1.10" after "1.9"); negative when `a` is older.
 * Text that is not a version sorts before every version.
 *
 * @example
 * ["1.10", "1.2"].sort(compareSchemaVersions); // ["1.2", "1.10"]
 */
export function compareSchemaVersions(a: string, b: string): number {
  const x = parseSchemaVersion(a);
  const y = parseSchemaVersion(b);
  if (!x || !y) return (x ? 1 : 0) - (y ? 1 : 0);
  return x.major - y.major || x.minor - y.minor;
}

/**
 * The package export that holds the schema with a given `$id`, for `import`/`require.resolve`;
 * undefined when the `$id` names no version this package ships.
 *
 * @example
 * schemaSpecifier("https://schemas.cohesion.dev/1.0/assessment.schema.json");
 * // "@cohesion/schema/schemas/1.0/assessment.schema.json"
 */
export function schemaSpecifier(id: string): string | undefined {
  const match = SCHEMA_ID.exec(id);
  if (!match || !(SCHEMA_VERSIONS as readonly string[]).includes(match[1] ?? "")) return undefined;
  return `@cohesion/schema/schemas/${match[1]}/${match[2]}`;
}

/** The versions this package reads, in words ("1.0 to 1.1"): those of the current major only. */
export const supportedSchemaVersions = `${SCHEMA_VERSIONS.find((v) => parseSchemaVersion(v)?.major === parseSchemaVersion(SCHEMA_VERSION)?.major) ?? SCHEMA_VERSION} to ${SCHEMA_VERSION}`;

/** The versions of the current major up to the latest: a document declaring one is read as it is. */
const READABLE: ReadonlySet<unknown> = /* @__PURE__ */ readableVersions();

function readableVersions(): Set<unknown> {
  const latest = parseSchemaVersion(SCHEMA_VERSION);
  const versions = new Set<unknown>();
  for (let minor = 0; latest && minor <= latest.minor; minor++) versions.add(`${latest.major}.${minor}`);
  return versions;
}

/**
 * Checks the `schemaVersion` a document declares against the versions this package reads. Minor
 * versions only add to a major one (the breaking-change gate guarantees it), so every 1.x up to
 * {@link SCHEMA_VERSION} is read by the latest validator; a newer minor or another major is
 * `unsupported_schema_version`, naming both versions. Text that is not a version at all is left
 * to the schema's own pattern.
 *
 * @example
 * checkSchemaVersion({ schemaVersion: "1.7" })?.code; // "unsupported_schema_version"
 */
export function checkSchemaVersion(document: Readonly<Record<string, unknown>>): ValidationProblem | undefined {
  if (!Object.hasOwn(document, "schemaVersion")) return undefined;
  const declared = document.schemaVersion;
  // Documents checked in bulk declare a handful of versions: the ones found readable are remembered.
  if (READABLE.has(declared)) return undefined;
  const version = parseSchemaVersion(declared);
  const latest = parseSchemaVersion(SCHEMA_VERSION);
  if (!version || !latest) return undefined;
  const params = { got: previewValue(declared), version: declared, supported: supportedSchemaVersions, latest: SCHEMA_VERSION };
  if (version.major !== latest.major) {
    return documentProblem("unsupported_schema_version", "/schemaVersion", {
      ...params,
      reason: `major version ${version.major} is not one this package reads`,
      fix: version.major > latest.major ? "use a @cohesion/schema release that reads it" : `upgrade it with \`cohesion migrate <file> --to ${SCHEMA_VERSION}\` (or migrate() from @cohesion/model)`,
    });
  }
  if (version.minor > latest.minor) {
    return documentProblem("unsupported_schema_version", "/schemaVersion", {
      ...params,
      reason: "it is newer than this package",
      fix: "upgrade @cohesion/schema to a release that reads it",
    });
  }
  return undefined;
}

/** The schema version a document declares, when it declares a valid one. */
export function declaredSchemaVersion(document: unknown): string | undefined {
  if (typeof document !== "object" || document === null) return undefined;
  const declared = (document as Record<string, unknown>).schemaVersion;
  if (READABLE.has(declared)) return declared as string;
  return parseSchemaVersion(declared) ? (declared as string) : undefined;
}
