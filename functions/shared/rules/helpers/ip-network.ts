// IP address checks for rules (StreamAlert's valid_ip / in_network), IPv4 and IPv6, no
// dependencies: addresses become BigInts so one comparison covers both families.
import { isIP } from "node:net";

interface ParsedAddress {
  version: 4 | 6;
  value: bigint;
}

function parseIpv4(text: string): bigint {
  let value = 0n;
  for (const octet of text.split(".")) value = (value << 8n) | BigInt(Number(octet));
  return value;
}

function parseIpv6(text: string): bigint {
  let body = text;
  // an embedded IPv4 tail ("::ffff:1.2.3.4") stands for the last two 16-bit words
  const lastColon = body.lastIndexOf(":");
  if (body.includes(".", lastColon)) {
    const v4 = parseIpv4(body.slice(lastColon + 1));
    body = `${body.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const toWords = (part: string): bigint[] =>
    part ? part.split(":").map((word) => BigInt(Number.parseInt(word, 16))) : [];
  const gap = body.indexOf("::");
  const left = toWords(gap === -1 ? body : body.slice(0, gap));
  const right = gap === -1 ? [] : toWords(body.slice(gap + 2));
  const zeros: bigint[] = new Array(8 - left.length - right.length).fill(0n);
  let value = 0n;
  for (const word of [...left, ...zeros, ...right]) value = (value << 16n) | word;
  return value;
}

function parseAddress(text: string): ParsedAddress | undefined {
  const bare = text.split("%")[0];
  const version = isIP(bare);
  if (version === 4) return { version, value: parseIpv4(bare) };
  if (version === 6) return { version, value: parseIpv6(bare) };
  return undefined;
}

/**
 * True for a valid IPv4 or IPv6 address string. As StreamAlert, the IPv6 loopback "::1" counts
 * as invalid (it is never an interesting address in a log).
 */
export function validIp(ip: unknown): boolean {
  if (typeof ip !== "string" || ip === "::1") return false;
  return parseAddress(ip) !== undefined;
}

interface ParsedNetwork {
  version: 4 | 6;
  network: bigint;
  mask: bigint;
}

const networkCache = new Map<string, ParsedNetwork | null>();

function parseNetwork(cidr: string): ParsedNetwork | null {
  const cached = networkCache.get(cidr);
  if (cached !== undefined) return cached;
  const [addressText, prefixText, extra] = cidr.trim().split("/");
  const address = extra === undefined ? parseAddress(addressText) : undefined;
  let parsed: ParsedNetwork | null = null;
  if (address) {
    const bits = address.version === 4 ? 32 : 128;
    const prefix = prefixText === undefined ? bits : Number(prefixText);
    if (/^\d+$/.test(prefixText ?? String(bits)) && prefix >= 0 && prefix <= bits) {
      const all = (1n << BigInt(bits)) - 1n;
      const mask = all ^ ((1n << BigInt(bits - prefix)) - 1n);
      // host bits set in the CIDR ("10.1.2.3/8") are ignored, as netaddr does
      parsed = { version: address.version, network: address.value & mask, mask };
    }
  }
  networkCache.set(cidr, parsed);
  return parsed;
}

/**
 * True when `ip` lies in any of `cidrs` (IPv4 or IPv6; a bare address is a /32 or /128).
 * An invalid address gives false; invalid CIDRs are skipped.
 */
export function inNetwork(ip: unknown, cidrs: Iterable<string>): boolean {
  if (!validIp(ip)) return false;
  const address = parseAddress(ip as string) as ParsedAddress;
  for (const cidr of cidrs) {
    const network = typeof cidr === "string" ? parseNetwork(cidr) : null;
    if (network && network.version === address.version) {
      if ((address.value & network.mask) === network.network) return true;
    }
  }
  return false;
}
