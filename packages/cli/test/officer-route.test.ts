import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { Person } from "../../adapter-xlsx/test/person";
import { bin, cohesion, hasStackTrace, withTempDirAsync } from "./helpers";
import { existsSync } from "node:fs";

const BENCHMARK = "inclucities.city-for-all";

beforeAll(() => {
  if (!existsSync(bin)) throw new Error(`build the CLI first (npm run build): ${bin} is missing`);
});

describe("the officer's route: export the questionnaire, fill it in, import, score, report", () => {
  it("reports every mistake at its cell, then imports the corrected workbook, scores it and writes the report", async () => {
    await withTempDirAsync(async (dir) => {
      const questionnaire = join(dir, "questionnaire.xlsx");
      const exported = cohesion(["export", "--benchmark", BENCHMARK, "--to", "xlsx", "--out", questionnaire]);
      expect(exported.stderr).toContain(`wrote ${questionnaire}`);
      expect(exported.status).toBe(0);
      expect(cohesion(["export", "--benchmark", BENCHMARK, "--to", "xlsx", "--out", questionnaire]).status).toBe(2);

      const person = await Person.open(new Uint8Array(readFileSync(questionnaire)));
      const questions = person.sheet("Questionnaire");
      const ids: string[] = [];
      for (let row = 2; row <= questions.rowCount; row++) {
        const id = questions.getRow(row).getCell(1).value;
        if (typeof id === "string") ids.push(id);
      }
      const [first, second, third, fourth, ...rest] = ids;
      person.detail("subjectName", "Capaci");
      person.detail("country", "IT");
      person.detail("assessedBy", "Comune di Capaci");
      // Mistakes: a date typed as text, a level typed differently, an extra column, a merged cell, a deleted row.
      person.detail("assessedOn", "5 May 2024");
      person.answer(first!, { level: "Fully in place", notes: "Adopted by the council." });
      person.answer(second!, { level: "mostly" });
      person.answer(third!, { level: "partly in place " });
      questions.getCell("I1").value = "Who answered";
      questions.getCell(`I${person.rowOf(first!)}`).value = "Maria";
      const fourthRow = person.rowOf(fourth!);
      questions.mergeCells(`H${fourthRow}:H${fourthRow + 1}`);
      const lastRow = person.rowOf(rest[rest.length - 1]!);
      questions.spliceRows(lastRow, 1);
      const filled = join(dir, "filled.xlsx");
      writeFileSync(filled, await person.save());

      const refused = cohesion(["import", filled, "--out", join(dir, "capaci.json")]);
      expect(refused.status).toBe(1);
      expect(hasStackTrace(refused.stderr)).toBe(false);
      expect(refused.stderr).toMatch(/Details!B9: "5 May 2024" is text, not a date/);
      // Reported once, at its cell: the schema check of the same field does not repeat it.
      expect(refused.stderr.split("\n").filter((line) => line.includes(" /assessedOn "))).toHaveLength(1);
      expect(refused.stderr).toMatch(new RegExp(`Questionnaire!D${person.rowOf(second!)}: "mostly" is not a level`));
      expect(refused.stderr).toMatch(new RegExp(`Questionnaire!D${person.rowOf(third!)}: "partly in place" is not written as in the list; it was read as "Partly in place"`));
      expect(refused.stderr).toMatch(new RegExp(`Questionnaire!I${person.rowOf(first!)}: Column I \\("Who answered"\\) is not part of the questionnaire, so "Maria" was not imported`));
      expect(refused.stderr).toMatch(new RegExp(`Questionnaire!H${fourthRow}:H${fourthRow + 1}: These cells are merged`));
      expect(refused.stderr).toMatch(new RegExp(`No row holds the question "${rest[rest.length - 1]}" \\(it was on row ${lastRow}\\)`));
      expect(refused.stderr).toContain("nothing written");
      expect(existsSync(join(dir, "capaci.json"))).toBe(false);

      // A workbook made for another version of the benchmark is refused as a whole.
      const other = await Person.open(new Uint8Array(readFileSync(filled)));
      const meta = other.sheet("_cohesion");
      meta.eachRow((row) => {
        if (row.getCell(1).value === "benchmarkVersion") row.getCell(2).value = "0.9.0";
      });
      const otherFile = join(dir, "other-version.xlsx");
      writeFileSync(otherFile, await other.save());
      const wrongVersion = cohesion(["import", otherFile]);
      expect(wrongVersion.status).toBe(1);
      expect(wrongVersion.stderr).toContain(`made for ${BENCHMARK} version 0.9.0, but the installed content has version 1.0.0`);

      // The officer corrects the errors; the warnings (extra column, retyped level, deleted row) stay.
      person.detail("assessedOn", "2024-05-05");
      person.answer(second!, { level: "Planned" });
      questions.unMergeCells(`H${fourthRow}:H${fourthRow + 1}`);
      writeFileSync(filled, await person.save());
      const assessmentFile = join(dir, "capaci.json");
      const imported = cohesion(["import", filled, "--out", assessmentFile]);
      expect(imported.stderr).toContain(`wrote ${assessmentFile}: 1 document`);
      expect(imported.stderr).toMatch(/warning not_carried_over/);
      expect(imported.status).toBe(0);
      const assessment = JSON.parse(readFileSync(assessmentFile, "utf8")) as { answers: Record<string, { level?: string; notes?: string }>; assessedOn: string };
      expect(assessment.assessedOn).toBe("2024-05-05");
      expect(assessment.answers[first!]).toEqual({ level: "full", notes: "Adopted by the council." });
      expect(assessment.answers[third!]).toEqual({ level: "partial" });
      expect(cohesion(["validate", assessmentFile]).status).toBe(0);

      const scored = cohesion(["score", assessmentFile, "--format", "json"]);
      expect(scored.status).toBe(0);
      expect((JSON.parse(scored.stdout) as { result: { kind: string } }).result.kind).toBe("score-report");
      const report = join(dir, "capaci.html");
      const reported = cohesion(["report", assessmentFile, "--out", report]);
      expect(reported.status).toBe(0);
      expect(readFileSync(report, "utf8")).toContain("Capaci");
    });
  });

  it("lists the adapters, and says which formats exist when none fits", () => {
    const listed = cohesion(["list", "adapters", "--format", "json"]);
    expect(listed.status).toBe(0);
    const adapters = (JSON.parse(listed.stdout) as { command: string; result: Array<{ id: string; format: string; plugin: string }> }).result;
    expect(JSON.parse(listed.stdout).command).toBe("list");
    expect(adapters.map((adapter) => adapter.id)).toEqual(expect.arrayContaining(["report.html", "report.markdown", "xlsx.workbook", "xlsx.document"]));
    expect(adapters.find((adapter) => adapter.id === "xlsx.workbook")?.plugin).toBe("xlsx");
    const unknown = cohesion(["export", "--benchmark", BENCHMARK, "--to", "pdf", "--out", "x.pdf"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/no adapter for the format "pdf" is installed; formats that write a benchmark: .*xlsx, xlsx-document/);
    expect(unknown.stderr).toContain("datapackage");
    const notOurs = cohesion(["import", "package.json", "--from", "xlsx"]);
    expect(notOurs.status).toBe(1);
    expect(notOurs.stderr).toContain("is not an Excel workbook that can be opened");
  });

  it("exports a benchmark with the installed places and practices as a data package folder", async () => {
    await withTempDirAsync(async (dir) => {
      const folder = join(dir, "open-data");
      const ran = cohesion(["export", "--benchmark", BENCHMARK, "--to", "datapackage", "--out", folder]);
      expect(ran.stderr).toContain(`wrote ${folder}:`);
      expect(ran.status).toBe(0);
      const descriptor = JSON.parse(readFileSync(join(folder, "datapackage.json"), "utf8")) as { resources: Array<{ path: string }> };
      for (const resource of descriptor.resources) expect(existsSync(join(folder, resource.path))).toBe(true);
      expect(readFileSync(join(folder, "data/places.csv"), "utf8").startsWith("id,name,local_name,country")).toBe(true);
      expect(cohesion(["export", "--benchmark", BENCHMARK, "--to", "datapackage", "--out", folder]).status).toBe(2);
    });
  });

  it("exports the XLSForm of a benchmark and imports survey submissions as assessments", async () => {
    await withTempDirAsync(async (dir) => {
      const form = join(dir, "form.xlsx");
      const ran = cohesion(["export", "--benchmark", BENCHMARK, "--to", "xlsform", "--out", form]);
      expect(ran.status).toBe(0);
      expect(existsSync(form)).toBe(true);
      const out = join(dir, "submissions.json");
      const imported = cohesion(["import", "packages/adapter-xlsform/test/fixtures/odk-central.csv", "--out", out]);
      expect(imported.stderr).toContain(`wrote ${out}: 2 documents`);
      expect(imported.status).toBe(0);
      const assessments = JSON.parse(readFileSync(out, "utf8")) as Array<{ kind: string }>;
      expect(assessments.map((assessment) => assessment.kind)).toEqual(["assessment", "assessment"]);
      const kobo = cohesion(["import", "packages/adapter-xlsform/test/fixtures/kobo.json", "--format", "json"]);
      expect(kobo.status).toBe(1);
      const envelope = JSON.parse(kobo.stdout) as { command: string; ok: boolean; problems: Array<{ code: string }>; result: { count: number } };
      expect(envelope).toMatchObject({ command: "import", ok: false, result: { count: 0 } });
      expect(envelope.problems.map((problem) => problem.code)).toContain("unknown_level");
    });
  });

  it("round-trips any document through export and import as a lossless workbook", async () => {
    await withTempDirAsync(async (dir) => {
      const source = "examples/assessments/eurocities-athens-kypseli.json";
      const workbook = join(dir, "athens.xlsx");
      expect(cohesion(["export", source, "--to", "xlsx", "--out", workbook]).status).toBe(0);
      const back = cohesion(["import", workbook]);
      expect(back.status).toBe(0);
      expect(back.stdout).toBe(`${JSON.stringify(JSON.parse(readFileSync(join(__dirname, "../../..", source), "utf8")), null, 2)}\n`);
    });
  });
});
