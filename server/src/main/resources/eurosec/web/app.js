// eurosec web page. Everything shown here comes from the HTTP API under /api, the same routes a
// script would call; this file only asks, draws and lets the user act. No network beyond this server.
'use strict';

// ---------------------------------------------------------------- helpers

const $ = (id) => document.getElementById(id);
const FIRST_DAY = '1949-01-01';
const DAY_MS = 86400000;

// Okabe-Ito: distinguishable with the common colour-vision deficiencies.
const OI = {orange: '#E69F00', sky: '#56B4E9', green: '#009E73', yellow: '#F0E442', blue: '#0072B2',
  vermillion: '#D55E00', purple: '#CC79A7', black: '#000000'};
const OUTSIDE = '#e4e4e4';
const UNKNOWN = '#9a9a9a';

function dayIndex(iso) { return Math.round((Date.parse(iso + 'T00:00:00Z') - Date.parse(FIRST_DAY + 'T00:00:00Z')) / DAY_MS); }
function dayOf(index) { return new Date(Date.parse(FIRST_DAY + 'T00:00:00Z') + index * DAY_MS).toISOString().slice(0, 10); }
function validDay(s) { return /^\d{4}-\d{2}-\d{2}$/.test(s) && !isNaN(Date.parse(s + 'T00:00:00Z')) && dayOf(dayIndex(s)) === s; }

/** An element with attributes and children (strings become text nodes, never HTML). */
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

function link(href, text) {
  return href ? el('a', {href, target: '_blank', rel: 'noopener'}, text || 'source') : document.createTextNode(text || '');
}

class ApiError extends Error {
  constructor(status, field, message) { super(message); this.status = status; this.field = field; }
}

/** An API address with its query (lists repeat the parameter; empty values are left out). */
function apiUrl(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    for (const x of Array.isArray(v) ? v : [v]) q.append(k, x);
  }
  return path + (q.toString() ? '?' + q : '');
}

/** A link to the API answer a panel shows, for scripts and for checking. */
function jsonLink(path, params) {
  return el('a', {class: 'json', href: apiUrl(path, params), target: '_blank', rel: 'noopener', title: 'this answer from the API, as JSON'}, 'JSON');
}

/** Calls the API; a 4xx/5xx becomes an ApiError carrying the server's own message. */
async function api(path, params, init) {
  const url = apiUrl(path, params);
  let res;
  try {
    res = await fetch(url, init);
  } catch (e) {
    throw new ApiError(0, 'network', 'the server does not answer (' + e.message + ')');
  }
  const text = await res.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch (e) { body = null; }
  if (!res.ok) {
    const err = body && body.error ? body.error : {status: res.status, field: '', message: text || res.statusText};
    throw new ApiError(err.status, err.field, err.message);
  }
  return body;
}

/** A colour sample for a legend or a list; the text beside it says what it means. */
function swatch(fill, line) {
  return el('span', {class: 'swatch' + (line ? ' line' : ''), style: line || 'background:' + fill, 'aria-hidden': 'true'});
}

function table(headers, rows, caption) {
  return el('table', {},
    caption ? el('caption', {}, caption) : null,
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', {scope: 'col'}, h)))),
    el('tbody', {}, rows.map((r) => el('tr', {}, r.map((c, i) => i === 0 ? el('th', {scope: 'row'}, c) : el('td', {}, c))))));
}

function setStatus(msg, kind) {
  const s = $('status');
  s.textContent = msg || '';
  s.className = kind || '';
}

// ---------------------------------------------------------------- state

const S = {
  date: null, asOf: null, regime: 'status-quo', colourBy: 'coverage', applicant: 'GEO', organisation: 'nato',
  names: {}, shapes: null, coverage: null, blocs: null, levels: null, veto: null, selected: null,
  generation: 0, panelsFor: null, interpretations: [], regimeInterpretations: [], choices: {},
  lineage: {}, organisations: [],
};

/** The states that no longer exist but whose territory a shape shows (the USSR for Ukraine's shape): their spells and predecessors. */
async function loadPredecessors() {
  for (let round = 0; round < 4; round++) {
    const missing = [...new Set(Object.values(S.lineage).flatMap((l) => l.predecessors))].filter((p) => !(p in S.lineage));
    if (!missing.length) return;
    const found = await Promise.all(missing.map((id) => api('/api/actors/' + encodeURIComponent(id)).catch(() => null)));
    missing.forEach((id, i) => {
      const a = found[i];
      S.lineage[id] = {exists: a ? a.exists : [], predecessors: a ? a.predecessors || [] : []};
      if (a) S.names[id] = a.name;
    });
  }
}

/** The state that holds a shape's territory on a day: the state itself, or the predecessor that existed then. */
function holder(iso, day, depth) {
  const l = S.lineage[iso];
  if (!l || (depth || 0) > 6) return null;
  if (l.exists.some((e) => onDay(e, day))) return iso;
  for (const p of l.predecessors) {
    const h = holder(p, day, (depth || 0) + 1);
    if (h) return h;
  }
  return null;
}

/** The interpretation choices that differ from the defaults, as the API's repeatable parameter. */
function reading() {
  return Object.entries(S.choices).map(([k, v]) => k + '=' + v);
}

function name(iso) { return S.names[iso] || iso; }

// ---------------------------------------------------------------- start

document.addEventListener('DOMContentLoaded', start);

async function start() {
  setupTabs();
  readHash();
  try {
    const [map, regimes, current, scenarios, interpretations] = await Promise.all([
      api('/api/map'), api('/api/regimes'), api('/api/coverage', {regime: 'status-quo'}), api('/api/scenarios'), api('/api/interpretations')]);
    S.interpretations = interpretations;
    S.shapes = map;
    S.asOf = current.as_of;
    // The slider runs to today; past the data's last day every answer is "unknown", never "no".
    const today = new Date().toISOString().slice(0, 10);
    S.lastDay = today > S.asOf ? today : S.asOf;
    for (const st of current.states) S.names[st.iso3] = st.name;
    const all = await api('/api/actors', {date: S.asOf});
    for (const a of (all.states || [])) {
      if (a.iso3) S.names[a.iso3] = S.names[a.iso3] || a.name;
      S.lineage[a.id] = {exists: a.exists || [], predecessors: a.predecessors || []};
    }
    S.organisations = (all.organisations || []).map((o) => ({id: o.id, name: o.name}));
    await loadPredecessors();
    setupControls(regimes, current);
    setupCompare(scenarios, regimes);
    for (const id of ['silence', 'set-aside-xkx', 'only-inconsistent']) $(id).addEventListener('change', refreshUniformity);
    setupConsole();
    drawMapShapes();
    const tab = $('tab-' + (S.view || 'map'));
    if (tab && tab.getAttribute('role') === 'tab') S.showTab(tab);
    await regimeChanged();
  } catch (e) {
    setStatus('Cannot start: ' + e.message, 'error');
  }
}

