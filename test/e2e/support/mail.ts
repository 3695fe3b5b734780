import fs from "node:fs";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { inject } from "vitest";

/** Waits for a mail that the e2e SMTP server received (saved as .eml by the global setup). */
export async function waitForMail(predicate: (mail: ParsedMail) => boolean, timeoutMs = 20_000): Promise<ParsedMail> {
  const dir = inject("smtpMailDir");
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((file) => file.endsWith(".eml")) : [];
    for (const file of files) {
      const mail = await simpleParser(fs.readFileSync(path.join(dir, file)));
      if (predicate(mail)) return mail;
    }
    if (Date.now() > deadline) throw new Error(`no matching mail within ${timeoutMs} ms (${files.length} received)`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export function sentTo(mail: ParsedMail, address: string): boolean {
  const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
  return to.some((entry) => entry.value.some((value) => value.address === address));
}
