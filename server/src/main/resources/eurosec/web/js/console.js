// The exercise console: sign in with an exercise's credential, see the inbox, act, read the journal.
// At sign-in it follows the cursors (next_after, X-Next-After) until it holds every procedure and
// journal entry it may see; then every five seconds it asks only for what changed since (?after=).
// It keeps the receipts of the actions it had accepted and checks the journal's signed head
// (receipts.js).

import {$, el, table} from './dom.js';
import {api, apiWithHeaders, inWords} from './api.js';
import {S} from './state.js';
import {loadReceipts, keepReceipt, receiptLines, lastHead, publicKey, checkHead} from './receipts.js';
import {DAY_MS} from './days.js';
import {actorName, inNames, inTerms, name, provisionName, regimeName, term} from './state.js';

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

/** Items asked for per page while catching up (the server allows up to 1000; 100 is its default). */
export const PAGE = 250;

const FRESH = () => ({procs: new Map(), after: 0, now: null, drawn: false, journalAfter: 0, receipts: [], key: null, cryptoKey: null,
  receiptsUrl: null, headProblems: null, busy: false});
const C = Object.assign({exercise: null, token: null, me: null, info: null, timer: null}, FRESH());

export function setupConsole() {
  $('signin-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const ex = $('exercise-id').value.trim();
    const token = $('credential').value.trim();
    if (!ex || !token) { $('console-status').textContent = 'Give the exercise id and your credential.'; return; }
    C.exercise = ex; C.token = token;
    try {
      C.info = await exApi('');
      await learnRegime(C.info.regime);
    } catch (e) {
      C.exercise = null; C.token = null;
      $('credential').value = '';
      $('console-status').textContent = 'Cannot sign in: ' + inWords(e);
      $('console-status').className = 'error';
      return;
    }
    C.me = C.info.you;
    Object.assign(C, FRESH());
    $('journal').replaceChildren();
    $('inbox').replaceChildren();
    C.receipts = loadReceipts(ex, C.me);
    $('credential').value = '';
    $('signin').hidden = true;
    $('signout').hidden = false;
    $('console').hidden = false;
    $('console-status').className = '';
    $('console-status').textContent = 'Signed in as ' + actorName(C.me) + (C.me.startsWith('delegation:') ? ' (' + C.me + ')' : '') + ' in ' + ex + '.';
    renderWhoami();
    renderReceipts();
    try {
      C.key = await exApi('/journal/key');
      C.cryptoKey = await publicKey(C.key.public_key);
    } catch (e) {
      C.key = null;
    }
    clearInterval(C.timer);
    try {
      await refreshInbox();
    } catch (e) {
      refused(e);
      if (e.status === 401) return;
    }
    C.timer = setInterval(tick, 5000);
  });
  $('signout').addEventListener('click', () => {
    clearInterval(C.timer);
    Object.assign(C, {exercise: null, token: null, me: null, info: null}, FRESH());
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
  return (await exApiWithHeaders(suffix, init)).body;
}

async function exApiWithHeaders(suffix, init) {
  const headers = Object.assign({'Authorization': 'Bearer ' + C.token}, (init && init.headers) || {});
  return apiWithHeaders('/api/exercises/' + encodeURIComponent(C.exercise) + suffix, null, Object.assign({}, init || {}, {headers}));
}

function renderWhoami() {
  const i = C.info;
  const role = C.me.startsWith('delegation:') ? 'the delegation of ' + name(C.me.slice(11)) : 'the ' + C.me;
  $('whoami').textContent = 'You are ' + role;
  const rules = el('details', {}, el('summary', {}, 'The rules of this exercise'), rulesList(i.rules));
  $('console-rules').replaceChildren(rulesLine(i), rules);
  const observer = C.me === 'observer';
  $('act-form').hidden = observer;
  $('act-result').textContent = observer ? 'An observer sees everything and can change nothing.' : '';
  const kind = $('act-kind');
  kind.replaceChildren(...i.action_kinds.map((k) => el('option', {value: k, title: k}, term(k))));
  renderActFields(kind.value);
  $('journal-section').hidden = C.me.startsWith('delegation:');
}

/** The names of a regime's own instruments (the draft treaty's), which its procedures cite. */
async function learnRegime(id) {
  if (!id || id === 'status-quo') return;
  try {
    const r = await api('/api/regimes/' + encodeURIComponent(id));
    for (const i of r.instruments || []) if (i.id && i.name) S.names[i.id] = i.name;
  } catch (e) { /* the ids stay */ }
}

/**
 * The rules as a list in words: each key in words, provisions by their instrument and article, the
 * parties by name, the engine's terms (consensus, not-counted) in words; the raw values in tooltips.
 */
function rulesList(rules) {
  const value = (k, v) => {
    if (v === true || v === false) return v ? 'yes' : 'no';
    if (Array.isArray(v)) return v.length ? v.map((x) => value(k, x)).join(', ') : 'none';
    if (v && typeof v === 'object') return rulesList(v);
    const text = String(v);
    if (k === 'provision' || text.includes('/')) return provisionName(text);
    if (/^[A-Z]{3}$/.test(text)) return name(text);
    return term(text) !== text ? term(text) : inTerms(inNames(text));
  };
  return el('dl', {class: 'rules'}, ...Object.entries(rules || {}).flatMap(([k, v]) => [
    el('dt', {}, k.replace(/_/g, ' ')),
    el('dd', {title: typeof v === 'object' ? JSON.stringify(v) : String(v)}, value(k, v))]));
}

function rulesLine(i) {
  return el('p', {}, 'Exercise ', el('strong', {}, i.exercise), ' under ', el('strong', {title: i.regime}, regimeName(i.regime)),
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
    out.textContent = 'Accepted: ' + inNames(r.summary) + ' (procedure ' + r.procedure + ', journal entry ' + (r.journal_entry ?? '–') + ').';
    keepReceipt(C.exercise, C.me, C.receipts, r.receipt);
    renderReceipts();
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

/** A refresh every five seconds, unless the one before is still catching up. */
async function tick() {
  if (C.busy) return;
  C.busy = true;
  try {
    await refreshInbox();
  } catch (e) {
    refused(e);
  } finally {
    C.busy = false;
  }
}

/**
 * Catches up: follows the procedures' cursor until nothing more has changed, redraws the inbox if
 * anything did (else only the clock and the deadlines), then the journal's new entries (depositary
 * and observers) and the signed head.
 */
async function refreshInbox() {
  if (!C.exercise) return;
  const ex = C.exercise;
  let changed = !C.drawn;
  for (let more = true; more;) {
    const p = await exApi('/procedures?after=' + C.after + '&limit=' + PAGE);
    if (C.exercise !== ex) return; // signed out meanwhile
    for (const x of p.procedures) {
      C.procs.delete(x.id); // kept in the order of their last change, as the server lists them
      C.procs.set(x.id, x);
    }
    changed = changed || p.procedures.length > 0;
    C.after = p.next_after;
    C.now = p.now;
    more = p.more;
  }
  if (changed) drawInbox(); else drawClock();
  C.drawn = true;
  if (!$('journal-section').hidden) await refreshJournal(ex);
  await refreshHead(ex);
  if ($('console-status').className === 'warn') {
    $('console-status').className = '';
    $('console-status').textContent = 'Signed in as ' + actorName(C.me) + (C.me.startsWith('delegation:') ? ' (' + C.me + ')' : '') + ' in ' + ex + '.';
  }
}

function deadlineText(deadline) {
  return 'deadline ' + when(deadline) + ' (' + remaining(deadline, C.now) + ' on the exercise clock)';
}

/** The exercise time and each open deadline's time left, without redrawing the cards. */
function drawClock() {
  const now = $('exercise-now');
  if (now) now.textContent = when(C.now);
  for (const d of $('inbox').querySelectorAll('.deadline[data-deadline]')) d.textContent = deadlineText(d.dataset.deadline);
}

function drawInbox() {
  const mine = C.me.startsWith('delegation:') ? C.me.slice(11) : null;
  const cards = [...C.procs.values()].map((x) => {
    const open = !['answered', 'no-response', 'lapsed', 'adopted', 'not-adopted', 'no-quorum', 'closed'].includes(x.status);
    const dl = x.deadline ? el('span', {class: 'deadline', 'data-deadline': x.deadline}, deadlineText(x.deadline)) : null;
    // States and provisions by name; the ids (which the action form takes) in the tooltip.
    const raw = (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) ? when(v) : Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v);
    const facts = Object.entries(x).filter(([k]) => !['id', 'kind', 'provision', 'status', 'opened', 'deadline'].includes(k))
      .map(([k, v]) => el('li', {}, el('span', {class: 'k'}, k.replace(/_/g, ' ') + ': '), el('span', {title: raw(v)}, inNames(raw(v)))));
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
      el('h3', {id: 'proc-' + x.id}, '#' + x.id + ' ', el('span', {title: x.kind}, term(x.kind)), ' ', el('span', {class: 'status', title: x.status}, term(x.status))),
      el('p', {}, 'opened ' + when(x.opened) + ' under ', el('span', {title: x.provision}, provisionName(x.provision)), '. ', open ? dl : null),
      el('ul', {class: 'facts'}, facts),
      buttons.length ? el('div', {class: 'buttons'}, buttons) : null);
  });
  $('inbox').replaceChildren(el('p', {}, 'Exercise time now: ', el('strong', {id: 'exercise-now'}, when(C.now)),
    ' · ', el('span', {id: 'inbox-count'}, cards.length + ' procedure(s)')),
    ...(cards.length ? cards : [el('p', {}, 'Nothing yet.')]));
}

/** The journal's entries written since the last one shown, appended a page at a time. */
async function refreshJournal(ex) {
  for (let more = true; more;) {
    const {body, headers} = await exApiWithHeaders('/journal?after=' + C.journalAfter + '&limit=' + PAGE);
    if (C.exercise !== ex) return;
    if (!$('journal').querySelector('tbody')) $('journal').replaceChildren(table(['#', 'exercise time', 'actor', 'kind', 'hash'], []));
    const tbody = $('journal').querySelector('tbody');
    for (const e of body) {
      tbody.append(el('tr', {}, el('th', {scope: 'row'}, String(e.seq)), el('td', {}, when(e.at)), el('td', {title: e.actor}, actorName(e.actor)), el('td', {title: e.kind, 'data-kind': e.kind}, term(e.kind)),
        el('td', {}, e.hash.slice(0, 12) + '…')));
    }
    C.journalAfter = Number(headers.get('X-Next-After') || C.journalAfter);
    more = headers.get('X-More') === 'true' && body.length > 0;
  }
}

/** The signed head, checked (receipts.js); the one last verified is what the page shows. */
async function refreshHead(ex) {
  if (!C.key) return;
  const head = await exApi('/journal/head');
  if (C.exercise !== ex) return;
  const r = await checkHead(ex, C.me, head, C.receipts, C.key, C.cryptoKey);
  C.headProblems = r.problems;
  renderHead(r.signatureChecked);
}

function renderHead(signatureChecked) {
  const last = lastHead(C.exercise, C.me);
  const out = $('head-status');
  if (C.headProblems && C.headProblems.length) {
    out.className = 'error';
    out.replaceChildren('The journal does not hold what was acknowledged: ', el('ul', {}, C.headProblems.map((p) => el('li', {}, p))),
      last ? 'Last head verified: entry ' + last.seq + ' at ' + when(last.verified_at) + '.' : '');
    return;
  }
  out.className = '';
  out.replaceChildren(last
    ? el('span', {}, 'Journal head last verified ', el('time', {datetime: last.verified_at}, when(last.verified_at).replace(' UTC', '') + ' UTC'),
      ': entry ', el('strong', {id: 'head-seq'}, String(last.seq)), ', hash ', el('code', {}, last.hash.slice(0, 16) + '…'),
      ', signed by key ', el('code', {}, last.key_id),
      signatureChecked ? ' (signature checked in this browser)' : ' (this browser cannot check Ed25519 signatures: the command line does)',
      C.receipts.length ? '; your ' + C.receipts.length + ' receipt(s) lie at or below it.' : '.')
    : 'The journal head has not been verified yet.');
}

/** The receipts kept, as a file to download for `eurosec journal verify EXERCISE --receipts FILE`. */
function renderReceipts() {
  const observer = C.me === 'observer';
  $('receipts-kept').hidden = observer;
  if (observer) return;
  const file = 'receipts-' + C.exercise + '-' + C.me.replace(':', '-') + '.jsonl';
  // A data: address (not a blob: one): what it holds can be read back as it is, by a script too.
  C.receiptsUrl = 'data:application/x-ndjson;charset=utf-8,' + encodeURIComponent(receiptLines(C.receipts));
  $('receipts-kept').replaceChildren(
    C.receipts.length + ' receipt(s) kept in this browser for ' + C.me + ' (the signed acknowledgement of each action accepted). ',
    C.receipts.length ? el('a', {id: 'receipts-download', href: C.receiptsUrl, download: file}, 'Download them (JSON lines)') : '',
    C.receipts.length ? el('span', {class: 'hint'}, ' then: ', el('code', {}, 'eurosec journal verify ' + C.exercise + ' --receipts ' + file)) : '');
}
