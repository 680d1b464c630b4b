export { renderHtmlReport } from "./html-report";
export { renderMarkdownReport } from "./markdown-report";
export { radarChart, statusLabel } from "./radar-chart";
export { gapChart } from "./gap-chart";
export { keyFactorRows } from "./model";
export type { KeyFactorRow, ReportInput, ReportMentor, ReportPeers } from "./model";
export { escapeHtml, escapeMarkdown, formatScore } from "./escape";
export { renderReport, type ReportFormat, type RenderResult } from "./render";
export { htmlReportAdapter, markdownReportAdapter } from "./adapters";
