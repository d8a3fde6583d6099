import { mayTakeSecondArgument } from "../../functions/shared/rules/function-params";

type Fn = (...args: never[]) => unknown;

describe("mayTakeSecondArgument", () => {
  it.each<[string, Fn]>([
    ["an arrow with one parameter", (rec: unknown) => rec],
    ["an arrow without parentheses", ((rec: unknown) => rec) as Fn],
    [
      "a function with one parameter",
      function named(rec: unknown) {
        return rec;
      },
    ],
    ["a destructured parameter", ({ a, b }: { a: number; b: number }) => a + b],
    ["a default value with commas in a string", (rec = 'a,b",c') => rec],
    ["no parameter", () => true],
  ])("is false for %s", (_name, fn) => {
    expect(mayTakeSecondArgument(fn)).toBe(false);
  });

  it.each<[string, Fn]>([
    ["two parameters", (rec: unknown, context: unknown) => [rec, context]],
    ["a context with a default value", (rec: unknown, context = {}) => [rec, context]],
    ["a rest parameter", (...args: unknown[]) => args],
    [
      "a function reading arguments",
      function reads() {
        // biome-ignore lint/complexity/noArguments: the case under test
        return arguments.length;
      },
    ],
    [
      "an async function with two parameters",
      async (rec: unknown, context: unknown) => [rec, context],
    ],
  ])("is true for %s", (_name, fn) => {
    expect(mayTakeSecondArgument(fn)).toBe(true);
  });
});
