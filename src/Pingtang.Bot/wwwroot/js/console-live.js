// The console's live connection (SignalR, /console/live). On a conversation's page: the lines of the conversation
// appear as they are said, and a reply goes out without reloading the page. On every page that loads it: a new
// request for a person in the station's queue shows a notice at once. Every form still works without this script.
(function () {
  'use strict';
  if (!window.signalR) {
    return;
  }

  const panel = document.querySelector('.chat[data-handoff]');
  const handoffId = panel && panel.dataset.handoff ? Number(panel.dataset.handoff) : null;
  const transcript = panel && panel.querySelector('.transcript');
  const onQueuePage = document.querySelector('[data-queue]') !== null;
  const connection = new signalR.HubConnectionBuilder()
    .withUrl('/console/live')
    .withAutomaticReconnect()
    .build();

  const authors = { Worker: '工人', Bot: '智能助手', System: '记录' };

  function who(line) {
    if (line.author === 'Note') {
      return '内部备注 · ' + (line.name || '');
    }

    return authors[line.author] || line.name || '工作人员';
  }

  function chinaTime(iso) {
    const parts = new Intl.DateTimeFormat('zh-CN', {
      timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23'
    }).formatToParts(new Date(iso));
    const part = function (type) { return (parts.find(function (p) { return p.type === type; }) || {}).value; };
    return part('year') + '-' + part('month') + '-' + part('day') + ' ' + part('hour') + ':' + part('minute');
  }

  function append(line) {
    if (!transcript || transcript.querySelector('[data-line="' + line.id + '"]')) {
      return;
    }

    const item = document.createElement('li');
    item.className = 'line ' + line.author.toLowerCase();
    item.dataset.line = line.id;
    const name = document.createElement('span');
    name.className = 'who';
    name.textContent = who(line);
    const time = document.createElement('time');
    time.textContent = chinaTime(line.at);
    const text = document.createElement('p');
    text.textContent = line.text;
    item.append(name, time, text);
    if (line.fileName) {
      const link = document.createElement('a');
      link.href = '/console/chats/' + line.handoffId + '/files/' + line.id;
      link.target = '_blank';
      link.rel = 'noopener';
      link.textContent = line.fileName;
      item.append(link);
    }

    transcript.append(item);
    item.scrollIntoView({ block: 'nearest' });
  }

  function typing() {
    return document.querySelector('textarea:focus, input:focus') !== null;
  }

  function announce(news) {
    if (onQueuePage && !typing()) {
      window.location.reload();
      return;
    }

    if (news.state !== 'Waiting' || news.handoffId === handoffId) {
      return;
    }

    let bar = document.querySelector('.live-notice');
    if (!bar) {
      bar = document.createElement('p');
      bar.className = 'live-notice card';
      bar.setAttribute('role', 'alert');
      document.querySelector('main').prepend(bar);
    }

    bar.classList.toggle('urgent', Boolean(news.urgent));
    bar.textContent = '';
    const link = document.createElement('a');
    link.href = '/console/cases';
    link.textContent = news.urgent ? '有紧急求助进入队列，点这里查看' : '有新的求助进入队列，点这里查看';
    bar.append(link);
    document.title = '【新求助】' + document.title.replace(/^【新求助】/, '');
  }

  function receive(line) {
    if (line.handoffId !== handoffId) {
      return;
    }

    append(line);
    // Someone took the conversation over or ended it: what this page offers has changed.
    if (line.author === 'System' && !typing()) {
      window.location.reload();
    }
  }

  function lastLine() {
    const ids = Array.from(transcript ? transcript.querySelectorAll('[data-line]') : [], function (item) { return Number(item.dataset.line); });
    return ids.reduce(function (last, id) { return Math.max(last, id); }, 0);
  }

  // Hears the conversation from now on, and gets what was said since the page's last line: while the page loaded,
  // or while it or the server was not listening.
  function watch() {
    return handoffId === null
      ? Promise.resolve()
      : connection.invoke('Watch', handoffId, lastLine()).then(function (missed) { missed.forEach(receive); });
  }

  function catchUp() {
    if (onQueuePage && !typing()) {
      window.location.reload();
      return Promise.resolve();
    }

    return watch();
  }

  connection.on('line', receive);
  connection.on('queue', announce);
  connection.on('catchup', catchUp);

  // Marks the page as hearing live (or not), for the stylesheet and for tests that wait for it.
  function mark(state) {
    document.documentElement.dataset.live = state;
  }

  connection.onreconnecting(function () { mark('reconnecting'); });
  connection.onreconnected(function () { return catchUp().then(function () { mark('connected'); }); });
  connection.onclose(function () { mark('closed'); });
  connection.start().then(watch).then(function () { mark('connected'); }).catch(function () { mark('closed'); });

  const form = panel && panel.querySelector('form[data-live-reply]');
  if (form) {
    const box = form.querySelector('textarea[name="text"]');
    const canned = form.querySelector('select[data-canned]');
    if (canned) {
      canned.addEventListener('change', function () {
        if (canned.value) {
          box.value = canned.value;
          canned.value = '';
          box.focus();
        }
      });
    }

    const error = form.querySelector('[data-reply-error]');
    form.addEventListener('submit', function (event) {
      if (connection.state !== signalR.HubConnectionState.Connected || !box.value.trim()) {
        return;
      }

      event.preventDefault();
      error.textContent = '';
      const text = box.value;
      box.value = '';
      connection.invoke('Reply', handoffId, text).catch(function (e) {
        box.value = text;
        error.textContent = (e && e.message ? e.message.replace(/^.*HubException: /, '') : '') || '没有发出去，请再试一次。';
      });
    });
  }
})();
