// The live session in the browser: plays the server-built timeline (the coach's own events and
// words, see web/schemas/live.py) on session time that stands still while paused or while the
// walker sets the console, like coach/runner.py. STOP always works, on one tap, with no network.
// After a STOP before the end it asks why first; a STOP by mistake or for an interruption may go
// on from where it stopped (coach/session.py), and the walk is logged once when it ends.
(() => {
  "use strict";
  const T = JSON.parse(document.getElementById("timeline").textContent);
  const $ = (id) => document.getElementById(id);
  const EPSILON = 1e-6;
  const voice = readVoice();
  const phone = window.retrowalkPhone;
  const outbox = window.retrowalkOutbox;
  const REPORTS = `/api/walkers/${T.walker_id}/live-sessions`;

  // Session time (seconds), scaled by ?time_scale=N for demonstrations and tests.
  const clock = () => (performance.now() / 1000) * T.time_scale;
  let zero = 0;
  let heldAt = 0; // held until the walker confirms the checklist
  const now = () => (heldAt !== null ? heldAt : clock() - zero);
  const hold = (at) => { if (heldAt === null) heldAt = at === undefined ? now() : at; };
  const release = () => { if (heldAt !== null) { zero = clock() - heldAt; heldAt = null; } };

  let next = 0;
  let gate = null;
  let pendingStep = null;
  let stepConfirmedAt = null;
  let paused = null;
  const pauses = [];
  let ended = null;
  let stopped = false;
  let stoppedClock = null; // the clock when STOP was pressed, for the pause if the walk goes on
  let atStop = null; // the gate and prompt a STOP cut short, asked again on going on
  let prompting = null;
  let stopReason = null;
  let resuming = false;
  const wentOn = [];
  let speedText = null;
  let said = "";
  let beltSpeed = null; // the speed of the set walked, for going on after a pause
  let starting = false;
  let opened = false; // the treadmill is opened for the walk on the walker's first tap
  let begun = false; // the walker has confirmed the checklist: the walk is under way
  let reported = false; // the walk's report is kept or sent: never a second one
  // With a treadmill connected on the server side (or any belt that follows), see treadmill.js.
  const treadmill = T.belt_follows || T.treadmill ? window.retrowalkBelt(T, { stop, speak, interrupt }) : null;
  const byHand = () => treadmill === null || treadmill.byHand();
  const startsOnTap = () => T.belt_waits_for_start && !byHand() && gate !== null && ["set_start", "resume"].includes(gate.kind) && gate.speed !== null;

  function fireDue() {
    while (gate === null && ended === null && next < T.events.length) {
      const event = T.events[next];
      if (event.at > now() + EPSILON) return;
      next += 1;
      fire(event);
    }
  }

  function fire(event) {
    if (event.kind === "check_in") { say(event.text); finish(false); return; }
    say(event.text);
    event.details.forEach((item) => speak(item));
    const [prompt, waits] = T.belt_follows && byHand() ? [event.by_hand_prompt, event.by_hand_waits] : [event.prompt, event.waits];
    if (event.kind === "checklist") { showChecklist(event.details); }
    if (event.kind === "set_start") { showChecklist([]); beltSpeed = event.speed; if (!waits) belt(event.speed); }
    if (event.kind === "rest" || event.kind === "done") { belt(null); }
    if (event.kind === "speed_step") {
      beltSpeed = event.speed;
      if (prompt) { pendingStep = event; ask(prompt); }
      else { stepConfirmedAt = event.at; speedText = event.speed_text; belt(event.speed); }
    }
    if (waits) { gate = event; hold(event.at); ask(prompt); }
    else if (event.kind === "set_start" && event.speed_text) { speedText = event.speed_text; }
  }

  async function confirm() {
    if (paused !== null || ended !== null || starting) return;
    keepAwake();
    if (!begun) { begun = true; headset.start(); }
    if (!opened && treadmill !== null && T.treadmill) { // the live session starts (or goes on): open the treadmill
      const askedToTap = startsOnTap();
      starting = true; draw();
      opened = await treadmill.open(wentOn.length > 0);
      starting = false; draw();
      if (!opened || ended !== null) return;
      // Control was lost meanwhile (another app took the treadmill): this tap started nothing.
      // Ask again in the by-hand words; walking time waits for the tap that says the belt is set.
      if (askedToTap && !startsOnTap()) { ask(byHandWords()); draw(); return; }
    }
    const tapped = startsOnTap();
    if (tapped) { // the walker's own start: the only thing that starts the belt
      starting = true; draw();
      const going = await treadmill.start(gate.speed);
      starting = false; draw();
      if (!going || gate === null || ended !== null) return;
    }
    if (pendingStep !== null) {
      stepConfirmedAt = now();
      speedText = pendingStep.speed_text;
      pendingStep = null;
    }
    if (gate !== null) {
      if (gate.kind === "set_start" && gate.speed_text) speedText = gate.speed_text;
      gate = null;
      release();
      if (resuming) { resuming = false; if (!tapped) goOn(); }
    }
    ask(null);
    fireDue();
    draw();
  }

  function togglePause() {
    if (gate !== null || ended !== null) return;
    if (paused === null) {
      hold();
      paused = { at: now(), began: clock() };
      interrupt(T.messages.paused);
      belt(null);
      headset.playing(false);
    } else {
      endPause();
      release();
      interrupt(T.messages.resumed);
      goOn();
      headset.playing(true);
    }
    draw();
  }

  function goOn() { // after a pause, in a set: the walker's tap (or key) is their start
    if (byHand() || beltSpeed === null || state() !== "walking") return;
    if (T.belt_waits_for_start) treadmill.start(beltSpeed); else treadmill.set(beltSpeed);
  }

  function endPause() {
    if (paused !== null) {
      pauses.push({ at_seconds: round(paused.at), seconds: round(clock() - paused.began) });
      paused = null;
    }
  }

  function stop() {
    if (ended !== null) return;
    if (treadmill !== null) treadmill.end(); // first: the belt is stopped at once
    endPause();
    stopped = true;
    ended = now();
    stoppedClock = clock();
    hold();
    atStop = gate === null ? null : { gate, prompt: prompting };
    gate = null;
    ask(null);
    interrupt(T.messages.stopped);
    finish(true);
  }

  function finish(byStop) {
    if (!byStop) ended = Math.min(now(), T.end); // the end fires up to a tick late: never past it
    if (!byStop && treadmill !== null) treadmill.end();
    hold();
    $("controls").hidden = true;
    letSleep();
    headset.end();
    if (byStop && walkedBy(ended) < T.walking_seconds - EPSILON) showWhy(); else showCheckIn();
    draw();
  }
  const walkedBy = (moment) => T.sets.reduce((sum, w) => sum + Math.max(0, Math.min(w.end, moment) - w.start), 0);

  // Why did you stop? Asked first after an early STOP; a mistake or an interruption may go on.
  function showWhy() {
    $("player").hidden = true;
    $("why").hidden = false;
    const question = T.questions.find((q) => q.field === "stop_reason").text;
    $("q-stop_reason").textContent = question;
    speak(question);
    $("q-stop_reason").focus();
  }
  function whyAnswered(event) {
    event.preventDefault();
    const slot = $("stop_reason-error");
    slot.hidden = true;
    slot.textContent = "";
    const chosen = new FormData(event.target).get("stop_reason");
    if (chosen === null) return problem("stop_reason", ANSWER_OR_SKIP);
    stopReason = chosen === "skip" ? null : chosen;
    $("why").hidden = true;
    const reason = T.stop_reasons.find((r) => r.value === stopReason);
    if (!reason || !reason.can_go_on) return showCheckIn();
    $("go-on").hidden = false;
    $("go-on-title").textContent = T.messages.ask_go_on;
    speak(T.messages.ask_go_on);
    $("go-on-title").focus();
  }
  function endHere() { $("go-on").hidden = true; showCheckIn(); }

  // Going on from where session time stopped: the time stopped is a pause, and nothing moves
  // until the walker is set again and confirms (on that tap the treadmill held since the STOP
  // carries on, its record with it; it is opened again only if it was let go).
  function resume() {
    const at = ended;
    pauses.push({ at_seconds: round(at), seconds: round(clock() - stoppedClock) });
    wentOn.push({ at_seconds: round(at), reason: stopReason });
    stopReason = null;
    stopped = false;
    ended = null;
    if (T.treadmill) opened = false;
    $("go-on").hidden = true;
    $("player").hidden = false;
    $("controls").hidden = false;
    say(T.messages.going_on);
    const details = [T.messages.clip_on, T.messages.both_hands];
    details.forEach((item) => speak(item));
    if (atStop !== null) { gate = atStop.gate; ask(atStop.prompt); atStop = null; }
    if (gate === null) {
      const inSet = T.sets.some((w) => w.start <= at && at < w.end);
      gate = { kind: "resume", at, details, speed: inSet ? beltSpeed : null };
      showChecklist(details);
      resuming = true;
      ask(readyAgain(inSet));
    }
    draw();
    $("confirm").focus();
  }
  const byHandWords = () => (gate.kind === "resume" ? readyAgain(gate.speed !== null) : gate.by_hand_prompt || prompting);
  function readyAgain(inSet) { // the runner's prompts for going on (coach/runner.py)
    const setting = (template) => template.replace("{setting}", speedText || "");
    if (startsOnTap()) return setting(T.tap_to_start);
    if (inSet && beltSpeed !== null && byHand()) return setting(T.belt_start);
    return inSet && beltSpeed === null ? T.messages.start_walking : T.messages.checklist_confirm;
  }

  // The belt is sent settings only when it follows; a stop goes to any connected treadmill.
  function belt(speed) {
    if (treadmill !== null && !(speed && byHand())) treadmill.set(speed);
  }

  // Speech, through the browser's own voices; stop and pause cut in at once.
  function readVoice() {
    try { return { on: true, rate: 1, volume: 1, voice: "", ...JSON.parse(localStorage.getItem("retrowalk.voice") || "{}") }; }
    catch (error) { return { on: true, rate: 1, volume: 1, voice: "" }; }
  }
  function speak(text) {
    if (!voice.on || !("speechSynthesis" in window) || !text || !phone.mayspeak()) return;
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.rate = voice.rate;
    utterance.volume = voice.volume;
    const chosen = speechSynthesis.getVoices().find((v) => v.name === voice.voice);
    if (chosen) utterance.voice = chosen;
    speechSynthesis.speak(utterance);
  }
  function say(text) { said = text; speak(text); }
  function interrupt(text) { if ("speechSynthesis" in window) speechSynthesis.cancel(); say(text); }
  function ask(prompt) {
    prompting = prompt;
    $("prompt-box").hidden = prompt === null;
    $("prompt").textContent = prompt || "";
    if (prompt) speak(prompt);
  }

  // The screen kept on, so the phone does not sleep mid-set (phone.js: a wake lock, or a video).
  const screen = phone.awake((text) => { $("wake").textContent = text; });
  function keepAwake() { if (ended === null) screen.keep(); }
  function letSleep() { screen.release(); }
  document.addEventListener("visibilitychange", () => { if (document.visibilityState === "visible" && heldAt === null) keepAwake(); });

  // A headset's or remote's play and pause pause and go on; its stop is STOP.
  const headset = phone.handsFree({
    play: () => { if (paused !== null) togglePause(); },
    pause: () => { if (paused === null) togglePause(); },
    stop: () => stop(),
  });

  // Leaving the page mid-walk (Leave, back, closing the tab, another app, the phone locking)
  // stops the belt at once and logs what was walked, with the check-in unknown. The stop and
  // the report go out with `keepalive`, which outlives the page and, unlike sendBeacon, carries
  // the CSRF header. A page merely hidden stops only a belt retrowalk drives: with no treadmill
  // on the server side the walker may glance at another app and come back.
  function leaving(hidden) {
    if (!begun || reported) return null;
    const walking = ended === null;
    if (hidden && !(walking && T.treadmill && opened && state() === "walking")) return null;
    let stopping = null;
    if (walking) {
      if (treadmill !== null) stopping = treadmill.end(true);
      endPause();
      stopped = true;
      ended = now();
      hold();
    }
    if (walkedBy(ended) <= EPSILON) return stopping; // nothing walked: nothing to log
    const early = walkedBy(ended) < T.walking_seconds - EPSILON;
    const unknown = {
      pain_during: null, sharp_pain: null, rpe: null, hands_used: T.dose.hand_support, notes: T.messages.left_page,
      stable_without_hands: false, stop_reason: early ? (stopReason || "interrupted") : null,
    };
    reported = true;
    outbox.send(REPORTS, report(unknown), true).then(heardBack);
    // The page may come back (a phone unlocked, the back button): it says what happened.
    $("controls").hidden = true;
    ["player", "why", "go-on", "check-in"].forEach((id) => { $(id).hidden = true; });
    headset.end();
    letSleep();
    showSaved({ summary: `${T.messages.left_page} ${KEPT}` }, LEFT);
    return stopping;
  }
  window.addEventListener("pagehide", () => leaving(false));
  // The Leave link waits (a moment at most) for the stop, so the next page sees the belt stopped.
  document.querySelector(".leave").addEventListener("click", async (event) => {
    const stopping = leaving(false);
    if (stopping === null) return;
    event.preventDefault();
    const away = event.currentTarget.href;
    await Promise.race([stopping, new Promise((done) => { setTimeout(done, 2000); })]);
    window.location.assign(away);
  });
  document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") leaving(true); });

  // Drawing.
  function countdown(moment) {
    const window = T.sets.find((w) => w.start <= moment && moment < w.end);
    if (window) return [window.number, window.end - moment];
    const upcoming = T.sets.find((w) => w.start >= moment);
    if (!upcoming) return [null, 0];
    return gate !== null ? [upcoming.number, upcoming.end - upcoming.start] : [null, upcoming.start - moment];
  }
  function state() {
    if (stopped) return "stopped";
    if (ended !== null) return "finished";
    if (paused !== null) return "paused";
    if (gate !== null) return gate.kind === "checklist" || (gate.kind === "resume" && gate.speed === null) ? "setting_up" : "waiting";
    return T.sets.some((w) => w.start <= now() && now() < w.end) ? "walking" : "resting";
  }
  const STATUS = { stopped: "Stopped", finished: "Done", paused: "Paused", setting_up: "Getting ready", waiting: "Start the belt", walking: "Walking", resting: "Rest" };
  const CONFIRM = () => (starting ? (opened ? "Starting the belt…" : "Connecting to the treadmill…") : startsOnTap() ? "Start the belt" : "Go on");
  function draw() {
    const moment = now();
    const [number, left] = countdown(moment);
    const current = state();
    $("player").dataset.state = current;
    $("status").textContent = STATUS[current];
    $("countdown").textContent = clockText(ended !== null ? 0 : left);
    $("set").textContent = number ? `${number} of ${T.sets.length}` : "–";
    const speed = pendingStep ? `${speedText} → ${pendingStep.speed_text}` : speedText;
    $("speed").textContent = speed || "–";
    $("hands").textContent = T.hands;
    $("said").textContent = said;
    const coming = ended === null ? T.events.find((e) => e.at > moment + EPSILON && e.preview) : null;
    $("coming").textContent = coming ? coming.preview : "";
    $("pause").textContent = paused !== null ? "Go on" : "Pause";
    $("countdown").classList.toggle("long", $("countdown").textContent.length > 4);
    $("confirm-label").textContent = CONFIRM();
  }
  function clockText(seconds) {
    const whole = Math.max(0, Math.ceil(seconds - EPSILON));
    return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
  }
  function showChecklist(items) {
    const list = $("checklist");
    list.replaceChildren(...items.map((text) => { const li = document.createElement("li"); li.textContent = text; return li; }));
  }
  const round = (value) => Math.round(value * 10) / 10;

  // The check-in, logged through the API.
  function showCheckIn() {
    $("player").hidden = true;
    $("check-in").hidden = false;
    $("check-in-title").textContent = T.messages.check_in;
    T.questions.forEach((q) => { const label = $(`q-${q.field}`); if (label) label.textContent = q.text; });
    $("hands_used").value = T.dose.hand_support;
    // What the stop reason answered is not asked again (coach/checkin.py, implied_by).
    $("sharp_pain-field").hidden = stopReason === "pain";
    $("stable_without_hands-field").hidden = stopReason === "balance";
    $("check-in-title").focus();
  }
  // No answer is chosen in advance: each question is answered or skipped (null: not known).
  const ANSWER_OR_SKIP = "Tap an answer, or Skip if you are not sure.";
  const SCALES = ["pain_during", "rpe"];
  const YES_NO = ["sharp_pain", "form_ok", "swelling", "locking", "giving_way", "stable_without_hands"];
  function answers(form) {
    const data = new FormData(form);
    const scale = (name) => { const value = data.get(name); return value === null ? undefined : value === "skip" ? null : Number(value); };
    const yesNo = (name) => ({ true: true, false: false, skip: null })[data.get(name)];
    const given = { hands_used: data.get("hands_used"), notes: data.get("notes") || "", stop_reason: stopReason };
    SCALES.forEach((name) => { given[name] = scale(name); });
    YES_NO.forEach((name) => { given[name] = $(`${name}-field`).hidden ? null : yesNo(name); });
    given.stable_without_hands = given.stable_without_hands === true; // a skip is not steady
    return given;
  }
  function unanswered(given) {
    return [...SCALES, ...YES_NO].filter((name) => given[name] === undefined && !$(`${name}-field`).hidden);
  }
  let sending = false;
  async function submit(event) {
    event.preventDefault();
    if (sending) return; // a second tap while the first is on its way sends nothing
    sending = true;
    try { await send(event.target); } finally { sending = false; }
  }
  async function send(form) {
    form.querySelectorAll(".error").forEach((p) => { p.hidden = true; p.textContent = ""; });
    form.querySelectorAll("[aria-invalid]").forEach((el) => el.removeAttribute("aria-invalid"));
    const given = answers(form);
    const missing = unanswered(given);
    if (missing.length) { missing.reverse().forEach((name) => problem(name, ANSWER_OR_SKIP)); return; }
    if (reported) return; // kept on this phone already: it goes out by itself
    reported = true;
    const answer = await outbox.send(REPORTS, report(given));
    const result = answer.result || {};
    if (answer.status === 201 || answer.already) return heardBack(answer);
    if (!answer.done) return keptHere();
    reported = false; // refused: the walker corrects the answers and saves again
    (result.detail || []).forEach((p) => {
      const given = p.value === null ? "" : ` (got ${p.value})`;
      problem(p.field.replace(/^check_in\./, ""), `${p.allowed}${given}`);
    });
  }
  function report(given) {
    return {
      seq: T.seq, ended_at_seconds: round(ended), stopped, pauses, went_on: wentOn,
      step_confirmed_at_seconds: stepConfirmedAt === null ? null : round(stepConfirmedAt), check_in: given,
    };
  }
  // The server cannot be reached (or failed): the report waits on this phone (outbox.js) and
  // goes out when it can, once; the page says so, and says Saved when it has gone.
  const KEPT = "Saved on this phone; it will be sent when retrowalk can be reached.";
  function keptHere() {
    const box = $("form-error");
    box.hidden = false;
    box.textContent = KEPT;
    box.classList.add("kept");
  }
  function heardBack(answer) {
    if (answer.status === 201) saved(answer.result || {});
    else if (answer.already) saved(ALREADY, "Already saved");
  }
  outbox.delivered((item, answer) => { if (item.url === REPORTS && item.body.seq === T.seq && reported) heardBack(answer); });
  function problem(field, message) {
    const slot = $(`${field}-error`) || $("form-error");
    slot.hidden = false;
    slot.textContent = slot.textContent ? `${slot.textContent} ${message}` : message;
    const input = $(field);
    if (input) { input.setAttribute("aria-invalid", "true"); input.focus(); }
  }
  // A 409 on `seq`: this walk was logged by an earlier send (a double tap, a retry after a lost
  // answer, a second tab); the server logs a walk once and wrote nothing this time.
  const ALREADY = { summary: "This walk was saved already: your answers reached retrowalk before. It is logged once; there is nothing more to do." };
  const LEFT = "Stopped";
  function saved(result, title = "Saved") {
    const left = !$("saved").hidden && $("saved-title").textContent === LEFT;
    if (!$("saved").hidden && !left) return; // the first answer stands
    showSaved(left ? { summary: `${T.messages.left_page} ${result.summary}` } : result, title);
  }
  function showSaved(result, title) {
    if (treadmill !== null) treadmill.unwatch();
    $("check-in").hidden = true;
    $("saved").hidden = false;
    $("saved-title").textContent = title;
    $("saved-summary").textContent = result.summary;
    $("saved-title").focus();
    speak(result.summary);
  }

  // Controls: the buttons, and the terminal's keys (Enter, space, s; Escape also stops).
  $("stop").addEventListener("click", stop);
  $("pause").addEventListener("click", togglePause);
  $("confirm").addEventListener("click", confirm);
  $("check-in-form").addEventListener("submit", submit);
  $("why-form").addEventListener("submit", whyAnswered);
  $("go-on-yes").addEventListener("click", resume);
  $("go-on-no").addEventListener("click", endHere);
  document.addEventListener("keydown", (event) => {
    const target = event.target;
    const typing = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
    const pressing = target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement;
    if (ended !== null || typing || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === "Escape" || event.key === "s" || event.key === "S") { event.preventDefault(); stop(); }
    else if (pressing) return;
    else if (event.key === "Enter") { event.preventDefault(); confirm(); }
    else if (event.key === " ") { event.preventDefault(); togglePause(); }
  });

  fireDue();
  draw();
  setInterval(() => { fireDue(); draw(); }, 100);
})();
