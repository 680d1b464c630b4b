export { adapterProblem, type Adapter, type AdapterKind, type OutputFile, type ReadInput, type ReadResult, type WriteInput, type WriteResult } from "./adapter";
export { adaptersPoint, checkAdapter } from "./point";
export { chooseAdapter, type AdapterChoice } from "./choose";
export { parseCsv, writeCsv, type CsvCell, type CsvParse } from "./csv";
