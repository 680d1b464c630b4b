export { renderHtmlReport } from "./html-report";
export { renderMarkdownReport } from "./markdown-report";
export { radarChart, statusLabel } from "./radar-chart";
export { gapChart } from "./gap-chart";
export { keyFactorRows, shownPeerGroup } from "./model";
export type { KeyFactorRow, ReportInput } from "./model";
export { escapeHtml, escapeMarkdown, formatScore } from "./escape";
export { renderReport, type ReportFormat, type RenderResult } from "./render";
export { htmlReportAdapter, markdownReportAdapter } from "./adapters";
