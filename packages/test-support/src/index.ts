// Test helpers shared by the workspace packages. Private: never published, imported only by tests.
export * as fixtures from "./fixtures";
export { VALID_DOCUMENTS } from "./fixtures";
export { jsonValueWithKeys, mutatedDocument, pathsOf, PROTOTYPE_KEYS } from "./mutate";
export { expectWellFormed, type WellFormedOptions } from "./well-formed";
