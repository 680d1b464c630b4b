export { renderHtmlReport } from "./html-report";
export { renderMarkdownReport } from "./markdown-report";
export { radarChart, statusLabel } from "./radar-chart";
export { gapChart } from "./gap-chart";
export { keyFactorRows, shownPeerGroup } from "./model";
export type { KeyFactorRow, ReportInput } from "./model";
export { escapeHtml, escapeMarkdown, formatScore } from "./escape";
export { renderReport, type ReportFormat, type RenderResult } from "./render";
export { answerEntries, type AnswerEntry } from "./answers";
export { PROVENANCE_MEANING, questionProvenance, showsProvenance } from "./provenance";
export {
  answerDetails,
  bandRanges,
  coverageOf,
  mentorsOf,
  peersOf,
  practiceGroups,
  readableNotes,
  type AnswerDetails,
  type BandRange,
  type Coverage,
  type EvidenceLink,
  type PracticeGroup,
  type ReportMentor,
  type ReportPeers,
} from "./report-data";
export { htmlReportAdapter, markdownReportAdapter } from "./adapters";
