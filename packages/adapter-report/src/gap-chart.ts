import type { ScoreReport } from "@cohesion/schema";
import { escapeHtml as e, formatScore } from "./escape";

function clamp(value: number): number {
  return Math.max(0, Math.min(100, value));
}

/**
 * Draws the gaps between key factor scores and their targets as horizontal bars, largest priority first:
 * the score as a solid bar, the stretch up to the target hatched, the target as a tick. The bars are HTML
 * boxes sized in percent, so each key factor's full title wraps above its bar at any page width and is
 * never cut off.
 *
 * @example
 * ```ts
 * const html = gapChart(report.gaps ?? []);
 * ```
 */
export function gapChart(gaps: NonNullable<ScoreReport["gaps"]>): string {
  if (gaps.length === 0) return "";
  const rows = gaps
    .map((gap) => {
      const score = clamp(gap.score);
      const target = clamp(gap.target);
      const title = gap.title ?? gap.keyFactor;
      return `<li class="gap-row"><div class="gap-label">${e(title)}</div><div class="gap-track" role="img" aria-label="${e(`${title}: score ${formatScore(gap.score)}, target ${formatScore(gap.target)}, gap ${formatScore(gap.difference)}`)}"><span class="bar-score" style="width:${score}%"></span><span class="bar-gap" style="left:${score}%;width:${Math.max(0, target - score)}%"></span><span class="target" style="left:${target}%"></span></div><div class="gap-value">${formatScore(gap.score)} → ${formatScore(gap.target)} · gap ${formatScore(gap.difference)} · priority ${formatScore(gap.priority)}</div></li>`;
    })
    .join("");
  return `<ol class="chart gaps" aria-label="Gaps to target, largest priority first">${rows}</ol><div class="gap-scale" aria-hidden="true"><span>0</span><span>25</span><span>50</span><span>75</span><span>100</span></div>`;
}
