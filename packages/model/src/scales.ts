// The built-in scales on their own, without the zod parsers: `@cohesion/model/scales` keeps a
// browser bundle that only needs the scales (the scoring engine) free of zod.
export { BUILTIN_SCALES, MATURITY_SCALE, YES_PARTLY_NO_SCALE } from "./builtin/scales";
