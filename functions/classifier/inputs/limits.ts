/**
 * Size caps that keep one bad input from exhausting the function's memory. Each cap that is hit
 * turns that one record into a counted, logged failure; the rest of the batch goes on.
 */
export interface InputLimits {
  /** Largest decompressed Kinesis record (Kinesis records are at most 1 MiB compressed). */
  maxKinesisInflatedBytes: number;
  /** Longest S3 line kept; a longer line becomes one failed record. */
  maxS3LineBytes: number;
  /**
   * Largest S3 object read as one JSON document (it must be held whole to be parsed). A larger
   * object whose first line is not complete JSON is read line by line instead.
   */
  maxS3DocumentBytes: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_INPUT_LIMITS: InputLimits = {
  maxKinesisInflatedBytes: 10 * MiB,
  maxS3LineBytes: 64 * MiB,
  maxS3DocumentBytes: 128 * MiB,
};

/** Limits from the environment (STREAMALERT_MAX_KINESIS_INFLATED_BYTES, ...), else defaults. */
export function inputLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): InputLimits {
  return {
    maxKinesisInflatedBytes: positive(
      env.STREAMALERT_MAX_KINESIS_INFLATED_BYTES,
      DEFAULT_INPUT_LIMITS.maxKinesisInflatedBytes,
    ),
    maxS3LineBytes: positive(
      env.STREAMALERT_MAX_S3_LINE_BYTES,
      DEFAULT_INPUT_LIMITS.maxS3LineBytes,
    ),
    maxS3DocumentBytes: positive(
      env.STREAMALERT_MAX_S3_DOCUMENT_BYTES,
      DEFAULT_INPUT_LIMITS.maxS3DocumentBytes,
    ),
  };
}

function positive(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return value && Number.isFinite(parsed) && parsed > 0 ? Math.floor(parsed) : fallback;
}
