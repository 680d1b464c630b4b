export { run } from "./main";
export { EXIT, UsageError, type CliIO, type Output } from "./io";
export { writeFileAtomic, OutputExistsError } from "./atomic-write";
export { expandInputs, readLineBatches, readSource, type InputDocument, type InputFailure, type InputItem, type InputSource } from "./inputs";
export { formatProblem } from "./format-problems";
export { cliProblem, type CliProblemCode } from "./problems";
export { validationWorkers } from "./validate-pool";
