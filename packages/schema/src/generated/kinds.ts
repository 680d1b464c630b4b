// DO NOT EDIT — generated from schemas/ by scripts/codegen.mjs

/** Every kind of Cohesion document, in the order of the domain model. */
export const DOCUMENT_KINDS = ["framework","scale","benchmark","practice","place","scheme","assessment","score-report","plugin-manifest"] as const;
