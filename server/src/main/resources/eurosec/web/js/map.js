// The map: the shapes (from /api/map), zoom, and painting them in the chosen colouring; the states
// with no shape of their own (North America, the GDR) listed beside it.

import {$, el, swatch} from './dom.js';
import {OUTSIDE, UNKNOWN} from './palette.js';
import {S, holder, name} from './state.js';
import {select} from './details.js';
import {COLOURINGS} from './colourings/colourings.js';

/**
 * The whole area fitted to the window: the drawing as tall as the window leaves under the controls
 * (less its caption), its width following from the shapes' ratio; again when the window or the
 * controls change size (the provisional note, the interpretations opened).
 */
function fitMapHeight() {
  const figure = $('map-figure');
  const top = figure.getBoundingClientRect().top + window.scrollY;
  const caption = figure.querySelector('figcaption');
  const below = (caption ? caption.getBoundingClientRect().height : 0) + 28;
  document.documentElement.style.setProperty('--map-height', Math.max(280, Math.floor(window.innerHeight - top - below)) + 'px');
}

export function drawMapShapes() {
  const svg = d3.select('#map');
  svg.attr('viewBox', `0 0 ${S.shapes.width} ${S.shapes.height}`);
  document.documentElement.style.setProperty('--map-ratio', S.shapes.width / S.shapes.height);
  fitMapHeight();
  window.addEventListener('resize', fitMapHeight);
  new ResizeObserver(fitMapHeight).observe($('controls'));
  const world = svg.append('g').attr('class', 'world');
  world.append('g').attr('class', 'context').selectAll('path').data(S.shapes.context).join('path').attr('d', (d) => d);
  const entries = Object.entries(S.shapes.shapes).sort((a, b) => name(a[0]).localeCompare(name(b[0])));
  const g = world.append('g').attr('class', 'states');
  // Zoom and pan (wheel, drag, or the buttons): the Balkans and the microstates need it. The wheel, like
  // the buttons, zooms about the centre of what is shown (not about the pointer), so the view does not
  // wander off towards the Barents Sea; drag to move.
  const zoom = d3.zoom().scaleExtent([1, 16]).translateExtent([[0, 0], [S.shapes.width, S.shapes.height]])
    .on('zoom', (ev) => world.attr('transform', ev.transform));
  svg.call(zoom).on('wheel.zoom', null).on('wheel', (ev) => {
    ev.preventDefault();
    const lines = ev.deltaMode === 1 ? 20 : ev.deltaMode === 2 ? 400 : 1;
    zoom.scaleBy(svg, Math.pow(2, -ev.deltaY * lines * 0.002));
  });
  $('zoom-in').addEventListener('click', () => svg.transition().duration(200).call(zoom.scaleBy, 1.6));
  $('zoom-out').addEventListener('click', () => svg.transition().duration(200).call(zoom.scaleBy, 1 / 1.6));
  $('zoom-reset').addEventListener('click', () => svg.transition().duration(200).call(zoom.transform, d3.zoomIdentity));
  g.selectAll('path').data(entries, (d) => d[0]).join('path')
    .attr('d', (d) => d[1])
    .attr('data-iso3', (d) => d[0])
    .attr('id', (d) => 'shape-' + d[0])
    .attr('tabindex', 0)
    .attr('role', 'button')
    .on('click', (ev, d) => select(holder(d[0], S.date) || d[0]))
    .on('keydown', (ev, d) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); select(holder(d[0], S.date) || d[0]); } })
    .append('title');
}


/** What each state looks like in the chosen colouring: {fill, label} for the legend and the tooltip. */
function colouring() {
  const v = S.coverage;
  const covered = {};
  if (!v || v.known === false) return {byState: {}, legend: [{fill: UNKNOWN, label: 'unknown: ' + (v ? v.message : '')}], covered};
  for (const st of v.states) covered[st.iso3] = st.covered;
  const c = COLOURINGS[S.colourBy];
  const {byState, legend} = c ? c.paint(covered, S.colourData) : {byState: {}, legend: []};
  legend.push({fill: OUTSIDE, label: 'not a participating State that day, or outside the area'});
  return {byState, legend, covered};
}

export function renderMap() {
  const {byState, legend, covered} = colouring();
  const holders = Object.fromEntries(Object.keys(S.shapes.shapes).map((shape) => [shape, holder(shape, S.date) || shape]));
  d3.select('#map').selectAll('g.states path').each(function (d) {
    const shape = d[0];
    const iso = holders[shape];
    const c = byState[iso];
    const path = d3.select(this);
    const cov = iso in covered ? (covered[iso] ? 'covered' : 'not-covered') : (S.coverage && S.coverage.known === false ? 'unknown' : 'outside');
    const who = iso === shape ? name(shape) : name(shape) + ', part of ' + name(iso) + ' on ' + S.date;
    const label = who + ': ' + (c ? c.label : cov === 'unknown' ? 'unknown' : 'not a participating State');
    path.attr('data-holder', iso);
    path.attr('fill', c ? c.fill : cov === 'unknown' ? UNKNOWN : OUTSIDE)
      .attr('data-coverage', cov)
      .attr('data-status', c ? c.label : cov)
      .attr('aria-label', label)
      .classed('selected', iso === S.selected || shape === S.selected);
    path.select('title').text(label);
  });
  const ul = $('legend');
  ul.replaceChildren(...legend.map((l) => el('li', {}, swatch(l.fill), l.label)));
  // North America is not drawn, nor a state whose territory no shape shows alone (the GDR before
  // 1990: Germany's shape is the Federal Republic's): they are listed with the same colours.
  const drawn = new Set(Object.values(holders));
  const listed = Object.keys(covered).filter((iso) => !drawn.has(iso));
  for (const iso of ['CAN', 'USA']) if (!listed.includes(iso)) listed.push(iso);
  const items = listed.map((iso) => {
    const c = byState[iso];
    const cov = iso in covered ? (covered[iso] ? 'covered' : 'not-covered') : 'outside';
    return el('button', {type: 'button', class: 'na-state', 'data-iso3': iso, 'data-coverage': cov, onclick: () => select(iso),
      'aria-label': name(iso) + ': ' + (c ? c.label : 'not a participating State')},
      swatch(c ? c.fill : OUTSIDE), name(iso), ' ', el('small', {}, c ? c.label : ''));
  });
  $('north-america').replaceChildren(el('strong', {}, 'Not drawn: '), ...items);
}
