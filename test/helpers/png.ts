import { PNG } from "pngjs";
import { COLORS } from "../../src/charts/theme.js";

/** A decoded PNG: size and RGBA pixels. */
export interface Pixels {
  readonly width: number;
  readonly height: number;
  readonly data: Buffer;
}

/** Decodes PNG bytes (throws on anything that is not a valid PNG). */
export function decodePng(png: Buffer): Pixels {
  const image = PNG.sync.read(png);
  return { width: image.width, height: image.height, data: image.data };
}

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The card's background colour, as the renderer paints it. */
export const BACKGROUND = hexToRgb(COLORS.background);

/** Pixels in the box that differ from `rgb` by at most `tolerance` per channel. */
export function countColor(
  image: Pixels,
  box: readonly [number, number, number, number],
  rgb: readonly [number, number, number],
  tolerance = 6,
): number {
  const [x0, y0, x1, y1] = box;
  let n = 0;
  for (let y = Math.max(0, y0); y < Math.min(image.height, y1); y++)
    for (let x = Math.max(0, x0); x < Math.min(image.width, x1); x++) {
      const i = (y * image.width + x) * 4;
      if (
        Math.abs((image.data[i] ?? 0) - rgb[0]) <= tolerance &&
        Math.abs((image.data[i + 1] ?? 0) - rgb[1]) <= tolerance &&
        Math.abs((image.data[i + 2] ?? 0) - rgb[2]) <= tolerance
      )
        n++;
    }
  return n;
}

/**
 * Pixels in the box that are not background: text, bars, lines. The box is kept 12 px inside the
 * image so the card's border and its rounded corners never count as ink.
 */
export function countInk(image: Pixels, box: readonly [number, number, number, number]): number {
  const [x0, y0, x1, y1] = box;
  const inset: [number, number, number, number] = [
    Math.max(12, x0),
    Math.max(12, y0),
    Math.min(image.width - 12, x1),
    Math.min(image.height - 12, y1),
  ];
  const area = Math.max(0, inset[2] - inset[0]) * Math.max(0, inset[3] - inset[1]);
  return area - countColor(image, inset, BACKGROUND, 2);
}

/** Hex colour to RGB, for comparing against the theme. */
export { hexToRgb };
