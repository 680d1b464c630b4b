// DO NOT EDIT — generated from schemas/ by scripts/codegen.mjs

/** The schema version of the schemas this package validates against (the latest). */
export const SCHEMA_VERSION = "1.2";

/** Every schema version the package ships, oldest first; each as schemas/<version>/<name>.schema.json. */
export const SCHEMA_VERSIONS = ["1.0", "1.1", "1.2"] as const;
