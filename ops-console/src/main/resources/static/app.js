// Operators' page: reads /api/ops/* with the ops token kept in sessionStorage.
// Every value from the API is inserted as text (never as HTML): dead-letter messages are untrusted.
'use strict';

const TOKEN_KEY = 'pipeline.ops.token';
const selected = new Set(); // "topic|partition|offset" of dead letters ticked for replay
const replayResults = {};   // topic -> element with the last replay's outcome, kept across refreshes
const unfolded = new Set(); // long texts the operator opened ("topic|partition|offset|field"), kept across refreshes
const FOLD_AT = 400;        // characters of a long message shown before "show all"
let timer = null;

function $(id) { return document.getElementById(id); }

/** Builds an element: el('td', {class: 'num'}, 'text', childNode, ...). */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k === 'class') node.className = v;
    else if (v === true) node.setAttribute(k, '');
    else node.setAttribute(k, String(v));
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

/**
 * A message that can run to thousands of characters (Elasticsearch quotes a rejected field's
 * whole value): its start and a button for the rest, so one dead letter cannot bury the page.
 */
function foldable(text, id) {
  if (text === null || text === undefined) return null;
  const s = String(text);
  if (s.length <= FOLD_AT) return s;
  const open = unfolded.has(id);
  const box = el('span', {class: 'foldable'});
  const toggle = el('button', {type: 'button', class: 'link', onclick: () => {
    if (unfolded.has(id)) unfolded.delete(id); else unfolded.add(id);
    box.replaceWith(foldable(s, id));
  }}, open ? 'show less' : `show all ${s.length.toLocaleString()} characters`);
  box.append(open ? s : s.slice(0, FOLD_AT) + '… ', ' ', toggle);
  return box;
}

function badge(text) { return el('span', {class: 'badge ' + text}, text); }
function fmtNum(n) { return n === null || n === undefined ? '–' : Number(n).toLocaleString(); }
function fmtTime(iso) { return iso ? new Date(iso).toLocaleString() : '–'; }
function fill(tbody, rows) { tbody.replaceChildren(...rows); }

class AuthError extends Error {}

async function api(method, path, body) {
  const headers = {'Authorization': 'Bearer ' + sessionStorage.getItem(TOKEN_KEY)};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body)});
  let data = null;
  try { data = await res.json(); } catch (e) { data = null; }
  // 401: no or a wrong token; 403: a token of another role (the submit token): ask for the ops token again
  if (res.status === 401 || res.status === 403) throw new AuthError((data && data.error) || 'unauthorized');
  if (!res.ok) {
    const err = new Error(data && data.error ? data.error + (data.details && data.details.length ? ': ' + data.details.join('; ') : '') : 'HTTP ' + res.status);
    err.status = res.status;
    err.data = data;
    throw err;
  }
  return data;
}

// ---- sections ---------------------------------------------------------------------------

function renderHealth(h) {
  const s = $('health-status');
  s.className = 'badge ' + h.status;
  s.textContent = h.status;
  fill($('health-table').tBodies[0], h.components.map(c => el('tr', {},
    el('td', {}, c.name), el('td', {class: 'muted'}, c.kind),
    el('td', {}, badge(c.status)), el('td', {class: 'muted'}, fmtTime(h.checkedAt)),
    el('td', {class: 'num'}, c.millis),
    el('td', {}, el('code', {}, Object.entries(c.details || {}).map(([k, v]) => k + '=' + v).join('  ')),
      el('div', {class: 'muted'}, c.url)))));
}

function renderTopics(t) {
  fill($('topics-table').tBodies[0], t.topics.map(topic => el('tr', {},
    el('td', {}, topic.topic),
    el('td', {}, topic.exists
      ? topic.partitions.map(p => el('div', {}, `p${p.partition}: ${fmtNum(p.startOffset)} → ${fmtNum(p.endOffset)}`))
      : el('span', {class: 'muted'}, 'not created yet')),
    el('td', {class: 'num'}, topic.exists ? fmtNum(topic.endOffsetTotal) : '–'),
    el('td', {class: 'num'}, topic.exists ? fmtNum(topic.retainedRecords) : '–'),
    el('td', {class: 'num'}, topic.messagesPerSecond === null || topic.messagesPerSecond === undefined
      ? el('span', {class: 'muted'}, 'sampling…') : topic.messagesPerSecond.toFixed(2)))));
}

