// A two-step button for destructive actions: first click asks, second click does it.
import { useEffect, useRef, useState } from "react";

interface ConfirmButtonProps {
  label: string;
  confirmLabel?: string;
  question?: string;
  busy?: boolean;
  onConfirm: () => void;
}

/** Asks inline before running `onConfirm` (no browser dialog); keeps keyboard focus in place. */
export function ConfirmButton({ label, confirmLabel, question, busy = false, onConfirm }: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const startRef = useRef<HTMLButtonElement>(null);
  const yesRef = useRef<HTMLButtonElement>(null);
  const moved = useRef(false);

  useEffect(() => {
    if (!moved.current) return;
    if (asking) yesRef.current?.focus();
    else startRef.current?.focus();
  }, [asking]);

  const ask = (value: boolean) => {
    moved.current = true;
    setAsking(value);
  };

  if (!asking) {
    return (
      <button ref={startRef} type="button" className="button button-danger-outline button-small" onClick={() => ask(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm">
      {question && <span className="confirm-question">{question}</span>}
      <button
        ref={yesRef}
        type="button"
        className="button button-danger button-small"
        disabled={busy}
        onClick={() => {
          onConfirm();
          ask(false);
        }}
      >
        {confirmLabel ?? `Yes, ${label.charAt(0).toLowerCase()}${label.slice(1)}`}
      </button>
      <button type="button" className="button button-secondary button-small" onClick={() => ask(false)}>
        Cancel
      </button>
    </span>
  );
}
