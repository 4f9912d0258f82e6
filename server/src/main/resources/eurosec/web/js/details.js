// The state panel: one state on the chosen day, its coverage, guarantees, commitments and memberships.

import {$, el, link, table} from './dom.js';
import {api} from './api.js';
import {onDay} from './days.js';
import {S, name, named, provisionName, regimeName, term, writeHash} from './state.js';
import {renderMap} from './map.js';

export async function select(iso) {
  S.selected = iso;
  writeHash();
  $('state-picker').value = iso;
  renderMap();
  await renderDetails(iso, S.generation);
  $('details').parentElement.scrollTop = 0;
  $('details').focus({preventScroll: true});
}

export async function renderDetails(iso, gen) {
  const body = $('details-body');
  $('details-title').textContent = named(iso) + ' on ' + S.date;
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
      el('strong', {}, st.covered ? 'Covered' : 'Not covered'), ' by a binding defence guarantee under ' + regimeName(S.regime) + '.'));
    out.push(el('h3', {}, 'Guarantees'));
    if (!st.guarantees.length) out.push(el('p', {}, 'None.'));
    else out.push(el('ul', {}, st.guarantees.map((g) => el('li', {},
      el('strong', {title: g.provision}, provisionName(g.provision, g.article)), ' (', el('span', {title: g.kind}, term(g.kind)), ', ', g.legal_force, ', assistance ', g.assistance, ') through ', name(g.through),
      ': ', g.guarantor_count, ' guarantor(s)', g.unconfirmed ? ' [unconfirmed]' : '', ' — ', link(g.source)))));
    if (st.political_commitments && st.political_commitments.length) {
      out.push(el('h3', {}, 'Political commitments'));
      out.push(el('ul', {}, st.political_commitments.map((p) => el('li', {}, p.name, ' (', p.legal_force, ') — ', link(p.source)))));
    }
  }
  // Three columns (the body with its kind; status and period; source), so the table fits the panel
  // beside the map and a phone's width.
  const inCell = (m) => el('span', {title: m.in}, m.name || name(m.in), m.kind ? el('small', {class: 'absent'}, ' ' + m.kind) : null);
  const day = (d) => el('span', {class: 'day'}, d);
  const when = (m) => el('span', {}, el('span', {title: m.status}, term(m.status)), ' ', m.to ? [day(m.from), ' to ', day(m.to)] : ['since ', day(m.from)]);
  const spells = (actor.memberships || []).filter((m) => onDay(m, S.date));
  out.push(el('h3', {}, 'Memberships and participations on ' + S.date));
  if (!spells.length) out.push(el('p', {}, 'None in the data.'));
  else out.push(table(['in', 'status and period', 'source'], spells.map((m) => [inCell(m), when(m), link(m.source)])));
  const all = actor.memberships || [];
  out.push(el('details', {}, el('summary', {}, 'Every spell in the data (' + all.length + ')'),
    table(['in', 'status and period', 'source'], all.map((m) => [inCell(m), when(m), link(m.source)]))));
  body.replaceChildren(...out);
}
