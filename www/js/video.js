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

/** The call that pushes the canvas's current picture into its stream: the track's in
 * Chromium and Safari, the stream's in Firefox (which has no `track.requestFrame`). */
function frameRequester(stream, track) {
  if (typeof track.requestFrame === 'function') return () => track.requestFrame();
  if (typeof stream.requestFrame === 'function') return () => stream.requestFrame();
  return null;
}

/**
 * Records `count` frames: `draw(i)` paints frame i on `canvas`, or returns false when it is
 * not ready yet (it is asked again in the next task); `progress(i)` follows; a truthy
 * `cancelled()` stops early. Resolves to the video Blob, or null when cancelled; rejects
 * when the browser cannot record frames one by one, or recorded nothing. The recorder and
 * the stream are stopped whatever happens.
 */
export function recordVideo({ canvas, count, draw, delay, type, progress, cancelled }) {
  const stream = canvas.captureStream(0);
  const [track] = stream.getVideoTracks();
  const requestFrame = frameRequester(stream, track);
  if (!requestFrame) {
    track.stop();
    return Promise.reject(new Error('this browser cannot record a canvas frame by frame'));
  }
  const recorder = new MediaRecorder(stream, { mimeType: type, videoBitsPerSecond: 4_000_000 });
  const chunks = [];
  recorder.ondataavailable = (event) => event.data.size && chunks.push(event.data);
  return new Promise((resolve, reject) => {
    let stopped = false;
    let failure = null;
    const stop = () => recorder.state !== 'inactive' && recorder.stop();
    recorder.onstop = () => {
      track.stop();
      if (failure) reject(failure);
      else if (stopped) resolve(null);
      else if (chunks.length === 0) reject(new Error('the browser recorded nothing'));
      else resolve(new Blob(chunks, { type }));
    };
    recorder.onerror = (event) => {
      failure = event.error ?? new Error('the recorder failed');
      stop();
    };
    recorder.start();
    let i = 0;
    const next = () => {
      try {
        if (cancelled()) {
          stopped = true;
          stop();
          return;
        }
        if (i === count) {
          stop();
          return;
        }
        if (!draw(i)) {
          setTimeout(next, 0);
          return;
        }
        requestFrame();
        progress(++i);
        setTimeout(next, delay);
      } catch (error) {
        failure = error;
        stop();
      }
    };
    next();
  });
}
