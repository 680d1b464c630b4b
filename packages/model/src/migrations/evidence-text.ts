import { isUri } from "@cohesion/schema";

/** Where a piece of the evidence text goes: a link's url, title or date, or the notes. */
export type EvidencePieceRole = "url" | "title" | "date" | "notes";

/** A run of the evidence text, `text === evidence.slice(start, end)`, and where it goes. */
export interface EvidencePiece {
  readonly role: EvidencePieceRole;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** For url, title and date: the index of the link it belongs to. */
  readonly link?: number;
}

/** A link found in the evidence. */
export interface FoundLink {
  readonly url: string;
  readonly title: string;
  /** Whether the title is words of the evidence, or the site's host name for want of them. */
  readonly titleFrom: "text" | "host";
  readonly date?: string;
}

/** Evidence text taken apart: the links in it, the rest for the notes, and where each piece came from. */
export interface SplitEvidence {
  readonly links: readonly FoundLink[];
  /** Runs of text that are not part of a link, in order, each verbatim. */
  readonly notes: readonly string[];
  /** Every piece moved, in text order. What no piece covers is only white space and separators. */
  readonly pieces: readonly EvidencePiece[];
}

// RFC 3986 characters a URL may hold (brackets only in IPv6 hosts, which free text does not use).
const URL_CANDIDATE = /https?:\/\/[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]+/gi;
const MAX_URL_LENGTH = 2000;
const MAX_TITLE_LENGTH = 150;
const PARTIAL_DATE = /^[0-9]{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?$/;
// Years of this and the last century only, so a count ("1500 people") is not taken for a date.
const DATE_AFTER = /^([ \t]*[,(]?[ \t]*)((?:19|20)[0-9]{2}(?:-[0-9]{2}(?:-[0-9]{2})?)?)(?![0-9A-Za-z-])/;
const DATE_AT_END = /(?:^|[\s,(])((?:19|20)[0-9]{2}(?:-[0-9]{2}(?:-[0-9]{2})?)?)\)?$/;
const OPENERS = new Map([["(", ")"], ["[", "]"], ['"', '"'], ["“", "”"]]);
const SENTENCE_END = /[.!?;](?=\s)|\n/g;
/** Characters that only separate a link from its title or date; dropping them loses no content. */
export const SEPARATORS = new Set([..." \t\r\n\f\v,;:.!?()[]{}<>\"'`-–—|/*•·"]);

function isSeparator(char: string): boolean {
  return SEPARATORS.has(char) || /\s/u.test(char);
}

/** Trailing characters that end a sentence rather than a URL: punctuation, an unmatched bracket. */
function trimUrl(url: string): string {
  let end = url.length;
  for (;;) {
    const last = url[end - 1] ?? "";
    const body = url.slice(0, end);
    const unmatched = last === ")" && (body.match(/\(/g)?.length ?? 0) < (body.match(/\)/g)?.length ?? 0);
    if (".,;:!?'*".includes(last) || unmatched) end--;
    else return url.slice(0, end);
  }
}

function hostOf(url: string): string | undefined {
  try {
    const host = new URL(url).hostname;
    return host.length > 0 ? host.replace(/^www\./, "") : undefined;
  } catch {
    return undefined;
  }
}

/** The span of `[start, end)` left after trimming separators from both ends. */
function trimSpan(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && isSeparator(text[s] ?? "")) s++;
  while (e > s && isSeparator(text[e - 1] ?? "")) e--;
  return [s, e];
}

/** The start of the sentence that holds `index`, not before `floor`. */
function sentenceStart(text: string, floor: number, index: number): number {
  let start = floor;
  for (const match of text.slice(floor, index).matchAll(SENTENCE_END)) start = floor + (match.index ?? 0) + match[0].length;
  return start;
}

/** The end of the sentence that starts at `from`, not after `ceiling`. */
function sentenceEnd(text: string, from: number, ceiling: number): number {
  SENTENCE_END.lastIndex = 0;
  const match = SENTENCE_END.exec(text.slice(from, ceiling));
  return match ? from + match.index : ceiling;
}

// Words that lead to a link without naming it ("see", "available at"): no title on their own.
const POINTERS = new Set(["see", "at", "in", "on", "via", "from", "here", "available", "online", "link", "links", "url", "source", "sources", "and", "or", "also", "the", "a", "an", "more", "details", "info"]);

function isTitle(text: string): boolean {
  if (text.length === 0 || [...text].length > MAX_TITLE_LENGTH || !/\p{L}/u.test(text)) return false;
  const words = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
  return words.some((w) => !POINTERS.has(w));
}

interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly url: string;
  readonly host: string;
}

