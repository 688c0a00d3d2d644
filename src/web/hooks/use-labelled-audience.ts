// A TLP label and the audience it goes to, kept in step as the label changes.
import { useState } from "react";
import type { TlpLabel } from "../../shared/tlp.js";
import { fitAudience, WHOLE_EXCHANGE } from "../components/audience-picker.js";
import type { AudienceIds } from "../data/types.js";

/** The label and audience of a form; `chooseTlp` also fits the audience to the new label (fitAudience). */
export function useLabelledAudience(initialTlp: TlpLabel, initialAudience: AudienceIds = WHOLE_EXCHANGE) {
  const [tlp, setTlp] = useState<TlpLabel>(initialTlp);
  const [audience, setAudience] = useState<AudienceIds>(initialAudience);
  const chooseTlp = (next: TlpLabel) => {
    setTlp(next);
    setAudience((current) => fitAudience(next, current));
  };
  return { tlp, chooseTlp, audience, setAudience };
}
