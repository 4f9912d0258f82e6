// Prepares the map of the OSCE area that the report and the web page draw: country shapes from
// Natural Earth 1:50m (public domain) via the npm package world-atlas 2.0.2, converted with
// topojson-client 3.1.0, projected here to SVG path strings keyed by the project's state ids.
//
// The projection is a tilted perspective (Snyder, Map Projections: A Working Manual, 1987, pp. 173-176;
// d3's satellite projection): the globe as seen from 2.2 earth radii (about 14,000 km) above 40E 45N,
// the camera tilted 20 degrees from straight down towards the north. The area's farthest point from
// that centre (the Commander Islands, 71.2 degrees) is inside the view's horizon (71.8 degrees), so
// the whole OSCE area but North America is drawn. Why this one: the area is a long band, from
// Portugal to Chukotka, and the analyst wants Europe large when the whole of it fits a wide window.
//  - A conic projection (Lambert's, standard parallels 45 and 65N) draws the band wider than tall,
//    but true to its length: Siberia takes half the width and Europe (Lisbon to the Urals) is left
//    about a fifth narrower than here.
//  - The near-side perspective centred on Europe (20E 52N, from three radii, used until now) draws
//    Europe large but bends the far east up to the top: the frame is square, so a wide window leaves
//    it a square at its left.
//  - This view, centred farther east and nearer, foreshortens Siberia and the far east towards the
//    horizon, and the tilt foreshortens the Arctic: the frame is about 1.34 times as wide as tall, and
//    Europe (Lisbon to Yekaterinburg, Crete to the North Cape) spans 0.62 of its width and 0.68 of its
//    height (in a drawing 665 pixels high, about 550 by 450 pixels, against 460 by 390 in the square
//    frame).
// The frame is the bounding box of the data's states. The USA and Canada are left out of the drawing
// (the page and the report list them beside it). A few places (Lisbon, the Urals at Yekaterinburg,
// Crete, the North Cape) are projected too, with the state whose shape holds each, so that a test
// can measure Europe on the page.
//
// Usage: npm pack world-atlas@2.0.2 topojson-client@3.1.0, unpack both into DIR, then
//   node tools/map/prepare-map.js DIR > core/src/main/resources/eurosec/map/osce-area.json
const dir = process.argv[2];
const topo = require(dir + '/world-atlas/countries-50m.json');
const client = require(dir + '/topojson-client/dist/topojson-client.js');

// ISO 3166-1 numeric code (Natural Earth's id) -> project state id; Kosovo and Northern Cyprus have
// no numeric code in Natural Earth and are matched by name.
const ids = {
  '008': 'ALB', '020': 'AND', '051': 'ARM', '040': 'AUT', '031': 'AZE', '112': 'BLR', '056': 'BEL', '070': 'BIH', '100': 'BGR',
  '191': 'HRV', '196': 'CYP', '203': 'CZE', '208': 'DNK', '233': 'EST', '246': 'FIN', '250': 'FRA', '268': 'GEO', '276': 'DEU',
  '300': 'GRC', '348': 'HUN', '352': 'ISL', '372': 'IRL', '380': 'ITA', '398': 'KAZ', '417': 'KGZ', '428': 'LVA', '438': 'LIE',
  '440': 'LTU', '442': 'LUX', '470': 'MLT', '498': 'MDA', '492': 'MCO', '496': 'MNG', '499': 'MNE', '528': 'NLD', '807': 'MKD',
  '578': 'NOR', '616': 'POL', '620': 'PRT', '642': 'ROU', '643': 'RUS', '674': 'SMR', '688': 'SRB', '703': 'SVK', '705': 'SVN',
  '724': 'ESP', '752': 'SWE', '756': 'CHE', '762': 'TJK', '792': 'TUR', '795': 'TKM', '804': 'UKR', '826': 'GBR', '860': 'UZB',
  '336': 'VAT', '408': 'PRK'
};
const byName = { 'Kosovo': 'XKX', 'N. Cyprus': 'XNC' };
// Neighbours drawn for context only (no colour): they are not states of the data.
const context = ['Iran', 'Afghanistan', 'China', 'Iraq', 'Syria', 'Lebanon', 'Israel', 'Jordan', 'Saudi Arabia', 'Egypt', 'Libya',
  'Tunisia', 'Algeria', 'Morocco', 'Pakistan', 'India', 'Japan', 'South Korea', 'Greenland', 'Palestine', 'Kuwait', 'W. Sahara'];

const rad = Math.PI / 180;
const lambda0 = 40 * rad, phi0 = 45 * rad;
// The viewpoint's distance from the earth's centre, in earth radii (an altitude of 2.2 radii); its
// horizon lies acos(1/P) = 71.8 degrees from the centre.
const P = 3.2;
// The camera's tilt from straight down, towards the north (azimuth 0).
const tilt = 20 * rad;
/**
 * The tilted perspective centred on (40E, 45N), seen from P earth radii away (Snyder 1987, eqs. 23-1
 * to 23-5 and 23-6, 23-7 with azimuth 0); y grows southwards as in SVG. A point beyond the horizon
 * (only neighbours drawn for context) is put on it.
 */
