import type { Scale } from "@cohesion/schema";

const sources: Scale["sources"] = [
  {
    publication: "Cohesion built-in scales",
    publisher: "Cohesion",
    year: 2026,
    section: "Default self-assessment scales",
  },
];

/**
 * The default self-assessment maturity scale: how far what a key factor asks for is in place.
 *
 * @example
 * ```ts
 * import { MATURITY_SCALE } from "@cohesion/model";
 * MATURITY_SCALE.levels.map((level) => level.id); // ["none", "planned", "partial", "substantial", "full"]
 * ```
 */
export const MATURITY_SCALE: Scale = {
  kind: "scale",
  schemaVersion: "1.0",
  id: "cohesion.maturity",
  title: "Maturity",
  description: "How far what a guide question asks about is in place in the city, from not at all to fully and lastingly.",
  levels: [
    { id: "none", label: "Not in place", value: 0, description: "Nothing of the kind exists or is planned." },
    { id: "planned", label: "Planned", value: 1, description: "It is agreed or planned but not yet running." },
    { id: "partial", label: "Partly in place", value: 2, description: "It runs in part: some areas, some groups, or for a limited time." },
    { id: "substantial", label: "Largely in place", value: 3, description: "It runs across most of what is asked, with gaps left." },
    { id: "full", label: "Fully in place", value: 4, description: "It runs fully, is resourced and is reviewed over time." },
  ],
  sources,
};

/**
 * A three-level yes / partly / no scale, as used by indices that map answers to 0, 50 and 100.
 *
 * @example
 * ```ts
 * import { YES_PARTLY_NO_SCALE } from "@cohesion/model";
 * YES_PARTLY_NO_SCALE.levels[2]?.id; // "yes"
 * ```
 */
export const YES_PARTLY_NO_SCALE: Scale = {
  kind: "scale",
  schemaVersion: "1.0",
  id: "cohesion.yes-partly-no",
  title: "Yes, partly or no",
  description: "A plain three-level answer: the thing asked about is absent, partly present or present.",
  levels: [
    { id: "no", label: "No", value: 0 },
    { id: "partly", label: "Partly", value: 1 },
    { id: "yes", label: "Yes", value: 2 },
  ],
  sources,
};

/**
 * Every scale Cohesion ships without a plugin; they count as present wherever a scale is looked up.
 *
 * @example
 * ```ts
 * import { BUILTIN_SCALES } from "@cohesion/model";
 * BUILTIN_SCALES.map((scale) => scale.id); // ["cohesion.maturity", "cohesion.yes-partly-no"]
 * ```
 */
export const BUILTIN_SCALES: readonly Scale[] = [MATURITY_SCALE, YES_PARTLY_NO_SCALE];