function readHash() {
  const h = new URLSearchParams(location.hash.slice(1));
  if (h.get('date') && validDay(h.get('date'))) S.date = h.get('date');
  if (h.get('regime')) S.regime = h.get('regime');
  if (h.get('colour')) S.colourBy = h.get('colour');
  if (h.get('applicant')) S.applicant = h.get('applicant');
  if (h.get('organisation')) S.organisation = h.get('organisation');
  if (h.get('view')) S.view = h.get('view');
  for (const c of h.getAll('interpretation')) {
    const eq = c.indexOf('=');
    if (eq > 0) S.choices[c.slice(0, eq)] = c.slice(eq + 1);
  }
}

function writeHash() {
  const h = new URLSearchParams({date: S.date, regime: S.regime, colour: S.colourBy, applicant: S.applicant, organisation: S.organisation});
  if (S.view && S.view !== 'map') h.set('view', S.view);
  for (const c of reading()) h.append('interpretation', c);
  history.replaceState(null, '', '#' + h);
}

function setupTabs() {
  const tabs = [...document.querySelectorAll('[role=tab]')];
  const show = (tab) => {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute('aria-selected', on);
      t.tabIndex = on ? 0 : -1;
      $(t.getAttribute('aria-controls')).hidden = !on;
    }
    $('controls').hidden = tab.id === 'tab-compare' || tab.id === 'tab-console';
    S.view = tab.id.slice(4);
    if (S.date) writeHash();
    if (tab.id === 'tab-panels' && S.date) refreshPanels();
  };
  S.showTab = show;
  tabs.forEach((t, i) => {
    t.addEventListener('click', () => show(t));
    t.addEventListener('keydown', (ev) => {
      const d = ev.key === 'ArrowRight' ? 1 : ev.key === 'ArrowLeft' ? -1 : 0;
      if (d) { const n = tabs[(i + d + tabs.length) % tabs.length]; n.focus(); show(n); ev.preventDefault(); }
    });
  });
}

function setupControls(regimes, current) {
  const slider = $('date-slider');
  slider.max = dayIndex(S.lastDay);
  if (!S.date || S.date > S.lastDay || S.date < FIRST_DAY) S.date = S.asOf;
  slider.value = dayIndex(S.date);
  slider.setAttribute('aria-valuetext', S.date);
  $('date-shown').textContent = S.date;
  $('date-input').value = S.date;
  let timer = null;
  slider.addEventListener('input', () => {
    const d = dayOf(Number(slider.value));
    $('date-shown').textContent = d;
    $('date-input').value = d;
    slider.setAttribute('aria-valuetext', d);
    clearTimeout(timer);
    timer = setTimeout(() => setDate(d), 180);
  });
  slider.addEventListener('keydown', (ev) => {
    // Page Up / Page Down move a year (Home / End, the browser's own, go to 1949 and to today).
    if (ev.key === 'PageUp' || ev.key === 'PageDown') {
      const d = dayOf(Number(slider.value));
      const y = Number(d.slice(0, 4)) + (ev.key === 'PageUp' ? 1 : -1);
      let next = y + d.slice(4);
      if (!validDay(next)) next = y + '-02-28';
      slider.value = Math.max(0, Math.min(Number(slider.max), dayIndex(next)));
      slider.dispatchEvent(new Event('input'));
      ev.preventDefault();
    }
  });
  $('date-input').addEventListener('keydown', (ev) => {
    if (ev.key !== 'Enter') return;
    ev.preventDefault();
    const d = $('date-input').value.trim();
    if (!validDay(d)) { setStatus('"' + d + '" is not a day: write YYYY-MM-DD', 'error'); return; }
    if (d < FIRST_DAY || d > S.lastDay) { setStatus('choose a day from ' + FIRST_DAY + ' to ' + S.lastDay + ' (the data runs to ' + S.asOf + ')', 'error'); return; }
    slider.value = dayIndex(d);
    slider.setAttribute('aria-valuetext', d);
    $('date-shown').textContent = d;
    setDate(d);
  });

  const sel = $('regime');
  for (const r of regimes) sel.append(el('option', {value: r.id, title: r.summary}, r.id + ': ' + r.name));
  if (!regimes.some((r) => r.id === S.regime)) S.regime = 'status-quo';
  sel.value = S.regime;
  sel.addEventListener('change', () => { S.regime = sel.value; regimeChanged(); });

  const cb = $('colour-by');
  cb.value = S.colourBy;
  cb.addEventListener('change', () => { S.colourBy = cb.value; refresh(); });

  const app = $('applicant');
  const states = current.states.map((s) => s.iso3).sort((a, b) => name(a).localeCompare(name(b)));
  for (const iso of states) app.append(el('option', {value: iso}, name(iso) + ' (' + iso + ')'));
  app.value = states.includes(S.applicant) ? S.applicant : 'GEO';
  S.applicant = app.value;
  app.addEventListener('change', () => { S.applicant = app.value; refresh(); });
  const org = $('organisation');
  const orgs = S.organisations.length ? S.organisations : [{id: 'nato', name: 'North Atlantic Treaty Organization'}];
  for (const o of orgs) org.append(el('option', {value: o.id, title: o.name}, o.id.toUpperCase() + ': ' + o.name));
  if (!orgs.some((o) => o.id === S.organisation)) S.organisation = 'nato';
  org.value = S.organisation;
  org.addEventListener('change', () => { S.organisation = org.value; refresh(); });

  const picker = $('state-picker');
  for (const iso of Object.keys(S.names).sort((a, b) => name(a).localeCompare(name(b)))) {
    picker.append(el('option', {value: iso}, name(iso) + ' (' + iso + ')'));
  }
  picker.addEventListener('change', () => { if (picker.value) select(picker.value); });
}

/** A new regime brings its own interpretations (and drops the last one's); then everything is redrawn. */
async function regimeChanged() {
  try {
    const r = S.regime === 'status-quo' ? {interpretations: []} : await api('/api/regimes/' + encodeURIComponent(S.regime));
    S.regimeInterpretations = (r.interpretations || []).map((i) => ({id: i.id, question: i.question, default: i.default,
      options: i.options.map((o) => (typeof o === 'string' ? {id: o, description: ''} : o))}));
  } catch (e) {
    S.regimeInterpretations = [];
  }
  const known = new Map([...S.interpretations, ...S.regimeInterpretations].map((i) => [i.id, i]));
  for (const [k, v] of Object.entries(S.choices)) {
    const i = known.get(k);
    if (!i || v === i.default || !i.options.some((o) => o.id === v)) delete S.choices[k];
  }
  renderReading();
  await refresh();
}

