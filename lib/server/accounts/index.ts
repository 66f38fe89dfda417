import "server-only";

/** Multi-account targets: which AWS account and role a team/tier deploys to. */
export {
  deleteAccountTarget,
  findAccountTarget,
  findAccountTargetForInput,
  listAccountNames,
  listAccountTargets,
  saveAccountTarget,
} from "./account-targets";
