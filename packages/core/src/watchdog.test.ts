import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { manifest, makeTemp, modelsFixturePoint as models, removeTemp, writeFile, writePlugin } from "../test/fixtures";
import { createHost } from "./host";

// Code stuck in a loop blocks the thread that runs it, and the host ends the process: each case runs the
// built host in a process of its own, as a program using @cohesion/core would.
const builtCore = fileURLToPath(new URL("../dist/index.js", import.meta.url));

let root: string;
beforeEach(() => {
  root = makeTemp();
});
afterEach(() => removeTemp(root));

function plugin(main: string): string {
  return writePlugin(join(root, "stuck"), manifest("acme", { scoringModels: [{ id: "acme.stuck", title: "Stuck" }] }, { main: "./main.js" }), { "main.js": main });
}

const REGISTER = `context.register("scoringModels", { id: "acme.stuck", version: "1.0.0", title: "x", description: "x", parameters: { safeParse: (i) => ({ success: true, data: i }) }, score: () => { if (globalThis.loop) while (true) {} return {}; } });`;

/** Runs a program that asks a host with a 300 ms limit for acme's model, scores with it and disposes the host. */
function runHost(main: string, options: { onPluginStuck?: boolean | string; loopInScore?: boolean; trusted?: boolean } = {}): { status: number | null; stdout: string; stderr: string; ms: number } {
  const program = join(root, "program.mjs");
  writeFile(
    program,
    `import { createHost } from ${JSON.stringify(builtCore)};
const models = { name: "scoringModels", label: "scoring model", check: (value) => ({ ok: true, value }) };
const host = createHost({ discover: false, points: [models], activationTimeoutMs: 300${
      typeof options.onPluginStuck === "string"
        ? `, onPluginStuck: ${options.onPluginStuck}`
        : options.onPluginStuck
          ? ", onPluginStuck: (problem) => { process.stdout.write(JSON.stringify(problem)); return 9; }"
          : ""
    } });
host.addPlugin(${JSON.stringify(plugin(main))}${options.trusted ? ", { trusted: true }" : ""});
const model = await host.contribution(models, "acme.stuck");
globalThis.loop = ${options.loopInScore === true};
model?.score();
await host.dispose();
process.stdout.write("finished: " + host.plugin("acme").status);
`,
  );
  const started = Date.now();
  const ran = spawnSync(process.execPath, [program], { encoding: "utf8", timeout: 20_000 });
  return { status: ran.status, stdout: ran.stdout, stderr: ran.stderr, ms: Date.now() - started };
}