function renderReading() {
  const all = [...S.interpretations, ...S.regimeInterpretations];
  $('reading-choices').replaceChildren(...all.map((i) => {
    const id = 'reading-' + i.id.replace(/[^a-z0-9]+/g, '-');
    const select = el('select', {id, 'data-interpretation': i.id, onchange: (ev) => {
      if (ev.target.value === i.default) delete S.choices[i.id]; else S.choices[i.id] = ev.target.value;
      countChoices();
      refresh();
    }}, i.options.map((o) => el('option', {value: o.id, title: o.description || null}, o.id + (o.id === i.default ? ' (default)' : ''))));
    select.value = S.choices[i.id] || i.default;
    return el('div', {class: 'reading-choice'}, el('label', {for: id}, i.id), select, el('p', {class: 'hint'}, i.question));
  }));
  countChoices();
}

function countChoices() {
  $('reading-count').textContent = reading().length ? '(' + reading().length + ' changed)' : '';
}

function setDate(d) {
  if (d === S.date) return;
  S.date = d;
  refresh();
}

// ---------------------------------------------------------------- the map

function drawMapShapes() {
  const svg = d3.select('#map');
  svg.attr('viewBox', `0 0 ${S.shapes.width} ${S.shapes.height}`);
  const world = svg.append('g').attr('class', 'world');
  world.append('g').attr('class', 'context').selectAll('path').data(S.shapes.context).join('path').attr('d', (d) => d);
  const entries = Object.entries(S.shapes.shapes).sort((a, b) => name(a[0]).localeCompare(name(b[0])));
  const g = world.append('g').attr('class', 'states');
  // Zoom and pan (wheel, drag, or the buttons): the Balkans and the microstates need it.
  const zoom = d3.zoom().scaleExtent([1, 16]).translateExtent([[0, 0], [S.shapes.width, S.shapes.height]])
    .on('zoom', (ev) => world.attr('transform', ev.transform));
  svg.call(zoom);
  $('zoom-in').addEventListener('click', () => svg.transition().duration(200).call(zoom.scaleBy, 1.6));
  $('zoom-out').addEventListener('click', () => svg.transition().duration(200).call(zoom.scaleBy, 1 / 1.6));
  $('zoom-reset').addEventListener('click', () => svg.transition().duration(200).call(zoom.transform, d3.zoomIdentity));
  g.selectAll('path').data(entries, (d) => d[0]).join('path')
    .attr('d', (d) => d[1])
    .attr('data-iso3', (d) => d[0])
    .attr('id', (d) => 'shape-' + d[0])
    .attr('tabindex', 0)
    .attr('role', 'button')
    .on('click', (ev, d) => select(holder(d[0], S.date) || d[0]))
    .on('keydown', (ev, d) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); select(holder(d[0], S.date) || d[0]); } })
    .append('title');
}

/** What each state looks like in the chosen colouring: {fill, label} for the legend and the tooltip. */
function colouring() {
  const v = S.coverage;
  const known = v && v.known !== false;
  const byState = {};
  const legend = [];
  const covered = {};
  if (known) for (const st of v.states) covered[st.iso3] = st.covered;
  if (!known) return {byState, legend: [{fill: UNKNOWN, label: 'unknown: ' + (v ? v.message : '')}], covered};
  if (S.colourBy === 'coverage') {
    legend.push({fill: OI.blue, label: 'covered by a binding defence guarantee'}, {fill: OI.orange, label: 'not covered'});
    for (const [iso, c] of Object.entries(covered)) byState[iso] = c ? {fill: OI.blue, label: 'covered'} : {fill: OI.orange, label: 'not covered'};
  } else if (S.colourBy === 'bloc' && S.blocs) {
    const palette = [OI.blue, OI.vermillion, OI.green, OI.purple, OI.sky, OI.yellow, OI.black];
    (S.blocs.systems || []).forEach((sys, i) => {
      const fill = palette[i % palette.length];
      legend.push({fill, label: 'system ' + (i + 1) + ': ' + sys.label + ' (' + sys.size + ')'});
      for (const m of sys.members) byState[m] = {fill, label: 'system ' + (i + 1) + ' (' + sys.label + ')'};
    });
    legend.push({fill: OI.orange, label: 'buffer: tied to no one (' + (S.blocs.buffer || []).length + ')'});
    for (const m of S.blocs.buffer || []) byState[m] = {fill: OI.orange, label: 'buffer'};
  } else if (S.colourBy === 'level' && S.levels) {
    const counts = S.levels.levels.map((l) => l.provisions.length);
    const max = Math.max(1, ...counts);
    const scale = (n) => d3.interpolateViridis(0.15 + 0.85 * (n / max));
    const seen = new Set();
    for (const l of [...S.levels.levels].sort((a, b) => a.provisions.length - b.provisions.length)) {
      const n = l.provisions.length;
      const fill = n === 0 ? OI.orange : scale(n);
      if (!seen.has(n)) { seen.add(n); legend.push({fill, label: n === 0 ? 'no binding guarantee' : n + ' binding guarantee' + (n > 1 ? 's' : '')}); }
      for (const m of l.states) byState[m] = {fill, label: 'level ' + l.level + ': ' + n + ' guarantee(s)'};
    }
  } else if (S.colourBy === 'veto' && S.veto && S.veto.may_block) {
    legend.push({fill: OI.purple, label: 'applicant: ' + name(S.veto.applicant)},
      {fill: OI.vermillion, label: 'may block the accession'}, {fill: OI.sky, label: 'cannot block'});
    for (const iso of Object.keys(covered)) byState[iso] = {fill: OI.sky, label: 'cannot block'};
    const through = {};
    for (const m of S.veto.may_block) (through[m.actor] = through[m.actor] || []).push(m.provision);
    for (const [actor, ps] of Object.entries(through)) byState[actor] = {fill: OI.vermillion, label: 'may block (' + ps.join(', ') + ')'};
    byState[S.veto.applicant] = {fill: OI.purple, label: 'applicant'};
  }
  legend.push({fill: OUTSIDE, label: 'not a participating State that day, or outside the area'});
  return {byState, legend, covered};
}

