import type { ValidationProblem } from "@cohesion/schema";

/**
 * One migration step: upgrades a document of one schema version to the next and reports what it
 * moved or could not carry over; never throws, never changes its input.
 *
 * @example
 * const step: MigrationStep = (document) => ({ document: { ...document, schemaVersion: "2.0" }, problems: [] });
 */
export type MigrationStep = (document: Readonly<Record<string, unknown>>) => {
  document: Record<string, unknown>;
  problems: ValidationProblem[];
};
