// /account: profile, second factor, documents, notifications by e-mail, calendar feeds, the organisation's escalation
// contact and API tokens; during enrolment only the second factor.

import { ErrorAlert, Notice } from "../components/alert.js";
import { DocumentsAcceptance } from "../components/documents-acceptance.js";
import { Loading } from "../components/loading.js";
import { documentsApi } from "../data/endpoints.js";
import { useApi } from "../hooks/use-api.js";
import { useTitle } from "../hooks/use-title.js";
import { roleName, seatName } from "../lib/format.js";
import { Link } from "../router/router.js";
import { useRequiredSession } from "../session/session.js";
import { CalendarFeedsSection } from "./account/calendar-feeds-section.js";
import { EscalationContactSection } from "./account/escalation-contact-section.js";
import { NotificationPreferencesSection } from "./account/notification-preferences-section.js";
import { TokensSection } from "./account/tokens-section.js";
import { TotpSection } from "./account/totp-section.js";

function Profile() {
  const { person } = useRequiredSession();
  return (
    <section className="card" aria-labelledby="profile-heading">
      <h2 id="profile-heading">Profile</h2>
      <dl className="meta">
        <div>
          <dt>Name</dt>
          <dd>{person.name}</dd>
        </div>
        <div>
          <dt>E-mail</dt>
          <dd>{person.email}</dd>
        </div>
        <div>
          <dt>Organisation</dt>
          <dd>{person.organisationName}</dd>
        </div>
        <div>
          <dt>Role</dt>
          <dd>
            {roleName(person.role)}
            {person.chairSeat ? ` (${seatName(person.chairSeat)})` : ""}
          </dd>
        </div>
      </dl>
      <p className="muted small">To change your name or e-mail address, ask the secretariat.</p>
    </section>
  );
}

function DocumentsSection() {
  const documents = useApi((signal) => documentsApi.current({ signal }), []);
  return (
    <section className="card" aria-labelledby="documents-heading">
      <h2 id="documents-heading">Terms of Reference and NDA</h2>
      <p>
        Read the full texts on the <Link to="/documents">documents page</Link>.
      </p>
      {documents.loading && !documents.data && <Loading />}
      <ErrorAlert error={documents.error} />
      {documents.data && <DocumentsAcceptance current={documents.data} onAccepted={documents.setData} />}
    </section>
  );
}

/** The account page. */
export function AccountPage() {
  useTitle("Account");
  const { stage } = useRequiredSession();
  if (stage === "enrolment") {
    return (
      <>
        <h1>Enrol a second factor</h1>
        <Notice kind="warning">
          <p>
            <strong>Before you continue, enrol an authenticator app.</strong> Chairs and the secretariat must use a second factor
            (a 6-digit TOTP code) in addition to their password, because they hold the keys to the exchange. Until you enrol, you
            cannot use Roundtable.
          </p>
        </Notice>
        <TotpSection />
      </>
    );
  }
  return (
    <>
      <h1>Account</h1>
      <div className="stack">
        <Profile />
        <TotpSection />
        <DocumentsSection />
        <NotificationPreferencesSection />
        <CalendarFeedsSection />
        <EscalationContactSection />
        <TokensSection />
      </div>
    </>
  );
}
