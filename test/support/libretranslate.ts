import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A stand-in for a LibreTranslate server, speaking its HTTP API:
 * POST /translate {q, source, target, format, api_key?} → {translatedText},
 * GET /languages → [{code, name, targets}]. It "translates" by tagging the
 * text with the target language ("[zh] Olá") and by a few known phrases, so
 * tests can tell a translation from an original. `mode` switches it to the
 * failures an engine shows: a timeout, a 500, an HTML page, a huge answer.
 */
export type EngineMode = "ok" | "timeout" | "500" | "html" | "huge";

export interface TestTranslator {
  url: string;
  mode: EngineMode;
  /** Every /translate body received. */
  requests: { q: string; source: string; target: string; format: string; api_key?: string }[];
  stop(): Promise<void>;
}

const LANGUAGES = ["en", "pt", "zh"];
const PHRASES: Record<string, Record<string, string>> = {
  zh: { "Olá": "您好", "Preciso de": "我需要", "com entrega em Santos": "交货地桑托斯" },
  pt: { "您好": "Olá", "价格每件": "preço por peça" },
};

function fakeTranslate(q: string, target: string): string {
  let out = q;
  for (const [from, to] of Object.entries(PHRASES[target] ?? {})) out = out.split(from).join(to);
  return `[${target}] ${out}`;
}

export async function startTestTranslator(options: { apiKey?: string } = {}): Promise<TestTranslator> {
  const sockets = new Set<import("node:net").Socket>();
  const state: TestTranslator = { url: "", mode: "ok", requests: [], stop: async () => undefined };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      if (req.method === "GET" && req.url === "/languages") {
        res.writeHead(200, { "Content-Type": "application/json" });
        res.end(JSON.stringify(LANGUAGES.map((code) => ({ code, name: code, targets: LANGUAGES.filter((other) => other !== code) }))));
        return;
      }
      if (req.method !== "POST" || req.url !== "/translate") {
        res.writeHead(404, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ error: "Not Found" }));
        return;
      }
      let body: TestTranslator["requests"][number];
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        res.writeHead(400, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ error: "Invalid request" }));
        return;
      }
      state.requests.push(body);
      if (options.apiKey && body.api_key !== options.apiKey) {
        res.writeHead(403, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ error: "Invalid API key" }));
        return;
      }
      switch (state.mode) {
        case "timeout":
          return; // never answers; the client's timeout ends it
        case "500":
          res.writeHead(500, { "Content-Type": "application/json" });
          res.end(JSON.stringify({ error: "Internal Server Error" }));
          return;
        case "html":
          res.writeHead(200, { "Content-Type": "application/json" });
          res.end(JSON.stringify({ translatedText: "<html><body><h1>502 Bad Gateway</h1></body></html>" }));
          return;
        case "huge":
          res.writeHead(200, { "Content-Type": "application/json" });
          res.end(JSON.stringify({ translatedText: fakeTranslate(body.q, body.target).repeat(100) }));
          return;
        default:
          res.writeHead(200, { "Content-Type": "application/json" });
          res.end(JSON.stringify({ translatedText: fakeTranslate(body.q, body.target) }));
      }
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  server.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return state;
}
