// Drives the official Direct Line client (botframework-directlinejs) against the service under test:
// gets a token from the web chat page's endpoint, connects (polling or WebSocket), waits for the welcome, says
// something as someone else, and waits for the echo and the bot's answer. Prints what it saw as JSON.
// Usage: node client.js BASE_URL polling|websocket TEXT
'use strict';

global.XMLHttpRequest = require('xhr2');
global.WebSocket = require('ws');
const { fail, done, tokenFrom, userOf, waitFor, post } = require('./session');
const { DirectLine, ConnectionStatus } = require('botframework-directlinejs');

const [baseUrl, mode, text] = process.argv.slice(2);

(async () => {
  const token = await tokenFrom(baseUrl);
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
  const id = await post(directLine, { from: { id: 'someone-else', name: '冒充' }, text, channelData: { clientActivityID } });
  const echo = await waitFor(activities, a => a.id === id);
  const reply = await waitFor(activities, a => a.from.role === 'bot' && a.replyToId === id);

  directLine.end();
  done({
    mode,
    statuses,
    welcome: welcome.text,
    postedId: id,
    echo: { id: echo.id, text: echo.text, from: echo.from.id, clientActivityID: echo.channelData && echo.channelData.clientActivityID },
    reply: { text: reply.text, from: reply.from.id },
    user: userOf(token)
  });
})().catch(error => fail(error && error.stack || String(error)));
