import type { PeerGroup, ScoreNode, ScoreReport } from "@cohesion/schema";

/** A key factor's line in a report: its score node and where it sits. */
export interface KeyFactorRow {
  ref: string;
  title: string;
  section: string;
  node: ScoreNode;
  /** The median score of the subject's peers (the others in its group) for this key factor; undefined without peers. */
  peerMedian: number | null | undefined;
}

/**
 * What a report is drawn from: a score report as `enrichReport` of @cohesion/scoring leaves it (its
 * `gaps`, `strengths`, `recommendations`, `peers`, `mentors` and `messages` are shown when present).
 */
export interface ReportInput {
  report: ScoreReport;
  /** Date shown as the report's date (YYYY-MM-DD); reports stay reproducible because it is passed in. */
  generatedOn?: string;
}

/**
 * The peer group a report shows beside the subject: the group of all subjects, else the first.
 *
 * @example
 * ```ts
 * shownPeerGroup(report)?.overall.rankText; // "3 of 9"
 * ```
 */
export function shownPeerGroup(report: ScoreReport): PeerGroup | undefined {
  const groups = report.peers?.groups ?? [];
  return groups.find((g) => g.dimension === "all") ?? groups[0];
}

/**
 * Lists the key factors of a score report in benchmark order, with the peers' medians attached.
 *
 * @example
 * ```ts
 * keyFactorRows({ report }).map((row) => row.title);
 * ```
 */
export function keyFactorRows(input: ReportInput): KeyFactorRow[] {
  const rows: KeyFactorRow[] = [];
  const group = shownPeerGroup(input.report);
  const medians = new Map((group?.keyFactors ?? []).map((k) => [k.ref, k.quartiles?.median ?? null]));
  const peerMedian = (ref: string) => (group ? (medians.get(ref) ?? null) : undefined);
  const visit = (node: ScoreNode, section: string) => {
    if (node.level === "key-factor") {
      rows.push({ ref: node.ref, title: node.title ?? node.ref, section, node, peerMedian: peerMedian(node.ref) });
      return;
    }
    for (const child of node.children ?? []) visit(child, node.level === "section" ? (node.title ?? node.ref) : section);
  };
  visit(input.report.overall, "");
  return rows;
}
