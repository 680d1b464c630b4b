// Generates src/generated/versions.ts: the schema version validated against and every one shipped.
import { BANNER, compareVersions } from "./source.mjs";

export function generateVersions(current, released) {
  const versions = [...new Set([...released, current])].sort(compareVersions);
  return [
    BANNER,
    "",
    "/** The schema version of the schemas this package validates against (the latest). */",
    `export const SCHEMA_VERSION = ${JSON.stringify(current)};`,
    "",
    "/** Every schema version the package ships, oldest first; each as schemas/<version>/<name>.schema.json. */",
    `export const SCHEMA_VERSIONS = [${versions.map((v) => JSON.stringify(v)).join(", ")}] as const;`,
    "",
  ].join("\n");
}
