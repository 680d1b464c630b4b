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
  },
  "https://schemas.cohesion.dev/1.2/benchmark.schema.json": {
    "$id": "https://schemas.cohesion.dev/1.2/benchmark.schema.json",
    "properties": {
      "sections": {
        "items": {
          "$ref": "#/$defs/section"
        }
      },
      "contextFactors": {
        "items": {
          "$ref": "#/$defs/contextFactor"
        }
      }
    },
    "$defs": {
      "keyFactor": {
        "properties": {
          "titleParts": {
            "deprecated": true,
            "x-deprecatedSince": "1.2",
            "x-replacement": "title",
            "description": "The title in parts, joined with single spaces, from before titles could be whole. Deprecated since schema version 1.2: give the whole title in title (`cohesion migrate` joins the parts)."
          }
        }
      },
      "contextFactor": {
        "properties": {
          "titleParts": {
            "deprecated": true,
            "x-deprecatedSince": "1.2",
            "x-replacement": "title",
            "description": "The title in parts, joined with single spaces, from before titles could be whole. Deprecated since schema version 1.2: give the whole title in title (`cohesion migrate` joins the parts)."
          }
        }
      },
      "section": {
        "properties": {
          "keyFactors": {
            "items": {
              "$ref": "#/$defs/keyFactor"
            }
          }
        }
      }
    }
  },
  "https://schemas.cohesion.dev/1.2/framework.schema.json": {
    "$id": "https://schemas.cohesion.dev/1.2/framework.schema.json",
    "properties": {
      "items": {
        "items": {
          "$ref": "#/$defs/frameworkItem"
        }
      }
    },
    "$defs": {
      "frameworkItem": {
        "properties": {
          "titleParts": {
            "deprecated": true,
            "x-deprecatedSince": "1.2",
            "x-replacement": "title",
            "description": "The title in parts, joined with single spaces, from before titles could be whole. Deprecated since schema version 1.2: give the whole title in title (`cohesion migrate` joins the parts)."
          },
          "items": {
            "items": {
              "$ref": "#/$defs/frameworkItem"
            }
          }
        }
      }
    }
  }
};
