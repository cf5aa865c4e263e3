// The sociale kaart: full-text search and filters over Pagefind's index (site/pagefind/, or
// site/pagefind/<gemeente>/ for each gemeente of a kaart that searches one gemeente at a time).
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
const further = document.getElementById("kaart-verder");
const suggestions = further.querySelector("[data-suggesties]");
const THIN = 2; // this many results or fewer: show the ways forward
const chips = root.querySelector(".cjg-kaart__chips");
const filterButton = form.querySelector("[data-filterknop]");
const showButton = form.querySelector("[data-toon]");
const pageSize = Number(root.dataset.pageSize);
const facets = [...form.querySelectorAll("[data-facet]")].map((el) => el.dataset.facet);
const exactAge = form.querySelector("#kaart-jaar").name;
const base = new URL(root.dataset.root, document.baseURI);

// A province's or a country's kaart searches one gemeente at a time, each with its own index
// (render/files/kaart.py): the gemeente field says which, and the last one chosen comes back on the
// next visit. Without that field one index holds every offering.
const place = form.elements.gemeente;
const PLACE = "gemeente";
const PLACE_KEPT = "cjg-kaart-gemeente"; // in localStorage

// Each index opened, with what was asked of it. Two Pagefind instances over the same index:
// `pagefind` finds the results on the main thread and loads only the filter chunks its searches use,
// so a keystroke costs one quick search. `counter` holds the whole filter index, in Pagefind's
// worker, and gives the count per filter value after the results are on screen: with every filter
// loaded a search counts them all, which at 5,000 offerings takes several times as long as the
// search itself.
const indexes = new Map();
let index; // the one the results come from

async function openIndex(name) {
  const pagefind = await import(new URL(`pagefind/${name ? `${name}/` : ""}pagefind.js`, base).href);
  // The results without a worker: no worker script before the first results, and a search without
  // the filter counts is quick on the main thread.
  await pagefind.options({ baseUrl: base.pathname, noWorker: true });
  await pagefind.init();
  return { name, pagefind, counter: null, countsLoaded: false, searches: new Map(), listings: new Map(),
    rankIds: new Map(), fragments: new Map() };
}

function indexFor(params) {
  const name = params.get(PLACE) || "";
  if (!indexes.has(name)) indexes.set(name, openIndex(name).catch((error) => { indexes.delete(name); throw error; }));
  return indexes.get(name);
}

// The counts need the whole filter index; it loads after the first results are on screen.
async function loadCounts(opened) {
  opened.counter = opened.pagefind.createInstance({ baseUrl: base.pathname });
  await opened.counter.init();
  await opened.counter.filters();
  opened.countsLoaded = true;
  if (opened === index) refreshCounts();
}

let results = [];
let shown = 0;
let generation = 0;
let typing = false;

// --- state: form <-> URL ------------------------------------------------------------------------

function readForm() {
  const params = new URLSearchParams();
  if (place && place.value) params.set(PLACE, place.value);
  if (input.value.trim()) params.set("zoek", input.value.trim());
  if (form.elements[exactAge].value) params.set(exactAge, form.elements[exactAge].value);
  if (form.elements[ORDER].value) params.set(ORDER, form.elements[ORDER].value);
  for (const key of facets) {
    for (const box of form.querySelectorAll(`input[name="${key}"]:checked`)) params.append(key, box.value);
  }
  return params;
}

function writeForm(params) {
  if (place) {
    place.value = params.get(PLACE) || "";
    if (place.selectedIndex < 0) place.value = ""; // a gemeente this kaart does not have
  }
  input.value = params.get("zoek") || "";
  form.elements[exactAge].value = params.get(exactAge) || "";
  form.elements[ORDER].value = params.get(ORDER) || "";
  for (const key of facets) {
    const chosen = new Set(params.getAll(key));
    for (const box of form.querySelectorAll(`input[name="${key}"]`)) box.checked = chosen.has(box.value);
  }
  if (place) dropOtherAreas();
}

// The kernen or wijken of other gemeenten are no filters of this one (hidden by showAreas).
function dropOtherAreas() {
  for (const box of areaBoxes) if (box.parentElement.dataset.gemeente !== place.value) box.checked = false;
}

