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
