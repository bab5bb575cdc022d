// Voice settings, kept in this browser's local storage (each device has its own voices).
(() => {
  "use strict";
  const KEY = "retrowalk.voice";
  const form = document.getElementById("voice-form");
  const names = document.getElementById("voice-name");
  const read = () => { try { return { on: true, rate: 1, volume: 1, voice: "", ...JSON.parse(localStorage.getItem(KEY) || "{}") }; } catch (e) { return { on: true, rate: 1, volume: 1, voice: "" }; } };
  const current = read();

  function listVoices() {
    if (!("speechSynthesis" in window)) return;
    const voices = speechSynthesis.getVoices();
    names.replaceChildren(new Option("The device's default", ""), ...voices.map((v) => new Option(`${v.name} (${v.lang})`, v.name)));
    names.value = current.voice;
  }
  form.on.checked = current.on;
  form.rate.value = current.rate;
  form.volume.value = current.volume;
  listVoices();
  if ("speechSynthesis" in window) speechSynthesis.addEventListener("voiceschanged", listVoices);

  const chosen = () => ({ on: form.on.checked, rate: Number(form.rate.value), volume: Number(form.volume.value), voice: names.value });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    localStorage.setItem(KEY, JSON.stringify(chosen()));
    document.getElementById("voice-saved").hidden = false;
  });
  document.getElementById("voice-test").addEventListener("click", () => {
    if (!("speechSynthesis" in window)) return;
    const settings = chosen();
    const utterance = new SpeechSynthesisUtterance(form.dataset.sample);
    utterance.rate = settings.rate;
    utterance.volume = settings.volume;
    const voice = speechSynthesis.getVoices().find((v) => v.name === settings.voice);
    if (voice) utterance.voice = voice;
    speechSynthesis.cancel();
    speechSynthesis.speak(utterance);
  });
})();

// Forms sent once: a second click while the first is on its way sends nothing more (the server
// makes one calendar link however often it is asked; this spares the walker a confusing answer).
document.querySelectorAll("form[data-submit-once]").forEach((form) => {
  form.addEventListener("submit", (event) => {
    if (form.dataset.sent) { event.preventDefault(); return; }
    form.dataset.sent = "1";
  });
});
// A link to copy: one tap selects all of it.
document.querySelectorAll("input.copy").forEach((field) => {
  field.addEventListener("focus", () => field.select());
});
