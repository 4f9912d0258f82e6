// The page's state: what is chosen (date, regime, reading, colouring, applicant, the open view and
// state) and what is known (names, lineage of states); the address (#date=…&regime=…) keeps the choices.

import {api} from './api.js';
import {onDay, validDay} from './days.js';

export const S = {
  date: null, asOf: null, regime: 'status-quo', colourBy: 'coverage', applicant: 'GEO', organisation: 'nato', applicantShown: null,
  names: {}, shapes: null, coverage: null, colourData: null, veto: null, selected: null,
  generation: 0, panelsFor: null, interpretations: [], regimeInterpretations: [], choices: {},
  lineage: {}, organisations: [], regimeNames: {},
  // The last comparison of a shipped scenario ({scenario, regimes}), kept in the address so that it can be shared; null for none or an uploaded file.
  compared: null,
};

/** The states that no longer exist but whose territory a shape shows (the USSR for Ukraine's shape): their spells and predecessors. */
export async function loadPredecessors() {
  for (let round = 0; round < 4; round++) {
    const missing = [...new Set(Object.values(S.lineage).flatMap((l) => l.predecessors))].filter((p) => !(p in S.lineage));
    if (!missing.length) return;
    const found = await Promise.all(missing.map((id) => api('/api/actors/' + encodeURIComponent(id)).catch(() => null)));
    missing.forEach((id, i) => {
      const a = found[i];
      S.lineage[id] = {exists: a ? a.exists : [], predecessors: a ? a.predecessors || [] : []};
      if (a) S.names[id] = a.name;
    });
  }
}

/** The state that holds a shape's territory on a day: the state itself, or the predecessor that existed then. */
export function holder(iso, day, depth) {
  const l = S.lineage[iso];
  if (!l || (depth || 0) > 6) return null;
  if (l.exists.some((e) => onDay(e, day))) return iso;
  for (const p of l.predecessors) {
    const h = holder(p, day, (depth || 0) + 1);
    if (h) return h;
  }
  return null;
}

/** The interpretation choices that differ from the defaults, as the API's repeatable parameter. */
export function reading() {
  return Object.entries(S.choices).map(([k, v]) => k + '=' + v);
}

export function name(iso) { return S.names[iso] || iso; }

/**
 * A provision in words: its instrument's name and its article ("North Atlantic Treaty, Art. 5" for
 * north-atlantic-treaty-1949/art-5, "…, Art. 42(7)" for art-42-7), from the article the data gives
 * (art_4) when the caller has it, else from the id; a clause named otherwise by its words
 * ("…, mutual assistance"). An instrument id alone is its name.
 */
export function provisionName(id, article) {
  const slash = id.indexOf('/');
  if (slash < 0) return name(id);
  const tail = article || id.slice(slash + 1);
  const m = /^(art|sec)[-_]+(\d+)(?:[-_]+(?:(?:para|sec)[-_]+)?(\d+))?$/.exec(tail);
  const words = m ? (m[1] === 'art' ? 'Art. ' : 'Sec. ') + m[2] + (m[3] ? '(' + m[3] + ')' : '') : tail.replace(/[-_]/g, ' ');
  return name(id.slice(0, slash)) + ', ' + words;
}

/**
 * The engine's own terms in words, for the page's one naming place beside name(): the exercises'
 * action kinds (and the journal's), procedure kinds and statuses, decision and accession rules and
 * membership statuses. The ids stay in tooltips and in the API.
 */
const TERMS = {
  // Actions, as the journal records them too.
  'request-information': 'request for information', 'reply': 'reply', 'request-consultations': 'request for consultations',
  'schedule-consultations': 'scheduling of consultations', 'join-consultations': 'joining consultations',
  'propose-conference': 'proposal of a conference', 'support-conference': 'support for a conference',
  'notify-attack': 'notice of an armed attack', 'attend': 'attendance', 'vote': 'vote', 'notify-activity': 'notice of a military activity',
  'accept-observation': 'acceptance of an observation', 'submit-annual-information': 'annual exchange of military information',
  'deadline-passed': 'deadline passed', 'exercise-created': 'exercise created', 'exercise-closed': 'exercise closed',
  // Procedures and their statuses.
  'information-request': 'information request', 'consultations': 'consultations', 'conference': 'Conference of the Parties',
  'extraordinary-conference': 'Extraordinary Conference', 'activity-notification': 'notified military activity',
  'annual-exchange': 'annual exchange of military information',
  'open': 'open', 'answered': 'answered', 'no-response': 'no response', 'scheduled': 'scheduled', 'gathering-support': 'gathering support',
  'lapsed': 'lapsed', 'convened': 'convened', 'adopted': 'adopted', 'not-adopted': 'not adopted', 'no-quorum': 'no quorum',
  'notified': 'notified', 'late': 'notified late', 'voluntary': 'notified voluntarily', 'closed': 'closed',
  // Accession and decision rules.
  'unanimous-invitation': 'unanimous invitation by the members', 'unanimity': 'unanimity', 'consensus': 'consensus',
  'qualified-majority': 'qualified majority', 'majority': 'majority', 'open-accession': 'open accession (no decision of the members)',
  'treaty-amendment': 'amendment of the treaty', 'not-counted': 'not counted',
  // Kinds of guarantee.
  'collective-defence': 'collective defence', 'mutual-assistance': 'mutual assistance',
  // Membership statuses.
  'member': 'member', 'associate': 'associate member', 'participant': 'participant', 'suspended': 'suspended', 'frozen': 'frozen',
  'not-renewed': 'did not renew the treaty',
};

