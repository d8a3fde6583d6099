// Datatype rules read the classifier's normalization, which the event self-check cannot
// produce: they are checked here on records carrying normalized values.
import { right_to_left_character } from "../../rules/community/mitre_attack/defense_evasion/right_to_left_character";

const normalized = (types: Record<string, unknown[]>) => ({
  columns: { note: "raw fields are not read: only normalized values" },
  streamalert_normalization: Object.fromEntries(
    Object.entries(types).map(([type, values]) => [type, [{ function: type, values }]]),
  ),
});

describe("right_to_left_character", () => {
  it.each([
    ["command", { command: ["/bin/sh /tmp/invoice\u202efdp.sh"] }, true],
    ["path", { path: ["/Users/bob/Downloads/photo\u202egnp.exe"] }, true],
    ["file_name", { file_name: ["report\u202excod.scr"] }, true],
    ["plain values", { command: ["curl https://example.com"], path: ["/usr/bin/curl"] }, false],
    ["another normalized type", { user: ["bob\u202e"] }, false],
    ["non-string values", { command: [42, null] }, false],
  ])("%s → %p", (_name, types, expected) => {
    expect(right_to_left_character.fn(normalized(types), {})).toBe(expected);
  });

  it("never reads the raw record", () => {
    expect(right_to_left_character.fn({ cmdline: "x\u202ey" }, {})).toBe(false);
  });
});
