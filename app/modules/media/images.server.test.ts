import exifReader from "exif-reader";
import zlib from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { photoWithGps } from "../../../test/support/images";
import { MAX_IMAGE_BYTES, processImage, sniffImageType } from "./images.server";

describe("uploaded images", () => {
  it("strips EXIF and the GPS position a photo carries", async () => {
    const photo = await photoWithGps();
    const before = exifReader((await sharp(photo).metadata()).exif!);
    expect(before.GPSInfo?.GPSLatitude).toEqual([22, 31, 12.34]);
    expect(before.Image?.Make).toBe("PonteCam");

    const result = await processImage(photo);
    if (!result.ok) throw new Error(result.problem);
    for (const rendition of [result.image.full, result.image.thumb]) {
      const metadata = await sharp(rendition.data).metadata();
      expect(metadata.format).toBe("webp");
      expect(metadata.exif).toBeUndefined();
      expect(metadata.xmp).toBeUndefined();
      expect(rendition.data.includes(Buffer.from("PonteCam"))).toBe(false);
    }
    expect(result.image.full).toMatchObject({ width: 1200, height: 900 });
    expect(result.image.thumb).toMatchObject({ width: 400, height: 300 });
  });

  it("accepts PNG and WebP and makes thumbnails no larger than the original", async () => {
    const png = await sharp({ create: { width: 120, height: 300, channels: 4, background: "#ffffff80" } }).png().toBuffer();
    const webp = await sharp({ create: { width: 2400, height: 800, channels: 3, background: "#123456" } }).webp().toBuffer();
    const small = await processImage(png);
    expect(small.ok && small.image.full).toMatchObject({ width: 120, height: 300 });
    const large = await processImage(webp);
    expect(large.ok && [large.image.full.width, large.image.thumb.width]).toEqual([1600, 400]);
  });

  it("decides the type from the bytes, not the name", async () => {
    expect(await sniffImageType(await photoWithGps(10, 10))).toBe("image/jpeg");
    expect(await sniffImageType(new TextEncoder().encode("GIF89a"))).toBeNull();
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(await processImage(svg)).toEqual({ ok: false, problem: "type" });
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: "red" } }).gif().toBuffer();
    expect(await processImage(gif)).toEqual({ ok: false, problem: "type" });
    expect(await processImage(new TextEncoder().encode("%PDF-1.7 pretending to be a .jpg"))).toEqual({ ok: false, problem: "type" });
  });

  it("refuses empty, oversized, truncated and decompression-bomb images", async () => {
    expect(await processImage(new Uint8Array())).toEqual({ ok: false, problem: "empty" });
    expect(await processImage(new Uint8Array(MAX_IMAGE_BYTES + 1))).toEqual({ ok: false, problem: "tooLarge" });
    const photo = await photoWithGps(300, 300);
    expect(await processImage(photo.subarray(0, 400))).toEqual({ ok: false, problem: "unreadable" });
    // A PNG whose header claims 30,000 × 30,000 pixels (3.6 GB decoded) in a few dozen bytes.
    const bomb = await sharp({ create: { width: 1, height: 1, channels: 3, background: "white" } }).png().toBuffer();
    bomb.writeUInt32BE(30_000, 16);
    bomb.writeUInt32BE(30_000, 20);
    bomb.writeUInt32BE(zlib.crc32(bomb.subarray(12, 29)), 29);
    expect(await processImage(bomb)).toEqual({ ok: false, problem: "tooManyPixels" });
  });
});
