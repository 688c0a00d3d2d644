// Anonymous contribution: the true originator is stored for enforcement; everyone outside the
// originating organisation sees a pseudonym — in views, exports and the audit trail.
import { randomBytes } from "node:crypto";

/** A fresh pseudonym for one anonymous item, comment or attachment (not linkable across items). */
export function newPseudonym(): string {
  return `Anonymous contributor ${randomBytes(3).toString("hex").toUpperCase()}`;
}

/** What a viewer sees as author and organisation of a piece of content. */
export function originatorFor(
  row: { anonymous: boolean; pseudonym: string | null; author_id: string; author_organisation_id: string },
  names: { author: string; organisation: string },
  viewerOrganisationId: string,
): { author: { id: string | null; name: string }; organisation: { id: string | null; name: string } } {
  if (row.anonymous && row.author_organisation_id !== viewerOrganisationId) {
    return {
      author: { id: null, name: row.pseudonym ?? "Anonymous contributor" },
      organisation: { id: null, name: "Anonymous" },
    };
  }
  return {
    author: { id: row.author_id, name: names.author },
    organisation: { id: row.author_organisation_id, name: names.organisation },
  };
}