function sparkline(points) {
  const w = 160, h = 28;
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('width', w); svg.setAttribute('height', h); svg.setAttribute('class', 'trend');
  if (!points || points.length < 2) return el('span', {class: 'muted'}, 'sampling…');
  const max = Math.max(1, ...points.map(p => p.lag));
  const path = points.map((p, i) => `${(i / (points.length - 1) * (w - 2) + 1).toFixed(1)},${(h - 2 - p.lag / max * (h - 4)).toFixed(1)}`).join(' ');
  const line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
  line.setAttribute('points', path); line.setAttribute('fill', 'none');
  line.setAttribute('stroke', '#1d4ed8'); line.setAttribute('stroke-width', '1.5');
  const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
  title.textContent = `max ${max} over ${points.length} samples since ${fmtTime(points[0].at)}`;
  svg.append(title, line);
  return el('span', {}, svg, el('span', {class: 'muted'}, ' max ' + fmtNum(max)));
}

function renderGroups(g) {
  fill($('groups-table').tBodies[0], g.groups.map(group => el('tr', {},
    el('td', {}, group.group), el('td', {}, badge(group.state)),
    el('td', {class: 'num'}, group.members),
    el('td', {class: 'num ' + (group.totalLag === 0 ? 'lag-zero' : 'lag-some')}, fmtNum(group.totalLag)),
    el('td', {}, group.topics.map(t => el('div', {},
      el('span', {class: 'muted'}, t.topic + ': '),
      t.partitions.length === 0 ? el('span', {class: 'muted'}, 'topic not created yet')
        : t.partitions.map(p => el('span', {title: `end ${p.endOffset}, committed ${p.committedOffset ?? 'none'} (${p.basis})`},
          `p${p.partition}=${p.lag}${p.basis === 'COMMITTED' ? '' : '*'}  `))))),
    el('td', {}, sparkline(group.trend)))));
}

function renderDeadLetters(d) {
  const root = $('dead-letters');
  root.replaceChildren(...d.topics.map(topic => {
    const header = el('div', {class: 'row'},
      el('strong', {}, topic.topic),
      el('span', {class: 'muted'}, topic.exists
        ? `${fmtNum(topic.count)} dead letters (${fmtNum(topic.total)} ever) from ${topic.sourceTopic}`
        : 'not created yet: nothing has failed'),
      el('button', {type: 'button', disabled: !topic.exists || topic.count === 0,
        onclick: () => replay(topic.topic, 'selected')}, 'Replay selected'),
      el('button', {type: 'button', class: 'secondary', disabled: !topic.exists || topic.count === 0,
        onclick: () => replay(topic.topic, 'all')}, `Replay all ${fmtNum(topic.count)}`));
    const rows = topic.newest.map(r => {
      const key = `${r.topic}|${r.partition}|${r.offset}`;
      return el('tr', {},
        el('td', {}, el('input', {type: 'checkbox', checked: selected.has(key),
          onchange: e => e.target.checked ? selected.add(key) : selected.delete(key)})),
        el('td', {}, `${r.partition}/${r.offset}`),
        el('td', {class: 'muted'}, fmtTime(r.timestamp)),
        el('td', {}, r.key ?? '–'),
        el('td', {}, r.stage ?? '–'),
        el('td', {class: 'reason'}, el('div', {}, el('code', {}, r.exceptionClass ?? '–')),
          el('div', {}, foldable(r.exceptionMessage ?? '', key + '|message')),
          r.rootCause && !(r.exceptionMessage || '').includes(r.rootCause.replace(/^[\w.$]+: /, ''))
            ? el('div', {}, el('span', {class: 'muted'}, 'root cause: '), foldable(r.rootCause, key + '|cause')) : null),
        el('td', {}, r.originalTopic ? `${r.originalTopic} ${r.originalPartition ?? '?'}/${r.originalOffset ?? '?'}` : '–',
          r.originalTimestamp ? el('div', {class: 'muted'}, fmtTime(r.originalTimestamp)) : null),
        el('td', {class: 'num'}, r.replayCount));
    });
    const table = rows.length === 0 ? null : el('table', {},
      el('thead', {}, el('tr', {}, ['', 'partition/offset', 'dead-lettered', 'key', 'stage', 'reason', 'from', 'replays'].map(h => el('th', {}, h)))),
      el('tbody', {}, rows));
    return el('div', {class: 'dlq'}, header, replayResult(topic.topic), table);
  }));
}