function renderMap() {
  const {byState, legend, covered} = colouring();
  const holders = Object.fromEntries(Object.keys(S.shapes.shapes).map((shape) => [shape, holder(shape, S.date) || shape]));
  d3.select('#map').selectAll('g.states path').each(function (d) {
    const shape = d[0];
    const iso = holders[shape];
    const c = byState[iso];
    const path = d3.select(this);
    const cov = iso in covered ? (covered[iso] ? 'covered' : 'not-covered') : (S.coverage && S.coverage.known === false ? 'unknown' : 'outside');
    const who = iso === shape ? name(shape) : name(shape) + ', part of ' + name(iso) + ' on ' + S.date;
    const label = who + ': ' + (c ? c.label : cov === 'unknown' ? 'unknown' : 'not a participating State');
    path.attr('data-holder', iso);
    path.attr('fill', c ? c.fill : cov === 'unknown' ? UNKNOWN : OUTSIDE)
      .attr('data-coverage', cov)
      .attr('data-status', c ? c.label : cov)
      .attr('aria-label', label)
      .classed('selected', iso === S.selected || shape === S.selected);
    path.select('title').text(label);
  });
  const ul = $('legend');
  ul.replaceChildren(...legend.map((l) => el('li', {}, swatch(l.fill), l.label)));
  // North America is not drawn, nor a state whose territory no shape shows alone (the GDR before
  // 1990: Germany's shape is the Federal Republic's): they are listed with the same colours.
  const drawn = new Set(Object.values(holders));
  const listed = Object.keys(covered).filter((iso) => !drawn.has(iso));
  for (const iso of ['CAN', 'USA']) if (!listed.includes(iso)) listed.push(iso);
  const items = listed.map((iso) => {
    const c = byState[iso];
    const cov = iso in covered ? (covered[iso] ? 'covered' : 'not-covered') : 'outside';
    return el('button', {type: 'button', class: 'na-state', 'data-iso3': iso, 'data-coverage': cov, onclick: () => select(iso),
      'aria-label': name(iso) + ': ' + (c ? c.label : 'not a participating State')},
      swatch(c ? c.fill : OUTSIDE), name(iso), ' ', el('small', {}, c ? c.label : ''));
  });
  $('north-america').replaceChildren(el('strong', {}, 'Not drawn: '), ...items);
}

// ---------------------------------------------------------------- refresh

async function refresh() {
  const gen = ++S.generation;
  writeHash();
  $('date-input').value = S.date;
  setStatus('Loading ' + S.date + ' under ' + S.regime + '…', 'busy');
  const base = {date: S.date, regime: S.regime, interpretation: reading()};
  try {
    const wants = [api('/api/coverage', base), api('/api/veto', {...base, applicant: S.applicant, organisation: S.organisation}).catch((e) => e)];
    if (S.colourBy === 'bloc') wants.push(api('/api/blocs', base));
    if (S.colourBy === 'level') wants.push(api('/api/levels', base));
    const [coverage, veto, extra] = await Promise.all(wants);
    if (gen !== S.generation) return;
    S.coverage = coverage;
    S.veto = veto instanceof Error ? null : veto;
    S.vetoError = veto instanceof Error ? veto.message : null;
    S.blocs = S.colourBy === 'bloc' ? extra.views[0] : null;
    S.levels = S.colourBy === 'level' ? extra.views[0] : null;
    if (coverage.states) for (const st of coverage.states) S.names[st.iso3] = st.name;
    renderMap();
    renderVeto();
    if (S.selected) await renderDetails(S.selected, gen);
    if (coverage.known === false) setStatus(coverage.message, 'warn');
    else {
      setStatus(S.date + ', ' + S.regime + ': ' + coverage.covered_count + ' of ' + coverage.states.length
        + ' participating States covered by a binding defence guarantee. ', '');
      $('status').append(jsonLink('/api/coverage', base));
    }
    document.body.dataset.loaded = S.date + '|' + S.regime + '|' + S.colourBy + '|' + S.applicant + '|' + S.organisation + '|' + reading().join(',');
    if (!$('view-panels').hidden) refreshPanels();
  } catch (e) {
    if (gen !== S.generation) return;
    setStatus(e.message, 'error');
  }
}

function renderVeto() {
  const body = $('veto-body');
  $('veto-title').textContent = 'Who may block ' + name(S.applicant) + ' joining ' + S.organisation.toUpperCase();
  if (!S.veto) { body.replaceChildren(el('p', {class: 'error'}, (S.vetoError || '').replace(/^[a-z_]+: /, ''))); return; }
  if (S.veto.known === false || !S.veto.may_block) { body.replaceChildren(el('p', {class: 'warn'}, S.veto.message || 'unknown')); return; }
  if (S.veto.already_member) {
    body.replaceChildren(el('p', {id: 'veto-member'}, name(S.veto.applicant) + ' is already a member of ' + S.veto.organisation.toUpperCase()
      + ' on ' + S.veto.as_of + ': there is no accession to block.'));
    return;
  }
  const groups = new Map();
  for (const m of S.veto.may_block) {
    if (!groups.has(m.provision)) groups.set(m.provision, {how: m.how, actors: []});
    groups.get(m.provision).actors.push(m.actor);
  }
  const parts = [el('p', {}, 'Under ', el('strong', {}, S.veto.regime), ' on ', S.veto.as_of, ': ',
    el('strong', {id: 'veto-count'}, String(new Set(S.veto.may_block.map((m) => m.actor)).size)), ' may block. ',
    jsonLink('/api/veto', {date: S.date, regime: S.regime, interpretation: reading(), applicant: S.applicant, organisation: S.organisation}))];
  if (S.veto.prohibited_by && S.veto.prohibited_by.length) {
    parts.push(el('p', {class: 'warn'}, 'Prohibited by: ' + S.veto.prohibited_by.map((p) => p.provision || p).join(', ')));
  }
  const dl = el('dl', {id: 'veto-list'});
  for (const [prov, g] of groups) {
    dl.append(el('dt', {}, prov, ' ', el('small', {}, g.how)),
      el('dd', {'data-provision': prov}, g.actors.map((a) => name(a) + ' (' + a + ')').join(', ')));
  }
  if (!groups.size) dl.append(el('dd', {}, 'No one: no provision gives a right to block.'));
  parts.push(dl);
  body.replaceChildren(...parts);
}

// ---------------------------------------------------------------- one state

async function select(iso) {
  S.selected = iso;
  $('state-picker').value = iso;
  renderMap();
  await renderDetails(iso, S.generation);
  $('details').parentElement.scrollTop = 0;
  $('details').focus({preventScroll: true});
}

function onDay(spell, day) { return spell.from <= day && (!spell.to || day < spell.to); }

