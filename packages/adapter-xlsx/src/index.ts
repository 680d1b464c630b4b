export { xlsxAdapter, xlsxDocumentAdapter, readWorkbook, writeWorkbook } from "./adapter";
export { questionnaireWorkbook, scaleFor } from "./questionnaire-write";
export { documentWorkbook, DOCUMENT_SHEET } from "./document-workbook";
export { SHEETS, QUESTION_COLUMNS, DETAIL_ROWS, NOT_APPLICABLE_LABEL } from "./layout";
export { openWorkbook, newWorkbook, workbookBytes, cellText, cellContent, cellRef, type CellContent, type Workbook, type Worksheet } from "./workbook-io";
