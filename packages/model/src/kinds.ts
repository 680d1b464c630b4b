/** Every document kind, in the order of the schemas. */
export const DOCUMENT_KINDS = [
  "framework",
  "scale",
  "benchmark",
  "practice",
  "place",
  "scheme",
  "assessment",
  "score-report",
  "plugin-manifest",
] as const;

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