async function renderDetails(iso, gen) {
  const body = $('details-body');
  $('details-title').textContent = name(iso) + ' (' + iso + ') on ' + S.date;
  let actor;
  try {
    actor = await api('/api/actors/' + encodeURIComponent(iso));
  } catch (e) {
    body.replaceChildren(el('p', {class: 'error'}, e.message));
    return;
  }
  if (gen !== S.generation) return;
  const st = S.coverage && S.coverage.states ? S.coverage.states.find((s) => s.iso3 === iso) : null;
  const out = [];
  out.push(el('p', {}, 'ISO ', actor.iso3 || iso, ', COW ', actor.ccode ?? '–', actor.recognition ? ', recognition: ' + actor.recognition : ''));
  if (S.coverage && S.coverage.known === false) {
    out.push(el('p', {class: 'warn'}, 'Unknown: ' + S.coverage.message));
  } else if (!st) {
    out.push(el('p', {id: 'details-coverage', 'data-coverage': 'outside'}, 'Not a CSCE/OSCE participating State on this day (or not a state).'));
  } else {
    out.push(el('p', {id: 'details-coverage', 'data-coverage': st.covered ? 'covered' : 'not-covered'},
      el('strong', {}, st.covered ? 'Covered' : 'Not covered'), ' by a binding defence guarantee under ' + S.regime + '.'));
    out.push(el('h3', {}, 'Guarantees'));
    if (!st.guarantees.length) out.push(el('p', {}, 'None.'));
    else out.push(el('ul', {}, st.guarantees.map((g) => el('li', {},
      el('strong', {}, g.provision), ' (', g.article ? g.article + ', ' : '', g.kind, ', ', g.legal_force, ', assistance ', g.assistance, ') through ', g.through,
      ': ', g.guarantor_count, ' guarantor(s)', g.unconfirmed ? ' [unconfirmed]' : '', ' — ', link(g.source)))));
    if (st.political_commitments && st.political_commitments.length) {
      out.push(el('h3', {}, 'Political commitments'));
      out.push(el('ul', {}, st.political_commitments.map((p) => el('li', {}, p.name, ' (', p.legal_force, ') — ', link(p.source)))));
    }
  }
  const spells = (actor.memberships || []).filter((m) => onDay(m, S.date));
  out.push(el('h3', {}, 'Memberships and participations on ' + S.date));
  if (!spells.length) out.push(el('p', {}, 'None in the data.'));
  else out.push(table(['in', 'kind', 'status', 'from', 'to', 'source'],
    spells.map((m) => [m.in, m.kind, m.status, m.from, m.to || '', link(m.source)])));
  const all = actor.memberships || [];
  out.push(el('details', {}, el('summary', {}, 'Every spell in the data (' + all.length + ')'),
    table(['in', 'status', 'from', 'to', 'source'], all.map((m) => [m.in, m.status, m.from, m.to || '', link(m.source)]))));
  body.replaceChildren(...out);
}

// ---------------------------------------------------------------- panels

async function refreshPanels() {
  const key = S.date + '|' + S.regime + '|' + reading().join(',');
  if (S.panelsFor === key) return;
  S.panelsFor = key;
  const base = {date: S.date, regime: S.regime, interpretation: reading()};
  const fail = (id) => (e) => $(id).replaceChildren(el('p', {class: 'error'}, e.message));
  const timeline = {regime: S.regime, from: 1975, to: S.asOf.slice(0, 4), on: S.date.slice(5) === '02-29' ? '02-28' : S.date.slice(5), interpretation: reading()};
  const sources = {'timeline-chart': ['/api/timeline', timeline], 'levels-panel': ['/api/levels', base],
    'overlap-panel': ['/api/overlap', base], 'positions-panel': ['/api/positions', base]};
  const withLink = (id, render) => (d) => { render(d); $(id).prepend(el('p', {class: 'source-link'}, jsonLink(...sources[id]))); };
  api('/api/timeline', timeline).then(withLink('timeline-chart', renderTimeline)).catch(fail('timeline-chart'));
  api('/api/levels', base).then(withLink('levels-panel', (d) => renderLevels(d.views[0]))).catch(fail('levels-panel'));
  api('/api/overlap', base).then(withLink('overlap-panel', (d) => renderOverlap(d.views[0]))).catch(fail('overlap-panel'));
  api('/api/positions', base).then(withLink('positions-panel', renderPositions)).catch(fail('positions-panel'));
  refreshUniformity();
}

function refreshUniformity() {
  const params = {date: S.date, regime: S.regime, interpretation: reading(), silence: $('silence').value,
    set_aside: $('set-aside-xkx').checked ? 'XKX' : '', inconsistent: $('only-inconsistent').checked};
  api('/api/uniformity', params)
    .then((d) => { renderUniformity(d.views[0]); $('uniformity-panel').prepend(el('p', {class: 'source-link'}, jsonLink('/api/uniformity', params))); })
    .catch((e) => $('uniformity-panel').replaceChildren(el('p', {class: 'error'}, e.message)));
}

function renderUniformity(v) {
  if (v.known === false) { $('uniformity-panel').replaceChildren(el('p', {class: 'warn'}, v.message)); return; }
  const cases = [...new Set(v.states.flatMap((s) => s.stands.map((x) => x.case)))];
  const cell = (stand) => {
    if (!stand) return '';
    const side = stand.side.replace('self-determination', 'secession').replace('territorial-integrity', 'integrity');
    if (!stand.act) return el('span', {class: 'absent'}, side + ' (silent)');
    return el('span', {}, stand.act.stance + ' → ' + side + ' ', link(stand.act.source));
  };
  $('uniformity-panel').replaceChildren(
    el('p', {}, v.inconsistent + ' participating State(s) side with secession in one case and with territorial integrity in another on ' + v.as_of
      + (v.set_aside.length ? ' (set aside: ' + v.set_aside.join(', ') + ')' : '') + '.'),
    table(['state', ...cases.map((c) => name(c) + ' (' + c + ')'), 'verdict'], v.states.map((s) => [
      name(s.iso3) + ' (' + s.iso3 + ')', ...cases.map((c) => cell(s.stands.find((x) => x.case === c))), s.verdict])));
}

