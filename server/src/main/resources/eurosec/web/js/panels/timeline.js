// The timeline chart: states covered, the buffer and the levels, year by year.

import {$, el, swatch, table} from '../dom.js';
import {OI} from '../palette.js';
import {S} from '../state.js';

export function renderTimeline(d) {
  const years = d.years.filter((y) => y.known !== false);
  const series = [{key: 'covered', label: 'states covered', colour: OI.blue, dash: null},
    {key: 'buffer', label: 'buffer (tied to no one)', colour: OI.orange, dash: '6 3'},
    {key: 'levels', label: 'levels of security', colour: OI.green, dash: '2 3'}];
  const w = 900, h = 260, m = {l: 40, r: 16, t: 12, b: 28};
  const x = d3.scaleLinear().domain(d3.extent(years, (y) => Number(y.as_of.slice(0, 4)))).range([m.l, w - m.r]);
  const y = d3.scaleLinear().domain([0, d3.max(years, (r) => Math.max(r.covered, r.buffer, r.levels))]).nice().range([h - m.b, m.t]);
  const svg = d3.create('svg').attr('viewBox', `0 0 ${w} ${h}`).attr('role', 'img')
    .attr('aria-label', 'Timeline under ' + d.years[0]?.regime + ': covered states, buffer and levels per year');
  svg.append('g').attr('transform', `translate(0,${h - m.b})`).call(d3.axisBottom(x).tickFormat(d3.format('d')));
  svg.append('g').attr('transform', `translate(${m.l},0)`).call(d3.axisLeft(y).ticks(6));
  for (const s of series) {
    svg.append('path').datum(years).attr('fill', 'none').attr('stroke', s.colour).attr('stroke-width', 2.2)
      .attr('stroke-dasharray', s.dash)
      .attr('d', d3.line().x((r) => x(Number(r.as_of.slice(0, 4)))).y((r) => y(r[s.key])));
  }
  const yr = Number(S.date.slice(0, 4));
  if (yr >= x.domain()[0] && yr <= x.domain()[1]) {
    svg.append('line').attr('x1', x(yr)).attr('x2', x(yr)).attr('y1', m.t).attr('y2', h - m.b).attr('stroke', '#333').attr('stroke-dasharray', '1 2');
  }
  const legend = el('ul', {class: 'legend-inline'}, series.map((s) => el('li', {},
    swatch(null, 'border-top-color:' + s.colour + ';border-top-style:' + (s.dash ? 'dashed' : 'solid')), s.label)));
  const data = el('details', {}, el('summary', {}, 'The figures as a table'),
    table(['year', 'states', 'covered', 'systems', 'blocs', 'buffer', 'levels'],
      years.map((r) => [r.as_of.slice(0, 4), r.states, r.covered, r.systems.join(' + '), r.blocs, r.buffer, r.levels])));
  $('timeline-chart').replaceChildren(svg.node(), legend,
    el('p', {class: 'hint'}, 'Each year on ' + d.years[0]?.as_of.slice(5) + '. The dotted line marks the chosen year.'), data);
}
