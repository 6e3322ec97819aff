// Reader page: search, facets, article view. No dependencies, no external resources.
// Everything from the API is inserted as text; only snippet/titleHtml (escaped by the server, with
// <mark> around matches) go through safeMarkup, which accepts nothing but text and <mark>.
(function () {
  'use strict';

  var I18N = {
    zh: {
      brand: '公益新闻搜索', placeholder: '搜索文章、机构、关键词', search: '搜索', sortBy: '排序',
      relevance: '相关度', newest: '最新', refine: '筛选', back: '← 返回结果', similar: '相关文章',
      footer: '数据来自文章管道 · 关键词与机构由自动分析生成',
      found: function (n, ms) { return '找到 ' + n + ' 篇文章（' + ms + ' 毫秒）'; },
      latest: function (n) { return '最新文章，共 ' + n + ' 篇'; },
      none: '没有找到文章。试试更短的词，或去掉筛选条件。', error: '搜索暂时不可用：',
      organizations: '机构', keywords: '关键词', sources: '来源', categories: '分类', languages: '语言', months: '月份',
      org: '机构', keyword: '关键词', source: '来源', category: '分类', lang: '语言', month: '月份',
      prev: '上一页', next: '下一页', published: '发布', notFound: '文章不存在或已撤回。', open: '原文',
      remove: '移除筛选', author: '作者', loading: '加载中…', story: '同一报道',
      stories: function (n) { return '，合并为 ' + n + ' 条报道'; },
      copies: function (n) { return '另有 ' + n + ' 篇相同报道'; }
    },
    en: {
      brand: 'Public-welfare news search', placeholder: 'Search articles, organizations, keywords', search: 'Search',
      sortBy: 'Sort', relevance: 'Relevance', newest: 'Newest', refine: 'Refine', back: '← Back to results',
      similar: 'Similar articles', footer: 'From the article pipeline · keywords and organizations are machine-extracted',
      found: function (n, ms) { return n + ' article' + (n === 1 ? '' : 's') + ' (' + ms + ' ms)'; },
      latest: function (n) { return 'Latest articles, ' + n + ' in all'; },
      none: 'No articles found. Try fewer words or remove a filter.', error: 'Search is unavailable: ',
      organizations: 'Organizations', keywords: 'Keywords', sources: 'Sources', categories: 'Categories',
      languages: 'Languages', months: 'Months',
      org: 'Organization', keyword: 'Keyword', source: 'Source', category: 'Category', lang: 'Language', month: 'Month',
      prev: 'Previous', next: 'Next', published: 'Published', notFound: 'This article does not exist or was retracted.',
      open: 'Original', remove: 'Remove filter', author: 'Author', loading: 'Loading…', story: 'Same story',
      stories: function (n) { return ', ' + n + ' stor' + (n === 1 ? 'y' : 'ies'); },
      copies: function (n) { return n + ' more report' + (n === 1 ? '' : 's') + ' of this story'; }
    }
  };
  var FILTERS = ['org', 'keyword', 'source', 'category', 'lang', 'story'];
  var FACET_PARAM = { organizations: 'org', keywords: 'keyword', sources: 'source', categories: 'category', languages: 'lang' };
  var PAGE_SIZE = 10;

  // ?lang=zh|en (a shared link), else the reader's last choice, else the browser's language.
  var asked = new URLSearchParams(location.search).get('lang');
  var lang = (asked === 'zh' || asked === 'en') ? asked : (localStorage.getItem('lang')
      || ((navigator.language || 'zh').toLowerCase().indexOf('zh') === 0 ? 'zh' : 'en'));
  function t(key) { return I18N[lang][key] !== undefined ? I18N[lang][key] : key; }

  function $(id) { return document.getElementById(id); }
  function el(tag, props, children) {
    var node = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (k) {
        if (k === 'text') { node.textContent = props[k]; }
        else if (k === 'className') { node.className = props[k]; }
        else if (k.indexOf('on') === 0) { node.addEventListener(k.substring(2), props[k]); }
        else { node.setAttribute(k, props[k]); }
      });
    }
    (children || []).forEach(function (c) { if (c) { node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); } });
    return node;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }

  // Accepts only text and <mark>; anything else falls back to the plain text of the markup.
  function safeMarkup(target, html) {
    var tpl = document.createElement('template');
    tpl.innerHTML = html || '';
    var ok = true;
    (function check(n) {
      Array.prototype.forEach.call(n.childNodes, function (c) {
        if (c.nodeType === 1) {
          if (c.tagName !== 'MARK' || c.attributes.length) { ok = false; }
          check(c);
        } else if (c.nodeType !== 3) { ok = false; }
      });
    })(tpl.content);
    clear(target);
    if (ok) { target.appendChild(tpl.content); } else { target.textContent = tpl.content.textContent; }
  }

  function formatDate(iso) {
    if (!iso) { return ''; }
    var d = new Date(iso);
    if (isNaN(d.getTime())) { return ''; }
    return d.toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en-GB', { year: 'numeric', month: 'short', day: 'numeric' });
  }

  // ---- state in the URL hash: #/search?q=..&org=.. or #/article/<id>
  function parseHash() {
    var h = location.hash.replace(/^#/, '') || '/';
    if (h.indexOf('/article/') === 0) {
      return { view: 'article', id: decodeURIComponent(h.substring('/article/'.length)) };
    }
    var qs = h.indexOf('?') >= 0 ? h.substring(h.indexOf('?') + 1) : '';
    return { view: 'search', params: new URLSearchParams(qs) };
  }
  function searchHash(params) { var s = params.toString(); return '#/search' + (s ? '?' + s : ''); }
  function go(params) { location.hash = searchHash(params); }
  function current() { var s = parseHash(); return s.view === 'search' ? s.params : new URLSearchParams(); }
  function withParam(params, key, value) {
    var p = new URLSearchParams(params);
    if (p.getAll(key).indexOf(value) < 0) { p.append(key, value); }
    p.delete('page');
    return p;
  }
  function withoutParam(params, key, value) {
    var p = new URLSearchParams();
    params.forEach(function (v, k) { if (!(k === key && v === value)) { p.append(k, v); } });
    p.delete('page');
    return p;
  }

  function api(path) {
    return fetch(path, { headers: { Accept: 'application/json' } }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (body) { return { status: r.status, body: body }; });
    });
  }

  // ---- search view
  var lastSearch = '#/';
  var searchSeq = 0;
  function runSearch(params) {
    var seq = ++searchSeq;  // a slower, older answer must not overwrite a newer one
    $('view-search').hidden = false;
    $('view-article').hidden = true;
    $('q').value = params.get('q') || '';
    $('sort').value = params.get('sort') || ((params.get('q') || '') ? 'relevance' : 'date');
    lastSearch = searchHash(params);
    var p = new URLSearchParams(params);
    p.set('size', PAGE_SIZE);
    // each story once, its other reports one click away; a story's own list shows them all
    if (!params.get('story')) { p.set('collapse', 'true'); }
    $('summary').textContent = t('loading');
    $('hits').setAttribute('data-for', '');
    api('/api/search?' + p.toString()).then(function (res) {
      if (seq !== searchSeq) { return; }
      if (res.status !== 200) {
        renderError(res);
        return;
      }
      renderResults(params, res.body);
    }).catch(function (e) { if (seq === searchSeq) { renderError({ body: { error: String(e) } }); } });
  }

  function renderError(res) {
    clear($('hits'));
    clear($('pager'));
    var details = (res.body && res.body.details) ? ' (' + res.body.details.join('; ') + ')' : '';
    $('summary').textContent = t('error') + ((res.body && res.body.error) || res.status) + details;
  }

  function renderResults(params, r) {
    var q = params.get('q') || '';
    $('summary').textContent = (q ? t('found')(r.total, r.took) : t('latest')(r.total))
        + (r.collapsed && r.stories != null && r.stories < r.total ? t('stories')(r.stories) : '');
    renderChips(params);
    var hits = $('hits');
    clear(hits);
    if (!r.hits.length) {
      hits.appendChild(el('li', { className: 'empty', text: t('none') }));
    }
    r.hits.forEach(function (h) { hits.appendChild(renderHit(h, false)); });
    // Which search the list shows: lets tests and scripts wait for this render, not an older one.
    hits.setAttribute('data-for', searchHash(params));
    renderFacets(params, r.facets || {});
    renderPager(params, r);
  }

  function renderHit(h, compact) {
    var title = el('a', { className: 'title', href: '#/article/' + encodeURIComponent(h.id) });
    safeMarkup(title, h.titleHtml || '');
    if (!title.textContent) { title.textContent = h.title || h.id; }
    var metaParts = [h.source, formatDate(h.publishedAt)].filter(Boolean);
    var li = el('li', { className: 'hit', 'data-id': h.id }, [
      el('h3', null, [title]),
      el('div', { className: 'meta', text: metaParts.join(' · ') })
    ]);
    if (!compact) {
      var snippet = el('p', { className: 'snippet' });
      safeMarkup(snippet, h.snippet);
      li.appendChild(snippet);
      var tags = el('div', { className: 'tags' });
      (h.organizations || []).slice(0, 4).forEach(function (o) {
        tags.appendChild(el('a', { className: 'tag org', href: searchHash(withParam(new URLSearchParams(), 'org', o.name)), text: o.name }));
      });
      (h.keywords || []).slice(0, 5).forEach(function (k) {
        tags.appendChild(el('a', { className: 'tag', href: searchHash(withParam(new URLSearchParams(), 'q', k)), text: k }));
      });
      li.appendChild(tags);
      if (h.copies > 0 && h.story) {
        li.appendChild(el('a', { className: 'copies', href: searchHash(withParam(new URLSearchParams(), 'story', h.story)),
          text: t('copies')(h.copies) }));
      }
    }
    return li;
  }

  function renderChips(params) {
    var chips = $('chips');
    clear(chips);
    FILTERS.concat(['from', 'to']).forEach(function (key) {
      params.getAll(key).forEach(function (v) {
        chips.appendChild(el('button', {
          type: 'button', className: 'chip', 'data-key': key, title: t('remove'),
          text: (t(key === 'from' || key === 'to' ? 'month' : key)) + ': ' + v + (key === 'from' ? ' →' : ''),
          onclick: function () {
            var p = withoutParam(params, key, v);
            if (key === 'from') { p = withoutParam(p, 'to', params.get('to')); }
            go(p);
          }
        }));
      });
    });
  }

  function renderFacets(params, facets) {
    var box = $('facet-groups');
    clear(box);
    Object.keys(facets).forEach(function (name) {
      var values = facets[name] || [];
      if (!values.length) { return; }
      var ul = el('ul');
      values.forEach(function (f) {
        var param = FACET_PARAM[name];
        var active = param ? params.getAll(param).indexOf(f.value) >= 0 : params.get('from') === f.value + '-01';
        var btn = el('button', {
          type: 'button', 'aria-pressed': String(active), 'data-value': f.value,
          onclick: function () {
            if (param) {
              go(active ? withoutParam(params, param, f.value) : withParam(params, param, f.value));
            } else {
              var p = new URLSearchParams(params);
              p.delete('page');
              if (active) { p.delete('from'); p.delete('to'); } else {
                var parts = f.value.split('-');
                var last = new Date(Date.UTC(+parts[0], +parts[1], 0)).getUTCDate();
                p.set('from', f.value + '-01');
                p.set('to', f.value + '-' + (last < 10 ? '0' : '') + last);
              }
              go(p);
            }
          }
        }, [el('span', { text: f.value }), el('span', { className: 'count', text: String(f.count) })]);
        ul.appendChild(el('li', null, [btn]));
      });
      box.appendChild(el('section', { className: 'facet', 'data-facet': name }, [el('h4', { text: t(name) }), ul]));
    });
  }

  function renderPager(params, r) {
    var pager = $('pager');
    clear(pager);
    var page = +(params.get('page') || 1);
    var listed = r.collapsed && r.stories != null ? r.stories : r.total;
    var pages = Math.min(Math.ceil(listed / PAGE_SIZE), Math.floor(10000 / PAGE_SIZE));
    if (pages <= 1) { return; }
    function link(n, label) {
      var p = new URLSearchParams(params);
      p.set('page', n);
      return el('a', { href: searchHash(p), text: label || String(n), 'data-page': String(n) });
    }
    if (page > 1) { pager.appendChild(link(page - 1, t('prev'))); }
    var start = Math.max(1, page - 2), end = Math.min(pages, start + 4);
    for (var n = start; n <= end; n++) {
      pager.appendChild(n === page ? el('span', { className: 'current', text: String(n) }) : link(n));
    }
    if (page < pages) { pager.appendChild(link(page + 1, t('next'))); }
  }

  // ---- article view
  var articleSeq = 0;
  function showArticle(id) {
    var seq = ++articleSeq;
    searchSeq++;  // an answer to a search started before must not render now
    $('view-search').hidden = true;
    $('view-article').hidden = false;
    $('back').setAttribute('href', lastSearch);
    var box = $('article');
    clear(box);
    box.appendChild(el('p', { text: t('loading') }));
    window.scrollTo(0, 0);
    api('/api/articles/' + encodeURIComponent(id)).then(function (res) {
      if (seq !== articleSeq) { return; }
      clear(box);
      if (res.status !== 200) {
        box.appendChild(el('p', { className: 'empty', text: res.status === 404 ? t('notFound') : t('error') + res.status }));
        return;
      }
      renderArticle(box, res.body);
    });
    // the section shows only once there is something in it: no empty "similar articles" heading
    var similar = $('similar');
    clear(similar);
    similar.removeAttribute('data-for');
    $('similar-section').hidden = true;
    api('/api/articles/' + encodeURIComponent(id) + '/similar?size=5').then(function (res) {
      if (res.status !== 200 || seq !== articleSeq) { return; }
      (res.body.hits || []).forEach(function (h) { similar.appendChild(renderHit(h, true)); });
      $('similar-section').hidden = similar.childNodes.length === 0;
      similar.setAttribute('data-for', id);
    });
  }

  function renderArticle(box, a) {
    var meta = [a.source, a.author ? t('author') + ': ' + a.author : null, formatDate(a.publishedAt || a.submittedAt)]
      .filter(Boolean).join(' · ');
    box.appendChild(el('h1', { text: a.title || a.id }));
    box.appendChild(el('div', { className: 'meta', text: meta }));
    if (a.url && /^https?:\/\//i.test(a.url)) {
      box.appendChild(el('p', null, [el('a', { href: a.url, rel: 'noopener noreferrer nofollow', target: '_blank', text: t('open') })]));
    }
    var orgs = el('div', { className: 'tags orgs' });
    (a.organizations || []).forEach(function (o) {
      orgs.appendChild(el('a', { className: 'tag org org-link', href: searchHash(withParam(new URLSearchParams(), 'org', o.name)), text: o.name }));
    });
    var kws = el('div', { className: 'tags keywords' });
    (a.keywords || []).forEach(function (k) {
      kws.appendChild(el('a', { className: 'tag keyword-link', href: searchHash(withParam(new URLSearchParams(), 'keyword', k.text)), text: k.text }));
    });
    if (orgs.childNodes.length) { box.appendChild(el('h2', { text: t('organizations') })); box.appendChild(orgs); }
    if (kws.childNodes.length) { box.appendChild(el('h2', { text: t('keywords') })); box.appendChild(kws); }
    var body = el('div', { className: 'body' });
    String(a.body || '').split(/\n+/).forEach(function (para) {
      if (para.trim()) { body.appendChild(el('p', { text: para.trim() })); }
    });
    box.appendChild(body);
  }

  // ---- suggestions
  var suggestTimer = null, suggestSeq = 0, selected = -1;
  function hideSuggestions() { $('suggestions').hidden = true; selected = -1; }
  function suggest() {
    var prefix = $('q').value.trim();
    if (!prefix) { hideSuggestions(); return; }
    var seq = ++suggestSeq;
    api('/api/suggest?size=5&prefix=' + encodeURIComponent(prefix)).then(function (res) {
      if (seq !== suggestSeq || res.status !== 200 || $('q').value.trim() !== prefix) { return; }
      var list = $('suggestions');
      clear(list);
      var items = [];
      (res.body.organizations || []).forEach(function (o) { items.push({ text: o, param: 'org', kind: t('org') }); });
      (res.body.keywords || []).forEach(function (k) { items.push({ text: k, param: 'keyword', kind: t('keyword') }); });
      items.forEach(function (it) {
        list.appendChild(el('li', {
          role: 'option', 'data-param': it.param, 'data-value': it.text,
          onmousedown: function (e) { e.preventDefault(); pick(it.param, it.text); }
        }, [el('span', { text: it.text }), el('span', { className: 'kind', text: it.kind })]));
      });
      list.hidden = items.length === 0;
      selected = -1;
    });
  }
  function pick(param, value) {
    hideSuggestions();
    $('q').value = '';
    go(withParam(new URLSearchParams(), param, value));
  }

  // ---- wiring
  function applyLanguage() {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    Array.prototype.forEach.call(document.querySelectorAll('[data-i18n]'), function (n) { n.textContent = t(n.getAttribute('data-i18n')); });
    Array.prototype.forEach.call(document.querySelectorAll('[data-i18n-placeholder]'), function (n) { n.setAttribute('placeholder', t(n.getAttribute('data-i18n-placeholder'))); });
    $('lang').textContent = lang === 'zh' ? 'EN' : '中文';
    document.title = t('brand');
  }

  $('search-form').addEventListener('submit', function (e) {
    e.preventDefault();
    hideSuggestions();
    var p = new URLSearchParams(current());
    var q = $('q').value.trim();
    if (q) { p.set('q', q); } else { p.delete('q'); }
    p.delete('page');
    p.delete('sort');
    go(p);
  });
  $('q').addEventListener('input', function () { clearTimeout(suggestTimer); suggestTimer = setTimeout(suggest, 150); });
  $('q').addEventListener('blur', function () { setTimeout(hideSuggestions, 100); });
  $('q').addEventListener('keydown', function (e) {
    var items = $('suggestions').querySelectorAll('li');
    if ($('suggestions').hidden || !items.length) { return; }
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      selected = (selected + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
      Array.prototype.forEach.call(items, function (li, i) { li.setAttribute('aria-selected', String(i === selected)); });
    } else if (e.key === 'Enter' && selected >= 0) {
      e.preventDefault();
      pick(items[selected].getAttribute('data-param'), items[selected].getAttribute('data-value'));
    } else if (e.key === 'Escape') { hideSuggestions(); }
  });
  $('sort').addEventListener('change', function () {
    var p = new URLSearchParams(current());
    p.set('sort', $('sort').value);
    p.delete('page');
    go(p);
  });
  $('lang').addEventListener('click', function () {
    lang = lang === 'zh' ? 'en' : 'zh';
    localStorage.setItem('lang', lang);
    applyLanguage();
    route();
  });
  // Facets fold away on a phone-sized screen (results first), and open again on a wide one.
  if (window.matchMedia) {
    var narrow = window.matchMedia('(max-width: 760px)');
    var fold = function () { if (narrow.matches) { $('facets').removeAttribute('open'); } else { $('facets').setAttribute('open', ''); } };
    fold();
    if (narrow.addEventListener) { narrow.addEventListener('change', fold); }
  }

  function route() {
    hideSuggestions();
    suggestSeq++;
    var s = parseHash();
    if (s.view === 'article') { showArticle(s.id); } else { runSearch(s.params); }
  }
  window.addEventListener('hashchange', route);
  applyLanguage();
  // A shared link such as /?q=志愿服务&org=… opens that search (the page keeps its state in the hash).
  (function linkToHash() {
    var given = new URLSearchParams(location.search);
    var lang = given.get('lang');
    given.delete('lang');
    if (!location.hash && given.toString()) {
      history.replaceState(null, '', location.pathname + (lang ? '?lang=' + encodeURIComponent(lang) : '') + searchHash(given));
    }
  })();
  route();
})();
