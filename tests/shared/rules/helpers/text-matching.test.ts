import {
  containsAny,
  endsWithAny,
  matchesAny,
  pathMatchesAny,
  startsWithAny,
} from "../../../../functions/shared/rules";

describe("string matchers", () => {
  it.each([
    [startsWithAny, "staff.fake_login", ["staff."], true],
    [startsWithAny, "user.promote", ["staff.", "org."], false],
    [endsWithAny, "host.evil.com.", [".evil.com."], true],
    [endsWithAny, "evil.com.", [".evil.com."], false],
    [containsAny, "uri=http://acs/AllUsers", ["AllUsers"], true],
    [containsAny, "private", ["AllUsers"], false],
    [matchesAny, "sudo -i", ["sudo*"], true],
    [matchesAny, "Sudo -i", ["sudo*"], false],
    [matchesAny, "abc", ["a?c", "x*"], true],
    [matchesAny, "a/b/c", ["a*c"], true],
    [matchesAny, "b", ["[!a]"], true],
  ])("%p(%p, %p) is %p", (fn, text, patterns, expected) => {
    expect(fn(text, patterns)).toBe(expected);
  });

  it.each([startsWithAny, endsWithAny, containsAny, matchesAny, pathMatchesAny])(
    "%p is false for a value that is not a string",
    (fn) => {
      expect(fn(12, ["1"])).toBe(false);
      expect(fn(undefined, ["*"])).toBe(false);
    },
  );

  it("is false for an empty pattern list", () => {
    expect(containsAny("anything", [])).toBe(false);
  });
});

describe("pathMatchesAny", () => {
  it.each([
    ["/Users/foobar/path/to/file", ["/Users/*/path/*/file"], true],
    ["/Users/foo/bar/path/to/file", ["/Users/*/path/*/file"], false],
    ["/Users/alice/.ssh/id_rsa", ["*.ssh/id_*"], true],
    ["/Users/alice/.ssh/id_rsa", ["bob/.ssh/id_*"], false],
    ["/Users/alice/.ssh/id_rsa", [".ssh/id_*"], true],
    ["/Users/alice/.ssh/id_rsa", ["id_rsa"], true],
    ["/etc/passwd", ["/etc/passwd"], true],
    ["etc/passwd", ["/etc/passwd"], false],
    ["/etc//passwd/", ["/etc/passwd"], true],
    ["/a/b", ["/b"], false],
    ["/tmp/x.sh", ["*.py", "*.sh"], true],
    ["/tmp/x.sh", [""], false],
  ])("pathMatchesAny(%p, %p) is %p", (path, patterns, expected) => {
    expect(pathMatchesAny(path, patterns)).toBe(expected);
  });
});
