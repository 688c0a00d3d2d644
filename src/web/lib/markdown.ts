// Markdown to sanitised HTML: marked for parsing (raw HTML shown as text, remote images not loaded), DOMPurify for every byte.
import DOMPurify from "dompurify";
import { Marked } from "marked";

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** True for an image address on this site (e.g. an attachment); remote and data: images would leak or track. */
export function isSameOriginImage(src: string): boolean {
  try {
    const url = new URL(src, window.location.href);
    return (url.protocol === "https:" || url.protocol === "http:") && url.origin === window.location.origin;
  } catch {
    return false;
  }
}

// Raw HTML in a post is shown literally (a report may quote a payload); it is never interpreted.
// Images from elsewhere are named, not fetched: loading them would tell a third party who reads the post.
const marked = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  renderer: {
    html: ({ text }) => escapeHtml(text),
    image: ({ href, text }) =>
      isSameOriginImage(href) ? false : `<span class="blocked-image">[Image not loaded: ${escapeHtml(text || href)}]</span>`,
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
    // Second line of defence: no image leaves the site, whatever produced the <img>.
    if (node.tagName === "IMG") {
      node.removeAttribute("srcset");
      const src = node.getAttribute("src");
      if (src !== null && !isSameOriginImage(src)) node.removeAttribute("src");
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
