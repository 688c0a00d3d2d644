// Lessons learned in the period; the organisation is named only where it agreed to be named in insight reports.
import type { InsightReport } from "../../data/types.js";
import { formatDate } from "../../lib/format.js";
import { kindLabel, sectorLabel } from "./labels.js";

/** The section. */
export function LessonsSection({ lessons }: { lessons: InsightReport["lessons"] }) {
  return (
    <section className="section" aria-labelledby="insight-lessons-heading" data-testid="insight-lessons">
      <h2 id="insight-lessons-heading">
        Lessons learned <span className="heading-count">({lessons.length})</span>
      </h2>
      {lessons.length === 0 ? (
        <p className="muted">No lesson learned in the period.</p>
      ) : (
        <ul className="lesson-list">
          {lessons.map((l) => (
            <li key={`${l.createdAt}-${l.title}`} className="lesson-entry">
              <strong>{l.title}</strong>
              <span className="entry-meta">
                {" "}
                {kindLabel(l.kind)}
                {l.sectors.length > 0 && ` · ${l.sectors.map(sectorLabel).join(", ")}`} · {formatDate(l.createdAt)}
                {l.organisation && ` · ${l.organisation}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
