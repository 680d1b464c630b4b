import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SCHEMA_VERSION } from "@cohesion/schema";
import { beforeAll, describe, expect, it } from "vitest";
import { bin, cohesion, envelope, hasStackTrace, repoRoot, withTempDir } from "./helpers";

const athens = "examples/assessments/eurocities-athens-kypseli.json";

beforeAll(() => {
  if (!existsSync(bin)) throw new Error(`build the CLI first (npm run build): ${bin} is missing`);
});

describe("cohesion validate", () => {
  it("accepts every valid example and the plugins' content, exit 0", () => {
    const ran = cohesion(["validate", "examples/assessments", "packages/plugin-eurocities/content"]);
    expect(ran.stdout).toMatch(/✔ \d+ documents in \d+ files: all valid/);
    expect(ran.status).toBe(0);
  });

  it("names the code, file, line and pointer of an invalid document, exit 1", () => {
    const ran = cohesion(["validate", "examples/invalid/unknown_field--statment-typo.json"]);
    expect(ran.status).toBe(1);
    expect(ran.stdout).toMatch(/unknown_field--statment-typo\.json:\d+:\d+ \/\S* error unknown_field: .*did you mean/);
  });

  it("says a missing file is missing, exit 2", () => {
    const ran = cohesion(["validate", "no/such/file.json"]);
    expect(ran.status).toBe(2);
    expect(ran.stdout).toContain("no/such/file.json: no such file or directory");
  });

  it("gives line and column of a file that is not JSON, exit 1", () => {
    withTempDir((dir) => {
      const file = join(dir, "broken.json");
      writeFileSync(file, '{\n  "kind": "place",\n  "name": "Aarhus",\n}\n');
      const ran = cohesion(["validate", file]);
      expect(ran.status).toBe(1);
      expect(ran.stdout).toContain(`${file}:4:1: not valid JSON`);
      expect(hasStackTrace(ran.stdout + ran.stderr)).toBe(false);
    });
  });

  it("reads NDJSON line by line and reports each bad line by its number", () => {
    withTempDir((dir) => {
      const place = JSON.parse(readFileSync(join(repoRoot, "examples/valid/place.json"), "utf8")) as Record<string, unknown>;
      const lines = [JSON.stringify(place), JSON.stringify({ ...place, id: "examples.second", sizeBand: "huge" }), "{not json", JSON.stringify({ ...place, id: "examples.third" })];
      const file = join(dir, "places.ndjson");
      writeFileSync(file, `${lines.join("\n")}\n`);
      const ran = cohesion(["validate", file, "--format", "json", "--no-integrity"]);
      expect(ran.status).toBe(1);
      const report = envelope<{ valid: boolean; documents: number }>(ran.stdout);
      expect(report.result?.valid).toBe(false);
      expect(report.ok).toBe(false);
      expect(report.result?.documents).toBe(3);
      expect(report.problems.map((e) => [e.code, e.line])).toEqual([
        ["invalid_value", 2],
        ["invalid_json", 3],
      ]);
      expect(report.problems[0]?.pointer).toBe("/sizeBand");
    });
  });

  it("reads a document or an NDJSON stream from standard input", () => {
    const place = readFileSync(join(repoRoot, "examples/valid/place.json"), "utf8");
    expect(cohesion(["validate", "-", "--no-integrity"], { input: place }).status).toBe(0);
    const one = JSON.stringify(JSON.parse(place));
    const two = JSON.stringify({ ...JSON.parse(place), id: "examples.other" });
    const ran = cohesion(["validate", "-", "--no-integrity"], { input: `${one}\n${two}\n` });
    expect(ran.stdout).toContain("2 documents in 1 file: all valid");
    expect(ran.stderr).toBe("");
  });

  it("checks references across files against the installed content", () => {
    withTempDir((dir) => {
      const assessment = JSON.parse(readFileSync(join(repoRoot, athens), "utf8")) as { answers: Record<string, unknown> };
      assessment.answers["no-such-question"] = { level: "full" };
      const file = join(dir, "athens.json");
      writeFileSync(file, JSON.stringify(assessment));
      const ran = cohesion(["validate", file]);
      expect(ran.status).toBe(1);
      expect(ran.stdout).toMatch(/athens\.json:\d+:\d+ \/answers\/no-such-question error unknown_guide_question/);
    });
  });
});

