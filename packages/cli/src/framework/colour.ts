import type { Output } from "../io";

/** Colouring for text output; every function is the identity when colour is off. */
export interface Colour {
  enabled: boolean;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

/**
 * Whether to colour what goes to a stream: `NO_COLOR` (any non-empty value) turns colour off, `FORCE_COLOR`
 * turns it on (`FORCE_COLOR=0` off), otherwise colour on a terminal (not `TERM=dumb`) and none when piped.
 *
 * @example
 * ```ts
 * const colour = createColour(process.stdout, process.env);
 * console.log(colour.green("✔ all valid"));
 * ```
 */
export function createColour(stream: Pick<Output, "isTTY">, env: Record<string, string | undefined>): Colour {
  const force = env["FORCE_COLOR"];
  let enabled: boolean;
  if (env["NO_COLOR"] !== undefined && env["NO_COLOR"] !== "") enabled = false;
  else if (force !== undefined) enabled = force !== "0" && force !== "false";
  else enabled = stream.isTTY === true && env["TERM"] !== "dumb";
  const paint = (open: number, close: number) => (enabled ? (text: string) => `\u001b[${open}m${text}\u001b[${close}m` : (text: string) => text);
  return { enabled, red: paint(31, 39), green: paint(32, 39), yellow: paint(33, 39), dim: paint(2, 22), bold: paint(1, 22) };
}
