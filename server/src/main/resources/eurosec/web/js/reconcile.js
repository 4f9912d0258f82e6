// Reconcile with ATOP/COW: the user's copy of the dataset against eurosec's directed dyad-year panel,
// every disagreement with its cause (POST /api/reconcile/{dataset}, what `eurosec reconcile` prints).

import {$, el, link, table} from './dom.js';
import {api} from './api.js';
import {S} from './state.js';

// The kinds each dataset codes (COW's entente is read as consultation), in eurosec's words.
const KINDS = {
  atop: ['defence', 'offence', 'neutrality', 'non_aggression', 'consultation'],
  cow: ['defence', 'neutrality', 'non_aggression', 'consultation'],
};
const CAUSES = {
  convention: 'the two date it differently: signature against entry into force, an accession protocol against accession',
  interpretation: 'a named interpretation decides it: its other option would agree',
  fact: 'the two hold different facts: the crosswalk says why eurosec differs',
  missing: 'the dataset codes a pledge no eurosec instrument makes',
  unexplained: 'no cause found',
};
const MISSING = {
  out_of_scope: 'left out on purpose, the crosswalk says why',
  not_encoded: 'a known treaty not encoded yet',
  no_entry: 'the crosswalk says nothing',
};
// The upload route's own limit (ApiServer.MAX_RECONCILE_BODY).
const LIMIT = 16 * 1024 * 1024;
// Rows listed when a group is opened; every row is in the CSV.
const LISTED = 200;
const COLUMNS = ['year', 'ccode1', 'state1', 'ccode2', 'state2', 'kind', 'dataset', 'eurosec', 'cause', 'instrument', 'provisions',
  'interpretation', 'option', 'eurosec_date', 'dataset_date', 'source', 'note'];

const fmt = (n) => Number(n).toLocaleString('en-GB');
const pct = (a, n) => (n ? (100 * a / n).toFixed(2) + '%' : '—');
const words = (kind) => kind.replace(/_/g, '-');
const stateName = (iso, ccode) => (iso ? S.names[iso] || iso : 'COW ' + ccode);

export function setupReconcile() {
  const dataset = $('reconcile-dataset');
  const box = $('reconcile-kinds');
  const offer = () => {
    const was = new Set([...box.querySelectorAll('input:checked')].map((c) => c.value));
    // Defence alone by default: all kinds at once run to some hundred thousand rows (several tens of MB).
    if (!was.size) was.add('defence');
    box.replaceChildren(...KINDS[dataset.value].map((k) => el('span', {class: 'check'},
      el('input', {type: 'checkbox', id: 'reconcile-kind-' + k, value: k, checked: was.has(k)}),
      el('label', {for: 'reconcile-kind-' + k}, words(k)))));
  };
  dataset.addEventListener('change', offer);
  offer();
  $('reconcile-form').addEventListener('submit', run);
}

async function run(ev) {
  ev.preventDefault();
  const out = $('reconcile-result');
  const file = $('reconcile-file').files[0];
  const fail = (msg) => out.replaceChildren(el('p', {class: 'error', role: 'alert'}, msg));
  if (!file) return fail('Choose your copy of the dataset first.');
  if (file.size > LIMIT) return fail(file.name + ' is ' + fmt(file.size) + ' bytes; the server takes at most 16 MiB.');
  const ds = $('reconcile-dataset').value;
  const kinds = [...$('reconcile-kinds').querySelectorAll('input:checked')].map((c) => c.value);
  if (!kinds.length) return fail('Tick at least one kind of pledge.');
  const readings = readingsAsked();
  const params = {kinds: kinds.join(','), convention: $('reconcile-convention').value ? ds : '', interpretation: readings,
    skip_unknown_states: $('reconcile-skip').checked};
  out.replaceChildren(el('p', {}, 'Reconciling ' + file.name + '…'));
  try {
    const r = await api('/api/reconcile/' + ds, params, {method: 'POST', headers: {'Content-Type': 'text/csv'}, body: file});
    render(r, file.name, readings);
  } catch (e) {
    fail(e.message);
  }
}

