// Turns coloured rasters into ImageBitmaps of the size they are shown at, so that the page
// only hands a finished picture to its canvas. Used by the raster worker and, without one,
// by the page itself.

const canvases = new Map();

function scratch(role, width, height) {
  let canvas = canvases.get(role);
  if (!canvas || canvas.width !== width || canvas.height !== height) {
    canvas = new OffscreenCanvas(width, height);
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
  if (width === outWidth && height === outHeight) return raster.transferToImageBitmap();
  const out = scratch('out', outWidth, outHeight);
  const ctx = out.getContext('2d');
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(raster, 0, 0, outWidth, outHeight);
  return out.transferToImageBitmap();
}
