// The exercise console: sign in with an exercise's credential, see the inbox, act, read the journal.

import {$, el, table} from './dom.js';
import {api, inWords} from './api.js';
import {DAY_MS} from './days.js';
import {name} from './state.js';

const ACTION_FIELDS = {
  'request-information': [['to', 'state'], ['subject', 'text']],
  'reply': [['procedure', 'number'], ['text', 'textarea']],
  'request-consultations': [['with', 'states'], ['subject', 'text']],
  'schedule-consultations': [['procedure', 'number'], ['at', 'instant']],
  'join-consultations': [['procedure', 'number']],
  'propose-conference': [['consultation', 'number'], ['subject', 'text']],
  'support-conference': [['procedure', 'number']],
  'notify-attack': [['attacker', 'state'], ['victim', 'state'], ['threat_only', 'flag']],
  'attend': [['procedure', 'number']],
  'vote': [['procedure', 'number'], ['ballot', 'ballot']],
  'notify-activity': [['name', 'text'], ['start', 'day'], ['troops', 'number'], ['battle_tanks', 'number'], ['acv', 'number'], ['artillery', 'number']],
  'accept-observation': [['procedure', 'number']],
  'submit-annual-information': [['year', 'number']],
};

const C = {exercise: null, token: null, me: null, info: null, timer: null};

export function setupConsole() {
  $('signin-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const ex = $('exercise-id').value.trim();
    const token = $('credential').value.trim();
    if (!ex || !token) { $('console-status').textContent = 'Give the exercise id and your credential.'; return; }
    C.exercise = ex; C.token = token;
    try {
      C.info = await exApi('');
    } catch (e) {
      C.exercise = null; C.token = null;
      $('credential').value = '';
      $('console-status').textContent = 'Cannot sign in: ' + inWords(e);
      $('console-status').className = 'error';
      return;
    }
    C.me = C.info.you;
    $('credential').value = '';
    $('signin').hidden = true;
    $('signout').hidden = false;
    $('console').hidden = false;
    $('console-status').className = '';
    $('console-status').textContent = 'Signed in as ' + C.me + ' in ' + ex + '.';
    renderWhoami();
    await refreshInbox();
    clearInterval(C.timer);
    C.timer = setInterval(() => refreshInbox().catch(refused), 5000);
  });
  $('signout').addEventListener('click', () => {
    clearInterval(C.timer);
    Object.assign(C, {exercise: null, token: null, me: null, info: null});
    $('console').hidden = true; $('signin').hidden = false; $('signout').hidden = true;
    $('console-status').textContent = 'Signed out.';
  });
  const kind = $('act-kind');
  kind.addEventListener('change', () => renderActFields(kind.value));
  $('act-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const body = {kind: kind.value};
    for (const [f, type] of ACTION_FIELDS[kind.value] || []) {
      const input = $('act-' + f);
      const v = type === 'flag' ? input.checked : input.value.trim();
      if (v === '' || v === undefined) continue;
      if (type === 'number') body[f] = Number(v);
      else if (type === 'states') body[f] = v.split(/[ ,]+/).filter(Boolean);
      else if (type === 'state') body[f] = v.toUpperCase();
      else body[f] = v;
    }
    await act(body);
  });
}

export async function exApi(suffix, init) {
  const headers = Object.assign({'Authorization': 'Bearer ' + C.token}, (init && init.headers) || {});
  return api('/api/exercises/' + encodeURIComponent(C.exercise) + suffix, null, Object.assign({}, init || {}, {headers}));
}

function renderWhoami() {
  const i = C.info;
  const role = C.me.startsWith('delegation:') ? 'the delegation of ' + name(C.me.slice(11)) : 'the ' + C.me;
  $('whoami').textContent = 'You are ' + role;
  const rules = el('details', {}, el('summary', {}, 'The rules of this exercise'), el('pre', {}, JSON.stringify(i.rules, null, 2)));
  $('console-rules').replaceChildren(rulesLine(i), rules);
  const observer = C.me === 'observer';
  $('act-form').hidden = observer;
  $('act-result').textContent = observer ? 'An observer sees everything and can change nothing.' : '';
  const kind = $('act-kind');
  kind.replaceChildren(...i.action_kinds.map((k) => el('option', {value: k}, k)));
  renderActFields(kind.value);
  $('journal-section').hidden = C.me.startsWith('delegation:');
}

function rulesLine(i) {
  return el('p', {}, 'Exercise ', el('strong', {}, i.exercise), ' under ', el('strong', {}, i.regime),
    '; exercise clock: ', i.clock.mode, i.clock.mode !== 'real' ? ' ×' + i.clock.factor : '', '. ', i.actions_accepted + ' action(s) accepted in all.');
}

function renderActFields(kind) {
  const box = $('act-fields');
  box.replaceChildren(...(ACTION_FIELDS[kind] || []).map(([f, type]) => {
    const id = 'act-' + f;
    const label = el('label', {for: id}, f.replace('_', ' ') + (type === 'states' ? ' (state ids, comma-separated)' : type === 'instant' ? ' (e.g. 2009-12-05T10:00:00Z)' : type === 'day' ? ' (YYYY-MM-DD)' : ''));
    let input;
    if (type === 'textarea') input = el('textarea', {id, rows: 3});
    else if (type === 'flag') input = el('input', {id, type: 'checkbox'});
    else if (type === 'ballot') input = el('select', {id}, ['yes', 'no', 'abstain'].map((b) => el('option', {value: b}, b)));
    else input = el('input', {id, type: type === 'number' ? 'number' : 'text', min: type === 'number' ? 0 : null, size: type === 'state' ? 4 : null});
    return el('div', {class: 'control'}, label, input);
  }));
}

