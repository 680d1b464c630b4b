import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../src/commands/index";
import { cohesion, envelope, hasStackTrace, withTempDir } from "./helpers";

const athens = "examples/assessments/eurocities-athens-kypseli.json";

describe("the JSON envelope", () => {
  it("is what every command writes with --format json, failures included", () => {
    withTempDir((dir) => {
      const runs: [string[], number][] = [
        [["validate", "examples/valid/scale.json"], 0],
        [["validate", "no-such-file.json"], 2],
        [["score", athens], 0],
        [["score", "no-such-file.json"], 2],
        [["report", athens, "--out", join(dir, "r.html")], 0],
        [["report", athens], 2],
        [["init", "assessment", "--benchmark", "eurocities.neighbourhood-participation", "--city", "Athens"], 0],
        [["init", "assessment", "--benchmark", "nope", "--city", "Athens"], 1],
        [["list", "benchmarks"], 0],
        [["migrate", athens], 0],
        [["schema-diff", "1.0", "1.1"], 0],
        [["validate", "--fromat", "json", "x"], 2],
        [["list", "adapters"], 0],
        [["export", athens, "--to", "xlsx", "--out", join(dir, "athens.xlsx")], 0],
        [["export", athens, "--to", "xlsx", "--out", join(dir, "athens.xlsx")], 2],
        [["export", "--benchmark", "nope", "--to", "xlsx", "--out", join(dir, "nope.xlsx")], 1],
        [["import", join(dir, "athens.xlsx")], 0],
        [["import", "package.json", "--from", "xlsx"], 1],
      ];
      for (const [argv, exit] of runs) {
        const ran = cohesion([...argv, "--format", "json"]);
        const parsed = envelope(ran.stdout);
        expect(parsed.command).toBe(argv[0]);
        expect(parsed.exit).toBe(exit);
        expect(ran.status).toBe(exit);
        expect(parsed.ok).toBe(exit === 0);
        if (exit === 0) expect(parsed.result).toBeDefined();
        else expect(parsed.problems.filter((p) => p.severity === "error").length).toBeGreaterThan(0);
        expect(hasStackTrace(ran.stdout + ran.stderr)).toBe(false);
      }
    });
  });

  it("carries what export, import and list adapters did: files written, documents read, adapters", () => {
    withTempDir((dir) => {
      const workbook = join(dir, "athens.xlsx");
      const exported = envelope<{ out: string; adapter: string; format: string; files: string[]; from: string }>(cohesion(["export", athens, "--to", "xlsx", "--out", workbook, "--format", "json"]).stdout);
      expect(exported.result).toEqual({ out: workbook, adapter: "xlsx.workbook", format: "xlsx", files: [workbook], from: athens });
      const folder = join(dir, "open-data");
      const ran = cohesion(["export", "--benchmark", "eurocities.neighbourhood-participation", "--to", "datapackage", "--out", folder, "--format", "json"]);
      expect(ran.stderr).toBe("");
      const pack = envelope<{ files: string[]; from: string }>(ran.stdout);
      expect(pack.result?.files).toContain("datapackage.json");
      expect(pack.result?.from).toMatch(/^eurocities\.neighbourhood-participation \d/);
      const imported = envelope<{ count: number; documents: Array<{ kind: string; id: string }> }>(cohesion(["import", workbook, "--format", "json"]).stdout);
      expect(imported.ok).toBe(true);
      expect(imported.result?.count).toBe(1);
      expect(imported.result?.documents[0]).toEqual(JSON.parse(readFileSync(join(__dirname, "../../..", athens), "utf8")));
      const out = join(dir, "back.json");
      const written = envelope<{ count: number; out: string }>(cohesion(["import", workbook, "--out", out, "--format", "json"]).stdout);
      expect(written.result).toEqual({ count: 1, out });
      const adapters = envelope<Array<{ id: string; plugin: string }>>(cohesion(["list", "adapters", "--format", "json"]).stdout);
      expect(adapters.command).toBe("list");
      expect(adapters.result?.find((adapter) => adapter.id === "xlsx.workbook")?.plugin).toBe("xlsx");
    });
  });

  it("puts information and warnings among the problems with their severity, never as errors", () => {
    const ran = cohesion(["migrate", athens, "--format", "json"]);
    const parsed = envelope(ran.stdout);
    expect(parsed.ok).toBe(true);
    expect(parsed.problems.length).toBeGreaterThan(0);
    expect(parsed.problems.every((p) => p.severity !== "error")).toBe(true);
  });
});

