// The Panels view: each panel asks its route for the chosen day, regime and reading, once per change.

import {$, el} from '../dom.js';
import {api, jsonLink} from '../api.js';
import {S, reading} from '../state.js';
import {renderTimeline} from './timeline.js';
import {renderLevels} from './levels.js';
import {renderOverlap} from './overlap.js';
import {renderPositions} from './positions.js';
import {refreshUniformity} from './uniformity.js';

export async function refreshPanels() {
  const key = S.date + '|' + S.regime + '|' + reading().join(',');
  if (S.panelsFor === key) return;
  S.panelsFor = key;
  const base = {date: S.date, regime: S.regime, interpretation: reading()};
  const fail = (id) => (e) => $(id).replaceChildren(el('p', {class: 'error'}, e.message));
  const timeline = {regime: S.regime, from: 1975, to: S.checked.slice(0, 4), on: S.date.slice(5) === '02-29' ? '02-28' : S.date.slice(5), interpretation: reading()};
  const sources = {'timeline-chart': ['/api/timeline', timeline], 'levels-panel': ['/api/levels', base],
    'overlap-panel': ['/api/overlap', base], 'positions-panel': ['/api/positions', base]};
  const withLink = (id, render) => (d) => { render(d); $(id).prepend(el('p', {class: 'source-link'}, jsonLink(...sources[id]))); };
  api('/api/timeline', timeline).then(withLink('timeline-chart', renderTimeline)).catch(fail('timeline-chart'));
  api('/api/levels', base).then(withLink('levels-panel', (d) => renderLevels(d.views[0]))).catch(fail('levels-panel'));
  api('/api/overlap', base).then(withLink('overlap-panel', (d) => renderOverlap(d.views[0]))).catch(fail('overlap-panel'));
  api('/api/positions', base).then(withLink('positions-panel', renderPositions)).catch(fail('positions-panel'));
  refreshUniformity();
}
