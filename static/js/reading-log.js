// A guest's reading log, kept in this browser only (no cookie, nothing sent while reading):
// section pages for untracked readers add "section opened at"; the sign-up and log-in forms
// carry the log in a hidden field so the server can keep that reading on the new account.
const KEY = "studyhall.readingLog";
const KEEP = 60;

function read() {
  try {
    const log = JSON.parse(localStorage.getItem(KEY) || "[]");
    return Array.isArray(log) ? log : [];
  } catch {
    return [];
  }
}

function write(log) {
  try {
    localStorage.setItem(KEY, JSON.stringify(log.slice(-KEEP)));
  } catch {
    // storage full or turned off: reading works the same, only this log is lost
  }
}

const page = document.querySelector("[data-reading-log-section]");
if (document.body.hasAttribute("data-signed-in")) {
  try { localStorage.removeItem(KEY); } catch { /* nothing kept */ }
} else if (page) {
  const c = page.dataset.readingLogChapter;
  const s = page.dataset.readingLogSection;
  const log = read();
  if (!log.some((e) => e.c === c && e.s === s)) write([...log, { c, s, t: Date.now() }]);
}
for (const field of document.querySelectorAll("input[name=reading_log]")) {
  const log = read();
  if (log.length) field.value = JSON.stringify(log);
}
