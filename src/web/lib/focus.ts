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

/** Focuses the first field marked aria-invalid (after React has rendered the error state). */
export function focusFirstInvalid(): void {
  window.requestAnimationFrame(() => {
    const field = document.querySelector<HTMLElement>(
      "main input[aria-invalid='true'], main select[aria-invalid='true'], main textarea[aria-invalid='true']",
    );
    field?.focus();
  });
}
