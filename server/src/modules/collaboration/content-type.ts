import type { EvidenceMediaType } from '@app/shared';

/**
 * ISO base media brands (the `ftyp` box) that are plain MP4. Other brands share the container but
 * not the type: QuickTime (`qt  `), HEIF/HEIC and AVIF images, 3GP; they are refused rather than
 * served under a type a browser would mis-handle.
 */
const MP4_VIDEO_BRANDS = new Set(['isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'mmp4', 'dash', 'MSNV']);
const MP4_AUDIO_BRANDS = new Set(['M4A ', 'M4B ']);

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(content: Uint8Array, bytes: readonly number[], offset = 0): boolean {
  if (content.length < offset + bytes.length) return false;
  return bytes.every((byte, index) => content[offset + index] === byte);
}

function ascii(content: Uint8Array, offset: number, length: number): string {
  if (content.length < offset + length) return '';
  return String.fromCharCode(...content.subarray(offset, offset + length));
}

/**
 * An MPEG audio frame header: eleven sync bits, then no reserved value in version, layer,
 * bitrate or sample rate. Checking the reserved values keeps random bytes that happen to start
 * with 0xFF 0xE0 (and ADTS AAC, whose layer is 0) from passing as MP3.
 */
function isMpegAudioFrame(content: Uint8Array): boolean {
  if (content.length < 4 || content[0] !== 0xff || (content[1] & 0xe0) !== 0xe0) return false;
  const version = (content[1] >> 3) & 0b11;
  const layer = (content[1] >> 1) & 0b11;
  const bitrate = content[2] >> 4;
  const sampleRate = (content[2] >> 2) & 0b11;
  return version !== 0b01 && layer !== 0b00 && bitrate !== 0b1111 && sampleRate !== 0b11;
}

/** An ID3v2 tag, which MP3 files usually start with: version 2 to 4, and a size of four 7-bit bytes. */
function isId3Tag(content: Uint8Array): boolean {
  if (ascii(content, 0, 3) !== 'ID3' || content.length < 10) return false;
  const version = content[3];
  return version >= 2 && version <= 4 && content.subarray(6, 10).every((byte) => byte < 0x80);
}

function mp4Type(content: Uint8Array): EvidenceMediaType | null {
  if (ascii(content, 4, 4) !== 'ftyp') return null;
  // An ftyp box holds at least a major brand and a minor version, and whole 4-byte brands.
  const boxSize = new DataView(content.buffer, content.byteOffset, 4).getUint32(0);
  if (boxSize < 16 || boxSize % 4 !== 0) return null;
  const brand = ascii(content, 8, 4);
  if (MP4_AUDIO_BRANDS.has(brand)) return 'audio/mp4';
  if (MP4_VIDEO_BRANDS.has(brand)) return 'video/mp4';
  return null;
}

/**
 * The evidence type of `content`, recognised from its leading bytes alone; `null` for anything
 * else. The file name and the type the client claims are never consulted: a renamed executable
 * or HTML page must not be stored (and later served) as a photo.
 */
export function detectEvidenceType(content: Uint8Array): EvidenceMediaType | null {
  if (startsWith(content, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(content, PNG_SIGNATURE)) return 'image/png';
  if (ascii(content, 0, 6) === 'GIF87a' || ascii(content, 0, 6) === 'GIF89a') return 'image/gif';
  if (ascii(content, 0, 4) === 'RIFF') {
    const form = ascii(content, 8, 4);
    if (form === 'WEBP') return 'image/webp';
    if (form === 'WAVE') return 'audio/wav';
    return null;
  }
  if (ascii(content, 0, 5) === '%PDF-') return 'application/pdf';
  if (isId3Tag(content) || isMpegAudioFrame(content)) return 'audio/mpeg';
  return mp4Type(content);
}
