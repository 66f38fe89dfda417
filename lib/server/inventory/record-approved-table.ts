import "server-only";
import { AppError } from "@/lib/domain/app-error";
import type { OperationPlan } from "@/lib/domain/plan";
import type { TableRequest } from "@/lib/domain/request/schema";
import type { Tx } from "../audit";
import { assertTableNotManaged, baselineOf, tableColumnsFor } from "./table-records";

/**
 * Called inside the approval's transaction when a request reaches APPROVED: a create request adds
 * its table to the inventory (and is tied to it); a change or an adoption redefines its table with
 * the approved revision. A change planned against a definition that another approval replaced
 * since is refused (409): its plan no longer describes what Terraform will do.
 */
export async function recordApprovedTable(
  tx: Tx,
  cr: { id: string; key: string; teamId: string; tableId: string | null; isDemo: boolean },
  revisionNumber: number,
): Promise<{ tableId: string; created: boolean }> {
  const revision = await tx.revision.findUniqueOrThrow({
    where: { changeRequestId_number: { changeRequestId: cr.id, number: revisionNumber } },
    select: {
      requestJson: true,
      costJson: true,
      drJson: true,
      planJson: true,
      planBaseline: true,
      accountTargetJson: true,
    },
  });
  // The account the approved module targets (its mapping at render time): a table created through a
  // request shows it like an imported one. The default account's ID is not known without AWS: "".
  const mapped = revision.accountTargetJson
    ? (JSON.parse(revision.accountTargetJson) as { accountId: string } | null)
    : null;
  const request = JSON.parse(revision.requestJson) as TableRequest;
  const columns = tableColumnsFor(request, revision, { key: cr.key, revision: revisionNumber });
  if (!cr.tableId) {
    await assertTableNotManaged(tx, request);
    const table = await tx.managedTable
      .create({
        data: {
          ...columns,
          teamId: cr.teamId,
          liveStatus: "AWAITING_APPLY",
          account: mapped?.accountId ?? "",
          sizeGb: request.workload?.storageGb ?? null,
          isDemo: cr.isDemo,
        },
      })
      .catch((error: unknown) => {
        // Two creates of the same name and Region approved at the same moment: the unique index decides.
        if ((error as { code?: string }).code === "P2002") {
          throw new AppError("CONFLICT", `${request.tableName} in ${request.regions.primary} was added just now`);
        }
        throw error;
      });
    await tx.changeRequest.update({ where: { id: cr.id }, data: { tableId: table.id } });
    return { tableId: table.id, created: true };
  }
  const table = await tx.managedTable.findUniqueOrThrow({ where: { id: cr.tableId } });
  if (revision.planBaseline && revision.planBaseline !== baselineOf(table)) {
    throw new AppError(
      "CONFLICT",
      `${table.name} changed since revision ${revisionNumber} was planned (it is now defined by ${baselineOf(table).replace("@", " revision ")}); revise the request so its plan starts from the live definition`,
    );
  }
  if (request.tableName !== table.name || request.regions.primary !== table.primaryRegion) {
    await assertTableNotManaged(tx, request, { exceptTableId: table.id });
  }
  const plan = revision.planJson ? (JSON.parse(revision.planJson) as OperationPlan) : null;
  await tx.managedTable.update({
    where: { id: table.id },
    data: {
      ...columns,
      // Approving exactly what is live (an adoption without edits) leaves nothing to apply.
      liveStatus: plan?.kind === "none" ? table.liveStatus : "AWAITING_APPLY",
      ...(mapped ? { account: mapped.accountId } : {}),
      sizeGb: table.itemCount !== null ? table.sizeGb : (request.workload?.storageGb ?? table.sizeGb),
    },
  });
  return { tableId: table.id, created: false };
}

/** A live check of the request that defines a table now sets the table's live status. */
export async function recordTableVerification(
  tx: Tx,
  cr: { key: string; tableId: string | null; approvedRevision: number | null },
  verified: boolean,
) {
  if (!cr.tableId || cr.approvedRevision === null) return;
  await tx.managedTable.updateMany({
    where: { id: cr.tableId, definedByRequestKey: cr.key, definedByRevision: cr.approvedRevision },
    data: { liveStatus: verified ? "VERIFIED" : "DRIFTED" },
  });
}
