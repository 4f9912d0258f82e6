// Coverage by a binding defence guarantee: covered or not.

import {OI} from '../palette.js';

export default {
  paint(covered) {
    const byState = {};
    const legend = [{fill: OI.blue, label: 'covered by a binding defence guarantee'}, {fill: OI.orange, label: 'not covered'}];
    for (const [iso, c] of Object.entries(covered)) byState[iso] = c ? {fill: OI.blue, label: 'covered'} : {fill: OI.orange, label: 'not covered'};
    return {byState, legend};
  },
};
