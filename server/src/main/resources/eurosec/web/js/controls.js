// The controls above the map: date (slider and typed day), regime, interpretations, colouring,
// applicant and organisation, state picker.

import {$, el, setStatus} from './dom.js';
import {api} from './api.js';
import {FIRST_DAY, dayIndex, dayOf, validDay} from './days.js';
import {S, asked, name, named, reading} from './state.js';
import {refresh} from './refresh.js';
import {select} from './details.js';

export function setupControls(regimes) {
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
    if (d < FIRST_DAY || d > S.lastDay) { setStatus('choose a day from ' + FIRST_DAY + ' to ' + S.lastDay + ' (the facts were last checked on ' + S.checked + ')', 'error'); return; }
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
  if (![...cb.options].some((o) => o.value === S.colourBy)) S.colourBy = 'coverage';
  cb.value = S.colourBy;
  cb.addEventListener('change', () => { S.colourBy = cb.value; refresh(); });

  const app = $('applicant');
  app.addEventListener('change', () => { S.applicant = app.value; refresh(); });
  const org = $('organisation');
  const orgs = S.organisations.length ? S.organisations : [{id: 'nato', name: 'North Atlantic Treaty Organization'}];
  for (const o of orgs) org.append(el('option', {value: o.id, title: o.name}, o.id.toUpperCase() + ': ' + o.name));
  if (!orgs.some((o) => o.id === S.organisation)) S.organisation = 'nato';
  org.value = S.organisation;
  org.addEventListener('change', () => { S.organisation = org.value; refresh(); });

  const picker = $('state-picker');
  for (const iso of Object.keys(S.lineage).sort((a, b) => name(a).localeCompare(name(b)))) {
    picker.append(el('option', {value: iso}, named(iso)));
  }
  if (S.selected) picker.value = S.selected;
  picker.addEventListener('change', () => { if (picker.value) select(picker.value); });
}

/** A new regime brings its own interpretations (and drops the last one's); then everything is redrawn. */
export async function regimeChanged() {
  try {
    const r = S.regime === 'status-quo' ? {interpretations: []} : await api('/api/regimes/' + encodeURIComponent(S.regime));
    for (const i of r.instruments || []) if (i.id && i.name) S.names[i.id] = i.name;
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

/** The applicants to choose from: the states that exist on the day (none that does not: no red error for Georgia in 1985). */
export function fillApplicants(existing, shown) {
  const app = $('applicant');
  const states = existing.length ? [...existing].sort((a, b) => name(a.id).localeCompare(name(b.id))) : [{id: shown}];
  const key = states.map((s) => s.id).join(',');
  if (app.dataset.states !== key) {
    app.replaceChildren(...states.map((s) => el('option', {value: s.id}, named(s.id))));
    app.dataset.states = key;
  }
  app.value = shown;
}

/**
 * Says in one line what of the address the page did not follow, and what it shows instead: a day that
 * is not one or lies outside the slider, a regime, colouring, organisation or view it does not know, a
 * reading (interpretation=ID=OPTION) of an interpretation or option it does not know. A link shared
 * from another version, or edited by hand, otherwise opened on the defaults without a word (a colouring
 * the page did not know left the map grey). The line goes at the next change the user makes.
 */
export function addressNotFollowed() {
  const missed = [];
  const quoted = (v) => '"' + v + '"';
  if (asked.date && asked.date !== S.date) {
    missed.push('day ' + quoted(asked.date) + (validDay(asked.date) ? ' (the slider runs from ' + FIRST_DAY + ' to ' + S.lastDay + ')' : ' (not a day: YYYY-MM-DD)')
      + ', ' + S.date + ' shown');
  }
  if (asked.regime && asked.regime !== S.regime) missed.push('regime ' + quoted(asked.regime) + ' (no such regime), ' + S.regime + ' shown');
  if (asked.colour && asked.colour !== S.colourBy) {
    const shown = [...$('colour-by').options].find((o) => o.value === S.colourBy);
    missed.push('colour ' + quoted(asked.colour) + ' (no such colouring), ' + (shown ? shown.textContent : S.colourBy) + ' shown');
  }
  if (asked.organisation && asked.organisation !== S.organisation) missed.push('organisation ' + quoted(asked.organisation) + ' (not known), ' + S.organisation.toUpperCase() + ' shown');
  if (asked.view && asked.view !== S.view) missed.push('view ' + quoted(asked.view) + ' (no such view), ' + S.view + ' shown');
  const scenario = $('scenario');
  if (asked.scenario && ![...scenario.options].some((o) => o.value === asked.scenario)) {
    missed.push('scenario ' + quoted(asked.scenario) + ' (no such shipped scenario), ' + (scenario.value || 'none') + ' offered');
  }
  const ticks = [...document.querySelectorAll('#compare-regimes input')].map((c) => c.value);
  for (const r of (asked.compare || '').split(',').filter((x) => x && !ticks.includes(x))) missed.push('regime ' + quoted(r) + ' to compare (no such regime)');
  const known = new Map([...S.interpretations, ...S.regimeInterpretations].map((i) => [i.id, i]));
  for (const r of asked.readings) {
    const eq = r.indexOf('=');
    const i = eq > 0 ? known.get(r.slice(0, eq)) : null;
    if (eq <= 0) missed.push('reading ' + quoted(r) + ' (write interpretation=ID=OPTION)');
    else if (!i) missed.push('reading ' + quoted(r) + ' (no such interpretation' + (S.regime === 'status-quo' ? '' : ' in the data or under ' + S.regime) + ')');
    else if (!i.options.some((o) => o.id === r.slice(eq + 1))) {
      const shown = S.choices[i.id] || i.default;
      missed.push('reading ' + quoted(r) + ' (its options: ' + i.options.map((o) => o.id).join(', ') + '), ' + shown + (shown === i.default ? ' (the default)' : '') + ' shown');
    }
  }
  const note = $('address-note');
  note.hidden = !missed.length;
  note.textContent = missed.length ? 'Not followed from the address: ' + missed.join('; ') + '.' : '';
  document.body.dataset.addressChecked = 'yes';
  if (missed.length) {
    const done = () => { note.hidden = true; document.removeEventListener('change', done, true); };
    document.addEventListener('change', done, true);
  }
}
