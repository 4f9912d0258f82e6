// eurosec web page. Everything shown here comes from the HTTP API under /api, the same routes a
// script would call; these modules only ask, draw and let the user act. No network beyond this
// server, no build step: native ES modules, d3 from its WebJar as a global.
//
//   main.js         start: load what every view needs, set the views up
//   state.js        the choices and the address; names and lineage of states
//   api.js, dom.js, days.js, palette.js   the API client and small helpers
//   controls.js     date, regime, interpretations, colouring, accession, state picker
//   refresh.js      ask again and redraw after a change
//   map.js          the shapes, zoom and painting; colourings/ one module per colouring
//   details.js      the state panel;  veto-panel.js  who may block
//   panels/         the Panels view, one module per panel
//   compare.js      Compare regimes;  reconcile.js  Reconcile with ATOP/COW
//   console.js      the exercise console;  tabs.js  the views
//   admin.js        Administration: exercises and credentials (the admin credential)
//   receipts.js     the console's receipts and the journal head it verified

import {$, setStatus} from './dom.js';
import {api} from './api.js';
import {S, loadPredecessors, readHash} from './state.js';
import {setupTabs} from './tabs.js';
import {addressNotFollowed, setupControls, regimeChanged} from './controls.js';
import {drawMapShapes} from './map.js';
import {setupCompare} from './compare.js';
import {setupReconcile} from './reconcile.js';
import {setupConsole} from './console.js';
import {setupAdmin} from './admin.js';
import {refreshUniformity} from './panels/uniformity.js';

document.addEventListener('DOMContentLoaded', start);

async function start() {
  setupTabs();
  readHash();
  try {
    const [map, regimes, current, scenarios, interpretations, instruments] = await Promise.all([
      api('/api/map'), api('/api/regimes'), api('/api/coverage', {regime: 'status-quo'}), api('/api/scenarios'), api('/api/interpretations'),
      api('/api/instruments')]);
    // Names for every id a table or legend shows: instruments here, states and organisations below, a
    // regime's own instruments when it is chosen (controls.js).
    for (const i of instruments) S.names[i.id] = i.name;
    for (const r of regimes) S.regimeNames[r.id] = r.name;
    S.interpretations = interpretations;
    S.shapes = map;
    // Today is the server's (the day its clock gives, the day an undated question answers for), never
    // the browser's: the page and the API agree on it, and a server with a fixed clock fixes it here too.
    S.asOf = current.as_of;
    // The day the facts were last checked: a day after it is answered from the facts as last checked,
    // marked provisional (a one-line note under the status). The slider runs to today.
    S.checked = current.facts_checked_through || current.as_of;
    S.lastDay = S.checked > S.asOf ? S.checked : S.asOf;
    for (const st of current.states) S.names[st.iso3] = st.name;
    const all = await api('/api/actors', {date: S.asOf});
    for (const a of (all.states || [])) {
      if (a.iso3) S.names[a.iso3] = S.names[a.iso3] || a.name;
      S.lineage[a.id] = {exists: a.exists || [], predecessors: a.predecessors || []};
    }
    S.organisations = (all.organisations || []).map((o) => ({id: o.id, name: o.name}));
    for (const o of S.organisations) S.names[o.id] = S.names[o.id] || o.name;
    await loadPredecessors();
    setupControls(regimes);
    setupCompare(scenarios, regimes);
    setupReconcile();
    for (const id of ['silence', 'set-aside-xkx', 'only-inconsistent']) $(id).addEventListener('change', refreshUniformity);
    setupConsole();
    setupAdmin(regimes);
    drawMapShapes();
    const tab = $('tab-' + (S.view || 'map'));
    S.showTab(tab && tab.getAttribute('role') === 'tab' ? tab : $('tab-map'));
    await regimeChanged();
    addressNotFollowed();
  } catch (e) {
    setStatus('Cannot start: ' + e.message, 'error');
  }
}
