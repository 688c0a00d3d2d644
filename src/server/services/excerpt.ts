// A plain-text excerpt of a markdown body for feed entries.

/** The first `max` characters of `body` as plain text: markdown markers out, words (e-mail, look-alike) intact. */
export function excerpt(body: string, max = 240): string {
  const text = body
    .replace(/^\s*(?:[-*+]|\d+\.|#+|>)\s+/gm, "")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`~#>]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