function renderTimeline(d) {
  const years = d.years.filter((y) => y.known !== false);
  const series = [{key: 'covered', label: 'states covered', colour: OI.blue, dash: null},
    {key: 'buffer', label: 'buffer (tied to no one)', colour: OI.orange, dash: '6 3'},
    {key: 'levels', label: 'levels of security', colour: OI.green, dash: '2 3'}];
  const w = 900, h = 260, m = {l: 40, r: 16, t: 12, b: 28};
  const x = d3.scaleLinear().domain(d3.extent(years, (y) => Number(y.as_of.slice(0, 4)))).range([m.l, w - m.r]);
  const y = d3.scaleLinear().domain([0, d3.max(years, (r) => Math.max(r.covered, r.buffer, r.levels))]).nice().range([h - m.b, m.t]);
  const svg = d3.create('svg').attr('viewBox', `0 0 ${w} ${h}`).attr('role', 'img')
    .attr('aria-label', 'Timeline under ' + d.years[0]?.regime + ': covered states, buffer and levels per year');
  svg.append('g').attr('transform', `translate(0,${h - m.b})`).call(d3.axisBottom(x).tickFormat(d3.format('d')));
  svg.append('g').attr('transform', `translate(${m.l},0)`).call(d3.axisLeft(y).ticks(6));
  for (const s of series) {
    svg.append('path').datum(years).attr('fill', 'none').attr('stroke', s.colour).attr('stroke-width', 2.2)
      .attr('stroke-dasharray', s.dash)
      .attr('d', d3.line().x((r) => x(Number(r.as_of.slice(0, 4)))).y((r) => y(r[s.key])));
  }
  const yr = Number(S.date.slice(0, 4));
  if (yr >= x.domain()[0] && yr <= x.domain()[1]) {
    svg.append('line').attr('x1', x(yr)).attr('x2', x(yr)).attr('y1', m.t).attr('y2', h - m.b).attr('stroke', '#333').attr('stroke-dasharray', '1 2');
  }
  const legend = el('ul', {class: 'legend-inline'}, series.map((s) => el('li', {},
    swatch(null, 'border-top-color:' + s.colour + ';border-top-style:' + (s.dash ? 'dashed' : 'solid')), s.label)));
  const data = el('details', {}, el('summary', {}, 'The figures as a table'),
    table(['year', 'states', 'covered', 'systems', 'blocs', 'buffer', 'levels'],
      years.map((r) => [r.as_of.slice(0, 4), r.states, r.covered, r.systems.join(' + '), r.blocs, r.buffer, r.levels])));
  $('timeline-chart').replaceChildren(svg.node(), legend,
    el('p', {class: 'hint'}, 'Each year on ' + d.years[0]?.as_of.slice(5) + '. The dotted line marks the chosen year.'), data);
}

function renderLevels(v) {
  if (v.known === false) { $('levels-panel').replaceChildren(el('p', {class: 'warn'}, v.message)); return; }
  $('levels-panel').replaceChildren(el('p', {}, v.count + ' levels on ' + v.as_of + ' under ' + v.regime + ' (states grouped by the exact set of binding guarantees they hold).'),
    table(['level', 'binding guarantees (provisions)', 'states'],
      v.levels.map((l) => [String(l.level), l.provisions.length ? l.provisions.join(', ') : 'none', l.states.map(name).join(', ')])));
}

/** The bodies against each other: shared members as a share of either's (Jaccard), darker for more. */
function overlapMatrix(v) {
  const ids = v.bodies.map((b) => b.id);
  const jac = new Map();
  for (const p of v.pairs) { jac.set(p.body1 + '|' + p.body2, p); jac.set(p.body2 + '|' + p.body1, p); }
  const cellSize = 22, left = 200, top = 190, n = ids.length;
  const w = left + n * cellSize + 10, h = top + n * cellSize + 10;
  const colour = (j) => d3.interpolateViridis(1 - j);
  const svg = d3.create('svg').attr('viewBox', `0 0 ${w} ${h}`).attr('class', 'matrix').attr('role', 'img')
    .attr('aria-label', 'Overlap of the ' + n + ' bodies: each cell the Jaccard index of two bodies\' members; the pairs are listed in the table below');
  ids.forEach((id, i) => {
    svg.append('text').attr('x', left - 6).attr('y', top + i * cellSize + cellSize * 0.7).attr('text-anchor', 'end').text(id);
    svg.append('text').attr('transform', `translate(${left + i * cellSize + cellSize * 0.7},${top - 6}) rotate(-60)`).text(id);
    ids.forEach((other, k) => {
      const p = i === k ? null : jac.get(id + '|' + other);
      const rect = svg.append('rect').attr('x', left + k * cellSize).attr('y', top + i * cellSize)
        .attr('width', cellSize - 1).attr('height', cellSize - 1)
        .attr('fill', i === k ? '#d0d0d8' : p ? colour(p.jaccard) : '#f4f4f6');
      rect.append('title').text(i === k ? id : id + ' / ' + other + ': ' + (p ? p.shared_members + ' shared members, Jaccard ' + p.jaccard
        + (p.shared_dimensions && p.shared_dimensions.length ? ', both cover ' + p.shared_dimensions.join(', ') : '') : 'no shared members'));
    });
  });
  const legend = el('ul', {class: 'legend-inline'}, [0.1, 0.3, 0.5, 0.7, 0.9].map((j) =>
    el('li', {}, swatch(colour(j)), 'Jaccard ' + j)),
  el('li', {}, swatch('#f4f4f6'), 'no shared members'));
  return el('div', {class: 'matrix-wrap'}, svg.node(), legend);
}

function renderOverlap(v) {
  if (v.known === false) { $('overlap-panel').replaceChildren(el('p', {class: 'warn'}, v.message)); return; }
  const pairs = [...v.pairs].sort((a, b) => b.jaccard - a.jaccard).slice(0, 25);
  $('overlap-panel').replaceChildren(
    el('p', {}, v.bodies.length + ' bodies; ' + v.mean_bodies_per_state + ' per state on average; '
      + v.duplicating_pairs + ' pairs share members and a mandate dimension.'),
    overlapMatrix(v),
    table(['body', 'members', 'dimensions', 'treaty body'], v.bodies.map((b) => [b.name + ' (' + b.id + ')', String(b.members.length), b.dimensions.join(', '), b.treaty_body ? 'yes' : ''])),
    table(['pair', 'shared members', 'Jaccard', 'shared dimensions'],
      pairs.map((p) => [p.body1 + ' / ' + p.body2, String(p.shared_members), String(p.jaccard), (p.shared_dimensions || []).join(', ')]),
      'The 25 most overlapping pairs'));
}

function renderPositions(d) {
  if (d.known === false) { $('positions-panel').replaceChildren(el('p', {class: 'warn'}, d.message)); return; }
  const out = [];
  for (const r of d.regimes || []) {
    out.push(el('h3', {}, 'What ' + r.regime + ' answers'));
    out.push(table(['question', 'answer', 'because', 'rule'], r.answers.map((a) => [a.question, a.answer, (a.because || []).join(', '), a.rule])));
  }
  const questions = ['architecture', 'form', 'scope', 'veto'];
  const states = Object.keys(d.positions || {}).sort((a, b) => name(a).localeCompare(name(b)));
  out.push(el('h3', {}, 'Latest stated positions on ' + d.as_of));
  out.push(table(['state', ...questions], states.map((iso) => [name(iso) + ' (' + iso + ')', ...questions.map((q) => {
    const p = d.positions[iso][q];
    if (!p) return 'unknown';
    return el('span', {}, p.answer + (p.strength === 'inferred' ? ' (inferred)' : '') + ', ' + p.date + ' ', link(p.source));
  })])));
  if (d.variants && d.variants.length) {
    out.push(el('h3', {}, 'Combinations with the fewest known blockers'));
    out.push(table(['architecture', 'form', 'scope', 'veto', 'blockers', 'regimes'], d.variants.map((v) =>
      [v.answers.architecture, v.answers.form, v.answers.scope, v.answers.veto, v.blockers.join(', ') || 'none known', v.regimes.join(', ')])));
  }
  $('positions-panel').replaceChildren(...out);
}

