import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import yauzl from "yauzl";
import { log } from "~/utils/logger.server";

/**
 * An XLSX file is a zip archive. Before ExcelJS reads one, its directory is
 * checked: a small upload must not unzip to gigabytes ("zip bomb"). The
 * sizes a zip declares can lie, so every entry is also inflated once with
 * a byte counter (yauzl refuses an entry that inflates past its declared
 * size), without keeping the bytes.
 */
export const ZIP_LIMITS = {
  /** Sum of the uncompressed sizes of all entries. 50,000 product rows need ~120 MB. */
  totalBytes: 400 * 1024 * 1024,
  entries: 5_000,
} as const;

export type ZipProblem =
  | { code: "zipTooLarge"; params: { megabytes: number; limit: number } }
  | { code: "zipTooManyEntries"; params: { limit: number } }
  | { code: "zipUnreadable"; params?: undefined };

export class ZipRefused extends Error {
  constructor(readonly problem: ZipProblem) {
    super(problem.code);
  }
}

const MB = 1024 * 1024;

export async function assertSafeZip(file: string, limits: { totalBytes: number; entries: number } = ZIP_LIMITS): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false });
  } catch (error) {
    throw unreadable(error);
  }
  try {
    if (zip.entryCount > limits.entries) throw new ZipRefused({ code: "zipTooManyEntries", params: { limit: limits.entries } });
    const entries: yauzl.Entry[] = [];
    let declared = 0;
    try {
      for await (const entry of zip.eachEntry()) {
        entries.push(entry);
        declared += entry.uncompressedSize;
      }
    } catch (error) {
      throw unreadable(error);
    }
    if (declared > limits.totalBytes) throw tooLarge(declared, limits.totalBytes);
    let inflated = 0;
    for (const entry of entries) {
      if (entry.fileName.endsWith("/")) continue;
      try {
        const stream = await zip.openReadStreamPromise(entry);
        await pipeline(
          stream,
          new Writable({
            write(chunk: Buffer, _encoding, done) {
              inflated += chunk.length;
              done(inflated > limits.totalBytes ? tooLarge(inflated, limits.totalBytes) : null);
            },
          }),
        );
      } catch (error) {
        if (error instanceof ZipRefused) throw error;
        // yauzl: "too many bytes in the stream" when an entry lies about its size.
        throw /too many bytes/i.test(String((error as Error)?.message))
          ? tooLarge(Math.max(inflated, limits.totalBytes + 1), limits.totalBytes)
          : unreadable(error);
      }
    }
  } finally {
    zip.close();
  }
}

/** The person is told the file is damaged; the log keeps why. */
function unreadable(error: unknown) {
  log.warn("zip archive refused as unreadable", { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  return new ZipRefused({ code: "zipUnreadable" });
}

function tooLarge(bytes: number, limit: number) {
  return new ZipRefused({ code: "zipTooLarge", params: { megabytes: Math.ceil(bytes / MB), limit: Math.floor(limit / MB) } });
}
