// A TLP label picker that explains the chosen label (TLP_MEANING) right under it.
import { useId } from "react";
import { isTlpLabel, TLP_LABELS, TLP_MEANING, type TlpLabel } from "../../shared/tlp.js";
import { TlpBadge } from "./tlp-badge.js";

/** A labelled <select> of the five TLP 2.0 labels with the meaning of the current one as help text. */
export function TlpSelect({
  value,
  onChange,
  label = "TLP label",
}: {
  value: TlpLabel;
  onChange: (label: TlpLabel) => void;
  label?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="tlp-select">
        <select
          id={id}
          value={value}
          aria-describedby={`${id}-meaning`}
          onChange={(e) => {
            if (isTlpLabel(e.target.value)) onChange(e.target.value);
          }}
        >
          {TLP_LABELS.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
        <TlpBadge label={value} />
      </div>
      <p id={`${id}-meaning`} className="hint" aria-live="polite">
        {TLP_MEANING[value]}
      </p>
    </div>
  );
}
