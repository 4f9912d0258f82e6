// The page's colours.

// Okabe-Ito: distinguishable with the common colour-vision deficiencies.
export const OI = {orange: '#E69F00', sky: '#56B4E9', green: '#009E73', yellow: '#F0E442', blue: '#0072B2',
  vermillion: '#D55E00', purple: '#CC79A7', black: '#000000'};
// Two more for the systems of the blocs map, both far from OI.orange (the buffer) for every common
// colour vision, where Okabe-Ito's green, purple and yellow are not: Paul Tol's wine, and a mid grey.
export const MORE = {wine: '#882255', grey: '#7F7F7F'};
export const OUTSIDE = '#e4e4e4';
export const UNKNOWN = '#9a9a9a';
