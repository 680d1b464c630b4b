import type { CsvCell } from "@cohesion/adapter-kit";
import { walkGuideQuestions, type GuideQuestionVisit } from "@cohesion/model";
import type { ScoreTable } from "@cohesion/scoring";
import type { Benchmark, Place, Practice } from "@cohesion/schema";

/** A column of a table: its Table Schema field, and how each row's value is taken. */
export interface Column<R> {
  readonly name: string;
  readonly type: "string" | "integer" | "number" | "array";
  readonly title: string;
  readonly description: string;
  readonly required?: boolean;
  readonly value: (row: R) => CsvCell | readonly string[] | undefined;
}

/** A foreign key: fields of this table that must match a key of another table (or of this one when `resource` is absent). */
export interface ForeignKey {
  readonly fields: readonly string[];
  readonly reference: { readonly resource?: string; readonly fields: readonly string[] };
}

/** One CSV file of the package, with its schema and rows. */
export interface Table {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly fields: ReadonlyArray<Omit<Column<never>, "value">>;
  readonly primaryKey: readonly string[];
  readonly foreignKeys: readonly ForeignKey[];
  readonly rows: ReadonlyArray<ReadonlyArray<CsvCell | readonly string[]>>;
}

function table<R>(spec: Omit<Table, "fields" | "rows"> & { columns: ReadonlyArray<Column<NoInfer<R>>>; items: readonly R[] }): Table {
  const { columns, items, ...rest } = spec;
  return {
    ...rest,
    fields: columns.map(({ value: _value, ...field }) => field),
    rows: items.map((item) => columns.map((column) => column.value(item) ?? null)),
  };
}

const text = <R>(name: string, title: string, description: string, value: (row: R) => string | undefined, required = false): Column<R> => ({
  name,
  type: "string",
  title,
  description,
  ...(required ? { required } : {}),
  value,
});

type KeyFactorRow = { section: Benchmark["sections"][number]; keyFactor: Benchmark["sections"][number]["keyFactors"][number] };
type ScoreRow = { assessment: NonNullable<ScoreTable["assessments"][number]>; row: number };
type KeyFactorScoreRow = { assessment: string; keyFactor: string; score: number };

/** The benchmark's structure: the benchmark itself, its sections, key factors and guide questions. */
export function structureTables(benchmark: Benchmark): Table[] {
  const keyFactors = benchmark.sections.flatMap((section) => section.keyFactors.map((keyFactor) => ({ section, keyFactor })));
  const questions = [...walkGuideQuestions(benchmark)];
  return [
    table({
      name: "benchmark",
      title: "Benchmark",
      description: "The benchmark these tables describe.",
      primaryKey: ["id"],
      foreignKeys: [],
      items: [benchmark],
      columns: [
        text<Benchmark>("id", "Id", "The benchmark's namespaced id.", (b) => b.id, true),
        text<Benchmark>("version", "Version", "The benchmark version.", (b) => b.version, true),
        text<Benchmark>("title", "Title", "The benchmark's title.", (b) => b.title, true),
        text<Benchmark>("standard", "Standard", "What the benchmark holds a city to.", (b) => b.standard),
        text<Benchmark>("default_scale", "Default scale", "Id of the scale answers use by default.", (b) => b.defaultScale),
      ],
    }),
    table({
      name: "sections",
      title: "Sections",
      description: "The benchmark's sections, in order.",
      primaryKey: ["id"],
      foreignKeys: [],
      items: benchmark.sections,
      columns: [
        text<Benchmark["sections"][number]>("id", "Id", "The section's id, unique in the benchmark.", (s) => s.id, true),
        text<Benchmark["sections"][number]>("title", "Title", "The section's title.", (s) => s.title, true),
        { name: "weight", type: "number", title: "Weight", description: "Weight among the sections (1 when not given).", value: (s) => s.weight ?? null },
      ],
    }),
    table({
      name: "key_factors",
      title: "Key factors",
      description: "The key factors of each section, in order.",
      primaryKey: ["id"],
      foreignKeys: [{ fields: ["section"], reference: { resource: "sections", fields: ["id"] } }],
      items: keyFactors,
      columns: [
        text<KeyFactorRow>("id", "Id", "The key factor's id, unique in the benchmark.", (k) => k.keyFactor.id, true),
        text<KeyFactorRow>("ref", "Reference", "The key factor as practices and scores refer to it: <benchmark id>#<key factor id>.", (k) => `${benchmark.id}#${k.keyFactor.id}`, true),
        text<KeyFactorRow>("section", "Section", "Id of the section it belongs to.", (k) => k.section.id, true),
        { name: "number", type: "integer", title: "Number", description: "Its number in the source, when it has one.", value: (k) => k.keyFactor.number ?? null },
        text<KeyFactorRow>("title", "Title", "The key factor's title.", (k) => k.keyFactor.title, true),
        { name: "weight", type: "number", title: "Weight", description: "Weight among the section's key factors (1 when not given).", value: (k) => k.keyFactor.weight ?? null },
      ],
    }),
    table({
      name: "guide_questions",
      title: "Guide questions",
      description: "Every guide question, sub-questions after the question they detail.",
      primaryKey: ["id"],
      foreignKeys: [
        { fields: ["key_factor"], reference: { resource: "key_factors", fields: ["id"] } },
        { fields: ["parent"], reference: { fields: ["id"] } },
      ],
      items: questions,
      columns: [
        text<GuideQuestionVisit>("id", "Id", "The question's id, unique in the benchmark; answers refer to it.", (q) => q.question.id, true),
        text<GuideQuestionVisit>("key_factor", "Key factor", "Id of the key factor it belongs to.", (q) => q.keyFactor.id, true),
        text<GuideQuestionVisit>("parent", "Parent", "Id of the question it details; empty for a key factor's own question.", (q) => q.parent?.id),
        { name: "depth", type: "integer", title: "Depth", description: "0 for a key factor's own questions, 1 for their sub-questions, and so on.", required: true, value: (q) => q.depth },
        text<GuideQuestionVisit>("text", "Text", "The question.", (q) => q.question.text, true),
        { name: "weight", type: "number", title: "Weight", description: "Weight among its sibling questions (1 when not given).", value: (q) => q.question.weight ?? null },
      ],
    }),
  ];
}

