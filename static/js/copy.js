// A "Copy" button on every code block of a section. Without JavaScript the code is still selectable.
const live = document.createElement("p");
live.className = "visually-hidden";
live.setAttribute("aria-live", "polite");
document.body.append(live);

for (const block of document.querySelectorAll(".codeblock")) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "copy-button";
  button.textContent = "Copy";
  button.setAttribute("aria-label", "Copy this code");
  button.addEventListener("click", async () => {
    const code = block.querySelector("code");
    try {
      await navigator.clipboard.writeText(code ? code.innerText : "");
      button.textContent = "Copied";
      live.textContent = "Code copied to the clipboard.";
    } catch {
      button.textContent = "Select and copy";
      live.textContent = "Could not copy: select the code and copy it instead.";
    }
    setTimeout(() => { button.textContent = "Copy"; }, 2000);
  });
  block.prepend(button);
}
