import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../src/commands/index";
import { optionsOf, parseCommandArgs } from "../src/framework/args";
import { UsageError } from "../src/io";
import { cohesion, envelope, hasStackTrace } from "./helpers";

// Every option of every command, as the framework parses it.
const cases = COMMANDS.flatMap((spec) => Object.entries(optionsOf(spec)).map(([name, option]) => ({ spec, name, option })));
const valued = cases.filter((c) => c.option.type === "string");
const switches = cases.filter((c) => c.option.type === "boolean");

async function refusal(promise: Promise<unknown>): Promise<UsageError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(UsageError);
  return error as UsageError;
}

describe("options given wrongly, on every command", () => {
  it.each(valued.map((c) => [`${c.spec.name} --${c.name}`, c] as const))("%s without a value is named, with the value it needs", async (_, { spec, name, option }) => {
    const error = await refusal(parseCommandArgs(spec, [`--${name}`]));
    expect(error.message).toBe(`--${name} needs a value: --${name} <${option.value ?? "value"}>`);
  });

  it.each(valued.filter((c) => !c.option.multiple).map((c) => [`${c.spec.name} --${c.name}`, c] as const))("%s given twice with different values is refused, never one of them silently", async (_, { spec, name }) => {
    const error = await refusal(parseCommandArgs(spec, [`--${name}`, "one", `--${name}=two`]));
    expect(error.message).toContain(`--${name} is given more than once ("one" and "two")`);
    await expect(parseCommandArgs(spec, [`--${name}`, "same", `--${name}`, "same"])).resolves.toBeDefined();
  });

  it.each(switches.map((c) => [`${c.spec.name} --${c.name}`, c] as const))("%s=value is refused: it is a switch", async (_, { spec, name }) => {
    const error = await refusal(parseCommandArgs(spec, [`--${name}=yes`]));
    expect(error.message).toBe(`--${name} is a switch and takes no value — remove "=yes"`);
  });

  it("any argument list either parses or is a usage error, whatever its shape", async () => {
    const spec = COMMANDS.find((s) => s.name === "score")!;
    const word = fc.oneof(fc.constantFrom("--target", "--model", "--param", "--format", "--help", "-h", "--", "-", "--peers=", "--target=-5", "-5", "--x"), fc.string({ maxLength: 6 }));
    await fc.assert(
      fc.asyncProperty(fc.array(word, { maxLength: 6 }), async (args) => {
        const outcome = await parseCommandArgs(spec, args).then(() => undefined, (e: unknown) => e);
        if (outcome !== undefined) expect(outcome).toBeInstanceOf(UsageError);
      }),
      { numRuns: 300 },
    );
  });
});

describe("options given wrongly, through the built command", () => {
  it("answers in its own words: a value that reads as an option, a missing value, a repeat, help on an unknown command", () => {
    const athens = "examples/assessments/eurocities-athens-kypseli.json";
    const runs: [string[], string][] = [
      [["score", athens, "--target", "-5"], 'the next argument "-5" reads as an option; give the value as --target=-5'],
      [["validate", athens, "--format"], "--format needs a value: --format <format>"],
      [["report", athens, "-o"], "-o (--out) needs a value: --out <file>"],
      [["score", athens, "--target", "50", "--target", "60"], '--target is given more than once ("50" and "60")'],
      [["help", "valdate"], 'unknown command "valdate" (did you mean "validate"?)'],
    ];
    for (const [argv, message] of runs) {
      const text = cohesion(argv);
      expect(text.status).toBe(2);
      expect(text.stdout).toBe("");
      expect(text.stderr).toContain(message);
      expect(text.stderr).not.toMatch(/ambiguous|argument missing|Did you forget/);
      expect(hasStackTrace(text.stderr)).toBe(false);
      const json = cohesion(argv[0] === "help" ? [...argv, "--format", "json"] : [argv[0] as string, "--format", "json", ...argv.slice(1)]);
      expect(json.status).toBe(2);
      expect(envelope(json.stdout)).toMatchObject({ ok: false, exit: 2, problems: [{ code: "usage_error", message: expect.stringContaining(message) }] });
    }
  });
});

describe("values that do not fit what they make", () => {
  it("names --city when the assessment made from it would break the schema's limits", () => {
    const ran = cohesion(["init", "assessment", "--benchmark", "eurocities.neighbourhood-participation", "--city", "x".repeat(3000), "--format", "json"]);
    expect(ran.status).toBe(2);
    const [problem] = envelope(ran.stdout).problems;
    expect(problem).toMatchObject({ code: "usage_error", message: expect.stringMatching(/^--city \(3000 characters\) does not fit the assessment made from it: .*too_long|^--city \(3000 characters\) does not fit the assessment made from it: .*more than the 500 allowed/) });
  });
});

describe("help and the version with --format json", () => {
  it("come in the envelope, as every command's answer does", () => {
    const runs: [string[], string, string][] = [
      [["-V", "--format", "json"], "version", "version"],
      [["--help", "--format=json"], "help", "help"],
      [["help", "--format", "json", "validate"], "validate", "help"],
      [["score", "--help", "--format", "json"], "score", "help"],
    ];
    for (const [argv, command, key] of runs) {
      const ran = cohesion(argv);
      expect(ran.status).toBe(0);
      const parsed = envelope<Record<string, string>>(ran.stdout);
      expect(parsed).toMatchObject({ command, ok: true, exit: 0, problems: [] });
      expect(parsed.result?.[key]).toEqual(expect.any(String));
    }
    expect(cohesion(["-V"]).stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});
