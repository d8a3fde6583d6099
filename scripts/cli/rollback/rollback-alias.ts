// Moving a function's `production` alias back one published version, as StreamAlert's rollback
// did: read where the alias points, list the published versions (paginated), and point the
// alias at the newest version older than the current one.
import {
  GetAliasCommand,
  type LambdaClient,
  paginateListVersionsByFunction,
  UpdateAliasCommand,
} from "@aws-sdk/client-lambda";

export const PRODUCTION_ALIAS = "production";

export interface RollbackResult {
  functionName: string;
  from: string;
  to: string;
}

/** A failure the user can act on; the message names the function and the fix. */
export class RollbackError extends Error {
  override name = "RollbackError";
}

function awsErrorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

async function publishedVersions(client: LambdaClient, functionName: string): Promise<number[]> {
  const versions: number[] = [];
  const pages = paginateListVersionsByFunction(
    { client, pageSize: 50 },
    { FunctionName: functionName },
  );
  for await (const page of pages) {
    for (const version of page.Versions ?? []) {
      // "$LATEST" is the unpublished code, never a rollback target.
      if (version.Version && /^\d+$/.test(version.Version)) versions.push(Number(version.Version));
    }
  }
  return versions.sort((a, b) => a - b);
}

export async function rollbackProductionAlias(
  client: LambdaClient,
  functionName: string,
): Promise<RollbackResult> {
  let current: string | undefined;
  let revisionId: string | undefined;
  try {
    const alias = await client.send(
      new GetAliasCommand({ FunctionName: functionName, Name: PRODUCTION_ALIAS }),
    );
    current = alias.FunctionVersion;
    revisionId = alias.RevisionId;
  } catch (error) {
    if (error instanceof Error && error.name === "ResourceNotFoundException") {
      throw new RollbackError(
        `${functionName}: no function or no ${PRODUCTION_ALIAS} alias in this account/region; check --region, or deploy it first (streamalert deploy)`,
      );
    }
    throw new RollbackError(`${functionName}: could not read its alias: ${awsErrorText(error)}`);
  }
  if (current === undefined || !/^\d+$/.test(current)) {
    throw new RollbackError(
      `${functionName}:${PRODUCTION_ALIAS} points to ${current ?? "nothing"}, not a published version; run streamalert deploy to publish one`,
    );
  }
  let versions: number[];
  try {
    versions = await publishedVersions(client, functionName);
  } catch (error) {
    throw new RollbackError(`${functionName}: could not list its versions: ${awsErrorText(error)}`);
  }
  const older = versions.filter((version) => version < Number(current));
  if (older.length === 0) {
    throw new RollbackError(
      `${functionName}:${PRODUCTION_ALIAS} is already at its oldest published version (${current}); nothing to roll back to`,
    );
  }
  const previous = String(older[older.length - 1]);
  try {
    await client.send(
      new UpdateAliasCommand({
        FunctionName: functionName,
        Name: PRODUCTION_ALIAS,
        FunctionVersion: previous,
        // fails instead of overwriting when a deploy moved the alias since we read it
        RevisionId: revisionId,
      }),
    );
  } catch (error) {
    throw new RollbackError(
      `${functionName}: could not move ${PRODUCTION_ALIAS} to version ${previous}: ${awsErrorText(error)}`,
    );
  }
  return { functionName, from: current, to: previous };
}
