import type { Assessment, Benchmark, Scale, ScoreNode, ScoreReport } from "@cohesion/schema";

/** A key factor's line in a report: its score node and where it sits. */
export interface KeyFactorRow {
  ref: string;
  title: string;
  section: string;
  node: ScoreNode;
  /** The peers' median score for this key factor, when peers were given. */
  peerMedian: number | null | undefined;
}

/** Peers to show beside the subject. */
export interface ReportPeers {
  /** How many peer reports the medians are drawn from. */
  count: number;
  /** The peer group the subject falls in, for example "medium cities". */
  group?: string;
  /** Median score per key factor reference. */
  medians: Readonly<Record<string, number | null>>;
  /** The subject's rank overall, such as "3 of 9". */
  rank?: string;
}

/** A candidate mentor city, best first. */
export interface ReportMentor {
  name: string;
  score?: number | null;
  reason: string;
}

/** What a report is drawn from. */
export interface ReportInput {
  report: ScoreReport;
  peers?: ReportPeers;
  mentors?: readonly ReportMentor[];
  /** Date shown as the report's date (YYYY-MM-DD); reports stay reproducible because it is passed in. */
  generatedOn?: string;
  /** The assessment scored: its evidence, evidence links and notes are shown beside each answer. */
  assessment?: Assessment;
  /** The benchmark answered, for the full wording of key factors. */
  benchmark?: Benchmark;
  /** The scale the answers use, so answers show as "Partly in place" rather than "partial". */
  scale?: Scale;
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
  const visit = (node: ScoreNode, section: string) => {
    if (node.level === "key-factor") {
      rows.push({ ref: node.ref, title: node.title ?? node.ref, section, node, peerMedian: input.peers?.medians[node.ref] });
      return;
    }
    for (const child of node.children ?? []) visit(child, node.level === "section" ? (node.title ?? node.ref) : section);
  };
  visit(input.report.overall, "");
  return rows;
}
