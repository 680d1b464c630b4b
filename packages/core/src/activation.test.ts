import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { adaptersFixturePoint, manifest, makeTemp, modelsFixturePoint as models, removeTemp, writePlugin } from "../test/fixtures";
import { createHost } from "./host";

let root: string;
beforeEach(() => {
  root = makeTemp();
});
afterEach(() => removeTemp(root));

type Probe = { imports: number; activations: number; deactivations: number; handles: Array<{ dispose(): void }> };
const probes = globalThis as unknown as { __coreFixtures?: Record<string, Probe> };
const probe = (key: string): Probe | undefined => probes.__coreFixtures?.[key];

// A main module that counts its imports, activations and deactivations under `key`, then runs `body`.
function mainModule(key: string, body: string): string {
  return `
const fixtures = (globalThis.__coreFixtures ??= {});
const probe = (fixtures[${JSON.stringify(key)}] = { imports: 1, activations: 0, deactivations: 0, handles: [] });
const parameters = { safeParse: (input) => ({ success: true, data: input }) };
const model = (id) => ({ id, version: "1.0.0", title: id, description: "Fixture model.", parameters, score: () => ({ id }) });
export async function activate(context) {
  probe.activations++;
  ${body}
}
export function deactivate() {
  probe.deactivations++;
}
`;
}

function behaviourPlugin(key: string, body: string, contributes: Record<string, unknown> = { scoringModels: [{ id: "acme.first", title: "First" }] }, id = "acme"): string {
  return writePlugin(join(root, key), manifest(id, contributes, { main: "./main.js" }), { "main.js": mainModule(key, body) });
}

const host = () => createHost({ cwd: root, discover: false, points: [models, adaptersFixturePoint] });
const codes = (problems: ReadonlyArray<{ code: string }>): string[] => problems.map((problem) => problem.code);

describe("lazy activation", () => {
  it("does not import main before a declared contribution is first needed, then imports it once", async () => {
    const key = `lazy-${Date.now()}`;
    const folder = behaviourPlugin(key, 'probe.handles.push(context.register("scoringModels", model("acme.first")));');
    const h = host();
    const info = h.addPlugin(folder);
    expect(info.status).toBe("loaded");
    expect(h.declared("scoringModels")).toContainEqual({ id: "acme.first", title: "First", plugin: "acme" });
    expect(probe(key)).toBeUndefined();

    const [first, second] = await Promise.all([h.contribution(models, "acme.first"), h.contribution(models, "acme.first")]);
    expect(first?.id).toBe("acme.first");
    expect(second).toBe(first);
    expect(await h.contribution(models, "acme.first")).toBe(first);
    expect(probe(key)).toMatchObject({ imports: 1, activations: 1 });
    expect(h.plugin("acme")?.status).toBe("active");
    expect(h.report().errors).toEqual([]);
  });

  it("answers undefined for an id nobody declares, without activating anything", async () => {
    const key = `nobody-${Date.now()}`;
    const h = host();
    h.addPlugin(behaviourPlugin(key, ""));
    expect(await h.contribution(models, "acme.unknown")).toBeUndefined();
    expect(probe(key)).toBeUndefined();
  });

  it("serves adapters the same way", async () => {
    const key = `adapter-${Date.now()}`;
    const folder = behaviourPlugin(key, 'context.register("adapters", { id: "acme.csv", format: "csv" });', {
      adapters: [{ id: "acme.csv", title: "CSV", format: "csv", direction: "export" }],
    });
    const h = host();
    h.addPlugin(folder);
    expect(probe(key)).toBeUndefined();
    expect(await h.contribution(adaptersFixturePoint, "acme.csv")).toEqual({ id: "acme.csv", format: "csv" });
    expect(h.declared(adaptersFixturePoint).map((adapter) => adapter.id)).toEqual(["acme.csv"]);
  });

  it("registers a point's built-in contributions through the same registry, as plugin cohesion", async () => {
    const h = host();
    const model = await h.contribution(models, "cohesion.weighted-mean");
    expect(model?.id).toBe("cohesion.weighted-mean");
    expect(h.declared("scoringModels").filter((entry) => entry.plugin === "cohesion").map((entry) => entry.id)).toEqual(
      ["cohesion.weighted-mean"],
    );
  });
});