function saveState(push) {
  const query = readForm().toString();
  const url = location.pathname + (query ? `?${query}` : "");
  if (url === location.pathname + location.search) return;
  if (push) history.pushState(null, "", url);
  else history.replaceState(null, "", url);
}

// --- searching ----------------------------------------------------------------------------------

// Words in the query that the form can answer better: a kern ("Swifterbant") ranks the offerings there
// first instead of asking every text to name it, and an age ("14 jaar") filters as the age field does
// when that is empty. The rest goes to Pagefind.
const AREA = "gebied"; // the facet key of kernen and wijken (catalog/facets.py)
const areaBoxes = [...form.querySelectorAll(`input[name="${AREA}"]`)];
const areaNames = areaBoxes.map((box) => [box.value, box.nextElementSibling.firstChild.textContent.trim().toLowerCase(),
  box.parentElement.dataset.gemeente]);
const AGE_WORDS = /(?:^|\s)(\d{1,2})\s*jaar(?=\s|$)/u;
const ORDER = form.elements.volgorde.name;

function question(params) {
  let term = ` ${(params.get("zoek") || "").toLowerCase()} `;
  const areas = new Set(params.getAll(AREA));
  for (const [value, name, municipality] of areaNames) {
    if (place && municipality !== place.value) continue;
    const padded = ` ${name} `;
    if (term.includes(padded)) {
      term = term.replace(padded, " ");
      areas.add(value);
    }
  }
  let age = params.get(exactAge) || "";
  const years = term.match(AGE_WORDS);
  if (years && Number(years[1]) <= Number(root.dataset.maxAge)) {
    term = term.replace(years[0], " ");
    age = age || years[1];
  }
  term = term.trim();
  // One letter alone is no question yet: as a prefix it matches most words of the index, so Pagefind
  // would return nearly every offering with all its word positions, slowly and to nobody's use. Until
  // a second letter comes the results stay those of the filters, as with an empty field.
  const short = [...term].length === 1;
  return { term: (!short && term) || null, short, letter: short ? term : null, age, areas: [...areas] };
}

// The words as the results answer them: none while the field holds a single letter.
const words = (params) => (question(params).short ? null : params.get("zoek"));

function filtersOf(params, without) {
  const filters = {};
  const { age } = question(params);
  if (age) filters[exactAge] = age;
  for (const key of facets) {
    const values = params.getAll(key);
    if (key !== without && values.length) filters[key] = { any: values };
  }
  return filters;
}

// The last searches of the results, by question: a letter typed and taken away again, or a single
// letter (the same question as no words), costs no second search. Searches with words hold every word
// position of nearly every offering, so fewer of them are kept than of the listings without words.
const KEPT = { words: 4, listings: 16 };

function search(params, without, engine = index.pagefind) {
  const { term } = question(params);
  const options = { filters: filtersOf(params, without) };
  if (params.get(ORDER) === NEXT_DATE) options.sort = { [NEXT_DATE]: "asc" };
  else if (!term) options.sort = { titel: "asc" };
  if (engine !== index.pagefind) return engine.search(term, options);
  const [kept, most] = term ? [index.searches, KEPT.words] : [index.listings, KEPT.listings];
  const key = JSON.stringify([term, options]);
  let found = kept.get(key);
  if (found) kept.delete(key); // to the end: the newest
  else found = engine.search(term, options);
  kept.set(key, found);
  if (kept.size > most) kept.delete(kept.keys().next().value);
  found.catch(() => kept.delete(key));
  return found;
}

// --- ranking ------------------------------------------------------------------------------------

// The hidden filters and the sort key of the search records (render/files/kaart.py; test_kaart checks them).
const RANK = { rang: "rang", alleen: "alleen-professionals", vol: "vol", plek: "plek",
  doelgroep: "doelgroep", professionals: "professionals" };
const NEXT_DATE = "datum";
const BAND = 0.25; // results whose score is within a quarter of the best score count as equally relevant

