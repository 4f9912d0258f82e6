// Blocs: the systems of defence ties, each its own colour, and the buffer tied to no one. The buffer
// keeps the orange of "not covered"; the systems' colours stay far from it for every common colour
// vision (CIEDE2000 of at least 28 under the simulated deficiencies; ReportColoursTest checks all five,
// the browser test the legend's pairs). Okabe-Ito's green and purple were too close to that orange.

import {api} from '../api.js';
import {MORE, OI} from '../palette.js';

/** What ties a system, in words: the organisations and instruments all its ties share, or else its most frequent ones. */
export function tiedThrough(row, names) {
  const named = (id) => names[id] || id;
  if (!row.label.startsWith('mixed')) return 'tied through ' + row.label.split('+').map(named).join(' and ');
  const ids = Object.keys(row.ties_through || {});
  const more = ids.length - 3;
  return 'tied mostly through ' + ids.slice(0, 3).map(named).join(', ') + (more > 0 ? ' and ' + more + ' more' : '');
}

export default {
  load: (base) => api('/api/blocs', base).then((d) => d.views[0]),
  paint(covered, blocs) {
    const byState = {};
    const legend = [];
    if (!blocs || blocs.known === false) return {byState, legend};
    const palette = [OI.blue, OI.sky, OI.black, MORE.wine, MORE.grey];
    (blocs.systems || []).forEach((sys, i) => {
      const fill = palette[i % palette.length];
      legend.push({fill, label: 'system ' + (i + 1) + ' (' + sys.size + ' states), ' + tiedThrough(sys, blocs.names || {})});
      for (const m of sys.members) byState[m] = {fill, label: 'system ' + (i + 1)};
    });
    legend.push({fill: OI.orange, label: 'buffer: tied to no one (' + (blocs.buffer || []).length + ')'});
    for (const m of blocs.buffer || []) byState[m] = {fill: OI.orange, label: 'buffer'};
    return {byState, legend};
  },
};
