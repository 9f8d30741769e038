// Suanbei 算备 — progressive enhancements only; every page works without JavaScript.
document.addEventListener("click", (e) => {
  const add = e.target.closest("[data-add-step]");
  if (add) {
    e.preventDefault();
    const list = document.getElementById(add.dataset.addStep);
    const index = list.querySelectorAll("input").length;
    const input = document.createElement("input");
    input.type = "text"; input.name = `Input.AccessPath[${index}]`; input.id = `Input_AccessPath_${index}`;
    const li = document.createElement("li"); li.appendChild(input); list.appendChild(li); input.focus();
  }
});

// Forms with data-max-bytes (标识核验): an upload over the server's limit is stopped before it is sent — the server
// refuses it too, but a browser would only see the connection closed for a body far over the limit.
document.addEventListener("submit", (e) => {
  const form = e.target;
  const max = Number(form.dataset && form.dataset.maxBytes);
  if (!max) return;
  let total = 0;
  for (const input of form.querySelectorAll("input[type=file]")) for (const f of input.files) total += f.size;
  if (total > max) {
    e.preventDefault();
    const message = form.querySelector("[data-valmsg-for]");
    if (message) message.textContent = form.dataset.maxMessage;
  }
});

// 返回上一页 on status pages: without script the link goes to the referring page (or is hidden when there is none);
// with script it goes back in the history, which also restores a form the user had filled in.
for (const back of document.querySelectorAll("[data-history-back]")) if (history.length > 1) back.hidden = false;
document.addEventListener("click", (e) => {
  const back = e.target.closest("[data-history-back]");
  if (back && history.length > 1) { e.preventDefault(); history.back(); }
});

// 人工复核 (GenAi/Review): J/K move between answers, 1/2 mark the current one (a plain form post), R types a reason,
// Esc leaves the reason field. Keys typed into a field are left alone.
(() => {
  const queue = document.querySelector("[data-review-queue]");
  if (!queue) return;
  const items = [...queue.querySelectorAll(".review-item")];
  if (items.length === 0) return;
  let index = Math.max(0, items.findIndex((i) => i.classList.contains("current")));
  const show = (n) => {
    if (n >= items.length) { const next = document.querySelector("[data-next-page]"); if (next) next.click(); return; }
    index = Math.max(0, n);
    items.forEach((item, i) => item.classList.toggle("current", i === index));
    items[index].scrollIntoView({ block: "nearest" });
  };
  show(index);
  document.addEventListener("keydown", (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.target.closest("input, textarea, select")) {
      if (e.key === "Escape") e.target.blur();
      return;
    }
    const key = e.key.toLowerCase();
    if (key === "j") show(index + 1);
    else if (key === "k") show(index - 1);
    else if (key === "1" || key === "2") items[index].querySelector(`[data-key="${key}"]`).click();
    else if (key === "r") items[index].querySelector("input[name=reason]").focus();
    else return;
    e.preventDefault();
  });
})();

// 评估运行 (GenAi/Runs): while a run is 运行中 or 排队中, its figures are fetched every 1.5 s and written into the fields
// named by data-field; when the status changes the page reloads, so its buttons and notes match. Without script the page
// shows the figures as of its load, and its 刷新 link.
(() => {
  const box = document.querySelector("[data-eval-progress]");
  if (!box || !["running", "queued"].includes(box.dataset.status)) return;
  const tick = async () => {
    let p;
    try {
      const r = await fetch(box.dataset.evalProgress, { headers: { Accept: "application/json" }, cache: "no-store" });
      if (!r.ok) return setTimeout(tick, 3000);
      p = await r.json();
    } catch { return setTimeout(tick, 3000); }
    for (const el of box.querySelectorAll("[data-field]")) {
      const key = el.dataset.field;
      if (key === "bar") { el.max = Math.max(1, p.total); el.value = p.answered; }
      else if (p[key] !== undefined && p[key] !== null) el.textContent = String(p[key]);
    }
    if (p.status !== box.dataset.status) location.reload();
    else setTimeout(tick, 1500);
  };
  setTimeout(tick, 1500);
})();
