// The district dashboard: who may see what comes from the access token's roles and `district`
// claim; the figures come from GET /api/dashboards/... and then live from its /stream (Server-Sent
// Events, read with fetch because EventSource cannot send the bearer token).
import { Auth, LoginError } from './auth.js';
import { sseEvents } from './sse.js';
import { applyLabels, currentLang, kindName, locale, serviceName, setLang, t } from './i18n.js';

const IDLE_MS = 60_000; // no event or heartbeat for this long: the connection is dead, reconnect
const MAX_BACKOFF_MS = 30_000;

const state = { auth: null, view: null, home: null, data: null, window: 'today', districts: [], message: null, following: null };

// ---------------------------------------------------------------- DOM

const $ = (selector) => document.querySelector(selector);
function build(ns, tag, attrs, children) {
  const node = ns ? document.createElementNS(ns, tag) : document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) if (value != null) node.setAttribute(name, value);
  node.append(...children.flat().filter((c) => c != null).map((c) => (c instanceof Node ? c : String(c))));
  return node;
}
const h = (tag, attrs, ...children) => build(null, tag, attrs, children);
const s = (tag, attrs, ...children) => build('http://www.w3.org/2000/svg', tag, attrs, children);

const percent = (rate) => (rate == null ? null : (rate * 100).toFixed(1));
const percentText = (rate) => (rate == null ? '—' : `${percent(rate)}%`);
const named = (item) => (currentLang() === 'zh' ? item.name : item.nameEn) || item.name || item.code;

function showMessage(key, detail, retry) {
  state.message = key && { key, detail, retry };
  const box = $('#message');
  box.hidden = !key;
  box.dataset.message = key ?? '';
  if (!key) return;
  box.replaceChildren(t(key) + (detail ? `: ${detail}` : ''));
  if (retry) box.append(' ', h('button', { type: 'button', class: 'link' }, t('loginAgain')));
  box.querySelector('button')?.addEventListener('click', retry);
}

// ---------------------------------------------------------------- API and live stream

async function api(path, init = {}) {
  const send = async () => fetch(path, { ...init, headers: { Accept: 'application/json', ...init.headers,
    Authorization: `Bearer ${await state.auth.accessToken()}` } });
  let response = await send();
  if (response.status === 401) {
    await state.auth.refresh();
    response = await send();
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    throw Object.assign(new Error(problem?.detail || problem?.title || `HTTP ${response.status}`), { status: response.status });
  }
  return response;
}

const sleep = (ms, signal) => new Promise((resolve) => {
  const timer = setTimeout(resolve, ms);
  signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
});

/** GET the figures, then follow their stream; on any failure start over after a backoff. */
async function follow(path, signal) {
  for (let failures = 0; !signal.aborted; failures++) {
    const connection = new AbortController();
    const stop = () => connection.abort();
    signal.addEventListener('abort', stop, { once: true });
    let idle;
    const alive = () => { clearTimeout(idle); idle = setTimeout(stop, IDLE_MS); };
    try {
      const figures = await (await api(path, { signal: connection.signal })).json();
      if (signal.aborted) return;
      render(figures);
      const response = await api(`${path}/stream`, { signal: connection.signal, headers: { Accept: 'text/event-stream' } });
      setLive(true);
      alive();
      failures = 0;
      for await (const event of sseEvents(response.body, alive)) {
        if ((event.event === 'figures' || event.event === 'message') && event.data) render(JSON.parse(event.data));
      }
    } catch (error) {
      if (signal.aborted) return;
      if (error.status === 403 || error.status === 404) {
        setLive(null);
        return showMessage(error.status === 403 ? 'forbidden' : 'loadFailed', error.message);
      }
      if (!state.data) showMessage('loadFailed', error.message);
    } finally {
      clearTimeout(idle);
      signal.removeEventListener('abort', stop);
    }
    setLive(false);
    await sleep(Math.min(MAX_BACKOFF_MS, 1000 * 2 ** failures) * (0.5 + Math.random() / 2), signal);
  }
}

function setLive(on) {
  const badge = $('#live');
  badge.hidden = on === null;
  badge.dataset.state = on ? 'on' : 'off';
  $('#live-text').textContent = t(on ? 'live' : 'reconnecting');
}

// ---------------------------------------------------------------- which view

/** The district a city admin chose with `#district=310110`, or ''. */
function chosenDistrict() {
  const code = new URLSearchParams(location.hash.slice(1)).get('district') ?? '';
  return /^\d{6}$/.test(code) ? code : '';
}

