/** The report page's style sheet: readable from 320 px phones to print, no horizontal scrolling. */
export const REPORT_STYLE = `
:root{--ink:#1d2430;--muted:#4f5968;--line:#d6dbe3;--subject:#1f6feb;--peers:#b33f00;--gap:#b42318;--ok:#2b8a3e;--warn-bg:#fff4e5;--warn:#8a4b00}
*{box-sizing:border-box}
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);max-width:1000px;margin:1.5rem auto;padding:0 1rem;overflow-wrap:break-word}
h1{font-size:1.6rem;line-height:1.25;margin:.2rem 0}h2{font-size:1.25rem;margin-top:2.2rem;border-bottom:2px solid var(--line);padding-bottom:.3rem}h3{font-size:1.05rem;margin:1.4rem 0 .4rem}
a{color:#0b5cad}code{font-size:.9em}.nowrap{white-space:nowrap}
.meta,.note{color:var(--muted)}.kicker{margin:0;color:var(--muted);font-size:.9rem;text-transform:uppercase;letter-spacing:.04em}
.illustrative{border:2px solid var(--warn);background:var(--warn-bg);color:#4a2a00;padding:.6rem .9rem;border-radius:.4rem;margin:1rem 0}
.summary{display:grid;grid-template-columns:repeat(auto-fit,minmax(11rem,1fr));gap:.8rem;margin:1rem 0}
.card{border:1px solid var(--line);border-radius:.5rem;padding:.6rem .8rem}.figure{font-size:2rem;font-weight:700;line-height:1.2}
.badge{display:inline-block;padding:.05rem .5rem;border-radius:.6rem;background:#e8eef7;font-size:.9rem}
.covers{border-left:4px solid var(--subject);padding:.2rem 0 .2rem .8rem;margin:1rem 0}
.insufficient{color:var(--gap);font-style:italic}
table{border-collapse:collapse;width:100%;margin:.6rem 0}th,td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}th{background:#f3f5f8}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.radar-figure{margin:.5rem auto 1rem;max-width:640px}.chart.radar{display:block;width:100%;height:auto}
.radar text{font-size:15px;fill:var(--ink)}.radar .ring-label{font-size:12px;fill:var(--muted)}
.ring{fill:none;stroke:var(--line)}.axis{stroke:#9aa4b2}.axis-missing{stroke-dasharray:4 4;stroke:var(--gap)}.radar .missing{fill:var(--gap);font-style:italic}
.series{stroke-width:2.5}.series-subject{fill:rgba(31,111,235,.18);stroke:var(--subject)}.series-peers{fill:none;stroke:var(--peers);stroke-dasharray:6 4}.dot{fill:var(--subject)}
.legend{text-align:center;color:var(--muted);font-size:.9rem;margin:.3rem 0}.swatch{display:inline-block;width:.9rem;height:.9rem;vertical-align:-.1rem;border-radius:.15rem}
.swatch-subject{background:var(--subject)}.swatch-peers{background:var(--peers)}
ol.gaps{list-style:none;padding:0;margin:.6rem 0}.gap-row{margin:.7rem 0}.gap-label{font-weight:600}.gap-rank{color:var(--muted)}
.gap-track{position:relative;height:1.2rem;background:#f3f5f8;border-radius:.2rem;margin:.2rem 0;background-image:linear-gradient(to right,var(--line) 1px,transparent 1px);background-size:25% 100%}
.gap-track span{position:absolute;top:0;bottom:0}.bar-score{left:0;background:var(--subject)}
.bar-gap{background:repeating-linear-gradient(45deg,rgba(180,35,24,.55) 0 3px,transparent 3px 7px);outline:1px solid var(--gap)}
.target{width:3px;margin-left:-1px;background:var(--ink);top:-.2rem!important;bottom:-.2rem!important}
.gap-value{color:var(--muted);font-size:.9rem;font-variant-numeric:tabular-nums}
.gap-scale{display:flex;justify-content:space-between;color:var(--muted);font-size:.8rem;border-top:1px solid var(--line)}
.practices,.mentors{padding-left:1.2rem}.practices li,.mentors li{margin:.4rem 0}
details.kf{border:1px solid var(--line);border-radius:.5rem;padding:.4rem .8rem;margin:.8rem 0}
details.kf>summary{cursor:pointer;font-weight:600}
.questions{padding-left:1.2rem}.question{margin:.7rem 0}.q-text{margin:0;font-weight:600}.q-answer{margin:.1rem 0}
.answer{font-weight:600}.questions.sub{border-left:2px solid var(--line);margin-left:.2rem;padding-left:1.7rem}
.evidence{background:#f6f8fa;border-radius:.4rem;padding:.4rem .6rem;margin:.3rem 0}.evidence p{margin:.2rem 0}.evidence ul{margin:.2rem 0;padding-left:1.1rem}
.rollup{font-size:.92rem;color:var(--muted);margin:.2rem 0}
.prov{display:inline-block;font-size:.72rem;font-weight:600;line-height:1.3;padding:0 .4rem;margin-left:.3rem;border-radius:.6rem;border:1px solid;vertical-align:.08rem;white-space:nowrap;letter-spacing:.02em}
.prov-source{color:#1d5f2e;background:#eaf6ed;border-color:#9fd3ad}.prov-editorial{color:#5b3a8c;background:#f3eefa;border-color:#c9b6e6}
.prov-legend .prov{margin-left:0}
@media (max-width:640px){
 body{margin:.8rem auto;padding:0 .75rem;font-size:15px}h1{font-size:1.35rem}.figure{font-size:1.7rem}
 table.key-factors thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
 table.key-factors,table.key-factors tbody{display:block;width:100%}
 table.key-factors tr{display:flex;flex-wrap:wrap;gap:0 .9rem;border:1px solid var(--line);border-radius:.4rem;margin:.5rem 0;padding:.3rem .6rem}
 table.key-factors td{display:block;border:0;padding:.1rem 0;text-align:left}
 table.key-factors td[data-label]::before{content:attr(data-label) ": ";color:var(--muted)}
 table.key-factors td.kf-no{font-weight:600}table.key-factors td.kf-no::after{content:"."}
 table.key-factors td.kf-title{font-weight:600;flex:1 1 80%}table.key-factors td.kf-section{flex-basis:100%}
 .questions{padding-left:1.2rem}.questions.sub{padding-left:1.5rem}
 .radar text{font-size:19px}.radar .ring-label{font-size:15px}
}
@media print{
 @page{margin:16mm}
 body{margin:0;max-width:none;font-size:10.5pt}a{color:inherit}
 .evidence a[href]::after{content:" <" attr(href) ">";font-size:.85em;color:var(--muted);word-break:break-all}
 h2,h3{break-after:avoid}.card,.radar-figure,.gap-row,.question,tr{break-inside:avoid}
 details.kf{border:0;padding:0}details.kf>summary{list-style:none}
 .illustrative{border-width:1px}
}
`;
