import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { run } from "../main";
import { EXIT, UsageError } from "../io";
import { createColour } from "./colour";
import type { CommandSpec } from "./command";

async function capture(argv: string[], commands: readonly CommandSpec[]) {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, stdin: Readable.from([]), cwd: process.cwd(), env: {} }, { commands });
  return { code, stdout, stderr };
}

// A command defined only by its spec and outcome gets parsing, help and the envelope from the framework.
const greet: CommandSpec = {
  name: "greet twice",
  summary: "say hello",
  usage: ["<name>"],
  description: "Says hello.",
  options: { loud: { type: "boolean", description: "shout" } },
  load: async () => ({
    run: async (context) => {
      const [name] = context.args.positionals;
      if (!name) throw new UsageError("greet twice needs a name");
      if (name === "boom") throw new Error("exploded");
      const text = context.flag("loud") ? `HELLO ${name.toUpperCase()}` : `hello ${name}`;
      return { exit: EXIT.ok, result: { text }, text: `${text}\n`, problems: [{ code: "greeted", severity: "info", pointer: "", message: "greeted", params: {} }] };
    },
  }),
};

describe("the command framework", () => {
  it("gives a new command the JSON envelope, help and option parsing by construction", async () => {
    const text = await capture(["greet", "twice", "Ada", "--loud"], [greet]);
    expect(text).toMatchObject({ code: 0, stdout: "HELLO ADA\n", stderr: "cohesion: greeted\n" });
    const json = await capture(["greet", "twice", "Ada", "--format", "json"], [greet]);
    expect(JSON.parse(json.stdout)).toEqual({ command: "greet twice", ok: true, exit: 0, problems: [{ code: "greeted", severity: "info", pointer: "", message: "greeted", params: {} }], result: { text: "hello Ada" } });
    const help = await capture(["greet", "twice", "-h"], [greet]);
    expect(help.stdout).toContain("--loud");
    const typo = await capture(["greet", "twice", "Ada", "--lodu", "--format=json"], [greet]);
    expect(typo.code).toBe(2);
    expect(JSON.parse(typo.stdout)).toMatchObject({ ok: false, exit: 2, problems: [{ code: "usage_error", message: expect.stringContaining("did you mean --loud?") }] });
  });

  it("turns a usage error or an unexpected throw into a problem, never a stack trace", async () => {
    const usage = await capture(["greet", "twice", "--format", "json"], [greet]);
    expect(JSON.parse(usage.stdout)).toMatchObject({ ok: false, exit: 2, problems: [{ code: "usage_error", message: "greet twice needs a name" }] });
    // A usage error without a hint of its own points to the help of the command that was run.
    expect(JSON.parse(usage.stdout).problems[0].params.hint).toBe("run `cohesion greet twice --help` for usage");
    const thrown = await capture(["greet", "twice", "boom"], [greet]);
    expect(thrown.code).toBe(2);
    expect(thrown.stderr).toContain("internal error: exploded");
  });
});

describe("createColour", () => {
  it("follows NO_COLOR, then FORCE_COLOR, then whether the stream is a terminal", () => {
    expect(createColour({ isTTY: true }, {}).enabled).toBe(true);
    expect(createColour({ isTTY: false }, {}).enabled).toBe(false);
    expect(createColour({ isTTY: true }, { TERM: "dumb" }).enabled).toBe(false);
    expect(createColour({ isTTY: true }, { NO_COLOR: "1" }).enabled).toBe(false);
    expect(createColour({ isTTY: false }, { FORCE_COLOR: "1" }).enabled).toBe(true);
    expect(createColour({ isTTY: true }, { FORCE_COLOR: "0" }).enabled).toBe(false);
    expect(createColour({ isTTY: false }, { FORCE_COLOR: "1" }).red("x")).toBe("\u001b[31mx\u001b[39m");
  });
});
