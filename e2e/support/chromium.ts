import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

const DEBIAN_CHROMIUM = "/usr/bin/chromium";

/**
 * Which Chromium the e2e tests drive: CHROMIUM_PATH when set, else Playwright's own browser when
 * it is installed, else Debian's /usr/bin/chromium. With none of them the run fails loudly: an e2e
 * suite that silently skips would report green without testing anything.
 */
export function resolveChromium(): string {
  const override = process.env.CHROMIUM_PATH;
  if (override) {
    if (!existsSync(override)) throw new Error(`CHROMIUM_PATH=${override} does not exist`);
    return override;
  }
  const bundled = safeExecutablePath();
  if (bundled && existsSync(bundled)) return bundled;
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  throw new Error(
    "No Chromium found for the e2e tests. Install one of: Debian's package (sudo apt-get install -y chromium), " +
      "Playwright's browser (npx playwright install chromium), or point CHROMIUM_PATH at a Chromium binary.",
  );
}

function safeExecutablePath(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}