function project(lon, lat) {
  const l = lon * rad - lambda0, p = lat * rad;
  const x = Math.cos(p) * Math.sin(l);
  const y = Math.cos(phi0) * Math.sin(p) - Math.sin(phi0) * Math.cos(p) * Math.cos(l);
  let cosc = Math.sin(phi0) * Math.sin(p) + Math.cos(phi0) * Math.cos(p) * Math.cos(l);
  let sinc = Math.hypot(x, y);
  if (cosc < 1 / P) {
    cosc = 1 / P;
    sinc = Math.sqrt(1 - cosc * cosc);
  }
  const k = (P - 1) / (P - cosc);
  const n = Math.hypot(x, y) || 1;
  // Untilted: east and north on the plane tangent at the centre, in earth radii.
  const east = k * sinc * x / n, north = k * sinc * y / n;
  const a = north * Math.sin(tilt) / (P - 1) + Math.cos(tilt);
  return [east * Math.cos(tilt) / a, -north / a];
}

const features = [];
for (const g of topo.objects.countries.geometries) {
  const id = g.id ? ids[g.id] : byName[g.properties.name];
  const isContext = !id && context.includes(g.properties.name);
  if (!id && !isContext) continue;
  features.push({ id: id || null, name: g.properties.name, feature: client.feature(topo, g) });
}
// Fit: the bounding box of the projected shapes of the data's states.
let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
// Only the parts inside the area: overseas territories (French Guiana, Reunion and others) and the
// Atlantic islands south of 34N or west of 25W (the Canaries, Madeira, the Azores) would stretch the
// frame far beyond Europe, so their polygons are dropped.
const inArea = poly => {
  const ring = poly[0];
  let lon = 0, lat = 0;
  for (const [x, y] of ring) { lon += x < -100 ? x + 360 : x; lat += y; }
  lon /= ring.length; lat /= ring.length;
  return lat >= 34 && lon >= -25;
};
const rings = f => (f.feature.geometry.type === 'Polygon' ? [f.feature.geometry.coordinates] : f.feature.geometry.coordinates).filter(inArea);
for (const f of features) {
  if (!f.id) continue;
  for (const poly of rings(f)) for (const ring of poly) for (const [lon, lat] of ring) {
    const [x, y] = project(lon, lat);
    minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  }
}
const width = 1000;
const scale = width / (maxX - minX);
const height = Math.ceil((maxY - minY) * scale);
function path(f) {
  let d = '';
  for (const poly of rings(f)) for (const ring of poly) {
    let last = null, part = '';
    for (const [lon, lat] of ring) {
      const [x, y] = project(lon, lat);
      const px = Math.round((x - minX) * scale * 10) / 10, py = Math.round((y - minY) * scale * 10) / 10;
      const key = px + ',' + py;
      if (key === last) continue;
      part += (part ? 'L' : 'M') + key;
      last = key;
    }
    d += part + 'Z';
  }
  return d;
}
const out = {
  source: 'Natural Earth 1:50m admin-0 countries (public domain), from the npm package world-atlas 2.0.2, converted with topojson-client 3.1.0',
  made_by: 'tools/map/prepare-map.js',
  projection: 'tilted perspective: the globe from 2.2 earth radii above 40E 45N, the camera tilted 20 degrees towards the north; parts south of 34N or west of 25W (overseas territories, the Canaries, Madeira, the Azores) are left out; the USA and Canada are not drawn',
  width, height,
  shapes: {},
  context: [],
  places: {}
};
// Places that bound Europe (Lisbon to the Urals, Crete to the North Cape), each in the state whose shape holds it
// (central Lisbon and the Cape's tip lie just outside the 1:50m outlines: points a little inland).
const places = {
  lisbon: {name: 'Lisbon', lon: -9.15, lat: 38.75, state: 'PRT'},
  urals: {name: 'Yekaterinburg, on the Urals', lon: 60.606, lat: 56.838, state: 'RUS'},
  crete: {name: 'Heraklion, Crete', lon: 25.134, lat: 35.339, state: 'GRC'},
  'north-cape': {name: 'the North Cape (Magerøya)', lon: 25.78, lat: 71.1, state: 'NOR'}
};
for (const [id, p] of Object.entries(places)) {
  const [x, y] = project(p.lon, p.lat);
  out.places[id] = {...p, x: Math.round((x - minX) * scale * 10) / 10, y: Math.round((y - minY) * scale * 10) / 10};
}
for (const f of features) {
  if (f.id) out.shapes[f.id] = path(f); else out.context.push(path(f));
}
process.stdout.write(JSON.stringify(out));
