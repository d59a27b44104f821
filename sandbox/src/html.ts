export function esc(value: unknown): string {
  return String(value ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#f3f5f8}
header.bar{display:flex;justify-content:space-between;align-items:center;padding:.75rem 1.5rem;background:#0b3d63;color:#fff}
header.bar a{color:#fff}.brand{font-weight:700}.sandbox-badge{background:#ffd43b;color:#1b1f24;border-radius:4px;padding:.1rem .5rem;font-size:.8rem;margin-left:.5rem}
main{max-width:52rem;margin:1.5rem auto;padding:0 1rem}section.card{background:#fff;border:1px solid #d6dbe1;border-radius:8px;padding:1.25rem 1.5rem;margin-bottom:1rem}
h1{font-size:1.5rem;margin:.25rem 0 1rem}h2{font-size:1.15rem;margin:0 0 .75rem}
table{width:100%;border-collapse:collapse}th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid #e3e7eb}td.num,th.num{text-align:right}
tfoot td{font-weight:700;border-bottom:0}dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}dt{font-weight:600}dd{margin:0}
fieldset{border:1px solid #d6dbe1;border-radius:6px;margin:0 0 1rem;padding:.75rem 1rem}legend{font-weight:600;padding:0 .25rem}
.field{margin-bottom:.75rem}.field label{display:block;font-weight:600;margin-bottom:.2rem}
input[type=text]{width:100%;max-width:24rem;padding:.5rem;border:1px solid #8a939c;border-radius:4px;font:inherit}
input[aria-invalid=true]{border-color:#b3261e;outline:1px solid #b3261e}.error{color:#b3261e;font-weight:600;margin:.2rem 0 0}
.alert{border-left:4px solid #b3261e;background:#fdecea;padding:.75rem 1rem;margin-bottom:1rem}.ok{border-left:4px solid #1e7b34;background:#e7f5ea;padding:.75rem 1rem;margin-bottom:1rem}
.button,button{display:inline-block;background:#0b5cad;color:#fff;border:0;border-radius:6px;padding:.65rem 1.25rem;font:inherit;font-weight:600;text-decoration:none;cursor:pointer}
.button:focus,button:focus,input:focus,a:focus{outline:3px solid #ffbf47;outline-offset:2px}.method-choice label{margin-right:1.5rem;font-weight:600}
.testcards{background:#fff8db;border:1px dashed #c9a400}.testcards code{font-size:1rem}.muted{color:#59636e;font-size:.9rem}
pre{white-space:pre-wrap;word-break:break-all;font-size:.8rem;margin:0}
tr.call-detail td{padding-top:0}ul.notes{margin:.25rem 0;padding-left:1.25rem;font-size:.9rem}details summary{cursor:pointer}
section.card{overflow-x:auto}td,th,dd,code{overflow-wrap:anywhere}
@media (max-width:40rem){header.bar{flex-wrap:wrap;gap:.5rem;padding:.75rem 1rem}main{margin:1rem auto;padding:0 .5rem}section.card{padding:1rem .75rem}.method-choice label{display:block;margin:0 0 .5rem}dl{grid-template-columns:1fr}}
`;

export function layout(opts: { title: string; body: string; header?: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(opts.title)}</title>
<style>${STYLE}</style>
</head>
<body>
${opts.header ?? `<header class="bar"><span class="brand">Invoice Cloud<span class="sandbox-badge">SANDBOX</span></span></header>`}
<main id="main">
${opts.body}
</main>
</body>
</html>`;
}

/** Header with the biller name and the "Sign out" link (tooltip "Sign out and Return to <SiteName>"). */
export function portalHeader(billerName: string, siteName: string, returnUrl: string): string {
  return `<header class="bar">
<span class="brand">${esc(billerName)}<span class="sandbox-badge">Invoice Cloud SANDBOX</span></span>
<nav aria-label="Account"><a id="sign-out" href="${esc(returnUrl)}" title="Sign out and Return to ${esc(siteName)}">Sign out</a></nav>
</header>`;
}

export function messagePage(title: string, message: string, extra = ""): string {
  return layout({
    title: `${title} - Invoice Cloud`,
    body: `<section class="card"><h1>${esc(title)}</h1><p>${esc(message)}</p>${extra}</section>`,
  });
}
