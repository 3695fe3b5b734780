import { Transform } from "node:stream";

/**
 * A pass-through for a rendered page that hands on React's small writes
 * (2 KB each) in chunks of up to `size` bytes, or whatever has gathered by
 * the next turn of the event loop, so a page that streams in parts still
 * streams. A 50 KB page becomes one or two writes to the compressor and the
 * socket instead of thirty.
 */
export function coalescingStream(size = 64 * 1024): Transform {
  let parts: Buffer[] = [];
  let length = 0;
  let scheduled: NodeJS.Immediate | null = null;
  const flushTo = (stream: Transform) => {
    if (scheduled) clearImmediate(scheduled);
    scheduled = null;
    if (!length) return;
    const chunk = parts.length === 1 ? parts[0] : Buffer.concat(parts, length);
    parts = [];
    length = 0;
    stream.push(chunk);
  };
  const stream = new Transform({
    transform(chunk: Buffer | string, encoding, callback) {
      const buffer = typeof chunk === "string" ? Buffer.from(chunk, encoding) : chunk;
      parts.push(buffer);
      length += buffer.length;
      if (length >= size) flushTo(stream);
      else scheduled ??= setImmediate(() => flushTo(stream));
      callback();
    },
    flush(callback) {
      flushTo(stream);
      callback();
    },
    destroy(error, callback) {
      if (scheduled) clearImmediate(scheduled);
      callback(error);
    },
  });
  return stream;
}
