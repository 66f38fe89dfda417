import { connection } from "next/server";
import { ChangeRequestTable } from "@/components/change-requests/change-request-table";
import { listChangeRequests } from "@/lib/server/list-change-requests";

/** Home: the latest change requests, read from the database on every request. */
export default async function HomePage() {
  await connection();
  const rows = await listChangeRequests();
  return (
    <>
      <h1>Change requests</h1>
      <ChangeRequestTable rows={rows} />
    </>
  );
}
