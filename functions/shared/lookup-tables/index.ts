export { type Clock, DEFAULT_CACHE_REFRESH_MINUTES, type LookupTableDriver } from "./driver";
export { createDynamoLookupTable, type DynamoLookupTableOptions } from "./dynamodb-driver";
export {
  createLookupTableDrivers,
  createLookupTableReader,
  createStaticLookupTableReader,
  type LookupTableClients,
  LookupTableConfigError,
} from "./reader";
export { createS3LookupTable, type S3LookupTableOptions } from "./s3-driver";