// The ids of the results with a rank. Once the filter index is loaded (after the first results):
// a search without words, which does not change while someone types, asked once per choice of
// filters. Before that, with the words: a search without words would load the whole filter index
// before the first results.
const idSet = (found) => new Set(found.results.map((item) => item.id));
function idsWith(params, extra) {
  const filters = { ...filtersOf(params), ...extra };
  const { pagefind, rankIds } = index;
  if (!index.countsLoaded) return pagefind.search(question(params).term, { filters }).then(idSet);
  const key = JSON.stringify(filters);
  if (!rankIds.has(key)) rankIds.set(key, pagefind.search(null, { filters }).then(idSet));
  return rankIds.get(key);
}

// Pagefind's order first (relevance, or the chosen sort), then the kern asked for before other
// kernen and open offerings before full ones. Offerings only for professionals come last unless
// the visitor chose that audience: a parent's question should not start with a newsletter.
// `counts`: the filter counts of this search, when Pagefind gave them; a search for a rank that no
// result has is skipped, so that most keystrokes cost one search, not four.
async function ranked(params, found, counts) {
  const { term, areas } = question(params);
  const forProfessionals = params.getAll(RANK.doelgroep).includes(RANK.professionals);
  const some = (key, value) => !counts || !counts[key] || (counts[key][value] || 0) > 0;
  const none = Promise.resolve(new Set());
  const [low, full, near] = await Promise.all([
    !forProfessionals && some(RANK.rang, RANK.alleen) ? idsWith(params, { [RANK.rang]: RANK.alleen }) : none,
    some(RANK.rang, RANK.vol) ? idsWith(params, { [RANK.rang]: RANK.vol }) : none,
    areas.length && found.length > 1 ? idsWith(params, { [RANK.plek]: { any: areas } }) : none,
  ]);
  const byDate = params.get(ORDER) === NEXT_DATE;
  const best = Math.max(...found.map((item) => item.score || 0), 0);
  const band = (item) => (term && best && !byDate ? Math.floor((best - item.score) / (best * BAND)) : 0);
  const keys = (item, index) => [low.has(item.id) ? 1 : 0, band(item),
    byDate ? 0 : Number(!near.has(item.id)), byDate ? 0 : Number(full.has(item.id)), index];
  return found.map((item, index) => [keys(item, index), item])
    .sort(([a], [b]) => a.reduce((order, value, i) => order || value - b[i], 0))
    .map(([, item]) => item);
}

// --- ways forward when there are few results ------------------------------------------------------

const valueName = (box) => box.nextElementSibling.firstChild.textContent.trim();
const facetLabel = (key) => form.querySelector(`[data-facet="${key}"] summary`).firstChild.textContent.trim();
const ageText = () => form.elements[exactAge].selectedOptions[0].text;
const chosenBoxes = (key) => [...form.querySelectorAll(`input[name="${key}"]:checked`)];

// Each part of the question someone may drop: the words, the exact age, each chosen facet.
function droppable(params) {
  const parts = [];
  if (words(params)) parts.push({ key: "zoek", text: `de zoekwoorden ‘${words(params)}’` });
  if (params.get(exactAge)) parts.push({ key: exactAge, text: `de leeftijd ${ageText()}` });
  for (const key of facets) {
    const names = chosenBoxes(key).map(valueName);
    if (names.length) parts.push({ key, text: `${facetLabel(key).toLowerCase()}: ${names.join(", ")}` });
  }
  return parts;
}

function dropButton(part, count) {
  const li = element("li");
  const button = element("button", `Zonder ${part.text}: ${count} ${count === 1 ? "resultaat" : "resultaten"}`, "md-button");
  button.type = "button";
  button.addEventListener("click", () => after(() => {
    if (part.key === "zoek") input.value = "";
    else if (part.key === exactAge) form.elements[exactAge].value = "";
    else for (const box of chosenBoxes(part.key)) box.checked = false;
  }, () => null));
  li.append(button);
  return li;
}

// Which single part to drop, and what that gives: the best three, most results first.
async function showWaysForward(mine, params, n) {
  const parts = n <= THIN ? droppable(params) : [];
  further.hidden = n > THIN;
  if (!parts.length || (parts.length === 1 && parts[0].key === "zoek")) { // no words at all: nothing to narrow
    suggestions.hidden = true;
    return;
  }
  const counts = await Promise.all(parts.map((part) => {
    const fewer = new URLSearchParams(params);
    fewer.delete(part.key);
    return search(fewer).then((found) => found.results.length);
  }));
  if (mine !== generation) return;
  const better = parts.map((part, i) => [part, counts[i]]).filter(([, count]) => count > n)
    .sort((a, b) => b[1] - a[1]).slice(0, 3);
  suggestions.querySelector("ul").replaceChildren(...better.map(([part, count]) => dropButton(part, count)));
  suggestions.hidden = !better.length;
}

