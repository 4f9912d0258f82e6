// What the console keeps to hold the server to its word (issue 13 point 2): the receipt of every
// action it had accepted (kept in this browser per exercise and actor, downloadable as JSON lines
// for `eurosec journal verify EXERCISE --receipts FILE`), and the signed journal head it last
// verified. Each head is checked here against the exercise's public key (Ed25519, in the browser's
// own Web Crypto where it has it), against the receipts (none may lie beyond it, the one at it must
// match) and against the head verified before (it never goes back, nor changes in place).

const SIGNED = 'eurosec-journal-receipt-v1';

const receiptsKey = (exercise, actor) => 'eurosec:receipts:' + exercise + ':' + actor;
const headKey = (exercise, actor) => 'eurosec:head:' + exercise + ':' + actor;

function read(key, otherwise) {
  try {
    const v = localStorage.getItem(key);
    return v ? JSON.parse(v) : otherwise;
  } catch (e) {
    return otherwise; // no storage here (a private window): kept in memory for this visit only
  }
}

function write(key, value) {
  try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* kept in memory only */ }
}

/** The receipts kept for this exercise and actor, oldest first. */
export function loadReceipts(exercise, actor) {
  const r = read(receiptsKey(exercise, actor), []);
  return Array.isArray(r) ? r : [];
}

/** Keeps a receipt (once), in memory and in this browser. */
export function keepReceipt(exercise, actor, receipts, receipt) {
  if (!receipt || receipts.some((x) => x.seq === receipt.seq && x.hash === receipt.hash)) return;
  receipts.push({exercise: receipt.exercise, seq: receipt.seq, hash: receipt.hash, signature: receipt.signature, key_id: receipt.key_id});
  write(receiptsKey(exercise, actor), receipts);
}

/** The receipts as `journal verify --receipts` reads them: one JSON object a line. */
export function receiptLines(receipts) {
  return receipts.map((r) => JSON.stringify(r)).join('\n') + (receipts.length ? '\n' : '');
}

export function lastHead(exercise, actor) {
  return read(headKey(exercise, actor), null);
}

function bytes(base64) {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

/** The exercise's public key for Web Crypto, or null where this browser cannot check Ed25519 (or the page is not on https/localhost). */
export async function publicKey(base64) {
  if (!globalThis.crypto || !crypto.subtle) return null;
  try {
    return await crypto.subtle.importKey('spki', bytes(base64), {name: 'Ed25519'}, false, ['verify']);
  } catch (e) {
    return null;
  }
}

const checked = new Set(); // signatures already found valid in this visit: a receipt is checked once

/** Whether the signature covers this exercise, entry and hash under the key (the text the server signs). */
export async function signatureHolds(key, r) {
  const id = r.exercise + '\n' + r.seq + '\n' + r.hash + '\n' + r.signature;
  if (checked.has(id)) return true;
  const text = new TextEncoder().encode(SIGNED + '\n' + r.exercise + '\n' + r.seq + '\n' + r.hash);
  try {
    const ok = await crypto.subtle.verify({name: 'Ed25519'}, key, bytes(r.signature), text);
    if (ok) checked.add(id);
    return ok;
  } catch (e) {
    return false;
  }
}

/**
 * Checks a head just fetched: {problems, signatureChecked}. No problem, and the head becomes the one
 * last verified (kept in this browser); otherwise the one verified before stays.
 */
export async function checkHead(exercise, actor, head, receipts, journalKey, cryptoKey) {
  const problems = [];
  const last = lastHead(exercise, actor);
  if (head.exercise !== exercise) problems.push('the head is for exercise ' + head.exercise + ', not ' + exercise);
  if (head.key_id !== journalKey.key_id) problems.push('the head is signed by key ' + head.key_id + ', not the exercise\'s key ' + journalKey.key_id);
  if (cryptoKey && !(await signatureHolds(cryptoKey, head))) problems.push('the head\'s signature is not valid for its entry and hash');
  if (last && head.seq < last.seq) {
    problems.push('the journal went back from entry ' + last.seq + ' (verified ' + last.verified_at + ') to ' + head.seq + ': acknowledged entries were removed');
  } else if (last && head.seq === last.seq && head.hash !== last.hash) {
    problems.push('entry ' + head.seq + ' is not the one verified before: the journal was rewritten');
  }
  for (const r of receipts) {
    if (r.exercise !== exercise) continue;
    if (r.key_id !== journalKey.key_id) problems.push('your receipt for entry ' + r.seq + ' is signed by key ' + r.key_id + ', not the exercise\'s key ' + journalKey.key_id);
    else if (cryptoKey && !(await signatureHolds(cryptoKey, r))) problems.push('your receipt for entry ' + r.seq + ' does not carry a valid signature');
    if (r.seq > head.seq) problems.push('your receipt for entry ' + r.seq + ' lies beyond the head (entry ' + head.seq + '): the journal was cut short');
    else if (r.seq === head.seq && r.hash !== head.hash) problems.push('the head, entry ' + r.seq + ', is not the entry your receipt acknowledged');
  }
  if (!problems.length) {
    write(headKey(exercise, actor), {seq: head.seq, hash: head.hash, key_id: head.key_id, verified_at: new Date().toISOString()});
  }
  return {problems, signatureChecked: !!cryptoKey};
}
