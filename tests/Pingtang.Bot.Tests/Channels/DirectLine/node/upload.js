// Drives the official Direct Line client (botframework-directlinejs) to send a file, as Web Chat's attachment
// button does: postActivity with an attachment whose contentUrl is a local file (here served by a tiny HTTP server,
// as a browser would give a blob: URL), which the client fetches and posts to /upload as multipart/form-data.
// Prints the echo and the bot's answer as JSON.
// Usage: node upload.js BASE_URL FILE CONTENT_TYPE NAME
'use strict';

const fs = require('fs');
const http = require('http');
const XMLHttpRequest2 = require('xhr2');

// xhr2 sends strings and buffers only; a browser's XMLHttpRequest also sends FormData. Node's own Response encodes
// FormData as multipart (boundary and all), which is then sent as bytes with its Content-Type.
class XMLHttpRequestWithFormData extends XMLHttpRequest2 {
  send(body) {
    if (body instanceof FormData) {
      const encoded = new Response(body);
      encoded.arrayBuffer().then(bytes => {
        this.setRequestHeader('Content-Type', encoded.headers.get('content-type'));
        super.send(Buffer.from(bytes));
      });
      return;
    }

    super.send(body);
  }
}

global.XMLHttpRequest = XMLHttpRequestWithFormData;
global.WebSocket = require('ws');
const { DirectLine } = require('botframework-directlinejs');

const [baseUrl, file, contentType, name] = process.argv.slice(2);
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
  const local = http.createServer((request, response) => {
    response.writeHead(200, { 'Content-Type': contentType });
    response.end(fs.readFileSync(file));
  });
  await new Promise(resolve => local.listen(0, '127.0.0.1', resolve));
  const contentUrl = `http://127.0.0.1:${local.address().port}/file`;

  const response = await fetch(`${baseUrl}/api/directline/token`, { method: 'POST' });
  if (!response.ok) {
    fail(`token: ${response.status}`);
  }

  const { token } = await response.json();
  const directLine = new DirectLine({ token, domain: `${baseUrl}/v3/directline`, webSocket: true });
  const activities = [];
  directLine.activity$.subscribe(activity => activities.push(activity), error => fail(`activity$: ${error}`));

  const id = await new Promise((resolve, reject) =>
    directLine
      .postActivity({
        type: 'message',
        from: { id: 'someone-else' },
        text: '我的工资条',
        attachments: [{ contentType, contentUrl, name }],
        channelData: { clientActivityID: `client-${Date.now()}` }
      })
      .subscribe(resolve, reject)
  );
  const echo = await waitFor(activities, a => a.id === id);
  const reply = await waitFor(activities, a => a.from.role === 'bot' && a.replyToId === id);

  clearTimeout(deadline);
  console.log(JSON.stringify({
    postedId: id,
    echo: { text: echo.text, from: echo.from.id, attachments: echo.attachments },
    reply: reply.text,
    user: JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).user
  }));
  directLine.end();
  local.close();
  process.exit(0);
})().catch(error => fail(error && error.stack || String(error)));
