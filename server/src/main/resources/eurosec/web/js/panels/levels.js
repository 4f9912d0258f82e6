// The levels of security: states grouped by the exact set of binding guarantees they hold.

import {$, el, table} from '../dom.js';
import {name, provisionName, regimeName} from '../state.js';

export function renderLevels(v) {
  if (v.known === false) { $('levels-panel').replaceChildren(el('p', {class: 'warn'}, v.message)); return; }
  $('levels-panel').replaceChildren(el('p', {}, v.count + ' levels on ' + v.as_of + ' under ' + regimeName(v.regime) + ' (states grouped by the exact set of binding guarantees they hold).'),
    table(['level', 'binding guarantees (provisions)', 'states'],
      v.levels.map((l) => [String(l.level), l.provisions.length ? el('ul', {class: 'plain'}, l.provisions.map((p) => el('li', {title: p}, provisionName(p)))) : 'none',
        l.states.map(name).join(', ')])),
    // Which guarantees count, and those left out because no guarantor is generally recognised that day (with the recognitions behind it).
    el('p', {class: 'hint'}, 'Guarantees counted: ' + (v.guarantors === 'levels-guarantors=generally-recognised'
      ? 'only those with a generally recognised guarantor (recognised by more than half of the other states in the data; switch the reading levels-guarantors to count all)'
      : v.guarantors) + '.'),
    ...(v.not_counted && v.not_counted.length ? [el('ul', {class: 'not-counted'}, ...v.not_counted.map((n) => el('li', {},
      'Not counted: ' + provisionName(n.provision) + ' to ' + name(n.beneficiary) + ' from ' + n.guarantors.map(name).join(', ') + ' ('
        + n.recognition.map((r) => name(r.state) + ' recognised by ' + r.recognised_by + ' of ' + r.of + ' other states in the data').join('; ') + ')')))] : []));
}

