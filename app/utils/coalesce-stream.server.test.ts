import { describe, expect, it } from "vitest";
import { coalescingStream } from "./coalesce-stream.server";

async function collect(write: (stream: ReturnType<typeof coalescingStream>) => Promise<void>, size?: number) {
  const stream = coalescingStream(size);
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => stream.on("end", resolve));
  await write(stream);
  stream.end();
  await ended;
  return chunks;
}

describe("coalescingStream", () => {
  it("hands on many small writes as one chunk, in order", async () => {
    const chunks = await collect(async (stream) => {
      for (let i = 0; i < 30; i++) stream.write(Buffer.from(`<p>${i}</p>`));
    });
    expect(chunks).toHaveLength(1);
    expect(chunks[0].toString()).toBe(Array.from({ length: 30 }, (_, i) => `<p>${i}</p>`).join(""));
  });

  it("passes a chunk on once it reaches the size, and what gathered by the next turn of the event loop", async () => {
    const chunks = await collect(async (stream) => {
      stream.write("a".repeat(6));
      stream.write("b".repeat(6));
      stream.write("c");
      await new Promise((resolve) => setTimeout(resolve, 5));
      stream.write("d");
    }, 10);
    expect(chunks.map(String)).toEqual(["aaaaaabbbbbb", "c", "d"]);
  });
});
