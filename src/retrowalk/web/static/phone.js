// The live page on a phone on a stand behind the treadmill, for live.js: keeping the screen on
// (the Wake Lock API where the page is a secure context, else a muted looping inline video), the
// headset's or remote's play, pause and stop buttons (Media Session), and speech that waits for
// the walker's first tap (iOS drops speech a page starts on its own).
(() => {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const SLEEPS = "Screen may sleep: keep it awake in your phone's settings";

  // Screen on. The wake lock is best; a playing video (muted, looped, inline, on screen) keeps a
  // phone awake where the wake lock is missing or refused.
  function awake(show) {
    let lock = null;
    let video = false;
    async function byVideo() {
      const player = $("keep-awake");
      try { await player.play(); video = true; show("Screen kept awake (by a silent video)"); } catch (error) { show(SLEEPS); }
    }
    return {
      async keep() {
        if (lock !== null || video) return;
        if (!("wakeLock" in navigator)) return byVideo();
        try {
          lock = await navigator.wakeLock.request("screen");
          show("Screen kept awake");
          lock.addEventListener("release", () => { lock = null; show("Screen may sleep"); });
        } catch (error) { await byVideo(); }
      },
      release() {
        if (lock !== null) lock.release();
        if (video) { $("keep-awake").pause(); video = false; show("Screen may sleep"); }
      },
    };
  }

  // The headset's buttons. Chromium hands media keys to the page whose media plays with sound
  // and lasts over five seconds: a looped silent track, started on the walker's tap.
  function handsFree(actions) {
    const session = "mediaSession" in navigator ? navigator.mediaSession : null;
    if (session !== null) {
      if ("MediaMetadata" in window) session.metadata = new MediaMetadata({ title: "retrowalk live session", artist: "retrowalk" });
      const on = (action, handler) => { try { session.setActionHandler(action, handler); } catch (error) { /* not offered here */ } };
      on("play", actions.play);
      on("pause", actions.pause);
      on("stop", actions.stop);
    }
    const track = $("hands-free");
    return {
      start() { track.play().catch(() => {}); },
      playing(yes) { if (session !== null) session.playbackState = yes ? "playing" : "paused"; },
      end() {
        track.pause();
        if (session !== null) ["play", "pause", "stop"].forEach((action) => { try { session.setActionHandler(action, null); } catch (error) { /* ignore */ } });
      },
    };
  }

  // Speech only after the walker's first tap or key: before that it is shown, not spoken.
  // The first utterance is made inside that tap, which is what unlocks speech on iOS.
  let heard = false;
  const firstTap = () => {
    if (heard) return;
    heard = true;
    if ("speechSynthesis" in window) speechSynthesis.speak(new SpeechSynthesisUtterance(""));
  };
  document.addEventListener("click", firstTap, { capture: true });
  document.addEventListener("keydown", firstTap, { capture: true });

  window.retrowalkPhone = { awake, handsFree, mayspeak: () => heard };
})();
