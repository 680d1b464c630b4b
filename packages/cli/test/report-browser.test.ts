// The HTML report as people see it: a full, a half-filled and an illustrative assessment, each at a
// desktop width (1280 px) and a phone width (390 px) in headless Chromium. Each page must fit its width,
// show every chart label whole, pass axe-core without serious or critical violations, and make no
// request. Screenshots are kept in out/screenshots for a person to look at.
import { createRequire } from "node:module";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cohesion, envelope, fillHalf, repoRoot, withTempDirAsync } from "./helpers";

const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
const ATHENS = join(repoRoot, "examples/assessments/eurocities-athens-kypseli.json");
const SHOTS = join(repoRoot, "out", "screenshots");
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const WIDTHS = [1280, 390] as const;

let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is needed at ${CHROMIUM} (Debian package "chromium"; .ci/run installs it)`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

/** The three assessments, written into `dir`: returns their files by name. */
function assessments(dir: string): Record<"full" | "half" | "illustrative", string> {
  const athens = JSON.parse(readFileSync(ATHENS, "utf8")) as Record<string, unknown>;
  const full = { ...athens, id: "local.athens-full", illustrative: false };
  writeFileSync(join(dir, "full.json"), JSON.stringify(full));
  const half = join(dir, "half.json");
  expect(cohesion(["init", "assessment", "--benchmark", "eurocities.neighbourhood-participation", "--city", "Ghent", "--country", "BE", "--out", half]).status).toBe(0);
  const blank = JSON.parse(readFileSync(half, "utf8")) as { answers: Record<string, Record<string, unknown>> };
  fillHalf(blank, ["partial", "planned", "substantial", "none", "full"]);
  writeFileSync(half, JSON.stringify(blank));
  return { full: join(dir, "full.json"), half, illustrative: ATHENS };
}

/** Elements whose box reaches past the page's right edge, and the page's horizontal overflow. */
async function overflow(page: Page): Promise<{ scrollWidth: number; width: number; offenders: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const offenders: string[] = [];
    for (const element of Array.from(document.body.querySelectorAll("*"))) {
      const box = element.getBoundingClientRect();
      if (box.width > 0 && (box.right > width + 0.5 || box.left < -0.5)) offenders.push(`${element.tagName.toLowerCase()}.${element.getAttribute("class") ?? ""} ${Math.round(box.left)}–${Math.round(box.right)}`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, width, offenders: offenders.slice(0, 10) };
  });
}

/** Chart labels cut off: SVG text outside its drawing, HTML labels wider than their box. */
async function clippedLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const clipped: string[] = [];
    for (const svg of Array.from(document.querySelectorAll("svg"))) {
      const frame = svg.getBoundingClientRect();
      for (const text of Array.from(svg.querySelectorAll("text"))) {
        const box = text.getBoundingClientRect();
        if (box.left < frame.left - 0.5 || box.right > frame.right + 0.5 || box.top < frame.top - 0.5 || box.bottom > frame.bottom + 0.5) clipped.push(`svg text "${text.textContent ?? ""}"`);
      }
    }
    for (const label of Array.from(document.querySelectorAll(".gap-label, .kf-title, summary, .q-text"))) {
      if (label.scrollWidth > label.clientWidth + 1) clipped.push(`label "${label.textContent ?? ""}"`);
    }
    return clipped;
  });
}

/** Text too small to read once a phone shrinks the charts. */
async function smallestChartText(page: Page): Promise<number> {
  return page.evaluate(() => {
    let smallest = Infinity;
    for (const text of Array.from(document.querySelectorAll("svg text"))) {
      const height = text.getBoundingClientRect().height;
      if (height > 0) smallest = Math.min(smallest, height);
    }
    return smallest;
  });
}

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

describe("the HTML report in a browser", () => {
  it("fits 1280 and 390 px, clips no label, passes axe-core and makes no request, for full, half-filled and illustrative assessments", async () => {
    await withTempDirAsync(async (dir) => {
      for (const [name, file] of Object.entries(assessments(dir))) {
        const out = join(dir, `${name}.html`);
        const ran = cohesion(["report", file, "--peers", "examples/assessments", "--out", out]);
        expect(ran.status, ran.stderr).toBe(0);
        for (const width of WIDTHS) {
          // The page's own policy forbids scripts; axe-core is injected past it, as a test tool only.
          const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
          const page = await context.newPage();
          const problems: string[] = [];
          page.on("console", (message) => {
            if (message.type() === "error") problems.push(message.text());
          });
          page.on("pageerror", (error) => problems.push(error.message));
          page.on("request", (request) => {
            if (!request.url().startsWith("file:")) problems.push(`request to ${request.url()}`);
          });
          await page.goto(pathToFileURL(out).href);
          const where = `${name} at ${width} px`;

          const fit = await overflow(page);
          expect(fit.scrollWidth, `${where}: page wider than the window`).toBeLessThanOrEqual(fit.width);
          expect(fit.offenders, `${where}: elements past the edge`).toEqual([]);
          expect(await clippedLabels(page), `${where}: clipped labels`).toEqual([]);
          expect(await smallestChartText(page), `${where}: chart text too small`).toBeGreaterThanOrEqual(8);

          if (name === "illustrative") {
            const flag = page.locator(".illustrative");
            expect(await flag.count()).toBe(1);
            const box = await flag.boundingBox();
            expect(box?.y ?? Infinity, `${where}: illustrative flag below the first screen`).toBeLessThan(900);
          } else expect(await page.locator(".illustrative").count()).toBe(0);

          await page.addScriptTag({ content: AXE });
          const axe = (await page.evaluate("axe.run(document, { resultTypes: ['violations'] })")) as AxeResult;
          const serious = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join("; ")})`);
          expect(serious, `${where}: axe-core`).toEqual([]);

          await page.screenshot({ path: join(SHOTS, `report-${name}-${width}.png`), fullPage: true });
          expect(problems, where).toEqual([]);
          await context.close();
        }
      }
      for (const name of ["full", "half", "illustrative"]) for (const width of WIDTHS) expect(existsSync(join(SHOTS, `report-${name}-${width}.png`))).toBe(true);
    });
  });

  it("draws one radar axis per key factor, the peers' polygon, one gap bar per gap and the answers of every key factor", async () => {
    await withTempDirAsync(async (dir) => {
      const out = join(dir, "report.html");
      expect(cohesion(["report", ATHENS, "--peers", "examples/assessments", "--out", out]).status).toBe(0);
      const benchmark = JSON.parse(readFileSync(join(repoRoot, "packages/plugin-eurocities/content/benchmark.json"), "utf8")) as { sections: { keyFactors: unknown[] }[] };
      const keyFactors = benchmark.sections.reduce((n, s) => n + s.keyFactors.length, 0);
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(pathToFileURL(out).href);
      const radar = page.locator("svg.radar");
      expect(await radar.locator("line.axis").count()).toBe(keyFactors);
      expect(await radar.locator('polygon[data-series="peers"]').count()).toBe(1);
      const gaps = envelope<{ gaps?: unknown[] }>(cohesion(["score", ATHENS, "--format", "json"]).stdout).result ?? {};
      expect(await page.locator(".gaps .gap-row").count()).toBe(gaps.gaps?.length ?? 0);
      expect(await page.locator("details.kf").count()).toBe(keyFactors);
      expect(await page.locator("ol.mentors li").count()).toBeGreaterThan(0);
      await page.emulateMedia({ media: "print" });
      await page.screenshot({ path: join(SHOTS, "report-print.png"), fullPage: false });
      await page.close();
    });
  });
});
