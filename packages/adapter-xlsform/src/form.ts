import { walkGuideQuestions } from "@cohesion/model";
import type { Benchmark, Scale } from "@cohesion/schema";
import { BENCHMARK_FIELD, DETAIL_FIELDS, formName, LANGUAGE, NOT_APPLICABLE_CHOICE, type FormRow, type XlsForm } from "./form-model";

const label = `label::${LANGUAGE}`;
const hint = `hint::${LANGUAGE}`;
const constraintMessage = `constraint_message::${LANGUAGE}`;
const requiredMessage = `required_message::${LANGUAGE}`;

/** The choice list of a scale's levels. */
export function levelList(scale: Scale): string {
  return formName("levels", scale.id.replace(/\./g, "-"));
}

/**
 * Builds the XLSForm of a benchmark: a details group, then a group per section and per key factor, a
 * `select_one` over the scale's levels (and "Not applicable") for each guide question with its guidance as a
 * hint, a notes field after it, `relevant` on sub-questions (shown once their question is answered as
 * applying), and a `note` per practical tip. Every label, hint and message is in `label::English (en)` form.
 * The benchmark schema has no notion of a required question, so only the details are required.
 *
 * @example
 * ```ts
 * const form = buildForm(benchmark, scale, "2024-05-01");
 * lintForm(form).valid; // true
 * ```
 */
export function buildForm(benchmark: Benchmark, scale: Scale, today: string): XlsForm {
  const list = levelList(scale);
  const survey: FormRow[] = [
    // Submissions carry the benchmark they answer, so an import needs no other hint.
    { type: "calculate", name: BENCHMARK_FIELD, calculation: `'${benchmark.id}@${benchmark.version}'` },
    { type: "begin_group", name: "details", [label]: "About this assessment", appearance: "field-list" },
    { type: "text", name: DETAIL_FIELDS.subjectName, [label]: "City or scheme assessed", required: "yes", [requiredMessage]: "Give the name of the city or scheme." },
    {
      type: "text",
      name: DETAIL_FIELDS.country,
      [label]: "Country",
      [hint]: "Two capital letters (ISO 3166-1), such as DK.",
      constraint: "regex(., '^[A-Z]{2}$')",
      [constraintMessage]: "Two capital letters, such as DK.",
    },
    { type: "text", name: DETAIL_FIELDS.assessedBy, [label]: "Assessed by (organisation)", required: "yes", [requiredMessage]: "Give the organisation that made the assessment." },
    { type: "date", name: DETAIL_FIELDS.assessedOn, [label]: "Assessed on", required: "yes", [requiredMessage]: "Give the date of the assessment." },
    { type: "end_group", name: "details" },
  ];
  let section = "";
  let keyFactor = "";
  const close = (name: string) => survey.push({ type: "end_group", name });
  for (const visit of walkGuideQuestions(benchmark)) {
    if (visit.keyFactor.id !== keyFactor && keyFactor !== "") close(formName("kf", keyFactor));
    if (visit.section.id !== section) {
      if (section !== "") close(formName("sec", section));
      section = visit.section.id;
      survey.push({ type: "begin_group", name: formName("sec", section), [label]: visit.section.title });
    }
    if (visit.keyFactor.id !== keyFactor) {
      keyFactor = visit.keyFactor.id;
      survey.push({ type: "begin_group", name: formName("kf", keyFactor), [label]: visit.keyFactor.title });
      (visit.keyFactor.practicalTips ?? []).forEach((tip, index) => {
        survey.push({ type: "note", name: formName("tip", `${keyFactor}-${index + 1}`), [label]: `Tip: ${tip}` });
      });
    }
    const name = formName("q", visit.question.id);
    const row: FormRow = { type: `select_one ${list}`, name, [label]: visit.question.text };
    if (visit.question.guidance) row[hint] = visit.question.guidance;
    if (visit.parent) {
      const parent = formName("q", visit.parent.id);
      row["relevant"] = `\${${parent}} != '' and \${${parent}} != '${NOT_APPLICABLE_CHOICE}'`;
    }
    survey.push(row);
    survey.push({ type: "text", name: `${name}_notes`, [label]: "Notes and evidence (optional)", ...(row["relevant"] ? { relevant: row["relevant"] } : {}) });
  }
  if (keyFactor !== "") close(formName("kf", keyFactor));
  if (section !== "") close(formName("sec", section));
  const choices: FormRow[] = [
    ...scale.levels.map((level) => ({ list_name: list, name: level.id, [label]: level.label })),
    { list_name: list, name: NOT_APPLICABLE_CHOICE, [label]: "Not applicable" },
  ];
  const settings: FormRow[] = [
    {
      form_title: benchmark.title,
      form_id: `${benchmark.id.replace(/[.-]/g, "_")}_${benchmark.version.replace(/\./g, "_")}`,
      version: `${today.replace(/-/g, "")}01`,
      default_language: LANGUAGE,
      instance_name: `concat(\${${DETAIL_FIELDS.subjectName}}, ' ', \${${DETAIL_FIELDS.assessedOn}})`,
      style: "pages",
    },
  ];
  return { survey, choices, settings };
}