describe("what activate may register", () => {
  it("undeclared_contribution for an id the manifest does not declare; declared ones still work", async () => {
    const key = `undeclared-${Date.now()}`;
    const folder = behaviourPlugin(key, 'context.register("scoringModels", model("acme.secret")); context.register("scoringModels", model("acme.first"));');
    const h = host();
    h.addPlugin(folder);
    expect((await h.contribution(models, "acme.first"))?.id).toBe("acme.first");
    expect(await h.contribution(models, "acme.secret")).toBeUndefined();
    const problems = h.plugin("acme")?.problems ?? [];
    expect(codes(problems)).toEqual(["undeclared_contribution"]);
    expect(problems[0]?.params).toMatchObject({ plugin: "acme", id: "acme.secret", point: "scoringModels" });
  });

  it("invalid_contribution for a model without a score function, already_registered for a second registration", async () => {
    const key = `invalid-${Date.now()}`;
    const folder = behaviourPlugin(
      key,
      'context.register("scoringModels", { id: "acme.first" }); context.register("scoringModels", null); context.register("scoringModels", model("acme.first")); context.register("scoringModels", model("acme.first"));',
    );
    const h = host();
    h.addPlugin(folder);
    expect((await h.contribution(models, "acme.first"))?.id).toBe("acme.first");
    expect(codes(h.plugin("acme")?.problems ?? [])).toEqual(["invalid_contribution", "invalid_contribution", "already_registered"]);
  });

  it("invalid_contribution carries the scoring registry's reason for a malformed model", async () => {
    const key = `malformed-${Date.now()}`;
    const h = host();
    h.addPlugin(behaviourPlugin(key, 'context.register("scoringModels", { ...model("acme.first"), version: "one" });'));
    expect(await h.contribution(models, "acme.first")).toBeUndefined();
    const problems = h.plugin("acme")?.problems ?? [];
    expect(codes(problems)).toEqual(["invalid_contribution", "contribution_not_registered"]);
    expect(problems[0]?.message).toContain("MAJOR.MINOR.PATCH");
  });

  it("lists registered contributions: built-in ones at once, plugin ones once activated", async () => {
    const key = `listed-${Date.now()}`;
    const h = host();
    h.addPlugin(behaviourPlugin(key, 'context.register("scoringModels", model("acme.first"));'));
    const builtins = h.contributions(models).map((entry) => entry.id);
    expect(builtins).toEqual(["cohesion.weighted-mean"]);
    expect(builtins).not.toContain("acme.first");
    await h.contribution(models, "acme.first");
    expect(h.contributions(models).map((entry) => entry.id)).toContain("acme.first");
  });

  it("unknown_extension_point for a point the host was not given; a check that throws is invalid_contribution", async () => {
    const key = `points-${Date.now()}`;
    const throwing = { name: "adapters", label: "adapter", check: () => { throw new Error("read is missing"); } };
    const folder = behaviourPlugin(key, 'context.register("nowhere", model("acme.first")); context.register({ name: "adapters" }, { id: "acme.hello" });', {
      adapters: [{ id: "acme.hello", title: "Hello", format: "txt", direction: "export" }],
    });
    const h = createHost({ cwd: root, discover: false, points: [throwing] });
    h.addPlugin(folder);
    expect(h.declared("adapters").map((entry) => entry.id)).toEqual(["acme.hello"]);
    expect(await h.contribution(throwing, "acme.hello")).toBeUndefined();
    const problems = h.plugin("acme")?.problems ?? [];
    expect(codes(problems)).toEqual(["unknown_extension_point", "invalid_contribution", "contribution_not_registered"]);
    expect(problems[0]?.message).toContain("nowhere");
    expect(problems[1]?.message).toContain("read is missing");
  });

  it("contribution_not_registered when activate registers nothing for a declared id", async () => {
    const key = `silent-${Date.now()}`;
    const h = host();
    h.addPlugin(behaviourPlugin(key, ""));
    expect(await h.contribution(models, "acme.first")).toBeUndefined();
    expect(await h.contribution(models, "acme.first")).toBeUndefined();
    expect(codes(h.plugin("acme")?.problems ?? [])).toEqual(["contribution_not_registered"]);
  });

  it("declared ids are namespaced and unique across plugins", () => {
    const h = host();
    h.addPlugin(behaviourPlugin(`owner-${Date.now()}`, ""));
    const info = h.addPlugin(behaviourPlugin(`other-${Date.now()}`, "", { scoringModels: [{ id: "acme.first", title: "Copy" }] }, "other"));
    expect(codes(info.problems)).toEqual(["id_not_namespaced", "duplicate_contribution"]);
    expect(info.problems[1]?.params).toMatchObject({ firstPlugin: "acme", secondPlugin: "other", id: "acme.first" });
    expect(info.contributions).toEqual({});
  });
});

