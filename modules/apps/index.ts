// `modules.streamalert_apps`: one scheduled poller per entry (the key is the function name, as in
// StreamAlert), allowed its own SSM parameters (`<name>_auth`, `<name>_state`), to invoke itself
// when more remains, and to send batches to the cluster's classifier.
import { Construct } from "constructs";
import type { LambdaSettings } from "../../functions/shared/config/types";
import { type FunctionArtifact, StreamAlertFunction } from "../lambda";
import { type AccountContext, arn } from "../shared/names";

export interface AppProps {
  account: AccountContext;
  /** the `streamalert_apps` key, e.g. `acme_prod_duo_auth_app` */
  functionName: string;
  /** app type, e.g. `duo_auth` */
  type: string;
  cluster: string;
  settings: LambdaSettings;
  classifier: StreamAlertFunction;
  artifact: FunctionArtifact;
  alarmTopicArn: string;
  runtime?: string;
}

export class App extends Construct {
  readonly function: StreamAlertFunction;

  constructor(scope: Construct, id: string, props: AppProps) {
    super(scope, id);
    const name = props.functionName;
    const schedule = props.settings.schedule_expression ?? "rate(1 hour)";
    this.function = new StreamAlertFunction(this, "function", {
      functionName: name,
      description: `StreamAlert app ${props.type} of cluster ${props.cluster}`,
      artifact: props.artifact,
      settings: {
        ...props.settings,
        schedule_expression: schedule,
      },
      runtime: props.runtime,
      alarmTopicArn: props.alarmTopicArn,
      environment: {
        APP_TYPE: props.type,
        CLUSTER: props.cluster,
        DESTINATION_FUNCTION: props.classifier.functionName,
        // the first run looks back one interval (no saved cursor yet)
        SCHEDULE_EXPRESSION: schedule,
      },
    });
    this.function.addToRolePolicy({
      Sid: "AppAuthAndState",
      Action: ["ssm:GetParameter", "ssm:GetParameters", "ssm:PutParameter"],
      Resource: arn(props.account, "ssm", `parameter/${name}_*`),
    });
    this.function.addToRolePolicy({
      Sid: "InvokeSelfAndClassifier",
      Action: ["lambda:InvokeFunction"],
      Resource: [
        arn(props.account, "lambda", `function:${name}:production`),
        props.classifier.alias.arn,
      ],
    });
  }
}
