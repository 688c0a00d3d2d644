// Shows a chart made by src/shared/charts.ts (the same SVG the server prints into PDF reports).
import type { ReactNode } from "react";

/** The chart `svg` (markup from src/shared/charts.ts, escaped by construction) in a figure, with an optional caption. */
export function SvgFigure({ svg, caption, testId }: { svg: string; caption?: ReactNode; testId?: string }) {
  return (
    <figure className="chart svg-figure" data-testid={testId}>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: src/shared/charts.ts escapes every text it writes. */}
      <div dangerouslySetInnerHTML={{ __html: svg }} />
      {caption && <figcaption className="hint">{caption}</figcaption>}
    </figure>
  );
}
