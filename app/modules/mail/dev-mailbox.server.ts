import fs from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";
import { getEnv } from "~/utils/env.server";

/**
 * The mails written as .eml files when no SMTP server is configured, newest
 * first, for the development mailbox page.
 */
export function devMailboxEnabled(): boolean {
  const env = getEnv();
  return env.NODE_ENV !== "production" || env.MAIL_DEV_PAGE;
}

export async function listDevMails(limit = 50) {
  const dir = path.join(getEnv().dataDir, "mail");
  let files: string[];
  try {
    files = (await fs.readdir(dir)).filter((file) => file.endsWith(".eml"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  files.sort().reverse();
  return Promise.all(
    files.slice(0, limit).map(async (file) => {
      const parsed = await simpleParser(await fs.readFile(path.join(dir, file)));
      const to = Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(", ") : (parsed.to?.text ?? "");
      return {
        file,
        to,
        subject: parsed.subject ?? "",
        date: (parsed.date ?? new Date(0)).toISOString(),
        language: String(parsed.headers.get("content-language") ?? ""),
        text: parsed.text ?? "",
      };
    }),
  );
}
