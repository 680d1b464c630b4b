import { escapeHtml, formatScore } from "./escape";
import type { KeyFactorRow } from "./model";

// The labels are the key factors' numbers and scores (their titles are in the table below and in each
// label's <title>), so the web can fill the drawing and stay legible when a phone shrinks it. The drawing
// is wider than tall: labels on the left and right axes run sideways, and the widest ("11 · no score")
// must fit between the web and the edge even in the larger type used on phones.
const WIDTH = 640;
const HEIGHT = 410;
const CENTRE_X = WIDTH / 2;
const CENTRE_Y = 207;
const RADIUS = 160;

function point(index: number, count: number, value: number): [number, number] {
  const angle = -Math.PI / 2 + (2 * Math.PI * index) / count;
  const r = (RADIUS * Math.max(0, Math.min(100, value))) / 100;
  return [round(CENTRE_X + r * Math.cos(angle)), round(CENTRE_Y + r * Math.sin(angle))];
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/**
 * Draws key factor scores as an SVG radar chart: one numbered axis per key factor (the number of its row
 * in the key factor table, the full title in a tooltip), the subject's polygon, and the peers' median
 * polygon when peers are given. An axis without a score (insufficient evidence, n/a) is drawn dashed and
 * its label says "no score"; the polygon passes through the centre there rather than inventing a value.
 *
 * @example
 * ```ts
 * const svg = radarChart(keyFactorRows({ report })); // the peers' medians come from report.peers
 * ```
 */
export function radarChart(rows: readonly KeyFactorRow[]): string {
  const count = rows.length;
  if (count < 3) return `<p class="note">A radar chart needs at least three key factors; see the table below.</p>`;
  const rings = [25, 50, 75, 100]
    .map((v) => `<polygon class="ring" points="${rows.map((_, i) => point(i, count, v).join(",")).join(" ")}"/>`)
    .join("");
  const ringLabels = [50, 100].map((v) => `<text class="ring-label" x="${CENTRE_X + 4}" y="${round(CENTRE_Y - (RADIUS * v) / 100 + 14)}">${v}</text>`).join("");
  const axes = rows
    .map((row, i) => {
      const [x, y] = point(i, count, 100);
      const missing = row.node.score === null;
      const [lx, ly] = point(i, count, 116);
      const anchor = Math.abs(lx - CENTRE_X) < 8 ? "middle" : lx > CENTRE_X ? "start" : "end";
      const value = missing ? "no score" : formatScore(row.node.score);
      return `<line class="axis${missing ? " axis-missing" : ""}" x1="${CENTRE_X}" y1="${CENTRE_Y}" x2="${x}" y2="${y}"/><text class="axis-label${missing ? " missing" : ""}" x="${lx}" y="${round(ly + 5)}" text-anchor="${anchor}"><title>${escapeHtml(`${i + 1}. ${row.title}: ${missing ? "no score" : formatScore(row.node.score)}`)}</title>${i + 1} · ${escapeHtml(value)}</text>`;
    })
    .join("");
  const subject = rows.map((row, i) => point(i, count, row.node.score ?? 0).join(",")).join(" ");
  const hasPeers = rows.some((row) => row.peerMedian !== undefined);
  const peers = hasPeers
    ? `<polygon class="series series-peers" data-series="peers" points="${rows.map((row, i) => point(i, count, row.peerMedian ?? 0).join(",")).join(" ")}"/>`
    : "";
  const dots = rows
    .map((row, i) => {
      if (row.node.score === null) return "";
      const [x, y] = point(i, count, row.node.score);
      return `<circle class="dot" cx="${x}" cy="${y}" r="4"><title>${escapeHtml(row.title)}: ${formatScore(row.node.score)}</title></circle>`;
    })
    .join("");
  const label = `Radar chart of ${count} key factor scores from 0 to 100${hasPeers ? ", with the peers' median" : ""}; the table below gives the same figures`;
  const svg = `<svg class="chart radar" role="img" aria-label="${escapeHtml(label)}" viewBox="0 0 ${WIDTH} ${HEIGHT}" xmlns="http://www.w3.org/2000/svg">${rings}${ringLabels}${axes}${peers}<polygon class="series series-subject" data-series="subject" points="${subject}"/>${dots}</svg>`;
  const legend = `<p class="legend"><span class="swatch swatch-subject"></span> This assessment${hasPeers ? ` <span class="swatch swatch-peers"></span> Peers' median` : ""} · axis numbers are the rows of the table below</p>`;
  return `<figure class="radar-figure">${svg}${legend}</figure>`;
}

/** The words shown for a node without a score. */
export function statusLabel(status: string): string {
  switch (status) {
    case "insufficient-evidence":
      return "insufficient evidence";
    case "not-applicable":
      return "not applicable";
    case "unanswered":
      return "not answered";
    default:
      return status;
  }
}
