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
import { bestOfSlices, round } from "./measure";

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

/**
 * The rules engine core with one registry over bodies[from, to); `alerts()` counts the alerts
 * raised since the last `reset()`.
 */
function rulesPass(registry: RuleRegistry, bodies: SqsBody[]) {
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
  return {
    run: async (from: number, to: number) => {
      // the rules engine sees batches of 10 messages, as the SQS event source delivers them
      for (let i = from; i < to; i += 10)
        await engine.processMessages(bodies.slice(i, Math.min(to, i + 10)));
    },
    reset: () => {
      alerts = 0;
    },
    alerts: () => alerts,
  };
}

/** Bodies per slice of the interleaved timing: a multiple of the batch of 10 messages. */
const SLICE_BODIES = 50;

/**
 * The rules engine core with each registry and the floor, timed interleaved in slices of the
 * bodies (bestOfSlices) so load from other processes falls on every figure alike.
 */
export async function benchRulesSeries(
  records: ClassifiedRecord[],
  registries: RuleRegistry[],
  runs = 3,
): Promise<RulesBenchResult[]> {
  const bodies = toSqsBodies(records);
  const passes = registries.map((registry) => rulesPass(registry, bodies));
  let sink = 0;
  const floor = (from: number, to: number) => {
    for (let i = from; i < to; i++) sink += (JSON.parse(bodies[i].body) as unknown[]).length;
  };
  const [floorTiming, ...timings] = await bestOfSlices(
    [floor, ...passes.map((pass) => pass.run)],
    bodies.length,
    SLICE_BODIES,
    runs,
  );
  const bestFloor = floorTiming.seconds;
  const best = timings.map((timing) => timing.seconds);
  // the alerts of one whole pass (the timed slices add up over rounds)
  const alerts: number[] = [];
  for (const pass of passes) {
    pass.reset();
    await pass.run(0, bodies.length);
    alerts.push(pass.alerts());
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
