import { inNetwork, validIp } from "../../../../functions/shared/rules";

describe("validIp", () => {
  it.each([
    ["10.0.0.1", true],
    ["255.255.255.255", true],
    ["2001:db8::1", true],
    ["::ffff:192.0.2.1", true],
    ["fe80::1%eth0", true],
    ["::1", false],
    ["256.1.1.1", false],
    ["10.0.0", false],
    ["not-an-ip", false],
    ["", false],
    [null, false],
    [167772161, false],
  ])("validIp(%p) is %p", (ip, expected) => {
    expect(validIp(ip)).toBe(expected);
  });
});

describe("inNetwork", () => {
  it.each([
    ["10.1.2.3", ["10.0.0.0/8"], true],
    ["11.1.2.3", ["10.0.0.0/8"], false],
    ["192.168.1.1", ["10.0.0.0/8", "192.168.0.0/16"], true],
    ["192.168.1.1", ["192.168.1.1"], true],
    ["192.168.1.2", ["192.168.1.1"], false],
    ["10.9.9.9", ["10.1.2.3/8"], true],
    ["1.2.3.4", ["0.0.0.0/0"], true],
    ["2001:db8::5", ["2001:db8::/32"], true],
    ["2001:db9::5", ["2001:db8::/32"], false],
    ["::ffff:10.0.0.1", ["::ffff:10.0.0.0/120"], true],
    ["2001:db8::5", ["0.0.0.0/0"], false],
    ["10.0.0.1", ["::/0"], false],
    ["10.0.0.1", ["garbage", "10.0.0.0/33", "10.0.0.0/8"], true],
    ["10.0.0.1", ["garbage"], false],
    ["not-an-ip", ["0.0.0.0/0"], false],
    ["::1", ["::/0"], false],
  ])("inNetwork(%p, %p) is %p", (ip, cidrs, expected) => {
    expect(inNetwork(ip, cidrs)).toBe(expected);
  });

  it("accepts any iterable of CIDRs", () => {
    expect(inNetwork("172.16.5.4", new Set(["172.16.0.0/12"]))).toBe(true);
  });
});
