// Rules engine core throughput on classified records delivered as SQS message bodies (parsing
// included), against the floor of JSON.parse of the same bodies, and the cost per record as
// the number of loaded rules grows.
import { createClassifier } from "../functions/classifier/classifier";
import { createRulesEngine } from "../functions/rules_engine/engine";
import type { ClassifiedRecord } from "../functions/shared/classified-record";
import type { StreamAlertConfig } from "../functions/shared/config/types";
import type { RuleRegistry } from "../functions/shared/rules/registry";
import { clusterForStream } from "./classifier-bench";
import type { CorpusLine } from "./corpus";
import { collectGarbage, round } from "./measure";

const SQS_BODY_LIMIT = 256 * 1024;

export interface RulesBenchResult {
  records: number;
  rules: number;
  alerts: number;
  seconds: number;
  records_per_s: number;
  floor_records_per_s: number;
  ratio_to_floor: number;
  us_per_record: number;
}

/** Records whose log type no loaded rule can apply to: their cost must not grow with rules. */
export function recordsWithoutRules(
  records: ClassifiedRecord[],
  registry: RuleRegistry,
): ClassifiedRecord[] {
  return records.filter((r) => registry.rulesFor(r.log_schema_type, r.record).length === 0);
}

export function classifyCorpus(config: StreamAlertConfig, lines: CorpusLine[]): ClassifiedRecord[] {
  const byStream = new Map<string, ReturnType<typeof createClassifier>>();
  const out: ClassifiedRecord[] = [];
  for (const line of lines) {
    let classifier = byStream.get(line.source);
    if (!classifier) {
      classifier = createClassifier(config, clusterForStream(config, line.source));
      byStream.set(line.source, classifier);
    }
    const data = typeof line.data === "string" ? line.data : JSON.stringify(line.data);
    const outcome = classifier.classify({ service: "kinesis", resource: line.source, data });
    if (outcome.ok) out.push(...outcome.records);
  }
  return out;
}

/** JSON-array bodies of at most 256 KiB, as the classifier's SQS sender packs them. */
interface SqsBody {
  messageId: string;
  body: string;
  count: number;
}

export function toSqsBodies(records: ClassifiedRecord[]): SqsBody[] {
  const bodies: SqsBody[] = [];
  let parts: string[] = [];
  let size = 2;
  const flush = () => {
    if (parts.length === 0) return;
    bodies.push({
      messageId: String(bodies.length),
      body: `[${parts.join(",")}]`,
      count: parts.length,
    });
    parts = [];
    size = 2;
  };
  for (const record of records) {
    const json = JSON.stringify(record);
    const bytes = Buffer.byteLength(json) + 1;
    if (size + bytes > SQS_BODY_LIMIT) flush();
    parts.push(json);
    size += bytes;
  }
  flush();
  return bodies;
}

/** One timed pass of the rules engine core over the bodies; returns the alerts raised. */
function rulesPass(registry: RuleRegistry): (bodies: SqsBody[]) => Promise<number> {
  let alerts = 0;
  // alert writes stubbed at the interface: counted, not stored
  const engine = createRulesEngine({
    registry,
    alertWriter: {
      write: async (batch) => {
        alerts += batch.length;
        return { written: batch.length, duplicates: 0, failed: [] };
      },
    },
    logger: { error() {}, warn() {}, info() {}, debug() {} },
  });
  return async (bodies) => {
    alerts = 0;
    // the rules engine sees batches of 10 messages, as the SQS event source delivers them
    for (let i = 0; i < bodies.length; i += 10)
      await engine.processMessages(bodies.slice(i, i + 10));
    return alerts;
  };
}

async function seconds(work: () => Promise<unknown>): Promise<number> {
  collectGarbage();
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/**
 * The rules engine core with each registry, runs interleaved (floor, registry 1, registry 2, ...
 * per round) so load from other processes falls on every figure alike; best of `runs` rounds
 * after a warm-up round.
 */
export async function benchRulesSeries(
  records: ClassifiedRecord[],
  registries: RuleRegistry[],
  runs = 3,
): Promise<RulesBenchResult[]> {
  const bodies = toSqsBodies(records);
  const passes = registries.map(rulesPass);
  let sink = 0;
  const floor = async () => {
    for (const b of bodies) sink += (JSON.parse(b.body) as unknown[]).length;
  };
  let bestFloor = Number.POSITIVE_INFINITY;
  const best = registries.map(() => Number.POSITIVE_INFINITY);
  const alerts = registries.map(() => 0);
  for (let round = 0; round <= runs; round++) {
    const floorSeconds = await seconds(floor);
    if (round > 0) bestFloor = Math.min(bestFloor, floorSeconds);
    for (const [index, pass] of passes.entries()) {
      const took = await seconds(async () => {
        alerts[index] = await pass(bodies);
      });
      if (round > 0) best[index] = Math.min(best[index], took);
    }
  }
  if (sink < 0) console.log(sink);
  return registries.map((registry, index) => ({
    records: records.length,
    rules: registry.rules.length,
    alerts: alerts[index],
    seconds: round(best[index], 3),
    records_per_s: Math.round(records.length / best[index]),
    floor_records_per_s: Math.round(records.length / bestFloor),
    ratio_to_floor: round(bestFloor / best[index]),
    us_per_record: round((best[index] * 1e6) / Math.max(1, records.length)),
  }));
}

export async function benchRules(
  records: ClassifiedRecord[],
  registry: RuleRegistry,
  runs = 3,
): Promise<RulesBenchResult> {
  const [result] = await benchRulesSeries(records, [registry], runs);
  return result;
}
