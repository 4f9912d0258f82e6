// Who may block the chosen accession: the applicant (black), those who may block (vermillion; by which
// provisions), the others (sky blue): three colours far apart for every common colour vision.
// The veto answer is asked on every refresh (the veto panel shows it too), so this colouring loads nothing more.

import {OI} from '../palette.js';
import {S, name, provisionName} from '../state.js';

export default {
  paint(covered) {
    const byState = {};
    const legend = [];
    const veto = S.veto;
    if (!veto || !veto.may_block) return {byState, legend};
    legend.push({fill: OI.black, label: 'applicant: ' + name(veto.applicant)},
      {fill: OI.vermillion, label: 'may block the accession'}, {fill: OI.sky, label: 'cannot block'});
    for (const iso of Object.keys(covered)) byState[iso] = {fill: OI.sky, label: 'cannot block'};
    const through = {};
    for (const m of veto.may_block) (through[m.actor] = through[m.actor] || []).push(m.provision);
    for (const [actor, ps] of Object.entries(through)) byState[actor] = {fill: OI.vermillion, label: 'may block (' + ps.map((p) => provisionName(p)).join('; ') + ')'};
    byState[veto.applicant] = {fill: OI.black, label: 'applicant'};
    return {byState, legend};
  },
};
