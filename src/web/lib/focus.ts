// Keeps keyboard focus somewhere sensible after the focused control disappears.

/** Focuses the element with `id` (made focusable by script) once React has rendered. */
export function focusById(id: string): void {
  window.requestAnimationFrame(() => {
    const element = document.getElementById(id);
    if (!element) return;
    if (!element.hasAttribute("tabindex")) element.setAttribute("tabindex", "-1");
    element.focus();
  });
}
