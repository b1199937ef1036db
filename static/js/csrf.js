// CSRF for htmx posts. The token is read from the csrftoken cookie when each request is made, so
// a token rotated by signing in in another tab is used at once. Reading pages are shared and
// carry no token: a reader's first post fetches one (which sets the cookie), then goes ahead.
const tokenUrl = document.currentScript.dataset.tokenUrl;

function cookieToken() {
  const match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : "";
}

document.addEventListener("htmx:confirm", (event) => {
  if (event.detail.verb === "get" || cookieToken()) return;
  event.preventDefault();
  fetch(tokenUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then((response) => {
      if (!response.ok) throw new Error(`token: ${response.status}`);
      event.detail.issueRequest(true);
    })
    .catch(() => {
      event.detail.target.insertAdjacentHTML(
        "afterbegin",
        '<p class="message message-error" role="alert">Not saved: the server could not be '
          + "reached. Check your connection and try again.</p>",
      );
    });
});

document.addEventListener("htmx:configRequest", (event) => {
  if (event.detail.verb === "get") return;
  const token = cookieToken();
  if (!token) return;
  event.detail.headers["X-CSRFToken"] = token;
  // A token in the form wins over the header in Django's check: keep it current too.
  if (event.detail.parameters.has("csrfmiddlewaretoken")) {
    event.detail.parameters.csrfmiddlewaretoken = token;
  }
});

// Plain form posts (submitting an assessment, logging out) carry the token the page was rendered
// with; after signing in or up in another tab that one is stale. Send the current one instead.
document.addEventListener(
  "submit",
  (event) => {
    const token = cookieToken();
    if (!token) return;
    for (const input of event.target.querySelectorAll("input[name=csrfmiddlewaretoken]")) {
      input.value = token;
    }
  },
  true,
);
