// "Mijn lijst": offerings a professional collects for a family, kept in this browser only
// (localStorage; no server, no cookie). The list holds ids and notes; the list page reads the
// current facts of each offering from its own page, so a printed list is never out of date.
// Buttons with data-cjg-bewaar="<id>" (offering pages, kaart results) add or remove an item.
import { card, element } from "./aanbod-kaartje.js";

const KEY = "cjg-mijn-lijst";
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/; // an offering's id, as the schema has it
const MAX_SHARED = 100; // offerings taken from one shared link
const MAX_NOTE = 500; // characters in a note, typed or from a link
let stored = true; // false once the browser refused to keep the list

function load() {
  try {
    const items = JSON.parse(localStorage.getItem(KEY) || "[]");
    if (!Array.isArray(items)) return [];
    return items.filter((item) => item && typeof item.id === "string" && ID.test(item.id))
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
    const saved = ids.has(button.dataset.cjgBewaar);
    button.hidden = false;
    button.setAttribute("aria-pressed", String(saved)); // a second press takes it out again
    button.textContent = saved ? "Bewaard in mijn lijst" : "Bewaar in mijn lijst";
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
    if (item) item.notitie = text.slice(0, MAX_NOTE);
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
    note.maxLength = MAX_NOTE;
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

  // --- a shared link: #lijst=[[id, note], ...] ---------------------------------------------------
  // The link is shown first; only "Voeg toe aan mijn lijst" changes the list. A note of your own on
  // the same offering stays. The hash stays in the address until you choose, so Back and reload ask again.
  const question = page.querySelector("[data-gedeeld]");
  const questionCount = question.querySelector("[data-gedeeld-aantal]");
  const questionItems = question.querySelector("[data-gedeeld-items]");
  const questionSkipped = question.querySelector("[data-gedeeld-overgeslagen]");
  const questionAsk = question.querySelector("[data-gedeeld-vraag]");
  const accept = question.querySelector("[data-gedeeld-ja]");
  const decline = question.querySelector("[data-gedeeld-nee]");
  const ownHeading = page.querySelector("[data-eigen-kop]"); // tells your own list from the link's
  let offer = null; // what the open link holds: { entries, found }

  const aanbod = (count) => (count === 1 ? "1 aanbod" : `${count} soorten aanbod`);
  const staat = (count) => (count === 1 ? "staat" : "staan");

  function forgetLink() {
    history.replaceState(null, "", location.pathname + location.search);
  }

  // After a choice: focus on your own list, with the message about it in view.
  function focusOwnList() {
    ownHeading.focus({ preventScroll: true });
    message.scrollIntoView({ block: "center" });
  }

  function closeQuestion(text) {
    offer = null;
    question.hidden = true;
    message.classList.remove("cjg-visually-hidden");
    forgetLink();
    message.textContent = text;
  }

  function showQuestion(shared) {
    const { entries, skipped, over, shortened } = shared;
    offer = { entries, found: null };
    const current = offer;
    questionCount.textContent = entries.length === 1
      ? "In de link staat 1 aanbod:"
      : `In de link staan ${aanbod(entries.length)}:`;
    questionItems.replaceChildren(...entries.map((entry) => element("li", entry.id)));
    questionItems.setAttribute("aria-busy", "true");
    const notes = [];
    if (over) notes.push(`De link heeft meer dan ${MAX_SHARED} aanbod. Alleen de eerste ${MAX_SHARED} kun je toevoegen.`);
    if (skipped) notes.push(skipped === 1 ? "1 deel van de link klopt niet. Dat deel slaan we over."
      : `${skipped} delen van de link kloppen niet. Die slaan we over.`);
    if (shortened) notes.push(`Een notitie mag ${MAX_NOTE} tekens lang zijn. Langere notities zijn ingekort.`);
    questionSkipped.replaceChildren(...notes.map((text) => element("li", text)));
    questionSkipped.hidden = notes.length === 0;
    questionAsk.hidden = false;
    accept.hidden = false;
    decline.textContent = "Niet toevoegen";
    question.hidden = false;
    ownHeading.hidden = false;
    // For screen readers only: the question itself says it on screen.
    message.classList.add("cjg-visually-hidden");
    message.textContent = `Je opent een gedeelde lijst met ${aanbod(entries.length)}. Je lijst is nog niet veranderd.`;
    question.focus();
    Promise.all(entries.map((entry) => factsOf(entry.id))).then((found) => {
      if (offer !== current) return; // another link was opened meanwhile
      current.found = found;
      questionItems.replaceChildren(...entries.map((entry, index) => sharedItem(entry, found[index])));
      questionItems.removeAttribute("aria-busy");
      if (found.every((data) => !data)) {
        questionAsk.hidden = true;
        const hadFocus = document.activeElement === accept;
        accept.hidden = true;
        decline.textContent = "Sluiten";
        if (hadFocus) decline.focus();
        message.textContent = "Het aanbod uit de link staat niet meer op de site. Er is niets om toe te voegen.";
      }
    });
  }

  function sharedItem(entry, data) {
    const li = element("li");
    if (data) {
      const link = element("a", data.titel);
      link.href = new URL(data.url, root).pathname;
      li.append(link);
      if (data.partner) li.append(` (${data.partner})`);
    } else {
      li.append(element("span", `Niet (meer) op de site: ${entry.id}`, "cjg-muted"));
    }
    if (entry.notitie) li.append(element("p", `Notitie: ${entry.notitie}`, "cjg-gedeeld__notitie"));
    return li;
  }

  async function addShared() {
    if (!offer) return;
    const { entries } = offer;
    const found = offer.found || await Promise.all(entries.map((entry) => factsOf(entry.id)));
    const items = load();
    let added = 0;
    entries.forEach((entry, index) => {
      if (!found[index]) return;
      const mine = items.find((other) => other.id === entry.id);
      if (!mine) items.push({ id: entry.id, notitie: entry.notitie });
      else if (!mine.notitie) mine.notitie = entry.notitie;
      added += 1;
    });
    save(items);
    const missing = entries.length - added;
    closeQuestion(`${aanbod(added)} uit de gedeelde lijst ${staat(added)} nu in je lijst.`
      + (missing ? ` ${aanbod(missing)} ${staat(missing)} niet meer op de site.` : "")
      + (stored ? "" : " Je browser bewaart de lijst niet: opslag voor websites staat uit."));
    await render();
    focusOwnList();
  }

  function declineShared() {
    closeQuestion("Je lijst is niet veranderd.");
    focusOwnList();
  }

  // Opens the question for a #lijst= link, or says why the link cannot be used; false without such a link.
  function openLink() {
    const match = location.hash.match(/^#lijst=(.*)$/s);
    if (!match) return false;
    const shared = readShared(match[1]);
    if (!shared) {
      closeQuestion("Deze link naar een lijst klopt niet. Je lijst is niet veranderd.");
    } else if (shared.entries.length === 0) {
      closeQuestion("In deze link staat geen aanbod dat de site kan lezen. Je lijst is niet veranderd.");
    } else {
      showQuestion(shared);
    }
    return true;
  }

  accept.addEventListener("click", addShared);
  decline.addEventListener("click", declineShared);

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
  window.addEventListener("hashchange", openLink);
  try {
    localStorage.setItem(`${KEY}-test`, "1");
    localStorage.removeItem(`${KEY}-test`);
  } catch {
    stored = false;
  }
  page.hidden = false;
  const asked = openLink();
  render().then(() => {
    if (!stored && !asked) message.textContent = "Je browser bewaart de lijst niet: opslag voor websites staat uit.";
  });
}

// What a shared link (the text after "#lijst=") holds: at most MAX_SHARED entries { id, notitie },
// each id once and each note cut to MAX_NOTE characters, with counts of what was left out; null when
// the link is not a list at all. Nothing in it is trusted: ids must look like an offering's id.
function readShared(text) {
  let shared;
  try {
    shared = JSON.parse(decodeURIComponent(text));
  } catch {
    return null;
  }
  if (!Array.isArray(shared)) return null;
  const entries = [];
  const seen = new Set();
  let skipped = 0;
  let over = false;
  let shortened = 0;
  for (const entry of shared) {
    const [id, note = ""] = Array.isArray(entry) ? entry : [];
    if (!Array.isArray(entry) || entry.length > 2 || typeof id !== "string" || !ID.test(id)
        || typeof note !== "string") {
      skipped += 1;
      continue;
    }
    if (seen.has(id)) continue;
    if (entries.length === MAX_SHARED) {
      over = true;
      break;
    }
    seen.add(id);
    if (note.length > MAX_NOTE) shortened += 1;
    entries.push({ id, notitie: note.slice(0, MAX_NOTE) });
  }
  return { entries, skipped, over, shortened };
}
