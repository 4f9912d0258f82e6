// The administration view: sign in with the administrator's credential, create an exercise, issue,
// rotate and revoke credentials, close an exercise. Every button here is one call under /api/admin,
// the same routes `eurosec exercise new|issue|rotate|revoke|credentials|close` and a script use.
// A new credential is shown once, beside a copy button: the server keeps only its hash.

import {$, el} from './dom.js';
import {api, inWords} from './api.js';

const A = {token: null, exercise: null, closing: null};

/** An admin call with the credential signed in; a body is sent as JSON. */
export function adminApi(suffix, method, body) {
  const init = {method: method || 'GET', headers: {'Authorization': 'Bearer ' + A.token}};
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  return api('/api/admin/exercises' + suffix, null, init);
}

function say(id, text, kind) {
  $(id).textContent = text;
  $(id).className = kind || '';
}

export function setupAdmin(regimes) {
  const sel = $('admin-regime');
  sel.replaceChildren(...regimes.map((r) => el('option', {value: r.id, title: r.summary}, r.id + ': ' + r.name)));
  if (regimes.some((r) => r.id === 'est-2009')) sel.value = 'est-2009';
  const clock = $('admin-clock');
  const factorShown = () => { $('admin-factor-control').hidden = clock.value !== 'accelerated'; };
  clock.addEventListener('change', factorShown);
  factorShown();

  $('admin-signin-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const token = $('admin-credential').value.trim();
    if (!token) { say('admin-status', 'Give the administrator\'s credential (esa_…).', 'error'); return; }
    A.token = token;
    try {
      await listExercises();
    } catch (e) {
      A.token = null;
      say('admin-status', 'Cannot sign in: ' + inWords(e), 'error');
      return;
    }
    $('admin-credential').value = '';
    signedIn(true);
    $('admin').hidden = false;
    say('admin-status', 'Signed in as the administrator.');
  });
  $('admin-signout').addEventListener('click', () => {
    Object.assign(A, {token: null, exercise: null, closing: null});
    $('admin').hidden = true;
    $('admin-manage').hidden = true;
    signedIn(false);
    for (const id of ['admin-new-result', 'admin-manage-result']) say(id, '');
    for (const id of ['admin-new-credentials', 'admin-secret', 'admin-exercises', 'admin-credentials']) $(id).replaceChildren();
    say('admin-status', 'Signed out.');
    $('admin-credential').focus();
  });

  $('admin-new-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const body = {regime: sel.value, day: $('admin-day').value.trim(), clock: clock.value};
    if ($('admin-instrument').value.trim()) body.instrument = $('admin-instrument').value.trim();
    if (clock.value === 'accelerated') {
      const f = $('admin-factor').value.trim();
      if (f !== '') body.factor = Number(f);
    }
    for (const f of ['reply_within', 'hold_within', 'support_window', 'voting_window']) {
      const v = $('admin-' + f).value.trim();
      if (v) body[f] = v;
    }
    $('admin-new-credentials').replaceChildren();
    try {
      const r = await adminApi('', 'POST', body);
      say('admin-new-result', 'Created exercise ' + r.exercise + ' under ' + r.regime + '. Its ' + Object.keys(r.credentials).length
        + ' credentials are shown below, once: copy or download them now; the server keeps only their hashes.', 'ok');
      $('admin-new-credentials').replaceChildren(createdCredentials(r));
      await listExercises();
    } catch (e) {
      say('admin-new-result', 'Not created: ' + inWords(e), 'error');
      if (e.field && $('admin-' + e.field)) $('admin-' + e.field).focus();
    }
  });

  $('admin-issue-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    // The button pressed says which: issue a further credential, or rotate (issue and revoke the others).
    const rotate = ev.submitter && ev.submitter.value === 'rotate';
    await issue($('admin-actor').value.trim(), rotate);
  });

  $('admin-close-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const button = $('admin-close');
    // Closing is for good: the first press asks, the second closes.
    if (A.closing !== A.exercise) {
      A.closing = A.exercise;
      button.textContent = 'Press again to close ' + A.exercise + ' for good';
      say('admin-manage-result', 'Closing makes the exercise read-only: no action is accepted after it. Press the button again to close it.', 'warn');
      return;
    }
    try {
      const r = await adminApi('/' + encodeURIComponent(A.exercise) + '/close', 'POST', {reason: $('admin-close-reason').value.trim()});
      say('admin-manage-result', 'Closed ' + r.exercise + ' (journal entry ' + r.receipt.seq + '). It still answers readings; it accepts no action.', 'ok');
      await listExercises();
      await manage(A.exercise);
    } catch (e) {
      say('admin-manage-result', 'Not closed: ' + inWords(e), 'error');
    }
  });
}

/** Signed in, the credential's field and its hint give way to the sign-out button. */
function signedIn(yes) {
  for (const id of ['admin-signin', 'admin-credential-help']) $(id).hidden = yes;
  $('admin-credential').closest('.control').hidden = yes;
  $('admin-signout').hidden = !yes;
}

async function listExercises() {
  const r = await adminApi('');
  const rows = r.exercises.map((x) => el('tr', {'data-exercise': x.exercise},
    el('th', {scope: 'row'}, x.exercise),
    el('td', {}, x.regime),
    el('td', {}, x.created_at),
    el('td', {}, String(x.journal_entries)),
    el('td', {}, x.closed_at ? 'closed ' + x.closed_at : 'open'),
    el('td', {}, el('button', {type: 'button', 'aria-label': 'Manage ' + x.exercise, onclick: () => manage(x.exercise)}, 'Manage'))));
  $('admin-exercises').replaceChildren(rows.length
    ? el('div', {class: 'wide'}, el('table', {},
      el('thead', {}, el('tr', {}, ['exercise', 'regime', 'created', 'journal entries', 'state', ''].map((h) => el('th', {scope: 'col'}, h)))),
      el('tbody', {}, rows)))
    : el('p', {}, 'No exercise yet.'));
}

