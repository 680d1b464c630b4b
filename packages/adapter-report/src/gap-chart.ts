import type { ScoreReport } from "@cohesion/schema";
import { escapeHtml, formatScore } from "./escape";

const WIDTH = 640;
const LABEL = 220;
const BAR = 22;
const GAP = 12;

/**
 * Draws the gaps between key factor scores and their targets as horizontal SVG bars: the score as a solid
 * bar, the target as a tick, the gap as the hatched stretch between them, largest priority first.
 *
 * @example
 * ```ts
 * const svg = gapChart(report.gaps ?? []);
 * ```
 */
export function gapChart(gaps: NonNullable<ScoreReport["gaps"]>): string {
  if (gaps.length === 0) return `<p class="note">No key factor is below its target.</p>`;
  const plot = WIDTH - LABEL - 60;
  const height = gaps.length * (BAR + GAP) + 40;
  const x = (v: number) => Math.round((LABEL + (plot * Math.max(0, Math.min(100, v))) / 100) * 10) / 10;
  const bars = gaps
    .map((gap, i) => {
      const y = 10 + i * (BAR + GAP);
      const title = gap.title ?? gap.keyFactor;
      return `<g class="gap-row"><text class="gap-label" x="${LABEL - 8}" y="${y + BAR / 2 + 4}" text-anchor="end"><title>${escapeHtml(title)}</title>${escapeHtml(title.length > 30 ? `${title.slice(0, 29)}…` : title)}</text><rect class="bar bar-score" x="${LABEL}" y="${y}" width="${x(gap.score) - LABEL}" height="${BAR}"><title>score ${formatScore(gap.score)}</title></rect><rect class="bar bar-gap" x="${x(gap.score)}" y="${y}" width="${Math.max(0, x(gap.target) - x(gap.score))}" height="${BAR}"><title>gap ${formatScore(gap.difference)}</title></rect><line class="target" x1="${x(gap.target)}" x2="${x(gap.target)}" y1="${y - 3}" y2="${y + BAR + 3}"/><text class="gap-value" x="${x(gap.target) + 6}" y="${y + BAR / 2 + 4}">${formatScore(gap.score)} → ${formatScore(gap.target)}</text></g>`;
    })
    .join("");
  const axisY = height - 24;
  const ticks = [0, 25, 50, 75, 100].map((v) => `<line class="tick" x1="${x(v)}" x2="${x(v)}" y1="6" y2="${axisY}"/><text class="tick-label" x="${x(v)}" y="${axisY + 14}" text-anchor="middle">${v}</text>`).join("");
  return `<svg class="chart gaps" role="img" aria-label="Gaps to target" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" xmlns="http://www.w3.org/2000/svg"><defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" class="hatch"/></pattern></defs>${ticks}${bars}</svg>`;
}