// ---------------------------------------------------------------- compare

function setupCompare(scenarios, regimes) {
  const sel = $('scenario');
  for (const s of scenarios) sel.append(el('option', {value: s.id, title: s.description}, s.name + ' (' + s.date + ')'));
  const box = $('compare-regimes');
  for (const r of regimes) {
    const id = 'cmp-' + r.id;
    box.append(el('span', {class: 'check'}, el('input', {type: 'checkbox', id, value: r.id}), el('label', {for: id}, r.id)));
  }
  const tick = () => {
    const s = scenarios.find((x) => x.id === sel.value);
    for (const c of box.querySelectorAll('input')) c.checked = !!s && s.regimes.includes(c.value);
  };
  sel.addEventListener('change', tick);
  tick();
  $('compare-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    // The status quo, the baseline, first; then the others in the list's order.
    const chosen = [...box.querySelectorAll('input:checked')].map((c) => c.value)
      .sort((a, b) => (b === 'status-quo') - (a === 'status-quo'));
    const file = $('scenario-file').files[0];
    const out = $('compare-result');
    out.replaceChildren(el('p', {}, 'Running…'));
    try {
      const result = file
        ? await api('/api/compare', {regimes: chosen.join(',')}, {method: 'POST', headers: {'Content-Type': 'application/yaml'}, body: await file.text()})
        : await api('/api/compare', {scenario: sel.value, regimes: chosen.join(',')});
      renderCompare(result);
    } catch (e) {
      out.replaceChildren(el('p', {class: 'error', role: 'alert'}, e.message));
    }
  });
}

function renderCompare(r) {
  // Whether the regimes disagree on a row is the API's answer (row.disagree), not the page's guess from the prose.
  const differs = (row) => row.disagree === true;
  const rows = r.rows.map((row) => [
    el('span', {}, 'event ' + row.event + ': ' + row.effect + (row.provision ? ' (' + row.provision + ')' : ''),
      differs(row) ? el('span', {class: 'differs', title: 'the regimes disagree here'}, ' ≠') : null),
    ...r.regimes.map((reg) => {
      const c = row.cells[reg];
      if (!c) return el('span', {class: 'absent'}, '—');
      return el('span', {title: (c.actors || []).join(' ')}, c.text.join('; '), c.depends_on_unconfirmed ? ' [depends on an unconfirmed value]' : '');
    })]);
  const t = table(['finding', ...r.regimes], rows, 'Findings side by side; a dash: the regime gives no such finding; ≠: the regimes disagree');
  r.rows.forEach((row, i) => { if (!differs(row)) t.tBodies[0].rows[i].classList.add('same'); });
  const only = el('input', {type: 'checkbox', id: 'compare-only-differences', onchange: (ev) => t.classList.toggle('only-differences', ev.target.checked)});
  const n = r.rows.filter(differs).length;
  $('compare-result').replaceChildren(el('h2', {}, r.scenario + ' (' + r.date + ')'),
    el('p', {}, n + ' of ' + r.rows.length + ' findings differ between the regimes. ', only,
      el('label', {for: 'compare-only-differences'}, ' show only those')), t);
}

// ---------------------------------------------------------------- exercise console

const ACTION_FIELDS = {
  'request-information': [['to', 'state'], ['subject', 'text']],
  'reply': [['procedure', 'number'], ['text', 'textarea']],
  'request-consultations': [['with', 'states'], ['subject', 'text']],
  'schedule-consultations': [['procedure', 'number'], ['at', 'instant']],
  'join-consultations': [['procedure', 'number']],
  'propose-conference': [['consultation', 'number'], ['subject', 'text']],
  'support-conference': [['procedure', 'number']],
  'notify-attack': [['attacker', 'state'], ['victim', 'state'], ['threat_only', 'flag']],
  'attend': [['procedure', 'number']],
  'vote': [['procedure', 'number'], ['ballot', 'ballot']],
  'notify-activity': [['name', 'text'], ['start', 'day'], ['troops', 'number'], ['battle_tanks', 'number'], ['acv', 'number'], ['artillery', 'number']],
  'accept-observation': [['procedure', 'number']],
  'submit-annual-information': [['year', 'number']],
};

const C = {exercise: null, token: null, me: null, info: null, timer: null};

function setupConsole() {
  $('signin-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const ex = $('exercise-id').value.trim();
    const token = $('credential').value.trim();
    if (!ex || !token) { $('console-status').textContent = 'Give the exercise id and your credential.'; return; }
    C.exercise = ex; C.token = token;
    try {
      C.info = await exApi('');
    } catch (e) {
      C.exercise = null; C.token = null;
      $('console-status').textContent = 'Cannot sign in: ' + e.message;
      $('console-status').className = 'error';
      return;
    }
    C.me = C.info.you;
    $('credential').value = '';
    $('signin').hidden = true;
    $('signout').hidden = false;
    $('console').hidden = false;
    $('console-status').className = '';
    $('console-status').textContent = 'Signed in as ' + C.me + ' in ' + ex + '.';
    renderWhoami();
    await refreshInbox();
    clearInterval(C.timer);
    C.timer = setInterval(() => refreshInbox().catch(() => {}), 5000);
  });
  $('signout').addEventListener('click', () => {
    clearInterval(C.timer);
    Object.assign(C, {exercise: null, token: null, me: null, info: null});
    $('console').hidden = true; $('signin').hidden = false; $('signout').hidden = true;
    $('console-status').textContent = 'Signed out.';
  });
  const kind = $('act-kind');
  kind.addEventListener('change', () => renderActFields(kind.value));
  $('act-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const body = {kind: kind.value};
    for (const [f, type] of ACTION_FIELDS[kind.value] || []) {
      const input = $('act-' + f);
      const v = type === 'flag' ? input.checked : input.value.trim();
      if (v === '' || v === undefined) continue;
      if (type === 'number') body[f] = Number(v);
      else if (type === 'states') body[f] = v.split(/[ ,]+/).filter(Boolean);
      else if (type === 'state') body[f] = v.toUpperCase();
      else body[f] = v;
    }
    await act(body);
  });
}

async function exApi(suffix, init) {
  const headers = Object.assign({'Authorization': 'Bearer ' + C.token}, (init && init.headers) || {});
  return api('/api/exercises/' + encodeURIComponent(C.exercise) + suffix, null, Object.assign({}, init || {}, {headers}));
}

