// The levels of security: states grouped by the exact set of binding guarantees they hold.

import {$, el, table} from '../dom.js';
import {name} from '../state.js';

export function renderLevels(v) {
  if (v.known === false) { $('levels-panel').replaceChildren(el('p', {class: 'warn'}, v.message)); return; }
  $('levels-panel').replaceChildren(el('p', {}, v.count + ' levels on ' + v.as_of + ' under ' + v.regime + ' (states grouped by the exact set of binding guarantees they hold).'),
    table(['level', 'binding guarantees (provisions)', 'states'],
      v.levels.map((l) => [String(l.level), l.provisions.length ? l.provisions.join(', ') : 'none', l.states.map(name).join(', ')])));
}

