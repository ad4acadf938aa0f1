// Runs wechat-crypto, an independent implementation of WeChat's safe mode (消息加解密), on a batch of requests,
// so the tests can check ours against it in both directions with one process.
// Reads JSON on stdin: { token, encodingAESKey, appId, encrypt: [message], decrypt: [ciphertext],
// sign: [{ timestamp, nonce, encrypt }] }, where any of the three lists may be left out.
// Prints JSON: { encrypted: [ciphertext], decrypted: [{ message, appId }], signatures: [hex] }.
// Usage: node crypto.js < request.json
'use strict';

const WXBizMsgCrypt = require('wechat-crypto');

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => { input += chunk; });
process.stdin.on('end', () => {
  const request = JSON.parse(input);
  const crypto = new WXBizMsgCrypt(request.token, request.encodingAESKey, request.appId);
  const decrypted = (request.decrypt || []).map(text => {
    const { message, id } = crypto.decrypt(text);
    return { message, appId: id };
  });
  process.stdout.write(JSON.stringify({
    encrypted: (request.encrypt || []).map(message => crypto.encrypt(message)),
    decrypted,
    signatures: (request.sign || []).map(s => crypto.getSignature(s.timestamp, s.nonce, s.encrypt)),
  }));
});
