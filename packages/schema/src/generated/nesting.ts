// DO NOT EDIT — generated from schemas/ by scripts/codegen.mjs
// For each document kind, how deep the data its schema accepts can nest (Infinity: unbounded, through
// a $ref loop or an open object). Within MAX_DEPTH, the validator needs no depth guard before it runs.

export const framework = Infinity;
export const scale = 4;
export const benchmark = Infinity;
export const practice = 4;
export const place = 4;
export const scheme = 5;
export const assessment = 5;
export const scoreReport = Infinity;
export const pluginManifest = 4;
