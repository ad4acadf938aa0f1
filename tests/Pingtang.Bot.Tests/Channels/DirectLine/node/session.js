// What both Direct Line client scripts need: a deadline, a way to fail, the web chat page's token, waiting for an
// activity, and the user id the token speaks as.
'use strict';

function fail(reason) {
  console.error(reason);
  process.exit(1);
}

const deadline = setTimeout(() => fail('timed out'), 30000);

function done(result) {
  clearTimeout(deadline);
  console.log(JSON.stringify(result));
  process.exit(0);
}

async function tokenFrom(baseUrl) {
  const response = await fetch(`${baseUrl}/api/directline/token`, { method: 'POST' });
  if (!response.ok) {
    fail(`token: ${response.status}`);
  }

  return (await response.json()).token;
}

function userOf(token) {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).user;
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

// Posts as someone other than the token's user, which the service must ignore; resolves to the activity's id.
function post(directLine, activity) {
  return new Promise((resolve, reject) =>
    directLine.postActivity({ type: 'message', ...activity }).subscribe(resolve, reject));
}

module.exports = { fail, done, tokenFrom, userOf, waitFor, post };
