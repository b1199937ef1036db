// Quiz page: make failed answer saves visible. 4xx replies are swapped in by htmx itself
// (see htmx-config responseHandling); this covers 5xx replies and lost connections.
document.addEventListener("htmx:afterRequest", (event) => {
  const { xhr, successful, target } = event.detail;
  if (successful || (xhr && xhr.status >= 400 && xhr.status < 500) || !target) return;
  target.classList.add("is-error");
  target.textContent = "⚠ Not saved: the server could not be reached. Your choice is still "
    + "selected; choose it again or use “Save and finish later”.";
});
