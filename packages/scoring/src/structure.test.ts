import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The package's own modules and the relative imports between them (type-only imports included).
const root = dirname(fileURLToPath(import.meta.url));
const modules = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts")).map((f) => join(root, f));
const importsOf = (file: string): string[] => {
  const text = readFileSync(file, "utf8");
  const found: string[] = [];
  for (const match of text.matchAll(/(?:from|import)\s*["'](\.{1,2}\/[^"']+)["']/g)) {
    const target = resolve(dirname(file), match[1] as string);
    found.push(modules.find((m) => m === `${target}.ts` || m === join(target, "index.ts")) ?? `${target}?`);
  }
  return found;
};
const graph = new Map(modules.map((m) => [m, importsOf(m)]));
const name = (file: string) => relative(root, file);

describe("the package's structure", () => {
  it("resolves every relative import to a module of the package", () => {
    const unresolved = [...graph].flatMap(([from, to]) => to.filter((t) => t.endsWith("?")).map((t) => `${name(from)} → ${name(t)}`));
    expect(unresolved).toEqual([]);
  });

  it("has no import loop", () => {
    const loops: string[] = [];
    const state = new Map<string, "open" | "done">();
    const path: string[] = [];
    const visit = (m: string): void => {
      state.set(m, "open");
      path.push(m);
      for (const next of graph.get(m) ?? []) {
        if (state.get(next) === "open") loops.push([...path.slice(path.indexOf(next)), next].map(name).join(" → "));
        else if (!state.has(next)) visit(next);
      }
      path.pop();
      state.set(m, "done");
    };
    for (const m of modules) if (!state.has(m)) visit(m);
    expect(loops).toEqual([]);
  });

  it("keeps the engine free of the insights: insights read score reports, the engine makes them", () => {
    const crossing = [...graph].flatMap(([from, to]) =>
      name(from).startsWith("engine/") ? to.filter((t) => name(t).startsWith("insights/")).map((t) => `${name(from)} → ${name(t)}`) : [],
    );
    expect(crossing).toEqual([]);
  });
});
