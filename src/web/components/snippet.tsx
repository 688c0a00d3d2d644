// A search snippet: plain text whose matches the server wrapped in [[ and ]], shown as <mark>.
import type { ReactNode } from "react";

/** Splits the snippet on [[…]] and renders matches as <mark>; all text stays escaped by React. */
export function Snippet({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  const pattern = /\[\[([\s\S]*?)\]\]/g;
  let last = 0;
  let key = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push(<mark key={key++}>{match[1]}</mark>);
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <p className="snippet">{parts}</p>;
}
