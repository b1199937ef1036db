// Quiz page: make failed answer saves visible. 4xx replies are swapped in by htmx itself
// (see htmx-config responseHandling); this covers 5xx replies and lost connections.
document.addEventListener("htmx:afterRequest", (event) => {
  const { xhr, successful, target } = event.detail;
  if (successful || (xhr && xhr.status >= 400 && xhr.status < 500) || !target) return;
  target.classList.add("is-error");
  target.textContent = "⚠ Not saved: the server could not be reached. Your choice is still "
    + "selected; choose it again or use “Save and finish later”.";
});

// Number keys choose within the focused question: 1 picks its first option, 2 the second...
// The change event bubbles to the question, whose htmx trigger saves the answer.
document.addEventListener("keydown", (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey || !/^[1-9]$/.test(event.key)) return;
  const active = document.activeElement;
  const question = active && active.closest ? active.closest(".question") : null;
  if (!question || (active.matches("input, textarea, select") && active.type !== "radio")) return;
  const radio = question.querySelectorAll("input[type=radio]")[Number(event.key) - 1];
  if (!radio) return;
  event.preventDefault();
  radio.focus();
  if (!radio.checked) {
    radio.checked = true;
    radio.dispatchEvent(new Event("change", { bubbles: true }));
  }
});

for (const hint of document.querySelectorAll(".key-hint")) hint.hidden = false;
