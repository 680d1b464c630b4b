/**
 * What was thrown, in words, for a message: an Error's message (its name when the message is empty), a
 * string as it is, anything else as `String()` gives it. Never throws itself: a plugin or a caller's data
 * can throw anything — a Symbol, `null`, an object whose `message` getter or `toString` throws, a revoked
 * Proxy — and describing it must not raise a second error in the place meant to report the first.
 *
 * @example
 * describeThrown(new Error("disk full")); // "disk full"
 * describeThrown(Symbol("x")); // "Symbol(x)"
 * describeThrown({ toString() { throw new Error(); } }); // "a value that cannot be shown (an object that is not an Error)"
 */
export function describeThrown(thrown: unknown): string {
  try {
    if (thrown instanceof Error) {
      const message: unknown = thrown.message;
      return typeof message === "string" && message !== "" ? message : String(thrown.name);
    }
    if (typeof thrown === "string") return thrown;
    if (typeof thrown === "object" && thrown !== null) {
      const message: unknown = (thrown as { message?: unknown }).message;
      if (typeof message === "string" && message !== "") return message;
      const text = String(thrown);
      return text === "[object Object]" ? "an object that is not an Error" : text;
    }
    return String(thrown);
  } catch {
    return `a value that cannot be shown (${kindOf(thrown)})`;
  }
}

function kindOf(thrown: unknown): string {
  try {
    return thrown instanceof Error ? "an Error" : "an object that is not an Error";
  } catch {
    return "a Proxy that cannot be read";
  }
}
