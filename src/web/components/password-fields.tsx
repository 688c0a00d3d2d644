// A new password with its confirmation, with the server's length rule explained up front.
import { useId } from "react";
import { MIN_PASSWORD_LENGTH } from "../../shared/schemas/auth.schemas.js";

/** Returns a problem with the new password pair, or null. */
export function passwordProblem(password: string, confirmation: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password !== confirmation) return "The two passwords differ.";
  return null;
}

/** Two password inputs: choose and repeat. */
export function PasswordFields({
  password,
  confirmation,
  onPassword,
  onConfirmation,
}: {
  password: string;
  confirmation: string;
  onPassword: (value: string) => void;
  onConfirmation: (value: string) => void;
}) {
  const id = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-password`}>Choose a password</label>
        <input
          id={`${id}-password`}
          type="password"
          autoComplete="new-password"
          minLength={MIN_PASSWORD_LENGTH}
          maxLength={256}
          required
          aria-describedby={`${id}-password-hint`}
          value={password}
          onChange={(e) => onPassword(e.target.value)}
        />
        <p id={`${id}-password-hint`} className="hint">
          At least {MIN_PASSWORD_LENGTH} characters. A passphrase of several words works well.
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-confirmation`}>Repeat the password</label>
        <input
          id={`${id}-confirmation`}
          type="password"
          autoComplete="new-password"
          required
          value={confirmation}
          onChange={(e) => onConfirmation(e.target.value)}
        />
      </div>
    </>
  );
}
