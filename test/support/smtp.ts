import fs from "node:fs";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";

/**
 * A real SMTP server for tests (smtp-server), keeping every mail it receives
 * parsed (mailparser). It can be stopped and started again on the same port
 * to play a mail server that goes down and comes back.
 */
export interface TestSmtpServer {
  url: string;
  port: number;
  received: ParsedMail[];
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Waits until a received mail matches, or fails after `timeoutMs`. */
  waitFor(predicate: (mail: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>;
}

export async function startSmtpServer(options: { port?: number; host?: string; saveTo?: string } = {}): Promise<TestSmtpServer> {
  const host = options.host ?? "127.0.0.1";
  const received: ParsedMail[] = [];
  let server: SMTPServer | null = null;
  let port = options.port ?? 0;

  const listen = async () => {
    const instance = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onAuth(_auth, _session, callback) {
        callback(null, { user: "test" });
      },
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          const raw = Buffer.concat(chunks);
          // Another process (the browser tests) reads what arrived from files.
          if (options.saveTo) {
            fs.mkdirSync(options.saveTo, { recursive: true });
            fs.writeFileSync(path.join(options.saveTo, `${Date.now()}-${received.length}.eml`), raw);
          }
          simpleParser(raw)
            .then((mail) => {
              received.push(mail);
              callback();
            })
            .catch((error: Error) => callback(error));
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      instance.once("error", reject);
      instance.listen(port, host, () => resolve());
    });
    port = (instance.server.address() as AddressInfo).port;
    server = instance;
  };

  await listen();
  return {
    get url() {
      return `smtp://${host}:${port}`;
    },
    get port() {
      return port;
    },
    received,
    stop: () =>
      new Promise<void>((resolve) => {
        const current = server;
        server = null;
        if (!current) return resolve();
        current.close(() => resolve());
      }),
    start: listen,
    async waitFor(predicate, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = received.find(predicate);
        if (found) return found;
        if (Date.now() > deadline) {
          throw new Error(`no matching mail within ${timeoutMs} ms; received: ${received.map((mail) => mail.subject).join(" | ")}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

/** The address(es) a parsed mail was sent to, as text. */
export function recipientsOf(mail: ParsedMail): string {
  return (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).map((address) => address.text).join(", ");
}