// No results while there is nothing to search in: before a gemeente is chosen, and while its
// index loads (the last gemeente's results and counts would say what is not there).
function clearResults(text) {
  list.replaceChildren();
  listed = [];
  results = [];
  more.hidden = true;
  further.hidden = true;
  chips.hidden = true;
  status.textContent = text;
  showButton.textContent = "Toon de resultaten";
  for (const { boxes } of countPlaces) {
    for (const { count, choice } of boxes) {
      count.textContent = "";
      choice.classList.remove("cjg-choice--leeg");
    }
  }
}

// Only the kernen or wijken of the chosen gemeente are filters.
function showAreas() {
  if (!place) return;
  for (const box of areaBoxes) box.parentElement.hidden = box.parentElement.dataset.gemeente !== place.value;
}

async function update() {
  const mine = ++generation;
  clearTimeout(countTimer); // a newer question: counts wait for its results
  const params = readForm();
  showAreas();
  if (place && !place.value) {
    index = undefined;
    clearResults("Kies eerst een gemeente. Dan zie je het aanbod daar.");
    return;
  }
  const loading = indexFor(params);
  if (index && index.name !== (params.get(PLACE) || "")) clearResults("Het aanbod van deze gemeente wordt geladen.");
  const opened = await loading;
  if (mine !== generation) return;
  index = opened;
  const chosen = facets.filter((key) => params.getAll(key).length);
  const main = await search(params);
  if (mine !== generation) return;
  results = main.results.length < 2 ? main.results : await ranked(params, main.results, main.filters);
  if (mine !== generation) return;
  shown = 0;
  await showMore(mine, true);
  if (mine !== generation) return;
  const n = results.length;
  const query = words(params);
  const filtered = params.get(exactAge) || chosen.length;
  announce(`${n} ${n === 1 ? "resultaat" : "resultaten"}${query ? ` voor ‘${query}’` : ""}`
    + `${filtered ? " met de gekozen filters" : ""}.${question(params).short ? " Zoeken begint bij twee letters." : ""}`);
  showChosen(params, n);
  if (!index.counter) loadCounts(index).catch(broken);
  countsSoon();
  await showWaysForward(mine, params, n);
}

// The counts per filter value, after the results: one search for the unchosen facets and one per
// chosen facet without that facet (what each of its values would give). While someone types they wait
// for a pause (the next letter changes them again, and their searches would take the processor from
// the results); after a click they come at once. One round runs at a time; a round asked for while
// one runs follows it, for the newest choice.
const COUNTS_PAUSE = 300; // ms
let counting = false;
let recount = false;
let countTimer;

function countsSoon() {
  clearTimeout(countTimer);
  if (typing) countTimer = setTimeout(refreshCounts, COUNTS_PAUSE);
  else refreshCounts();
}

async function refreshCounts() {
  if (!index || !index.countsLoaded) return;
  if (counting) {
    recount = true;
    return;
  }
  counting = true;
  try {
    do {
      recount = false;
      const counted = index;
      if (!counted || !counted.countsLoaded) break; // another gemeente: its own counts follow once they load
      const mine = generation;
      const params = readForm();
      const chosen = facets.filter((key) => params.getAll(key).length);
      const [main, ...others] = await Promise.all([undefined, ...chosen].map((key) => search(params, key, counted.counter)));
      if (mine !== generation || counted !== index) continue;
      const counts = { ...main.filters };
      chosen.forEach((key, i) => { counts[key] = others[i].filters[key] || {}; });
      showCounts(counts);
    } while (recount);
  } finally {
    counting = false;
  }
}

// The count is a live region: while someone types it waits for a pause, so that a screen reader
// reads one count, not one per letter. The results themselves update at once.
let announcing;
function announce(text) {
  clearTimeout(announcing);
  if (typing) announcing = setTimeout(() => { status.textContent = text; }, 700);
  else status.textContent = text;
}

