// Resume page: pointing at a finding lights the lines it quotes, so the text beside it
// shows what the finding is about without scrolling by hand. The page works without it.
(function () {
  "use strict";
  const findings = document.querySelectorAll(".finding[data-lines]");
  function lines(finding) {
    const ids = (finding.dataset.lines || "").split(" ").filter(Boolean);
    return ids.map((i) => document.getElementById("line-" + (Number(i) + 1))).filter(Boolean);
  }
  function light(finding, on) {
    finding.classList.toggle("lit", on);
    for (const line of lines(finding)) line.classList.toggle("lit", on);
  }
  for (const finding of findings) {
    finding.addEventListener("mouseenter", () => light(finding, true));
    finding.addEventListener("mouseleave", () => light(finding, false));
    finding.addEventListener("focusin", () => light(finding, true));
    finding.addEventListener("focusout", () => light(finding, false));
  }
})();
