import { clusterFromFunctionName } from "../../../functions/classifier/handler";

describe("clusterFromFunctionName", () => {
  it.each([
    ["acme_prod_streamalert_classifier", "acme", "prod"],
    ["acme_us_east_streamalert_classifier", "acme", "us_east"],
    ["other_prod_streamalert_classifier", "acme", undefined],
    ["acme_prod_streamalert_rules_engine", "acme", undefined],
  ])("%s with prefix %s → %s", (functionName, prefix, cluster) => {
    expect(clusterFromFunctionName(functionName, prefix)).toBe(cluster);
  });
});
