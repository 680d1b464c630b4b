import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { manifest, makeTemp, modelsFixturePoint as models, removeTemp, writePlugin } from "../test/fixtures";
import { createHost } from "./host";

let root: string;
beforeEach(() => {
  root = makeTemp();
});
afterEach(() => removeTemp(root));

function plugin(name: string, main: string): string {
  return writePlugin(join(root, name), manifest("acme", { scoringModels: [{ id: "acme.never", title: "Never" }] }, { main: "./main.js" }), { "main.js": main });
}

describe("an activation that never settles", () => {
  it.each([
    ["activate returns a promise that never settles", "export function activate() { return new Promise(() => {}); }"],
    ["activate waits on a timer that keeps firing", "export function activate() { setInterval(() => {}, 1000).unref(); return new Promise(() => {}); }"],
    ["the main module never finishes loading", "await new Promise(() => {}); export function activate() {}"],
  ])("%s: scoringModel settles with undefined and the plugin is marked failed", async (_, main) => {
    const host = createHost({ cwd: root, discover: false, points: [models], activationTimeoutMs: 100 });
    host.addPlugin(plugin("never", main));
    await expect(host.contribution(models, "acme.never")).resolves.toBeUndefined();
    const info = host.plugin("acme");
    expect(info?.status).toBe("failed");
    expect(info?.problems.find((p) => p.code === "activation_failed")?.message).toMatch(/did not finish within 100 ms/);
    await host.dispose();
  });

  it("a deactivate that never settles does not hold up dispose", async () => {
    const host = createHost({ cwd: root, discover: false, points: [models], activationTimeoutMs: 100 });
    host.addPlugin(plugin("stuck", 'export function activate(c) { c.register("scoringModels", { id: "acme.never", version: "1.0.0", title: "x", description: "x", parameters: { safeParse: (i) => ({ success: true, data: i }) }, score: () => ({}) }); } export function deactivate() { return new Promise(() => {}); }'));
    await host.contribution(models, "acme.never");
    await host.dispose();
    expect(host.plugin("acme")?.problems.map((p) => p.code)).toContain("deactivation_failed");
  });
});

describe("the plugin time limit", () => {
  const slow = 'export async function activate(c) { await new Promise((r) => setTimeout(r, 30)); c.register("scoringModels", { id: "acme.never", version: "1.0.0", title: "x", description: "x", parameters: { safeParse: (i) => ({ success: true, data: i }) }, score: () => ({}) }); }';

  it.each([Infinity, 2 ** 40, 99_999_999_999_999])("a limit longer than a timer holds (%s ms) is as good as none, never one that fires at once", async (limit) => {
    const host = createHost({ cwd: root, discover: false, points: [models], activationTimeoutMs: limit });
    host.addPlugin(plugin("slow", slow));
    expect(await host.contribution(models, "acme.never")).toMatchObject({ id: "acme.never" });
    expect(host.plugin("acme")?.status).toBe("active");
    await host.dispose();
  });

  it.each([0, -5, NaN, "10" as unknown as number])("a limit that is not a positive number (%s) is the default", async (limit) => {
    const host = createHost({ cwd: root, discover: false, points: [models], activationTimeoutMs: limit });
    host.addPlugin(plugin("slow", slow));
    expect(await host.contribution(models, "acme.never")).toMatchObject({ id: "acme.never" });
    await host.dispose();
  });
});
