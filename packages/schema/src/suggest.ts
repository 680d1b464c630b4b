import { distance } from "fastest-levenshtein";

function normalise(name: string): string {
  return name.toLowerCase().replace(/[-_\s]/g, "");
}

/**
 * The candidate closest to a misspelt name, if one is close enough to be a likely typo
 * (same letters ignoring case and separators, or a small edit distance).
 *
 * @example
 * nearestName("titel", ["title", "id"]); // "title"
 * nearestName("key_factors", ["keyFactors"]); // "keyFactors"
 */
export function nearestName(name: string, candidates: readonly string[]): string | undefined {
  if (name.length > 200) return undefined;
  const wanted = normalise(name);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    if (normalise(candidate) === wanted) return candidate;
    const d = distance(wanted, normalise(candidate));
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  const allowed = Math.max(2, Math.floor(wanted.length / 3));
  return bestDistance <= allowed ? best : undefined;
}
