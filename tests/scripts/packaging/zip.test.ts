import { inflateRawSync } from "node:zlib";
import { crc32, createZip } from "../../../scripts/packaging/zip";

/** Reads a zip back through its central directory, as unzip does. */
function readZip(
  zip: Buffer,
): Array<{ name: string; content: string; date: number; time: number }> {
  const end = zip.length - 22;
  expect(zip.readUInt32LE(end)).toBe(0x06054b50);
  let cursor = zip.readUInt32LE(end + 16);
  const entries = [];
  for (let index = 0; index < zip.readUInt16LE(end + 10); index++) {
    expect(zip.readUInt32LE(cursor)).toBe(0x02014b50);
    const nameLength = zip.readUInt16LE(cursor + 28);
    const name = zip.subarray(cursor + 46, cursor + 46 + nameLength).toString();
    const localOffset = zip.readUInt32LE(cursor + 42);
    const size = zip.readUInt32LE(cursor + 20);
    const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26);
    const content = inflateRawSync(zip.subarray(dataStart, dataStart + size));
    expect(crc32(content)).toBe(zip.readUInt32LE(cursor + 16));
    entries.push({
      name,
      content: content.toString(),
      time: zip.readUInt16LE(cursor + 12),
      date: zip.readUInt16LE(cursor + 14),
    });
    cursor += 46 + nameLength;
  }
  return entries;
}

describe("createZip", () => {
  it("computes the standard CRC-32", () => {
    expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926);
  });

  it("stores entries sorted by name with the fixed 1980-01-01 timestamp", () => {
    const zip = createZip({ "b.js": "second", "a/index.js": "x".repeat(10_000) });
    expect(readZip(zip)).toEqual([
      { name: "a/index.js", content: "x".repeat(10_000), time: 0, date: 33 },
      { name: "b.js", content: "second", time: 0, date: 33 },
    ]);
  });

  it("writes the same bytes whatever the insertion order", () => {
    expect(createZip({ a: "1", b: "2" }).equals(createZip({ b: "2", a: "1" }))).toBe(true);
  });
});
