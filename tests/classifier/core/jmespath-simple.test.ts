// The fast JMESPath evaluator must give exactly what the full implementation gives.
import { search } from "@aws-lambda-powertools/jmespath";
import { compileSimpleJmesPath } from "../../../functions/classifier/parsers/jmespath-simple";

const data = {
  Records: [{ id: 1, tags: [1, 2] }, { id: 2, tags: [3] }, { other: true }, null, "text"],
  logEvents: [{ message: "a" }, { message: null }, { id: "x" }, { message: "b" }],
  nested: { list: [[1, 2], 3, [4]], "odd key": { v: "q" } },
  detail: { findings: [{ id: "f1" }, { id: "f2" }] },
  scalar: 5,
};

describe("compileSimpleJmesPath", () => {
  it.each([
    "Records[*]",
    "Records[*].id",
    "Records[*].tags[0]",
    "Records[*].tags[*]",
    "Records[0]",
    "Records[-1]",
    "Records[9]",
    "logEvents[*].message",
    "detail",
    "detail.findings[1].id",
    "detail.findings[*].id",
    'nested."odd key".v',
    "nested.list[]",
    "nested.list[][0]",
    "scalar[*]",
    "scalar.x",
    "missing[*].x",
    "Records.id",
  ])("%s matches the full implementation", (expression) => {
    const simple = compileSimpleJmesPath(expression);
    expect(simple).toBeDefined();
    expect(simple!(data)).toEqual(search(expression, data));
  });

  it.each([
    "Records[?id > `1`]",
    "Records[*].tags[]",
    "length(Records)",
    "Records | [0]",
    "a.*",
    "{a: b}",
    "a.",
  ])("leaves %s to the full implementation", (expression) => {
    expect(compileSimpleJmesPath(expression)).toBeUndefined();
  });
});