function scopePath() {
  if (state.view === 'district') return `/api/dashboards/districts/${encodeURIComponent(state.home)}`;
  return chosenDistrict() ? `/api/dashboards/districts/${chosenDistrict()}` : '/api/dashboards/city';
}

function show() {
  state.following?.abort();
  state.following = new AbortController();
  state.data = null;
  $('#dashboard').hidden = true;
  showMessage('loading');
  setLive(null);
  const path = scopePath();
  if (state.view === 'city' && path !== '/api/dashboards/city' && !state.districts.length) {
    api('/api/dashboards/city').then((r) => r.json()).then((city) => { state.districts = city.districts ?? []; renderPicker(); }, () => {});
  }
  follow(path, state.following.signal);
}

// ---------------------------------------------------------------- rendering

function render(data) {
  state.data = data;
  if (data.scope.kind === 'city') state.districts = data.districts ?? [];
  if (state.message?.key === 'loading' || state.message?.key === 'loadFailed') showMessage(null);
  $('#dashboard').hidden = false;
  const w = data.windows[state.window];
  const scope = $('#scope-name');
  scope.textContent = data.scope.kind === 'city' ? named(data.scope) : `${named(data.scope)} (${data.scope.code})`;
  scope.dataset.scopeKind = data.scope.kind;
  scope.dataset.scopeCode = data.scope.code ?? '';
  const asOf = $('#as-of');
  asOf.dateTime = data.asOf;
  asOf.textContent = new Date(data.asOf).toLocaleString(locale(), { timeZone: 'Asia/Shanghai', hour12: false });
  for (const button of document.querySelectorAll('[data-window]')) button.setAttribute('aria-pressed', button.dataset.window === state.window);
  renderFigures(data, w);
  renderTrend(data.trend ?? []);
  renderAppointments(w.appointments ?? {});
  renderByKind(w.abnormal?.byKind ?? []);
  renderKiosks(data.kiosks ?? {});
  renderDistricts(data.districts);
  renderPicker();
}

function renderFigures(data, w) {
  const figures = {
    readings: w.readings,
    residents: w.residentsServed,
    'abnormal-rate': percent(w.abnormal?.rate),
    'urgent-raised': w.urgentAlerts?.raised,
    'urgent-acknowledged': w.urgentAlerts?.acknowledged,
    'kiosks-online': data.kiosks?.online,
    'kiosks-registered': data.kiosks?.registered,
    'signings-new': w.signings?.new,
    'signings-new-priority': w.signings?.newInPriorityGroups,
    'signings-total': data.signings?.total,
    'priority-share': percent(data.signings?.priorityShare),
    'class-ill': data.healthClasses?.ill,
    'class-recovering': data.healthClasses?.recovering,
    'class-higher-risk': data.healthClasses?.['higher-risk'],
    'class-healthy': data.healthClasses?.healthy,
    'appointments-booked': w.appointments?.booked,
    'appointments-capacity': w.appointments?.capacity,
    'appointments-no-shows': w.appointments?.noShows,
  };
  for (const node of document.querySelectorAll('[data-figure]')) {
    const value = figures[node.dataset.figure];
    node.textContent = value ?? '—';
    node.toggleAttribute('data-null', value == null);
  }
}

