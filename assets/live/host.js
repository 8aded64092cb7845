// The facilitator's page: open, reveal and close questions, see how many have voted and, once
// revealed, the distribution by side. Text from the server goes in with textContent only.
'use strict';
(function () {
  const secret = new URLSearchParams(location.search).get('s') || '';
  const $ = (id) => document.getElementById(id);
  let listed = false;

  function say(text) { $('status').textContent = text; }

  async function control(action, body) {
    try {
      const response = await fetch('/api/host/' + action, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(Object.assign({ s: secret }, body || {})),
      });
      const data = await response.json();
      if (!response.ok) { say(data.error || ('refused (' + response.status + ')')); return; }
      say('');
      render(data);
    } catch (error) {
      say(error.message);
    }
  }

  function cell(tag, text) {
    const node = document.createElement(tag);
    node.textContent = text;
    return node;
  }

  function render(state) {
    if (!listed) {
      const select = $('questions');
      state.questions.forEach((question, index) => {
        const option = document.createElement('option');
        option.value = question.id;
        option.textContent = (index + 1) + '. ' + question.text;
        select.append(option);
      });
      listed = true;
    }
    const current = state.questions.find((q) => q.id === state.question);
    $('question').textContent = current ? current.text : 'No question open';
    if (current) $('questions').value = current.id;
    $('poll').textContent = !current ? '' : (state.open ? 'Open for votes' : 'Closed')
      + (state.revealed ? ' · revealed' : '');
    const tally = state.tally;
    $('count').textContent = tally.voted + ' of ' + tally.participants + ' voted · '
      + state.phones + ' phones joined';
    const table = $('distribution');
    table.hidden = !tally.distribution;
    const rows = $('rows');
    rows.replaceChildren();
    if (!tally.distribution) return;
    const d = tally.distribution;
    const line = (name, pick) => {
      const row = document.createElement('tr');
      row.append(cell('th', name));
      for (const part of [d.current.it, d.current.business, d.target.it, d.target.business]) {
        row.append(cell('td', String(pick(part))));
      }
      rows.append(row);
    };
    d.levels.forEach((name, index) => line(name, (part) => part.levels[index]));
    line("Don't know", (part) => part.dont_know);
    line('Not applicable', (part) => part.not_applicable);
  }

  $('open').addEventListener('click', () => control('open', { question: $('questions').value }));
  $('next').addEventListener('click', () => control('next'));
  $('reveal').addEventListener('click', () => control('reveal'));
  $('close').addEventListener('click', () => control('close'));
  $('again').addEventListener('click', () => control('again'));

  if (!secret) { say('Open the host link printed by convergence live.'); return; }
  const source = new EventSource('/api/host/events?s=' + encodeURIComponent(secret));
  source.onmessage = (event) => render(JSON.parse(event.data));
  source.onerror = () => { if (source.readyState === EventSource.CLOSED) say('Connection lost.'); };
})();
