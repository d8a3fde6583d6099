// Stub for type-checking and tests: the build replaces this module with an index of every module
// under the configured publisher locations (rules/publishers/**), the way the rules index is
// generated, so the bundled alert processor imports user publishers statically.
import type { PublisherModule } from "./registry";

export const publisherModules: PublisherModule[] = [];
