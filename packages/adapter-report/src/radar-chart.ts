import { escapeHtml, formatScore } from "./escape";
import type { KeyFactorRow } from "./model";

// Wider than tall: axis labels sit left and right of the web.
const WIDTH = 820;
const HEIGHT = 580;
const CENTRE_X = WIDTH / 2;
const CENTRE_Y = HEIGHT / 2 - 10;
const RADIUS = 190;

function point(index: number, count: number, value: number): [number, number] {
  const angle = -Math.PI / 2 + (2 * Math.PI * index) / count;
  const r = (RADIUS * Math.max(0, Math.min(100, value))) / 100;
  return [round(CENTRE_X + r * Math.cos(angle)), round(CENTRE_Y + r * Math.sin(angle))];
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/**
 * Draws key factor scores as an SVG radar chart: one axis per key factor, the subject's polygon, and the
 * peers' median polygon when peers are given. An axis without a score (insufficient evidence, n/a) is
 * drawn dashed, its label says so, and the polygon passes through the centre there rather than inventing a value.
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
  const axes = rows
    .map((row, i) => {
      const [x, y] = point(i, count, 100);
      const missing = row.node.score === null;
      const [lx, ly] = point(i, count, 118);
      const anchor = Math.abs(lx - CENTRE_X) < 8 ? "middle" : lx > CENTRE_X ? "start" : "end";
      const label = `${i + 1}. ${truncate(row.title, 27)}`;
      const status = missing ? `<tspan class="missing" x="${lx}" dy="1.2em">${escapeHtml(statusLabel(row.node.status))}</tspan>` : `<tspan class="value" x="${lx}" dy="1.2em">${formatScore(row.node.score)}</tspan>`;
      return `<line class="axis${missing ? " axis-missing" : ""}" x1="${CENTRE_X}" y1="${CENTRE_Y}" x2="${x}" y2="${y}"/><text class="axis-label" x="${lx}" y="${ly}" text-anchor="${anchor}"><title>${escapeHtml(row.title)}</title>${escapeHtml(label)}${status}</text>`;
    })
    .join("");
  const subject = rows.map((row, i) => point(i, count, row.node.score ?? 0).join(",")).join(" ");
  const hasPeers = rows.some((row) => row.peerMedian !== undefined);
  const peers = hasPeers
    ? `<polygon class="series series-peers" data-series="peers" points="${rows.map((row, i) => point(i, count, row.peerMedian ?? 0).join(",")).join(" ")}"/>`
    : "";
  const dots = rows
    .filter((row) => row.node.score !== null)
    .map((row) => {
      const i = rows.indexOf(row);
      const [x, y] = point(i, count, row.node.score ?? 0);
      return `<circle class="dot" cx="${x}" cy="${y}" r="4"><title>${escapeHtml(row.title)}: ${formatScore(row.node.score)}</title></circle>`;
    })
    .join("");
  const legend = `<g class="legend" transform="translate(16 ${HEIGHT - 24})"><rect class="swatch-subject" width="14" height="14"/><text x="20" y="12">This assessment</text>${
    hasPeers ? `<rect class="swatch-peers" x="160" width="14" height="14"/><text x="180" y="12">Peers' median</text>` : ""
  }</g>`;
  return `<svg class="chart radar" role="img" aria-label="Key factor scores" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" xmlns="http://www.w3.org/2000/svg">${rings}${axes}${peers}<polygon class="series series-subject" data-series="subject" points="${subject}"/>${dots}${legend}</svg>`;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
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
