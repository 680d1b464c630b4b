import type { Host } from "@cohesion/core";
import type { ScoreNode } from "@cohesion/schema";
import type { CommandContext, CommandOutcome } from "../framework/command";
import { EXIT, type CliIO } from "../io";
import { wrap } from "../text-wrap";
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
  // Rows: indentation, title, then the figures.
  const rows: [string, string, string[]][] = [];
  const row = (indent: string, label: string, node: ScoreNode) =>
    rows.push([indent, label, [cell(node), node.band?.label ?? "", `${Math.round(node.coverage * 100)}%`, ...(peers ? [formatMedian(medians.get(node.ref))] : [])]]);
  row("", "Overall", report.overall);
  for (const section of report.overall.children ?? []) {
    row("  ", section.title ?? section.ref, section);
    for (const keyFactor of section.children ?? []) row("    ", keyFactor.title ?? keyFactor.ref, keyFactor);
  }
  const width = io.stdout.isTTY ? (io.stdout.columns ?? 100) : 100;
  lines.push(...scoreTable(header, rows, width));
  if (report.standardMet !== undefined) lines.push("", `standard met: ${report.standardMet === null ? "cannot be told" : report.standardMet ? "yes" : "no"}`);
  const gaps = report.gaps ?? [];
  if (gaps.length > 0) {
    lines.push("", "largest gaps:");
    for (const gap of gaps.slice(0, 5)) lines.push(...wrap(`${gap.title ?? gap.keyFactor}: ${gap.score.toFixed(1)} → ${gap.target} (gap ${gap.difference.toFixed(1)})`, width, "    ", "  "));
  }
  if (peers?.overall.rank) lines.push("", `rank: ${peers.overall.rankText} (${peers.label})`);
  const mentor = report.mentors?.[0];
  if (mentor) lines.push(...wrap(`best mentor candidate: ${mentor.subject} — ${mentor.reason}`, width, "  ", ""));
  const defaults = report.messages?.find((m) => m.code === "default_weights");
  if (defaults) lines.push("", ...wrap(`note: ${defaults.message}`, width, "  ", ""));
  return { exit: EXIT.ok, result: report, text: `${lines.join("\n")}\n` };
}

// The table of `cohesion score`: the first column as wide as its longest title, but no wider than the
// width leaves beside the figures; a longer title wraps onto lines of its own under itself, whole.
function scoreTable(header: string[], rows: [string, string, string[]][], width: number): string[] {
  const figures = header.slice(1).map((title, i) => Math.max(title.length, ...rows.map(([, , cells]) => (cells[i] ?? "").length)));
  const beside = figures.reduce((sum, w) => sum + 2 + w, 0);
  const longest = Math.max(0, ...rows.map(([indent, label]) => indent.length + label.length));
  const first = Math.min(longest, Math.max(24, width - beside));
  const line = (label: string, cells: string[]) => [label.padEnd(first), ...cells.map((c, i) => c.padStart(figures[i] ?? 0))].join("  ").trimEnd();
  const out = [line("", header.slice(1))];
  for (const [indent, label, cells] of rows) {
    const [head = indent, ...rest] = wrap(label, first, `${indent}  `, indent);
    out.push(line(head, cells), ...rest);
  }
  return out;
}

function formatMedian(value: number | null | undefined): string {
  return typeof value === "number" ? value.toFixed(1) : "–";
}