function readingsAsked() {
  return $('reconcile-readings').value.split(/[,\s]+/).map((x) => x.trim()).filter((x) => x);
}

function render(r, fileName, readings) {
  const parts = [];
  parts.push(el('h2', {}, r.dataset.toUpperCase() + ' (' + fileName + ') against eurosec, ' + r.years[0] + '–' + r.years[1]));
  parts.push(el('p', {id: 'reconcile-summary', class: 'figures'},
    fmt(r.compared) + ' directed dyad-year cells compared: ' + fmt(r.agree) + ' agree (' + pct(r.agree, r.compared) + '), '
    + fmt(r.disagree) + ' disagree, ' + fmt(r.unexplained) + ' unexplained. eurosec dated '
    + (r.convention === 'eurosec' ? 'from entry into force and accession' : 'as ' + r.convention.toUpperCase() + ' dates, from signature')
    + (readings.length ? ', read ' + readings.join(', ') : ', with the default readings') + '.'
    + (r.skipped_rows ? ' ' + fmt(r.skipped_rows) + ' rows left out for a country code eurosec does not know.' : '')
    + (r.not_compared ? ' ' + fmt(r.not_compared) + ' of the file\'s pledges fall on dyad-years eurosec does not list (a state it does not hold'
      + ' in that year) and are not compared.' : '')));
  parts.push(table(['kind', 'compared', 'agree', 'agreement'],
    Object.entries(r.by_kind).map(([k, v]) => [words(k), fmt(v.compared), fmt(v.agree), pct(v.agree, v.compared)]), 'Agreement by kind of pledge'));
  const missing = Object.entries(r.missing || {}).map(([k, n]) => fmt(n) + ' ' + k.replace(/_/g, ' ') + ': ' + MISSING[k]).join('; ');
  const causes = table(['cause', 'cells', 'what it means'], Object.keys(CAUSES).map((c) => [c, fmt(r.by_cause[c] || 0),
    CAUSES[c] + (c === 'missing' && r.by_cause.missing ? ' (' + missing + ')' : '')]), 'Disagreements by cause');
  causes.id = 'reconcile-causes';
  parts.push(causes);
  const better = otherReadings(r.rows, readings);
  if (better.length) {
    parts.push(el('p', {id: 'reconcile-readings-hint'},
      'Read otherwise, more cells would agree: ' + better.map((b) => b.reading + ' (' + fmt(b.cells) + ' cells)').join(', ') + '. ',
      el('button', {type: 'button', id: 'reconcile-again', onclick: () => {
        const kept = readings.filter((x) => !better.some((b) => b.id === x.split('=')[0]));
        $('reconcile-readings').value = [...kept, ...better.map((b) => b.reading)].join(', ');
        $('reconcile-form').requestSubmit();
      }}, 'Reconcile again read so')));
  }
  if (r.rows.length) {
    parts.push(el('p', {}, downloads(r), ' Each group below is one cause, kind and instrument (or reading, or crosswalk note); open one for its cells.'));
    parts.push(el('div', {id: 'reconcile-groups'}, groups(r.rows, r.dataset.toUpperCase())));
  }
  $('reconcile-result').replaceChildren(...parts);
}

/** Per interpretation, the option most of its rows say would agree, unless that is already the reading asked. */
function otherReadings(rows, readings) {
  const counts = new Map();
  for (const row of rows) {
    if (row.cause !== 'interpretation' || !row.interpretation || !row.option) continue;
    const byOption = counts.get(row.interpretation) || new Map();
    byOption.set(row.option, (byOption.get(row.option) || 0) + 1);
    counts.set(row.interpretation, byOption);
  }
  const out = [];
  for (const [id, byOption] of counts) {
    const [option, cells] = [...byOption].sort((a, b) => b[1] - a[1])[0];
    if (!readings.includes(id + '=' + option)) out.push({id, reading: id + '=' + option, cells});
  }
  return out.sort((a, b) => b.cells - a.cells);
}

