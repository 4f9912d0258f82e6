// The page's colours.

// Okabe-Ito: distinguishable with the common colour-vision deficiencies.
export const OI = {orange: '#E69F00', sky: '#56B4E9', green: '#009E73', yellow: '#F0E442', blue: '#0072B2',
  vermillion: '#D55E00', purple: '#CC79A7', black: '#000000'};
export const OUTSIDE = '#e4e4e4';
export const UNKNOWN = '#9a9a9a';
