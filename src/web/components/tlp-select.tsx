// A TLP label picker that explains the chosen label (TLP_MEANING) right under it.
import { useId } from "react";
import { isAtLeastAsRestrictive, isTlpLabel, TLP_LABELS, TLP_MEANING, type TlpLabel } from "../../shared/tlp.js";
import { TlpBadge } from "./tlp-badge.js";

/**
 * A labelled <select> of the TLP 2.0 labels with the meaning of the current one as help text;
 * with `minimum`, only labels at least as restrictive as it are offered (a reply never loosens its parent).
 */
export function TlpSelect({
  value,
  onChange,
  label = "TLP label",
  minimum,
  hint,
}: {
  value: TlpLabel;
  onChange: (label: TlpLabel) => void;
  label?: string;
  minimum?: TlpLabel;
  hint?: string;
}) {
  const id = useId();
  const labels = minimum ? TLP_LABELS.filter((l) => isAtLeastAsRestrictive(l, minimum)) : TLP_LABELS;
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
          {labels.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
        <TlpBadge label={value} />
      </div>
      <p id={`${id}-meaning`} className="hint" aria-live="polite">
        {TLP_MEANING[value]}
        {hint && ` ${hint}`}
      </p>
    </div>
  );
}
