import { adapterProblem, writeCsv, type Adapter, type CsvCell, type OutputFile, type WriteInput, type WriteResult } from "@cohesion/adapter-kit";
import { createScorer } from "@cohesion/scoring";
import { toReport, validateAs, type Benchmark, type CohesionDocument, type Place, type Practice, type Scale, type ValidationProblem, describeThrown } from "@cohesion/schema";
import { contentTables, scoreTables, structureTables, type Table } from "./tables";

/** The profile a written `datapackage.json` declares. */
export const DATA_PACKAGE_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json";

// Array fields hold a JSON array in their cell, as Table Schema's array type asks.
function cellOf(value: CsvCell | readonly string[]): CsvCell {
  return Array.isArray(value) ? JSON.stringify(value) : (value as CsvCell);
}

function resourceOf(table: Table): Record<string, unknown> {
  return {
    name: table.name,
    type: "table",
    path: `data/${table.name}.csv`,
    title: table.title,
    description: table.description,
    format: "csv",
    mediatype: "text/csv",
    encoding: "utf-8",
    dialect: { header: true, delimiter: ",", lineTerminator: "\r\n", quoteChar: '"', doubleQuote: true },
    schema: {
      fields: table.fields.map((field) => ({
        name: field.name,
        type: field.type,
        title: field.title,
        description: field.description,
        ...(field.required ? { constraints: { required: true } } : {}),
      })),
      missingValues: [""],
      primaryKey: [...table.primaryKey],
      ...(table.foreignKeys.length > 0 ? { foreignKeys: table.foreignKeys.map((key) => ({ fields: [...key.fields], reference: { ...key.reference, fields: [...key.reference.fields] } })) } : {}),
    },
  };
}

/**
 * Builds the data package of a benchmark: its structure, every place and practice given, and the scores of
 * every assessment of the benchmark given (`createScorer().scoreAll`). Answers the files and what could not
 * be carried over (unscored assessments, unresolved place references).
 *
 * @example
 * ```ts
 * const { files } = buildDataPackage(benchmark, host.documents(), "2024-05-01");
 * ```
 */
export function buildDataPackage(benchmark: Benchmark, documents: readonly CohesionDocument[], today: string): { files: OutputFile[]; problems: ValidationProblem[] } {
  const problems: ValidationProblem[] = [];
  const of = <K extends CohesionDocument["kind"]>(kind: K) => documents.filter((document) => document.kind === kind) as Array<Extract<CohesionDocument, { kind: K }>>;
  const places = of("place") as Place[];
  const practices = of("practice") as Practice[];
  const assessments = of("assessment").filter((assessment) => assessment.benchmark.id === benchmark.id && assessment.benchmark.version === benchmark.version);
  const content = contentTables(places, practices);
  if (content.unresolved.length > 0) {
    problems.push(
      adapterProblem("not_carried_over", "warning", "", `The place references of ${content.unresolved.join(", ")} name places not in the package, so practices.place is written without a foreign key: add those places to keep it.`, {
        practices: content.unresolved.join(", "),
      }),
    );
  }
  const tables = [...structureTables(benchmark), ...content.tables];
  const scorer = createScorer(benchmark, { scales: of("scale") as Scale[] });
  if (scorer.ok) {
    const scored = scorer.report.scoreAll(assessments);
    if (scored.ok) {
      tables.push(...scoreTables(scored.report));
      for (const [row, report] of scored.report.errors) {
        problems.push(adapterProblem("not_carried_over", "warning", "", `The assessment ${assessments[row]?.id ?? row} could not be scored, so it has no row in scores: ${report.errors[0]?.message ?? "see cohesion score"}.`, { assessment: assessments[row]?.id ?? String(row) }));
      }
    }
  } else {
    problems.push(adapterProblem("not_carried_over", "warning", "", `No scores are written: the benchmark cannot be scored (${scorer.errors.errors[0]?.message ?? "unknown reason"}).`));
  }
  const descriptor = {
    $schema: DATA_PACKAGE_PROFILE,
    name: benchmark.id.replace(/\./g, "-"),
    id: `https://schemas.cohesion.dev/data/${benchmark.id}/${benchmark.version}`,
    title: benchmark.title,
    description: `The structure of ${benchmark.id} ${benchmark.version}, places, practices and scores, as published by Cohesion.`,
    version: benchmark.version,
    created: `${today}T00:00:00Z`,
    sources: benchmark.sources.map((source) => ({ title: `${source.publication}${source.section ? `, ${source.section}` : ""}` })),
    resources: tables.map(resourceOf),
  };
  const files: OutputFile[] = [
    { path: "datapackage.json", data: `${JSON.stringify(descriptor, null, 2)}\n` },
    ...tables.map((table) => ({ path: `data/${table.name}.csv`, data: writeCsv([table.fields.map((field) => field.name), ...table.rows.map((row) => row.map(cellOf))]) })),
  ];
  return { files, problems };
}

/**
 * Writes a benchmark, with every place, practice and assessment of it in `documents`, as a Frictionless
 * Data Package v2. Never throws.
 *
 * @example
 * ```ts
 * const result = await writeDataPackage({ document: benchmark, documents: host.documents(), today: "2024-05-01" });
 * ```
 */
export async function writeDataPackage(input: WriteInput): Promise<WriteResult> {
  const checked = validateAs("benchmark", input.document);
  if (!checked.valid) return { ok: false, report: checked };
  try {
    const built = buildDataPackage(input.document as Benchmark, input.documents ?? [], input.today ?? new Date().toISOString().slice(0, 10));
    return { ok: true, files: built.files, report: toReport(built.problems) };
  } catch (error) {
    // A guard for the unforeseen: the caller gets a report, not a throw.
    return { ok: false, report: toReport([adapterProblem("write_failed", "error", "", `The data package could not be written: ${describeThrown(error)}.`)]) };
  }
}

/**
 * The Frictionless Data Package v2 adapter (`datapackage.v2`, format `datapackage`): several files, written
 * to a folder (`datapackage.json` and `data/*.csv`).
 *
 * @example
 * ```ts
 * const result = await dataPackageAdapter.write!({ document: benchmark, documents });
 * ```
 */
export const dataPackageAdapter: Adapter = {
  id: "datapackage.v2",
  title: "Frictionless Data Package v2",
  format: "datapackage",
  mediaType: "application/json",
  extensions: [".json"],
  reads: [],
  writes: ["benchmark"],
  browser: { read: false, write: true },
  multiFile: true,
  write: writeDataPackage,
};
