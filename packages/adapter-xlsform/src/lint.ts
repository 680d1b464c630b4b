import { adapterProblem } from "@cohesion/adapter-kit";
import { toReport, type ValidationProblem, type ValidationReport } from "@cohesion/schema";
import { NAME, TRANSLATABLE, type FormRow, type XlsForm } from "./form-model";

// The sheet row of the nth data row (row 1 holds the headers).
const at = (sheet: string, index: number) => `/${sheet}/${index}`;

function languagesOf(rows: readonly FormRow[]): Map<string, Set<string>> {
  const byColumn = new Map<string, Set<string>>();
  for (const row of rows) {
    for (const column of Object.keys(row)) {
      const [base, language] = column.split("::");
      if (!base || !(TRANSLATABLE as readonly string[]).includes(base)) continue;
      const set = byColumn.get(base) ?? new Set<string>();
      set.add(language ?? "(none)");
      byColumn.set(base, set);
    }
  }
  return byColumn;
}

/**
 * Checks an XLSForm the way the survey tools would, before it is uploaded: every name valid and unique,
 * every `select_one`/`select_multiple` list defined in `choices`, groups and repeats balanced, every
 * `${name}` reference resolving, the same set of languages in every translatable column of both sheets,
 * and the default language among them. Pointers are `/survey/<row index>` (row index 0 is sheet row 2).
 *
 * @example
 * ```ts
 * const report = lintForm(buildForm(benchmark, scale, "2024-05-01"));
 * report.valid; // true
 * ```
 */
export function lintForm(form: XlsForm): ValidationReport {
  const problems: ValidationProblem[] = [];
  const error = (code: string, pointer: string, message: string, params: Record<string, string | number> = {}) => problems.push(adapterProblem(code, "error", pointer, message, params));
  const names = new Map<string, number>();
  const stack: Array<{ type: string; name: string; index: number }> = [];
  const lists = new Set(form.choices.map((row) => row["list_name"] ?? "").filter((name) => name !== ""));
  form.survey.forEach((row, index) => {
    const type = (row["type"] ?? "").trim();
    const name = (row["name"] ?? "").trim();
    if (type === "") {
      if (name !== "") error("missing_type", at("survey", index), `Row ${index + 2} of survey has a name but no type: give its type.`, { name });
      return;
    }
    if (type === "end_group" || type === "end group" || type === "end_repeat" || type === "end repeat") {
      const open = stack.pop();
      const kind = type.includes("repeat") ? "repeat" : "group";
      if (!open) error("unbalanced_group", at("survey", index), `Row ${index + 2} of survey ends a ${kind} that was never begun.`);
      else if (!open.type.includes(kind)) error("unbalanced_group", at("survey", index), `Row ${index + 2} of survey ends a ${kind}, but the last one begun (row ${open.index + 2}) is a ${open.type.includes("repeat") ? "repeat" : "group"}.`);
      return;
    }
    if (!NAME.test(name)) {
      error("invalid_name", at("survey", index), `Row ${index + 2} of survey: "${name}" is not a valid name (a letter or underscore first, then letters, digits, -, _ or .).`, { name });
    } else if (names.has(name)) {
      error("duplicate_name", at("survey", index), `Row ${index + 2} of survey: the name "${name}" is already used on row ${(names.get(name) ?? 0) + 2}.`, { name });
    } else names.set(name, index);
    if (type.startsWith("begin_group") || type.startsWith("begin group") || type.startsWith("begin_repeat") || type.startsWith("begin repeat")) stack.push({ type, name, index });
    const select = /^select_(?:one|multiple)\s+(\S+)$/.exec(type);
    if (select && !lists.has(select[1] ?? "")) error("unknown_list", at("survey", index), `Row ${index + 2} of survey uses the choice list "${select[1]}", which the choices sheet does not define.`, { list: select[1] ?? "" });
  });
  for (const open of stack) error("unbalanced_group", at("survey", open.index), `The group "${open.name}" begun on row ${open.index + 2} of survey is never ended: add an end_group row.`, { name: open.name });
  form.survey.forEach((row, index) => {
    for (const [column, value] of Object.entries(row)) {
      for (const match of value.matchAll(/\$\{([^}]*)\}/g)) {
        const ref = match[1] ?? "";
        if (!names.has(ref)) error("unknown_reference", at("survey", index), `Row ${index + 2} of survey, column ${column}: \${${ref}} names no question of the form.`, { reference: ref, column });
      }
    }
  });
  const choiceKeys = new Set<string>();
  form.choices.forEach((row, index) => {
    const name = row["name"] ?? "";
    const key = `${row["list_name"] ?? ""} ${name}`;
    if (name === "" || /\s/.test(name)) error("invalid_name", at("choices", index), `Row ${index + 2} of choices: "${name}" is not a valid choice name (it must be given and hold no spaces).`, { name });
    else if (choiceKeys.has(key)) error("duplicate_name", at("choices", index), `Row ${index + 2} of choices: "${name}" is already in the list "${row["list_name"] ?? ""}".`, { name });
    choiceKeys.add(key);
  });
  const languages = new Map<string, Set<string>>();
  for (const [sheet, rows] of [["survey", form.survey], ["choices", form.choices]] as const) {
    for (const [column, set] of languagesOf(rows)) languages.set(`${sheet}:${column}`, set);
  }
  const all = new Set([...languages.values()].flatMap((set) => [...set]));
  for (const [column, set] of languages) {
    const missing = [...all].filter((language) => !set.has(language));
    if (missing.length > 0) {
      const [sheet, base] = column.split(":");
      error("language_missing", `/${sheet}`, `The ${sheet} column "${base}" has no version in ${missing.join(", ")}, which other columns have: add ${missing.map((language) => `"${base}::${language}"`).join(", ")} (XLSForm has no fallback language).`, { column: base ?? "", languages: missing.join(", ") });
    }
  }
  const defaultLanguage = form.settings[0]?.["default_language"];
  if (defaultLanguage !== undefined && !all.has(defaultLanguage)) {
    error("language_missing", "/settings/0", `The default_language "${defaultLanguage}" is not a language of any label: use one of ${[...all].join(", ")}.`, { language: defaultLanguage });
  }
  return toReport(problems);
}
