// "Mijn lijst": offerings a professional collects for a family, kept in this browser only
// (localStorage; no server, no cookie). The list holds ids and notes; the list page reads the
// current facts of each offering from its own page, so a printed list is never out of date.
// Buttons with data-cjg-bewaar="<id>" (offering pages, kaart results) add or remove an item.
import { card, element } from "./aanbod-kaartje.js";

const KEY = "cjg-mijn-lijst";
const ID = /^[a-z0-9-]+$/;
let stored = true; // false once the browser refused to keep the list

function load() {
  try {
    const items = JSON.parse(localStorage.getItem(KEY) || "[]");
    if (!Array.isArray(items)) return [];
    return items.filter((item) => item && ID.test(item.id))
      .map((item) => ({ id: item.id, notitie: typeof item.notitie === "string" ? item.notitie : "" }));
  } catch {
    return [];
  }
}

function save(items) {
  try {
    localStorage.setItem(KEY, JSON.stringify(items));
    stored = true;
  } catch {
    stored = false; // storage switched off or full
  }
  refresh();
}

function refresh() {
  const ids = new Set(load().map((item) => item.id));
  for (const button of document.querySelectorAll("[data-cjg-bewaar]")) {
    button.hidden = false;
    button.setAttribute("aria-pressed", String(ids.has(button.dataset.cjgBewaar)));
    if (!button.textContent) button.textContent = "Bewaar in mijn lijst";
  }
  for (const link of document.querySelectorAll("[data-cjg-lijst-link]")) link.hidden = false;
  for (const counter of document.querySelectorAll("[data-cjg-lijst-aantal]")) {
    counter.textContent = ids.size ? `(${ids.size})` : "";
  }
}

document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-cjg-bewaar]");
  if (!button) return;
  const id = button.dataset.cjgBewaar;
  const items = load();
  const item = items.find((other) => other.id === id);
  if (!item) {
    save([...items, { id, notitie: "" }]);
  } else if (!item.notitie || window.confirm("Je notitie bij dit aanbod gaat ook weg. Uit je lijst halen?")) {
    save(items.filter((other) => other !== item));
  }
  if (!stored) window.alert("Je browser bewaart de lijst niet: opslag voor websites staat uit.");
});
document.addEventListener("cjg-bewaar-knoppen", refresh);
refresh();

// --- the list page --------------------------------------------------------------------------------

