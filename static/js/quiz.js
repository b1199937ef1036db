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

// Submitting while an answer is still being saved would race it: the submit closes the attempt
// and the late save is refused (409). Hold the submit until every save has finished, then send
// it as the learner pressed it. Queued saves start right after one ends, hence the timeout.
let saving = 0;
let heldSubmit = null;
const inQuiz = (event) => event.target.closest && event.target.closest(".quiz-form");

document.addEventListener("htmx:beforeRequest", (event) => {
  if (inQuiz(event)) saving += 1;
});
document.addEventListener("htmx:afterRequest", (event) => {
  if (!inQuiz(event)) return;
  saving = Math.max(0, saving - 1);
  setTimeout(() => {
    if (saving > 0 || !heldSubmit) return;
    const { form, submitter } = heldSubmit;
    heldSubmit = null;
    form.requestSubmit(submitter);
  }, 0);
});
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!form.matches(".quiz-form") || saving === 0) return;
  event.preventDefault();
  heldSubmit = { form, submitter: event.submitter };
  const note = form.querySelector(".submit-wait");
  if (note) note.hidden = false;
});
