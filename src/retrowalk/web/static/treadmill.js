// The treadmill behind the live page (web/api/belt.py), for live.js: opening it for the walk (on
// the walker's tap on the checklist), each setting, the walker's own start, the end of the walk,
// and what a treadmill connected on the server says (the belt as it reports it, and its alerts,
// shown and spoken), asked about once a second with the page's heartbeat. Nothing here starts
// the belt by itself: `start` is called only for the walker's tap or key. Every write carries
// the page's CSRF token (web/guard/).
(() => {
  "use strict";
  const OFFLINE = "This page cannot reach retrowalk. To stop the belt, use the treadmill's own stop or pull the safety key.";
  const TOKEN = document.querySelector('meta[name="csrf-token"]').content;

  window.retrowalkBelt = (T, walk) => {
    const $ = (id) => document.getElementById(id);
    const url = `/api/walkers/${T.walker_id}/belt`;
    const units = T.unit === "mph" ? "imperial" : "metric";
    let byHand = !T.belt_follows; // the walker sets the console (always, or since control was lost)
    let seen = 0;
    let missed = 0;
    let polling = false;
    let timer = null;

    const setting = (speed) => (speed
      ? { moving: true, speed_kmh: speed.kmh, incline_percent: T.dose.incline_percent }
      : { moving: false });
    const call = (method, path, body, keepalive = false) => fetch(path, body === undefined ? { method, keepalive, headers: { "x-csrf-token": TOKEN } } : {
      method, headers: { "content-type": "application/json", "x-csrf-token": TOKEN }, body: JSON.stringify(body),
    });
    const told = async (response) => {
      try { return ((await response.json()).detail || []).map((p) => p.allowed).join(" "); } catch (error) { return `status ${response.status}`; }
    };

    function show(text) {
      const box = $("device-alert");
      box.hidden = !text;
      box.textContent = text || "";
    }
    function reading(news) {
      const belt = $("belt");
      if (!belt) return;
      const moving = news.speed !== null && news.speed.kmh > 0;
      belt.textContent = !news.connected ? "Not connected" : moving ? news.speed_text : news.running ? "Starting" : "Stopped";
      belt.dataset.kmh = moving ? String(news.speed.kmh) : "0";
      $("pulse-row").hidden = !news.pulse;
      $("pulse").textContent = news.heart_rate === null ? "no reading" : `${news.heart_rate} beats a minute`;
    }
    function heard(news) {
      missed = 0;
      if (T.belt_follows && news.mode === "by_hand") byHand = true;
      reading(news);
      news.alerts.forEach((told) => {
        seen = Math.max(seen, told.number);
        show(told.text);
        if (told.ends_walk) { walk.stop(); walk.speak(told.text); } else walk.interrupt(told.text);
      });
      if (news.urgent) show(news.urgent);
      else if ($("device-alert").textContent === OFFLINE) show(null);
    }
    async function poll() {
      if (polling) return;
      polling = true;
      try {
        const response = await call("POST", `${url}/heartbeat?since=${seen}&units=${units}`);
        if (!response.ok) throw new Error(`status ${response.status}`);
        heard(await response.json());
      } catch (error) {
        missed += 1;
        if (missed === 3) show(OFFLINE);
      } finally {
        polling = false;
      }
    }

    return {
      byHand: () => byHand,
      // The live session starts: the treadmill is opened for today's walk, or, `goingOn` after a
      // STOP, the one held since carries on. False keeps the walk waiting (the alert says why).
      async open(goingOn = false) {
        try {
          const response = await call("POST", `/api/walkers/${T.walker_id}/live?units=${units}`, { seq: T.seq, going_on: goingOn });
          if (!response.ok) { show(await told(response)); return false; }
          const opened = await response.json();
          if (T.belt_follows && !opened.belt_follows) byHand = true;
          const name = $("treadmill");
          if (name && opened.treadmill) name.textContent = `${opened.treadmill}: ${byHand ? "you set the belt" : "retrowalk sets the belt"}`;
          show(null);
          this.watch();
          return true;
        } catch (error) {
          show(OFFLINE);
          return false;
        }
      },
      set(speed) { call("PUT", url, setting(speed)).catch(() => {}); },
      async start(speed) {
        try {
          const response = await call("POST", `${url}/start`, setting(speed));
          if (!response.ok) { show(await told(response)); return false; }
          const answer = await response.json();
          if (answer.mode === "by_hand") byHand = true;
          return answer.going;
        } catch (error) {
          show(OFFLINE);
          return false;
        }
      },
      // The walk is over. `keepalive`: the stop outlives the page (leaving it mid-walk).
      end(keepalive = false) { return call("DELETE", url, undefined, keepalive).catch(() => {}); },
      watch() { if (T.treadmill && timer === null) { poll(); timer = setInterval(poll, 1000); } },
      unwatch() { if (timer !== null) { clearInterval(timer); timer = null; } },
    };
  };
})();
