import { describeModel, type AnyScoringModel } from "@cohesion/scoring";
import type { ValidationProblem } from "@cohesion/schema";
import { cliProblem } from "./problems";
import { suggestionText } from "./suggest";
import { describeThrown } from "@cohesion/schema";

/**
 * The model parameters given as `--param name=value` flags, checked against the model's description
 * (`describeModel`): each name must be a parameter of the model and each value one it accepts. A value
 * is read as JSON when it is JSON (`60`, `true`, `[...]`), otherwise as text.
 *
 * @example
 * ```ts
 * const read = parametersFromFlags(["threshold=60"], threshold); // { parameters: { threshold: 60 }, problems: [] }
 * ```
 */
export function parametersFromFlags(flags: readonly string[], model: AnyScoringModel): { parameters: Record<string, unknown>; problems: ValidationProblem[] } {
  const parameters: Record<string, unknown> = {};
  const problems: ValidationProblem[] = [];
  const described = describeModel(model).parameters;
  const properties = (described?.["properties"] ?? {}) as Record<string, Record<string, unknown>>;
  const names = Object.keys(properties);
  for (const flag of flags) {
    const at = flag.indexOf("=");
    const name = at > 0 ? flag.slice(0, at).trim() : "";
    if (name === "") {
      problems.push(cliProblem("invalid_param_flag", "", { flag, example: names[0] ? `${names[0]}=${String(properties[names[0]]?.["default"] ?? "value")}` : "name=value" }));
      continue;
    }
    const text = flag.slice(at + 1);
    const value = readValue(text);
    if (described !== undefined && !Object.hasOwn(properties, name)) {
      problems.push(cliProblem("unknown_param", `/${name}`, { name, model: model.id, suggestion: suggestionText(name, names), allowed: allowedList(properties) }));
      continue;
    }
    // Only this parameter's issues: a model's other required parameters may come in later flags.
    const issues = issuesOf(model, name, value);
    if (issues.length > 0) {
      const detail = issues.join("; ");
      problems.push(cliProblem("invalid_param_value", `/${name}`, { name, value: text, detail, allowed: allowedOf(properties[name]) }));
      continue;
    }
    parameters[name] = value;
  }
  return { parameters, problems };
}

function issuesOf(model: AnyScoringModel, name: string, value: unknown): string[] {
  try {
    const checked = model.parameters.safeParse({ [name]: value });
    if (checked.success) return [];
    return checked.error.issues.filter((issue) => issue.path.length === 0 || issue.path[0] === name).map((issue) => issue.message);
  } catch (error) {
    return [`the model could not check it (${describeThrown(error)})`];
  }
}

function readValue(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function allowedList(properties: Record<string, Record<string, unknown>>): string {
  const names = Object.keys(properties);
  return names.length === 0 ? "none" : names.map((name) => `${name} (${allowedOf(properties[name])})`).join(", ");
}

// A parameter's JSON Schema in words, for messages.
function allowedOf(schema: Record<string, unknown> | undefined): string {
  if (schema === undefined) return "any value";
  const parts: string[] = [];
  const type = schema["type"];
  if (Array.isArray(schema["enum"])) parts.push(`one of ${(schema["enum"] as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`);
  else if (type === "number" || type === "integer") {
    const min = schema["minimum"];
    const max = schema["maximum"];
    const kind = type === "integer" ? "a whole number" : "a number";
    parts.push(typeof min === "number" && typeof max === "number" ? `${kind} from ${min} to ${max}` : kind);
  } else if (type === "boolean") parts.push("true or false");
  else if (type === "array") parts.push("a JSON array");
  else if (type === "object") parts.push("a JSON object");
  else if (type === "string") parts.push("text");
  else parts.push("a JSON value");
  if (schema["default"] !== undefined) parts.push(`default ${JSON.stringify(schema["default"])}`);
  return parts.join(", ");
}