function renderWhoami() {
  const i = C.info;
  const role = C.me.startsWith('delegation:') ? 'the delegation of ' + name(C.me.slice(11)) : 'the ' + C.me;
  $('whoami').textContent = 'You are ' + role;
  const rules = el('details', {}, el('summary', {}, 'The rules of this exercise'), el('pre', {}, JSON.stringify(i.rules, null, 2)));
  $('console-rules').replaceChildren(rulesLine(i), rules);
  const observer = C.me === 'observer';
  $('act-form').hidden = observer;
  $('act-result').textContent = observer ? 'An observer sees everything and can change nothing.' : '';
  const kind = $('act-kind');
  kind.replaceChildren(...i.action_kinds.map((k) => el('option', {value: k}, k)));
  renderActFields(kind.value);
  $('journal-section').hidden = C.me.startsWith('delegation:');
}

function rulesLine(i) {
  return el('p', {}, 'Exercise ', el('strong', {}, i.exercise), ' under ', el('strong', {}, i.regime),
    '; exercise clock: ', i.clock.mode, i.clock.mode !== 'real' ? ' ×' + i.clock.factor : '', '. ', i.actions_accepted + ' action(s) accepted in all.');
}

function renderActFields(kind) {
  const box = $('act-fields');
  box.replaceChildren(...(ACTION_FIELDS[kind] || []).map(([f, type]) => {
    const id = 'act-' + f;
    const label = el('label', {for: id}, f.replace('_', ' ') + (type === 'states' ? ' (state ids, comma-separated)' : type === 'instant' ? ' (e.g. 2009-12-05T10:00:00Z)' : type === 'day' ? ' (YYYY-MM-DD)' : ''));
    let input;
    if (type === 'textarea') input = el('textarea', {id, rows: 3});
    else if (type === 'flag') input = el('input', {id, type: 'checkbox'});
    else if (type === 'ballot') input = el('select', {id}, ['yes', 'no', 'abstain'].map((b) => el('option', {value: b}, b)));
    else input = el('input', {id, type: type === 'number' ? 'number' : 'text', min: type === 'number' ? 0 : null, size: type === 'state' ? 4 : null});
    return el('div', {class: 'control'}, label, input);
  }));
}

function fillAction(kind, values) {
  $('act-kind').value = kind;
  renderActFields(kind);
  for (const [k, v] of Object.entries(values)) if ($('act-' + k)) $('act-' + k).value = v;
  $('act-fields').querySelector('textarea, input:not([type=number])')?.focus();
}

async function act(body) {
  const out = $('act-result');
  try {
    const r = await exApi('/actions', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)});
    out.className = 'ok';
    out.textContent = 'Accepted: ' + r.summary + ' (procedure ' + r.procedure + ', journal entry ' + (r.journal_entry ?? '–') + ').';
    renderActFields($('act-kind').value);
    C.info = await exApi('');
    $('console-rules').querySelector('p').replaceWith(rulesLine(C.info));
    await refreshInbox();
  } catch (e) {
    out.className = 'error';
    out.textContent = 'Refused (' + e.status + (e.field ? ', ' + e.field : '') + '): ' + e.message;
  }
}

/** An instant as people read it: 2009-12-01 09:00 UTC. */
function when(instant) {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(instant || '');
  return m ? m[1] + ' ' + m[2] + ' UTC' : String(instant);
}

function remaining(deadline, now) {
  const ms = Date.parse(deadline) - Date.parse(now);
  if (isNaN(ms)) return '';
  if (ms <= 0) return 'passed';
  const d = Math.floor(ms / DAY_MS), h = Math.floor((ms % DAY_MS) / 3600000);
  return 'in ' + (d ? d + ' d ' : '') + h + ' h';
}

async function refreshInbox() {
  if (!C.exercise) return;
  const p = await exApi('/procedures');
  const mine = C.me.startsWith('delegation:') ? C.me.slice(11) : null;
  const cards = p.procedures.map((x) => {
    const open = !['answered', 'no-response', 'lapsed', 'adopted', 'not-adopted', 'no-quorum', 'closed'].includes(x.status);
    const dl = x.deadline ? el('span', {class: 'deadline'}, 'deadline ' + when(x.deadline) + ' (' + remaining(x.deadline, p.now) + ' on the exercise clock)') : null;
    const shown = (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) ? when(v) : Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v);
    const facts = Object.entries(x).filter(([k]) => !['id', 'kind', 'provision', 'status', 'opened', 'deadline'].includes(k))
      .map(([k, v]) => el('li', {}, el('span', {class: 'k'}, k.replace(/_/g, ' ') + ': '), shown(v)));
    const buttons = [];
    const btn = (label, kind, values) => buttons.push(el('button', {type: 'button', onclick: () => fillAction(kind, values)}, label));
    if (mine && open) {
      if (x.kind === 'information-request' && x.to === mine && !x.reply) btn('Reply…', 'reply', {procedure: x.id});
      if (x.kind === 'consultations') {
        btn('Schedule…', 'schedule-consultations', {procedure: x.id});
        btn('Propose a conference…', 'propose-conference', {consultation: x.id});
        if (!(x.participants || []).includes(mine)) btn('Join', 'join-consultations', {procedure: x.id});
      }
      if (x.kind.includes('conference')) {
        btn('Support…', 'support-conference', {procedure: x.id});
        btn('Attend…', 'attend', {procedure: x.id});
        btn('Vote…', 'vote', {procedure: x.id});
      }
      if (x.kind === 'activity-notification' && x.by !== mine) btn('Accept observation…', 'accept-observation', {procedure: x.id});
    }
    if (C.me === 'depositary' && x.kind === 'consultations' && open) btn('Schedule…', 'schedule-consultations', {procedure: x.id});
    return el('article', {class: 'procedure' + (open ? '' : ' closed'), 'data-procedure': x.id, 'data-kind': x.kind, 'aria-labelledby': 'proc-' + x.id},
      el('h3', {id: 'proc-' + x.id}, '#' + x.id + ' ' + x.kind + ' ', el('span', {class: 'status'}, x.status)),
      el('p', {}, 'opened ' + when(x.opened) + ' under ' + x.provision + '. ', open ? dl : null),
      el('ul', {class: 'facts'}, facts),
      buttons.length ? el('div', {class: 'buttons'}, buttons) : null);
  });
  $('inbox').replaceChildren(el('p', {}, 'Exercise time now: ', el('strong', {id: 'exercise-now'}, when(p.now))),
    ...(cards.length ? cards : [el('p', {}, 'Nothing yet.')]));
  if (!$('journal-section').hidden) {
    const j = await exApi('/journal');
    $('journal').replaceChildren(table(['#', 'exercise time', 'actor', 'kind', 'hash'],
      j.map((e) => [String(e.seq), when(e.at), e.actor, e.kind, e.hash.slice(0, 12) + '…'])));
  }
}
