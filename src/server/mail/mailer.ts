// Outgoing e-mail over SMTP (nodemailer). E-mail leaves the exchange: callers send links, never content above TLP:GREEN.
import nodemailer from "nodemailer";

/** A message to one person. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends mail; `enabled` is false when no SMTP server is configured. */
export interface Mailer {
  readonly enabled: boolean;
  send(message: MailMessage): Promise<void>;
  /** Closes pooled connections (on shutdown). */
  close?(): void;
}

/** An SMTP mailer for `smtpUrl`, or a disabled one that refuses to pretend it sent anything. */
export function createMailer(smtpUrl: string | undefined, from: string): Mailer {
  if (!smtpUrl) {
    return {
      enabled: false,
      async send() {
        throw new Error("no SMTP server configured");
      },
    };
  }
  // Pooled: a 1,000-recipient warning must not open 1,000 SMTP connections.
  const transport = nodemailer.createTransport({ url: smtpUrl, pool: true, maxConnections: 5 } as never);
  return {
    enabled: true,
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
    close() {
      transport.close();
    },
  };
}
