// Organisations that have contributed nothing for the chosen number of days, each with a suggested nudge the chairs
// may copy: a suggestion to reach out, never a sanction.
import { CopyButton } from "../../components/copy-button.js";
import { DateTime } from "../../components/date-time.js";
import type { InactiveOrganisation } from "../../data/types.js";
import { organisationKindName } from "../../lib/format.js";

/** The section; `days` is the threshold the list was computed with. */
export function FlaggedSection({ inactive, days }: { inactive: readonly InactiveOrganisation[]; days: number }) {
  return (
    <section className="section" aria-labelledby="flagged-heading" data-testid="flagged">
      <h2 id="flagged-heading">
        Flagged: no contribution in {days} days <span className="heading-count">({inactive.length})</span>
      </h2>
      <p className="lead">
        Organisations that have shared nothing you can see for {days} days. These are suggestions for the chairs to reach out — a
        quiet member may simply need a word or a hand, never a sanction.
      </p>
      {inactive.length === 0 ? (
        <p className="muted">Every organisation has contributed in the last {days} days.</p>
      ) : (
        <ul className="flagged-list" aria-label="Flagged organisations">
          {inactive.map((o) => (
            <li key={o.organisation.id} className="card flagged-card">
              <h3>{o.organisation.name}</h3>
              <p className="entry-meta">
                {organisationKindName(o.organisation.kind)}
                {" · "}
                {o.lastContributionAt ? (
                  <>
                    last contribution <DateTime iso={o.lastContributionAt} dateOnly />
                  </>
                ) : (
                  "no contribution yet"
                )}
                {" · "}
                {o.itemsRead} item{o.itemsRead === 1 ? "" : "s"} read in the period
              </p>
              <p className="nudge-label">Suggested next step</p>
              <blockquote className="nudge">{o.nudge}</blockquote>
              <CopyButton text={o.nudge} label="Copy the suggestion" />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
