// The phone page: join as yourself, then vote on the question the facilitator has open.
// Every piece of text from the server goes in with textContent, never as HTML.
'use strict';
(function () {
  const token = new URLSearchParams(location.search).get('t') || '';
  // The device token is kept per session, so reloading the page keeps the phone's binding.
  const deviceKey = 'convergence.device.' + token;
  let device = localStorage.getItem(deviceKey);
  let source = null;
  let shown = { question: null, mine: null };
  const chosen = { current: null, target: null };
  let unsent = false;

  const $ = (id) => document.getElementById(id);
  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }
  function show(section) {
    for (const id of ['join', 'wait', 'vote']) $(id).hidden = id !== section;
  }
  function say(text) { $('status').textContent = text; }

  async function api(method, path, body) {
    const options = { method: method, headers: {} };
    if (body) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    const response = await fetch(path, options);
    let data = null;
    try { data = await response.json(); } catch (e) { data = null; }
    if (!response.ok) {
      const error = new Error((data && data.error) || ('refused (' + response.status + ')'));
      error.status = response.status;
      throw error;
    }
    return data;
  }
  function query() {
    let q = '?t=' + encodeURIComponent(token);
    if (device) q += '&device=' + encodeURIComponent(device);
    return q;
  }

  async function showJoin() {
    show('join');
    const people = $('people');
    people.replaceChildren();
    const roster = await api('GET', '/api/participants?t=' + encodeURIComponent(token));
    if (roster.anonymous) {
      $('name-label').hidden = true;
      $('add-heading').textContent = 'Choose your side: you will get a code';
    }
    for (const person of roster.participants) {
      const taken = person.taken ? ' · joined from another phone' : '';
      const button = el('button', person.name + ' (' + person.side + ')' + taken);
      button.type = 'button';
      button.disabled = person.taken;
      button.addEventListener('click', () => join({ participant: person.participant }));
      people.append(button);
    }
    if (roster.participants.length === 0) $('add-heading').textContent =
      roster.anonymous ? 'Choose your side: you will get a code' : 'Add yourself';
  }

  async function join(body) {
    try {
      const reply = await api('POST', '/api/join', Object.assign({ t: token }, body));
      device = reply.device;
      localStorage.setItem(deviceKey, device);
      say(reply.code ? 'Your code is ' + reply.code + '.' : '');
      await refresh();
      listen();
    } catch (error) {
      say(error.message);
    }
  }

  $('add').addEventListener('submit', (event) => {
    event.preventDefault();
    const side = document.querySelector('input[name=side]:checked');
    if (!side) { say('Choose IT or business.'); return; }
    join({ name: $('name').value, side: side.value });
  });

  function optionsFor(phase, question, mine) {
    const box = $(phase);
    box.querySelectorAll('.option').forEach((node) => node.remove());
    const choices = question.levels.map((level) => ({
      value: level.value,
      title: level.value + ' · ' + level.label,
      description: level.description,
    }));
    choices.push({ value: 'dont_know', title: question.dont_know, description: '' });
    choices.push({ value: 'not_applicable', title: question.not_applicable, description: '' });
    for (const choice of choices) {
      const label = el('label', undefined, 'option');
      const input = el('input');
      input.type = 'radio';
      input.name = phase;
      input.value = String(choice.value);
      input.checked = mine !== null && mine[phase] === choice.value;
      input.addEventListener('change', () => {
        chosen[phase] = choice.value;
        unsent = true;
        $('sent').textContent = '';
      });
      const text = el('span', undefined, 'text');
      text.append(el('strong', choice.title));
      if (choice.description) text.append(el('span', choice.description, 'desc'));
      label.append(input, text);
      box.append(label);
    }
    chosen[phase] = mine ? mine[phase] : null;
  }

  function render(state) {
    $('you').textContent = state.you ? 'Voting as ' + state.you : '';
    if (!state.question) {
      show('wait');
      $('wait-text').textContent = state.asked
        ? 'Waiting for the facilitator to open a question.'
        : 'This question is for the other side. Wait for the next one.';
      shown = { question: null, mine: null };
      return;
    }
    show('vote');
    const question = state.question;
    const mine = JSON.stringify(state.mine);
    // Others' votes change the state too: keep what this phone is choosing unless the question
    // or this phone's own vote changed (a new round clears it).
    if (shown.question !== question.id || (!unsent && shown.mine !== mine)) {
      $('place').textContent = 'Question ' + question.number + ' of ' + question.of;
      $('question').textContent = question.text;
      optionsFor('current', question, state.mine);
      optionsFor('target', question, state.mine);
      unsent = false;
      $('sent').textContent = state.mine && (state.mine.current !== null || state.mine.target !== null)
        ? 'Your vote is in. You can change it until the question closes.' : '';
    }
    shown = { question: question.id, mine: mine };
    $('send').disabled = !state.open;
    if (!state.open) $('sent').textContent = 'Voting on this question is closed.';
  }

  $('send').addEventListener('click', async () => {
    try {
      const state = await api('POST', '/api/vote', {
        t: token, device: device, question: shown.question,
        current: chosen.current, target: chosen.target,
      });
      unsent = false;
      shown.question = null;
      render(state);
      $('sent').textContent = 'Your vote is in. You can change it until the question closes.';
    } catch (error) {
      $('sent').textContent = error.message;
    }
  });

  async function refresh() {
    try {
      render(await api('GET', '/api/state' + query()));
      return true;
    } catch (error) {
      if (error.status === 403 && device) {
        // The facilitator removed this participant, or the session is new: join again.
        localStorage.removeItem(deviceKey);
        device = null;
        await showJoin();
      } else {
        say(error.message);
      }
      return false;
    }
  }

  function listen() {
    if (source) source.close();
    source = new EventSource('/api/events' + query());
    source.onmessage = (event) => { say(''); render(JSON.parse(event.data)); };
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) {
        say('Connection lost: trying again.');
        setTimeout(async () => { if (await refresh()) listen(); }, 2000);
      }
    };
  }

  async function start() {
    if (!token) { say('Open the link from the QR code on the screen.'); return; }
    try {
      if (device && await refresh()) { listen(); return; }
      if (!device) await showJoin();
    } catch (error) {
      say(error.message);
    }
  }
  start();
})();
