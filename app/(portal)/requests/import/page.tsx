import { ImportTableForm } from "@/components/import-table/import-table-form";
import pageStyles from "@/components/ui/page.module.css";
import { AWS_REGIONS, REGION_NAMES } from "@/lib/domain/regions";
import { requirePageSession } from "@/lib/server/auth/page-session";
import { getLiveCheckStatus } from "@/lib/server/aws";
import { listMemberTeams } from "@/lib/server/teams/list-teams";

export const metadata = { title: "Import an existing table" };

/**
 * Adopt a table that already exists in AWS: the portal reads it (DescribeTable and friends), builds
 * the request it implies and opens a change request whose module imports the table, so applying
 * the approved module changes nothing. POST /api/v1/imports does the work.
 */
export default async function ImportTablePage() {
  const { actor } = await requirePageSession("/requests/import", "aws.check");
  const [teams, liveChecks] = await Promise.all([listMemberTeams(actor), getLiveCheckStatus()]);
  return (
    <>
      <div className={pageStyles.pageHeader}>
        <h1>Import an existing table</h1>
      </div>
      <p className={pageStyles.muted}>
        For a table that already exists in AWS. The portal reads it and opens a change request that describes it as it
        is; the approved module carries an <code>import</code> block, so applying it puts the table under Terraform
        without changing it.
      </p>
      <ImportTableForm
        teams={teams}
        regions={AWS_REGIONS.map((code) => ({ code, name: REGION_NAMES[code] }))}
        liveChecks={{ enabled: liveChecks.enabled, message: liveChecks.message }}
      />
    </>
  );
}
