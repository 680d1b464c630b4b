// DO NOT EDIT — generated from schemas/ by scripts/codegen.mjs

/**
 * The schemas, by `$id`, cut down to the paths that lead to a field marked `deprecated: true`: all
 * the deprecated-field check of `validate` needs, so the full schemas stay out of its bundle. A
 * schema with no way to a deprecated field is not listed.
 */
export const DEPRECATION_SCHEMAS: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  "https://schemas.cohesion.dev/1.2/assessment.schema.json": {
    "$id": "https://schemas.cohesion.dev/1.2/assessment.schema.json",
    "properties": {
      "answers": {
        "additionalProperties": {
          "$ref": "#/$defs/answer"
        }
      }
    },
    "$defs": {
      "answer": {
        "properties": {
          "evidence": {
            "deprecated": true,
            "x-deprecatedSince": "1.1",
            "x-replacement": "evidenceLinks",
            "description": "What supports the answer, as free text. Deprecated since schema version 1.1: give documents and pages in evidenceLinks and other remarks in notes (`cohesion migrate` moves them)."
          }
        }
      }
    }
  }
};
