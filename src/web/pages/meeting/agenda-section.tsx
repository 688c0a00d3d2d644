// The agenda of a meeting in its three parts (administrative, operational, strategic), items in order.
import type { Directory } from "../../components/audience-picker.js";
import type { Meeting } from "../../data/types.js";
import { agendaPartName } from "../../lib/format.js";
import { AgendaItemCard } from "./agenda-item-card.js";

/** The accepted agenda; items the viewer may not read are simply not there. */
export function AgendaSection({
  meeting,
  directory,
  onChanged,
}: {
  meeting: Meeting;
  directory: Directory | null;
  onChanged: () => void;
}) {
  return (
    <section className="section" aria-labelledby="agenda-heading" id="agenda">
      <h2 id="agenda-heading">Agenda and minutes</h2>
      {meeting.agenda.map((part) => (
        <section key={part.part} className="agenda-part" aria-labelledby={`part-${part.part}`} data-testid={`part-${part.part}`}>
          <h3 id={`part-${part.part}`} className="agenda-part-title">
            {agendaPartName(part.part)}
          </h3>
          {part.items.length === 0 ? (
            <p className="muted">Nothing on this part of the agenda yet.</p>
          ) : (
            <ol className="agenda-items">
              {part.items.map((item, index) => (
                <li key={item.id}>
                  <AgendaItemCard
                    item={item}
                    number={index + 1}
                    canManage={meeting.canManage}
                    directory={directory}
                    onChanged={onChanged}
                  />
                </li>
              ))}
            </ol>
          )}
        </section>
      ))}
    </section>
  );
}
