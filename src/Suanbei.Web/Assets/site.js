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
