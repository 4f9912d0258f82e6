// Blocs: the systems of defence ties, each its own colour, and the buffer tied to no one.

import {api} from '../api.js';
import {OI} from '../palette.js';

export default {
  load: (base) => api('/api/blocs', base).then((d) => d.views[0]),
  paint(covered, blocs) {
    const byState = {};
    const legend = [];
    if (!blocs) return {byState, legend};
    const palette = [OI.blue, OI.vermillion, OI.green, OI.purple, OI.sky, OI.yellow, OI.black];
    (blocs.systems || []).forEach((sys, i) => {
      const fill = palette[i % palette.length];
      legend.push({fill, label: 'system ' + (i + 1) + ': ' + sys.label + ' (' + sys.size + ')'});
      for (const m of sys.members) byState[m] = {fill, label: 'system ' + (i + 1) + ' (' + sys.label + ')'};
    });
    legend.push({fill: OI.orange, label: 'buffer: tied to no one (' + (blocs.buffer || []).length + ')'});
    for (const m of blocs.buffer || []) byState[m] = {fill: OI.orange, label: 'buffer'};
    return {byState, legend};
  },
};
