import { joinPointer, type ValidationProblem } from "@cohesion/schema";
import { migrationProblem } from "./problems";
import { isRecord, quote } from "./values";
import type { MigrationStep } from "./step";

// The schema's `shortText` limit, counted in characters as the validators count them.
const MAX_TITLE = 500;

/**
 * Joins one entity's `titleParts` into its `title`. In 1.1 the title held only the first part and
 * the parts, joined with single spaces, gave the source's title; in 1.2 the title is whole.
 */
function joinTitle(entity: Record<string, unknown>, pointer: string, problems: ValidationProblem[]): Record<string, unknown> {
  const parts = entity.titleParts;
  if (!Array.isArray(parts) || !parts.every((part): part is string => typeof part === "string")) return entity;
  const whole = parts.join(" ");
  const from = joinPointer(pointer, "titleParts");
  const to = joinPointer(pointer, "title");
  if ([...whole].length > MAX_TITLE) {
    // The title cannot take it: the parts stay where they are (still valid in 1.2, deprecated).
    problems.push(
      migrationProblem("not_carried_over", from, {
        what: "the title in parts",
        to,
        reason: `the whole title would be longer than the ${MAX_TITLE} characters allowed`,
        keptIn: `${from} (deprecated since 1.2; shorten it and move it to ${to})`,
        text: quote(whole),
        kept: whole,
      }),
    );
    return entity;
  }
  const { titleParts: _joined, ...rest } = entity;
  const previous = entity.title;
  problems.push(migrationProblem("migrated_field", from, { what: "the title in parts", to, text: quote(whole), kept: whole }));
  if (typeof previous === "string" && previous !== parts[0]) {
    // 1.1 says the title is the first part; one that is not would be overwritten, so the report keeps it.
    problems.push(
      migrationProblem("not_carried_over", to, {
        what: "the previous title",
        to,
        reason: "it was not the first of the parts, and the whole title replaces it",
        keptIn: "this report only",
        text: quote(previous),
        kept: previous,
      }),
    );
  }
  return { ...rest, title: whole };
}

function mapArray(value: unknown, pointer: string, each: (item: Record<string, unknown>, at: string) => Record<string, unknown>): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((item, index) => (isRecord(item) ? each(item, joinPointer(pointer, index)) : item));
}

function frameworkItem(item: Record<string, unknown>, pointer: string, problems: ValidationProblem[]): Record<string, unknown> {
  const joined = joinTitle(item, pointer, problems);
  if (!("items" in joined)) return joined;
  return { ...joined, items: mapArray(joined.items, joinPointer(pointer, "items"), (child, at) => frameworkItem(child, at, problems)) };
}

function benchmark(document: Record<string, unknown>, problems: ValidationProblem[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...document };
  if ("sections" in document) {
    out.sections = mapArray(document.sections, "/sections", (section, at) =>
      "keyFactors" in section
        ? { ...section, keyFactors: mapArray(section.keyFactors, joinPointer(at, "keyFactors"), (keyFactor, kf) => joinTitle(keyFactor, kf, problems)) }
        : section,
    );
  }
  if ("contextFactors" in document) {
    out.contextFactors = mapArray(document.contextFactors, "/contextFactors", (factor, at) => joinTitle(factor, at, problems));
  }
  return out;
}

/**
 * 1.1 → 1.2: titles become whole. Wherever a key factor, context factor or framework item (at any
 * depth) has `titleParts` (deprecated in 1.2), the parts joined with single spaces become its
 * `title` and `titleParts` goes, each join reported. A title too long for the field keeps its
 * parts, with a warning. Everything else carries over as it is: provenance is new and optional.
 *
 * @example
 * const { document, problems } = migrate1_1To1_2(benchmark);
 * document.schemaVersion; // "1.2"
 */
export const migrate1_1To1_2: MigrationStep = (document) => {
  const problems: ValidationProblem[] = [migrationProblem("schema_version_changed", "/schemaVersion", { from: "1.1", to: "1.2" })];
  let out: Record<string, unknown> = { ...document, schemaVersion: "1.2" };
  if (document.kind === "benchmark") out = benchmark(out, problems);
  if (document.kind === "framework" && "items" in document) {
    out.items = mapArray(document.items, "/items", (item, at) => frameworkItem(item, at, problems));
  }
  return { document: out, problems };
};
