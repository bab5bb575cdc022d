// Walk reports kept on this phone until retrowalk has them (a flaky Wi-Fi loses nothing). A
// report is written to local storage before it is sent and removed only once the server has
// answered for it: logged (201), or logged already (409 on `seq`: the server logs a planned
// session once, so sending again is always safe). Reports still here are sent again when the
// browser comes back online, every few seconds while any wait, and when any page opens.
(() => {
  "use strict";
  const KEY = "retrowalk.outbox";
  const EVERY_MS = 5000;
  const token = () => document.querySelector('meta[name="csrf-token"]').content;
  const listeners = [];
  let timer = null;
  let flushing = false;

  function kept() {
    try { return JSON.parse(localStorage.getItem(KEY) || "[]"); } catch (error) { return []; }
  }
  function write(items) {
    try { if (items.length) localStorage.setItem(KEY, JSON.stringify(items)); else localStorage.removeItem(KEY); } catch (error) { /* storage full or off */ }
  }
  const same = (a, b) => a.url === b.url && a.body.seq === b.body.seq;
  function keep(item) { write([...kept().filter((k) => !same(k, item)), item]); }
  function drop(item) { write(kept().filter((k) => !same(k, item))); }

  // One report to the server: {done, status, result} where done means the server has it
  // (or will never take it: a mistake the walker must correct, status 422).
  async function deliver(item, keepalive = false) {
    let response;
    try {
      response = await fetch(item.url, {
        method: "POST", body: JSON.stringify(item.body), keepalive,
        headers: { "content-type": "application/json", "x-csrf-token": token() },
      });
    } catch (error) { return { done: false, status: 0, result: null }; }
    let result = null;
    try { result = await response.json(); } catch (error) { result = null; }
    const logged = response.status === 201;
    const already = response.status === 409 && ((result && result.detail) || []).some((p) => p.field === "seq");
    const refused = response.status === 422 || response.status === 404;
    if (logged || already || refused) drop(item);
    else if (timer === null) timer = setInterval(flush, EVERY_MS);
    return { done: logged || already || refused, status: response.status, result, already };
  }

  async function flush() {
    if (flushing) return;
    flushing = true;
    try {
      for (const item of kept()) {
        const answer = await deliver(item);
        if (answer.done) listeners.forEach((heard) => heard(item, answer));
      }
    } finally {
      flushing = false;
      if (!kept().length && timer !== null) { clearInterval(timer); timer = null; }
    }
  }

  window.retrowalkOutbox = {
    // Keep the report, then send it; the answer says whether the server has it.
    async send(url, body, keepalive = false) {
      const item = { url, body };
      keep(item);
      const answer = await deliver(item, keepalive);
      if (!answer.done && timer === null) timer = setInterval(flush, EVERY_MS);
      return answer;
    },
    keep(url, body) { keep({ url, body }); },
    waiting: (url, seq) => kept().some((k) => k.url === url && k.body.seq === seq),
    delivered(heard) { listeners.push(heard); },
    flush,
  };
  window.addEventListener("online", flush);
  if (kept().length) { flush(); timer = setInterval(flush, EVERY_MS); }
})();
