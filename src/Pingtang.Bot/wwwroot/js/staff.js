// A staff form that cannot be undone (data-confirm) asks first. Here rather than in the page, so that the staff
// pages' Content-Security-Policy allows no inline script.
document.addEventListener('submit', function (event) {
  'use strict';
  const question = event.target.dataset && event.target.dataset.confirm;
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
