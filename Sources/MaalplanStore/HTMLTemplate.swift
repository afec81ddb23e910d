/// The status report's page (Mustache): every value goes in through `{{ }}`, which escapes it.
/// No network: the style, the charts (SVG) and the filter script are in the page, and its
/// Content-Security-Policy lets nothing be fetched. Readable without the script.
enum HTMLTemplate {
    static let page = #"""
<!DOCTYPE html>
<html lang="{{t.lang}}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{t.title}} {{asOf}}</title>
<style>
:root { --ink: #1a1a1a; --muted: #555; --line: #c8c8c8; --bg: #fff; --head: #f1f3f5; --accent: #1d4f91; --warn: #9e2a00; --soon: #6b4e00; --ok: #1f6b2a; }
* { box-sizing: border-box; }
body { font: 16px/1.45 system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: var(--bg); margin: 0; }
header.page, main { max-width: 1180px; margin: 0 auto; padding: 0 20px; }
header.page { padding-top: 20px; }
h1 { font-size: 1.8rem; margin: 0 0 4px; }
h2 { font-size: 1.4rem; margin: 32px 0 10px; border-bottom: 2px solid var(--accent); padding-bottom: 4px; }
h3 { font-size: 1.15rem; margin: 22px 0 8px; }
h4 { font-size: 1rem; margin: 14px 0 6px; }
a { color: var(--accent); }
.meta { color: var(--muted); margin: 0 0 10px; }
nav.toc ul { display: flex; flex-wrap: wrap; gap: 6px 18px; padding: 0; list-style: none; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 14px; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
th { background: var(--head); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.chart text { font-size: 14px; fill: var(--ink); }
.chart rect.bar { fill: var(--accent); }
.timeline text { font-size: 12px; fill: var(--ink); }
.timeline line.month { stroke: #ddd; }
.timeline line.today { stroke: var(--ink); stroke-dasharray: 4 3; }
.timeline rect.overdue { fill: var(--warn); }
.timeline rect.coming-up { fill: #c79a00; }
.timeline rect.later { fill: var(--accent); }
.timeline rect.done { fill: var(--ok); }
.state-overdue { color: var(--warn); font-weight: 600; }
.state-coming-up { color: var(--soon); font-weight: 600; }
.scroll { overflow-x: auto; }
section.plan { border: 1px solid var(--line); border-radius: 6px; padding: 4px 16px 12px; margin: 16px 0; }
section.plan h3 { margin-top: 12px; }
ol.steps { display: flex; flex-wrap: wrap; gap: 6px; padding: 0; list-style: none; margin: 6px 0 10px; }
ol.steps li { border: 1px solid var(--line); border-radius: 4px; padding: 3px 10px; }
ol.steps li.reached { background: #e6f2e8; border-color: var(--ok); }
ol.steps li.next { border: 2px solid var(--accent); font-weight: 600; }
dl.fields { display: grid; grid-template-columns: minmax(160px, 240px) 1fr; gap: 4px 14px; margin: 4px 0 8px; }
dl.fields dt { font-weight: 600; }
dl.fields dd { margin: 0; white-space: pre-wrap; }
dl.fields ul { margin: 0; padding-left: 20px; }
.empty { color: var(--muted); font-style: italic; }
.sev-error { color: var(--warn); font-weight: 600; }
.paths code { word-break: break-all; }
form.filter { display: flex; flex-wrap: wrap; gap: 10px; align-items: end; background: var(--head); padding: 10px; border-radius: 6px; }
form.filter label { display: flex; flex-direction: column; font-size: 0.9rem; }
form.filter input, form.filter select { font-size: 1rem; padding: 4px 6px; }
[hidden] { display: none !important; }
@media print {
  @page { size: A4; margin: 15mm; }
  body { font-size: 10.5pt; }
  form.filter, nav.toc, a.top { display: none; }
  section.plan { break-inside: avoid-page; }
  h2 { break-after: avoid; }
  a { color: var(--ink); text-decoration: none; }
}
</style>
</head>
<body>
<header class="page" id="top">
<h1>{{t.title}}</h1>
<p class="meta">{{t.asOfLabel}} {{asOf}} · {{planCount}} {{t.plans}} · {{t.generatedLabel}} {{generated}}</p>
<nav class="toc" aria-label="{{t.contents}}"><ul>
<li><a href="#overview">{{t.overview}}</a></li>
<li><a href="#milestones">{{t.milestones}}</a></li>
<li><a href="#plans">{{t.plansHeading}}</a></li>
<li><a href="#not-read">{{t.notRead}}</a></li>
</ul></nav>
</header>
<main>
<section id="overview" aria-labelledby="overview-h">
<h2 id="overview-h">{{t.overview}}</h2>
<h3>{{t.byPhase}}</h3>
<svg class="chart" id="phase-chart" role="img" aria-labelledby="chart-title" width="{{chartWidth}}" height="{{chartHeight}}" viewBox="0 0 {{chartWidth}} {{chartHeight}}">
<title id="chart-title">{{t.chartLabel}}</title>
{{#bars}}<g data-phase="{{phase}}"><text x="0" y="{{textY}}">{{name}}</text><rect class="bar" x="{{x}}" y="{{y}}" width="{{width}}" height="{{height}}"></rect><text x="{{numberX}}" y="{{textY}}">{{count}}</text></g>
{{/bars}}</svg>
<table class="phase-table">
<caption>{{t.byPhase}}</caption>
<thead><tr><th scope="col">{{t.phase}}</th><th scope="col" class="num">{{t.count}}</th></tr></thead>
<tbody>{{#phases}}<tr><th scope="row">{{name}}</th><td class="num" data-phase-count="{{code}}">{{count}}</td></tr>{{/phases}}
<tr><th scope="row">{{t.total}}</th><td class="num" id="total-plans">{{planCount}}</td></tr></tbody>
</table>
<table class="year-table">
<caption>{{t.byYear}}</caption>
<thead><tr><th scope="col">{{t.year}}</th>{{#phases}}<th scope="col" class="num">{{name}}</th>{{/phases}}<th scope="col" class="num">{{t.total}}</th></tr></thead>
<tbody>{{#years}}<tr><th scope="row">{{year}}</th>{{#cells}}<td class="num">{{count}}</td>{{/cells}}<td class="num">{{total}}</td></tr>{{/years}}</tbody>
</table>

<form class="filter" role="search" aria-label="{{t.filter}}" onsubmit="return false">
<label>{{t.filterText}}<input type="search" id="filter-text" autocomplete="off"></label>
<label>{{t.phase}}<select id="filter-phase"><option value="">{{t.allPhases}}</option>{{#phases}}<option value="{{code}}">{{name}}</option>{{/phases}}</select></label>
<label>{{t.owner}}<select id="filter-owner"><option value="">{{t.allOwners}}</option>{{#ownerNames}}<option value="{{name}}">{{name}}</option>{{/ownerNames}}</select></label>
<output id="filter-count" aria-live="polite"></output>
</form>

<h3>{{t.byOwner}}</h3>
{{#owners}}<table class="group">
<caption>{{name}} ({{count}})</caption>
<thead><tr><th scope="col">{{t.plan}}</th><th scope="col">{{t.caseNumber}}</th><th scope="col">{{t.coordinator}}</th><th scope="col">{{t.phase}}</th><th scope="col">{{t.missing}}</th></tr></thead>
<tbody>{{#plans}}<tr data-plan="{{id}}" data-phase="{{phaseCode}}" data-owner="{{ownerKey}}" data-search="{{search}}"><td><a href="#{{anchor}}">{{title}}</a></td><td>{{caseNumber}}</td><td>{{coordinator}}</td><td>{{phase}}</td><td>{{missing}}</td></tr>{{/plans}}</tbody>
</table>
{{/owners}}
<h3>{{t.byCoordinator}}</h3>
{{#coordinators}}<table class="group">
<caption>{{name}} ({{count}})</caption>
<thead><tr><th scope="col">{{t.plan}}</th><th scope="col">{{t.caseNumber}}</th><th scope="col">{{t.owner}}</th><th scope="col">{{t.phase}}</th><th scope="col">{{t.missing}}</th></tr></thead>
<tbody>{{#plans}}<tr data-plan="{{id}}" data-phase="{{phaseCode}}" data-owner="{{ownerKey}}" data-search="{{search}}"><td><a href="#{{anchor}}">{{title}}</a></td><td>{{caseNumber}}</td><td>{{owner}}</td><td>{{phase}}</td><td>{{missing}}</td></tr>{{/plans}}</tbody>
</table>
{{/coordinators}}
<h3>{{t.byOrganisation}}</h3>
{{#organisations}}<table class="group">
<caption>{{name}} ({{count}})</caption>
<thead><tr><th scope="col">{{t.plan}}</th><th scope="col">{{t.owner}}</th><th scope="col">{{t.phase}}</th></tr></thead>
<tbody>{{#plans}}<tr data-plan="{{id}}" data-phase="{{phaseCode}}" data-owner="{{ownerKey}}" data-search="{{search}}"><td><a href="#{{anchor}}">{{title}}</a></td><td>{{owner}}</td><td>{{phase}}</td></tr>{{/plans}}</tbody>
</table>
{{/organisations}}
</section>

<section id="milestones" aria-labelledby="milestones-h">
<h2 id="milestones-h">{{t.milestones}}</h2>
<p>{{t.milestonesIntro}}</p>
<p><span class="state-overdue" id="overdue-count">{{overdueCount}} {{t.overdue}}</span> · <span class="state-coming-up" id="coming-up-count">{{comingUpCount}} {{t.comingUp}}</span></p>
{{#timelines}}<h3>{{year}}</h3>
<div class="scroll"><svg class="timeline" role="img" aria-label="{{t.timelineLabel}} {{year}}" width="{{width}}" height="{{height}}" viewBox="0 0 {{width}} {{height}}">
{{#months}}<line class="month" x1="{{x}}" y1="14" x2="{{x}}" y2="{{height}}"></line><text x="{{textX}}" y="12">{{name}}</text>
{{/months}}{{#hasToday}}{{#today}}<line class="today" x1="{{x}}" y1="14" x2="{{x}}" y2="{{height}}"></line>{{/today}}{{/hasToday}}
{{#rows}}<g data-plan-row="{{anchor}}"><a href="#{{anchor}}"><text x="0" y="{{textY}}">{{#overdueMark}}⚠ {{/overdueMark}}{{plan}}</text></a>
{{#marks}}<rect class="{{state}}" x="{{x}}" y="{{y}}" width="{{width}}" height="14"><title>{{label}}</title></rect>
{{/marks}}</g>
{{/rows}}</svg></div>
{{/timelines}}
<table class="milestone-table">
<caption>{{t.milestones}}</caption>
<thead><tr><th scope="col">{{t.plan}}</th><th scope="col">{{t.goal}}</th><th scope="col">{{t.milestone}}</th><th scope="col">{{t.from}}</th><th scope="col">{{t.to}}</th><th scope="col">{{t.state}}</th></tr></thead>
<tbody>{{#milestoneList}}<tr class="milestone" data-state="{{state}}"><td><a href="#{{anchor}}">{{plan}}</a></td><td>{{goal}}</td><td>{{text}}</td><td>{{from}}</td><td>{{to}}</td><td class="state-{{state}}">{{word}}</td></tr>{{/milestoneList}}</tbody>
</table>
{{#hasUndated}}<h3>{{t.undated}}</h3>
<ul class="undated">{{#undated}}<li><a href="#{{anchor}}">{{plan}}</a>, {{t.goal}} {{goal}}: {{text}}</li>{{/undated}}</ul>{{/hasUndated}}
</section>

<section id="plans" aria-labelledby="plans-h">
<h2 id="plans-h">{{t.plansHeading}}</h2>
{{#sections}}<section class="plan" id="{{anchor}}" data-plan="{{id}}" data-phase="{{phaseCode}}" data-owner="{{ownerKey}}" data-search="{{search}}" aria-labelledby="{{anchor}}-h">
<h3 id="{{anchor}}-h">{{title}}</h3>
<p class="meta">Id {{id}} · {{t.caseNumber}} {{caseNumber}} · {{t.year}} {{year}} · {{t.template}} {{template}} · {{t.organisation}}: {{organisation}}</p>
<ol class="steps" aria-label="{{t.steps}}">{{#steps}}<li class="{{#reached}}reached{{/reached}}{{#next}} next{{/next}}"{{#next}} aria-current="step"{{/next}}>{{name}} {{word}}</li>{{/steps}}</ol>
<p><strong>{{t.missing}}:</strong> {{missing}}</p>
<dl class="fields">{{#head}}<dt>{{label}}</dt><dd>{{#empty}}<span class="empty">{{t.notFilled}}</span>{{/empty}}{{^empty}}{{#isList}}<ul>{{#items}}<li>{{text}}</li>{{/items}}</ul>{{/isList}}{{^isList}}{{text}}{{/isList}}{{/empty}}</dd>{{/head}}</dl>
{{#goals}}<h4>{{t.goal}} {{number}}</h4>
<dl class="fields">{{#fields}}<dt>{{label}}</dt><dd>{{#empty}}<span class="empty">{{t.notFilled}}</span>{{/empty}}{{^empty}}{{#isList}}<ul>{{#items}}<li>{{text}}</li>{{/items}}</ul>{{/isList}}{{^isList}}{{text}}{{/isList}}{{/empty}}</dd>{{/fields}}</dl>
{{/goals}}<h4>{{t.files}}</h4>
<ul class="paths">{{#paths}}<li><code>{{path}}</code></li>{{/paths}}</ul>
<h4>{{t.findings}}</h4>
{{#hasFindings}}<table class="findings"><thead><tr><th scope="col">{{t.severity}}</th><th scope="col">{{t.message}}</th><th scope="col">{{t.where}}</th></tr></thead>
<tbody>{{#findings}}<tr><td class="sev-{{severity}}">{{severityWord}}</td><td>{{message}}</td><td>{{location}}</td></tr>{{/findings}}</tbody></table>{{/hasFindings}}
{{^hasFindings}}<p>{{t.noFindings}}</p>{{/hasFindings}}
<p><a class="top" href="#top">{{t.toTop}}</a></p>
</section>
{{/sections}}</section>

<section id="not-read" aria-labelledby="not-read-h">
<h2 id="not-read-h">{{t.notRead}}</h2>
<h3>{{t.failures}}</h3>
{{#hasFailures}}<table class="failures"><thead><tr><th scope="col">{{t.file}}</th><th scope="col">{{t.reason}}</th><th scope="col">{{t.message}}</th></tr></thead>
<tbody>{{#failures}}<tr><td><code>{{path}}</code></td><td>{{reason}}</td><td>{{message}}</td></tr>{{/failures}}</tbody></table>{{/hasFailures}}
{{^hasFailures}}<p>{{t.noFailures}}</p>{{/hasFailures}}
<h3>{{t.unread}}</h3>
{{#hasUnread}}<p>{{t.unreadAdvice}}</p>
<table class="unread"><thead><tr><th scope="col">{{t.file}}</th><th scope="col">{{t.kind}}</th></tr></thead>
<tbody>{{#unread}}<tr><td><code>{{path}}</code></td><td>{{kind}}</td></tr>{{/unread}}</tbody></table>{{/hasUnread}}
{{^hasUnread}}<p>{{t.noFailures}}</p>{{/hasUnread}}
</section>
</main>
<script>
(function () {
  var text = document.getElementById('filter-text');
  var phase = document.getElementById('filter-phase');
  var owner = document.getElementById('filter-owner');
  var count = document.getElementById('filter-count');
  function apply() {
    var words = text.value.toLowerCase().split(/\s+/).filter(Boolean);
    var p = phase.value, o = owner.value, n = 0;
    var items = document.querySelectorAll('[data-plan]');
    for (var i = 0; i < items.length; i++) {
      var el = items[i], s = el.getAttribute('data-search') || '';
      var ok = (!p || el.getAttribute('data-phase') === p) && (!o || el.getAttribute('data-owner') === o)
        && words.every(function (w) { return s.indexOf(w) >= 0; });
      el.hidden = !ok;
      if (ok && el.tagName === 'SECTION') n++;
    }
    count.textContent = n + ' {{t.shown}}';
  }
  text.addEventListener('input', apply);
  phase.addEventListener('change', apply);
  owner.addEventListener('change', apply);
  // Nothing is hidden until a filter is chosen: the page opens without going through every row.
  count.textContent = document.querySelectorAll('section.plan').length + ' {{t.shown}}';
})();
</script>
</body>
</html>
"""#
}
