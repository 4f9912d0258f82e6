// Building the page's elements: text always as text nodes, never as HTML.

export const $ = (id) => document.getElementById(id);

/** An element with attributes and children (strings become text nodes, never HTML). */
export function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

export function link(href, text) {
  return href ? el('a', {href, target: '_blank', rel: 'noopener'}, text || 'source') : document.createTextNode(text || '');
}

/** A colour sample for a legend or a list; the text beside it says what it means. */
export function swatch(fill, line) {
  return el('span', {class: 'swatch' + (line ? ' line' : ''), style: line || 'background:' + fill, 'aria-hidden': 'true'});
}

export function table(headers, rows, caption) {
  return el('table', {},
    caption ? el('caption', {}, caption) : null,
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', {scope: 'col'}, h)))),
    el('tbody', {}, rows.map((r) => el('tr', {}, r.map((c, i) => i === 0 ? el('th', {scope: 'row'}, c) : el('td', {}, c))))));
}

export function setStatus(msg, kind) {
  const s = $('status');
  s.textContent = msg || '';
  s.className = kind || '';
}