describe("cohesion score", () => {
  it("prints a table with every key factor of the benchmark", () => {
    const ran = cohesion(["score", athens]);
    expect(ran.status).toBe(0);
    expect(ran.stdout).toContain("Overall");
    expect(ran.stdout).toContain("DEFINING THE NEIGHBOURHOOD");
    expect(ran.stdout).toContain("MONITORING AND EVALUATION");
  });

  it("prints the score report as JSON that validates, with peers and mentors", () => {
    const ran = cohesion(["score", athens, "--peers", "examples/assessments", "--format", "json"]);
    expect(ran.status).toBe(0);
    const scored = envelope<{ kind: string; model: { id: string }; peers?: unknown; mentors?: { subject: string }[] }>(ran.stdout);
    expect(scored).toMatchObject({ command: "score", ok: true, exit: 0 });
    const report = scored.result!;
    expect(report.kind).toBe("score-report");
    expect(report.model.id).toBe("cohesion.weighted-mean");
    expect(report.peers).toBeDefined();
    expect(report.mentors?.every((m) => m.subject !== "Athens")).toBe(true);
    withTempDir((dir) => {
      const file = join(dir, "report.json");
      writeFileSync(file, JSON.stringify(report));
      expect(cohesion(["validate", file, "--no-integrity"]).status).toBe(0);
    });
  });

  it("scores with another built-in model", () => {
    const ran = cohesion(["score", athens, "--model", "cohesion.threshold", "--format", "json"]);
    expect(ran.status).toBe(0);
    expect(envelope<{ standardMet: unknown }>(ran.stdout).result?.standardMet).toBe(false);
  });

  it("takes model parameters with --param name=value, checked against the model", () => {
    const lenient = cohesion(["score", athens, "--model", "cohesion.threshold", "--param", "threshold=0", "--param", "coverageThreshold=0", "--format", "json"]);
    expect(lenient.status).toBe(0);
    const report = envelope<{ standardMet: unknown; model: { parameters: { threshold: number; coverageThreshold: number } } }>(lenient.stdout).result!;
    expect(report.model.parameters).toMatchObject({ threshold: 0, coverageThreshold: 0 });
    expect(report.standardMet).toBe(true);

    const unknown = cohesion(["score", athens, "--model", "cohesion.threshold", "--param", "treshold=60"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('--param treshold: model cohesion.threshold has no parameter "treshold" (did you mean "threshold"?)');
    expect(unknown.stderr).toContain("threshold (a number from 0 to 100, default 50)");

    const outOfRange = cohesion(["score", athens, "--model", "cohesion.threshold", "--param", "threshold=120"]);
    expect(outOfRange.status).toBe(2);
    expect(outOfRange.stderr).toContain("--param threshold=120:");
    expect(outOfRange.stderr).toContain("allowed: a number from 0 to 100, default 50");

    const malformed = cohesion(["score", athens, "--param", "60"]);
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toContain('--param "60": expected name=value');
  });

  it("refuses an unknown model with the available ones, exit 2", () => {
    const ran = cohesion(["score", athens, "--model", "cohesion.weighted-man"]);
    expect(ran.status).toBe(2);
    expect(ran.stderr).toContain('no scoring model "cohesion.weighted-man" (did you mean "cohesion.weighted-mean"?)');
  });

  it("refuses a document of the wrong kind, exit 1", () => {
    const ran = cohesion(["score", "examples/valid/place.json"]);
    expect(ran.status).toBe(1);
    expect(ran.stderr).toContain('expected a document of kind "assessment" but found "place"');
  });

  it("names an unknown benchmark with suggestions, exit 1", () => {
    withTempDir((dir) => {
      const assessment = JSON.parse(readFileSync(join(repoRoot, athens), "utf8")) as { benchmark: { id: string } };
      assessment.benchmark.id = "eurocities.neighborhood-participation";
      const file = join(dir, "a.json");
      writeFileSync(file, JSON.stringify(assessment));
      const ran = cohesion(["score", file]);
      expect(ran.status).toBe(1);
      expect(ran.stderr).toContain('did you mean "eurocities.neighbourhood-participation"?');
    });
  });
});

describe("cohesion report", () => {
  it("writes HTML and Markdown, and never overwrites without --force", () => {
    withTempDir((dir) => {
      const html = join(dir, "report.html");
      const first = cohesion(["report", athens, "--peers", "examples/assessments", "--out", html]);
      expect(first.status).toBe(0);
      expect(readFileSync(html, "utf8")).toContain("<svg");
      const again = cohesion(["report", athens, "--out", html]);
      expect(again.status).toBe(2);
      expect(again.stderr).toContain("already exists — pass --force to overwrite it");
      expect(cohesion(["report", athens, "--out", html, "--force"]).status).toBe(0);
      const markdown = join(dir, "report.md");
      expect(cohesion(["report", athens, "--out", markdown]).status).toBe(0);
      expect(readFileSync(markdown, "utf8")).toMatch(/^# /);
    });
  });

  it("needs --out with an extension a report adapter writes (.html or .md), exit 2", () => {
    expect(cohesion(["report", athens]).status).toBe(2);
    expect(cohesion(["report", athens, "--out", "report.pdf"]).stderr).toContain('no adapter that can write a score-report knows the extension ".pdf"');
    expect(cohesion(["report", athens, "--out", "out/report"]).stderr).toContain('"out/report" has no extension to tell its format');
  });

  it("names an --out that is a folder as a folder, with or without an extension", () => {
    withTempDir((dir) => {
      for (const name of ["reports", "report.html"]) {
        mkdirSync(join(dir, name));
        const ran = cohesion(["report", athens, "--out", join(dir, name), "--force"]);
        expect(ran.status).toBe(2);
        expect(ran.stderr).toContain(`${join(dir, name)} is a folder — give the path of a file to write`);
      }
    });
  });
});

describe("cohesion init", () => {
  it("writes a blank assessment with every guide question that validates", () => {
    withTempDir((dir) => {
      const out = join(dir, "capaci.json");
      const ran = cohesion(["init", "assessment", "--benchmark", "inclucities.city-for-all", "--city", "Capaci", "--out", out]);
      expect(ran.status).toBe(0);
      const assessment = JSON.parse(readFileSync(out, "utf8")) as { answers: Record<string, unknown>; subject: { name: string } };
      expect(assessment.subject.name).toBe("Capaci");
      expect(Object.keys(assessment.answers).length).toBeGreaterThan(20);
      expect(cohesion(["validate", out]).status).toBe(0);
      expect(cohesion(["init", "assessment", "--benchmark", "inclucities.city-for-all", "--city", "Capaci", "--out", out]).status).toBe(2);
    });
  });

  it("suggests the nearest benchmark for a typo, exit 1", () => {
    const ran = cohesion(["init", "assessment", "--benchmark", "inclucities.city-for-al", "--city", "Capaci"]);
    expect(ran.status).toBe(1);
    expect(ran.stderr).toContain('did you mean "inclucities.city-for-all"?');
  });
});

describe("cohesion list", () => {
  it("lists plugins, benchmarks and practices, and searches practices", () => {
    expect(cohesion(["list", "plugins"]).stdout).toMatch(/eurocities\s+loaded/);
    expect(cohesion(["list", "benchmarks"]).stdout).toContain("eurocities.neighbourhood-participation@1.0.0");
    const search = cohesion(["list", "practices", "--search", "All Activities"]);
    expect(search.status).toBe(0);
    expect(search.stdout.split("\n")[0]).toContain("Malm");
  });
});

describe("cohesion migrate", () => {
  // The Athens assessment as written for schema 1.0: each answer's notes as free-text evidence, no provenance.
  const athens = join(mkdtempSync(join(tmpdir(), "cohesion-migrate-")), "athens-1.0.json");
  beforeAll(() => {
    const current = JSON.parse(readFileSync(join(repoRoot, "examples/assessments/eurocities-athens-kypseli.json"), "utf8")) as Record<string, any>;
    const strip = ({ provenance: _provenance, notes, ...rest }: Record<string, unknown>) => (notes === undefined ? rest : { ...rest, evidence: notes });
    const answers = Object.fromEntries(Object.entries(current.answers as Record<string, Record<string, unknown>>).map(([id, answer]) => [id, strip(answer)]));
    const contextFactors = Object.fromEntries(
      Object.entries(current.contextFactors as Record<string, Record<string, unknown>>).map(([id, { provenance: _provenance, ...mark }]) => [id, mark]),
    );
    writeFileSync(athens, JSON.stringify({ ...current, schemaVersion: "1.0", answers, contextFactors }));
  });

  it("upgrades an assessment to 1.1, reports every move, writes atomically and never overwrites without --force", () => {
    withTempDir((dir) => {
      const out = join(dir, "athens.v1.1.json");
      const ran = cohesion(["migrate", athens, "--to", "1.1", "--out", out]);
      expect(ran.status).toBe(0);
      const migrated = JSON.parse(readFileSync(out, "utf8")) as { schemaVersion: string; answers: Record<string, { evidence?: string; notes?: string }> };
      expect(migrated.schemaVersion).toBe("1.1");
      expect(Object.values(migrated.answers).some((a) => a.evidence !== undefined)).toBe(false);
      const original = JSON.parse(readFileSync(athens, "utf8")) as { answers: Record<string, { evidence?: string }> };
      const withEvidence = Object.values(original.answers).filter((a) => a.evidence !== undefined).length;
      expect(ran.stderr.match(/ info migrated_field: /g)?.length).toBe(withEvidence);
      expect(ran.stderr).toContain(`migrated to schema version 1.1, written to ${out}: ${withEvidence} values moved`);
      expect(cohesion(["validate", out, "--no-integrity"]).status).toBe(0);

      const again = cohesion(["migrate", athens, "--out", out]);
      expect(again.status).toBe(2);
      expect(again.stderr).toContain("already exists — pass --force");
      expect(cohesion(["migrate", athens, "--out", out, "--force"]).status).toBe(0);
    });
  });

  it("writes the document to standard output, or the report as JSON", () => {
    const ran = cohesion(["migrate", athens]);
    expect(ran.status).toBe(0);
    expect((JSON.parse(ran.stdout) as { schemaVersion: string }).schemaVersion).toBe(SCHEMA_VERSION);
    const json = envelope<{ document: { schemaVersion: string } }>(cohesion(["migrate", athens, "--format", "json"]).stdout);
    expect(json.ok).toBe(true);
    expect(json.result?.document.schemaVersion).toBe(SCHEMA_VERSION);
    expect(json.problems[0]).toMatchObject({ code: "schema_version_changed", file: athens });
  });

  it("refuses an unknown target version (exit 2), an invalid document (exit 1) and a missing file (exit 2)", () => {
    const target = cohesion(["migrate", athens, "--to", "3.0"]);
    expect(target.status).toBe(2);
    expect(target.stderr).toContain('there is no schema version "3.0" to migrate to; known versions: 1.0, 1.1');
    const invalid = cohesion(["migrate", "examples/invalid/unknown_field--statment-typo.json"]);
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toContain("invalid_before_migration");
    expect(invalid.stdout).toBe("");
    expect(cohesion(["migrate", "no/such.json"]).status).toBe(2);
    expect(hasStackTrace(invalid.stderr + target.stderr)).toBe(false);
  });

  it("refuses an --out that is a folder, with or without --force, exit 2", () => {
    withTempDir((dir) => {
      for (const force of [[], ["--force"]]) {
        const ran = cohesion(["migrate", athens, "--out", dir, ...force]);
        expect(ran.status).toBe(2);
        expect(ran.stderr).toContain(`cohesion: ${dir} is a folder — give the path of a file to write`);
        expect(ran.stderr).not.toContain("EISDIR");
      }
    });
  });

  it("refuses an --out whose folder is a file, exit 2, naming the folder", () => {
    withTempDir((dir) => {
      const file = join(dir, "notes.txt");
      writeFileSync(file, "kept");
      const ran = cohesion(["migrate", athens, "--out", join(file, "athens.json")]);
      expect(ran.status).toBe(2);
      expect(ran.stderr).toContain(`cohesion: ${file} cannot be a folder: a file stands in its path — give an --out inside a folder`);
      expect(ran.stderr).not.toContain("ENOTDIR");
      expect(readFileSync(file, "utf8")).toBe("kept");
    });
  });
});

describe("cohesion schema-diff", () => {
  it("classifies the shipped 1.0 → 1.1 change as minor and names each change", () => {
    const ran = cohesion(["schema-diff", "1.0", "1.1"]);
    expect(ran.status).toBe(0);
    expect(ran.stdout).toContain("minor  assessment.schema.json#/$defs/answer/properties/evidenceLinks  field_added");
    expect(ran.stdout).toContain("needs a minor release");
  });

  it("fails a breaking change declared as minor and passes it declared as major", () => {
    withTempDir((dir) => {
      const schema = JSON.parse(readFileSync(join(repoRoot, "schemas/place.schema.json"), "utf8")) as { required: string[]; properties: Record<string, unknown> };
      writeFileSync(join(dir, "old.schema.json"), JSON.stringify(schema));
      const required = [...schema.required, "population"];
      writeFileSync(join(dir, "new.schema.json"), JSON.stringify({ ...schema, required }));
      const minor = cohesion(["schema-diff", join(dir, "old.schema.json"), join(dir, "new.schema.json"), "--declared", "minor"]);
      expect(minor.status).toBe(1);
      expect(minor.stdout).toMatch(/major .*field_required/);
      expect(minor.stdout).toContain("✖ declared minor, but the change needs major");
      const major = cohesion(["schema-diff", join(dir, "old.schema.json"), join(dir, "new.schema.json"), "--declared", "major", "--format", "json"]);
      expect(major.status).toBe(0);
      expect(envelope(major.stdout).result).toMatchObject({ bump: "major", declared: "major", enough: true });
    });
  });

  it("says what is wrong with its arguments, exit 2", () => {
    expect(cohesion(["schema-diff", "1.0"]).status).toBe(2);
    const missing = cohesion(["schema-diff", "1.0", "no/such/folder"]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("no/such/folder: no such file or folder");
    expect(cohesion(["schema-diff", "1.0", "1.1", "--declared", "huge"]).status).toBe(2);
  });

  it("names the file, line and column of a schema that is not JSON, exit 2", () => {
    withTempDir((dir) => {
      writeFileSync(join(dir, "place.schema.json"), '{\n  "type": "object",\n  oops\n}\n');
      const ran = cohesion(["schema-diff", "1.0", dir]);
      expect(ran.status).toBe(2);
      expect(ran.stderr).toContain(`${join(dir, "place.schema.json")}:3:3: not valid JSON — expected a property name in double quotes`);
      expect(hasStackTrace(ran.stderr)).toBe(false);
    });
  });
});

describe("usage errors", () => {
  it("exit 2 with a hint, never a stack trace", () => {
    const unknown = cohesion(["valdate", "x"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('did you mean "validate"?');
    expect(cohesion([]).status).toBe(2);
    const flag = cohesion(["validate", "--no-such-flag", "x"]);
    expect(flag.status).toBe(2);
    expect(hasStackTrace(flag.stderr)).toBe(false);
    expect(cohesion(["list", "cities"]).status).toBe(2);
  });
});
