// Prep enhancements. Every page works without this script: the answer opens with a
// <details> element, ratings and code are posted by plain forms. Here: Tab indents in the
// code editor, the Grade button says that grading runs, and the design clock ticks.
(() => {
  "use strict";

  // Tab and Shift-Tab indent in the editor instead of leaving it; Escape then Tab leaves.
  for (const editor of document.querySelectorAll("[data-editor]")) {
    let escaped = false;
    editor.addEventListener("keydown", (event) => {
      if (event.key === "Escape") { escaped = true; return; }
      if (event.key !== "Tab" || escaped) { escaped = false; return; }
      event.preventDefault();
      const { selectionStart: start, selectionEnd: end, value } = editor;
      if (event.shiftKey) {
        const lineStart = value.lastIndexOf("\n", start - 1) + 1;
        const spaces = value.slice(lineStart, lineStart + 4).match(/^ */)[0].length;
        editor.setRangeText("", lineStart, lineStart + spaces, "preserve");
        return;
      }
      editor.setRangeText("    ", start, end, "end");
    });
  }

  for (const form of document.querySelectorAll("[data-grade-form]")) {
    form.addEventListener("submit", () => {
      const button = form.querySelector("[data-grade-button]");
      const status = form.querySelector("[data-grade-status]");
      button.disabled = true;
      button.textContent = "Grading…";
      status.textContent = "Running the hidden tests in the sandbox.";
    });
  }

  // The exercise clock: time spent since the exercise was opened in this tab, against its
  // time target. It survives the reload that grading does; starting over resets it.
  const exerciseClock = document.querySelector("[data-exercise-clock]");
  if (exerciseClock) {
    const key = `landml-exercise-start-${exerciseClock.dataset.exercise}`;
    const target = Number(exerciseClock.dataset.target) * 60;
    let start = Number(sessionStorage.getItem(key));
    if (!start) {
      start = Date.now();
      sessionStorage.setItem(key, String(start));
    }
    const restart = document.querySelector("[data-restart]");
    if (restart) restart.addEventListener("click", () => sessionStorage.removeItem(key));
    const show = () => {
      const spent = Math.floor((Date.now() - start) / 1000);
      const mmss = `${Math.floor(spent / 60)}:${String(spent % 60).padStart(2, "0")}`;
      exerciseClock.textContent = `${mmss} of ${target / 60} min`;
      exerciseClock.classList.toggle("over", spent > target);
    };
    exerciseClock.hidden = false;
    show();
    setInterval(show, 1000);
  }

  // The design clock: time left in the session and the step to be on, from the start time
  // the server recorded (so a reload does not restart it).
  const clock = document.querySelector("[data-clock]");
  if (clock) {
    const started = Date.parse(clock.dataset.started);
    // The server's clock may be pinned (LANDML_NOW); count from its "now" in that case.
    const offset = Date.parse(clock.dataset.now) - Date.now();
    const total = Number(clock.dataset.minutes) * 60;
    const timeEl = clock.querySelector("[data-clock-time]");
    const stepEl = clock.querySelector("[data-clock-step]");
    const steps = Array.from(document.querySelectorAll("[data-step]"));
    const two = (n) => String(n).padStart(2, "0");
    const tick = () => {
      const elapsed = Math.max((Date.now() + offset - started) / 1000, 0);
      const left = total - elapsed;
      const shown = Math.abs(Math.round(left));
      timeEl.textContent = `${left < 0 ? "+" : ""}${two(Math.floor(shown / 60))}:${two(shown % 60)}`;
      clock.classList.toggle("over", left < 0);
      let current = null;
      for (const step of steps) {
        const from = Number(step.dataset.start) * 60;
        const to = Number(step.dataset.end) * 60;
        const isCurrent = elapsed >= from && elapsed < to;
        step.classList.toggle("current", isCurrent);
        step.classList.toggle("past", elapsed >= to);
        if (isCurrent) current = step;
      }
      const title = current ? current.querySelector("h3").textContent : "Time: score yourself";
      if (stepEl.textContent !== title) stepEl.textContent = title;
    };
    clock.hidden = false;
    tick();
    setInterval(tick, 1000);
  }
})();
