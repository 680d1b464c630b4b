import { openWorkbook } from "@cohesion/adapter-xlsx";
import { walkGuideQuestions } from "@cohesion/model";
import { validate, type Assessment, type Benchmark, type CohesionDocument, type ValidationReport } from "@cohesion/schema";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { isUtf8 } from "node:buffer";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { shippedDocuments } from "../../adapter-datapackage/test/content";
import { writeForm, xlsformAdapter } from "./adapter";
import { buildForm } from "./form";
import { LANGUAGE, TRANSLATABLE, type XlsForm } from "./form-model";
import { sheetRows } from "./form-workbook";
import { lintForm } from "./lint";
import { readSubmissions } from "./submissions";
import { scaleFor } from "@cohesion/adapter-xlsx";

const documents = shippedDocuments();
const benchmarks = documents.filter((document): document is Benchmark => document.kind === "benchmark");
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../test/fixtures/${name}`, import.meta.url)));
const codes = (report: ValidationReport) => report.errors.map((problem) => problem.code);

async function writtenForm(benchmark: Benchmark): Promise<XlsForm> {
  const result = await writeForm({ document: benchmark, documents, today: "2024-05-01" });
  if (!result.ok) throw new Error(JSON.stringify(result.report));
  const opened = await openWorkbook(result.files[0]!.data as Uint8Array);
  if (!opened.ok) throw new Error(opened.reason);
  return { survey: sheetRows(opened.workbook, "survey") ?? [], choices: sheetRows(opened.workbook, "choices") ?? [], settings: sheetRows(opened.workbook, "settings") ?? [] };
}

describe("the XLSForm of each shipped benchmark", () => {
  for (const benchmark of benchmarks) {
    it(`${benchmark.id}: passes the lint, read back from the workbook`, async () => {
      expect(lintForm(await writtenForm(benchmark))).toEqual({ valid: true, errors: [] });
    });

    it(`${benchmark.id}: has the structure the survey tools need`, async () => {
      const form = await writtenForm(benchmark);
      const types = form.survey.map((row) => row["type"]);
      const keyFactors = benchmark.sections.flatMap((section) => section.keyFactors);
      const visits = [...walkGuideQuestions(benchmark)];
      expect(types.filter((type) => type === "begin_group")).toHaveLength(1 + benchmark.sections.length + keyFactors.length);
      expect(types.filter((type) => type === "end_group")).toHaveLength(1 + benchmark.sections.length + keyFactors.length);
      for (const section of benchmark.sections) expect(form.survey).toContainEqual(expect.objectContaining({ type: "begin_group", name: `sec_${section.id.replace(/-/g, "_")}`, [`label::${LANGUAGE}`]: section.title }));
      const selects = form.survey.filter((row) => row["type"]?.startsWith("select_one "));
      expect(selects.map((row) => row["name"])).toEqual(visits.map((visit) => `q_${visit.question.id.replace(/-/g, "_")}`));
      const list = selects[0]?.["type"]?.split(" ")[1];
      const scale = scaleFor(benchmark, documents)!;
      expect(form.choices.filter((row) => row["list_name"] === list).map((row) => row["name"])).toEqual([...scale.levels.map((level) => level.id), "n_a"]);
      visits.forEach((visit, index) => {
        const row = selects[index]!;
        if (visit.parent) expect(row["relevant"]).toBe(`\${q_${visit.parent.id.replace(/-/g, "_")}} != '' and \${q_${visit.parent.id.replace(/-/g, "_")}} != 'n_a'`);
        else expect(row["relevant"]).toBeUndefined();
        if (visit.question.guidance) expect(row[`hint::${LANGUAGE}`]).toBe(visit.question.guidance);
      });
      const tips = keyFactors.flatMap((keyFactor) => keyFactor.practicalTips ?? []);
      expect(form.survey.filter((row) => row["type"] === "note").map((row) => row[`label::${LANGUAGE}`])).toEqual(tips.map((tip) => `Tip: ${tip}`));
      for (const row of [...form.survey, ...form.choices]) {
        for (const column of Object.keys(row)) if ((TRANSLATABLE as readonly string[]).includes(column)) throw new Error(`unsuffixed ${column}`);
      }
      expect(form.settings[0]).toMatchObject({ form_title: benchmark.title, default_language: LANGUAGE, version: "2024050101" });
      expect(form.survey.some((row) => row["type"] === "date" && row["required"] === "yes")).toBe(true);
    });
  }
});

describe("the lint finds each mistake", () => {
  const benchmark = benchmarks[0]!;
  const base = buildForm(benchmark, scaleFor(benchmark, documents)!, "2024-05-01");
  const changed = (change: (form: { survey: Record<string, string>[]; choices: Record<string, string>[]; settings: Record<string, string>[] }) => void): XlsForm => {
    const copy = JSON.parse(JSON.stringify(base)) as { survey: Record<string, string>[]; choices: Record<string, string>[]; settings: Record<string, string>[] };
    change(copy);
    return copy;
  };
  it.each([
    ["invalid_name", (f: { survey: Record<string, string>[] }) => void (f.survey[2]!["name"] = "2 bad")],
    ["duplicate_name", (f: { survey: Record<string, string>[] }) => void (f.survey[3]!["name"] = f.survey[2]!["name"]!)],
    ["unknown_list", (f: { survey: Record<string, string>[] }) => void (f.survey.find((row) => row["type"]?.startsWith("select_one"))!["type"] = "select_one nowhere")],
    ["unbalanced_group", (f: { survey: Record<string, string>[] }) => void f.survey.splice(f.survey.findIndex((row) => row["type"] === "end_group"), 1)],
    ["unknown_reference", (f: { survey: Record<string, string>[] }) => void (f.survey[2]!["relevant"] = "${q_nowhere} = 'full'")],
    ["language_missing", (f: { survey: Record<string, string>[] }) => void (f.survey[2]!["label::Français (fr)"] = "Ville")],
    ["language_missing", (f: { settings: Record<string, string>[] }) => void (f.settings[0]!["default_language"] = "Français (fr)")],
  ] as const)("%s", (code, change) => {
    expect(lintForm(base).valid).toBe(true);
    const report = lintForm(changed(change as never));
    expect(codes(report)).toContain(code);
  });
});

function importedAssessments(result: { documents: readonly CohesionDocument[] }): Assessment[] {
  for (const document of result.documents) expect(validate(document)).toEqual({ valid: true, errors: [] });
  return result.documents as Assessment[];
}

describe("submissions from the survey tools become assessments, with a report of what was not carried over", () => {
  it("ODK Central CSV: hyphen-joined group paths, KEY", async () => {
    const result = await readSubmissions({ data: fixture("odk-central.csv"), fileName: "odk-central.csv", documents });
    expect(result.report.valid).toBe(true);
    const [first, second] = importedAssessments(result);
    expect(first).toMatchObject({ benchmark: { id: "inclucities.city-for-all", version: "1.0.0" }, subject: { name: "Capaci", country: "IT" }, assessedOn: "2024-05-05", id: "local.city-for-all-6f1c7a529a4b" });
    expect(first!.answers["interpreters"]).toEqual({ level: "partial", notes: "Interpreters on request, paid by the region." });
    expect(first!.answers["expert-organisations-social-work"]).toEqual({ level: "full" });
    expect(first!.answers["local-media"]).toEqual({ level: "n/a" });
    expect(second!.answers["test-group"]).toEqual({ level: "partial" });
    expect(result.report.errors.filter((problem) => problem.code === "not_carried_over").map((problem) => problem.severity)).toEqual(["info", "info"]);
    expect(result.report.errors[0]?.message).toContain("SubmissionDate");
  });

  it("KoboToolbox JSON: slash-joined paths; a level given by its label is read, several levels in one answer are refused at their place", async () => {
    const result = await readSubmissions({ data: fixture("kobo.json"), fileName: "kobo.json", documents });
    const [first, second] = result.documents as Assessment[];
    expect(first).toMatchObject({ subject: { name: "Alcalá de Henares", country: "ES" }, assessedOn: "2024-05-06" });
    expect(first!.answers["advisory-boards"]).toEqual({ level: "substantial", notes: "Consejo de Inmigración meets quarterly." });
    expect(second!.answers["interpreters"]).toEqual({ level: "partial" });
    const refused = result.report.errors.filter((problem) => problem.severity === "error");
    expect(refused).toEqual([expect.objectContaining({ code: "unknown_level", pointer: "/1/answers/local-media/level" })]);
    expect(refused[0]?.message).toContain("kobo.json /results/1/sec_key_factors~1kf_imaging~1q_local_media");
    expect(refused[0]?.message).toContain("several choices given");
    expect(validate(first)).toEqual({ valid: true, errors: [] });
  });

  it("KoboToolbox CSV: ';' separator, group names dropped; an unknown column is reported, not dropped silently", async () => {
    const result = await readSubmissions({ data: fixture("kobo.csv"), fileName: "kobo.csv", documents });
    expect(result.report.valid).toBe(true);
    const [ghent] = importedAssessments(result);
    expect(ghent).toMatchObject({ subject: { name: "Ghent", country: "BE" }, assessedBy: [{ name: "Stad Gent" }] });
    expect(ghent!.answers["interpreters"]).toEqual({ level: "substantial", notes: "Budget; interpreters; 2024" });
    const warning = result.report.errors.find((problem) => problem.severity === "warning");
    expect(warning).toMatchObject({ code: "not_carried_over", params: { columns: "remarks" } });
    expect(warning?.message).toContain('kobo.csv row 2, column "remarks"');
  });

  it("KoboToolbox XLSX: the first sheet, '/' paths with group names", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("City for all");
    const text = new TextDecoder().decode(fixture("kobo.csv")).replace(/;/g, "\t").replace('"Budget\t interpreters\t 2024"', "Budget; interpreters; 2024");
    const [header, row] = text.trim().split(/\r\n/).map((line) => line.split("\t"));
    sheet.addRow(header!.map((column) => (column.startsWith("q_") ? `sec_key_factors/kf_engaging_citizens/${column}` : ["subject_name", "country", "assessed_by", "assessed_on"].includes(column) ? `details/${column}` : column)));
    sheet.addRow(row!);
    workbook.addWorksheet("repeat_group");
    const data = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const result = await xlsformAdapter.read!({ data, fileName: "kobo.xlsx", documents });
    expect(result.report.valid).toBe(true);
    const [ghent] = importedAssessments(result);
    expect(ghent!.answers["interpreters"]).toEqual({ level: "substantial", notes: "Budget; interpreters; 2024" });
    expect(result.report.errors.find((problem) => problem.params["columns"] === "remarks")?.message).toMatch(/^'City for all'!K2/);
    expect(result.report.errors.some((problem) => problem.message.includes("repeat_group"))).toBe(true);
  });

  it("another version of the benchmark, and repeat-group files, are refused with what to do", async () => {
    const text = new TextDecoder().decode(fixture("odk-central.csv")).replace(/city-for-all@1\.0\.0/g, "city-for-all@2.0.0");
    expect(codes((await readSubmissions({ data: new TextEncoder().encode(text), fileName: "odk.csv", documents })).report)).toEqual(["benchmark_version_mismatch"]);
    const repeat = "PARENT_KEY,KEY,q_x\r\nuuid:1,uuid:1/g[1],full\r\n";
    expect(codes((await readSubmissions({ data: new TextEncoder().encode(repeat), fileName: "form-g.csv", documents })).report)).toEqual(["repeat_file"]);
  });

  it("refuses an export whose bytes are not UTF-8 rather than read its names and notes with U+FFFD, and reads a .json name as JSON", async () => {
    // The ODK export saved again by a spreadsheet program in Windows-1252: "é" is one byte, 0xE9.
    const text = new TextDecoder().decode(fixture("odk-central.csv"));
    const lines = text.split("\n");
    const row = 2;
    lines[row] = (lines[row] as string).replace(/\r?$/, "Liège\r");
    expect([...text].every((char) => char.charCodeAt(0) < 0x80)).toBe(true);
    // The first line also holds a genuine U+FFFD, well-formed UTF-8, which is no fault.
    const latin1 = Uint8Array.from([...Buffer.from("\uFFFD")].concat([...lines.join("\n")].map((char) => char.charCodeAt(0))));
    const refused = await readSubmissions({ data: latin1, fileName: "odk.csv", documents });
    expect(refused.documents).toEqual([]);
    expect(refused.report.errors).toEqual([expect.objectContaining({ code: "invalid_utf8", params: { line: row + 1 }, message: expect.stringContaining(`odk.csv line ${row + 1} holds bytes that are not UTF-8`) })]);
    const notJson = await readSubmissions({ data: new TextEncoder().encode("%PDF-1.4\n"), fileName: "kobo.json", documents });
    expect(codes(notJson.report)).toEqual(["not_json"]);
  });

  it("garbage in, a report out", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.uint8Array({ maxLength: 200 }), fc.string({ unit: "binary" }).map((s) => new TextEncoder().encode(s)), fc.jsonValue().map((v) => new TextEncoder().encode(JSON.stringify(v)))),
        async (data) => {
          const result = await readSubmissions({ data, documents });
          expect(typeof result.report.valid).toBe("boolean");
          for (const problem of result.report.errors) expect(problem.code).toMatch(/^[a-z]+(?:_[a-z0-9]+)*$/);
          // Bytes that are not UTF-8 are never read as text with U+FFFD in their place.
          if (!isUtf8(data) && !(data[0] === 0x50 && data[1] === 0x4b)) expect(result.documents).toEqual([]);
        },
      ),
      { numRuns: 100 },
    );
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (value) => {
        const result = await writeForm({ document: value, documents });
        expect(result.ok).toBe(false);
      }),
      { numRuns: 50 },
    );
  });
});
