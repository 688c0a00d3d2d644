// The text of outgoing e-mail. E-mail leaves the exchange: a title travels only when its label is
// TLP:CLEAR or TLP:GREEN; otherwise the message carries the label and a link, nothing else.
import { mayLeaveTheExchange, type TlpLabel } from "../../shared/tlp.js";

/** What an e-mail may say about one subject. */
export interface MailLine {
  text: string;
  tlp: TlpLabel;
  title: string;
  url: string;
}

function describe(line: MailLine): string {
  const title = mayLeaveTheExchange(line.tlp) ? `: ${line.title}` : "";
  return `[${line.tlp}] ${line.text}${title}\n  ${line.url}`;
}

const FOOTER =
  "\n\n--\nRoundtable sends the label and a link only for anything above TLP:GREEN; open the link to read it.\n" +
  "Change what you receive under Account → Notifications.";

/** An immediate e-mail about one urgent notification. */
export function urgentMail(line: MailLine): { subject: string; text: string } {
  const title = mayLeaveTheExchange(line.tlp) ? `: ${line.title}` : "";
  return { subject: `[Roundtable] [${line.tlp}] ${line.text}${title}`, text: `${describe(line)}${FOOTER}` };
}

/** The daily digest: one line per notification the person may still read. */
export function digestMail(lines: readonly MailLine[], day: string): { subject: string; text: string } {
  return {
    subject: `[Roundtable] Your digest for ${day}: ${lines.length} new`,
    text: `What happened in the exchange since your last digest:\n\n${lines.map(describe).join("\n\n")}${FOOTER}`,
  };
}