/** Readings per day as bars (left scale), the abnormal rate as a line (right scale). */
function renderTrend(trend) {
  const W = 720, H = 220, left = 44, right = 48, top = 12, bottom = 26;
  const plotW = W - left - right, plotH = H - top - bottom, step = plotW / Math.max(trend.length, 1);
  const maxReadings = niceMax(Math.max(1, ...trend.map((d) => d.readings)));
  const maxRate = Math.max(0.1, Math.ceil(Math.max(0, ...trend.map((d) => d.abnormalRate ?? 0)) * 10) / 10);
  const y = (v) => top + plotH * (1 - v / maxReadings);
  const yRate = (r) => top + plotH * (1 - r / maxRate);
  const x = (i) => left + step * i + step / 2;
  const line = trend.map((d, i) => (d.abnormalRate == null ? null : `${x(i).toFixed(1)},${yRate(d.abnormalRate).toFixed(1)}`));
  const path = line.reduce((p, pt, i) => (pt ? `${p}${line[i - 1] ? 'L' : 'M'}${pt}` : p), '');
  const chart = $('#trend-chart');
  chart.setAttribute('viewBox', `0 0 ${W} ${H}`);
  chart.setAttribute('aria-label', `${t('trend')}: ${t('trendSummary')}`);
  chart.replaceChildren(...[
    s('line', { x1: left, x2: W - right, y1: top + plotH, y2: top + plotH, class: 'axis' }),
    [0.5, 1].map((f) => s('line', { x1: left, x2: W - right, y1: y(maxReadings * f), y2: y(maxReadings * f), class: 'grid' })),
    s('text', { x: left - 6, y: y(maxReadings) + 4, class: 'tick end' }, maxReadings),
    s('text', { x: left - 6, y: y(0) + 4, class: 'tick end' }, 0),
    s('text', { x: W - right + 6, y: yRate(maxRate) + 4, class: 'tick rate' }, `${Math.round(maxRate * 100)}%`),
    s('text', { x: W - right + 6, y: yRate(0) + 4, class: 'tick rate' }, '0%'),
    trend.map((d, i) => s('rect', { x: left + step * i + step * 0.15, width: step * 0.7, y: y(d.readings),
      height: Math.max(0, y(0) - y(d.readings)), class: 'bar' },
    s('title', {}, `${d.day}: ${t('readings')} ${d.readings}, ${t('abnormalRate')} ${percentText(d.abnormalRate)}`))),
    s('path', { d: path, class: 'rate-line' }),
    trend.map((d, i) => (d.abnormalRate == null ? null : s('circle', { cx: x(i), cy: yRate(d.abnormalRate), r: 2.5, class: 'rate-dot' }))),
    trend.map((d, i) => (i % 5 === 4 || i === trend.length - 1
      ? s('text', { x: x(i), y: H - 8, class: 'tick middle' }, d.day.slice(5)) : null)),
  ].flat().filter(Boolean));
  $('#trend-table').replaceChildren(
    h('thead', {}, h('tr', {}, ['day', 'readings', 'assessed', 'abnormal', 'rate'].map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, trend.map((d) => h('tr', {}, h('th', { scope: 'row' }, d.day), h('td', {}, d.readings),
      h('td', {}, d.assessed), h('td', {}, d.abnormal), h('td', {}, percentText(d.abnormalRate))))),
  );
}

function niceMax(v) {
  const magnitude = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 5, 10].map((m) => m * magnitude).find((m) => m >= v);
}

/** A small horizontal bar for a table cell, `value` of `max`; the figure beside it says the same. */
function meter(value, max) {
  const width = max > 0 ? Math.min(100, (100 * value) / max) : 0;
  return s('svg', { viewBox: '0 0 100 10', preserveAspectRatio: 'none', class: 'meter', 'aria-hidden': 'true' },
    s('rect', { width: 100, height: 10, class: 'track' }), s('rect', { width, height: 10, class: 'fill' }));
}

function table(id, columns, rows) {
  $(id).replaceChildren(
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, t(c))))),
    h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: columns.length, class: 'empty' }, t('noData')))),
  );
}

function renderAppointments(appointments) {
  table('#appointments', ['service', 'booked', 'capacity', 'use', 'noShows'], (appointments.byService ?? []).map((a) => {
    const use = a.capacity > 0 ? a.booked / a.capacity : null;
    return h('tr', {}, h('th', { scope: 'row' }, serviceName(a.service)), h('td', {}, a.booked), h('td', {}, a.capacity),
      h('td', {}, h('div', { class: 'bar-cell' }, meter(a.booked, a.capacity), h('span', {}, percentText(use)))),
      h('td', {}, a.noShows));
  }));
}

function renderByKind(byKind) {
  const max = Math.max(0.01, ...byKind.map((k) => k.rate ?? 0));
  table('#by-kind', ['kind', 'assessed', 'abnormal', 'rate'], byKind.map((k) => h('tr', {},
    h('th', { scope: 'row' }, kindName(k.kind)), h('td', {}, k.assessed), h('td', {}, k.abnormal),
    h('td', {}, h('div', { class: 'bar-cell' }, meter(k.rate ?? 0, max), h('span', {}, percentText(k.rate)))))));
}

