// Days as the page counts them: ISO dates, and the slider's index of days since 1949-01-01.

export const FIRST_DAY = '1949-01-01';
export const DAY_MS = 86400000;

export function dayIndex(iso) { return Math.round((Date.parse(iso + 'T00:00:00Z') - Date.parse(FIRST_DAY + 'T00:00:00Z')) / DAY_MS); }
export function dayOf(index) { return new Date(Date.parse(FIRST_DAY + 'T00:00:00Z') + index * DAY_MS).toISOString().slice(0, 10); }
export function validDay(s) { return /^\d{4}-\d{2}-\d{2}$/.test(s) && !isNaN(Date.parse(s + 'T00:00:00Z')) && dayOf(dayIndex(s)) === s; }

/** Whether a spell {from, to} (to exclusive, open when absent) holds on a day. */
export function onDay(spell, day) { return spell.from <= day && (!spell.to || day < spell.to); }
