import { spawn } from "node:child_process";
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bin, cohesion, envelope, hasStackTrace, repoRoot, withTempDir, withTempDirAsync } from "./helpers";

const corpus = join(repoRoot, "packages/cli/test/hostile");
const place = JSON.parse(readFileSync(join(repoRoot, "examples/valid/place.json"), "utf8")) as Record<string, unknown>;

describe("the hostile corpus", () => {
  const files = readdirSync(corpus).filter((f) => f.includes("--"));
  it.each(files)("%s gets its code, never \"all valid\"", (name) => {
    const code = name.slice(0, name.indexOf("--"));
    const file = join(corpus, name);
    const json = cohesion(["validate", file, "--no-integrity", "--format", "json"]);
    const parsed = envelope<{ valid: boolean }>(json.stdout);
    expect(parsed.ok).toBe(false);
    expect(parsed.result?.valid).toBe(false);
    expect(parsed.problems.map((p) => p.code)).toContain(code);
    expect([1, 2]).toContain(json.status);
    const text = cohesion(["validate", file, "--no-integrity"]);
    expect(text.stdout).not.toContain("all valid");
    expect(hasStackTrace(text.stdout + text.stderr)).toBe(false);
  });

  it("ties a problem in an array to its item, line and column", () => {
    const file = join(corpus, "invalid_value--second-item-of-an-array.json");
    const parsed = envelope(cohesion(["validate", file, "--no-integrity", "--format", "json"]).stdout);
    const problem = parsed.problems.find((p) => p.code === "invalid_value");
    const lines = readFileSync(file, "utf8").split("\n");
    const line = lines.findIndex((l) => l.includes('"sizeBand": "huge"')) + 1;
    expect(problem).toMatchObject({ pointer: "/sizeBand", line, params: { item: 1, column: lines[line - 1]!.indexOf('"sizeBand"') + 1 } });
  });

  it("places an unknown field at its own key, whatever the key looks like (a/b, ~1, empty, __proto__)", () => {
    const file = join(corpus, "unknown_field--keys-that-look-like-pointers.json");
    const lines = readFileSync(file, "utf8").split("\n");
    const parsed = envelope(cohesion(["validate", file, "--no-integrity", "--format", "json"]).stdout);
    const unknown = parsed.problems.filter((p) => p.code === "unknown_field");
    expect(unknown.map((p) => p.params["field"])).toEqual(["a/b", "~1", "", "__proto__"]);
    for (const problem of unknown) {
      const key = JSON.stringify(problem.params["field"]);
      const line = lines.findIndex((l) => l.trimStart().startsWith(`${key}:`)) + 1;
      expect(problem).toMatchObject({ pointer: "", line, params: { column: (lines[line - 1] as string).indexOf(key) + 1 } });
    }
  });

  it("names the text that holds half a surrogate pair, at its line, and leaves whole pairs and escaped backslashes alone", () => {
    const json = envelope(cohesion(["validate", join(corpus, "lone_surrogate--half-a-pair-in-a-name.json"), "--no-integrity", "--format", "json"]).stdout);
    expect(json.problems).toEqual([expect.objectContaining({ code: "lone_surrogate", line: 5, params: expect.objectContaining({ at: "/name", column: 3 }) })]);
    const ndjson = envelope(cohesion(["validate", join(corpus, "lone_surrogate--half-a-pair-as-a-key-in-ndjson.ndjson"), "--no-integrity", "--format", "json"]).stdout);
    expect(ndjson.problems.map((p) => [p.code, p.line])).toEqual([["lone_surrogate", 2]]);
    withTempDir((dir) => {
      const file = join(dir, "fine.json");
      // Escapes as text: a whole pair, and a backslash escaped before "ud800".
      writeFileSync(file, JSON.stringify({ ...place, name: "Malmö PAIR", description: "a literal LITERAL in prose" }).replace("PAIR", "\\ud83d\\ude00").replace("LITERAL", "\\\\ud800"));
      expect(cohesion(["validate", file, "--no-integrity"]).status).toBe(0);
    });
  });

  it("names both places of a repeated key, and still checks the value kept", () => {
    const file = join(corpus, "duplicate_key--first-id-hidden-by-second.json");
    const ran = cohesion(["validate", file, "--no-integrity"]);
    expect(ran.stdout).toMatch(/duplicate_key: "id" appears twice in the same object \(line \d+, column 3 and line \d+, column 3\)/);
  });

  it("finds a repeated key in an NDJSON line however the text spells the keys around it, at its line and column", () => {
    const file = join(corpus, "duplicate_key--spaced-colon-and-escaped-quotes-in-ndjson.ndjson");
    const parsed = envelope(cohesion(["validate", file, "--no-integrity", "--format", "json"]).stdout);
    const repeats = parsed.problems.filter((p) => p.code === "duplicate_key");
    expect(repeats.map((p) => [p.line, p.pointer])).toEqual([[2, "/id"], [3, "/population/value"]]);
    const [second, third] = readFileSync(file, "utf8").split("\n").slice(1, 3) as [string, string];
    expect(repeats[0]?.params).toMatchObject({ column: second.lastIndexOf('"id"') + 1 });
    const population = third.indexOf('"population":{"value":-1,');
    expect(repeats[1]?.params).toMatchObject({ firstColumn: population + '"population":{'.length + 1, column: population + '"population":{"value":-1,'.length + 1 });
  });

  it("says when a .json file holds NDJSON and when a .ndjson file holds one document over many lines", () => {
    const hints: [string, string][] = [
      ["invalid_json--ndjson-saved-as-json.json", "as NDJSON does: name it .ndjson or .jsonl"],
      ["invalid_json--pretty-printed-json-saved-as-ndjson.ndjson", "belongs in a .json file"],
    ];
    for (const [name, hint] of hints) {
      const parsed = envelope(cohesion(["validate", join(corpus, name), "--no-integrity", "--format", "json"]).stdout);
      expect(parsed.problems[0]).toMatchObject({ code: "invalid_json", line: name.endsWith(".json") ? 2 : 1, message: expect.stringContaining(hint) });
    }
  });

  it("places problems on the lines an editor shows in a file with old Mac line ends, and says why such NDJSON fails", () => {
    const file = join(corpus, "invalid_value--old-mac-line-ends.json");
    const lines = readFileSync(file, "utf8").split("\r");
    const line = lines.findIndex((l) => l.includes('"sizeBand"')) + 1;
    const parsed = envelope(cohesion(["validate", file, "--no-integrity", "--format", "json"]).stdout);
    expect(parsed.problems[0]).toMatchObject({ code: "invalid_value", line, params: { column: (lines[line - 1] as string).indexOf('"sizeBand"') + 1 } });
    const ndjson = join(corpus, "invalid_json--ndjson-with-old-mac-line-ends.ndjson");
    const first = readFileSync(ndjson, "utf8").split("\r")[0] as string;
    const failed = envelope(cohesion(["validate", ndjson, "--no-integrity", "--format", "json"]).stdout);
    expect(failed.problems[0]).toMatchObject({ code: "invalid_json", line: 1, params: { column: first.length + 2 }, message: expect.stringContaining("NDJSON lines end with a line feed") });
  });

  it("reads NDJSON with a UTF-8 byte order mark, as a file and on standard input, as it reads JSON with one", () => {
    withTempDir((dir) => {
      const file = join(dir, "marked.ndjson");
      const text = `${JSON.stringify(place)}\n${JSON.stringify({ ...place, id: "examples.espoo" })}\n`;
      writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
      for (const ran of [cohesion(["validate", file, "--no-integrity", "--format", "json"]), cohesion(["validate", "-", "--no-integrity", "--format", "json"], { input: `\ufeff${text}` })]) {
        expect(envelope<{ documents: number }>(ran.stdout)).toMatchObject({ ok: true, result: { documents: 2 } });
      }
    });
  });

  it("gives score, report and migrate the same answers for the same inputs", () => {
    for (const name of ["wrong_encoding--utf16le-with-bom.json", "spreadsheet_input--xlsx-renamed-to-json.json", "invalid_utf8--stray-byte-in-a-name.json", "binary_input--pdf-saved-as-json.json"]) {
      const code = name.slice(0, name.indexOf("--"));
      for (const argv of [["score"], ["migrate"]]) {
        const parsed = envelope(cohesion([...argv, join(corpus, name), "--format", "json"]).stdout);
        expect(parsed.problems.map((p) => p.code)).toContain(code);
      }
    }
  });
});

