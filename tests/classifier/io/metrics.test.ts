import { EmfClassifierMetrics } from "../../../functions/classifier/metrics";

describe("EmfClassifierMetrics", () => {
  it("writes one EMF line per invocation with summed values, namespace StreamAlert, per cluster", () => {
    const lines: string[] = [];
    const write = jest.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    const log = jest.spyOn(console, "log").mockImplementation((line) => lines.push(String(line)));
    try {
      const metrics = new EmfClassifierMetrics({
        cluster: "prod",
        functionName: "acme_prod_streamalert_classifier",
      });
      metrics.add("TotalRecords", 3);
      metrics.add("TotalRecords", 2);
      metrics.add("S3DownloadTime", 12.5);
      metrics.publish();
    } finally {
      write.mockRestore();
      log.mockRestore();
    }
    const emf = lines.map((line) => JSON.parse(line)).find((entry) => entry._aws);
    expect(emf._aws.CloudWatchMetrics[0].Namespace).toBe("StreamAlert");
    expect(emf._aws.CloudWatchMetrics[0].Dimensions[0]).toEqual(
      expect.arrayContaining(["cluster", "FunctionName"]),
    );
    expect(emf).toMatchObject({
      cluster: "prod",
      TotalRecords: 5,
      S3DownloadTime: 12.5,
      FailedParses: 0,
    });
  });
});
