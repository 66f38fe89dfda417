// @ts-check
/** @type {import("next").NextConfig} */
const nextConfig = {
  // Self-contained server bundle for the production container image (the Dockerfile sets it);
  // `next start` refuses to serve a standalone build, so it is opt-in.
  output: process.env.NEXT_OUTPUT_STANDALONE === "1" ? "standalone" : undefined,
  poweredByHeader: false,
  productionBrowserSourceMaps: process.env.PROFILE_SOURCE_MAPS === "1",
  // Routes that read files at run time (migrations for readiness) make the
  // tracer include whole folders; keep the standalone output to what the server needs.
  outputFileTracingExcludes: {
    "/*": [
      "./data/**",
      "./tmp/**",
      "./test-results/**",
      "./e2e/**",
      "./tests/**",
      "./bench/**",
      "./docs/**",
      "./.git/**",
      "./examples/**",
      "./prices/**",
    ],
  },
  outputFileTracingIncludes: {
    "/api/ready": ["./prisma/**/migration.sql"],
  },
  // `npm test` type-checks the whole project (npm run typecheck); doing it again inside every
  // `next build` would only slow down `npm start`.
  typescript: { ignoreBuildErrors: true },
  // Go-WASM HCL packages are only used by tests, but keep them out of bundles if ever imported.
  serverExternalPackages: ["@cdktf/hcl2json", "@cdktf/hcl-tools"],
  // Allow a separate build folder so tests can build without touching the one `npm start` serves.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  experimental: {
    // proxy.ts sees every request (it refuses malformed URLs), and Next buffers a copy of each body
    // for it up to this size (default 10 MB, twice). The API reads at most 1 MiB (lib/api/read-body.ts)
    // and answers 413 beyond; one byte more here is enough for that check, and a flood of huge
    // uploads then costs ~2 MiB each instead of ~20 MB.
    proxyClientMaxBodySize: 1_048_577,
  },
  // Headers for every response; pages also get a nonce-based Content-Security-Policy from proxy.ts.
  async headers() {
    const common = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      { key: "X-Frame-Options", value: "DENY" },
      { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
      { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    ];
    return [
      { source: "/:path*", headers: common },
      // JSON and zips are never rendered as documents.
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default nextConfig;