function groups(rows, datasetName) {
  const order = Object.keys(CAUSES);
  const byKey = new Map();
  for (const row of rows) {
    const instrument = row.instrument ? S.names[row.instrument] || row.instrument : null;
    const reading = row.interpretation ? row.interpretation + '=' + row.option + ' would agree' : null;
    const what = instrument || reading ? [instrument, reading].filter((x) => x).join(': ')
      : row.note ? row.note.split(/(?<=[.;:])\s/)[0] : 'no instrument, no crosswalk entry';
    const key = row.cause + '\u0000' + row.kind + '\u0000' + what;
    if (!byKey.has(key)) byKey.set(key, {cause: row.cause, kind: row.kind, what, rows: []});
    byKey.get(key).rows.push(row);
  }
  return [...byKey.values()]
    .sort((a, b) => order.indexOf(a.cause) - order.indexOf(b.cause) || b.rows.length - a.rows.length)
    .map((g) => {
      const [low, high] = yearSpan(g.rows);
      const first = g.rows[0];
      const d = el('details', {class: 'reconcile-group', 'data-cause': g.cause},
        el('summary', {}, g.cause + ' · ' + words(g.kind) + ' · ' + g.what + ' — ' + fmt(g.rows.length) + ' cells, '
          + low + '–' + high + ', e.g. ' + stateName(first.state1, first.ccode1) + ' → '
          + stateName(first.state2, first.ccode2) + ' ' + first.year));
      // The cells are listed when the group is first opened: all groups at once would be tens of thousands of rows.
      d.addEventListener('toggle', () => {
        if (!d.open || d.dataset.listed) return;
        d.dataset.listed = 'yes';
        d.append(el('p', {class: 'hint'}, first.note || '', first.source ? [' ', link(first.source, 'source')] : null),
          table(['year', 'from → to', datasetName, 'eurosec', 'eurosec dates it', 'dataset dates it', 'provisions'],
            g.rows.slice(0, LISTED).map((x) => [String(x.year), stateName(x.state1, x.ccode1) + ' → ' + stateName(x.state2, x.ccode2),
              x.dataset ? 'pledge' : 'none', x.eurosec ? 'pledge' : 'none', x.eurosec_date || '', x.dataset_date || '',
              (x.provisions || []).join(' ')])),
          g.rows.length > LISTED ? el('p', {class: 'hint'}, 'The first ' + LISTED + ' of ' + fmt(g.rows.length) + ' cells; all are in the CSV.') : null);
      });
      return d;
    });
}

/**
 * The first and last year of the rows, by a loop: Math.min(...years) passes every year as an argument,
 * and a group of all kinds of a dataset can hold more than a hundred thousand cells, past what a call takes.
 */
export function yearSpan(rows) {
  let low = Infinity;
  let high = -Infinity;
  for (const x of rows) {
    if (x.year < low) low = x.year;
    if (x.year > high) high = x.year;
  }
  return [low, high];
}

/** The rows as `eurosec reconcile … --format csv` writes them: a header, then a line per disagreement (RFC 4180: CR LF, quotes where needed). */
export function disagreementsCsv(rows) {
  const cell = (v) => {
    const s = v === null || v === undefined ? '' : Array.isArray(v) ? v.join(' ') : String(v);
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  };
  const lines = [COLUMNS.join(',')];
  for (const row of rows) lines.push(COLUMNS.map((c) => cell(row[c])).join(','));
  return lines.join('\r\n') + '\r\n';
}

const made = [];

/** The disagreements as the command's CSV and the whole answer as its JSON, made here from the answer. */
function downloads(r) {
  // The previous answer's files are let go.
  for (const u of made.splice(0)) URL.revokeObjectURL(u);
  const csv = URL.createObjectURL(new Blob([disagreementsCsv(r.rows)], {type: 'text/csv'}));
  const json = URL.createObjectURL(new Blob([JSON.stringify(r)], {type: 'application/json'}));
  made.push(csv, json);
  const stem = 'eurosec-reconcile-' + r.dataset;
  return [el('a', {id: 'reconcile-csv', href: csv, download: stem + '.csv'}, 'Download every disagreement (CSV, ' + fmt(r.rows.length) + ' rows)'),
    ' · ', el('a', {href: json, download: stem + '.json'}, 'the whole answer (JSON)'), '.'];
}