// Every facet's boxes with the places of their counts, looked up once (a region has hundreds of partners).
const countPlaces = facets.map((key) => {
  const facet = form.querySelector(`[data-facet="${key}"]`);
  return { key, chosen: facet.querySelector("[data-chosen]"), boxes: [...facet.querySelectorAll("input")].map((box) =>
    ({ box, count: box.nextElementSibling.querySelector("[data-count]"), choice: box.closest(".cjg-choice") })) };
});

function showCounts(counts) {
  for (const { key, chosen: chosenText, boxes } of countPlaces) {
    let chosen = 0;
    for (const { box, count: place, choice } of boxes) {
      const count = (counts[key] && counts[key][box.value]) || 0;
      const text = `(${count})`;
      if (place.textContent !== text) place.textContent = text;
      choice.classList.toggle("cjg-choice--leeg", count === 0 && !box.checked);
      if (box.checked) chosen += 1;
    }
    chosenText.textContent = chosen ? `\u00a0(${chosen} gekozen)` : ""; // a space a flex box keeps
  }
}

// The data of each offering shown, by id (a card uses its facts, not the excerpt of the words).
const dataOf = (item) => {
  const { fragments } = index;
  if (!fragments.has(item.id)) fragments.set(item.id, item.data().catch((error) => { fragments.delete(item.id); throw error; }));
  return fragments.get(item.id);
};
let listed = []; // the ids of the cards in the list, in order

async function showMore(mine, replace = false) {
  const slice = results.slice(shown, shown + pageSize);
  shown += slice.length; // claimed before loading, so a second click takes the next slice
  more.hidden = shown >= results.length;
  const ids = slice.map((item) => item.id);
  // The same results as on screen (another letter that changes nothing): the cards stay as they are.
  if (replace && ids.length === listed.length && ids.every((id, i) => id === listed[i])) {
    document.dispatchEvent(new CustomEvent("cjg-bewaar-knoppen"));
    return;
  }
  const items = await Promise.all(slice.map(dataOf));
  if (mine !== generation) return;
  const cards = items.map(result);
  if (replace) list.replaceChildren(...cards);
  else list.append(...cards);
  listed = replace ? ids : [...listed, ...ids];
  document.dispatchEvent(new CustomEvent("cjg-bewaar-knoppen"));
}

// --- the chosen filters as chips, and the filter panel on small screens ------------------------------

function after(change, next) {
  change();
  typing = false;
  saveState(true);
  update().then(() => (next() || status).focus()).catch(broken);
}

function chip(text, clear) {
  const li = element("li");
  const button = element("button", "", "cjg-chip");
  button.type = "button";
  button.append(element("span", "Filter ", "cjg-visually-hidden"), text, element("span", " weghalen", "cjg-visually-hidden"));
  button.addEventListener("click", () => {
    const index = [...chips.children].indexOf(li);
    after(clear, () => chips.children[index]?.querySelector("button") || chips.children[index - 1]?.querySelector("button"));
  });
  li.append(button);
  return li;
}

function showChosen(params, n) {
  const all = [];
  if (words(params)) all.push(chip(`‘${words(params)}’`, () => { input.value = ""; }));
  if (params.get(exactAge)) all.push(chip(ageText(), () => { form.elements[exactAge].value = ""; }));
  for (const key of facets) {
    for (const box of chosenBoxes(key)) all.push(chip(valueName(box), () => { box.checked = false; }));
  }
  chips.replaceChildren(...all);
  chips.hidden = !all.length;
  const filters = all.length - (words(params) ? 1 : 0);
  filterButton.querySelector("[data-filters-aantal]").textContent = filters ? `\u00a0(${filters})` : "";
  showButton.textContent = `Toon ${n} ${n === 1 ? "resultaat" : "resultaten"}`;
}

function openPanel(open) {
  root.classList.toggle("cjg-kaart--filters-open", open);
  filterButton.setAttribute("aria-expanded", String(open));
}

