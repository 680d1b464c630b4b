// DO NOT EDIT — generated from schemas/ by scripts/codegen.mjs
// For each document kind, how deep the data its validator accepts can nest. Within MAX_DEPTH, the
// validator needs no depth guard before it runs. A kind nesting without bound through $ref loops or
// open objects is bounded by the validators' own limit there.

export const framework = 97;
export const scale = 4;
export const benchmark = 99;
export const practice = 4;
export const place = 4;
export const scheme = 5;
export const assessment = 5;
export const scoreReport = 99;
export const pluginManifest = 4;
