// The overlapping organisations: a matrix of every two bodies, the bodies and the closest pairs.

import {$, el, swatch, table} from '../dom.js';

const DIAGONAL = '#d0d0d8';
const NONE = '#f4f4f6';

/** A body's name as a label: the name before any bracketed note ("European Union", not its former names). */
const shortName = (b) => (b.name || b.id).replace(/\s*\(.*$/, '');

/**
 * The bodies against each other: shared members as a share of either's (Jaccard), darker for more.
 * Each row is labelled with its number and the body's name, each column with the number alone (the
 * names would not fit above the columns without being cut or unreadably small); the ids are in the
 * cells' tooltips.
 */
function overlapMatrix(v) {
  const bodies = v.bodies;
  const ids = bodies.map((b) => b.id);
  const jac = new Map();
  for (const p of v.pairs) { jac.set(p.body1 + '|' + p.body2, p); jac.set(p.body2 + '|' + p.body1, p); }
  // Room for the row labels (about 6.5 units a character at this size; the frame is refitted once drawn).
  const longest = Math.max(...bodies.map((b, i) => (i + 1 + '. ' + shortName(b)).length)) * 6.5;
  const cellSize = 22, n = ids.length, left = longest + 12, top = 22;
  const w = Math.ceil(left + n * cellSize + 10), h = top + n * cellSize + 10;
  const colour = (j) => d3.interpolateViridis(1 - j);
  const svg = d3.create('svg').attr('viewBox', `0 0 ${w} ${h}`).attr('class', 'matrix').attr('role', 'img')
    .attr('aria-label', 'Overlap of the ' + n + ' bodies: each cell the Jaccard index of two bodies\' members; the pairs are listed in the table below');
  bodies.forEach((b, i) => {
    const label = svg.append('text').attr('x', left - 6).attr('y', top + i * cellSize + cellSize * 0.7).attr('text-anchor', 'end')
      .text((i + 1) + '. ' + shortName(b));
    label.append('title').text((b.name || b.id) + ' (' + b.id + ')');
    const col = svg.append('text').attr('x', left + i * cellSize + cellSize / 2).attr('y', top - 6).attr('text-anchor', 'middle').text(String(i + 1));
    col.append('title').text(shortName(b));
    bodies.forEach((other, k) => {
      const p = i === k ? null : jac.get(b.id + '|' + other.id);
      const rect = svg.append('rect').attr('x', left + k * cellSize).attr('y', top + i * cellSize)
        .attr('width', cellSize - 1).attr('height', cellSize - 1)
        .attr('fill', i === k ? DIAGONAL : p ? colour(p.jaccard) : NONE);
      rect.append('title').text(i === k ? shortName(b) + ': the body itself' : shortName(b) + ' / ' + shortName(other) + ': ' + (p ? p.shared_members + ' shared members, Jaccard ' + p.jaccard
        + (p.shared_dimensions && p.shared_dimensions.length ? ', both cover ' + p.shared_dimensions.join(', ') : '') : 'no shared members')
        + ' [' + b.id + ' / ' + other.id + ']');
    });
  });
  const legend = el('ul', {class: 'legend-inline'}, [0.1, 0.3, 0.5, 0.7, 0.9].map((j) =>
    el('li', {}, swatch(colour(j)), 'Jaccard ' + j)),
  el('li', {}, swatch(NONE), 'no shared members'), el('li', {}, swatch(DIAGONAL), 'the body itself (the diagonal)'),
  el('li', {}, 'columns: the bodies numbered as the rows'));
  return el('div', {class: 'matrix-wrap'}, svg.node(), legend);
}

export function renderOverlap(v) {
  if (v.known === false) { $('overlap-panel').replaceChildren(el('p', {class: 'warn'}, v.message)); return; }
  const pairs = [...v.pairs].sort((a, b) => b.jaccard - a.jaccard).slice(0, 25);
  const names = Object.fromEntries(v.bodies.map((b) => [b.id, b.name || b.id]));
  const bodyName = (id) => names[id] || id;
  const matrix = overlapMatrix(v);
  $('overlap-panel').replaceChildren(
    el('p', {}, v.bodies.length + ' bodies; ' + v.mean_bodies_per_state + ' per state on average; '
      + v.duplicating_pairs + ' pairs share members and a mandate dimension.'),
    matrix,
    table(['body', 'members', 'dimensions', 'treaty body'], v.bodies.map((b) => [el('span', {title: b.id}, b.name || b.id), String(b.members.length), b.dimensions.join(', '), b.treaty_body ? 'yes' : ''])),
    table(['pair', 'shared members', 'Jaccard', 'shared dimensions'],
      pairs.map((p) => [bodyName(p.body1) + ' / ' + bodyName(p.body2), String(p.shared_members), String(p.jaccard), (p.shared_dimensions || []).join(', ')]),
      'The 25 most overlapping pairs'));
  // Drawn, the labels' real extent is known: the frame is fitted to it, so no label is cut off.
  const svg = matrix.querySelector('svg');
  const box = svg.getBBox();
  if (box.width > 0) svg.setAttribute('viewBox', [box.x - 4, box.y - 4, box.width + 8, box.height + 8].map(Math.round).join(' '));
}
