import sharp from "sharp";

/** A photo as a phone takes it: JPEG with the camera and the GPS position (Zhongshan) in EXIF. */
export async function photoWithGps(width = 1200, height = 900): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: "PonteCam", Model: "Test 1", Copyright: "Firm" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "22/1 31/1 1234/100", GPSLongitudeRef: "E", GPSLongitude: "113/1 22/1 4321/100" },
    })
    .toBuffer();
}

export function pngImage(width = 64, height = 64): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: "#2a6f97" } }).png().toBuffer();
}

export const svgWithScript = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script></svg>';

/** A file part for a multipart form, as a browser sends it (name and declared type are the sender's claim). */
export function filePart(bytes: Uint8Array | string, type: string): Blob {
  return new Blob([typeof bytes === "string" ? bytes : new Uint8Array(bytes)], { type });
}
