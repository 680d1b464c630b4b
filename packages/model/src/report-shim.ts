export type Severity = "error" | "warning" | "info";

export interface ValidationProblem {
  code: string;
  severity: Severity;
  pointer: string;
  message: string;
  params: Record<string, unknown>;
  file?: string;
  line?: number;
}

export interface ValidationReport {
  valid: boolean;
  errors: ValidationProblem[];
}

interface ProblemTemplate {
  readonly severity: Severity;
  readonly message: string;
}

export function escapePointerSegment(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function joinPointer(base: string, ...segments: readonly (string | number)[]): string {
  return base + segments.map((segment) => `/${escapePointerSegment(String(segment))}`).join("");
}

function interpolate(template: string, values: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!Object.hasOwn(values, name)) return whole;
    const value = values[name];
    return typeof value === "string" ? value : JSON.stringify(value) ?? String(value);
  });
}

export function defineProblems<const T extends Record<string, ProblemTemplate>>(templates: T) {
  return function problem(code: keyof T & string, pointer: string, params: Record<string, unknown> = {}): ValidationProblem {
    const template = templates[code] as ProblemTemplate;
    return {
      code,
      severity: template.severity,
      pointer,
      message: interpolate(template.message, { ...params, pointer: pointer === "" ? "(document)" : pointer }),
      params,
    };
  };
}

export function toReport(problems: readonly ValidationProblem[]): ValidationReport {
  return { valid: !problems.some((p) => p.severity === "error"), errors: [...problems] };
}

export function mergeReports(...reports: readonly ValidationReport[]): ValidationReport {
  return toReport(reports.flatMap((r) => r.errors));
}
