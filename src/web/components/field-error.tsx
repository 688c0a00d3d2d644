// The error message under one form field (referenced by the field's aria-describedby).

/** Renders `message` with `id`, or nothing. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      {message}
    </p>
  );
}

/** The aria-describedby value for a field with optional hint and error. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const text = ids.filter(Boolean).join(" ");
  return text || undefined;
}
