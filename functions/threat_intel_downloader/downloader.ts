// The threat intel downloader's core: read ThreatStream pages from the first (or the page a
// previous invocation stopped at), write each page's IOCs to the table before reading the next,
// and when the Lambda's time is nearly up hand the next page to a new invocation.
import type { Logger } from "@aws-lambda-powertools/logger";
import { type IocFilter, iocItemsOf } from "./ioc-items";
import type { IocWriter } from "./ioc-writer";
import type { ThreatStreamApi } from "./threatstream-api";

export type DownloaderLogger = Pick<Logger, "info">;

export interface DownloaderOptions {
  api: ThreatStreamApi;
  writer: IocWriter;
  filter: IocFilter;
  /** start a new invocation at this page (credential-free path) */
  continueLater: (nextPath: string) => Promise<void>;
  remainingMs: () => number;
  /** do not start a page with less time left than this @default 30 000 */
  reserveMs?: number;
  now: () => Date;
  logger: DownloaderLogger;
}

export interface DownloadSummary {
  pages: number;
  written: number;
  malformed: number;
  filteredOut: number;
  /** the page handed to a new invocation, if any */
  continuedAt?: string;
}

export async function downloadIocs(
  startPath: string,
  options: DownloaderOptions,
): Promise<DownloadSummary> {
  const reserve = options.reserveMs ?? 30_000;
  const summary: DownloadSummary = { pages: 0, written: 0, malformed: 0, filteredOut: 0 };
  let path: string | undefined = startPath;
  while (path) {
    const page = await options.api.fetchPage(path);
    const converted = iocItemsOf(page.objects, options.filter, options.now());
    await options.writer.write(converted.items);
    summary.pages++;
    summary.written += converted.items.length;
    summary.malformed += converted.malformed;
    summary.filteredOut += converted.filteredOut;
    options.logger.info("IOC page written", {
      offset: page.offset,
      written: converted.items.length,
      filteredOut: converted.filteredOut,
    });
    path = page.next;
    if (path && options.remainingMs() < reserve) {
      await options.continueLater(path);
      summary.continuedAt = path;
      break;
    }
  }
  return summary;
}
