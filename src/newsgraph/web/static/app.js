// newsgraph web UI: select highlighted items, send corrections, pan and zoom the network.
"use strict";

function itemsAt(seg) {
  return (seg.dataset.items || "").split(" ").filter(Boolean);
}

function select(item, scroll) {
  const text = document.getElementById("text");
  if (!text) return;
  document.querySelectorAll(".seg.selected").forEach((s) => s.classList.remove("selected"));
  document.querySelectorAll("#panel .card").forEach((c) => { c.hidden = true; });
  const card = document.getElementById("card-" + item) || document.getElementById("card-none");
  card.hidden = false;
  const segs = text.querySelectorAll('.seg[data-items~="' + CSS.escape(item) + '"]');
  segs.forEach((s) => s.classList.add("selected"));
  if (scroll && segs.length) segs[0].scrollIntoView({ block: "center" });
  history.replaceState(null, "", location.pathname + location.search + "#item=" + item);
}

function wireArticle() {
  const text = document.getElementById("text");
  if (!text) return;
  let last = null;
  let turn = 0;
  text.addEventListener("click", (ev) => {
    const seg = ev.target.closest(".seg[data-items]");
    if (!seg) return;
    const items = itemsAt(seg);
    turn = seg === last ? (turn + 1) % items.length : 0;  // click again: the next item here
    last = seg;
    select(items[turn], false);
  });
  document.addEventListener("click", (ev) => {
    const link = ev.target.closest("[data-select]");
    if (!link) return;
    ev.preventDefault();
    select(link.dataset.select, true);
  });
  document.querySelectorAll("[data-layer]").forEach((box) => {
    box.addEventListener("change", () => text.classList.toggle("no-" + box.dataset.layer, !box.checked));
  });
  const follow = () => {
    const m = location.hash.match(/^#item=(.+)$/);
    if (m) select(decodeURIComponent(m[1]), true);
    else if (location.hash === "#passage") {
      const p = document.getElementById("passage");
      if (p) p.scrollIntoView({ block: "center" });
    }
  };
  window.addEventListener("hashchange", follow);  // links within the page, back and forward
  follow();
  wireCorrections();
}

async function send(method, url, body) {
  const res = await fetch(url, {
    method: method,
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    credentials: "same-origin",
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.ok) return null;
  try { return (await res.json()).error.message; } catch (e) { return "HTTP " + res.status; }
}

function wireCorrections() {
  document.querySelectorAll("form.correct").forEach((form) => {
    const field = form.elements.field;
    const show = () => form.querySelectorAll("[data-for]").forEach((l) => { l.hidden = l.dataset.for !== field.value; });
    field.addEventListener("change", show);
    show();
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const f = field.value;
      let value = null;
      if (f !== "wrong") {
        const input = form.elements[f];
        value = input ? input.value.trim() || null : null;
      }
      const body = { article_id: form.dataset.article, kind: form.dataset.kind, item: form.dataset.item,
        field: f, value: value, note: form.elements.note.value.trim() || null };
      const error = await send("POST", "/corrections", body);
      if (error) {
        const p = form.querySelector(".error");
        p.textContent = error;
        p.hidden = false;
        return;
      }
      location.hash = "#item=" + form.dataset.kind + ":" + form.dataset.item;
      location.reload();
    });
  });
  document.querySelectorAll("button.withdraw").forEach((b) => {
    b.addEventListener("click", async () => {
      const error = await send("DELETE", "/corrections/" + b.dataset.id);
      if (error) alert(error); else location.reload();
    });
  });
}

function wireNetwork() {
  const svg = document.getElementById("network");
  if (!svg) return;
  const vb = svg.viewBox.baseVal;
  let drag = null;
  svg.addEventListener("wheel", (ev) => {
    ev.preventDefault();
    const k = ev.deltaY > 0 ? 1.15 : 1 / 1.15;
    const r = svg.getBoundingClientRect();
    const px = vb.x + (ev.clientX - r.left) / r.width * vb.width;
    const py = vb.y + (ev.clientY - r.top) / r.height * vb.height;
    vb.x = px - (px - vb.x) * k; vb.y = py - (py - vb.y) * k;
    vb.width *= k; vb.height *= k;
  }, { passive: false });
  svg.addEventListener("pointerdown", (ev) => {
    if (ev.target.closest("a")) return;
    drag = { x: ev.clientX, y: ev.clientY, vx: vb.x, vy: vb.y };
    svg.setPointerCapture(ev.pointerId);
  });
  svg.addEventListener("pointermove", (ev) => {
    if (!drag) return;
    const r = svg.getBoundingClientRect();
    vb.x = drag.vx - (ev.clientX - drag.x) / r.width * vb.width;
    vb.y = drag.vy - (ev.clientY - drag.y) / r.height * vb.height;
  });
  svg.addEventListener("pointerup", () => { drag = null; });
}

document.addEventListener("DOMContentLoaded", () => { wireArticle(); wireNetwork(); });
