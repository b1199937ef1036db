// The cohort overview's live tables: htmx polls every 30 s (data-hx-trigger on #overview-live).
// Here: skip polls while the tab is hidden, poll at once when it shows again, keep an unchanged
// answer from being swapped, and say in the polite live region when the figures changed.
const status = document.getElementById("overview-status");

document.body.addEventListener("htmx:beforeRequest", (event) => {
  if (event.detail.elt.id === "overview-live" && document.hidden) event.preventDefault();
});

document.addEventListener("visibilitychange", () => {
  const live = document.getElementById("overview-live");
  if (live && !document.hidden) live.dispatchEvent(new CustomEvent("sh-visible"));
});

document.body.addEventListener("htmx:beforeSwap", (event) => {
  const live = document.getElementById("overview-live");
  if (!live || event.detail.target !== live) return;
  const tag = event.detail.xhr.getResponseHeader("ETag") || "";
  if (event.detail.xhr.status === 304 || (live.dataset.etag && tag.includes(live.dataset.etag))) {
    event.detail.shouldSwap = false;
  }
});

document.body.addEventListener("htmx:afterSwap", (event) => {
  if (event.detail.target.id !== "overview-live" || !status) return;
  const time = new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  status.textContent = `Figures changed: updated at ${time}.`;
});
