// Levels of security: by the number of binding guarantees a state holds, darker blue for more; none
// in the orange of "not covered" (far from every blue for every common colour vision).

import {api} from '../api.js';
import {OI} from '../palette.js';

export default {
  load: (base) => api('/api/levels', base).then((d) => d.views[0]),
  paint(covered, levels) {
    const byState = {};
    const legend = [];
    if (!levels) return {byState, legend};
    const counts = levels.levels.map((l) => l.provisions.length);
    const max = Math.max(1, ...counts);
    const scale = (n) => d3.interpolateBlues(0.45 + 0.55 * (n / max));
    const seen = new Set();
    for (const l of [...levels.levels].sort((a, b) => a.provisions.length - b.provisions.length)) {
      const n = l.provisions.length;
      const fill = n === 0 ? OI.orange : scale(n);
      if (!seen.has(n)) { seen.add(n); legend.push({fill, label: n === 0 ? 'no binding guarantee' : n + ' binding guarantee' + (n > 1 ? 's' : '')}); }
      for (const m of l.states) byState[m] = {fill, label: 'level ' + l.level + ': ' + n + ' guarantee(s)'};
    }
    return {byState, legend};
  },
};
