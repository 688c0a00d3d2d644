// The warning that shows a new secret (an API token, a calendar feed's address) the only time it can be seen.
import type { ReactNode } from "react";
import { Notice } from "./alert.js";
import { CopyButton } from "./copy-button.js";

/** Shows `secret` with a copy button under `children` (what to copy and why now); "I have copied it" calls `onDone`. */
export function SecretNotice({
  secret,
  testId,
  copyLabel,
  onDone,
  children,
}: {
  secret: string;
  testId: string;
  copyLabel: string;
  onDone: () => void;
  children: ReactNode;
}) {
  return (
    <Notice kind="warning">
      <p>{children}</p>
      <p className="secret">
        <code data-testid={testId}>{secret}</code> <CopyButton text={secret} label={copyLabel} />
      </p>
      <button type="button" className="button button-secondary button-small" onClick={onDone}>
        I have copied it
      </button>
    </Notice>
  );
}