describe("activation failures are reported, not thrown", () => {
  it.each([
    ["activate throws", 'throw new Error("database unreachable");', "database unreachable"],
    ["activate rejects", 'await Promise.reject(new TypeError("bad input"));', "bad input"],
  ])("activation_failed when %s", async (_label, body, reason) => {
    const key = `fails-${Date.now()}-${reason.length}`;
    const h = host();
    h.addPlugin(behaviourPlugin(key, body));
    await expect(h.contribution(models, "acme.first")).resolves.toBeUndefined();
    const info = h.plugin("acme");
    expect(info?.status).toBe("failed");
    expect(info?.problems[0]).toMatchObject({ code: "activation_failed", params: { plugin: "acme" } });
    expect(info?.problems[0]?.message).toContain(reason);
    expect(info?.problems[0]?.message).toContain('"acme"');
    expect(h.report().valid).toBe(false);
  });

  it("accepts a main module whose default export carries activate", async () => {
    const folder = writePlugin(join(root, "defaulted"), manifest("defaulted", { adapters: [{ id: "defaulted.csv", title: "CSV", format: "csv", direction: "both" }] }, { main: "main.mjs" }), {
      "main.mjs": 'export default { activate(context) { context.register("adapters", { id: "defaulted.csv" }); } };',
    });
    const h = host();
    h.addPlugin(folder);
    expect(await h.contribution(adaptersFixturePoint, "defaulted.csv")).toEqual({ id: "defaulted.csv" });
    expect(h.plugin("defaulted")?.status).toBe("active");
  });

  it("activation_failed when main does not parse or exports no activate", async () => {
    const broken = writePlugin(join(root, "broken"), manifest("broken", { scoringModels: [{ id: "broken.x", title: "X" }] }, { main: "main.js" }), {
      "main.js": "export function activate( {",
    });
    const empty = writePlugin(join(root, "empty"), manifest("empty", { scoringModels: [{ id: "empty.x", title: "X" }] }, { main: "main.js" }), {
      "main.js": "export const nothing = 1;",
    });
    const h = host();
    h.addPlugin(broken);
    h.addPlugin(empty);
    expect(await h.contribution(models, "broken.x")).toBeUndefined();
    expect(await h.contribution(models, "empty.x")).toBeUndefined();
    expect(codes(h.plugin("broken")?.problems ?? [])).toEqual(["activation_failed"]);
    expect(h.plugin("empty")?.problems[0]?.message).toContain("exports no activate function");
  });

  it("missing_main, main_not_found and main_outside_plugin are found when the plugin loads", () => {
    const models = { scoringModels: [{ id: "nomain.x", title: "X" }] };
    const h = host();
    expect(codes(h.addPlugin(writePlugin(join(root, "nomain"), manifest("nomain", models))).problems)).toEqual(["missing_main"]);
    const missing = h.addPlugin(writePlugin(join(root, "gone"), manifest("gone", {}, { main: "./dist/main.js" })));
    expect(missing.problems[0]).toMatchObject({ code: "main_not_found", pointer: "/cohesion/main" });
    const outside = h.addPlugin(writePlugin(join(root, "escape"), manifest("escape", {}, { main: "../gone/package.json" })));
    expect(codes(outside.problems)).toEqual(["main_outside_plugin"]);
  });
});

describe("disposal", () => {
  it("disposing a registration removes it", async () => {
    const key = `dispose-${Date.now()}`;
    const h = host();
    h.addPlugin(behaviourPlugin(key, 'probe.handles.push(context.register("scoringModels", model("acme.first")));'));
    expect(await h.contribution(models, "acme.first")).toBeDefined();
    probe(key)?.handles[0]?.dispose();
    expect(await h.contribution(models, "acme.first")).toBeUndefined();
    expect(h.plugin("acme")?.problems).toEqual([]);
  });

  it("host.dispose() disposes every registration and subscription and deactivates active plugins", async () => {
    const key = `host-dispose-${Date.now()}`;
    const h = host();
    h.addPlugin(
      behaviourPlugin(
        key,
        'context.subscriptions.push(context.register("scoringModels", model("acme.first")), { dispose: () => { probe.subscriptionDisposed = true; } });',
      ),
    );
    expect(await h.contribution(models, "acme.first")).toBeDefined();
    await h.dispose();
    expect(probe(key)).toMatchObject({ deactivations: 1, subscriptionDisposed: true });
    expect(h.plugin("acme")?.status).toBe("deactivated");
    expect(await h.contribution(models, "acme.first")).toBeUndefined();
    expect(await h.contribution(models, "cohesion.weighted-mean")).toBeUndefined();
    await h.dispose();
    expect(probe(key)?.deactivations).toBe(1);
  });
});
