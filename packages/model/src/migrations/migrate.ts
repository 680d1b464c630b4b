import {
  compareSchemaVersions,
  parseSchemaVersion,
  SCHEMA_VERSION,
  SCHEMA_VERSIONS,
  toReport,
  validate,
  validatePreviousMajor,
  type ValidationProblem,
  type ValidationReport,
} from "@cohesion/schema";
import { migrationProblem } from "./problems";
import type { MigrationStep } from "./step";
import { WRITTEN_STEPS } from "./steps";

/** A minor only adds to its major, so a document of one minor is already a document of the next. */
function identityStep(from: string, to: string): MigrationStep {
  return (document) => ({
    document: { ...document, schemaVersion: to },
    problems: [migrationProblem("schema_version_changed", "/schemaVersion", { from, to })],
  });
}

function consecutiveSteps(): Map<string, MigrationStep> {
  const steps = new Map<string, MigrationStep>();
  SCHEMA_VERSIONS.forEach((to, index) => {
    const from = SCHEMA_VERSIONS[index - 1];
    if (from === undefined) return;
    const key = `${from}→${to}`;
    const written = WRITTEN_STEPS[key];
    if (written) steps.set(key, written);
    else if (parseSchemaVersion(from)?.major === parseSchemaVersion(to)?.major) steps.set(key, identityStep(from, to));
  });
  return steps;
}

/**
 * Every migration, one per pair of consecutive schema versions, keyed "<from>→<to>": the
 * hand-written steps (one for every major, and for a minor that moves data) and an identity step
 * for every other minor. A chain of them leads from any shipped version to any later one.
 *
 * @example
 * MIGRATIONS.get("1.0→1.1")?.(document);
 */
export const MIGRATIONS: ReadonlyMap<string, MigrationStep> = consecutiveSteps();

/** What {@link migrate} returns: the upgraded document and what was moved or left, or why it could not. */
export type MigrationResult =
  | { ok: true; document: Record<string, unknown>; report: ValidationReport }
  | { ok: false; report: ValidationReport };

function fail(problems: ValidationProblem[]): MigrationResult {
  return { ok: false, report: toReport(problems) };
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  return typeof value === "object" ? "an object" : String(value);
}

/** The chain of steps from one version to a later one, or undefined when one is missing. */
function pathBetween(from: string, to: string): Array<[string, MigrationStep]> | undefined {
  const steps: Array<[string, MigrationStep]> = [];
  let at = from;
  while (at !== to) {
    const next = [...MIGRATIONS.entries()].find(([key]) => key.startsWith(`${at}→`));
    if (!next) return undefined;
    steps.push(next);
    at = next[0].split("→")[1] ?? to;
  }
  return steps;
}

/** Options of {@link migrate}. */
export interface MigrateOptions {
  /**
   * Checks a document before and after the migration; `validate` from @cohesion/schema by default.
   * A plugin host's `host.validate` accepts the fields its plugins' schema extensions add.
   */
  readonly validate?: (document: unknown) => ValidationReport;
}

/**
 * Upgrades a document to a later schema version through one migration per version pair, and
 * reports everything it moved (`migrated_field`, info) or could not put where the new version
 * wants it (`not_carried_over`, warning, saying where it is kept): nothing is dropped silently.
 * The document must be valid first; the result is checked against the schemas again. Never throws;
 * the input is not changed.
 *
 * @example
 * const result = migrate(JSON.parse(text), "1.1");
 * if (result.ok) write(result.document);
 * for (const p of result.report.errors) console.log(p.severity, p.pointer, p.message);
 */
export function migrate(document: unknown, toVersion: string, options: MigrateOptions = {}): MigrationResult {
  const check = options.validate ?? validate;
  const known = SCHEMA_VERSIONS.join(", ");
  try {
    if (typeof document !== "object" || document === null || Array.isArray(document)) {
      return fail([migrationProblem("not_a_document", "", { got: describe(document) })]);
    }
    const record = document as Record<string, unknown>;
    if (!(SCHEMA_VERSIONS as readonly string[]).includes(toVersion)) {
      return fail([migrationProblem("unknown_target_version", "", { to: describe(toVersion), known })]);
    }
    const from = record.schemaVersion;
    if (typeof from !== "string" || !(SCHEMA_VERSIONS as readonly string[]).includes(from)) {
      return fail([migrationProblem("unknown_schema_version", "/schemaVersion", { got: describe(from), known })]);
    }
    // A document of an earlier major is read by the validators of that major's last release.
    const before = validatePreviousMajor(record) ?? check(record);
    if (!before.valid) {
      const errors = before.errors.filter((p) => p.severity === "error");
      return fail([migrationProblem("invalid_before_migration", "", { count: errors.length }), ...errors]);
    }
    if (from === toVersion) {
      return { ok: true, document: record, report: toReport([migrationProblem("already_at_version", "/schemaVersion", { version: from })]) };
    }
    const steps = compareSchemaVersions(from, toVersion) < 0 ? pathBetween(from, toVersion) : undefined;
    if (!steps) {
      const older = compareSchemaVersions(toVersion, from) < 0;
      return fail([
        migrationProblem("no_migration_path", "/schemaVersion", {
          from,
          to: toVersion,
          hint: older ? " — migrations only upgrade; keep the document at its version or use the older package to write one" : "",
        }),
      ]);
    }
    let current: Record<string, unknown> = record;
    const problems: ValidationProblem[] = [];
    for (const [, step] of steps) {
      const result = step(current);
      current = result.document;
      problems.push(...result.problems);
    }
    // The latest validator reads every version of the current major; an earlier major's last release reads its own.
    const target = parseSchemaVersion(toVersion);
    const after = target && target.major === parseSchemaVersion(SCHEMA_VERSION)?.major ? check(current) : (validatePreviousMajor(current) ?? toReport([]));
    const errors = after.errors.filter((p) => p.severity === "error");
    if (errors.length > 0) {
      return fail([migrationProblem("invalid_after_migration", "", { count: errors.length, from, to: toVersion }), ...errors, ...problems]);
    }
    return { ok: true, document: current, report: toReport([...problems, ...after.errors]) };
  } catch {
    // A hostile document (a throwing getter or Proxy) still gets an answer.
    return fail([migrationProblem("not_a_document", "", { got: "a value that could not be read" })]);
  }
}
