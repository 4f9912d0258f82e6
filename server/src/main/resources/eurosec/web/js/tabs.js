// The six views (map, panels, compare, reconcile, console, administration) as tabs that follow the arrow keys.

import {$} from './dom.js';
import {S, writeHash} from './state.js';
import {refreshPanels} from './panels/panels.js';

export function setupTabs() {
  const tabs = [...document.querySelectorAll('[role=tab]')];
  const show = (tab) => {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute('aria-selected', on);
      t.tabIndex = on ? 0 : -1;
      $(t.getAttribute('aria-controls')).hidden = !on;
    }
    $('controls').hidden = ['tab-compare', 'tab-reconcile', 'tab-console', 'tab-admin'].includes(tab.id);
    S.view = tab.id.slice(4);
    if (S.date) writeHash();
    if (tab.id === 'tab-panels' && S.date) refreshPanels();
  };
  S.showTab = show;
  tabs.forEach((t, i) => {
    t.addEventListener('click', () => show(t));
    t.addEventListener('keydown', (ev) => {
      const d = ev.key === 'ArrowRight' ? 1 : ev.key === 'ArrowLeft' ? -1 : 0;
      if (d) { const n = tabs[(i + d + tabs.length) % tabs.length]; n.focus(); show(n); ev.preventDefault(); }
    });
  });
}
