// The console's pages: each page builds its frame once, then redraws from the snapshots that arrive over
// Server-Sent Events. Data is put in the page as text (never as HTML), so names from the app cannot inject markup.
'use strict';
(function () {
  const page = document.body.dataset.page;
  const id = document.body.dataset.id;
  const main = document.getElementById('main');
  const live = document.getElementById('live');

  const url = new URLSearchParams(location.search);
  if (url.get('token')) {
    sessionStorage.setItem('wippyToken', url.get('token'));
  }
  document.querySelectorAll('nav a[data-nav]').forEach(a => {
    if (a.dataset.nav.split(' ').includes(page)) a.classList.add('current');
  });

  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined) continue;
      if (k === 'class') e.className = v; else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v);
    }
    for (const k of kids.flat()) {
      if (k === null || k === undefined) continue;
      e.append(k instanceof Node ? k : document.createTextNode(String(k)));
    }
    return e;
  }
  const num = v => typeof v === 'number' ? (Number.isInteger(v) ? v.toLocaleString('en') : v.toFixed(2)) : (v ?? '');
  const stateCell = s => el('td', { class: 'state-' + s }, s);
  function table(head, rows, numeric) {
    return el('table', {}, el('thead', {}, el('tr', {}, head.map((h, i) => el('th', { class: numeric && numeric[i] ? 'num' : null }, h)))),
      el('tbody', {}, rows));
  }
  function replace(node, fresh) { node.replaceChildren(...[fresh].flat()); }
  function card(label, value) { return el('div', { class: 'card' }, el('b', {}, num(value)), el('span', {}, label)); }
  function link(href, text) { return el('a', { href }, text); }
  const procHref = pid => '/processes/' + encodeURIComponent(pid);
  const wfHref = wid => '/workflows/' + encodeURIComponent(wid);

  async function act(path, body) {
    let token = sessionStorage.getItem('wippyToken');
    if (!token) {
      token = prompt('Console token (printed by wippy run --console at start-up):');
      if (!token) return null;
      sessionStorage.setItem('wippyToken', token);
    }
    const res = await fetch(path, { method: 'POST', headers: { 'X-Console-Token': token, 'Content-Type': 'application/json' },
      body: JSON.stringify(body || {}) });
    const out = await res.json();
    if (res.status === 403) sessionStorage.removeItem('wippyToken');
    return out;
  }
  function notice(text, bad) {
    const n = el('div', { class: 'notice' + (bad ? ' err' : ''), id: 'notice' }, text);
    document.getElementById('notice')?.remove();
    main.prepend(n);
  }

  // ---------------------------------------------------------------- pages

  function processes() {
    const cards = el('div', { class: 'cards' });
    const search = el('input', { type: 'search', placeholder: 'search PID, entry or host', id: 'search', value: url.get('q') || '' });
    const count = el('span', { class: 'muted', id: 'count' });
    const body = el('div', { id: 'table' });
    const tree = el('div', { class: 'tree', id: 'tree' });
    main.append(el('h1', {}, 'Processes'), cards, el('div', { class: 'bar' }, search, count), body,
      el('h2', {}, 'Supervision and link tree'), tree);
    search.addEventListener('input', () => connect({ q: search.value }));
    function node(n) {
      if (!n) return el('span', { class: 'muted' }, 'no process');
      return el('span', {}, link(procHref(n.pid), n.pid), ' ', el('span', { class: 'muted' }, n.entry || ''),
        n.links.length ? el('ul', {}, n.links.map(c => el('li', {}, '↔ ', node(c)))) : null);
    }
    return {
      params: () => ({ q: search.value }),
      update(d) {
        replace(cards, [card('executions', d.total), ...d.hosts.map(h => card(h.id + ' live', h.live))]);
        count.textContent = d.matched + ' matching' + (d.matched > d.rows.length ? ', first ' + d.rows.length + ' shown' : '');
        replace(body, table(['PID', 'entry', 'host', 'kind', 'state', 'mailbox', 'names'], d.rows.map(r => el('tr', { 'data-pid': r.pid },
          el('td', {}, link(procHref(r.pid), r.pid)), el('td', {}, r.entry), el('td', {}, r.host), el('td', {}, r.kind),
          stateCell(r.state), el('td', { class: 'num' }, num(r.mailbox)), el('td', {}, r.names.join(', ')))),
          [0, 0, 0, 0, 0, 1, 0]));
        replace(tree, el('ul', {}, el('li', {}, el('b', {}, 'supervisor'),
          el('ul', {}, d.tree.map(s => el('li', {}, el('b', {}, s.service), ' ', el('span', { class: 'state-' + s.state }, s.state), ' — ', node(s.process)))))));
      }
    };
  }

  function process() {
    const info = el('dl', { class: 'kv', id: 'info' });
    const button = el('button', { class: 'danger', id: 'terminate' }, 'Terminate');
    button.addEventListener('click', async () => {
      if (!confirm('Terminate process ' + id + '?')) return;
      const out = await act('/api/processes/' + encodeURIComponent(id) + '/terminate');
      if (out) notice(out.message, out.status !== 200);
    });
    main.append(el('h1', {}, 'Process ', id), el('div', { class: 'bar' }, button), info);
    const pids = list => list.length ? list.map((p, i) => [i ? ', ' : '', link(procHref(p), p)]) : el('span', { class: 'muted' }, 'none');
    return {
      update(d) {
        if (d.state === 'exited' || d.gone) {
          replace(info, [el('dt', {}, 'state'), el('dd', { class: 'state-exited', id: 'state' }, 'exited')]);
          button.disabled = true;
          return;
        }
        replace(info, [
          el('dt', {}, 'entry'), el('dd', {}, d.entry), el('dt', {}, 'host'), el('dd', {}, d.host),
          el('dt', {}, 'kind'), el('dd', {}, d.kind), el('dt', {}, 'state'), el('dd', { class: 'state-' + d.state, id: 'state' }, d.state),
          el('dt', {}, 'mailbox depth'), el('dd', { id: 'mailbox' }, num(d.mailbox)),
          el('dt', {}, 'names'), el('dd', {}, d.names.join(', ') || '—'),
          el('dt', {}, 'monitored by'), el('dd', {}, pids(d.monitoredBy)), el('dt', {}, 'links'), el('dd', {}, pids(d.links))]);
      }
    };
  }

  function services() {
    const body = el('div', { id: 'table' });
    main.append(el('h1', {}, 'Services'), body);
    return {
      update(d) {
        replace(body, table(['service', 'state', 'process', 'restarts', 'retry count', 'next restart in', 'last running', 'last error'],
          d.map(s => el('tr', { 'data-service': s.id }, el('td', {}, s.id), stateCell(s.state),
            el('td', {}, s.pid ? link(procHref(s.pid), s.pid) : '—'), el('td', { class: 'num' }, num(s.restarts)),
            el('td', { class: 'num' }, num(s.retries)), el('td', { class: 'num' }, s.restartInMillis === null ? '—' : (s.restartInMillis / 1000).toFixed(1) + ' s'),
            el('td', {}, s.lastRunning ? new Date(s.lastRunning).toLocaleTimeString() : '—'), el('td', {}, s.lastError || ''))),
          [0, 0, 0, 1, 1, 1, 0, 0]));
      }
    };
  }

  function queues() {
    const body = el('div', { id: 'table' });
    const charts = el('div', { class: 'charts', id: 'charts' });
    main.append(el('h1', {}, 'Queues'), body, el('h2', {}, 'Depth and rates'), charts);
    const series = {};
    let previous = null;
    function chart(qid) {
      const box = el('div', { class: 'chart', 'data-queue': qid });
      charts.append(box);
      const s = { t: [], depth: [], inFlight: [], published: [], acked: [] };
      s.plot = new uPlot({ title: qid, width: 560, height: 220, scales: { x: { time: true } },
        series: [{}, { label: 'depth', stroke: '#2d6cdf', width: 2 }, { label: 'in flight', stroke: '#c98a12' },
          { label: 'published/s', stroke: '#2f9e5a', scale: 'rate' }, { label: 'acked/s', stroke: '#8a4fd6', scale: 'rate' }],
        axes: [{}, { label: 'messages' }, { side: 1, scale: 'rate', label: 'per second', grid: { show: false } }] },
        [[], [], [], [], []], box);
      return s;
    }
    return {
      update(d) {
        replace(body, table(['queue', 'depth', 'in flight', 'consumers', 'published', 'acked', 'nacked', 'dead-lettered'],
          d.queues.map(q => el('tr', { 'data-queue': q.id }, el('td', {}, q.id), el('td', { class: 'num depth' }, num(q.message_count)),
            el('td', { class: 'num' }, num(q.in_flight)), el('td', { class: 'num' }, num(q.consumer_count)),
            el('td', { class: 'num' }, num(q.published)), el('td', { class: 'num' }, num(q.acked)),
            el('td', { class: 'num' }, num(q.nacked)), el('td', { class: 'num' }, num(q.dead_lettered)))),
          [0, 1, 1, 1, 1, 1, 1, 1]));
        const seconds = previous ? Math.max(0.001, (d.at - previous.at) / 1000) : 1;
        for (const q of d.queues) {
          const s = series[q.id] || (series[q.id] = chart(q.id));
          const before = previous && previous.queues.find(p => p.id === q.id);
          s.t.push(d.at / 1000); s.depth.push(q.message_count); s.inFlight.push(q.in_flight);
          s.published.push(before ? (q.published - before.published) / seconds : 0);
          s.acked.push(before ? (q.acked - before.acked) / seconds : 0);
          for (const k of ['t', 'depth', 'inFlight', 'published', 'acked']) if (s[k].length > 240) s[k].shift();
          s.plot.setData([s.t, s.depth, s.inFlight, s.published, s.acked]);
        }
        previous = d;
      }
    };
  }

  function workflows() {
    const cards = el('div', { class: 'cards' });
    const status = el('select', { id: 'status' }, ['', 'running', 'completed', 'failed', 'canceled', 'terminated', 'timed_out']
      .map(s => el('option', { value: s }, s || 'any status')));
    status.value = url.get('status') || '';
    status.addEventListener('change', () => connect({ status: status.value }));
    const body = el('div', { id: 'table' });
    main.append(el('h1', {}, 'Workflows'), cards, el('div', { class: 'bar' }, status), body);
    return {
      params: () => ({ status: status.value }),
      update(d) {
        replace(cards, Object.entries(d.counts).map(([k, v]) => card(k, v)));
        replace(body, table(['workflow', 'type', 'status', 'history', 'created', 'closed'], d.rows.map(w => el('tr', { 'data-workflow': w.id },
          el('td', {}, link(wfHref(w.id), w.id)), el('td', {}, w.type), stateCell(w.status), el('td', { class: 'num' }, num(w.historyLength)),
          el('td', {}, new Date(w.created).toLocaleString()), el('td', {}, w.closed ? new Date(w.closed).toLocaleString() : '—'))),
          [0, 0, 0, 1, 0, 0]));
      }
    };
  }

  function workflow() {
    const info = el('dl', { class: 'kv', id: 'info' });
    const timeline = el('ol', { class: 'timeline', id: 'timeline' });
    const topic = el('input', { type: 'text', placeholder: 'signal topic', id: 'topic' });
    const payload = el('input', { type: 'text', placeholder: 'payload (JSON)', id: 'payload' });
    const doIt = (action, extra) => async () => {
      if (action !== 'signal' && !confirm(action[0].toUpperCase() + action.slice(1) + ' workflow ' + id + '?')) return;
      const out = await act('/api/workflows/' + encodeURIComponent(id) + '/' + action, extra && extra());
      if (out) notice(out.message, out.status !== 200);
    };
    const signal = el('button', { id: 'signal' }, 'Signal');
    signal.addEventListener('click', doIt('signal', () => {
      let p = null;
      try { p = payload.value ? JSON.parse(payload.value) : null; } catch (e) { p = payload.value; }
      return { topic: topic.value, payload: p };
    }));
    const cancel = el('button', { id: 'cancel' }, 'Cancel');
    cancel.addEventListener('click', doIt('cancel'));
    const terminate = el('button', { class: 'danger', id: 'terminate' }, 'Terminate');
    terminate.addEventListener('click', doIt('terminate'));
    main.append(el('h1', {}, 'Workflow ', id), el('div', { class: 'bar' }, topic, payload, signal, cancel, terminate), info,
      el('h2', {}, 'History'), timeline);
    const summary = e => Object.entries(e).filter(([k, v]) => k !== 'event' && v !== null && typeof v !== 'object')
      .map(([k, v]) => k + '=' + v).join(' ');
    return {
      update(d) {
        if (d.gone) return;
        replace(info, [el('dt', {}, 'type'), el('dd', {}, d.type), el('dt', {}, 'status'), el('dd', { class: 'state-' + d.status, id: 'wfstatus' }, d.status),
          el('dt', {}, 'worker'), el('dd', {}, d.worker), el('dt', {}, 'created'), el('dd', {}, new Date(d.created).toLocaleString()),
          el('dt', {}, 'closed'), el('dd', {}, d.closed ? new Date(d.closed).toLocaleString() : '—'),
          el('dt', {}, 'result'), el('dd', {}, d.error ? 'error: ' + d.error.message : JSON.stringify(d.result ?? null))]);
        [signal, cancel, terminate].forEach(b => { b.disabled = d.status !== 'running'; });
        replace(timeline, d.history.map(e => el('li', { class: 'ev-' + e.event }, el('span', { class: 'ev' }, e.event), ' ',
          e.entryId ? el('b', {}, e.entryId) : null, ' ', el('span', { class: 'muted' }, summary(e)),
          el('details', {}, el('summary', {}, 'details'), JSON.stringify(e)))));
      }
    };
  }

  function functions() {
    const body = el('div', { id: 'table' });
    main.append(el('h1', {}, 'Functions'), el('p', { class: 'muted' }, 'Calls per second and latency percentiles over the last half second.'), body);
    return {
      update(d) {
        replace(body, table(['function', 'calls/s', 'calls', 'failures', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
          d.functions.map(f => el('tr', { 'data-function': f.id }, el('td', {}, f.id), el('td', { class: 'num' }, num(f.perSecond)),
            el('td', { class: 'num calls' }, num(f.calls)), el('td', { class: 'num' }, num(f.failures)), el('td', { class: 'num' }, num(f.p50)),
            el('td', { class: 'num' }, num(f.p95)), el('td', { class: 'num' }, num(f.p99)), el('td', { class: 'num' }, num(f.max)))),
          [0, 1, 1, 1, 1, 1, 1, 1]));
      }
    };
  }

  function registry() {
    const head = el('div', { class: 'cards', id: 'cards' });
    const body = el('div', { id: 'kinds' });
    main.append(el('h1', {}, 'Registry'), head, body);
    let shown = null;
    return {
      update(d) {
        replace(head, [card('version', d.version), card('entries', d.entries), card('kinds', d.kinds.length)]);
        const key = d.version + ':' + d.entries;
        if (key === shown) return;
        shown = key;
        replace(body, d.kinds.map(k => el('section', { 'data-kind': k.kind }, el('h2', {}, k.kind, ' ', el('span', { class: 'muted' }, '(' + k.count + ')')),
          el('p', {}, k.entries.map((e, i) => [i ? ', ' : '', e.id])))));
      }
    };
  }

  // ---------------------------------------------------------------- live updates

  const pages = { processes, process, services, queues, workflows, workflow, functions, registry };
  if (!pages[page]) return;
  const view = pages[page]();
  let source = null;
  function connect(params) {
    if (source) source.close();
    const q = new URLSearchParams(Object.entries(params || {}).filter(([, v]) => v)).toString();
    source = new EventSource('/events/' + location.pathname.split('/').slice(1).join('/') + (q ? '?' + q : ''));
    source.onopen = () => { live.textContent = 'live'; live.classList.add('on'); };
    source.onerror = () => { live.textContent = 'reconnecting'; live.classList.remove('on'); };
    source.onmessage = e => view.update(JSON.parse(e.data));
  }
  connect(view.params ? view.params() : {});
  // A browser keeps at most six connections per server: a page left for another (perhaps kept in the back-forward
  // cache) must give its stream back, and takes a new one when it is shown again.
  window.addEventListener('pagehide', () => { if (source) source.close(); });
  window.addEventListener('pageshow', e => { if (e.persisted) connect(view.params ? view.params() : {}); });
})();
