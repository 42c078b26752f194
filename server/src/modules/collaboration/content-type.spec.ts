import { describe, expect, it } from 'vitest';
import { detectEvidenceType } from './content-type.js';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'latin1')] : part)));

/** Enough trailing bytes that no check passes merely because the input is long. */
const body = new Array(64).fill(0x20);

const ftyp = (brand: string, size = 24) => bytes([0, 0, 0, size], 'ftyp', brand, [0, 0, 0, 0], 'isom', body);

describe('detectEvidenceType', () => {
  it.each([
    ['JPEG (JFIF)', bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF', body), 'image/jpeg'],
    ['JPEG (Exif)', bytes([0xff, 0xd8, 0xff, 0xe1], body), 'image/jpeg'],
    ['PNG', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a], body), 'image/png'],
    ['GIF87a', bytes('GIF87a', body), 'image/gif'],
    ['GIF89a', bytes('GIF89a', body), 'image/gif'],
    ['WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 ', body), 'image/webp'],
    ['PDF', bytes('%PDF-1.7\n', body), 'application/pdf'],
    ['MP3 with an ID3v2.3 tag', bytes('ID3', [3, 0, 0, 0, 0, 0x02, 0x01], body), 'audio/mpeg'],
    ['MP3 frame (MPEG-1 layer III, 128 kbit/s, 44.1 kHz)', bytes([0xff, 0xfb, 0x90, 0x64], body), 'audio/mpeg'],
    ['MP3 frame (MPEG-2 layer III)', bytes([0xff, 0xf3, 0x48, 0xc4], body), 'audio/mpeg'],
    ['WAV', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt ', body), 'audio/wav'],
    ['M4A call recording', ftyp('M4A '), 'audio/mp4'],
    ['MP4 (isom)', ftyp('isom'), 'video/mp4'],
    ['MP4 (mp42)', ftyp('mp42', 32), 'video/mp4'],
  ])('recognises %s', (_name, content, expected) => {
    expect(detectEvidenceType(content)).toBe(expected);
  });

  it.each([
    ['empty content', bytes()],
    ['ELF executable', bytes([0x7f], 'ELF', [2, 1, 1, 0], body)],
    ['Windows executable', bytes('MZ', [0x90, 0x00], body)],
    ['HTML page', bytes('<!DOCTYPE html><html><script>alert(1)</script></html>')],
    ['SVG image (can carry script)', bytes('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>')],
    ['plain text', bytes('The parcel arrived crushed. 包裹破损。')],
    ['ZIP / Office document', bytes('PK', [0x03, 0x04], body)],
    ['truncated JPEG signature', bytes([0xff, 0xd8])],
    ['truncated PNG signature', bytes([0x89], 'PNG', [0x0d, 0x0a])],
    ['"%PDF" without the dash', bytes('%PDF', body)],
    ['"%PDF-" not at the start', bytes(' %PDF-1.7', body)],
    ['GIF with an unknown version', bytes('GIF88a', body)],
    ['RIFF AVI', bytes('RIFF', [0x24, 0, 0, 0], 'AVI LIST', body)],
    ['RIFF cut short before its form type', bytes('RIFF', [0x24, 0, 0])],
    ['"ID3" with an impossible version', bytes('ID3', [9, 0, 0, 0, 0, 0x02, 0x01], body)],
    ['"ID3" with a size that is not syncsafe', bytes('ID3', [3, 0, 0, 0xff, 0, 0, 0], body)],
    ['ADTS AAC (layer 0)', bytes([0xff, 0xf1, 0x50, 0x80], body)],
    ['MPEG frame with a reserved bitrate', bytes([0xff, 0xfb, 0xf0, 0x64], body)],
    ['MPEG frame with a reserved sample rate', bytes([0xff, 0xfb, 0x9c, 0x64], body)],
    ['MPEG frame with a reserved version', bytes([0xff, 0xeb, 0x90, 0x64], body)],
    ['bytes of 0xFF', bytes(new Array(16).fill(0xff))],
    ['QuickTime movie', ftyp('qt  ')],
    ['HEIC photo', ftyp('heic')],
    ['AVIF image', ftyp('avif')],
    ['ftyp box too small to hold a brand', ftyp('isom', 8)],
    ['ftyp box of an odd size', ftyp('isom', 21)],
  ])('refuses %s', (_name, content) => {
    expect(detectEvidenceType(content)).toBeNull();
  });

  it('reads a view into a larger buffer at its own offset', () => {
    const pooled = Buffer.concat([Buffer.from('junk-before'), Buffer.from(ftyp('M4A '))]);
    expect(detectEvidenceType(pooled.subarray('junk-before'.length))).toBe('audio/mp4');
  });

  it('ignores what the content says after its signature', () => {
    const polyglot = bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a], '<html><script>alert(1)</script></html>');
    expect(detectEvidenceType(polyglot)).toBe('image/png');
  });
});
