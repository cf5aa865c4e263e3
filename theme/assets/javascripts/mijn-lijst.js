// "Mijn lijst": offerings a professional collects for a family, kept in this browser only
// (localStorage; no server, no cookie). Buttons with data-cjg-bewaar (offering pages, kaart
// results) add or remove an item; the list page (data-cjg-mijn-lijst) shows the list with a note per
// item, prints it and shares it as a link that carries only ids and notes.
(() => {
  const KEY = "cjg-mijn-lijst";
  const ID = /^[a-z0-9-]+$/;

  function load() {
    try {
      const items = JSON.parse(localStorage.getItem(KEY) || "[]");
      return Array.isArray(items) ? items.filter((item) => item && ID.test(item.id)) : [];
    } catch {
      return [];
    }
  }

  function save(items) {
    try {
      localStorage.setItem(KEY, JSON.stringify(items));
    } catch {
      // Storage full or switched off: the list lives on until the page closes.
    }
    refresh();
  }

  function refresh() {
    const items = load();
    const ids = new Set(items.map((item) => item.id));
    for (const button of document.querySelectorAll("[data-cjg-bewaar]")) {
      const item = JSON.parse(button.dataset.cjgBewaar);
      button.hidden = false;
      button.setAttribute("aria-pressed", String(ids.has(item.id)));
      if (!button.textContent) button.textContent = "Bewaar in mijn lijst";
    }
    for (const link of document.querySelectorAll("[data-cjg-lijst-link]")) link.hidden = false;
    for (const counter of document.querySelectorAll("[data-cjg-lijst-aantal]")) {
      counter.textContent = items.length ? `(${items.length})` : "";
    }
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-cjg-bewaar]");
    if (!button) return;
    const item = JSON.parse(button.dataset.cjgBewaar);
    const items = load();
    const kept = items.filter((other) => other.id !== item.id);
    save(kept.length === items.length ? [...items, { ...item, notitie: "" }] : kept);
  });
  document.addEventListener("cjg-bewaar-knoppen", refresh);
  refresh();

  // --- the list page ----------------------------------------------------------------------------

  const page = document.querySelector("[data-cjg-mijn-lijst]");
  if (!page) return;
  const root = new URL(page.dataset.root, document.baseURI);
  const list = page.querySelector("ol");
  const empty = page.querySelector("[data-leeg]");
  const filled = page.querySelectorAll("[data-gevuld]");
  const shareField = page.querySelector("#lijst-link");
  const template = page.dataset.offeringUrl;

  const FACTS = [["Door", "partner"], ["Leeftijd", "leeftijd"], ["Waar", "waar"], ["Wanneer", "wanneer"],
    ["Kosten", "kosten"], ["Toegang", "toegang"], ["Contact", "contact"]];

  function element(tag, text, className) {
    const el = document.createElement(tag);
    if (text) el.textContent = text;
    if (className) el.className = className;
    return el;
  }

  function shareLink(items) {
    const data = items.map((item) => (item.notitie ? [item.id, item.notitie] : [item.id]));
    const url = new URL(location.href);
    url.hash = `lijst=${encodeURIComponent(JSON.stringify(data))}`;
    return url.href;
  }

  function render() {
    const items = load();
    empty.hidden = items.length > 0;
    for (const part of filled) part.hidden = items.length === 0;
    shareField.value = shareLink(items);
    list.replaceChildren(...items.map((item, index) => {
      const li = element("li", "", "cjg-card");
      const heading = element("h2", "", "cjg-card__title");
      const link = element("a", item.titel);
      link.href = new URL(item.url, root).pathname;
      heading.append(link);
      li.append(heading, element("p", item.samenvatting));
      const facts = element("dl", "", "cjg-card__facts");
      for (const [label, key] of FACTS) {
        if (!item[key]) continue;
        const row = element("div");
        row.append(element("dt", label), element("dd", item[key]));
        facts.append(row);
      }
      li.append(facts);
      const id = `notitie-${index}`;
      const label = element("label", `Notitie bij ${item.titel}`, "cjg-no-print");
      label.htmlFor = id;
      const note = element("textarea", "", "cjg-no-print");
      note.id = id;
      note.rows = 2;
      note.value = item.notitie || "";
      const printed = element("p", item.notitie ? `Notitie: ${item.notitie}` : "", "cjg-print-only");
      note.addEventListener("change", () => {
        const all = load();
        const stored = all.find((other) => other.id === item.id);
        if (stored) stored.notitie = note.value;
        save(all);
        printed.textContent = note.value ? `Notitie: ${note.value}` : "";
        shareField.value = shareLink(all);
      });
      const remove = element("button", "Verwijder uit mijn lijst", "md-button cjg-no-print");
      remove.type = "button";
      remove.addEventListener("click", () => {
        save(load().filter((other) => other.id !== item.id));
        render();
        (list.querySelector("a") || page.querySelector("h2, [data-leeg]")).focus();
      });
      li.append(label, note, printed, remove);
      return li;
    }));
  }

  async function importShared() {
    const match = location.hash.match(/^#lijst=(.*)$/);
    if (!match) return;
    let shared = [];
    try {
      shared = JSON.parse(decodeURIComponent(match[1]));
    } catch {
      return;
    }
    const wanted = shared.filter((entry) => Array.isArray(entry) && ID.test(entry[0])).slice(0, 50);
    const found = await Promise.all(wanted.map(async ([id, note]) => {
      const response = await fetch(template.replace("__id__", id));
      if (!response.ok) return null;
      const html = new DOMParser().parseFromString(await response.text(), "text/html");
      const button = html.querySelector("[data-cjg-bewaar]");
      return button ? { ...JSON.parse(button.dataset.cjgBewaar), notitie: String(note || "") } : null;
    }));
    const items = load();
    for (const item of found) {
      if (!item) continue;
      const index = items.findIndex((other) => other.id === item.id);
      if (index >= 0) items[index] = item;
      else items.push(item);
    }
    save(items);
    history.replaceState(null, "", location.pathname + location.search);
  }

  page.querySelector("[data-print]").addEventListener("click", () => window.print());
  page.querySelector("[data-kopieer]").addEventListener("click", async (event) => {
    shareField.select();
    try {
      await navigator.clipboard.writeText(shareField.value);
      event.target.nextElementSibling.textContent = "De link is gekopieerd.";
    } catch {
      event.target.nextElementSibling.textContent = "Kopieer de geselecteerde link met Ctrl+C.";
    }
  });
  page.querySelector("[data-leegmaken]").addEventListener("click", () => {
    save([]);
    render();
  });
  page.hidden = false;
  importShared().then(render);
})();
