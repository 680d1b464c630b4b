// The arrays the quick path reads answers into, reused from one assessment to the next: a report keeps
// only what its traces need, and a copy of that in a few bytes (the picks; ./lazy-trace.ts). One call
// holds them at a time; a call made while they are held (a model scoring another assessment from its
// own score function) gets arrays of its own.
export interface ReadArrays {
  readonly codes: Float64Array;
  readonly levels: (string | undefined)[];
  readonly picks: number[];
}
let spare: ReadArrays | undefined;

/**
 * Arrays for `count` questions: the spare ones when they fit and no call holds them, else new ones.
 *
 * @example
 * ```ts
 * const read = takeArrays(prepared.questionIds.length);
 * try { score(read); } finally { giveBack(read); }
 * ```
 */
export function takeArrays(count: number): ReadArrays {
  const arrays = spare;
  if (arrays !== undefined && arrays.codes.length === count) {
    spare = undefined;
    return arrays;
  }
  return { codes: new Float64Array(count), levels: new Array<string | undefined>(count), picks: new Array<number>(count).fill(0) };
}

/**
 * Makes `arrays` the spare ones again, once the call that took them is done with them.
 *
 * @example
 * ```ts
 * giveBack(read);
 * ```
 */
export function giveBack(arrays: ReadArrays): void {
  spare = arrays;
}
