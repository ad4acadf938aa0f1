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
const { fail, done, tokenFrom, userOf, waitFor, post } = require('./session');
const { DirectLine } = require('botframework-directlinejs');

const [baseUrl, file, contentType, name] = process.argv.slice(2);

(async () => {
  const local = http.createServer((request, response) => {
    response.writeHead(200, { 'Content-Type': contentType });
    response.end(fs.readFileSync(file));
  });
  await new Promise(resolve => local.listen(0, '127.0.0.1', resolve));
  const contentUrl = `http://127.0.0.1:${local.address().port}/file`;

  const token = await tokenFrom(baseUrl);
  const directLine = new DirectLine({ token, domain: `${baseUrl}/v3/directline`, webSocket: true });
  const activities = [];
  directLine.activity$.subscribe(activity => activities.push(activity), error => fail(`activity$: ${error}`));

  const id = await post(directLine, {
    from: { id: 'someone-else' },
    text: '我的工资条',
    attachments: [{ contentType, contentUrl, name }],
    channelData: { clientActivityID: `client-${Date.now()}` }
  });
  const echo = await waitFor(activities, a => a.id === id);
  const reply = await waitFor(activities, a => a.from.role === 'bot' && a.replyToId === id);

  directLine.end();
  done({
    postedId: id,
    echo: { text: echo.text, from: echo.from.id, attachments: echo.attachments },
    reply: reply.text,
    user: userOf(token)
  });
})().catch(error => fail(error && error.stack || String(error)));
