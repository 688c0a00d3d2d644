// What the forms creating one's own account share (accepting an invitation, the first start): the name, the password
// pair, the footer, and sending, which logs the new account in and moves on.
import { type FormEvent, type ReactNode, useState } from "react";
import type { SessionResponse } from "../data/types.js";
import { type Submit, useSubmit } from "../hooks/use-submit.js";
import { navigate } from "../router/router.js";
import { useSession } from "../session/session.js";
import { FormActions } from "./form-actions.js";
import { PasswordFields, passwordProblem } from "./password-fields.js";

/** What `useNewAccount` gives a form. */
export interface NewAccount extends Pick<Submit, "busy" | "error"> {
  name: string;
  setName: (name: string) => void;
  password: string;
  setPassword: (password: string) => void;
  confirmation: string;
  setConfirmation: (confirmation: string) => void;
  /** The form's submit handler: checks the password pair, then sends `create` and logs its session in. */
  submitWith: (create: () => Promise<SessionResponse>) => (event: FormEvent) => Promise<void>;
}

/** The state of a form creating one's account. */
export function useNewAccount(): NewAccount {
  const { setSession } = useSession();
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const { busy, error, refuse, send } = useSubmit();

  const submitWith = (create: () => Promise<SessionResponse>) => async (event: FormEvent) => {
    event.preventDefault();
    const problem = passwordProblem(password, confirmation);
    if (problem) {
      refuse(problem);
      return;
    }
    await send(async () => {
      const session = await create();
      setSession(session);
      navigate(session.stage === "complete" ? "/" : "/account", {
        replace: true,
      });
    });
  };
  return { name, setName, password, setPassword, confirmation, setConfirmation, busy, error, submitWith };
}

/** The name field (`nameId` its id), `children` (further fields), the password pair and the footer. */
export function NewAccountFields({
  account,
  nameId,
  label,
  busyLabel,
  children,
}: {
  account: NewAccount;
  nameId: string;
  label: string;
  busyLabel: string;
  children?: ReactNode;
}) {
  return (
    <>
      <div className="field">
        <label htmlFor={nameId}>Your name</label>
        <input
          id={nameId}
          autoComplete="name"
          required
          maxLength={120}
          value={account.name}
          onChange={(e) => account.setName(e.target.value)}
        />
      </div>
      {children}
      <PasswordFields
        password={account.password}
        confirmation={account.confirmation}
        onPassword={account.setPassword}
        onConfirmation={account.setConfirmation}
      />
      <FormActions error={account.error} busy={account.busy} label={label} busyLabel={busyLabel} />
    </>
  );
}
