/** The module templates: each renders one file of the generated module from the view model. */
export { renderAlarmsTf } from "./alarms.tf";
export { renderAutoscalingTf } from "./autoscaling.tf";
export { renderBackupTf } from "./backup.tf";
export { renderIamTf } from "./iam.tf";
export { renderImportsTf } from "./imports.tf";
export { renderMainTf } from "./main.tf";
export { renderMovedTf } from "./moved.tf";
export { moduleOutputs, renderOutputsTf } from "./outputs.tf";
export { providerAlias } from "./placement";
export { renderProvidersTf } from "./providers.tf";
export { renderReadme } from "./readme.md";
export { renderReplicasTf } from "./replicas.tf";
export { renderRequestJson } from "./request-json";
export { moduleVariables, renderVariablesTf } from "./variables.tf";
export { renderVersionsTf } from "./versions.tf";
