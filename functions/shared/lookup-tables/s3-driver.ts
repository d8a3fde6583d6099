import { gunzipSync } from "node:zlib";
import { GetObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { logger } from "../logger";
import { type Clock, DEFAULT_CACHE_REFRESH_MINUTES, type LookupTableDriver } from "./driver";

export interface S3LookupTableOptions {
  client: S3Client;
  bucket: string;
  key: string;
  /** "gzip" when the object is gzipped (gzip is also detected by its magic bytes) */
  compression?: "gzip" | false;
  cacheRefreshMinutes?: number;
  now?: Clock;
}

// After a failed load with nothing cached, try again sooner than the refresh interval.
const RETRY_AFTER_FAILURE_MS = 60_000;

/**
 * The `s3` driver: the whole object is one JSON object (key → value), loaded on first use and
 * reloaded every `cache_refresh_minutes`. A failed reload keeps serving the previous data.
 */
export function createS3LookupTable(options: S3LookupTableOptions): LookupTableDriver {
  const now = options.now ?? Date.now;
  const refreshMs = (options.cacheRefreshMinutes ?? DEFAULT_CACHE_REFRESH_MINUTES) * 60_000;
  let data: Record<string, unknown> | undefined;
  let nextLoadAt = 0;
  let loading: Promise<void> | undefined;

  async function load(): Promise<void> {
    try {
      const response = await options.client.send(
        new GetObjectCommand({ Bucket: options.bucket, Key: options.key }),
      );
      const bytes = Buffer.from((await response.Body?.transformToByteArray()) ?? []);
      const gzipped = options.compression === "gzip" || (bytes[0] === 0x1f && bytes[1] === 0x8b);
      const parsed: unknown = JSON.parse((gzipped ? gunzipSync(bytes) : bytes).toString("utf8"));
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
        throw new Error("the object is not a JSON object of key → value");
      }
      data = parsed as Record<string, unknown>;
      nextLoadAt = now() + refreshMs;
    } catch (error) {
      logger.error("Lookup table load failed", {
        bucket: options.bucket,
        key: options.key,
        error: String(error),
      });
      nextLoadAt = now() + (data ? refreshMs : RETRY_AFTER_FAILURE_MS);
    }
  }

  return {
    async get(key) {
      if (now() >= nextLoadAt) {
        loading ??= load().finally(() => {
          loading = undefined;
        });
        await loading;
      }
      return data && Object.hasOwn(data, key) ? data[key] : undefined;
    },
  };
}
