/* RDZ tracking — generated for {{LABEL}}. Paste as is; do not edit the configuration line. */
(function (window, document) {
  'use strict';
  var C = /*RDZ_CONFIG*/ {};
  var G = (window.__rdz = window.__rdz || {});
  // Safe to load twice: the second copy of the same part does nothing.
  if (G['loaded_' + C.part]) {
    return;
  }
  G['loaded_' + C.part] = true;

  var ATTRIBUTION = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'utm_term', 'gclid', 'fbclid'];
  var SESSION_PARAM = 'rdz_sid';
  var SESSION_KEY = 'rdz_session_' + (C.lp_code || C.form_code);

  function warn(e) {
    try {
      if (window.console && window.console.warn) window.console.warn('[RDZ]', e);
    } catch (ignored) {}
  }

  // Never throws into the host page.
  function safe(fn) {
    return function () {
      try {
        return fn.apply(this, arguments);
      } catch (e) {
        warn(e);
      }
    };
  }

  function urlParams() {
    var out = {};
    try {
      new URLSearchParams(window.location.search).forEach(function (v, k) {
        out[k] = v;
      });
    } catch (e) {}
    return out;
  }

  function attribution() {
    var p = urlParams(), a = {};
    ATTRIBUTION.forEach(function (k) {
      if (p[k]) a[k] = p[k];
    });
    return a;
  }

  function copyInto(target, source) {
    for (var k in source) {
      if (Object.prototype.hasOwnProperty.call(source, k)) target[k] = source[k];
    }
    return target;
  }

  function remember(value) {
    try {
      if (value === undefined) return window.sessionStorage.getItem(SESSION_KEY);
      window.sessionStorage.setItem(SESSION_KEY, value);
    } catch (e) {
      return null;
    }
  }

  // sendBeacon survives navigation (a CTA click leaving the page); fetch keepalive otherwise.
  function beacon(path, body) {
    var url = C.intake_url + path, data = JSON.stringify(body);
    try {
      if (navigator.sendBeacon && navigator.sendBeacon(url, new Blob([data], { type: 'text/plain' }))) return;
    } catch (e) {}
    try {
      fetch(url, { method: 'POST', body: data, headers: { 'Content-Type': 'text/plain' }, keepalive: true, credentials: 'include' });
    } catch (e) {
      warn(e);
    }
  }

  function postJson(path, body) {
    return fetch(C.intake_url + path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'include',
      body: JSON.stringify(body)
    }).then(function (r) {
      return r.json().then(function (json) {
        json.http_status = r.status;
        return json;
      });
    });
  }

  // Session: URL parameter > sessionStorage > a new one from intake (which reuses the visitor's
  // session on the same LP within 30 minutes).
  function session() {
    if (G.session) return G.session;
    var known = urlParams()[SESSION_PARAM] || remember();
    if (known) {
      remember(known);
      G.session = Promise.resolve(known);
      return G.session;
    }
    var body = copyInto(
      {
        lp_code: C.lp_code || '',
        form_code: C.form_code || '',
        liaison_code: C.liaison_code || '',
        referrer: document.referrer || '',
        user_agent: navigator.userAgent
      },
      attribution()
    );
    G.session = postJson('/public/track/session', body).then(function (json) {
      if (!json || !json.session_id) throw new Error('RDZ session refused');
      remember(json.session_id);
      return json.session_id;
    });
    G.session['catch'](function (e) {
      G.session = null;
      warn(e);
    });
    return G.session;
  }

  function trackEvent(sid, type) {
    beacon('/public/track/event', {
      session_id: sid,
      event_type: type,
      lp_code: C.lp_code || '',
      form_code: C.form_code || '',
      liaison_code: C.liaison_code || ''
    });
  }

  // ---- LP part: lp_visit, CTA auto-binding (including CTAs added later) ----
  function ctaSelector() {
    var selectors = ['[data-rdz-cta]', '.rdz-cta'];
    if (C.form_url) selectors.push('a[href^="' + C.form_url.replace(/"/g, '') + '"]');
    if (C.cta_selector) selectors.push(C.cta_selector);
    return selectors.join(', ');
  }

  function carrySession(href, sid) {
    try {
      var url = new URL(href, window.location.href);
      if (url.hash && url.pathname === window.location.pathname && url.origin === window.location.origin) return href;
      url.searchParams.set(SESSION_PARAM, sid);
      var a = attribution();
      for (var k in a) if (!url.searchParams.has(k)) url.searchParams.set(k, a[k]);
      return url.toString();
    } catch (e) {
      return href;
    }
  }

  function bindCta(el, sid) {
    if (el.__rdzCta) return;
    el.__rdzCta = true;
    if (el.tagName === 'A' && el.getAttribute('href')) el.setAttribute('href', carrySession(el.getAttribute('href'), sid));
    el.addEventListener(
      'click',
      safe(function () {
        trackEvent(sid, 'cta_click');
      }),
      true
    );
  }

  function bindCtas(sid) {
    var selector = ctaSelector();
    var scan = function (root) {
      if (root.matches && root.matches(selector)) bindCta(root, sid);
      if (root.querySelectorAll) Array.prototype.forEach.call(root.querySelectorAll(selector), function (el) {
        bindCta(el, sid);
      });
    };
    scan(document);
    if (window.MutationObserver) {
      new MutationObserver(
        safe(function (mutations) {
          mutations.forEach(function (m) {
            Array.prototype.forEach.call(m.addedNodes, function (node) {
              if (node.nodeType === 1) scan(node);
            });
          });
        })
      ).observe(document.documentElement, { childList: true, subtree: true });
    }
  }

  function landingPage() {
    session()
      .then(function (sid) {
        beacon(
          '/public/track/lp-visit',
          copyInto({ session_id: sid, lp_code: C.lp_code, referrer: document.referrer || '', user_agent: navigator.userAgent }, attribution())
        );
        bindCtas(sid);
      })
      ['catch'](warn);
  }

  // One id per form submission, sent again on every retry of it: intake answers a retry with the
  // lead the first attempt stored instead of storing it twice.
  function submissionId() {
    try {
      if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID();
    } catch (e) {}
    var id = '';
    for (var i = 0; i < 32; i++) id += Math.floor(Math.random() * 16).toString(16);
    return id;
  }

  var RETRY_DELAYS_MS = [1000, 3000, 7000];

  // Network failures, 408, 429 and 5xx are retried (same body, same submission_id) after 1, 3 and 7 s.
  function postLead(body, attempt) {
    return postJson('/public/leads', body).then(
      function (answer) {
        var s = answer.http_status;
        if ((s === 408 || s === 429 || s >= 500) && attempt < RETRY_DELAYS_MS.length) return later(body, attempt);
        return answer;
      },
      function (e) {
        if (attempt < RETRY_DELAYS_MS.length) return later(body, attempt);
        throw e;
      }
    );
  }

  function later(body, attempt) {
    return new Promise(function (resolve) {
      window.setTimeout(resolve, RETRY_DELAYS_MS[attempt]);
    }).then(function () {
      return postLead(body, attempt + 1);
    });
  }

  // ---- Form part: form_start once, rdzSubmitLead(data), GTM conversion, redirect ----
  function conversion(answer) {
    try {
      window.dataLayer = window.dataLayer || [];
      window.dataLayer.push({ event: 'rdz_lead', rdz_lead_id: answer.lead_id, rdz_form_code: C.form_code });
      if (C.gtm_conversion && typeof window.gtag === 'function') window.gtag('event', 'conversion', { send_to: C.gtm_conversion });
    } catch (e) {
      warn(e);
    }
  }

  function formPage() {
    var started = false;
    var onFirstInput = safe(function (event) {
      if (started) return;
      var target = event.target;
      if (!target || !target.closest || !target.closest('form')) return;
      started = true;
      session()
        .then(function (sid) {
          trackEvent(sid, 'form_start');
        })
        ['catch'](warn);
    });
    document.addEventListener('focusin', onFirstInput, true);
    document.addEventListener('input', onFirstInput, true);
    session()['catch'](warn);

    // Resolves with intake's answer ({success, lead_id, status, message…}) or {success: false, error};
    // never rejects, never throws.
    window.rdzSubmitLead = function (data) {
      try {
        return session()
          .then(function (sid) {
            var body = copyInto({}, data || {});
            body.session_id = sid;
            body.form_code = C.form_code;
            body.lp_code = C.lp_code || '';
            body.liaison_code = C.liaison_code || '';
            body.page_url = window.location.href;
            if (!body.consent_text) body.consent_text = C.consent_text || '';
            if (!body.consent_text_version && C.consent_text_version) body.consent_text_version = C.consent_text_version;
            if (body.rgpd_consent === undefined) body.rgpd_consent = true;
            var a = attribution();
            if (a.utm_campaign && !body.utm_campaign) body.utm_campaign = a.utm_campaign;
            if (!body.submission_id) body.submission_id = submissionId();
            return postLead(body, 0);
          })
          .then(function (answer) {
            if (answer && answer.success) {
              conversion(answer);
              if (C.redirect_url) {
                window.setTimeout(function () {
                  window.location.href = C.redirect_url;
                }, C.redirect_delay_ms || 400);
              }
            }
            return answer;
          })
          ['catch'](function (e) {
            warn(e);
            return { success: false, error: String((e && e.message) || e) };
          });
      } catch (e) {
        warn(e);
        return Promise.resolve({ success: false, error: String(e) });
      }
    };
  }

  safe(function () {
    if (C.part === 'lp' || C.part === 'integrated') landingPage();
    if (C.part === 'form' || C.part === 'integrated') formPage();
  })();
})(window, document);
