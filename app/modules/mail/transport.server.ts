import fs from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "~/utils/env.server";
import { singleton } from "~/utils/singleton.server";

export interface OutgoingMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  locale: string;
}

/** Sends one mail; throws when the mail server refuses or cannot be reached. */
export type MailSender = (mail: OutgoingMail) => Promise<void>;

/**
 * SMTP (SMTP_URL) when configured; otherwise each mail becomes an .eml file
 * in DATA_DIR/mail, listed by the development mailbox page.
 */
export function mailSender(): MailSender {
  const env = getEnv();
  if (env.SMTP_URL) return smtpSender(env.SMTP_URL, env.MAIL_FROM);
  return fileSender(path.join(env.dataDir, "mail"), env.MAIL_FROM);
}

function message(mail: OutgoingMail, from: string) {
  return {
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: { "Content-Language": mail.locale, "X-Ponte-Mail-Id": mail.id },
  };
}

function smtpSender(url: string, from: string): MailSender {
  // One transport per URL (tests switch URLs between cases); a connection per send,
  // so a restarted mail server is simply reached again.
  const transports = singleton("smtpTransports", () => new Map<string, Transporter>());
  let transport = transports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport({
      url,
      // A mail server that is down must fail fast: the loop retries later.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    transports.set(url, transport);
  }
  const active = transport;
  return async (mail) => {
    await active.sendMail(message(mail, from));
  };
}

function fileSender(dir: string, from: string): MailSender {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return async (mail) => {
    const info = await transport.sendMail(message(mail, from));
    await fs.mkdir(dir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    await fs.writeFile(path.join(dir, `${stamp}-${mail.id}.eml`), info.message as Buffer, { flag: "wx" });
  };
}
