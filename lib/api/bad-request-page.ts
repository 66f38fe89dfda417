const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/**
 * The page people see (status 400) when proxy.ts refuses an address no page can serve. It is
 * answered by the proxy itself, before any route or layout runs, because the address is exactly
 * what those would fail on; so it is self-contained: no script, styles inline (allowed by the CSP).
 */
export function badRequestPage(reason: string): Response {
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Bad address · Tablewright</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; background: #f6f7f9; color: #1c2430; }
  header { background: #1c2430; color: #fff; padding: 0.75rem 1.5rem; font-weight: 600; }
  main { max-width: 36rem; margin: 3rem auto; background: #fff; border: 1px solid #d9dee5; border-radius: 8px; padding: 1.5rem 2rem; }
  h1 { font-size: 1.4rem; margin-top: 0; }
  .reason { color: #5b6573; }
  a { color: #1d4ed8; }
</style>
</head>
<body>
<header>Tablewright</header>
<main>
<h1>This address does not work</h1>
<p>The portal cannot read this address, so it shows nothing rather than guess what was meant.</p>
<p class="reason">${escapeHtml(reason.slice(0, 300))}</p>
<p>If you followed a link, it may have been cut or changed on the way. <a href="/">Go to your requests</a>.</p>
</main>
</body>
</html>
`;
  return new Response(html, {
    status: 400,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}
