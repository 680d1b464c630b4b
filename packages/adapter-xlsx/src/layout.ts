/** Sheet names of the officer's questionnaire workbook. */
export const SHEETS = {
  guide: "How to fill in",
  details: "Details",
  questionnaire: "Questionnaire",
  levels: "Levels",
  meta: "_cohesion",
} as const;

/** What the metadata sheet's `format` row says, so a workbook of another kind is told apart. */
export const QUESTIONNAIRE_FORMAT = "cohesion.questionnaire";
/** The same for the lossless workbook of any document. */
export const DOCUMENT_FORMAT = "cohesion.document";
/** The layout version written into the metadata sheet; a reader refuses layouts it does not know. */
export const LAYOUT_VERSION = "1";

/** The questionnaire sheet's columns, left to right; a column is found by its header, so one moved still reads. */
export const QUESTION_COLUMNS = [
  { key: "id", header: "Question id", width: 22 },
  { key: "keyFactor", header: "Key factor", width: 28 },
  { key: "question", header: "Question", width: 70 },
  { key: "level", header: "Level", width: 22 },
  { key: "evidenceTitle", header: "Evidence: document title", width: 32 },
  { key: "evidenceUrl", header: "Evidence: web address", width: 36 },
  { key: "evidenceDate", header: "Evidence: date", width: 16 },
  { key: "notes", header: "Notes", width: 48 },
] as const;

export type QuestionColumn = (typeof QUESTION_COLUMNS)[number]["key"];

/** The columns an officer fills in; the others are written by Cohesion and locked. */
export const ANSWER_COLUMNS: readonly QuestionColumn[] = ["level", "evidenceTitle", "evidenceUrl", "evidenceDate", "notes"];

/** The rows of the details sheet: what the assessment says about itself. */
export const DETAIL_ROWS = [
  { key: "id", label: "Assessment id", hint: "A namespaced id such as local.malmo-participation; keep the one given unless you keep several." },
  { key: "title", label: "Title", hint: "A name for this assessment." },
  { key: "subjectName", label: "City or scheme assessed", hint: "The name of the city (or of the scheme)." },
  { key: "subjectType", label: "Subject type", hint: "place for a city, scheme for a scheme run by a city." },
  { key: "country", label: "Country", hint: "Two capital letters (ISO 3166-1), such as DK." },
  { key: "assessedBy", label: "Assessed by", hint: "The organisation that made the assessment." },
  { key: "method", label: "Method", hint: "self, peer, mentor or external." },
  { key: "assessedOn", label: "Assessed on", hint: "The date, typed as a date or as YYYY-MM-DD." },
  { key: "notes", label: "Notes", hint: "Anything else about the assessment (optional)." },
] as const;

export type DetailKey = (typeof DETAIL_ROWS)[number]["key"];

/** The answer a question does not apply to, in the level drop-down. */
export const NOT_APPLICABLE_LABEL = "Not applicable (n/a)";
