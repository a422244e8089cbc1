// Videos of exported frames through MediaRecorder, where the browser has it: the frames are
// drawn on a canvas whose stream is recorded, one frame per `delay` milliseconds. Which
// container and codec depends on the browser (Safari records MP4 only), so they are probed.

const TYPES = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm', 'video/mp4;codecs=avc1', 'video/mp4'];

/** The first video type this browser can record, or null. */
export function videoType() {
  if (typeof MediaRecorder === 'undefined' || !HTMLCanvasElement.prototype.captureStream) return null;
  return TYPES.find((type) => MediaRecorder.isTypeSupported(type)) ?? null;
}

export const extensionOf = (type) => (type.startsWith('video/mp4') ? 'mp4' : 'webm');

/**
 * Records `count` frames: `draw(i)` paints frame i on `canvas`, or returns false when it is
 * not ready yet (it is asked again in the next task); `progress(i)` follows; a truthy
 * `cancelled()` stops early. Resolves to the video Blob, or null when cancelled.
 */
export function recordVideo({ canvas, count, draw, delay, type, progress, cancelled }) {
  const stream = canvas.captureStream(0);
  const [track] = stream.getVideoTracks();
  const recorder = new MediaRecorder(stream, { mimeType: type, videoBitsPerSecond: 4_000_000 });
  const chunks = [];
  recorder.ondataavailable = (event) => event.data.size && chunks.push(event.data);
  return new Promise((resolve, reject) => {
    let stopped = false;
    recorder.onstop = () => {
      track.stop();
      resolve(stopped ? null : new Blob(chunks, { type }));
    };
    recorder.onerror = (event) => reject(event.error ?? new Error('the recorder failed'));
    recorder.start();
    let i = 0;
    const next = () => {
      if (cancelled()) {
        stopped = true;
        recorder.stop();
        return;
      }
      if (i === count) {
        recorder.stop();
        return;
      }
      if (!draw(i)) {
        setTimeout(next, 0);
        return;
      }
      track.requestFrame();
      progress(++i);
      setTimeout(next, delay);
    };
    next();
  });
}
