// Board enhancement: drag a card to another column, or use its Move menu, and the move
// is saved through the JSON API without reloading the page. Without this script the
// Move menu is a plain form and the server redirects back to the board.
(() => {
  "use strict";

  const board = document.querySelector("[data-board]");
  if (!board) return;
  const errorBox = document.getElementById("board-error");
  const statusLine = document.getElementById("board-status");
  let dragged = null;

  const columnFor = (stage) =>
    Array.from(board.querySelectorAll(".column")).find((c) => c.dataset.stage === stage);

  function refreshCounts() {
    for (const column of board.querySelectorAll(".column")) {
      const n = column.querySelectorAll(".card").length;
      const badge = column.querySelector("[data-count]");
      badge.textContent = String(n);
      badge.setAttribute("aria-label", `${n} applications`);
    }
  }

  function showError(message, hint) {
    errorBox.replaceChildren();
    const main = document.createElement("p");
    main.className = "alert-message";
    main.textContent = message;
    errorBox.append(main);
    if (hint) {
      const extra = document.createElement("p");
      extra.className = "alert-hint";
      extra.textContent = hint;
      errorBox.append(extra);
    }
    errorBox.hidden = false;
  }

  function clearError() {
    errorBox.hidden = true;
    errorBox.replaceChildren();
  }

  // The card's Move menu offers every stage but the current one.
  function syncMoveMenu(card, stage) {
    const select = card.querySelector("select[name=stage]");
    if (!select) return;
    let passed = false;
    let suggested = null;
    for (const option of select.options) {
      const isCurrent = option.value === stage;
      option.disabled = isCurrent;
      option.textContent = option.textContent.replace(/ \(current\)$/, "");
      if (isCurrent) option.textContent += " (current)";
      const closed = columnFor(option.value)?.classList.contains("column-closed");
      if (passed && !closed && suggested === null) suggested = option.value;
      passed = passed || isCurrent;
    }
    const fallback = Array.from(select.options).find((o) => !o.disabled);
    select.value = suggested ?? (fallback ? fallback.value : "");
  }

  async function errorFrom(response) {
    try {
      const body = await response.json();
      if (body && body.error) return body.error;
    } catch (_) {
      // Not JSON: fall through to the status line.
    }
    return { message: `The server answered ${response.status} ${response.statusText}.` };
  }

  async function moveCard(card, column) {
    const stage = column.dataset.stage;
    const from = { list: card.parentElement, next: card.nextElementSibling };
    const company = card.dataset.company;
    column.querySelector(".cards").append(card);
    card.classList.add("saving");
    refreshCounts();
    try {
      const response = await fetch(`/api/v1/applications/${card.dataset.id}/moves`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ stage }),
      });
      if (!response.ok) {
        const error = await errorFrom(response);
        throw Object.assign(new Error(error.message), { hint: error.hint });
      }
      card.dataset.stage = stage;
      const days = card.querySelector("[data-days]");
      if (days) {
        days.textContent = "today";
        days.title = `At ${column.dataset.label} since today`;
      }
      syncMoveMenu(card, stage);
      card.querySelector(".card-move")?.removeAttribute("open");
      clearError();
      statusLine.textContent = `Moved ${company} to ${column.dataset.label}.`;
    } catch (error) {
      // Put the card back where it was: the server kept the old stage.
      from.list.insertBefore(card, from.next);
      refreshCounts();
      showError(
        `Could not move ${company} to ${column.dataset.label}: ${error.message}`,
        error.hint ||
          "The board may be out of date: reload the page to see where each application stands.",
      );
    } finally {
      card.classList.remove("saving");
    }
  }

  board.addEventListener("dragstart", (event) => {
    const card = event.target.closest(".card");
    if (!card) return;
    dragged = card;
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", card.dataset.id);
    card.classList.add("dragging");
  });

  board.addEventListener("dragend", () => {
    dragged?.classList.remove("dragging");
    dragged = null;
    for (const c of board.querySelectorAll(".drop-target")) c.classList.remove("drop-target");
  });

  board.addEventListener("dragover", (event) => {
    const column = event.target.closest(".column");
    if (!column || !dragged) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    for (const c of board.querySelectorAll(".drop-target")) {
      if (c !== column) c.classList.remove("drop-target");
    }
    column.classList.add("drop-target");
  });

  board.addEventListener("dragleave", (event) => {
    const column = event.target.closest(".column");
    if (column && !column.contains(event.relatedTarget)) column.classList.remove("drop-target");
  });

  board.addEventListener("drop", (event) => {
    const column = event.target.closest(".column");
    if (!column || !dragged) return;
    event.preventDefault();
    column.classList.remove("drop-target");
    const card = dragged;
    if (column.dataset.stage !== card.dataset.stage) moveCard(card, column);
  });

  // The Move menu works the same way, without leaving the page.
  board.addEventListener("submit", (event) => {
    const form = event.target.closest(".move-form");
    if (!form) return;
    const card = form.closest(".card");
    const column = columnFor(new FormData(form).get("stage"));
    if (!card || !column) return;
    event.preventDefault();
    moveCard(card, column);
  });
})();
