import type { ModuleModel } from "../lib/domain/terraform/model";
import { attr, block, comment, type HclNode, list, raw, renderFile, str } from "./hcl";

/** One module input; the README's inputs table is built from the same list. */
export interface ModuleVariable {
  name: string;
  type: string;
  description: string;
  /** Absent: required. */
  defaultValue?: readonly string[];
}

/** Only what the request cannot know: today, where alarms notify when the request names no topic. */
export function moduleVariables(model: ModuleModel): ModuleVariable[] {
  if (!model.alarms) return [];
  const v: ModuleVariable = {
    name: "alarm_actions",
    type: "list(string)",
    description: model.alarms.topicArn
      ? "ARNs notified when an alarm fires or clears (SNS topics). Defaults to the topic in the request."
      : "ARNs notified when an alarm fires or clears (SNS topics). Required: the request names no topic.",
  };
  if (model.alarms.topicArn) v.defaultValue = [model.alarms.topicArn];
  return [v];
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
      return block("variable", [v.name], body);
    }),
  );
}
