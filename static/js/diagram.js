// Animated diagrams (templates/includes/diagram.html). The server renders every diagram in its
// final state with all steps listed; this module adds the controls and plays the steps. It moves
// nothing when the reader prefers reduced motion: the final state stays, the steps still navigate.
const still = matchMedia("(prefers-reduced-motion: reduce)");

for (const fig of document.querySelectorAll("figure[data-diagram]")) enhance(fig);

function enhance(fig) {
  const $ = (selector) => fig.querySelector(selector);
  const svg = $("svg");
  const items = [...fig.querySelectorAll(".diagram-steps > li")];
  const shapes = [...svg.querySelectorAll("[data-from], [data-hl]")];
  const button = (act) => $(`[data-act="${act}"]`);
  const last = items.length;
  let step = last;
  let playing = false;
  let touched = false;
  let timer = 0;
  let due = 0;
  let left = 0;
  let moving = [];

  // Show step k: what has appeared so far, what this step highlights, its caption and packets.
  function go(k, animate) {
    step = Math.min(last, Math.max(1, k));
    left = 0;
    fig.dataset.step = step;
    for (const el of shapes) {
      const from = Number(el.dataset.from || 1);
      el.classList.toggle("is-hidden", from > step);
      el.classList.toggle("is-new", animate && from === step);
      el.classList.toggle("is-active", (el.dataset.hl || "").split(" ").includes(String(step)));
    }
    items.forEach((li, i) => {
      li.classList.toggle("is-current", i === step - 1);
      li.classList.toggle("is-future", i >= step);
      if (i === step - 1) li.setAttribute("aria-current", "step");
      else li.removeAttribute("aria-current");
    });
    const count = `Step ${step} of ${last}`;
    $(".dg-counter").textContent = count;
    $(".dg-live-count").textContent = `${count}: `;
    $(".dg-live-text").textContent = items[step - 1].textContent.trim();
    button("prev").setAttribute("aria-disabled", String(step === 1));
    button("next").setAttribute("aria-disabled", String(step === last));
    send(animate);
  }

  // Move this step's packets along their connections, at a speed proportional to distance.
  function send(animate) {
    for (const a of moving) a.cancel();
    moving = [];
    if (!animate || still.matches) return;
    for (const dot of svg.querySelectorAll(`.dg-packet[data-step="${step}"]`)) {
      const points = [];
      for (const id of dot.dataset.along.split(" ")) {
        const line = svg.querySelector(`[data-conn="${id}"] line`);
        const at = (x, y) => [x, y].map((name) => Number(line.getAttribute(name)));
        if (!points.length) points.push(at("x1", "y1"));
        points.push(at("x2", "y2"));
      }
      const hops = points.map((p, i) => (i ? Math.hypot(p[0] - points[i - 1][0], p[1] - points[i - 1][1]) : 0));
      const total = hops.reduce((sum, hop) => sum + hop, 0);
      let run = 0;
      const frames = points.map(([x, y], i) => {
        run += hops[i];
        return { transform: `translate(${x}px, ${y}px)`, offset: total ? run / total : i / (points.length - 1), opacity: 1 };
      });
      moving.push(dot.animate(frames, { duration: Number(dot.dataset.ms), easing: "linear", fill: "forwards" }));
    }
  }

  function wait(ms) {
    clearTimeout(timer);
    due = performance.now() + ms;
    timer = setTimeout(advance, ms);
  }

  function advance() {
    if (step >= last) return setPlaying(false);
    go(step + 1, true);
    wait(Number(items[step - 1].dataset.ms));
  }

  function setPlaying(on) {
    if (on && step === last && !left) go(1, true);
    playing = on;
    fig.classList.toggle("is-playing", on);
    $(".dg-play-label").textContent = on ? "Pause" : "Play";
    $(".dg-play .dg-icon").textContent = on ? "❚❚" : "▶";
    if (on) {
      for (const a of moving) if (a.playState === "paused") a.play();
      wait(left || Number(items[step - 1].dataset.ms));
    } else {
      clearTimeout(timer);
      left = Math.max(0, due - performance.now());
      for (const a of moving) if (a.playState === "running") a.pause();
    }
  }

  const actions = {
    replay: () => {
      go(1, true);
      setPlaying(true);
    },
    play: () => setPlaying(!playing),
    prev: () => jump(step - 1),
    next: () => jump(step + 1),
    first: () => jump(1),
    end: () => jump(last),
  };

  function jump(k) {
    setPlaying(false);
    go(k, true);
  }

  const controls = $(".dg-controls");
  controls.addEventListener("click", (event) => {
    const target = event.target.closest("[data-act]");
    if (!target || target.getAttribute("aria-disabled") === "true") return;
    touched = true;
    actions[target.dataset.act]();
  });
  controls.addEventListener("keydown", (event) => {
    const act = { ArrowLeft: "prev", ArrowRight: "next", Home: "first", End: "end" }[event.key];
    if (!act) return;
    event.preventDefault();
    touched = true;
    actions[act]();
  });
  still.addEventListener("change", () => {
    setPlaying(false);
    go(still.matches ? last : step, false);
  });

  go(still.matches ? last : 1, false);
  controls.hidden = false;
  $(".dg-now").hidden = false;
  fig.classList.add("is-enhanced");
  if (still.matches) return;
  // Play the first time most of the drawing is on screen, unless the reader already chose;
  // pause when it leaves the screen, so nobody misses a step.
  new IntersectionObserver(([entry]) => {
    if (entry.intersectionRatio >= 0.5 && !touched) {
      touched = true;
      setPlaying(true);
    } else if (!entry.isIntersecting && playing) setPlaying(false);
  }, { threshold: [0, 0.5] }).observe(svg);
}
