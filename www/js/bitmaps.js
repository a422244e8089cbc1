// Turns coloured rasters into ImageBitmaps of the size they are shown at, so that the page
// only hands a finished picture to its canvas. Used by the raster worker and, without one,
// by the page itself. An engine without OffscreenCanvas and its 2D context (Safari before
// 16.4) draws on canvas elements instead, on the page's thread, and its pictures are those
// canvases, drawn by a PictureCanvas onto a 2D context.

/** Whether this engine draws off screen: OffscreenCanvas with a 2D context. */
export const OFFSCREEN_2D = (() => {
  try {
    return typeof OffscreenCanvas !== 'undefined' && !!new OffscreenCanvas(1, 1).getContext('2d');
  } catch {
    return false;
  }
})();

/** A canvas to draw on off screen: an OffscreenCanvas, or else an element (which only the
 * page's thread has). */
export function makeCanvas(width, height) {
  if (OFFSCREEN_2D) return new OffscreenCanvas(width, height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas;
}

/** What was drawn on `canvas` as a finished picture: an ImageBitmap where the engine makes
 * one at once, else the canvas itself, to be shown before it is drawn on again. */
export function finish(canvas) {
  return canvas.transferToImageBitmap ? canvas.transferToImageBitmap() : canvas;
}

/** A canvas on the page that shows finished pictures: handed over as bitmaps where there
 * are any, drawn onto a 2D context otherwise. */
export class PictureCanvas {
  constructor(canvas) {
    this.canvas = canvas;
    this.bitmaps = OFFSCREEN_2D;
    this.context = canvas.getContext(this.bitmaps ? 'bitmaprenderer' : '2d');
  }

  show(picture) {
    if (this.bitmaps) {
      this.context.transferFromImageBitmap(picture);
      return;
    }
    const { width, height } = this.canvas;
    this.context.clearRect(0, 0, width, height);
    this.context.drawImage(picture, 0, 0, width, height);
  }
}

const canvases = new Map();

function scratch(role, width, height) {
  let canvas = canvases.get(role);
  if (!canvas || canvas.width !== width || canvas.height !== height) {
    canvas = makeCanvas(width, height);
    canvases.set(role, canvas);
  }
  return canvas;
}

/** RGBA `pixels` (width × height) as a bitmap of outWidth × outHeight, smoothly upscaled
 * when smaller. */
export function toBitmap(pixels, width, height, outWidth, outHeight) {
  const image = new ImageData(new Uint8ClampedArray(pixels.buffer, pixels.byteOffset, pixels.byteLength), width, height);
  const raster = scratch('raster', width, height);
  raster.getContext('2d').putImageData(image, 0, 0);
  if (width === outWidth && height === outHeight) return finish(raster);
  const out = scratch('out', outWidth, outHeight);
  const ctx = out.getContext('2d');
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(raster, 0, 0, outWidth, outHeight);
  return finish(out);
}
