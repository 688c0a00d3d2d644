// The end of a form: its error, the submit button (with a busy text while sending) and an optional Cancel.
import { Link } from "../router/router.js";
import { ErrorAlert } from "./alert.js";

interface SubmitButtonProps {
  busy: boolean;
  /** The button's text. */
  label: string;
  /** The text while busy, e.g. "Saving…". */
  busyLabel: string;
  /** A destructive or urgent action (red button). */
  danger?: boolean;
  /** Disabled for another reason than being busy. */
  disabled?: boolean;
}

/** The submit button; disabled and showing `busyLabel` while busy. */
export function SubmitButton({ busy, label, busyLabel, danger = false, disabled = false }: SubmitButtonProps) {
  return (
    <button type="submit" className={danger ? "button button-danger" : "button"} disabled={busy || disabled}>
      {busy ? busyLabel : label}
    </button>
  );
}

/** The error (if any), then the submit button and, with `onCancel`, a Cancel button (with `cancelTo`, a Cancel link). */
export function FormActions({
  error,
  onCancel,
  cancelTo,
  ...submit
}: SubmitButtonProps & {
  error: unknown;
  onCancel?: (() => void) | undefined;
  /** Where Cancel leads, as a link styled as a button. */
  cancelTo?: string | undefined;
}) {
  return (
    <>
      <ErrorAlert error={error} />
      <div className="actions">
        <SubmitButton {...submit} />
        {onCancel && (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
        {cancelTo !== undefined && (
          <Link to={cancelTo} className="button button-secondary">
            Cancel
          </Link>
        )}
      </div>
    </>
  );
}
