import type { Host } from "@cohesion/core";
import type { ScoreNode } from "@cohesion/schema";
import type { CommandContext, CommandOutcome } from "../framework/command";
import { EXIT, type CliIO } from "../io";
import { runScoring, scoreRunOptions, type ScoreRunOptions } from "../scoring-run";

/** Options of `cohesion score`. */
export interface ScoreCommandOptions extends ScoreRunOptions {
  format: "text" | "json";
}

/** `cohesion score`, as the command framework runs it. */
export async function run(context: CommandContext): Promise<CommandOutcome> {
  const options = scoreRunOptions(context, "score needs one assessment file");
  return scoreCommand({ ...options, format: context.format === "json" ? "json" : "text" }, context.io, await context.host());
}

/**
 * `cohesion score <assessment> [--model id] [--param name=value]... [--peers dir]`: prints a table of scores per section and key
 * factor (with band, coverage and peers' median), or the whole score report as JSON.
 *
 * @example
 * ```sh
 * cohesion score athens.json --peers examples/assessments --format json > athens.score.json
 * ```
 */
export async function scoreCommand(options: ScoreCommandOptions, io: CliIO, host: Host): Promise<CommandOutcome> {
  const run = await runScoring(options, io, host);
  if ("exit" in run) return run;
  const { report } = run;
  if (options.format === "json") return { exit: EXIT.ok, result: report };
  // The report package (its HTML and charts) is loaded only to show peers, which most runs do not have.
  const peers = report.peers ? (await import("@cohesion/adapter-report")).shownPeerGroup(report) : undefined;
  const medians = new Map<string, number | null>([["overall", peers?.overall.quartiles?.median ?? null], ...(peers?.keyFactors ?? []).map((k) => [k.ref, k.quartiles?.median ?? null] as const)]);
  const cell = (node: ScoreNode) => (node.score === null ? node.status.replace(/-/g, " ") : node.score.toFixed(1));
  const lines: string[] = [];
  lines.push(`${report.benchmark.title ?? report.benchmark.id} ${report.benchmark.version} — ${report.assessment?.subject ?? ""}`);
  lines.push(`model ${report.model.id} ${report.model.version}`);
  lines.push("");
  const header = ["", "score", "band", "coverage", ...(peers ? ["peers' median"] : [])];
  const rows: string[][] = [header];
  const row = (label: string, node: ScoreNode) => [
    label,
    cell(node),
    node.band?.label ?? "",
    `${Math.round(node.coverage * 100)}%`,
    ...(peers ? [formatMedian(medians.get(node.ref))] : []),
  ];
  rows.push(row("Overall", report.overall));
  for (const section of report.overall.children ?? []) {
    rows.push(row(`  ${section.title ?? section.ref}`, section));
    for (const keyFactor of section.children ?? []) rows.push(row(`    ${keyFactor.title ?? keyFactor.ref}`, keyFactor));
  }
  const widths = header.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  for (const r of rows) lines.push(r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ").trimEnd());
  if (report.standardMet !== undefined) lines.push("", `standard met: ${report.standardMet === null ? "cannot be told" : report.standardMet ? "yes" : "no"}`);
  const gaps = report.gaps ?? [];
  if (gaps.length > 0) {
    lines.push("", "largest gaps:");
    for (const gap of gaps.slice(0, 5)) lines.push(`  ${gap.title ?? gap.keyFactor}: ${gap.score.toFixed(1)} → ${gap.target} (gap ${gap.difference.toFixed(1)})`);
  }
  if (peers?.overall.rank) lines.push("", `rank: ${peers.overall.rankText} (${peers.label})`);
  const mentor = report.mentors?.[0];
  if (mentor) lines.push(`best mentor candidate: ${mentor.subject} — ${mentor.reason}`);
  const defaults = report.messages?.find((m) => m.code === "default_weights");
  if (defaults) lines.push("", `note: ${defaults.message}`);
  return { exit: EXIT.ok, result: report, text: `${lines.join("\n")}\n` };
}

function formatMedian(value: number | null | undefined): string {
  return typeof value === "number" ? value.toFixed(1) : "–";
}
