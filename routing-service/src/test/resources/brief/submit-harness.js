// Runs the form part of the RDZ tracking template under Node with a fake browser: fetch answers
// with the statuses given on the command line, timers fire at once. Prints what was posted.
'use strict';
const fs = require('fs');
const template = fs.readFileSync(process.argv[2], 'utf8');
const statuses = process.argv[3].split(',').map(Number);
const config = { part: 'form', form_code: 'PV-1', lp_code: 'LP-1', intake_url: 'https://intake.example.fr' };
const code = template.replace('/*RDZ_CONFIG*/ {}', JSON.stringify(config));

const posts = [];
let call = 0;
global.window = {
  location: { href: 'https://lp.example.fr/form?rdz_sid=sess-1', search: '?rdz_sid=sess-1', pathname: '/form', origin: 'https://lp.example.fr' },
  setTimeout: function (fn) { fn(); return 0; },
  sessionStorage: { getItem: function () { return null; }, setItem: function () {} },
  crypto: require('crypto').webcrypto,
  console: { warn: function () {} }
};
global.document = { addEventListener: function () {}, referrer: '', documentElement: {} };
global.navigator = { userAgent: 'node' };
global.fetch = function (url, options) {
  const body = JSON.parse(options.body);
  if (url.endsWith('/public/leads')) posts.push(body);
  const status = url.endsWith('/public/leads') ? (call < statuses.length ? statuses[call++] : 201) : 200;
  if (status === 0) return Promise.reject(new TypeError('Failed to fetch'));
  return Promise.resolve({ status: status, json: function () { return Promise.resolve({ success: status < 300, lead_id: 'lead-1' }); } });
};
eval(code);
window.rdzSubmitLead({ phone: '0612345678', nom: 'Martin' })
  .then(function (first) {
    return window.rdzSubmitLead({ phone: '0612345678', nom: 'Martin' }).then(function (second) {
      console.log(JSON.stringify({ first: first, second: second, posts: posts.map(function (p) { return p.submission_id || null; }) }));
    });
  });
