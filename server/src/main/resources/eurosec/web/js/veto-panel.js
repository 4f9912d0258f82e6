// The panel beside the map: who may block the chosen accession, by provision.

import {$, el} from './dom.js';
import {jsonLink} from './api.js';
import {S, inTerms, name, named, provisionName, regimeName, reading} from './state.js';

export function renderVeto() {
  const body = $('veto-body');
  const applicant = S.applicantShown;
  $('veto-title').textContent = 'Who may block ' + name(applicant) + ' joining ' + S.organisation.toUpperCase();
  // The state chosen did not exist that day: the page asks about the one that then held its territory (or Georgia's holder).
  const instead = applicant !== S.applicant
    ? el('p', {class: 'hint', id: 'veto-instead'}, name(S.applicant) + ' does not exist on ' + S.date + '; shown instead: ' + name(applicant) + '.')
    : null;
  if (!S.veto) { body.replaceChildren(el('p', {class: 'error'}, (S.vetoError || '').replace(/^[a-z_]+: /, ''))); return; }
  if (S.veto.known === false || !S.veto.may_block) { body.replaceChildren(el('p', {class: 'warn'}, S.veto.message || 'unknown')); return; }
  if (S.veto.already_member) {
    body.replaceChildren(el('p', {id: 'veto-member'}, name(S.veto.applicant) + ' is already a member of ' + S.veto.organisation.toUpperCase()
      + ' on ' + S.veto.as_of + ': there is no accession to block.'));
    return;
  }
  const groups = new Map();
  for (const m of S.veto.may_block) {
    if (!groups.has(m.provision)) groups.set(m.provision, {how: m.how, actors: []});
    groups.get(m.provision).actors.push(m.actor);
  }
  const parts = [el('p', {}, 'Under ', el('strong', {}, regimeName(S.veto.regime)), ' on ', S.veto.as_of, ': ',
    el('strong', {id: 'veto-count'}, String(new Set(S.veto.may_block.map((m) => m.actor)).size)), ' may block. ',
    jsonLink('/api/veto', {date: S.date, regime: S.regime, interpretation: reading(), applicant, organisation: S.organisation}))];
  if (instead) parts.unshift(instead);
  if (S.veto.prohibited_by && S.veto.prohibited_by.length) {
    parts.push(el('p', {class: 'warn'}, 'Prohibited by: ' + S.veto.prohibited_by.map((p) => provisionName(p.provision || p)).join(', ')));
  }
  const dl = el('dl', {id: 'veto-list'});
  for (const [prov, g] of groups) {
    dl.append(el('dt', {title: prov}, provisionName(prov), ' ', el('small', {title: g.how}, inTerms(g.how))),
      el('dd', {'data-provision': prov}, g.actors.map(named).join(', ')));
  }
  if (!groups.size) dl.append(el('dd', {}, 'No one: no provision gives a right to block.'));
  parts.push(dl);
  body.replaceChildren(...parts);
}
