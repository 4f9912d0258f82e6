// Recognising secessions: who sides with secession in one case and with integrity in another.

import {$, el, link, table} from '../dom.js';
import {api, jsonLink} from '../api.js';
import {S, named, reading} from '../state.js';

export function refreshUniformity() {
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
    table(['state', ...cases.map(named), 'verdict'], v.states.map((s) => [
      named(s.iso3), ...cases.map((c) => cell(s.stands.find((x) => x.case === c))), s.verdict])));
}
