// Drives the official Direct Line client (botframework-directlinejs) against the service under test:
// gets a token from the web chat page's endpoint, connects (polling or WebSocket), waits for the welcome, says
// something as someone else, and waits for the echo and the bot's answer. Prints what it saw as JSON.
// Usage: node client.js BASE_URL polling|websocket TEXT
'use strict';

global.XMLHttpRequest = require('xhr2');
global.WebSocket = require('ws');
const { DirectLine, ConnectionStatus } = require('botframework-directlinejs');

const [baseUrl, mode, text] = process.argv.slice(2);
const deadline = setTimeout(() => fail('timed out'), 30000);

function fail(reason) {
  console.error(reason);
  process.exit(1);
}

function waitFor(activities, predicate) {
  return new Promise(resolve => {
    const check = () => {
      const found = activities.find(predicate);
      if (found) {
        resolve(found);
      } else {
        setTimeout(check, 50);
      }
    };
    check();
  });
}

(async () => {
  const response = await fetch(`${baseUrl}/api/directline/token`, { method: 'POST' });
  if (!response.ok) {
    fail(`token: ${response.status}`);
  }

  const { token } = await response.json();
  const directLine = new DirectLine({
    token,
    domain: `${baseUrl}/v3/directline`,
    webSocket: mode === 'websocket',
    pollingInterval: 200
  });

  const activities = [];
  const statuses = [];
  directLine.connectionStatus$.subscribe(status => statuses.push(ConnectionStatus[status]));
  directLine.activity$.subscribe(activity => activities.push(activity), error => fail(`activity$: ${error}`));

  const welcome = await waitFor(activities, a => a.from.role === 'bot');
  const clientActivityID = `client-${Date.now()}`;
  const id = await new Promise((resolve, reject) =>
    directLine
      .postActivity({ type: 'message', from: { id: 'someone-else', name: '冒充' }, text, channelData: { clientActivityID } })
      .subscribe(resolve, reject)
  );
  const echo = await waitFor(activities, a => a.id === id);
  const reply = await waitFor(activities, a => a.from.role === 'bot' && a.replyToId === id);

  clearTimeout(deadline);
  console.log(JSON.stringify({
    mode,
    statuses,
    welcome: welcome.text,
    postedId: id,
    echo: { id: echo.id, text: echo.text, from: echo.from.id, clientActivityID: echo.channelData && echo.channelData.clientActivityID },
    reply: { text: reply.text, from: reply.from.id },
    user: JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).user
  }));
  directLine.end();
  process.exit(0);
})().catch(error => fail(error && error.stack || String(error)));
