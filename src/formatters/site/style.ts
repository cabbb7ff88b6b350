/** The site's one style sheet: system fonts only (nothing fetched), readable at 360 px, and a print style that leaves out the navigation. */
export const STYLE = `:root{--ink:#1a1a1a;--muted:#4d4d4d;--line:#c8c8c8;--accent:#0b4f8a;--bg:#ffffff;--soft:#f3f5f8}
*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;line-height:1.5;color:var(--ink);background:var(--bg)}
body{margin:0}
a{color:var(--accent)}
a:focus-visible,[tabindex]:focus-visible{outline:3px solid #c25400;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem}
.skip:focus{left:.5rem}
header.site,main,footer.site{max-width:70rem;margin:0 auto;padding:0 1rem}
header.site{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem 1.5rem;border-bottom:1px solid var(--line)}
.site-title{font-weight:700;margin:.75rem 0}
.site-title a{text-decoration:none;color:var(--ink)}
nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
nav a[aria-current="page"]{font-weight:700;color:var(--ink)}
h1{font-size:1.75rem;line-height:1.2;margin:1rem 0 .5rem;overflow-wrap:anywhere}
h2{font-size:1.3rem;margin:2rem 0 .5rem}
.crumbs{margin:.75rem 0 0;color:var(--muted);font-size:.9rem}
.lede{color:var(--muted)}
.headline{font-size:1.2rem}
.verdict{display:inline-block;border:2px solid currentColor;border-radius:.25rem;padding:0 .4rem;font-size:.95rem}
.as-of{background:var(--soft);border:1px solid var(--line);border-radius:.25rem;padding:.5rem .75rem;margin:1rem 0}
.as-of-title{font-size:1rem;margin:0 0 .25rem}
.as-of ul{gap:.1rem 1.25rem;font-size:.95rem}
.cards{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:1rem}
.card{border:1px solid var(--line);border-radius:.25rem;padding:0 1rem}
.card h2{font-size:1.15rem;margin:.75rem 0 .25rem}
.table{overflow-x:auto;max-width:100%;margin:.5rem 0}
table{border-collapse:collapse;font-size:.95rem}
caption{text-align:left;font-weight:700;padding:.25rem 0;min-width:16rem}
th,td{border-bottom:1px solid var(--line);padding:.3rem .6rem;text-align:left;vertical-align:top}
thead th{border-bottom:2px solid var(--ink)}
.num{text-align:right;font-variant-numeric:tabular-nums}
.download{font-size:.9rem;margin:.25rem 0 1rem}
figure.chart{margin:1rem 0}
figure.chart svg{width:100%;height:auto;max-width:50rem;display:block}
figcaption{font-size:.9rem;color:var(--muted)}
dl.fields{display:grid;grid-template-columns:minmax(7rem,max-content) 1fr;gap:.25rem 1rem}
dl.fields dt{font-weight:700}
dl.fields dd{margin:0;overflow-wrap:anywhere}
.timeline{list-style:none;padding-left:1rem;border-left:3px solid var(--line)}
.timeline li{position:relative;margin:0 0 1rem;padding-left:.75rem}
.timeline li::before{content:"";position:absolute;left:-1.55rem;top:.45rem;width:.8rem;height:.8rem;border-radius:50%;background:var(--bg);border:3px solid var(--ink)}
.timeline li.in-force::before{background:var(--ink)}
.timeline time{font-weight:700}
.tag{border:1px solid currentColor;border-radius:.2rem;padding:0 .3rem;font-size:.8rem}
.entry-note,.entry-source,.note{color:var(--muted);font-size:.9rem}
.meetings{list-style:none;padding:0}
.meetings h2{font-size:1.15rem;margin-bottom:0}
.id{color:var(--muted);font-weight:400}
abbr{text-decoration:none}
footer.site{border-top:1px solid var(--line);margin-top:2rem;color:var(--muted);font-size:.9rem}
@media print{
  header.site nav,.skip,.as-of,.download,footer.site a{display:none}
  html{font-size:11pt}
  a{color:inherit;text-decoration:none}
  header.site,main,footer.site{max-width:none;padding:0}
  .table{overflow:visible}
  table,figure,.card,section h2{break-inside:avoid}
  h2{break-after:avoid}
}
`;
