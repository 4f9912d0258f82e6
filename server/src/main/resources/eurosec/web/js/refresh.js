// One refresh: after any change of date, regime, reading, colouring or accession, the answers are
// asked again and the map, the veto panel, the open state and the panels redrawn.

import {$, setStatus} from './dom.js';
import {api, jsonLink} from './api.js';
import {S, applicantAmong, reading, statesOn, writeHash} from './state.js';
import {fillApplicants} from './controls.js';
import {renderMap} from './map.js';
import {renderVeto} from './veto-panel.js';
import {renderDetails} from './details.js';
import {refreshPanels} from './panels/panels.js';
import {COLOURINGS} from './colourings/colourings.js';

export async function refresh() {
  const gen = ++S.generation;
  writeHash();
  $('date-input').value = S.date;
  setStatus('Loading ' + S.date + ' under ' + S.regime + '…', 'busy');
  const base = {date: S.date, regime: S.regime, interpretation: reading()};
  try {
    const existing = await statesOn(S.date).catch(() => []);
    if (gen !== S.generation) return;
    const applicant = applicantAmong(existing, S.date);
    const wants = [api('/api/coverage', base), api('/api/veto', {...base, applicant, organisation: S.organisation}).catch((e) => e)];
    const colouring = COLOURINGS[S.colourBy];
    if (colouring && colouring.load) wants.push(colouring.load(base));
    const [coverage, veto, extra] = await Promise.all(wants);
    if (gen !== S.generation) return;
    S.coverage = coverage;
    S.applicantShown = applicant;
    fillApplicants(existing, applicant);
    S.veto = veto instanceof Error ? null : veto;
    S.vetoError = veto instanceof Error ? veto.message : null;
    S.colourData = colouring && colouring.load ? extra : null;
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
    // After the day the facts were last checked the answer reads them forward: said in one line.
    $('provisional').hidden = !coverage.provisional;
    $('provisional').textContent = coverage.provisional ? 'Provisional: the facts were last checked on ' + coverage.facts_checked_through
      + '; this answer for ' + S.date + ' reads them forward (changes already scheduled count, later news does not).' : '';
    document.body.dataset.loaded = S.date + '|' + S.regime + '|' + S.colourBy + '|' + applicant + '|' + S.organisation + '|' + reading().join(',');
    if (!$('view-panels').hidden) refreshPanels();
  } catch (e) {
    if (gen !== S.generation) return;
    setStatus(e.message, 'error');
  }
}
