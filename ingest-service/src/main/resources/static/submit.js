// Submitters' page: posts to /api/articles with the submit token kept in sessionStorage, then
// polls each article's status until it is searchable or failed. The status is the index
// service's: the 202 names its URL (statusUrl), which allows this page's origin (CORS). Nothing
// typed is lost on an error: the form keeps its text until an article is accepted.
'use strict';

const TOKEN_KEY = 'pipeline.submit.token';
const LIST_KEY = 'pipeline.submit.list';
const $ = id => document.getElementById(id);
let readerUrl = '';
const polls = {};

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v; else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
}

function authHeaders(extra) {
  return Object.assign({'Authorization': 'Bearer ' + sessionStorage.getItem(TOKEN_KEY)}, extra || {});
}

async function readJson(response) {
  try {
    return await response.json();
  } catch (e) {
    return {error: 'HTTP ' + response.status + ' without a readable answer'};
  }
}

// ---- login ----

function showLogin(message) {
  sessionStorage.removeItem(TOKEN_KEY);
  $('submit').hidden = true;
  $('controls').hidden = true;
  $('login').hidden = false;
  $('login-error').textContent = message || '';
  $('token-input').focus();
}

function showForm() {
  $('login').hidden = true;
  $('submit').hidden = false;
  $('controls').hidden = false;
  renderList();
  for (const s of loadList()) {
    if (s.status === 'accepted' || s.status === 'processing') poll(s.id);
  }
}

$('login-form').addEventListener('submit', ev => {
  ev.preventDefault();
  sessionStorage.setItem(TOKEN_KEY, $('token-input').value.trim());
  $('token-input').value = '';
  showForm();
});
$('forget-token').addEventListener('click', () => showLogin(''));

// ---- the form ----

function clearErrors() {
  for (const e of document.querySelectorAll('.field-error')) e.textContent = '';
  for (const e of document.querySelectorAll('.invalid')) e.classList.remove('invalid');
  $('form-message').replaceChildren();
}

function showError(title, details) {
  const box = el('div', {class: 'error'}, el('strong', {}, title));
  const general = [];
  for (const d of details || []) {
    const field = d && typeof d === 'object' ? d.field : null;
    const message = d && typeof d === 'object' ? d.message : String(d);
    const slot = field ? document.querySelector('.field-error[data-field="' + CSS.escape(field) + '"]') : null;
    if (slot) {
      slot.textContent = message;
      const input = $(field);
      if (input) input.classList.add('invalid');
    } else {
      general.push(field ? field + ': ' + message : message);
    }
  }
  if (general.length) box.append(el('ul', {}, ...general.map(g => el('li', {}, g))));
  $('form-message').replaceChildren(box);
}

function updateSize() {
  const bytes = new TextEncoder().encode($('body').value).length;
  $('size').textContent = bytes ? bytes.toLocaleString() + ' bytes' : '';
}
$('body').addEventListener('input', updateSize);

$('article-form').addEventListener('submit', async ev => {
  ev.preventDefault();
  clearErrors();
  const body = $('body').value;
  if (!body.trim()) {
    showError('Nothing to submit 内容为空', [{field: 'body', message: 'Paste a page or type the article text. 请粘贴网页或输入正文。'}]);
    return;
  }
  const title = $('title').value.trim();
  const optional = {url: $('url').value.trim(), source: $('source').value.trim(), language: $('language').value};
  let request;
  if (title) {
    const article = {title: title, body: body};
    for (const [k, v] of Object.entries(optional)) if (v) article[k] = v;
    request = {method: 'POST', headers: authHeaders({'Content-Type': 'application/json'}), body: JSON.stringify(article)};
  } else {
    request = {method: 'POST', headers: authHeaders({'Content-Type': 'text/plain; charset=utf-8'}), body: body};
  }
  const query = title ? '' : new URLSearchParams(Object.entries(optional).filter(([, v]) => v)).toString();
  $('send').disabled = true;
  let response;
  try {
    response = await fetch('/api/articles' + (query ? '?' + query : ''), request);
  } catch (e) {
    showError('The ingest service did not answer; nothing was stored. Try again. 服务无响应，未保存，请重试。', [String(e)]);
    $('send').disabled = false;
    return;
  }
  const answer = await readJson(response);
  $('send').disabled = false;
  if (response.status === 401 || response.status === 403) {
    showLogin('The token was refused: ' + (answer.error || response.status) + '. 令牌无效。');
    return;
  }
  if (response.status !== 202) {
    const retry = response.headers.get('Retry-After');
    const title = (answer.error || ('HTTP ' + response.status))
        + (retry ? ' — try again in ' + retry + ' s. 请稍后重试。' : '');
    showError(title, answer.details);
    return;
  }
  addSubmission({id: answer.id, revision: answer.revision, title: answer.title || title || firstLine(body),
    statusUrl: answer.statusUrl || response.headers.get('Location') || '',
    submittedAt: new Date().toISOString(), status: 'accepted'});
  $('form-message').replaceChildren(el('div', {class: 'ok'},
      'Accepted 已接收: ' + answer.id + ' (revision ' + answer.revision + ')'));
  $('article-form').reset();
  updateSize();
  poll(answer.id);
});