function fillAction(kind, values) {
  $('act-kind').value = kind;
  renderActFields(kind);
  for (const [k, v] of Object.entries(values)) if ($('act-' + k)) $('act-' + k).value = v;
  $('act-fields').querySelector('textarea, input:not([type=number])')?.focus();
}

async function act(body) {
  const out = $('act-result');
  try {
    const r = await exApi('/actions', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)});
    out.className = 'ok';
    out.textContent = 'Accepted: ' + r.summary + ' (procedure ' + r.procedure + ', journal entry ' + (r.journal_entry ?? '–') + ').';
    renderActFields($('act-kind').value);
    C.info = await exApi('');
    $('console-rules').querySelector('p').replaceWith(rulesLine(C.info));
    await refreshInbox();
  } catch (e) {
    out.className = 'error';
    out.textContent = 'Refused: ' + inWords(e);
    if (e.status === 401) refused(e);
  }
}

/**
 * A refresh that failed: a credential revoked or replaced meanwhile (401) ends the session at once
 * and says so; anything else is said and the next refresh tries again.
 */
function refused(e) {
  if (e.status === 401) {
    clearInterval(C.timer);
    $('console-status').className = 'error';
    $('console-status').textContent = 'No longer signed in: ' + inWords(e) + '. Ask the administrator for a new credential.';
    $('act-form').hidden = true;
  } else {
    $('console-status').className = 'warn';
    $('console-status').textContent = 'Could not refresh (tried again in 5 s): ' + inWords(e);
  }
}

/** An instant as people read it: 2009-12-01 09:00 UTC. */
function when(instant) {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(instant || '');
  return m ? m[1] + ' ' + m[2] + ' UTC' : String(instant);
}

function remaining(deadline, now) {
  const ms = Date.parse(deadline) - Date.parse(now);
  if (isNaN(ms)) return '';
  if (ms <= 0) return 'passed';
  const d = Math.floor(ms / DAY_MS), h = Math.floor((ms % DAY_MS) / 3600000);
  return 'in ' + (d ? d + ' d ' : '') + h + ' h';
}

async function refreshInbox() {
  if (!C.exercise) return;
  const p = await exApi('/procedures');
  const mine = C.me.startsWith('delegation:') ? C.me.slice(11) : null;
  const cards = p.procedures.map((x) => {
    const open = !['answered', 'no-response', 'lapsed', 'adopted', 'not-adopted', 'no-quorum', 'closed'].includes(x.status);
    const dl = x.deadline ? el('span', {class: 'deadline'}, 'deadline ' + when(x.deadline) + ' (' + remaining(x.deadline, p.now) + ' on the exercise clock)') : null;
    const shown = (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) ? when(v) : Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v);
    const facts = Object.entries(x).filter(([k]) => !['id', 'kind', 'provision', 'status', 'opened', 'deadline'].includes(k))
      .map(([k, v]) => el('li', {}, el('span', {class: 'k'}, k.replace(/_/g, ' ') + ': '), shown(v)));
    const buttons = [];
    const btn = (label, kind, values) => buttons.push(el('button', {type: 'button', onclick: () => fillAction(kind, values)}, label));
    if (mine && open) {
      if (x.kind === 'information-request' && x.to === mine && !x.reply) btn('Reply…', 'reply', {procedure: x.id});
      if (x.kind === 'consultations') {
        btn('Schedule…', 'schedule-consultations', {procedure: x.id});
        btn('Propose a conference…', 'propose-conference', {consultation: x.id});
        if (!(x.participants || []).includes(mine)) btn('Join', 'join-consultations', {procedure: x.id});
      }
      if (x.kind.includes('conference')) {
        btn('Support…', 'support-conference', {procedure: x.id});
        btn('Attend…', 'attend', {procedure: x.id});
        btn('Vote…', 'vote', {procedure: x.id});
      }
      if (x.kind === 'activity-notification' && x.by !== mine) btn('Accept observation…', 'accept-observation', {procedure: x.id});
    }
    if (C.me === 'depositary' && x.kind === 'consultations' && open) btn('Schedule…', 'schedule-consultations', {procedure: x.id});
    return el('article', {class: 'procedure' + (open ? '' : ' closed'), 'data-procedure': x.id, 'data-kind': x.kind, 'aria-labelledby': 'proc-' + x.id},
      el('h3', {id: 'proc-' + x.id}, '#' + x.id + ' ' + x.kind + ' ', el('span', {class: 'status'}, x.status)),
      el('p', {}, 'opened ' + when(x.opened) + ' under ' + x.provision + '. ', open ? dl : null),
      el('ul', {class: 'facts'}, facts),
      buttons.length ? el('div', {class: 'buttons'}, buttons) : null);
  });
  $('inbox').replaceChildren(el('p', {}, 'Exercise time now: ', el('strong', {id: 'exercise-now'}, when(p.now))),
    ...(cards.length ? cards : [el('p', {}, 'Nothing yet.')]));
  if (!$('journal-section').hidden) {
    const j = await exApi('/journal');
    $('journal').replaceChildren(table(['#', 'exercise time', 'actor', 'kind', 'hash'],
      j.map((e) => [String(e.seq), when(e.at), e.actor, e.kind, e.hash.slice(0, 12) + '…'])));
  }
}
