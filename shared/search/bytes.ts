import { damaged } from './snapshotError';

/**
 * The little binary toolkit the index snapshot is written with: unsigned LEB128 varints and
 * UTF-8 strings. Hand-written because shared/ may not assume TextEncoder or Buffer.
 */
export class ByteWriter {
  private buffer = new Uint8Array(1 << 16);
  private length = 0;

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + extra) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }

  byte(value: number): void {
    this.reserve(1);
    this.buffer[this.length++] = value;
  }

  bytes(values: Uint8Array): void {
    this.reserve(values.length);
    this.buffer.set(values, this.length);
    this.length += values.length;
  }

  /** Non-negative integers below 2^53. */
  varint(value: number): void {
    this.reserve(8);
    while (value >= 0x80) {
      this.buffer[this.length++] = (value % 0x80) | 0x80;
      value = Math.floor(value / 0x80);
    }
    this.buffer[this.length++] = value;
  }

  /** A list of strings: their UTF-16 lengths, then all of them as one UTF-8 run. */
  strings(values: readonly string[]): void {
    this.varint(values.length);
    for (const value of values) this.varint(value.length);
    const joined = values.join('');
    this.reserve(joined.length * 3);
    this.length = encodeUtf8(joined, this.buffer, this.length);
  }

  finish(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

export class ByteReader {
  private position = 0;

  constructor(private readonly data: Uint8Array) {}

  get atEnd(): boolean {
    return this.position === this.data.length;
  }

  byte(): number {
    if (this.position >= this.data.length) throw damaged('ends early');
    return this.data[this.position++]!;
  }

  /** A copy, so the snapshot's buffer can be wiped by its owner once loaded. */
  bytes(length: number): Uint8Array {
    if (length > this.data.length - this.position) throw damaged('ends early');
    const out = this.data.slice(this.position, this.position + length);
    this.position += length;
    return out;
  }

  varint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const b = this.byte();
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 0x80;
      if (scale > 2 ** 49) throw damaged('a number is too long');
    }
  }

  /** A count that must fit in what is left (each item takes at least a byte). */
  count(): number {
    const n = this.varint();
    if (n > this.data.length - this.position + 1) throw damaged('a count is too large');
    return n;
  }

  strings(): string[] {
    const n = this.count();
    const lengths = new Array<number>(n);
    let total = 0;
    for (let i = 0; i < n; i++) total += lengths[i] = this.varint();
    const [joined, end] = decodeUtf8(this.data, this.position, total);
    this.position = end;
    const out = new Array<string>(n);
    let at = 0;
    for (let i = 0; i < n; i++) {
      out[i] = joined.slice(at, at + lengths[i]!);
      at += lengths[i]!;
    }
    return out;
  }
}

function encodeUtf8(text: string, into: Uint8Array, at: number): number {
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      into[at++] = c;
      continue;
    }
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (c < 0x800) {
      into[at++] = 0xc0 | (c >> 6);
    } else if (c < 0x10000) {
      into[at++] = 0xe0 | (c >> 12);
      into[at++] = 0x80 | ((c >> 6) & 0x3f);
    } else {
      into[at++] = 0xf0 | (c >> 18);
      into[at++] = 0x80 | ((c >> 12) & 0x3f);
      into[at++] = 0x80 | ((c >> 6) & 0x3f);
    }
    into[at++] = 0x80 | (c & 0x3f);
  }
  return at;
}

/** Decodes UTF-8 from `at` until `units` UTF-16 code units are produced. */
function decodeUtf8(data: Uint8Array, at: number, units: number): [string, number] {
  const out = new Uint16Array(units);
  let n = 0;
  const need = (k: number) => {
    if (at + k > data.length) throw damaged('a string ends early');
  };
  while (n < units) {
    need(1);
    const b = data[at++]!;
    let c: number;
    if (b < 0x80) c = b;
    else if (b < 0xe0) {
      need(1);
      c = ((b & 0x1f) << 6) | (data[at++]! & 0x3f);
    } else if (b < 0xf0) {
      need(2);
      c = ((b & 0x0f) << 12) | ((data[at]! & 0x3f) << 6) | (data[at + 1]! & 0x3f);
      at += 2;
    } else {
      need(3);
      c =
        ((b & 0x07) << 18) |
        ((data[at]! & 0x3f) << 12) |
        ((data[at + 1]! & 0x3f) << 6) |
        (data[at + 2]! & 0x3f);
      at += 3;
    }
    if (c >= 0x10000) {
      if (n + 2 > units) throw damaged('a string is split');
      c -= 0x10000;
      out[n++] = 0xd800 + (c >> 10);
      out[n++] = 0xdc00 + (c & 0x3ff);
    } else {
      out[n++] = c;
    }
  }
  let text = '';
  const chunk = 8192;
  for (let i = 0; i < units; i += chunk)
    text += String.fromCharCode.apply(null, out.subarray(i, i + chunk) as unknown as number[]);
  return [text, at];
}
