/** One row of an XLSForm sheet: column header → cell text. */
export type FormRow = Record<string, string>;

/** An XLSForm as its three sheets of rows, in order. */
export interface XlsForm {
  readonly survey: readonly FormRow[];
  readonly choices: readonly FormRow[];
  readonly settings: readonly FormRow[];
}

/** The language every label is written in; XLSForm has no fallback language, so it is always named. */
export const LANGUAGE = "English (en)";

/** The columns that hold text shown to people, and so carry a `::Language (code)` suffix. */
export const TRANSLATABLE = ["label", "hint", "guidance_hint", "constraint_message", "required_message", "image", "audio", "video"] as const;

/** The name of the not-applicable choice ("n/a" is not a valid XLSForm choice name). */
export const NOT_APPLICABLE_CHOICE = "n_a";

/** XLSForm names: a letter or underscore first, then letters, digits, hyphens, underscores and dots. */
export const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * The form name of a Cohesion id: hyphens become underscores, so group paths joined with hyphens (ODK
 * exports) or slashes (Kobo exports) split back unambiguously; ids never hold underscores, so this is one-to-one.
 */
export function formName(prefix: string, id: string): string {
  return `${prefix}_${id.replace(/-/g, "_")}`;
}

/** The Cohesion id of a form name made by {@link formName}. */
export function idOfName(prefix: string, name: string): string | undefined {
  return name.startsWith(`${prefix}_`) ? name.slice(prefix.length + 1).replace(/_/g, "-") : undefined;
}

/** The details every submission carries, as form fields: what the assessment says about itself. */
export const DETAIL_FIELDS = {
  subjectName: "subject_name",
  country: "country",
  assessedBy: "assessed_by",
  assessedOn: "assessed_on",
} as const;

/** The hidden field holding "<benchmark id>@<version>" in every submission. */
export const BENCHMARK_FIELD = "cohesion_benchmark";