function findUrls(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const match of text.matchAll(URL_CANDIDATE)) {
    const url = trimUrl(match[0]);
    const start = match.index ?? 0;
    const host = hostOf(url);
    // Text that only looks like a link stays text (and so goes to the notes).
    if (host === undefined || url.length > MAX_URL_LENGTH || !isUri(url)) continue;
    found.push({ start, end: start + url.length, url, host });
  }
  return found;
}

/**
 * Takes free-text evidence apart: each web address becomes a link, titled by the words next to it
 * (the same sentence, before it or else after it) or by its site's host name, and dated when a year
 * or date (YYYY, YYYY-MM, YYYY-MM-DD) sits right beside it; every other run of text is kept, verbatim,
 * for the notes. Nothing but white space and separating punctuation is left out.
 *
 * @example
 * splitEvidence("Council minutes (2023-05-04): https://example.org/minutes. Residents were consulted.");
 * // links: [{ url: "https://example.org/minutes", title: "Council minutes", titleFrom: "text", date: "2023-05-04" }]
 * // notes: ["Residents were consulted."]
 */
export function splitEvidence(text: string): SplitEvidence {
  const candidates = findUrls(text);
  const pieces: EvidencePiece[] = [];
  const links: FoundLink[] = [];
  let cursor = 0;
  candidates.forEach((candidate, index) => {
    const next = candidates[index + 1]?.start ?? text.length;
    let date: { start: number; end: number; text: string } | undefined;
    let afterUrl = candidate.end;
    const after = DATE_AFTER.exec(text.slice(candidate.end, next));
    if (after?.[2] !== undefined && PARTIAL_DATE.test(after[2])) {
      const start = candidate.end + (after[1]?.length ?? 0);
      date = { start, end: start + after[2].length, text: after[2] };
      afterUrl = date.end;
    }
    // The words before the link, in its sentence.
    let [titleStart, titleEnd] = trimSpan(text, sentenceStart(text, cursor, candidate.start), candidate.start);
    if (date === undefined && titleEnd > titleStart) {
      const atEnd = DATE_AT_END.exec(text.slice(titleStart, titleEnd));
      if (atEnd?.[1] !== undefined && PARTIAL_DATE.test(atEnd[1])) {
        const start = titleStart + (atEnd.index ?? 0) + atEnd[0].indexOf(atEnd[1]);
        date = { start, end: start + atEnd[1].length, text: atEnd[1] };
        [titleStart, titleEnd] = trimSpan(text, titleStart, start);
      }
    }
    let title = text.slice(titleStart, titleEnd);
    if (titleEnd === titleStart) {
      // A link that opens its sentence is named by the words after it, up to the sentence end or the next link.
      [titleStart, titleEnd] = trimSpan(text, afterUrl, sentenceEnd(text, afterUrl, next));
      title = text.slice(titleStart, titleEnd);
    }
    const fromText = isTitle(title);
    const found: EvidencePiece[] = [{ role: "url", start: candidate.start, end: candidate.end, text: candidate.url, link: index }];
    if (fromText) found.push({ role: "title", start: titleStart, end: titleEnd, text: title, link: index });
    if (date) found.push({ role: "date", start: date.start, end: date.end, text: date.text, link: index });
    pieces.push(...found);
    cursor = Math.max(...found.map((p) => p.end));
    links.push({ url: candidate.url, title: fromText ? title : candidate.host, titleFrom: fromText ? "text" : "host", ...(date ? { date: date.text } : {}) });
  });

  // Whatever no link took is kept for the notes, run by run.
  const taken = new Uint8Array(text.length);
  for (const piece of pieces) taken.fill(1, piece.start, piece.end);
  const notes: EvidencePiece[] = [];
  let runStart = -1;
  for (let i = 0; i <= text.length; i++) {
    const free = i < text.length && taken[i] === 0;
    if (free && runStart < 0) runStart = i;
    if (!free && runStart >= 0) {
      const [s, e] = trimSpan(text, runStart, i);
      // Keep the run from its first word, with the punctuation that closes it, once it holds any content.
      if (e > s) {
        let start = s;
        let end = i;
        while (end > e && /\s/u.test(text[end - 1] ?? "")) end--;
        const opener = text[start - 1] ?? "";
        const closer = OPENERS.get(opener);
        if (start > runStart && closer !== undefined && text.slice(start, end).includes(closer)) start--;
        notes.push({ role: "notes", start, end, text: text.slice(start, end) });
      }
      runStart = -1;
    }
  }
  const all = [...pieces, ...notes].sort((a, b) => a.start - b.start);
  return { links, notes: notes.map((n) => n.text), pieces: all };
}