const page = document.querySelector("[data-cjg-mijn-lijst]");
if (page) {
  const root = new URL(page.dataset.root, document.baseURI);
  const list = page.querySelector("ol");
  const empty = page.querySelector("[data-leeg]");
  const filled = page.querySelectorAll("[data-gevuld]");
  const message = page.querySelector("[data-melding]");
  const shareField = page.querySelector("#lijst-link");
  const FACTS = JSON.parse(page.dataset.feiten); // [label, key] pairs, from glance.LIST_FACTS
  const facts = new Map();

  // The current facts of an offering, from the data its page carries; null when it is gone.
  async function factsOf(id) {
    if (!facts.has(id)) {
      facts.set(id, fetch(page.dataset.offeringUrl.replace("__id__", id))
        .then((response) => (response.ok ? response.text() : ""))
        .then((html) => {
          const holder = new DOMParser().parseFromString(html, "text/html").querySelector("[data-cjg-gegevens]");
          return holder ? JSON.parse(holder.dataset.cjgGegevens) : null;
        })
        .catch(() => null));
    }
    return facts.get(id);
  }

  function shareLink(items) {
    const data = items.map((item) => (item.notitie ? [item.id, item.notitie] : [item.id]));
    const url = new URL(location.href);
    url.hash = `lijst=${encodeURIComponent(JSON.stringify(data))}`;
    return url.href;
  }

  function saveNote(id, text) {
    const items = load();
    const item = items.find((other) => other.id === id);
    if (item) item.notitie = text;
    save(items);
    shareField.value = shareLink(items);
  }

  function remove(id, title) {
    const items = load();
    const index = items.findIndex((other) => other.id === id);
    save(items.filter((other) => other.id !== id));
    message.textContent = `${title} staat niet meer in je lijst.`;
    render().then(() => {
      const next = list.children[Math.min(index, list.children.length - 1)];
      (next ? next.querySelector("a, button") : empty).focus();
    });
  }

  function item(entry, data) {
    const li = data
      ? card(data, new URL(data.url, root).pathname, FACTS)
      : element("li", "Dit aanbod staat niet (meer) op de site.", "cjg-card");
    const title = data ? data.titel : entry.id;
    const id = `notitie-${entry.id}`;
    const label = element("label", `Notitie bij ${title}`, "cjg-no-print");
    label.htmlFor = id;
    const note = element("textarea", "", "cjg-no-print");
    note.id = id;
    note.rows = 2;
    note.value = entry.notitie;
    const printed = element("p", entry.notitie ? `Notitie: ${entry.notitie}` : "", "cjg-print-only");
    note.addEventListener("input", () => {
      saveNote(entry.id, note.value);
      printed.textContent = note.value ? `Notitie: ${note.value}` : "";
    });
    const button = element("button", "Verwijder uit mijn lijst", "md-button cjg-no-print");
    button.type = "button";
    button.addEventListener("click", () => remove(entry.id, title));
    li.append(label, note, printed, button);
    return li;
  }

  async function render() {
    const items = load();
    const data = await Promise.all(items.map((entry) => factsOf(entry.id)));
    empty.hidden = items.length > 0;
    for (const part of filled) part.hidden = items.length === 0;
    shareField.value = shareLink(items);
    list.replaceChildren(...items.map((entry, index) => item(entry, data[index])));
  }

  // A shared link (#lijst=[[id, note], ...]) adds its offerings to this browser's list; a note of
  // your own on the same offering stays.
  async function importShared() {
    const match = location.hash.match(/^#lijst=(.*)$/);
    if (!match) return;
    history.replaceState(null, "", location.pathname + location.search);
    let shared;
    try {
      shared = JSON.parse(decodeURIComponent(match[1]));
    } catch {
      shared = null;
    }
    const wanted = Array.isArray(shared)
      ? shared.filter((entry) => Array.isArray(entry) && typeof entry[0] === "string" && ID.test(entry[0]))
      : [];
    const found = await Promise.all(wanted.map(([id]) => factsOf(id)));
    const items = load();
    let added = 0;
    wanted.forEach(([id, note], index) => {
      if (!found[index]) return;
      const text = typeof note === "string" ? note : "";
      const mine = items.find((other) => other.id === id);
      if (!mine) items.push({ id, notitie: text });
      else if (!mine.notitie) mine.notitie = text;
      added += 1;
    });
    save(items);
    const missing = wanted.length - added;
    message.textContent = `${added} aanbod uit de gedeelde lijst staat nu in je lijst.`
      + (missing ? ` ${missing} aanbod staat niet meer op de site.` : "");
  }

  page.querySelector("[data-print]").addEventListener("click", () => window.print());
  page.querySelector("[data-kopieer]").addEventListener("click", async () => {
    shareField.select();
    try {
      await navigator.clipboard.writeText(shareField.value);
      message.textContent = "De link is gekopieerd.";
    } catch {
      message.textContent = "Kopieer de geselecteerde link met Ctrl+C.";
    }
  });
  page.querySelector("[data-leegmaken]").addEventListener("click", async () => {
    if (!window.confirm("Wil je de hele lijst leegmaken? Je notities gaan ook weg.")) return;
    save([]);
    await render();
    message.textContent = "Je lijst is leeg.";
    empty.focus();
  });
  window.addEventListener("hashchange", () => importShared().then(render));
  try {
    localStorage.setItem(`${KEY}-test`, "1");
    localStorage.removeItem(`${KEY}-test`);
  } catch {
    stored = false;
  }
  page.hidden = false;
  importShared().then(render).then(() => {
    if (!stored) message.textContent = "Je browser bewaart de lijst niet: opslag voor websites staat uit.";
  });
}
