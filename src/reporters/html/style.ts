/** The report's only stylesheet, inlined so the page loads nothing. */
export const REPORT_CSS = `
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1c2329; background: #fff; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; }
h2 { font-size: 1.25rem; margin-top: 2.5rem; border-bottom: 1px solid #cfd8dc; padding-bottom: .25rem; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; word-break: break-all; }
.counts { display: flex; flex-wrap: wrap; gap: .5rem; margin-top: 1rem; padding: 0; list-style: none; }
.counts li { border-radius: .4rem; padding: .35rem .75rem; background: #eceff1; }
.counts .critical { background: #b71c1c; color: #fff; }
.counts .high { background: #e53935; color: #fff; }
.counts .medium { background: #fb8c00; color: #1c2329; }
.counts .low { background: #fdd835; color: #1c2329; }
figure.diagram { margin: 1rem 0; overflow-x: auto; border: 1px solid #cfd8dc; border-radius: .4rem; padding: .5rem; }
figure.diagram svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; font-size: .92rem; }
th, td { border: 1px solid #cfd8dc; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #eceff1; }
tr.violation td { color: #b71c1c; font-weight: 700; }
.finding { border-left: 4px solid #90a4ae; padding: .25rem .75rem; margin: .75rem 0; background: #fafafa; }
.finding.critical, .finding.high { border-left-color: #e53935; }
.finding.medium { border-left-color: #fb8c00; }
.finding.low { border-left-color: #fdd835; }
.finding p { margin: .3rem 0; }
.finding .where { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .85rem; }
.finding ol { margin: .25rem 0 .25rem 1.25rem; padding: 0; font-size: .88rem; }
.status { font-weight: 700; white-space: nowrap; }
.status.pass { color: #2e7d32; }
.status.fail { color: #b71c1c; }
.status.not-applicable { color: #607d8b; }
.status.not-evidenced { color: #e65100; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .88em; }
`;