describe.runIf(existsSync(builtCore))("plugin code stuck in a synchronous endless loop (the built host, in a process of its own)", () => {
  it.each([
    ["activate loops for ever", `export function activate() { while (true) {} }`, "activate"],
    ["the main module's top-level code loops for ever", `while (true) {}\nexport function activate() {}`, "loading its main module"],
    ["activate loops for ever after an await", `export async function activate() { await null; while (true) {} }`, "activate"],
    ["deactivate loops for ever", `export function activate(context) { ${REGISTER} }\nexport function deactivate() { while (true) {} }`, "deactivate"],
    ["a subscription's dispose loops for ever", `export function activate(context) { ${REGISTER} context.subscriptions.push({ dispose() { while (true) {} } }); }`, "dispose() of one of its subscriptions"],
  ])("%s: the process ends with exit code 70 and the problem names the plugin and the step", (_, main, step) => {
    const ran = runHost(main);
    expect(ran.status).toBe(70);
    expect(ran.stderr).toBe(`Plugin "acme" is stuck: ${step} did not finish within 300 ms (an endless loop in its code?). Code stuck in a loop cannot be stopped from outside, so the process was ended: fix the plugin or remove it.\n`);
    expect(ran.stdout).not.toContain("finished");
  });

  it("a contribution's function that loops for ever: onPluginStuck gets the problem and chooses the exit code", () => {
    const ran = runHost(`export function activate(context) { ${REGISTER} }`, { onPluginStuck: true, loopInScore: true });
    expect(ran.status).toBe(9);
    expect(ran.stderr).toBe("");
    const file = join(root, "stuck", "package.json");
    expect(JSON.parse(ran.stdout)).toEqual({
      code: "plugin_stuck",
      severity: "error",
      pointer: "/cohesion/main",
      file,
      line: readFileSync(file, "utf8").split("\n").findIndex((line) => line.includes('"main": "./main.js"')) + 1,
      params: { plugin: "acme", step: 'score() of its scoring model "acme.stuck"', ms: 300 },
      message: expect.stringMatching(/^Plugin "acme" is stuck: score\(\) of its scoring model "acme.stuck" did not finish within 300 ms/),
    });
  });

  it.each([
    ["throws", '() => { throw new Error("handler broke"); }', true],
    ["answers no exit code", '() => "nine"', false],
    ["answers a code out of range", "() => 300", false],
  ])("an onPluginStuck that %s still ends the process, with exit code 70", (_, handler, reported) => {
    const ran = runHost(`export function activate(context) { ${REGISTER} }`, { onPluginStuck: handler as string, loopInScore: true });
    expect(ran.status).toBe(70);
    expect(ran.stdout).not.toContain("finished");
    // A handler that threw may have said nothing: the default report says it then.
    if (reported) expect(ran.stderr).toMatch(/^Plugin "acme" is stuck: score\(\) of its scoring model "acme.stuck"/);
    else expect(ran.stderr).toBe("");
  });

  it("a plugin that is slow to settle but never stuck runs to the end, and the watchdog does not keep the process alive", () => {
    const ran = runHost(`export async function activate(context) { await new Promise((r) => setTimeout(r, 500)); ${REGISTER} }`);
    expect(ran).toMatchObject({ status: 0, stderr: "", stdout: "finished: failed" });
    const fine = runHost(`export function activate(context) { ${REGISTER} }`);
    expect(fine).toMatchObject({ status: 0, stderr: "", stdout: "finished: deactivated" });
  });
  it("a trusted plugin's long synchronous call is work and runs to the end, where an untrusted plugin's is stuck", () => {
    // score() works for 900 ms against a 300 ms limit, as an export of a large workbook may.
    const slow = `export function activate(context) { context.register("scoringModels", { id: "acme.stuck", version: "1.0.0", title: "x", description: "x", parameters: { safeParse: (i) => ({ success: true, data: i }) }, score: () => { const end = Date.now() + 900; while (Date.now() < end) {} return {}; } }); }`;
    expect(runHost(slow, { trusted: true })).toMatchObject({ status: 0, stderr: "", stdout: "finished: deactivated" });
    expect(runHost(slow)).toMatchObject({ status: 70, stderr: expect.stringContaining('Plugin "acme" is stuck: score() of its scoring model "acme.stuck"') });
  });
});

describe("the contributions a host hands out when plugin code is timed", () => {
  it("keep their fields, keys, prototype methods and private state", async () => {
    const main = `class Model {
  #calls = 0;
  id = "acme.stuck"; version = "1.0.0"; title = "x"; description = "x";
  parameters = { safeParse: (i) => ({ success: true, data: i }) };
  score() { this.#calls += 1; return { calls: this.#calls, self: this instanceof Model }; }
}
export function activate(context) { context.register("scoringModels", new Model()); }`;
    const host = createHost({ cwd: root, discover: false, points: [models], activationTimeoutMs: 300 });
    host.addPlugin(plugin(main));
    const model = (await host.contribution(models, "acme.stuck")) as unknown as { score(): unknown; id: string };
    expect(model.id).toBe("acme.stuck");
    expect(Object.keys(model)).toEqual(["id", "version", "title", "description", "parameters"]);
    expect(model.score()).toEqual({ calls: 1, self: true });
    expect(model.score()).toEqual({ calls: 2, self: true });
    expect(host.plugin("acme")?.problems).toEqual([]);
    await host.dispose();
  });
});
