import { crc32, inflateRawSync } from "node:zlib";

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/**
 * The named files of a zip archive (an Actions artifact's download), each at most `maxBytes`
 * unpacked; other entries are skipped without being inflated. Stored and deflated entries only;
 * a CRC mismatch or a truncated archive throws.
 */
export function readZipFiles(
  zip: Buffer,
  names: readonly string[],
  maxBytes = 64 * 1024 * 1024,
): Map<string, Buffer> {
  const wanted = new Set(names);
  const floor = Math.max(0, zip.length - 22 - 0xffff);
  let end = zip.length - 22;
  while (end >= floor && zip.readUInt32LE(end) !== END_OF_DIRECTORY) end--;
  if (end < floor) throw new Error("not a zip archive: no end-of-directory record");
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const found = new Map<string, Buffer>();
  for (let i = 0; i < entries; i++) {
    if (zip.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new Error("damaged zip directory");
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const packed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const header = zip.readUInt32LE(at + 42);
    const name = zip.toString("utf8", at + 46, at + 46 + nameLength);
    at += 46 + skip;
    if (!wanted.has(name)) continue;
    if (size > maxBytes) throw new Error(`${name} is larger than ${maxBytes} bytes`);
    if (zip.readUInt32LE(header) !== LOCAL_HEADER) throw new Error(`damaged zip entry ${name}`);
    const start = header + 30 + zip.readUInt16LE(header + 26) + zip.readUInt16LE(header + 28);
    const data = zip.subarray(start, start + packed);
    let content: Buffer;
    if (method === 0) content = Buffer.from(data);
    else if (method === 8) content = inflateRawSync(data, { maxOutputLength: maxBytes });
    else throw new Error(`${name} is packed with method ${method} (only stored and deflate)`);
    if (crc32(content) !== crc) throw new Error(`${name} fails its CRC check`);
    found.set(name, content);
  }
  return found;
}