/** Opens one exercise's credentials and its closing. */
async function manage(exercise) {
  A.exercise = exercise;
  A.closing = null;
  $('admin-close').textContent = 'Close this exercise…';
  $('admin-manage').hidden = false;
  $('admin-manage-title').textContent = 'Exercise ' + exercise;
  $('admin-secret').replaceChildren();
  await listCredentials();
  $('admin-manage-title').focus();
}

async function listCredentials() {
  let r;
  try {
    r = await adminApi('/' + encodeURIComponent(A.exercise) + '/credentials');
  } catch (e) {
    say('admin-manage-result', 'Cannot list the credentials: ' + inWords(e), 'error');
    return;
  }
  // Rotating and revoking act on all of an actor's credentials: the buttons stand on its first valid one.
  const buttoned = new Set();
  const rows = r.credentials.map((c) => {
    const live = !c.revoked_at;
    const buttons = live && !buttoned.has(c.actor);
    if (live) buttoned.add(c.actor);
    return el('tr', {'data-actor': c.actor, 'data-credential': c.id, class: live ? '' : 'absent'},
      el('th', {scope: 'row'}, c.actor),
      el('td', {}, el('code', {}, c.id)),
      el('td', {}, c.issued_at || '—'),
      el('td', {}, live ? 'valid' : 'revoked ' + c.revoked_at),
      el('td', {}, buttons ? el('span', {class: 'buttons'},
        el('button', {type: 'button', 'aria-label': 'Rotate the credentials of ' + c.actor, onclick: () => issue(c.actor, true)}, 'Rotate'),
        el('button', {type: 'button', 'aria-label': 'Revoke every credential of ' + c.actor, onclick: () => revoke(c.actor)}, 'Revoke')) : ''));
  });
  $('admin-credentials').replaceChildren(el('div', {class: 'wide'}, el('table', {},
    el('caption', {}, r.credentials.length + ' credential(s); a revoked one is refused (401) at once'),
    el('thead', {}, el('tr', {}, ['actor', 'id', 'issued', 'state', ''].map((h) => el('th', {scope: 'col'}, h)))),
    el('tbody', {}, rows))));
}

async function issue(actor, rotate) {
  if (!actor) { say('admin-manage-result', 'Name the actor: delegation:ISO3, depositary or observer.', 'error'); $('admin-actor').focus(); return; }
  try {
    const r = await adminApi('/' + encodeURIComponent(A.exercise) + '/credentials' + (rotate ? '/rotate' : ''), 'POST', {actor});
    say('admin-manage-result', (rotate ? 'Rotated: ' + r.revoked + ' earlier credential(s) of ' + r.actor + ' revoked; the new one' : 'Issued a credential for ' + r.actor + ';')
      + ' is shown once above the list.', 'ok');
    $('admin-secret').replaceChildren(secret(r.actor, r.credential, 'admin-new-secret'));
    await listCredentials();
    $('admin-new-secret').focus();
  } catch (e) {
    say('admin-manage-result', (rotate ? 'Not rotated: ' : 'Not issued: ') + inWords(e), 'error');
  }
}

async function revoke(actor) {
  try {
    const r = await adminApi('/' + encodeURIComponent(A.exercise) + '/credentials/revoke', 'POST', {actor});
    say('admin-manage-result', 'Revoked ' + r.revoked + ' credential(s) of ' + r.actor + ': refused (401) from now on.', 'ok');
    $('admin-secret').replaceChildren();
    await listCredentials();
  } catch (e) {
    say('admin-manage-result', 'Not revoked: ' + inWords(e), 'error');
  }
}

/** A new credential, shown once: read-only text to select, and a button that copies it. */
function secret(actor, token, id) {
  const input = el('input', {id, type: 'text', readonly: true, value: token, size: Math.min(token.length, 48), 'aria-label': 'New credential of ' + actor, class: 'secret'});
  const done = el('span', {class: 'hint', role: 'status'});
  const copy = el('button', {type: 'button', 'aria-label': 'Copy the credential of ' + actor, onclick: () => copyText(input, done)}, 'Copy');
  return el('div', {class: 'control secret-line'}, el('label', {for: id}, actor), input, copy, done);
}

async function copyText(input, done) {
  try {
    await navigator.clipboard.writeText(input.value);
    done.textContent = 'Copied.';
  } catch (e) {
    // No clipboard here (a page not on localhost or https): select it for Ctrl+C.
    input.focus();
    input.select();
    done.textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
  }
}

/** The credentials of a new exercise: one line each with its copy button, and the lot as a JSON file. */
function createdCredentials(r) {
  const entries = Object.entries(r.credentials);
  const json = JSON.stringify({exercise: r.exercise, credentials: r.credentials, journal_key: r.journal_key}, null, 2) + '\n';
  const download = el('a', {href: URL.createObjectURL(new Blob([json], {type: 'application/json'})), download: r.exercise + '-credentials.json', class: 'json'},
    'Download all ' + entries.length + ' credentials (JSON)');
  return el('div', {},
    el('p', {}, download, ' Journal key ', el('code', {}, r.journal_key.key_id), ' (Ed25519): receipts of this exercise are signed with it.'),
    el('details', {open: entries.length <= 12},
      el('summary', {}, 'The credentials one by one'),
      entries.map(([actor, token], i) => secret(actor, token, 'admin-created-' + i))));
}
