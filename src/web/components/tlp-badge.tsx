// The TLP label badge in FIRST's colours: label-coloured text on a black background.
import { TLP_COLOURS, type TlpLabel } from "../../shared/tlp.js";

/** Shows a TLP label exactly as written by FIRST, e.g. "TLP:AMBER+STRICT". */
export function TlpBadge({ label }: { label: TlpLabel }) {
  return (
    <span className="tlp-badge" data-testid="tlp-badge" style={{ color: TLP_COLOURS[label] }}>
      {label}
    </span>
  );
}