function firstLine(text) {
  for (const line of text.split('\n')) {
    const l = line.trim();
    if (l.length >= 4) return l.length > 60 ? l.slice(0, 60) + '…' : l;
  }
  return text.trim().slice(0, 60);
}

// ---- submissions and their status ----

function loadList() {
  try {
    return JSON.parse(sessionStorage.getItem(LIST_KEY) || '[]');
  } catch (e) {
    return [];
  }
}

function saveList(list) {
  sessionStorage.setItem(LIST_KEY, JSON.stringify(list.slice(0, 50)));
}

function addSubmission(s) {
  const list = loadList().filter(x => x.id !== s.id);
  list.unshift(s);
  saveList(list);
  renderList();
}

function updateSubmission(id, change) {
  const list = loadList();
  const s = list.find(x => x.id === id);
  if (!s) return null;
  Object.assign(s, change);
  saveList(list);
  renderList();
  return s;
}

const STATUS_TEXT = {accepted: 'accepted 已接收', processing: 'processing 处理中', indexed: 'searchable 可检索', failed: 'failed 失败'};

function renderList() {
  const list = loadList();
  $('none-yet').hidden = list.length > 0;
  const rows = list.map(s => {
    const status = el('td', {}, el('span', {class: 'status ' + s.status, 'data-status': s.status}, STATUS_TEXT[s.status] || s.status));
    if (s.failure) status.append(el('div', {class: 'reason'}, s.failure));
    if (s.note) status.append(el('div', {class: 'muted'}, s.note));
    const open = el('td', {});
    if (s.status === 'indexed' && readerUrl) {
      open.append(el('a', {href: readerUrl.replace(/\/$/, '') + '/#/article/' + encodeURIComponent(s.id),
        target: '_blank', rel: 'noopener', class: 'open'}, 'Open in the reader 阅读'));
    }
    return el('tr', {'data-id': s.id},
        el('td', {}, el('div', {}, s.title || ''), el('div', {class: 'id'}, s.id)),
        el('td', {}, new Date(s.submittedAt).toLocaleTimeString()),
        status, open);
  });
  document.querySelector('#submissions tbody').replaceChildren(...rows);
}

function poll(id) {
  if (polls[id]) return;
  let delay = 1000;
  const tick = async () => {
    const s = loadList().find(x => x.id === id);
    if (!s) { delete polls[id]; return; }
    if (!s.statusUrl) {
      delete polls[id];
      updateSubmission(id, {note: 'no status URL in the answer: look for it in the reader'});
      return;
    }
    let response;
    try {
      response = await fetch(s.statusUrl, {headers: authHeaders()});
    } catch (e) {
      updateSubmission(id, {note: 'status unavailable, retrying: ' + e});
      return again();
    }
    const answer = await readJson(response);
    if (response.status === 401 || response.status === 403) {
      delete polls[id];
      showLogin('The token was refused. 令牌无效。');
      return;
    }
    if (response.status === 200) {
      if (answer.status === 'indexed') {
        updateSubmission(id, {status: 'indexed', note: '', failure: ''});
        delete polls[id];
        return;
      }
      if (answer.status === 'failed') {
        const f = answer.failure || {};
        updateSubmission(id, {status: 'failed', note: '',
          failure: (f.stage ? f.stage + ': ' : '') + (f.reason || 'dead-lettered')});
        delete polls[id];
        return;
      }
      updateSubmission(id, {status: 'processing', note: ''});
    } else {
      updateSubmission(id, {note: (answer.error || 'HTTP ' + response.status)
          + (answer.details && answer.details.length ? ': ' + answer.details.join('; ') : '') + ' — retrying'});
    }
    return again();
  };
  const again = () => {
    delay = Math.min(delay * 1.5, 5000);
    polls[id] = setTimeout(tick, delay);
  };
  polls[id] = setTimeout(tick, 300);
}

// ---- start ----

fetch('/config.json').then(r => r.ok ? r.json() : {}).then(c => {
  readerUrl = c.readerUrl || '';
  renderList();
}).catch(() => {});
if (sessionStorage.getItem(TOKEN_KEY)) showForm(); else showLogin('');
