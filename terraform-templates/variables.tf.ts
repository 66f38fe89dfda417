import { attr, block, comment, type HclNode, list, raw, renderFile, sections, str } from "./hcl";
import type { ModuleModel } from "./model";

/** One module input; the README's inputs table is built from the same list. */
export interface ModuleVariable {
  name: string;
  type: string;
  description: string;
  /** Absent: required. */
  defaultValue?: readonly string[];
  /** A Terraform `validation` block: the plan stops with `errorMessage` unless `condition` holds. */
  validation?: { condition: string; errorMessage: string };
}

/**
 * Only what the request cannot know: where alarms notify. CloudWatch alarm actions name SNS topics
 * in the alarm's own Region, so each replica Region with alarms needs its own topics. An empty
 * list would create alarms that notify no one, so each variable refuses it.
 */
export function moduleVariables(model: ModuleModel): ModuleVariable[] {
  const alarms = model.alarms;
  if (!alarms) return [];
  const primary: ModuleVariable = {
    name: "alarm_actions",
    type: "list(string)",
    description: alarms.topicArn
      ? `ARNs notified when an alarm in ${model.primaryRegion} fires or clears (SNS topics in ${model.primaryRegion}). Defaults to the topic in the request.`
      : `ARNs notified when an alarm in ${model.primaryRegion} fires or clears (SNS topics in ${model.primaryRegion}). Required: the request names no topic.`,
    validation: {
      condition: "length(var.alarm_actions) > 0",
      errorMessage: "alarm_actions needs at least one SNS topic ARN: an alarm without actions notifies no one.",
    },
  };
  if (alarms.topicArn) primary.defaultValue = [alarms.topicArn];
  const out = [primary];
  if (alarms.replicaRegions.length > 0) {
    const regions = alarms.replicaRegions;
    out.push({
      name: "replica_alarm_actions",
      type: "map(list(string))",
      description: `ARNs notified by the alarms in each replica Region, keyed by Region (${regions.join(", ")}); each list names SNS topics in its own Region.`,
      validation: {
        condition: `alltrue([for region in [${regions.map((r) => JSON.stringify(r)).join(", ")}] : length(lookup(var.replica_alarm_actions, region, [])) > 0])`,
        errorMessage: `replica_alarm_actions needs at least one SNS topic ARN for each of ${regions.join(", ")}: an alarm without actions notifies no one.`,
      },
    });
  }
  return out;
}

/** `variables.tf`. */
export function renderVariablesTf(model: ModuleModel): string {
  const vars = moduleVariables(model);
  if (vars.length === 0) {
    return renderFile([comment("No inputs: everything this module needs comes from the request (see request.json).")]);
  }
  return renderFile(
    vars.map((v): HclNode => {
      const body: HclNode[] = [attr("description", str(v.description)), attr("type", raw(v.type))];
      if (v.defaultValue) body.push(attr("default", list(v.defaultValue.map(str))));
      const validation = v.validation
        ? block(
            "validation",
            [],
            [attr("condition", raw(v.validation.condition)), attr("error_message", str(v.validation.errorMessage))],
          )
        : null;
      return block("variable", [v.name], sections(body, validation));
    }),
  );
}
