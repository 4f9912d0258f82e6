// The API client: every figure on the page comes through here, from this server's /api.

import {el} from './dom.js';

export class ApiError extends Error {
  constructor(status, field, message) { super(message); this.status = status; this.field = field; }
}

/** An API address with its query (lists repeat the parameter; empty values are left out). */
export function apiUrl(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    for (const x of Array.isArray(v) ? v : [v]) q.append(k, x);
  }
  return path + (q.toString() ? '?' + q : '');
}

/** A link to the API answer a panel shows, for scripts and for checking. */
export function jsonLink(path, params) {
  return el('a', {class: 'json', href: apiUrl(path, params), target: '_blank', rel: 'noopener', title: 'this answer from the API, as JSON'}, 'JSON');
}

/** Calls the API; a 4xx/5xx becomes an ApiError carrying the server's own message. */
export async function api(path, params, init) {
  return (await apiWithHeaders(path, params, init)).body;
}

/** The same, with the answer's headers too (the journal's cursor comes in X-Next-After and X-More). */
export async function apiWithHeaders(path, params, init) {
  const url = apiUrl(path, params);
  let res;
  try {
    res = await fetch(url, init);
  } catch (e) {
    throw new ApiError(0, 'network', 'the server does not answer (' + e.message + ')');
  }
  const text = await res.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch (e) { body = null; }
  if (!res.ok) {
    const err = body && body.error ? body.error : {status: res.status, field: '', message: text || res.statusText};
    throw new ApiError(err.status, err.field, err.message);
  }
  return {body, headers: res.headers};
}

/** What an HTTP status means for the person who sent the request, in words. */
const STATUS_WORDS = {
  0: 'the server does not answer',
  400: 'the request is malformed',
  401: 'the credential is not accepted (unknown, revoked or replaced)',
  403: 'this credential may not do that',
  404: 'no such thing',
  405: 'not allowed on this route',
  409: 'not possible in the current state',
  413: 'too large',
  415: 'the wrong kind of content',
  422: 'a value was not accepted',
  429: 'too many requests; wait a little',
  503: 'the service cannot store or read right now; try again shortly',
};

/** A refusal as a sentence: what it means, the field, the server's own words and the status. */
export function inWords(e) {
  const meaning = STATUS_WORDS[e.status] || (e.status >= 500 ? 'the server failed' : 'refused');
  return meaning + ': ' + e.message + ' [' + (e.field ? e.field + ', ' : '') + 'HTTP ' + e.status + ']';
}
