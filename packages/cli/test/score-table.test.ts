import { describe, expect, it } from "vitest";
import { cohesion, envelope } from "./helpers";

const CAPACI = "examples/assessments/inclucities-capaci-city-for-all.json";

describe("cohesion score, text table", () => {
  it("fits 100 columns when not writing to a terminal, and wraps long titles whole rather than cutting them", () => {
    const text = cohesion(["score", CAPACI]);
    expect(text.status).toBe(0);
    const json = envelope<{ overall: { children?: { title?: string; children?: { title?: string }[] }[] } }>(cohesion(["score", CAPACI, "--format", "json"]).stdout);
    const titles = (json.result?.overall.children ?? []).flatMap((s) => [s.title ?? "", ...(s.children ?? []).map((k) => k.title ?? "")]);
    // The benchmark has key factor titles far longer than 100 characters: they wrap.
    expect(Math.max(...titles.map((t) => t.length))).toBeGreaterThan(100);
    const lines = text.stdout.split("\n");
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(100);
    // The table: from its header (the fourth line) to the first empty line.
    const table = lines.slice(4, lines.indexOf("", 4));
    // Every title is in the table word for word, across its lines (the figures follow two spaces).
    const words = table.map((line) => line.trimStart().replace(/\s{2,}.*$/, "")).join(" ");
    for (const title of titles) expect(words).toContain(title.replace(/\s+/g, " "));
  });
});
