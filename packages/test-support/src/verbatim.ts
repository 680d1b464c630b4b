/**
 * Finds text in content that copies the source documents word for word, the way the repository's verbatim
 * check does: words are lower-cased, accents and apostrophe styles folded, and any run of `words` (12) or more
 * consecutive words that also stands in a source document counts as copied. Each run is reported with the file,
 * the JSON Pointer of the string it sits in and whether it is that whole string, so a test can allow what must
 * be exact (a title or a name held whole) and refuse everything else (a copied sentence).
 *
 * Test-only and private, never published: imported as `@cohesion/test-support/verbatim`.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The source documents: the plain-text copies beside the repository (`shared/seeds`). */
export const SOURCES_DIR = fileURLToPath(new URL("../../../../shared/seeds/", import.meta.url));

/** One run of copied words. */
export interface CopiedRun {
  readonly file: string;
  /** JSON Pointer of the string holding the run; "" for a file read as text (Markdown, TypeScript). */
  readonly pointer: string;
  /** The property the string is the value of (`title`, `name`…), or undefined for text and array items. */
  readonly field: string | undefined;
  readonly words: string;
  readonly count: number;
  /** Whether the run is every word of its string: the string is quoted whole, not a sentence borrowed in part. */
  readonly whole: boolean;
}

/**
 * A passage of a source document, from the first place `start` stands in it to just before `end` (emphasis
 * marks dropped, white space collapsed): how a test names a long title it checks without copying it.
 *
 * @example
 * ```ts
 * sourcePassage("004_4425345120a0e79b.txt", "Create spaces where", /["\n]/); // the objective 5 heading
 * ```
 */
export function sourcePassage(file: string, start: string, end: RegExp): string {
  const text = readFileSync(join(SOURCES_DIR, file), "utf8");
  const from = text.indexOf(start);
  if (from < 0) throw new Error(`"${start}" does not stand in ${file}`);
  const rest = text.slice(from);
  return rest
    .slice(0, end.exec(rest)?.index ?? rest.length)
    .replace(/\*\*/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

const WORD = /[a-z0-9\u00c0-\u024f]+/g;

/** The words of a text as the check compares them. */
export function wordsOf(text: string): string[] {
  const folded = text.toLowerCase().replace(/\u2019/g, "'").normalize("NFKD").replace(/\p{M}/gu, "");
  return folded.match(WORD) ?? [];
}

const gramsCache = new Map<number, Set<string>>();

/** Every run of `n` consecutive words of the source documents. */
export function sourceGrams(n = 12): Set<string> {
  const known = gramsCache.get(n);
  if (known) return known;
  const grams = new Set<string>();
  for (const name of readdirSync(SOURCES_DIR).filter((f) => f.endsWith(".txt")).sort()) {
    const words = wordsOf(readFileSync(join(SOURCES_DIR, name), "utf8"));
    for (let k = 0; k + n <= words.length; k++) grams.add(words.slice(k, k + n).join(" "));
  }
  gramsCache.set(n, grams);
  return grams;
}

function runsIn(text: string, grams: Set<string>, n: number): { words: string; count: number; whole: boolean }[] {
  const words = wordsOf(text);
  const runs: { words: string; count: number; whole: boolean }[] = [];
  let k = 0;
  while (k + n <= words.length) {
    if (!grams.has(words.slice(k, k + n).join(" "))) {
      k++;
      continue;
    }
    let end = k + n;
    while (end < words.length && grams.has(words.slice(end - n + 1, end + 1).join(" "))) end++;
    runs.push({ words: words.slice(k, end).join(" "), count: end - k, whole: k === 0 && end === words.length });
    k = end;
  }
  return runs;
}

function escapeToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

function strings(node: unknown, pointer: string, field: string | undefined, out: { pointer: string; field: string | undefined; text: string }[]): void {
  if (typeof node === "string") out.push({ pointer, field, text: node });
  else if (Array.isArray(node)) node.forEach((item, i) => strings(item, `${pointer}/${i}`, undefined, out));
  else if (typeof node === "object" && node !== null) for (const [key, value] of Object.entries(node)) strings(value, `${pointer}/${escapeToken(key)}`, key, out);
}

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((name) => name !== "node_modules" && name !== "dist")
    .flatMap((name) => filesUnder(join(path, name)));
}

/**
 * Every copied run in the `.json`, `.yaml`, `.yml`, `.md` and `.ts` files under `paths`: JSON string by
 * string (with its pointer and property), other files as whole text.
 *
 * @example
 * ```ts
 * copiedRuns(["packages/plugin-oecd"]).filter((run) => !(run.whole && run.field === "title"));
 * ```
 */
export function copiedRuns(paths: readonly string[], n = 12): CopiedRun[] {
  const grams = sourceGrams(n);
  const runs: CopiedRun[] = [];
  for (const file of paths.flatMap(filesUnder).sort()) {
    if (!/\.(json|ya?ml|md|ts)$/.test(file)) continue;
    const raw = readFileSync(file, "utf8");
    const texts: { pointer: string; field: string | undefined; text: string }[] = [];
    let parsed: unknown;
    try {
      parsed = file.endsWith(".json") ? JSON.parse(raw) : undefined;
    } catch {
      parsed = undefined;
    }
    if (parsed === undefined) texts.push({ pointer: "", field: undefined, text: raw });
    else strings(parsed, "", undefined, texts);
    for (const { pointer, field, text } of texts) for (const run of runsIn(text, grams, n)) runs.push({ file, pointer, field, ...run });
  }
  return runs;
}

/**
 * The fields that hold a name exactly as the source writes it, and so may repeat a long run of it when held
 * whole: titles (of key factors, objectives, tools, themes, context factors) and the names of organisations.
 */
export const NAME_FIELDS: ReadonlySet<string> = new Set(["title", "name", "organisation"]);

/** The runs that are not a whole title or name: copied sentences, which the content must not hold. */
export function copiedSentences(runs: readonly CopiedRun[]): CopiedRun[] {
  return runs.filter((run) => !(run.whole && run.field !== undefined && NAME_FIELDS.has(run.field)));
}
