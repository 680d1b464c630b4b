import type { ValidationProblem } from "@cohesion/schema";

/**
 * A problem found in a workbook: its sheet!cell goes first in the message and into `params.cell`, so a
 * person can go straight to it.
 */
export function cellProblem(
  code: string,
  severity: "error" | "warning",
  pointer: string,
  cell: string,
  message: string,
  params: Record<string, string | number | boolean> = {},
): ValidationProblem {
  return { code, severity, pointer, message: cell === "" ? message : `${cell}: ${message}`, params: { ...(cell === "" ? {} : { cell }), ...params } } as ValidationProblem;
}
