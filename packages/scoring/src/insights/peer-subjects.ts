import type { ScoreNode, ScoreReport } from "@cohesion/schema";
import { keyFactorNodes } from "../engine/aggregate";
import { roundScore } from "../engine/exact";
import { joinPointer } from "@cohesion/schema";
import type { ScoreTable } from "../engine/score-table";
import type { ReportAssessment } from "../types";

// The compared subjects, from score reports or from the rows of a score table.

// One compared subject, from a score report or from a row of a score table (made when asked for).
export interface Member {
  readonly id: string;
  readonly assessment: ReportAssessment | undefined;
  readonly overall: number | null;
  /** The overall node's title. */
  readonly title: string | undefined;
  /** Key factors in the subject's report order, with title and score. */
  keyFactors(): readonly { readonly ref: string; readonly title?: string | undefined; readonly score: number | null }[];
}

// The compared subjects, numbered in the order the reports or table rows came.
export interface Subjects {
  readonly ids: readonly string[];
  /** Where subject m's assessment id lies in the input (a report's, or a table row's). */
  pointer(m: number): string;
  readonly assessments: readonly (ReportAssessment | undefined)[];
  member(m: number): Member;
  /** "overall", then every key factor reference (the table's, else every report's in order of appearance). */
  refs(): string[];
  /** One score of every subject (NaN: no score). */
  column(ref: string): Float64Array;
}

// Score reports as subjects: their key factor nodes, listed once per report.
export function reportSubjects(reports: readonly ScoreReport[]): Subjects {
  const nodes = reports.map((report) => keyFactorNodes(report.overall));
  const members = reports.map((report, m): Member => ({
    id: report.assessment?.id ?? "",
    assessment: report.assessment,
    overall: report.overall.score,
    title: report.overall.title,
    keyFactors: () => nodes[m] as ScoreNode[],
  }));
  // A key factor's score in member m's report: reports of one benchmark list key factors in the same
  // order, so the place `ref` has in the first report is tried first.
  const places = new Map<string, number>();
  (nodes[0] ?? []).forEach((node, i) => places.set(node.ref, i));
  const scoreOf = (m: number, ref: string): number | null | undefined => {
    const list = nodes[m] as ScoreNode[];
    const at = places.get(ref);
    const node = at !== undefined && list[at]?.ref === ref ? list[at] : list.find((n) => n.ref === ref);
    return node?.score;
  };
  return {
    ids: members.map((m) => m.id),
    pointer: (m) => joinPointer("/reports", m, "assessment", "id"),
    assessments: members.map((m) => m.assessment),
    member: (m) => members[m] as Member,
    refs: () => {
      const refs = ["overall"];
      const seen = new Set<string>();
      for (const list of nodes) {
        for (const k of list) {
          if (seen.has(k.ref)) continue;
          seen.add(k.ref);
          refs.push(k.ref);
        }
      }
      return refs;
    },
    column: (ref) => {
      const column = new Float64Array(members.length);
      for (let m = 0; m < members.length; m++) {
        const score = ref === "overall" ? (members[m] as Member).overall : scoreOf(m, ref);
        column[m] = score === null || score === undefined ? NaN : roundScore(score);
      }
      return column;
    },
  };
}

// The rows of a score table that were scored, as subjects; scores are read where they lie.
export function tableSubjects(table: ScoreTable): Subjects {
  const width = table.keyFactors.length;
  const at = new Map(table.keyFactors.map((k, i) => [k.ref, i]));
  const numberAt = (value: number) => (value === value ? value : null);
  const ids: string[] = [];
  const assessments: ReportAssessment[] = [];
  const rowList: number[] = [];
  for (let row = 0; row < table.size; row++) {
    const assessment = table.assessments[row];
    if (assessment === undefined) continue;
    ids.push(assessment.id);
    assessments.push(assessment);
    rowList.push(row);
  }
  const rows = Int32Array.from(rowList);
  return {
    ids,
    pointer: (m) => joinPointer("/assessments", rows[m] as number, "id"),
    assessments,
    member: (m) => {
      const row = rows[m] as number;
      const base = row * width;
      return {
        id: ids[m] as string,
        assessment: assessments[m],
        overall: numberAt(table.overall[row] as number),
        title: table.title,
        keyFactors: () => table.keyFactors.map((k, i) => ({ ref: k.ref, title: k.title, score: numberAt(table.keyFactorScores[base + i] as number) })),
      };
    },
    refs: () => ["overall", ...table.keyFactors.map((k) => k.ref)],
    column: (ref) => {
      const index = ref === "overall" ? -1 : at.get(ref);
      if (index === undefined) return new Float64Array(rows.length).fill(NaN);
      return index === -1 ? gather(table.overall, rows, 1, 0) : gather(table.keyFactorScores, rows, width, index);
    },
  };
}

// values[rows[m] * width + index] for every m.
function gather(values: Float64Array, rows: Int32Array, width: number, index: number): Float64Array {
  const column = new Float64Array(rows.length);
  for (let m = 0; m < rows.length; m++) column[m] = values[(rows[m] as number) * width + index] as number;
  return column;
}

