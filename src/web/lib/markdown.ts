// Markdown to sanitised HTML: marked for parsing (raw HTML shown as text), DOMPurify for every byte that reaches the DOM.
import DOMPurify from "dompurify";
import { Marked } from "marked";

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

// Raw HTML in a post is shown literally (a report may quote a payload); it is never interpreted.
const marked = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  renderer: {
    html: ({ text }) => escapeHtml(text),
  },
});

let hooked = false;

function ensureHooks(): void {
  if (hooked) return;
  hooked = true;
  // Links open in a new tab without leaking the opener or the referrer.
  DOMPurify.addHook("afterSanitizeAttributes", (node) => {
    if (node.tagName === "A" && node.hasAttribute("href")) {
      node.setAttribute("target", "_blank");
      node.setAttribute("rel", "noopener noreferrer");
    }
  });
}

/** Renders untrusted markdown to HTML that is safe to set as innerHTML. */
export function renderMarkdown(source: string): string {
  ensureHooks();
  const html = marked.parse(source) as string;
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ["style", "form", "input", "button", "textarea", "select"],
    FORBID_ATTR: ["style"],
  });
}

/** Sanitises an SVG string (e.g. the server's TOTP QR code) for inline rendering. */
export function sanitizeSvg(svg: string): string {
  return DOMPurify.sanitize(svg, { USE_PROFILES: { svg: true, svgFilters: true } });
}