/** One of the engine's terms in words; a term the page does not know stays as it is. */
export function term(id) { return TERMS[id] || id; }

/** A text from the engine with its hyphenated terms ("withholding its consent (unanimous-invitation)") in words. */
export function inTerms(text) {
  return String(text).replace(/\b[a-z]+(?:[-_][a-z]+)+\b/g, (id) => TERMS[id] || id);
}

/** A regime by its name ("Status quo"), its id when the page does not know it. */
export function regimeName(id) { return S.regimeNames[id] || id; }

/** A state or body as a table shows it: "Poland (POL)"; the id alone when no name is known (never "eu (eu)"). */
export function named(id) { return name(id) === id ? id : name(id) + ' (' + id + ')'; }

const statesByDay = new Map();

/** The states that exist on a day (any state, not only the participating ones), from /api/actors; asked once per day. */
export function statesOn(day) {
  if (!statesByDay.has(day)) {
    statesByDay.set(day, api('/api/actors', {date: day}).then((a) => {
      const states = a.known === false ? [] : (a.states || []).map((s) => ({id: s.id, name: s.name}));
      for (const s of states) S.names[s.id] = S.names[s.id] || s.name;
      return states;
    }, (e) => { statesByDay.delete(day); throw e; }));
  }
  return statesByDay.get(day);
}

/**
 * The applicant asked about on a day, among the states that exist then: the one chosen if it exists;
 * else the state that then held its territory (Georgia's is the USSR's before 1991); else Georgia, or
 * the state that held Georgia's territory. With no states known that day (past the data), the one chosen.
 */
export function applicantAmong(existing, day) {
  const ids = new Set(existing.map((s) => s.id));
  if (!ids.size) return S.applicant;
  for (const wanted of [S.applicant, 'GEO']) {
    if (ids.has(wanted)) return wanted;
    const h = holder(wanted, day);
    if (h && ids.has(h)) return h;
  }
  return existing[0].id;
}

/**
 * What the address asked for, as written (date, regime, colour, organisation, view and each reading),
 * so that what the page could not follow can be said (controls.js, addressNotFollowed) rather than
 * silently replaced by a default.
 */
export const asked = {readings: []};

export function readHash() {
  const h = new URLSearchParams(location.hash.slice(1));
  for (const k of ['date', 'regime', 'colour', 'organisation', 'view', 'scenario', 'compare']) if (h.get(k)) asked[k] = h.get(k);
  if (h.get('scenario')) S.compared = {scenario: h.get('scenario'), regimes: (h.get('compare') || '').split(',').filter((r) => r)};
  asked.readings = h.getAll('interpretation');
  if (h.get('date') && validDay(h.get('date'))) S.date = h.get('date');
  if (h.get('regime')) S.regime = h.get('regime');
  if (h.get('colour')) S.colourBy = h.get('colour');
  if (h.get('applicant')) S.applicant = h.get('applicant');
  if (h.get('organisation')) S.organisation = h.get('organisation');
  if (h.get('view')) S.view = h.get('view');
  if (h.get('state')) S.selected = h.get('state');
  for (const c of h.getAll('interpretation')) {
    const eq = c.indexOf('=');
    if (eq > 0) S.choices[c.slice(0, eq)] = c.slice(eq + 1);
  }
}

export function writeHash() {
  const h = new URLSearchParams({date: S.date, regime: S.regime, colour: S.colourBy, applicant: S.applicant, organisation: S.organisation});
  if (S.view && S.view !== 'map') h.set('view', S.view);
  if (S.selected) h.set('state', S.selected);
  if (S.compared) { h.set('scenario', S.compared.scenario); h.set('compare', S.compared.regimes.join(',')); }
  for (const c of reading()) h.append('interpretation', c);
  history.replaceState(null, '', '#' + h);
}

/**
 * A text from the API with the ids it names put in words: a provision id (charter-of-paris-1990/non-use-of-force)
 * as its instrument and clause, an instrument or body id as its name, a state id (RUS) as the state's name;
 * an id the page does not know stays as it is.
 */
export function inNames(text) {
  // One pass, so that a name put in is not read again.
  return String(text).replace(/\b[a-z][a-z0-9-]*\/[a-z0-9_-]+\b|\b[a-z][a-z0-9]*(?:-[a-z0-9]+)*\b|\b[A-Z]{3}\b/g, (id) => {
    const slash = id.indexOf('/');
    if (slash > 0) return S.names[id.slice(0, slash)] ? provisionName(id) : id;
    return S.names[id] || id;
  });
}

/** An exercise's actor in words: "Georgia's delegation", "the depositary", "an observer". */
export function actorName(actor) {
  if (actor.startsWith('delegation:')) return name(actor.slice(11)) + '\u2019s delegation';
  return actor === 'observer' ? 'an observer' : 'the ' + actor;
}
