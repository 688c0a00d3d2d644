// Shows the invitation link the server created, to pass on when it was not e-mailed.
import type { InvitePersonResponse } from "../data/types.js";
import { Notice } from "./alert.js";
import { CopyButton } from "./copy-button.js";

/** The outcome of inviting (or re-inviting) a person. */
export function InvitationResult({ result, onDismiss }: { result: InvitePersonResponse; onDismiss: () => void }) {
  return (
    <Notice kind={result.mailed ? "success" : "warning"}>
      <p>
        {result.mailed ? (
          <>
            An invitation was e-mailed to <strong>{result.person.email}</strong>.
          </>
        ) : (
          <>
            <strong>The invitation was not e-mailed.</strong> Pass this link to {result.person.name} ({result.person.email}) over
            a trusted channel:
          </>
        )}
      </p>
      <p className="secret">
        <code data-testid="invitation-url">{result.invitationUrl}</code>{" "}
        <CopyButton text={result.invitationUrl} label="Copy link" />
      </p>
      <button type="button" className="button button-secondary button-small" onClick={onDismiss}>
        Dismiss
      </button>
    </Notice>
  );
}
