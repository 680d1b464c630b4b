import type { ScoreTable } from "./scorer";

// Score tables made by a scorer, so peers can tell one from an array of reports without checking it.
const tables = new WeakSet<object>();

/** Marks a score table as made by a scorer. */
export function brandScoreTable<T extends ScoreTable>(table: T): T {
  tables.add(table);
  return table;
}

/** Whether a value is a score table made by a scorer. */
export function isScoreTable(value: unknown): value is ScoreTable {
  return typeof value === "object" && value !== null && tables.has(value);
}
