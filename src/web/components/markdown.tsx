// Renders untrusted markdown as sanitised HTML.
import { useMemo } from "react";
import { renderMarkdown } from "../lib/markdown.js";

/** Markdown from the server or the user, parsed by marked and sanitised by DOMPurify. */
export function Markdown({ source, className = "prose" }: { source: string; className?: string }) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by DOMPurify in renderMarkdown.
  return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
