export { run } from "./main";
export { EXIT, UsageError, type CliIO, type Output } from "./io";
export { writeFileAtomic, OutputExistsError } from "./atomic-write";
export { expandInputs, linesOfBytes, readLineBatches, readNdjsonBytes, readSource, type ByteBatch, type InputDocument, type InputFailure, type InputItem, type InputSource, type LineBatch } from "./inputs";
export { formatProblem } from "./format-problems";
export { cliProblem, type CliProblemCode } from "./problems";
export { validationWorkers } from "./validate-pool";
