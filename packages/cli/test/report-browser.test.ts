import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cohesion, envelope, repoRoot, withTempDirAsync } from "./helpers";

const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
const athens = "examples/assessments/eurocities-athens-kypseli.json";

let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is needed at ${CHROMIUM} (Debian package "chromium"; .ci/run installs it)`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});

afterAll(async () => {
  await browser?.close();
});

describe("the HTML report in a browser", () => {
  it("renders its charts with the expected elements, makes no request and logs no error", async () => {
    await withTempDirAsync(async (dir) => {
      const out = join(dir, "report.html");
      const ran = cohesion(["report", athens, "--peers", "examples/assessments", "--out", out]);
      expect(ran.status).toBe(0);
      const benchmark = JSON.parse(readFileSync(join(repoRoot, "packages/plugin-eurocities/content/benchmark.json"), "utf8")) as { sections: { keyFactors: unknown[] }[] };
      const keyFactors = benchmark.sections.reduce((n, s) => n + s.keyFactors.length, 0);

      const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
      const problems: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") problems.push(message.text());
      });
      page.on("pageerror", (error) => problems.push(error.message));
      page.on("request", (request) => {
        if (!request.url().startsWith("file:")) problems.push(`request to ${request.url()}`);
      });
      await page.goto(pathToFileURL(out).href);

      const radar = page.locator("svg.radar");
      await expect.poll(() => radar.count()).toBe(1);
      expect(await radar.locator("line.axis").count()).toBe(keyFactors);
      expect(await radar.locator('polygon[data-series="subject"]').count()).toBe(1);
      expect(await radar.locator('polygon[data-series="peers"]').count()).toBe(1);
      const box = await radar.boundingBox();
      expect(box?.width).toBeGreaterThan(200);

      const gaps = envelope<{ gaps?: unknown[] }>(cohesion(["score", athens, "--format", "json"]).stdout).result ?? {};
      expect(await page.locator("svg.gaps rect.bar-score").count()).toBe(gaps.gaps?.length ?? 0);
      expect(await page.locator("details.trace").count()).toBe(keyFactors);
      expect(await page.locator("ol.mentors li").count()).toBeGreaterThan(0);

      const shots = join(repoRoot, "out", "screenshots");
      mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: join(shots, "report.png"), fullPage: false });
      await page.emulateMedia({ media: "print" });
      await page.screenshot({ path: join(shots, "report-print.png"), fullPage: false });
      expect(existsSync(join(shots, "report.png"))).toBe(true);
      expect(problems).toEqual([]);
      await page.close();
    });
  });
});