describe("inputs that cannot live in a repository", () => {
  it("follows a symbolic link to an invalid file inside a folder, and reports links that lead nowhere or in circles", () => {
    withTempDir((dir) => {
      writeFileSync(join(dir, "invalid.json"), JSON.stringify({ ...place, name: "" }));
      mkdirSync(join(dir, "walked"));
      symlinkSync(join(dir, "invalid.json"), join(dir, "walked", "link.json"));
      symlinkSync(join(dir, "walked"), join(dir, "walked", "back"));
      symlinkSync(join(dir, "missing.json"), join(dir, "walked", "broken.json"));
      symlinkSync(join(dir, "a"), join(dir, "b"));
      symlinkSync(join(dir, "b"), join(dir, "a"));
      const parsed = envelope(cohesion(["validate", join(dir, "walked"), "--no-integrity", "--format", "json"]).stdout);
      const codes = parsed.problems.map((p) => `${p.code} ${p.file?.slice(dir.length + 1)}`);
      expect(codes).toContain("too_short " + join("walked", "link.json"));
      expect(codes).toContain("symlink_loop " + join("walked", "back"));
      expect(codes).toContain("not_readable " + join("walked", "broken.json"));
      const loop = cohesion(["validate", join(dir, "a")]);
      expect(loop.status).toBe(2);
      expect(loop.stdout).toContain("symlink_loop");
      expect(loop.stdout).not.toContain("no such file");
    });
  });

  it("keeps every problem on one line and no escape sequence from a file name reaches the terminal", () => {
    withTempDir((dir) => {
      const file = join(dir, "two\nlines \u001b[31mred.json");
      writeFileSync(file, JSON.stringify({ kind: "place" }));
      const ran = cohesion(["validate", file, "--no-integrity"]);
      expect(ran.status).toBe(1);
      expect(ran.stdout).not.toContain("\u001b");
      const lines = ran.stdout.trimEnd().split("\n");
      for (const line of lines.slice(0, -1)) expect(line).toMatch(/^.*two\\nlines \\u001b\[31mred\.json:1:1 \(document\) error missing_required_field: /);
    });
  });

  it("writes control characters in a plugin's titles as escapes in list, show and score, so content cannot drive the terminal", () => {
    withTempDir((dir) => {
      // A content-only plugin whose practice, benchmark, section and key factor titles carry escape
      // sequences (clear screen, set the window title, hide text) and a carriage return.
      const hostile = "\u001b[2J\u001b]0;owned\u0007\r\u001b[8m\u009b";
      const folder = join(dir, "prose-plugin");
      mkdirSync(join(folder, "content"), { recursive: true });
      const practice = JSON.parse(readFileSync(join(repoRoot, "examples/valid/practice.json"), "utf8")) as Record<string, unknown>;
      const benchmark = JSON.parse(readFileSync(join(repoRoot, "examples/valid/benchmark.json"), "utf8")) as { id: string; title: string; sections: { title: string; keyFactors: { title: string }[] }[] };
      benchmark.id = "prose.neighbourhood-participation";
      const assessment = JSON.parse(readFileSync(join(repoRoot, "examples/valid/assessment.json"), "utf8")) as { benchmark: { id: string } };
      assessment.benchmark.id = benchmark.id;
      writeFileSync(join(dir, "assessment.json"), JSON.stringify(assessment));
      benchmark.title = `Bench${hostile}mark`;
      for (const section of benchmark.sections) {
        section.title = `Section${hostile}`;
        for (const keyFactor of section.keyFactors) keyFactor.title = `Factor${hostile}`;
      }
      writeFileSync(join(folder, "content/practices.json"), JSON.stringify([{ ...practice, id: "prose.practice", title: `Practice${hostile}` }]));
      writeFileSync(join(folder, "content/benchmark.json"), JSON.stringify(benchmark));
      const manifest = { kind: "plugin-manifest", schemaVersion: "1.0", id: "prose", manifestVersion: 1, displayName: "Prose", engines: { cohesion: "^0.1.0" }, contributes: { practices: ["content/practices.json"], benchmarks: ["content/benchmark.json"] } };
      writeFileSync(join(folder, "package.json"), JSON.stringify({ name: "prose-plugin", version: "1.0.0", cohesion: manifest }));
      const runs = [
        cohesion(["list", "practices", "--plugin", folder]),
        cohesion(["show", "benchmark", benchmark.id, "--plugin", folder]),
        cohesion(["show", "benchmark", benchmark.id, "--plugin", folder, "--format", "markdown"]),
        cohesion(["score", join(dir, "assessment.json"), "--plugin", folder]),
      ];
      for (const ran of runs) {
        expect(ran.stderr).toBe("");
        expect(ran.status).toBe(0);
        expect(ran.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
        // Markdown escapes the brackets as well.
        expect(ran.stdout.replace(/\\([[\]])/g, "$1")).toContain("\\u001b[2J\\u001b]0;owned\\u0007\\r\\u001b[8m\\u009b");
      }
      // The JSON envelope keeps the text as it is: JSON escapes it, and a program reads it back exactly.
      const json = cohesion(["list", "practices", "--plugin", folder, "--format", "json"]);
      expect((envelope(json.stdout).result as { title: string }[]).find((p) => p.title.startsWith("Practice"))?.title).toBe(`Practice${hostile}`);
    });
  });

  it("check-plugin gives a refused plugin's real problems only: no unknown_field for fields its extension adds, and no advice to install a core within an empty range", () => {
    withTempDir((dir) => {
      const folder = join(dir, "acme");
      cpSync(join(repoRoot, "examples/third-party-plugin"), folder, { recursive: true, filter: (source) => !source.endsWith(".test.ts") });
      const pkg = JSON.parse(readFileSync(join(folder, "package.json"), "utf8")) as { cohesion: Record<string, unknown> };
      pkg.cohesion["displayName"] = 5;
      writeFileSync(join(folder, "package.json"), JSON.stringify(pkg, null, 2));
      const invalid = cohesion(["check-plugin", folder, "--format", "json"]);
      expect(invalid.status).toBe(1);
      expect(envelope(invalid.stdout).problems.map((p) => `${p.code} ${p.pointer}`)).toEqual(["invalid_type /cohesion/displayName"]);
      pkg.cohesion["displayName"] = "ACME";
      pkg.cohesion["engines"] = { cohesion: ">=2.0.0 <1.0.0" };
      writeFileSync(join(folder, "package.json"), JSON.stringify(pkg, null, 2));
      const empty = cohesion(["check-plugin", folder]);
      expect(empty.status).toBe(1);
      expect(empty.stdout + empty.stderr).toContain("empty_engine_range");
      expect(empty.stdout + empty.stderr).not.toContain("a core version within");
    });
  });

  it("says a folder given to score or report is a folder, and migrate asks where a folder's files go", () => {
    for (const argv of [["score", "examples/assessments"], ["report", "examples/assessments", "--out", "x.html"]]) {
      const ran = cohesion(argv);
      expect(ran.status).toBe(2);
      expect(ran.stderr).toContain("is a folder — give the path of one");
      expect(ran.stderr).not.toContain("not valid JSON");
    }
    const migrated = cohesion(["migrate", "examples"]);
    expect(migrated.status).toBe(2);
    expect(migrated.stderr).toContain("for several files or a folder give --out-dir <folder>");
    expect(migrated.stderr).not.toContain("not valid JSON");
  });

  it("never calls a folder with nothing to read \"all valid\", and reads upper-case extensions", () => {
    withTempDir((dir) => {
      mkdirSync(join(dir, "empty.json"));
      writeFileSync(join(dir, "empty.json", "notes.txt"), "not a document");
      for (const argv of [["validate", join(dir, "empty.json")], ["migrate", join(dir, "empty.json"), "--out-dir", join(dir, "out")]]) {
        const ran = cohesion([...argv, "--format", "json"]);
        expect(ran.status).toBe(2);
        expect(envelope(ran.stdout).problems.map((p) => p.code)).toEqual(["empty_folder"]);
        const text = cohesion(argv);
        expect(text.stdout + text.stderr).toContain("is a folder with no .json, .ndjson or .jsonl file in it");
        expect(text.stdout).not.toContain("all valid");
      }
      mkdirSync(join(dir, "upper"));
      writeFileSync(join(dir, "upper", "PLACE.JSON"), JSON.stringify({ ...place, name: "" }));
      writeFileSync(join(dir, "upper", "PLACES.NDJSON"), `${JSON.stringify(place)}\n${JSON.stringify(place)}\n`);
      const upper = envelope<{ documents: number }>(cohesion(["validate", join(dir, "upper"), "--no-integrity", "--format", "json"]).stdout);
      expect(upper.result?.documents).toBe(3);
      expect(upper.problems.map((p) => p.code)).toEqual(["too_short"]);
    });
  });

  it("says which peers were left out: a file that cannot be read, the same city twice", () => {
    withTempDir((dir) => {
      const malmo = readFileSync(join(repoRoot, "examples/assessments/eurocities-malmo-all-activities-centres.json"), "utf8");
      writeFileSync(join(dir, "malmo.json"), malmo);
      writeFileSync(join(dir, "malmo-copy.json"), malmo);
      writeFileSync(join(dir, "broken.json"), '{"kind": "assessment",');
      const ran = envelope<{ messages: { code: string; message: string }[]; peers: { population: number } }>(
        cohesion(["score", "examples/assessments/eurocities-athens-kypseli.json", "--peers", dir, "--format", "json"]).stdout,
      );
      expect(ran.exit).toBe(0);
      const left = ran.result?.messages.filter((m) => m.code === "peer_left_out").map((m) => m.message);
      expect(left).toEqual([
        expect.stringMatching(/broken\.json:1:\d+: not valid JSON .*: left out of the peers$/),
        "eurocities.example-malmo-all-activities-centres is in the peers more than once: only the first is counted",
      ]);
      expect(ran.result?.peers.population).toBe(2);
    });
  });

  it("answers a document with 200,000 wrong items with the first thousand problems and a count of the rest", () => {
    withTempDir((dir) => {
      const file = join(dir, "many.json");
      writeFileSync(file, JSON.stringify({ ...place, sources: Array.from({ length: 200_000 }, (_, i) => i) }));
      const parsed = envelope(cohesion(["validate", file, "--no-integrity", "--format", "json"]).stdout);
      expect(parsed.exit).toBe(1);
      expect(parsed.problems).toHaveLength(1001);
      expect(parsed.problems[0]?.code).toBe("invalid_type");
      expect(parsed.problems[1000]).toMatchObject({ code: "more_problems", severity: "error", params: { count: 199_000, errors: 199_000 } });
    });
  });

  it("reads an NDJSON line of 40 MB and a string of 20 MB without failing", () => {
    withTempDir((dir) => {
      const file = join(dir, "long.ndjson");
      const long = { ...place, id: "examples.long", name: "x".repeat(20 * 1024 * 1024), padding: "y".repeat(20 * 1024 * 1024) };
      writeFileSync(file, `${JSON.stringify(place)}\n${JSON.stringify(long)}\n${JSON.stringify(place)}\n`);
      const parsed = envelope(cohesion(["validate", file, "--no-integrity", "--format", "json"], { env: { COHESION_VALIDATE_WORKERS: "0" } }).stdout);
      expect(parsed.exit).toBe(1);
      expect(parsed.problems.map((p) => [p.code, p.line])).toEqual(expect.arrayContaining([["too_long", 2], ["unknown_field", 2]]));
    });
  });

  // A device without end, as a JSON file and as an NDJSON line that never ends: reading stops at the
  // longest text JavaScript can hold and says so (before, the first ran to Node's 2 GiB limit and the
  // second until memory ran out). The spawn's own timeout turns a hang into a failure here.
  it.runIf(existsSync("/dev/zero"))("answers an input without end (/dev/zero) with not_readable, not a hang or a crash", () => {
    const whole = envelope(cohesion(["validate", "/dev/zero", "--no-integrity", "--format", "json"]).stdout);
    expect(whole).toMatchObject({ ok: false, exit: 2, problems: [{ code: "not_readable", message: expect.stringContaining("larger than about 512 MiB") }] });
    withTempDir((dir) => {
      const endless = join(dir, "endless.ndjson");
      symlinkSync("/dev/zero", endless);
      const line = envelope(cohesion(["validate", endless, "--no-integrity", "--format", "json"], { env: { COHESION_VALIDATE_WORKERS: "0" } }).stdout);
      expect(line).toMatchObject({ ok: false, exit: 2, problems: [{ code: "not_readable", line: 1, message: expect.stringContaining("line 1 is longer than about 512 MiB") }] });
    });
  });
});

describe("import of what is not a workbook or an export", () => {
  it.runIf(existsSync("/dev/zero"))("answers a device without end, a folder and a missing file with their codes, never a hang or a raw message", () => {
    withTempDir((dir) => {
      mkdirSync(join(dir, "folder.xlsx"));
      const runs: [string[], string][] = [
        [["import", "/dev/zero", "--from", "xlsx"], "not_readable"],
        [["import", join(dir, "folder.xlsx")], "is_a_folder"],
        [["import", join(dir, "missing.xlsx")], "file_not_found"],
      ];
      for (const [argv, code] of runs) {
        const ran = cohesion([...argv, "--format", "json"]);
        expect(ran.status).toBe(2);
        expect(envelope(ran.stdout).problems.map((p) => p.code)).toEqual([code]);
        expect(cohesion(argv).stderr).not.toMatch(/EISDIR|ENOENT|illegal operation/);
      }
    });
  });
});

describe("faults in plugins", () => {
  // The example third-party plugin, with a main module whose activation never settles.
  function stuckPlugin(dir: string, main: string): string {
    const folder = join(dir, "stuck-plugin");
    cpSync(join(repoRoot, "examples/third-party-plugin"), folder, { recursive: true, filter: (source) => !source.endsWith(".test.ts") });
    writeFileSync(join(folder, "main.js"), main);
    return folder;
  }
  const athens = "examples/assessments/eurocities-athens-kypseli.json";

  it.each([
    ["nothing else pending", "export function activate() { return new Promise(() => {}); }"],
    ["a timer pending", "export function activate() { setInterval(() => {}, 50); return new Promise(() => {}); }"],
  ])("score and report end with a clear error when activate never settles (%s)", (_, main) => {
    withTempDir((dir) => {
      const plugin = stuckPlugin(dir, main);
      const env = { COHESION_ACTIVATION_TIMEOUT_MS: "300" };
      const scored = cohesion(["score", athens, "--plugin", plugin, "--model", "acme.median", "--format", "json"], { env });
      expect(scored.status).toBe(2);
      const parsed = envelope(scored.stdout);
      expect(parsed.problems[0]?.code).toBe("model_unavailable");
      expect(parsed.problems[0]?.message).toMatch(/declared by plugin acme, which could not be activated: .*did not finish within 300 ms/);
      const out = join(dir, "report.html");
      const reported = cohesion(["report", athens, "--plugin", plugin, "--model", "acme.median", "--out", out], { env });
      expect(reported.status).toBe(2);
      expect(reported.stderr).toContain("could not be activated");
      expect(reported.stderr).not.toMatch(/available: .*acme\.median/);
    });
  });

  it.each([
    ["an object whose message and toString throw", 'throw { get message() { throw new Error("m"); }, toString() { throw new Error("t"); } };', "a value that cannot be shown"],
    ["a revoked Proxy", "const p = Proxy.revocable({}, {}); p.revoke(); throw p.proxy;", "a value that cannot be shown"],
    ["an object without a prototype", "throw Object.create(null);", "a value that cannot be shown"],
    ["a Symbol", 'throw Symbol("stuck");', "Symbol(stuck)"],
  ])("says what a plugin's activation threw when it is %s, never an internal error", (_, body, said) => {
    withTempDir((dir) => {
      const plugin = stuckPlugin(dir, `export function activate() { ${body} }`);
      const ran = cohesion(["score", athens, "--plugin", plugin, "--model", "acme.median", "--format", "json"]);
      expect(ran.status).toBe(2);
      const problem = envelope(ran.stdout).problems[0];
      expect(problem?.code).toBe("model_unavailable");
      expect(problem?.message).toContain(`could not be activated: Plugin "acme" failed to activate, so its scoringModels are unavailable: ${said}`);
    });
  });

  // Code stuck in a synchronous endless loop blocks the thread: no timer fires, so only the host's watchdog
  // thread can end the command. A hang ends at the spawn's time limit, and fails there.
  const stuck = { env: { COHESION_ACTIVATION_TIMEOUT_MS: "300" }, timeoutMs: 20_000 };
  const stuckMessage = (step: string) =>
    `Plugin "acme" is stuck: ${step} did not finish within 300 ms (an endless loop in its code?). Code stuck in a loop cannot be stopped from outside, so the process was ended: fix the plugin or remove it.`;
  const model = (score: string) =>
    `export function activate(context) { context.register("scoringModels", { id: "acme.median", version: "1.0.0", title: "Median", description: "Stuck.", parameters: { safeParse: (input) => ({ success: true, data: input }) }, score() { ${score} } }); }`;

  it("score ends with plugin_stuck and exit 2, never a hang, when the model's score loops for ever (text and JSON)", () => {
    withTempDir((dir) => {
      const plugin = stuckPlugin(dir, model("while (true) {}"));
      const manifest = join(plugin, "package.json");
      const line = readFileSync(manifest, "utf8").split("\n").findIndex((text) => text.includes('"main": "./main.js"') && text.startsWith("    ")) + 1;
      const argv = ["score", athens, "--plugin", plugin, "--model", "acme.median"];
      const json = cohesion([...argv, "--format", "json"], stuck);
      expect(json.status).toBe(2);
      expect(json.stderr).toBe("");
      const parsed = envelope(json.stdout);
      expect(parsed).toMatchObject({ command: "score", ok: false, exit: 2 });
      expect(parsed.problems).toEqual([
        {
          code: "plugin_stuck",
          severity: "error",
          pointer: "/cohesion/main",
          file: manifest,
          line,
          params: { plugin: "acme", step: 'score() of its scoring model "acme.median"', ms: 300 },
          message: stuckMessage('score() of its scoring model "acme.median"'),
        },
      ]);
      const text = cohesion(argv, stuck);
      expect(text.status).toBe(2);
      expect(text.stdout).toBe("");
      expect(text.stderr).toBe(`${manifest}:${line} /cohesion/main error plugin_stuck: ${stuckMessage('score() of its scoring model "acme.median"')}\n`);
    });
  });

  it("report ends with plugin_stuck when activate loops for ever while the bundled adapters load beside it", () => {
    withTempDir((dir) => {
      const plugin = stuckPlugin(dir, "export function activate() { while (true) {} }");
      const ran = cohesion(["report", athens, "--plugin", plugin, "--model", "acme.median", "--out", join(dir, "report.html"), "--format", "json"], stuck);
      expect(ran.status).toBe(2);
      expect(envelope(ran.stdout).problems.map((p) => [p.code, p.params["step"]])).toEqual([["plugin_stuck", "activate"]]);
      expect(existsSync(join(dir, "report.html"))).toBe(false);
    });
  });

  it("import ends with plugin_stuck when an adapter's read loops for ever", () => {
    withTempDir((dir) => {
      const plugin = stuckPlugin(dir, `export function activate(context) { context.register("adapters", { id: "acme.stuck", title: "Stuck", format: "stuck", mediaType: "text/plain", extensions: [".stuck"], reads: ["assessment"], writes: [], browser: { read: false, write: false }, read() { while (true) {} } }); }`);
      const manifest = join(plugin, "package.json");
      const pkg = JSON.parse(readFileSync(manifest, "utf8")) as { cohesion: { contributes: Record<string, unknown> } };
      pkg.cohesion.contributes["adapters"] = [{ id: "acme.stuck", title: "Stuck", format: "stuck", direction: "import" }];
      writeFileSync(manifest, JSON.stringify(pkg));
      writeFileSync(join(dir, "answers.stuck"), "anything");
      const ran = cohesion(["import", join(dir, "answers.stuck"), "--plugin", plugin], stuck);
      expect(ran.status).toBe(2);
      expect(ran.stderr).toContain(stuckMessage('read() of its adapter "acme.stuck"'));
      expect(hasStackTrace(ran.stdout + ran.stderr)).toBe(false);
    });
  });

  it("takes a plugin time limit longer than a timer holds as no limit, not as one that fires at once", () => {
    const env = { COHESION_ACTIVATION_TIMEOUT_MS: "99999999999999" };
    const scored = cohesion(["score", athens, "--plugin", join(repoRoot, "examples/third-party-plugin"), "--model", "acme.median", "--format", "json"], { env });
    expect(scored.stderr).toBe("");
    expect(scored.status).toBe(0);
    expect((envelope(scored.stdout).result as { model: { id: string } }).model.id).toBe("acme.median");
  });

  it("validate refuses to go on without a --plugin the host refused", () => {
    withTempDir((dir) => {
      // Even when nothing was read that needed the host: an empty input, a missing file.
      for (const argv of [["validate", "-"], ["validate", join(dir, "missing.json")]]) {
        const ran = cohesion([...argv, "--plugin", join(dir, "nothing-here"), "--format", "json"]);
        expect(ran.status).toBe(2);
        expect(envelope(ran.stdout).problems.map((p) => p.code)).toContain("plugin_refused");
      }
      const ran = cohesion(["validate", "examples/valid/scale.json", "--plugin", join(dir, "nothing-here"), "--format", "json"]);
      expect(ran.status).toBe(2);
      expect(envelope(ran.stdout).problems.map((p) => p.code)).toEqual(expect.arrayContaining(["plugin_refused", "plugin_not_found"]));
    });
  });
});

describe("special outputs", () => {
  const athens = "examples/assessments/eurocities-athens-kypseli.json";
  it("writes a report to a device as it is, even with --force, and names the target of a failed write", () => {
    const device = cohesion(["migrate", athens, "--out", "/dev/null", "--force"]);
    expect(device.status).toBe(0);
    const locked = process.getuid?.() === 0 ? "/sys" : "/proc";
    const failed = cohesion(["report", athens, "--out", `${locked}/report.html`, "--format", "json"]);
    expect(failed.status).toBe(2);
    const problem = envelope(failed.stdout).problems[0];
    expect(problem).toMatchObject({ code: "write_failed", params: { file: `${locked}/report.html` } });
    expect(problem?.message).not.toContain(".tmp");
  });

  it("never writes an output over the command's own input, even with --force", () => {
    withTempDir((dir) => {
      const input = join(dir, "athens.json");
      cpSync(join(repoRoot, athens), input);
      const original = readFileSync(input, "utf8");
      const workbook = join(dir, "athens.xlsx");
      expect(cohesion(["export", input, "--to", "xlsx", "--out", workbook]).status).toBe(0);
      for (const argv of [["export", input, "--to", "xlsx", "--out", input], ["import", workbook, "--out", workbook]]) {
        const ran = cohesion([...argv, "--force", "--format", "json"]);
        expect(ran.status).toBe(2);
        expect(envelope(ran.stdout).problems[0]).toMatchObject({ code: "usage_error", message: expect.stringContaining("is also the input — writing it would replace what is being read") });
      }
      expect(readFileSync(input, "utf8")).toBe(original);
      expect(readFileSync(workbook).subarray(0, 2).toString()).toBe("PK");
    });
  });

  it("migrates a file given by a symbolic link in place through the link, which stays a link", () => {
    withTempDir((dir) => {
      const file = join(dir, "place.json");
      writeFileSync(file, JSON.stringify({ ...place, schemaVersion: "1.0" }));
      symlinkSync(file, join(dir, "link.json"));
      expect(cohesion(["migrate", join(dir, "link.json"), "--in-place"]).status).toBe(0);
      expect(lstatSync(join(dir, "link.json")).isSymbolicLink()).toBe(true);
      expect(JSON.parse(readFileSync(file, "utf8"))).toMatchObject({ schemaVersion: "1.2" });
    });
  });

  it("ends quietly when the reader closes the pipe early, as `| head` does", async () => {
    await withTempDirAsync(async (dir) => {
      // Far more than a pipe holds, so the command is still writing when the reader has gone.
      const file = join(dir, "many.ndjson");
      writeFileSync(file, `${'{"kind":"practice","id":"x"}\n'.repeat(20_000)}`);
      const child = spawn(process.execPath, [bin, "validate", file, "--no-integrity"], { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
      child.stdout.destroy();
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
      expect(hasStackTrace(stderr)).toBe(false);
      expect(stderr).not.toContain("EPIPE");
      // The command had finished (invalid documents: 1) or was stopped mid-write (141, as by SIGPIPE).
      expect([1, 141]).toContain(code);
    });
  });
});
