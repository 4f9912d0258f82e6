// The map's colourings, one module each. A colouring may ask one more route (load) and paints the
// participating States: paint(covered, data) gives {byState: {iso3: {fill, label}}, legend: [{fill, label}]}.
// A new colouring is a module here, an entry below and an <option> in index.html's "Colour the map by".

import coverage from './coverage.js';
import bloc from './bloc.js';
import level from './level.js';
import veto from './veto.js';

export const COLOURINGS = {coverage, bloc, level, veto};