function renderSchemas(s) {
  $('schemas-summary').textContent = `${s.registry} · global compatibility ${s.globalCompatibility ?? '?'}`
    + ` · mode ${s.mode ?? 'unknown'}` + (s.notes.length ? ' · ' + s.notes.join(' · ') : '');
  fill($('schemas-table').tBodies[0], s.subjects.map(sub => {
    const latest = sub.versions[sub.versions.length - 1];
    let text = latest ? latest.schema : '';
    try { text = JSON.stringify(JSON.parse(text), null, 2); } catch (e) { /* not JSON: show as is */ }
    return el('tr', {},
      el('td', {}, sub.subject),
      el('td', {}, sub.compatibility ?? '?', el('div', {class: 'muted'}, sub.compatibilitySource)),
      el('td', {}, sub.versions.map(v => el('div', {}, `v${v.version} · id ${v.id} · ${v.schemaType}`))),
      el('td', {}, latest ? el('details', {}, el('summary', {}, `v${latest.version}`), el('pre', {}, text)) : '–'));
  }));
}

function renderReprocess(p) {
  if (p.topic) $('reprocess-topic').textContent = p.topic;
  if (p.liveGroup) $('reprocess-group').textContent = p.liveGroup;
  const busy = ['scanning', 'reprocessing'].includes(p.phase);
  $('reprocess').disabled = busy;
  const rows = [el('div', {id: 'reprocess-phase'}, 'phase ', badge(p.phase || 'idle'),
    p.resumed ? ' (going on after enrich-service restarted)' : '',
    p.error ? el('span', {class: 'error'}, ' ' + p.error) : '')];
  if (p.startedAt) {
    const since = p.since ? ` written since ${fmtTime(p.since)}` : '';
    const articles = p.articles == null ? `scanned ${fmtNum(p.scanned)} of ${fmtNum(p.records)} records`
      : `${fmtNum(p.articles)} articles to enrich again`;
    rows.push(el('div', {}, `started ${fmtTime(p.startedAt)}: ${fmtNum(p.records)} records${since} up to the live stage's position, ${articles}`));
    rows.push(el('div', {}, `${p.percent}% read: ${fmtNum(p.reprocessed)} enriched again, ${fmtNum(p.leftToLive)} left to the live stage (newer there), ${fmtNum(p.deadLettered)} dead-lettered; live stage held ${fmtNum(p.livePausedMillis)} ms in all (longest ${fmtNum(p.livePausedMaxMillis)} ms), waited ${fmtNum(p.waitedForLiveMillis)} ms while the live stages were behind`,
      p.phase === 'done' ? el('strong', {class: 'lag-zero'}, ' · done') : ''));
    rows.push(el('div', {class: 'progress'}, el('div', {style: `width:${Math.min(100, p.percent || 0)}%`})));
  }
  $('reprocess-progress').replaceChildren(...rows);
}

// ---- actions ------------------------------------------------------------------------------

function replayResult(topic) {
  if (!replayResults[topic]) replayResults[topic] = el('div', {class: 'muted'});
  return replayResults[topic];
}