function renderKiosks(kiosks) {
  const list = kiosks.list;
  $('#kiosks-section').hidden = !list;
  if (!list) return;
  const sorted = [...list].sort((a, b) => b.online - a.online || a.id.localeCompare(b.id));
  $('#kiosk-list').replaceChildren(...(sorted.length ? sorted.map((k) => h('li', { 'data-online': k.online },
    h('span', { class: 'dot', 'aria-hidden': 'true' }), h('span', { class: 'name' }, k.stationName || k.stationId),
    h('span', { class: 'id' }, k.id), h('span', { class: 'state' }, t(k.online ? 'online' : 'offline'))))
    : [h('li', { class: 'empty' }, t('noData'))]));
  // A dot map: longitude scaled by cos(latitude) is close enough to a projection within a district.
  const placed = list.filter((k) => k.latitude != null && k.longitude != null);
  const map = $('#kiosk-map');
  map.hidden = !placed.length;
  if (!placed.length) return;
  const lats = placed.map((k) => k.latitude), lons = placed.map((k) => k.longitude);
  const kx = Math.cos((Math.min(...lats) + Math.max(...lats)) / 2 * Math.PI / 180);
  const spanX = Math.max((Math.max(...lons) - Math.min(...lons)) * kx, 1e-3), spanY = Math.max(Math.max(...lats) - Math.min(...lats), 1e-3);
  const size = 300, pad = 12, scale = (size - 2 * pad) / Math.max(spanX, spanY);
  map.setAttribute('viewBox', `0 0 ${size} ${size}`);
  map.setAttribute('aria-label', t('kioskMap'));
  map.replaceChildren(s('rect', { width: size, height: size, class: 'map-bg' }),
    ...[...placed].sort((a, b) => a.online - b.online).map((k) => s('circle', {
      cx: pad + (k.longitude - Math.min(...lons)) * kx * scale + (size - 2 * pad - spanX * scale) / 2,
      cy: pad + (Math.max(...lats) - k.latitude) * scale + (size - 2 * pad - spanY * scale) / 2,
      r: 4.5, class: k.online ? 'online' : 'offline' }, s('title', {}, `${k.stationName || k.stationId} (${t(k.online ? 'online' : 'offline')})`))));
}

function renderDistricts(districts) {
  $('#districts-section').hidden = !districts;
  if (!districts) return;
  table('#districts', ['district', 'readings', 'residents', 'abnormalRate', 'kiosksOnline', 'urgentAlerts'], districts.map((d) => h('tr', {},
    h('th', { scope: 'row' }, h('a', { href: `#district=${d.code}` }, named(d))), h('td', {}, d.readingsToday),
    h('td', {}, d.residentsToday), h('td', {}, percentText(d.abnormalRateToday)),
    h('td', {}, `${d.kiosksOnline} / ${d.kiosksRegistered}`), h('td', {}, d.urgentAlertsToday))));
}

function renderPicker() {
  $('#district-picker').hidden = state.view !== 'city';
  if (state.view !== 'city') return;
  const chosen = chosenDistrict();
  const known = state.districts.some((d) => d.code === chosen) || !chosen ? state.districts : [...state.districts, { code: chosen }];
  $('#district').replaceChildren(h('option', { value: '' }, t('allDistricts')),
    ...known.map((d) => h('option', { value: d.code }, `${named(d)} (${d.code})`)));
  $('#district').value = chosen;
}

// ---------------------------------------------------------------- start

async function main() {
  applyLabels();
  $('#lang').addEventListener('click', () => {
    setLang(currentLang() === 'zh' ? 'en' : 'zh');
    if (state.message) showMessage(state.message.key, state.message.detail, state.message.retry);
    if (state.data) render(state.data);
    if (!$('#live').hidden) setLive($('#live').dataset.state === 'on');
  });
  for (const button of document.querySelectorAll('[data-window]')) {
    button.addEventListener('click', () => { state.window = button.dataset.window; if (state.data) render(state.data); });
  }
  $('#district').addEventListener('change', (e) => { location.hash = e.target.value ? `district=${e.target.value}` : ''; });

  showMessage('signingIn');
  try {
    state.auth = await Auth.create('/api/dashboards/client-config');
    await state.auth.signIn();
  } catch (error) {
    const secure = error instanceof LoginError && error.message === 'needsSecureContext';
    return showMessage(secure ? 'needsSecureContext' : 'loginFailed', secure ? null : error.message,
      secure ? null : () => (state.auth ? state.auth.login() : location.reload()));
  }
  $('#logout').hidden = false;
  $('#logout').addEventListener('click', () => state.auth.logout());

  const { realm_access: realmAccess, district } = state.auth.claims;
  const roles = realmAccess?.roles ?? [];
  if (roles.includes('city-admin')) state.view = 'city';
  else if (roles.includes('district-officer') && district) Object.assign(state, { view: 'district', home: district });
  else return showMessage('notPermitted');
  addEventListener('hashchange', () => state.view === 'city' && show());
  show();
}

main();
