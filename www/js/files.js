// Files in and out of the page: downloads made from blobs, and files the reader picks.

/** Offers `blob` as a download named `name`. */
export function download(name, blob) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name safe on every system, from parts such as a data set and an iteration. */
export function fileName(...parts) {
  return parts.join('-').replace(/[^A-Za-z0-9._-]+/g, '_');
}