async function replay(topic, which) {
  const out = replayResult(topic);
  let body;
  if (which === 'all') {
    if (!confirm(`Replay every dead letter of ${topic} to its source topic? They stay in ${topic} too.`)) return;
    body = {all: true};
  } else {
    const records = [...selected].filter(k => k.startsWith(topic + '|')).map(k => {
      const [, partition, offset] = k.split('|');
      return {partition: Number(partition), offset: Number(offset)};
    });
    if (records.length === 0) { out.textContent = 'Tick the dead letters to replay first.'; return; }
    body = {records};
  }
  out.className = 'muted';
  out.textContent = 'replaying…';
  try {
    const r = await api('POST', '/api/ops/dead-letters/' + encodeURIComponent(topic) + '/replay', body);
    const failures = r.results.filter(x => x.status !== 'REPLAYED').map(x => `${x.partition}/${x.offset} ${x.status}: ${x.reason}`);
    out.replaceChildren(el('span', {}, `${r.replayed} of ${r.requested} replayed.`),
      ...failures.map(f => el('div', {class: 'error'}, f)));
    [...selected].filter(k => k.startsWith(topic + '|')).forEach(k => selected.delete(k));
    refresh();
  } catch (e) {
    handle(e, out);
  }
}

async function reprocess() {
  const msg = $('reprocess-message');
  const since = $('reprocess-since').value.trim();
  const what = since ? `the articles written to ${$('reprocess-topic').textContent} since ${since}`
    : `every article of ${$('reprocess-topic').textContent}`;
  if (!confirm(`Enrich ${what} again, beside the live stage?`)) return;
  msg.textContent = 'starting…';
  msg.className = '';
  try {
    renderReprocess(await api('POST', '/api/ops/reprocess' + (since ? '?since=' + encodeURIComponent(since) : '')));
    msg.textContent = 'Started; its phase and progress below.';
  } catch (e) {
    handle(e, msg);
  }
}

function handle(e, target) {
  if (e instanceof AuthError) { logout(e.message); return; }
  target.className = 'error';
  target.textContent = e.message;
}

// ---- refresh loop -------------------------------------------------------------------------

async function section(path, render, errorTarget) {
  try {
    render(await api('GET', path));
    return true;
  } catch (e) {
    if (e instanceof AuthError) throw e;
    errorTarget(e.message);
    return false;
  }
}

async function refresh() {
  const problems = [];
  const note = name => msg => problems.push(`${name}: ${msg}`);
  try {
    await Promise.all([
      section('/api/ops/health', renderHealth, note('health')),
      section('/api/ops/topics', renderTopics, note('topics')),
      section('/api/ops/groups', renderGroups, note('groups')),
      section('/api/ops/dead-letters', renderDeadLetters, note('dead letters')),
      section('/api/ops/schemas', renderSchemas, note('schemas')),
      section('/api/ops/reprocess', renderReprocess, note('reprocess')),
    ]);
  } catch (e) {
    if (e instanceof AuthError) { logout(e.message); return; }
    problems.push(e.message);
  }
  const banner = $('banner');
  banner.hidden = problems.length === 0;
  banner.textContent = problems.join(' · ');
  $('last-refresh').textContent = 'updated ' + new Date().toLocaleTimeString();
}

function schedule() {
  clearInterval(timer);
  timer = null;
  if ($('auto-refresh').checked) {
    timer = setInterval(refresh, Number($('refresh-seconds').value) * 1000);
  }
}

function showConsole() {
  $('login').hidden = true;
  $('console').hidden = false;
  $('controls').hidden = false;
  refresh();
  schedule();
}

function logout(reason) {
  clearInterval(timer);
  sessionStorage.removeItem(TOKEN_KEY);
  $('console').hidden = true;
  $('controls').hidden = true;
  $('login').hidden = false;
  $('login-error').textContent = reason || '';
  $('token-input').focus();
}

$('login-form').addEventListener('submit', async ev => {
  ev.preventDefault();
  sessionStorage.setItem(TOKEN_KEY, $('token-input').value.trim());
  $('token-input').value = '';
  try {
    await api('GET', '/api/ops/topics');
  } catch (e) {
    if (e instanceof AuthError) { logout('That token was refused.'); return; }
    // Accepted, but Kafka has a problem: the console shows it in the banner.
  }
  showConsole();
});
$('forget-token').addEventListener('click', () => logout(''));
$('refresh-now').addEventListener('click', refresh);
$('auto-refresh').addEventListener('change', schedule);
$('refresh-seconds').addEventListener('change', schedule);
$('reprocess').addEventListener('click', () => reprocess());

if (sessionStorage.getItem(TOKEN_KEY)) showConsole(); else logout('');
