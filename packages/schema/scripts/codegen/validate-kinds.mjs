// Generates src/generated/validate-kinds.ts: validateAssessment, validateScoreReport, ... one per kind.
import { BANNER, DOCUMENT_KINDS, camel, pascal } from "./source.mjs";

/** `validateAssessment`, `validateScoreReport`, ...: one function per document kind. */
export function generateValidateKinds() {
  const lines = [
    BANNER,
    "// One validate function per document kind: each reaches only its own precompiled validator (and",
    "// the ones its schema refers to), so a bundle that validates two kinds leaves the others out.",
    'import type { ValidationReport } from "./types";',
    'import * as validators from "./validators";',
    'import * as deprecations from "./deprecations";',
    'import * as nesting from "./nesting";',
    'import { validateKind } from "../validate";',
  ];
  for (const kind of DOCUMENT_KINDS) {
    lines.push(
      "",
      "/**",
      ` * Checks a document against the ${kind} schema: the report of \`validateAs("${kind}", document)\`,`,
      " * without bundling the validators of the other kinds. Never throws.",
      " *",
      " * @example",
      ` * const report = validate${pascal(kind)}(JSON.parse(text));`,
      " */",
      `export function validate${pascal(kind)}(document: unknown): ValidationReport {`,
      `  return validateKind(validators.${camel(kind)}, deprecations.${camel(kind)}, nesting.${camel(kind)}, document);`,
      "}",
    );
  }
  return `${lines.join("\n")}\n`;
}
