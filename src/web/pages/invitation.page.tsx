// /invitation/:token: shows who invited the person and lets them choose a password.
import { useEffect } from "react";
import { ErrorAlert } from "../components/alert.js";
import { DateTime } from "../components/date-time.js";
import { Loading } from "../components/loading.js";
import { NewAccountFields, useNewAccount } from "../components/new-account.js";
import { authApi } from "../data/endpoints.js";
import { useApi } from "../hooks/use-api.js";
import { useTitle } from "../hooks/use-title.js";
import { roleName } from "../lib/format.js";
import { Link } from "../router/router.js";

/** The invitation acceptance page. */
export function InvitationPage({ token }: { token: string }) {
  useTitle("Accept your invitation");
  const info = useApi((signal) => authApi.invitation(token, { signal }), [token]);
  const account = useNewAccount();
  const { setName } = account;

  useEffect(() => {
    if (info.data) setName(info.data.name);
  }, [info.data, setName]);

  const submit = account.submitWith(() => {
    const { password } = account;
    const name = account.name.trim();
    return authApi.acceptInvitation(token, name && name !== info.data?.name ? { password, name } : { password });
  });

  return (
    <section className="card auth-card">
      <h1 id="invitation-heading">Accept your invitation</h1>
      {info.loading && <Loading />}
      <ErrorAlert error={info.error}>
        <p>
          Ask the secretariat for a new invitation, or <Link to="/login">log in</Link> if you already have an account.
        </p>
      </ErrorAlert>
      {info.data && (
        <>
          <p>
            You are invited to join Roundtable as <strong>{roleName(info.data.role).toLowerCase()}</strong> for{" "}
            <strong>{info.data.organisationName}</strong>, with the e-mail address <strong>{info.data.email}</strong>. The
            invitation is valid until <DateTime iso={info.data.expiresAt} />.
          </p>
          <form onSubmit={submit}>
            <NewAccountFields
              account={account}
              nameId="invite-name"
              label="Accept and create account"
              busyLabel="Creating your account…"
            />
          </form>
        </>
      )}
    </section>
  );
}
