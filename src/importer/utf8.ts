/**
 * Finds the first byte that is not valid UTF-8. TextDecoder's fatal mode says only *that* the
 * input is invalid; a located error needs *where*.
 */
export function firstInvalidUtf8(buf: Uint8Array, start = 0): number {
  let i = start;
  while (i < buf.length) {
    const b = buf[i]!;
    let n = 0;
    let min = 0;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      n = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      n = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      n = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}

/** Line and column (1-based, columns in characters) of a byte offset in UTF-8 text. */
export function positionOfByte(buf: Uint8Array, offset: number): { line: number; column: number } {
  const before = new TextDecoder('utf-8').decode(buf.subarray(0, offset));
  const lines = before.split('\n');
  return { line: lines.length, column: [...lines[lines.length - 1]!].length + 1 };
}
