import type { Assessment, Place, Practice, ValidationReport } from "@cohesion/schema";

// With the `validated` option the caller has checked its documents against their schemas, so the
// engine does not repeat the check; it still makes sure that every field it reads has the type it
// reads, so that a document that is not what the caller said goes the checked way and gets its report.

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const optional = (value: unknown, type: "string" | "boolean" | "number") => value === undefined || typeof value === type;

/** The report a readable document the caller validated already stands for: valid, nothing to say. */
export const ALREADY_VALID: ValidationReport = { valid: true, errors: [] };

/**
 * True when every field scoring reads from an assessment has the type it reads (an assessment that
 * passes the schema always does).
 *
 * @example
 * ```ts
 * readableAssessment({ kind: "assessment" }); // false: no benchmark, subject, answers…
 * ```
 */
export function readableAssessment(value: unknown): value is Assessment {
  if (!isRecord(value) || value.kind !== "assessment" || typeof value.id !== "string" || typeof value.assessedOn !== "string") return false;
  const { benchmark, subject } = value;
  return (
    isRecord(benchmark) && typeof benchmark.id === "string" && typeof benchmark.version === "string" &&
    isRecord(subject) && typeof subject.name === "string" && typeof subject.type === "string" && optional(subject.ref, "string") && optional(subject.country, "string") &&
    isRecord(value.answers) && optional(value.scale, "string") && optional(value.illustrative, "boolean")
  );
}

/**
 * True when every field peer grouping and similarity read from a place has the type they read (a
 * place that passes the schema always does).
 *
 * @example
 * ```ts
 * readablePlace({ kind: "place", id: "x.y", name: "Y" }); // true
 * ```
 */
export function readablePlace(value: unknown): value is Place {
  if (!isRecord(value) || value.kind !== "place" || typeof value.id !== "string" || typeof value.name !== "string") return false;
  const { population, migrantShares } = value;
  return (
    optional(value.country, "string") && optional(value.sizeBand, "string") &&
    (population === undefined || (isRecord(population) && typeof population.value === "number")) &&
    (migrantShares === undefined || (Array.isArray(migrantShares) && migrantShares.every((s: unknown) => isRecord(s) && typeof s.measure === "string" && typeof s.percent === "number" && optional(s.scope, "string"))))
  );
}

/**
 * True when every field practice recommendations read from a practice has the type they read (a
 * practice that passes the schema always does).
 *
 * @example
 * ```ts
 * readablePractice({ id: "x.p", title: "P", country: "DE" }); // true
 * ```
 */
export function readablePractice(value: unknown): value is Practice {
  if (!isRecord(value) || typeof value.id !== "string" || typeof value.title !== "string" || typeof value.country !== "string") return false;
  const { keyFactors } = value;
  return optional(value.city, "string") && optional(value.placeRef, "string") && (keyFactors === undefined || (Array.isArray(keyFactors) && keyFactors.every((k: unknown) => typeof k === "string")));
}
