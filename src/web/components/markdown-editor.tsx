// A markdown textarea with a "Write / Preview" switch; the preview is sanitised like the real view.
import { useId, useState } from "react";
import { Markdown } from "./markdown.js";

/** A labelled markdown editor. */
export function MarkdownEditor({
  label,
  value,
  onChange,
  hint = "Markdown: **bold**, _italic_, lists, `code`, [links](https://example.org), tables.",
  rows = 14,
  maxLength,
  id: givenId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  rows?: number;
  maxLength?: number;
  /** The textarea's id, e.g. to move focus to it. */
  id?: string | undefined;
}) {
  const generatedId = useId();
  const id = givenId ?? generatedId;
  const [preview, setPreview] = useState(false);
  return (
    <div className="field markdown-editor">
      <div className="markdown-editor-head">
        <label htmlFor={id}>{label}</label>
        <div className="segmented">
          <button type="button" aria-pressed={!preview} onClick={() => setPreview(false)}>
            Write<span className="visually-hidden"> {label.toLowerCase()}</span>
          </button>
          <button type="button" aria-pressed={preview} onClick={() => setPreview(true)}>
            Preview
            <span className="visually-hidden"> {label.toLowerCase()}</span>
          </button>
        </div>
      </div>
      <textarea
        id={id}
        rows={rows}
        value={value}
        maxLength={maxLength}
        hidden={preview}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onChange(e.target.value)}
      />
      {preview && (
        <section className="markdown-preview" aria-label={`${label} preview`}>
          {value.trim() ? <Markdown source={value} /> : <p className="muted">Nothing to preview.</p>}
        </section>
      )}
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
    </div>
  );
}
