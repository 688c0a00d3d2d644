// Pooled figures per kind of organisation (public, private, academia); a figure of fewer than 3 organisations is
// withheld and shown as "<3".
import { TLP_LABELS } from "../../../shared/tlp.js";
import { NumericHeads } from "../../components/numeric-heads.js";
import { Figure } from "../../components/withheld.js";
import type { KindParticipation } from "../../data/types.js";
import { organisationKindName } from "../../lib/format.js";

/** The table. */
export function KindsTable({ kinds }: { kinds: readonly KindParticipation[] }) {
  return (
    <div className="table-wrap">
      <table className="participation-table" data-testid="participation-kinds">
        <caption className="visually-hidden">Participation by kind of organisation</caption>
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <NumericHeads labels={["Organisations", "Contributed"]} />
            {TLP_LABELS.map((l) => (
              <th key={l} scope="col" className="numeric">
                {l.replace("TLP:", "")}
              </th>
            ))}
            <NumericHeads labels={["Items read", "Acknowledged", "RFI answers"]} />
          </tr>
        </thead>
        <tbody>
          {kinds.map((k) => (
            <tr key={k.kind}>
              <th scope="row">{organisationKindName(k.kind)}</th>
              <td className="numeric">{k.organisations}</td>
              <td className="numeric">
                <Figure value={k.contributed} />
              </td>
              {TLP_LABELS.map((l) => (
                <td key={l} className="numeric">
                  <Figure value={k.contributedByLabel[l] ?? null} />
                </td>
              ))}
              <td className="numeric">
                <Figure value={k.itemsRead} />
              </td>
              <td className="numeric">
                <Figure value={k.acknowledgements} />
              </td>
              <td className="numeric">
                <Figure value={k.rfiAnswers} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