describe("help, version and flags", () => {
  it("gives each command its own --help on standard output, exit 0", () => {
    for (const spec of COMMANDS) {
      const ran = cohesion([...spec.name.split(" "), "--help"]);
      expect(ran.status).toBe(0);
      expect(ran.stdout).toContain(`cohesion ${spec.name} — ${spec.summary}`);
      for (const option of Object.keys(spec.options)) expect(ran.stdout).toContain(`--${option}`);
      expect(cohesion(["help", ...spec.name.split(" ")]).stdout).toBe(ran.stdout);
    }
  });

  it("prints the version with -V and --version, and lists both in the help", () => {
    const version = cohesion(["--version"]);
    expect(version.status).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+/);
    expect(cohesion(["-V"]).stdout).toBe(version.stdout);
    expect(cohesion(["--help"]).stdout).toMatch(/-V, --version/);
  });

  it("bare `cohesion` writes the help to standard error and exits 2; asked-for help goes to standard output, exit 0", () => {
    const bare = cohesion([]);
    expect(bare.status).toBe(2);
    expect(bare.stdout).toBe("");
    expect(bare.stderr).toContain("Usage: cohesion <command>");
    const asked = cohesion(["--help"]);
    expect(asked.status).toBe(0);
    expect(asked.stdout).toBe(bare.stderr);
  });

  it("suggests the nearest option for an unknown one, and the nearest command for an unknown one", () => {
    const flag = cohesion(["validate", "x.json", "--fromat", "json"]);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toContain("unknown option --fromat for `cohesion validate` (did you mean --format?)");
    expect(flag.stderr).toContain("cohesion validate --help");
    const command = cohesion(["socre", athens]);
    expect(command.status).toBe(2);
    expect(command.stderr).toContain('did you mean "score"?');
  });

  it("takes text and json as --format on every command, and names the accepted values otherwise", () => {
    expect(cohesion(["score", athens, "--format", "text"]).status).toBe(0);
    expect(cohesion(["score", athens, "--format", "table"]).status).toBe(0);
    expect(cohesion(["list", "plugins", "--format", "text"]).status).toBe(0);
    const wrong = cohesion(["list", "plugins", "--format", "yaml"]);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('--format must be text or json, not "yaml"');
  });
});

describe("colour", () => {
  const ESC = "\u001b[";
  it("colours with FORCE_COLOR, not when piped, never with NO_COLOR", () => {
    const invalid = "examples/invalid/too_short--empty-name.json";
    expect(cohesion(["validate", invalid], { env: { NO_COLOR: "", FORCE_COLOR: "1" } }).stdout).toContain(ESC);
    expect(cohesion(["validate", invalid], { env: { NO_COLOR: "" } }).stdout).not.toContain(ESC);
    expect(cohesion(["validate", invalid], { env: { NO_COLOR: "1", FORCE_COLOR: "1" } }).stdout).not.toContain(ESC);
    expect(cohesion(["validate", invalid], { env: { NO_COLOR: "", FORCE_COLOR: "0" } }).stdout).not.toContain(ESC);
  });
});

describe("one code for one fault", () => {
  it("validate and score give the same code and did-you-mean for an unknown question and an unknown level", () => {
    withTempDir((dir) => {
      const assessment = JSON.parse(readFileSync(athens, "utf8")) as { answers: Record<string, { level?: string }> };
      const [first, second] = Object.keys(assessment.answers);
      assessment.answers[`${first}x`] = { ...assessment.answers[first!] };
      assessment.answers[second!] = { ...assessment.answers[second!], level: "ful" };
      const file = join(dir, "athens.json");
      writeFileSync(file, JSON.stringify(assessment, null, 2));
      const codes = (argv: string[]) =>
        envelope(cohesion([...argv, file, "--format", "json"]).stdout)
          .problems.filter((p) => p.severity === "error")
          .map((p) => [p.code, p.params["suggestion"]]);
      const fromValidate = codes(["validate"]);
      const fromScore = codes(["score"]);
      for (const found of [fromValidate, fromScore]) {
        expect(found).toEqual(expect.arrayContaining([["unknown_guide_question", first], ["unknown_level", "full"]]));
      }
    });
  });
});
