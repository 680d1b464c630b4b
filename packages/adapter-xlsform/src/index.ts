export { xlsformAdapter, writeForm } from "./adapter";
export { buildForm, levelList } from "./form";
export { lintForm } from "./lint";
export { formWorkbook, sheetRows } from "./form-workbook";
export { readSubmissions } from "./submissions";
export { formName, idOfName, BENCHMARK_FIELD, DETAIL_FIELDS, LANGUAGE, NOT_APPLICABLE_CHOICE, type FormRow, type XlsForm } from "./form-model";
