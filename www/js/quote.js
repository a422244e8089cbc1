// Text from outside (a file's name, a link's value, an attribute) as a message quotes it:
// at most QUOTE_CHARS characters, control characters shown as escapes, so that no input
// can flood or garble a message.

export const QUOTE_CHARS = 60;

export function quote(text) {
  const chars = Array.from(String(text));
  const shown = chars.slice(0, QUOTE_CHARS).map((c) => (/[\u0000-\u001f\u007f-\u009f]/.test(c) ? `\\u{${c.codePointAt(0).toString(16)}}` : c));
  return shown.join('') + (chars.length > QUOTE_CHARS ? '…' : '');
}
