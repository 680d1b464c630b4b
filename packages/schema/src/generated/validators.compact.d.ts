// DO NOT EDIT — generated from schemas/ by scripts/codegen.mjs
// The same module interface as ./validators.js.
export * from "./validators";