/** Places, and the practices that name them (a place reference becomes a foreign key when every one resolves). */
export function contentTables(places: readonly Place[], practices: readonly Practice[]): { tables: Table[]; unresolved: string[] } {
  const placeIds = new Set(places.map((place) => place.id));
  const unresolved = practices.filter((practice) => practice.placeRef !== undefined && !placeIds.has(practice.placeRef)).map((practice) => practice.id);
  return {
    unresolved,
    tables: [
      table({
        name: "places",
        title: "Places",
        description: "Cities and their context.",
        primaryKey: ["id"],
        foreignKeys: [],
        items: places,
        columns: [
          text<Place>("id", "Id", "The place's namespaced id.", (p) => p.id, true),
          text<Place>("name", "Name", "Its name in English.", (p) => p.name, true),
          text<Place>("local_name", "Local name", "Its name in the local language.", (p) => p.localName),
          text<Place>("country", "Country", "ISO 3166-1 alpha-2 code.", (p) => p.country, true),
          text<Place>("region", "Region", "Its region.", (p) => p.region),
          { name: "population", type: "integer", title: "Population", description: "Residents, as the source gives them.", value: (p) => p.population?.value ?? null },
          { name: "population_year", type: "integer", title: "Population year", description: "The year of the population figure.", value: (p) => p.population?.year ?? null },
          text<Place>("size_band", "Size band", "Size band of the city.", (p) => p.sizeBand),
        ],
      }),
      table({
        name: "practices",
        title: "Practices",
        description: "Practices cities can learn from.",
        primaryKey: ["id"],
        foreignKeys: unresolved.length === 0 ? [{ fields: ["place"], reference: { resource: "places", fields: ["id"] } }] : [],
        items: practices,
        columns: [
          text<Practice>("id", "Id", "The practice's namespaced id.", (p) => p.id, true),
          text<Practice>("title", "Title", "Its title.", (p) => p.title, true),
          text<Practice>("city", "City", "The city where it runs.", (p) => p.city),
          text<Practice>("country", "Country", "ISO 3166-1 alpha-2 code.", (p) => p.country, true),
          text<Practice>("place", "Place", "Id of the place document of its city.", (p) => p.placeRef),
          text<Practice>("start", "Start", "When it began (YYYY, YYYY-MM or YYYY-MM-DD).", (p) => p.period?.start),
          text<Practice>("end", "End", "When it ended or is planned to end.", (p) => p.period?.end),
          text<Practice>("summary", "Summary", "What it does.", (p) => p.summary, true),
          { name: "key_factors", type: "array", title: "Key factors", description: "Key factors it illustrates, as <benchmark id>#<key factor id>, in a JSON array.", value: (p) => p.keyFactors },
          { name: "domains", type: "array", title: "Domains", description: "Framework items it relates to, in a JSON array.", value: (p) => p.domains },
        ],
      }),
    ],
  };
}

/** Score tables from `createScorer().scoreAll`: one row per scored assessment, and its key factor scores in long form. */
export function scoreTables(scores: ScoreTable): Table[] {
  const rows = scores.assessments.flatMap((assessment, row) => (assessment === undefined ? [] : [{ assessment, row }]));
  const perKeyFactor = rows.flatMap(({ assessment, row }) =>
    scores.keyFactors.map((keyFactor, column) => ({ assessment: assessment.id, keyFactor: keyFactor.ref.slice(keyFactor.ref.indexOf("#") + 1), score: scores.keyFactorScores[row * scores.keyFactors.length + column] ?? Number.NaN })),
  );
  const number = (value: number) => (Number.isNaN(value) ? null : value);
  return [
    table({
      name: "scores",
      title: "Scores",
      description: `Overall scores of the assessments of ${scores.benchmark.id} ${scores.benchmark.version}; empty where there is too little evidence to score.`,
      primaryKey: ["assessment"],
      foreignKeys: [],
      items: rows,
      columns: [
        text<ScoreRow>("assessment", "Assessment", "The assessment's id.", (r) => r.assessment.id, true),
        text<ScoreRow>("subject", "Subject", "The city or scheme assessed.", (r) => r.assessment.subject, true),
        text<ScoreRow>("country", "Country", "Its country.", (r) => r.assessment.country),
        { name: "overall", type: "number", title: "Overall", description: "Overall score, 0 to 100.", value: (r) => number(scores.overall[r.row] ?? Number.NaN) },
      ],
    }),
    table({
      name: "key_factor_scores",
      title: "Key factor scores",
      description: "The score of every key factor of every scored assessment; empty where there is none.",
      primaryKey: ["assessment", "key_factor"],
      foreignKeys: [
        { fields: ["assessment"], reference: { resource: "scores", fields: ["assessment"] } },
        { fields: ["key_factor"], reference: { resource: "key_factors", fields: ["id"] } },
      ],
      items: perKeyFactor,
      columns: [
        text<KeyFactorScoreRow>("assessment", "Assessment", "The assessment's id.", (r) => r.assessment, true),
        text<KeyFactorScoreRow>("key_factor", "Key factor", "Id of the key factor.", (r) => r.keyFactor, true),
        { name: "score", type: "number", title: "Score", description: "Key factor score, 0 to 100.", value: (r) => number(r.score) },
      ],
    }),
  ];
}
