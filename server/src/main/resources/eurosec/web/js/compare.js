// Compare regimes: a shipped or uploaded scenario under the regimes ticked, findings side by side.

import {$, el, table} from './dom.js';
import {api} from './api.js';
import {S, inNames, provisionName, regimeName, writeHash} from './state.js';

export function setupCompare(scenarios, regimes) {
  const sel = $('scenario');
  for (const s of scenarios) sel.append(el('option', {value: s.id, title: s.description}, s.name + ' (' + s.date + ')'));
  const box = $('compare-regimes');
  for (const r of regimes) {
    const id = 'cmp-' + r.id;
    box.append(el('span', {class: 'check'}, el('input', {type: 'checkbox', id, value: r.id}), el('label', {for: id, title: r.id}, r.name || r.id)));
  }
  const tick = () => {
    const s = scenarios.find((x) => x.id === sel.value);
    for (const c of box.querySelectorAll('input')) c.checked = !!s && s.regimes.includes(c.value);
  };
  sel.addEventListener('change', tick);
  // A comparison in the address (#view=compare&scenario=ID&compare=R1,R2): that scenario and those regimes, run at once.
  const wanted = S.compared;
  S.compared = null;
  if (wanted && scenarios.some((x) => x.id === wanted.scenario)) sel.value = wanted.scenario;
  tick();
  if (wanted && sel.value === wanted.scenario) {
    const known = wanted.regimes.filter((r) => box.querySelector('input[value="' + CSS.escape(r) + '"]'));
    if (known.length) for (const c of box.querySelectorAll('input')) c.checked = known.includes(c.value);
    // Kept in the address while another view is shown, so that a reload does not drop it.
    S.compared = {scenario: sel.value, regimes: [...box.querySelectorAll('input')].filter((c) => c.checked).map((c) => c.value)};
  }
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
      // The regimes' own instruments (the draft treaty's) by name, as the findings cite them.
      await Promise.all(chosen.filter((id) => id !== 'status-quo').map((id) => api('/api/regimes/' + encodeURIComponent(id))
        .then((reg) => { for (const i of reg.instruments || []) if (i.id && i.name) S.names[i.id] = i.name; }, () => null)));
      renderCompare(result);
      // A shipped scenario's comparison goes in the address, to be shared; an uploaded file's cannot be.
      S.compared = file ? null : {scenario: sel.value, regimes: chosen};
      writeHash();
    } catch (e) {
      out.replaceChildren(el('p', {class: 'error', role: 'alert'}, e.message));
    }
  });
  if (wanted && sel.value === wanted.scenario && S.view === 'compare') $('compare-form').requestSubmit();
}

function renderCompare(r) {
  // Whether the regimes disagree on a row is the API's answer (row.disagree), not the page's guess from the prose.
  const differs = (row) => row.disagree === true;
  const rows = r.rows.map((row) => [
    el('span', {title: row.provision || ''}, 'event ' + row.event + ': ' + row.effect.replace(/-/g, ' ') + (row.provision ? ' (' + provisionName(row.provision) + ')' : ''),
      differs(row) ? el('span', {class: 'differs', title: 'the regimes disagree here'}, ' ≠') : null),
    ...r.regimes.map((reg) => {
      const c = row.cells[reg];
      if (!c) return el('span', {class: 'absent'}, '—');
      // In words; the ids (which a scenario file uses) in the tooltip.
      return el('span', {title: [...(c.actors || []), ...c.text].join(' ')}, c.text.map(inNames).join('; '),
        c.depends_on_unconfirmed ? ' [depends on an unconfirmed value]' : '');
    })]);
  const t = table(['finding', ...r.regimes.map(regimeName)], rows, 'Findings side by side; a dash: the regime gives no such finding; ≠: the regimes disagree');
  r.rows.forEach((row, i) => { if (!differs(row)) t.tBodies[0].rows[i].classList.add('same'); });
  const only = el('input', {type: 'checkbox', id: 'compare-only-differences', onchange: (ev) => t.classList.toggle('only-differences', ev.target.checked)});
  const n = r.rows.filter(differs).length;
  $('compare-result').replaceChildren(el('h2', {}, r.scenario + ' (' + r.date + ')'),
    el('p', {}, n + ' of ' + r.rows.length + ' findings differ between the regimes. ', only,
      el('label', {for: 'compare-only-differences'}, ' show only those')), t);
}
