// The stated positions on the brief's four questions, and each regime's answers.

import {$, el, link, table} from '../dom.js';
import {name, named, provisionName, regimeName} from '../state.js';

/** The instruments or provisions an answer rests on, in words: "Charter of Paris for a New Europe [politico-military, human]". */
function because(items) {
  return el('ul', {class: 'plain'}, items.map((b) => {
    const m = /^(\S+)(?: \[(.*)\])?$/.exec(b);
    return el('li', {title: m ? m[1] : b}, m ? provisionName(m[1]) + (m[2] ? ' [' + m[2] + ']' : '') : b);
  }));
}

export function renderPositions(d) {
  if (d.known === false) { $('positions-panel').replaceChildren(el('p', {class: 'warn'}, d.message)); return; }
  const out = [];
  for (const r of d.regimes || []) {
    out.push(el('h3', {}, 'What ' + regimeName(r.regime) + ' answers'));
    out.push(table(['question', 'answer', 'because', 'rule'], r.answers.map((a) => [a.question, a.answer, because(a.because || []), a.rule])));
  }
  // Who would block each regime, and why: the regime's answer, the latest statement that contradicts it
  // (its date, who made it, its source) and the earlier statement it replaced; the proposer's statements set aside.
  const statement = (p) => el('span', {}, p.answer + ' (' + p.date + (p.strength === 'inferred' ? ', inferred' : '') + ', ' + p.said_by + ') ',
    link(p.source), p.supersedes ? ', replacing ' + p.supersedes.answer + ' (' + p.supersedes.date + ')' : '');
  for (const r of d.regimes || []) {
    const answerOf = (q) => (r.answers.find((a) => a.question === q) || {}).answer;
    const rows = r.objections.map((o) => [named(o.actor), 'blocks', o.question, answerOf(o.question), statement(o)]);
    if (r.proposer) {
      const p = r.proposer;
      rows.push([named(p.actor), el('span', {}, 'accepts as its proposer (' + p.proposed + ', ', link(p.source), '; ' + p.reading + ')'),
        p.set_aside.map((o) => o.question).join(', ') || '', p.set_aside.map((o) => answerOf(o.question)).join(', '),
        p.set_aside.length ? el('span', {}, 'set aside: ', ...p.set_aside.map(statement)) : '']);
    }
    if (rows.length) {
      out.push(el('h3', {}, 'Who would block ' + r.regime + ', and why'));
      out.push(table(['state', 'verdict', 'question', r.regime + ' answers', 'its latest statement on it'], rows));
    }
  }
  if (d.rule) out.push(el('p', {class: 'hint'}, d.rule));
  const questions = ['architecture', 'form', 'scope', 'veto'];
  const states = Object.keys(d.positions || {}).sort((a, b) => name(a).localeCompare(name(b)));
  out.push(el('h3', {}, 'Latest stated positions on ' + d.as_of));
  out.push(table(['state', ...questions], states.map((iso) => [named(iso), ...questions.map((q) => {
    const p = d.positions[iso][q];
    if (!p) return 'unknown';
    return el('span', {}, p.answer + (p.strength === 'inferred' ? ' (inferred)' : '') + ', ' + p.date + ' ', link(p.source));
  })])));
  if (d.variants && d.variants.length) {
    out.push(el('h3', {}, 'Combinations with the fewest known blockers'));
    out.push(table(['architecture', 'form', 'scope', 'veto', 'blockers', 'regimes'], d.variants.map((v) =>
      [v.answers.architecture, v.answers.form, v.answers.scope, v.answers.veto, v.blockers.map(name).join(', ') || 'none known',
        v.regimes.map(regimeName).join(', ')])));
  }
  $('positions-panel').replaceChildren(...out);
}
