// The sociale kaart: full-text search and filters over Pagefind's index (site/pagefind/).
// The form is plain HTML; this script shows it, keeps its state in the URL (links reproduce a view,
// Back works), asks Pagefind for results and for the count each filter value would give, and
// renders the results with the facts a professional needs at a glance.
import { card, element } from "./aanbod-kaartje.js";

const root = document.querySelector("[data-cjg-kaart]");
const form = root.querySelector("form");
const input = form.elements.zoek;  // not "q": Material's own search reads that
const status = document.getElementById("kaart-aantal");
const list = document.getElementById("kaart-resultaten");
const more = document.getElementById("kaart-meer");
const pageSize = Number(root.dataset.pageSize);
const facets = [...form.querySelectorAll("[data-facet]")].map((el) => el.dataset.facet);
const exactAge = form.querySelector("select").name;
const base = new URL(root.dataset.root, document.baseURI);

let pagefind;
let results = [];
let shown = 0;
let generation = 0;
let typing = false;
let countsLoaded = false;

// --- state: form <-> URL ------------------------------------------------------------------------

function readForm() {
  const params = new URLSearchParams();
  if (input.value.trim()) params.set("zoek", input.value.trim());
  if (form.elements[exactAge].value) params.set(exactAge, form.elements[exactAge].value);
  for (const key of facets) {
    for (const box of form.querySelectorAll(`input[name="${key}"]:checked`)) params.append(key, box.value);
  }
  return params;
}

function writeForm(params) {
  input.value = params.get("zoek") || "";
  form.elements[exactAge].value = params.get(exactAge) || "";
  for (const key of facets) {
    const chosen = new Set(params.getAll(key));
    for (const box of form.querySelectorAll(`input[name="${key}"]`)) box.checked = chosen.has(box.value);
  }
}

function saveState(push) {
  const query = readForm().toString();
  const url = location.pathname + (query ? `?${query}` : "");
  if (url === location.pathname + location.search) return;
  if (push) history.pushState(null, "", url);
  else history.replaceState(null, "", url);
}

// --- searching ----------------------------------------------------------------------------------

function filtersOf(params, without) {
  const filters = {};
  if (params.get(exactAge)) filters[exactAge] = params.get(exactAge);
  for (const key of facets) {
    const values = params.getAll(key);
    if (key !== without && values.length) filters[key] = { any: values };
  }
  return filters;
}

function search(params, without) {
  const term = params.get("zoek") || null;
  const options = { filters: filtersOf(params, without) };
  if (!term) options.sort = { titel: "asc" };
  return pagefind.search(term, options);
}

async function update(countsOnly = false) {
  const mine = countsOnly ? generation : ++generation;
  const params = readForm();
  const chosen = facets.filter((key) => params.getAll(key).length);
  const main = await search(params);
  if (mine !== generation) return;
  if (!countsOnly) {
    results = main.results;
    shown = 0;
    await showMore(mine, true);
    if (mine !== generation) return;
    const n = results.length;
    const query = params.get("zoek");
    const filtered = params.get(exactAge) || chosen.length;
    announce(`${n} ${n === 1 ? "resultaat" : "resultaten"}${query ? ` voor ‘${query}’` : ""}`
      + `${filtered ? " met de gekozen filters" : ""}.`);
  }
  if (!countsLoaded) return;
  // After the results: a chosen facet's counts come from a search without that facet (what each
  // value would give), one search per chosen facet.
  const others = await Promise.all(chosen.map((key) => search(params, key)));
  if (mine !== generation) return;
  const counts = { ...main.filters };
  chosen.forEach((key, i) => { counts[key] = others[i].filters[key] || {}; });
  showCounts(counts);
}

// The count is a live region: while someone types it waits for a pause, so that a screen reader
// reads one count, not one per letter. The results themselves update at once.
let announcing;
function announce(text) {
  clearTimeout(announcing);
  if (typing) announcing = setTimeout(() => { status.textContent = text; }, 700);
  else status.textContent = text;
}

function showCounts(counts) {
  for (const key of facets) {
    const facet = form.querySelector(`[data-facet="${key}"]`);
    let chosen = 0;
    for (const box of facet.querySelectorAll("input")) {
      const count = (counts[key] && counts[key][box.value]) || 0;
      box.nextElementSibling.querySelector("[data-count]").textContent = `(${count})`;
      box.closest(".cjg-choice").classList.toggle("cjg-choice--leeg", count === 0 && !box.checked);
      if (box.checked) chosen += 1;
    }
    facet.querySelector("[data-chosen]").textContent = chosen ? ` (${chosen} gekozen)` : "";
  }
}

async function showMore(mine, replace = false) {
  const slice = results.slice(shown, shown + pageSize);
  shown += slice.length; // claimed before loading, so a second click takes the next slice
  more.hidden = shown >= results.length;
  const items = await Promise.all(slice.map((item) => item.data()));
  if (mine !== generation) return;
  const cards = items.map(result);
  if (replace) list.replaceChildren(...cards);
  else list.append(...cards);
  document.dispatchEvent(new CustomEvent("cjg-bewaar-knoppen"));
}

// --- rendering -----------------------------------------------------------------------------------

const FACTS = JSON.parse(root.dataset.feiten); // [label, key] pairs, from glance.KAART_FACTS

function result(item) {
  const meta = { ...item.meta };
  if (meta.verouderd) meta.gecontroleerd += " (verouderd)";
  const li = card(meta, new URL(meta.url, base).pathname, FACTS);
  const save = element("button", "", "md-button");
  save.type = "button";
  save.dataset.cjgBewaar = meta.id;
  li.append(save);
  return li;
}

// --- events ---------------------------------------------------------------------------------------

input.addEventListener("input", () => {
  saveState(!typing);
  typing = true;
  update(); // no debounce: a newer update makes older ones drop their results (see generation)
});
form.addEventListener("change", (event) => {
  if (event.target === input) return;
  typing = false;
  saveState(true);
  update();
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  typing = false;
  update();
});
form.addEventListener("reset", () => {
  setTimeout(() => { typing = false; saveState(true); update(); });
});
more.addEventListener("click", async () => {
  const first = list.children.length;
  await showMore(generation);
  const next = list.children[first];
  if (next) next.querySelector("a").focus();
});
window.addEventListener("popstate", () => {
  typing = false;
  writeForm(new URLSearchParams(location.search));
  update();
});

(async () => {
  try {
    pagefind = await import(new URL("pagefind/pagefind.js", base).href);
    // No worker: one script less to download, and a search of one region is quick on the main thread.
    await pagefind.options({ baseUrl: base.pathname, noWorker: true });
    await pagefind.init();
    writeForm(new URLSearchParams(location.search));
    root.hidden = false;
    await update();
    // The counts need the whole filter index; it loads after the first results are on screen.
    await pagefind.filters();
    countsLoaded = true;
    await update(true);
  } catch (error) {
    root.hidden = true;
    root.after(element("p", "Zoeken in het aanbod lukt nu niet. Gebruik de lijsten hieronder, of probeer het later opnieuw."));
    throw error;
  }
})();
