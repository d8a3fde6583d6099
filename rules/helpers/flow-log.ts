// VPC flow log fields under either naming: StreamAlert's `cloudwatch:flow_logs` schema
// (CloudWatch Logs subscription: source, destination, destport, eni) or the flow log record
// format delivered to S3 (srcaddr, dstaddr, dstport, interface_id).
import type { LogRecord } from "../../functions/shared/rules";

export interface FlowLogFields {
  sourceAddress: unknown;
  destinationAddress: unknown;
  destinationPort: string;
  interfaceId: unknown;
  action: unknown;
}

export function flowLogFields(rec: LogRecord): FlowLogFields {
  return {
    sourceAddress: rec.source ?? rec.srcaddr,
    destinationAddress: rec.destination ?? rec.dstaddr,
    destinationPort: String(rec.destport ?? rec.dstport),
    interfaceId: rec.eni ?? rec.interface_id,
    action: rec.action,
  };
}