filterButton.addEventListener("click", () => {
  const open = filterButton.getAttribute("aria-expanded") !== "true";
  openPanel(open);
  if (open) form.elements[exactAge].focus();
});
showButton.addEventListener("click", () => {
  openPanel(false);
  status.focus();
});
form.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && filterButton.getAttribute("aria-expanded") === "true") {
    openPanel(false);
    filterButton.focus();
  }
});

// --- rendering -----------------------------------------------------------------------------------

const FACTS = JSON.parse(root.dataset.feiten); // [label, key] pairs, from glance.KAART_FACTS

function result(item) {
  const meta = { ...item.meta };
  if (meta.verouderd) meta.gecontroleerd += " (verouderd)";
  const li = card(meta, new URL(meta.url, base).pathname, FACTS);
  // In the compact list a result shows its title and facts on a line or two; "Uitleg" opens the rest.
  const details = element("button", "Uitleg", "md-button cjg-card__uitleg");
  details.type = "button";
  details.setAttribute("aria-expanded", "false");
  details.addEventListener("click", () => {
    details.setAttribute("aria-expanded", String(li.classList.toggle("cjg-card--open")));
  });
  const save = element("button", "", "md-button");
  save.type = "button";
  save.dataset.cjgBewaar = meta.id;
  const actions = element("div", "", "cjg-card__acties");
  actions.append(details, save);
  li.append(actions);
  return li;
}

for (const button of root.querySelectorAll("[data-weergave]")) {
  button.addEventListener("click", () => {
    root.classList.toggle("cjg-kaart--compact", button.dataset.weergave === "compact");
    for (const other of root.querySelectorAll("[data-weergave]")) other.setAttribute("aria-pressed", String(other === button));
  });
}

// --- events ---------------------------------------------------------------------------------------

input.addEventListener("input", () => {
  saveState(!typing);
  typing = true;
  refresh(); // no debounce: a newer update makes older ones drop their results (see generation)
  // A single letter searches nothing yet, but the index chunks of its words are those the next letter needs.
  const letter = question(readForm());
  if (letter.short && index) index.pagefind.preload(letter.letter).catch(() => {});
});
form.addEventListener("change", (event) => {
  if (event.target === input) return;
  if (event.target === place) keepPlace();
  typing = false;
  saveState(true);
  refresh();
});
// The sort field stands with the results, outside the form's box: its change does not reach the form.
form.elements[ORDER].addEventListener("change", () => {
  typing = false;
  saveState(true);
  refresh();
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  typing = false;
  refresh();
});
form.addEventListener("reset", () => {
  const kept = place && place.value; // "Alles wissen" clears the question, not where it is asked
  setTimeout(() => {
    if (place) place.value = kept;
    typing = false;
    saveState(true);
    refresh();
  });
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
  if (place) keepPlace();
  refresh();
});

function broken(error) {
  if (root.hidden) return;
  root.hidden = true;
  root.after(element("p", "Zoeken in het aanbod lukt nu niet. Gebruik de lijsten hieronder, of probeer het later opnieuw."));
  throw error;
}

// Every change of the question runs update(); a failure (an index that does not load) says so.
function refresh() {
  update().catch(broken);
}

// A new gemeente: its kernen or wijken chosen for another gemeente go, and it is kept for the next visit.
function keepPlace() {
  dropOtherAreas();
  try {
    localStorage.setItem(PLACE_KEPT, place.value);
  } catch {
    // without storage (a private window) the choice lasts as long as the page
  }
}

// The gemeente of a link without one: that of a kern or wijk it chooses, else the one chosen last time.
function startPlace(params) {
  if (!place || params.get(PLACE)) return params;
  const area = areaBoxes.find((box) => params.getAll(AREA).includes(box.value));
  let kept = area ? area.parentElement.dataset.gemeente : null;
  try {
    kept = kept || localStorage.getItem(PLACE_KEPT);
  } catch {
    // without storage: the visitor chooses
  }
  if (kept) params.set(PLACE, kept);
  return params;
}

(async () => {
  try {
    const params = new URLSearchParams(location.search);
    const asked = params.get(PLACE);
    writeForm(startPlace(params));
    if (place && place.value && place.value !== asked) saveState(false); // the gemeente taken from a kern or the last visit
    root.hidden = false;
    await update();
  } catch (error) {
    broken(error);
  }
})();
