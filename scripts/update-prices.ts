/**
 * `npm run prices:update`: refreshes the project's DynamoDB prices from AWS's Price List API (bulk
 * offer files, service code AmazonDynamoDB), then regenerates the JSON the engine imports.
 *
 *   npm run prices:update               fetch from AWS, rewrite prices/dynamodb-prices.csv and the JSON
 *   npm run prices:update -- --from-csv only regenerate lib/domain/cost/price-list.json (and the
 *                                       reserved-capacity JSON) from the CSVs
 *
 * Nothing is written unless every Region was fetched and parsed: a partial refresh would silently
 * mix old and new prices. Where the network does not reach AWS, it says so and exits 1.
 */
import { readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { PriceCsvRow } from "../lib/domain/cost/price-csv";
import { formatPriceCsv, parsePriceCsv, parsePriceCsvRows } from "../lib/domain/cost/price-csv";
import {
  type AwsOfferFile,
  type AwsRegionIndex,
  parseDynamoDbOffer,
  regionOfferUrls,
  sortRows,
} from "./prices/aws-offer-parser";
import { generatePriceListJson, PRICE_CSV_PATH } from "./prices/generate-price-list";

const REGION_INDEX_URL =
  "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonDynamoDB/current/region_index.json";
const FETCH_TIMEOUT_MS = 20_000;
/** Region offer files are a few hundred KB each; four at a time keeps it quick without hammering AWS. */
const CONCURRENCY = 4;

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

async function fetchAllRows(): Promise<PriceCsvRow[]> {
  const index = await fetchJson<AwsRegionIndex>(REGION_INDEX_URL);
  const targets = regionOfferUrls(index, REGION_INDEX_URL);
  if (targets.length === 0) throw new Error("the region index lists no Regions");
  const rows: PriceCsvRow[] = [];
  for (let i = 0; i < targets.length; i += CONCURRENCY) {
    const batch = targets.slice(i, i + CONCURRENCY);
    const parsed = await Promise.all(
      batch.map(async ({ region, url }) => parseDynamoDbOffer(await fetchJson<AwsOfferFile>(url), region, url)),
    );
    rows.push(...parsed.flat());
  }
  return sortRows(rows);
}

async function writeAtomically(file: string, text: string): Promise<void> {
  await writeFile(`${file}.tmp`, text);
  await rename(`${file}.tmp`, file);
}

async function main(argv: string[]): Promise<number> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  if (argv.includes("--from-csv")) {
    const { regions, publicationDate } = await generatePriceListJson(root);
    process.stdout.write(
      `price-list.json regenerated from ${PRICE_CSV_PATH}: ${regions} Regions, prices of ${publicationDate}\n`,
    );
    return 0;
  }

  let rows: PriceCsvRow[];
  try {
    rows = await fetchAllRows();
  } catch (error) {
    const cause = (error as Error & { cause?: Error }).cause?.message;
    process.stderr.write(
      [
        `prices:update: could not download AWS's price list (${(error as Error).message}${cause ? `: ${cause}` : ""}).`,
        "Nothing was changed. This needs HTTPS access to pricing.us-east-1.amazonaws.com.",
        `To rebuild the engine's JSON from the checked-in CSV instead: npm run prices:update -- --from-csv`,
        "",
      ].join("\n"),
    );
    return 1;
  }

  // Check the new rows build a complete price list before touching any file.
  const csvText = formatPriceCsv(rows);
  const fresh = parsePriceCsv(csvText);
  const csvPath = path.join(root, PRICE_CSV_PATH);
  const old = parsePriceCsvRows(await readFile(csvPath, "utf8"));
  await writeAtomically(csvPath, csvText);
  const { regions, publicationDate } = await generatePriceListJson(root);
  process.stdout.write(
    `prices:update: ${rows.length} rates for ${regions} Regions (was ${old.length} rates), AWS publication date ${publicationDate || fresh.publicationDate}.\n` +
      "Review the diff of prices/dynamodb-prices.csv before committing.\n",
  );
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
