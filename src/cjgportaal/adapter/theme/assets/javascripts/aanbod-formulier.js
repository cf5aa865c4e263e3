// "Aanbod aanmelden": turns the form (generated from the JSON Schema) into an offering's YAML file, in
// the browser only. With ?aanbod=<id>&partner=<partner id> it loads that offering (from the partner's
// file the build writes, formulier/partner/<partner id>.json) and gives back
// its whole file, changed only where the partner changed something. What is filled in stays in this
// browser (localStorage) until "Opnieuw beginnen". The file goes to the coordinator by e-mail, between
// the marker lines `cjg ontvang` looks for, or as a proposal on GitHub.
(() => {
  const form = document.getElementById("aanbod-formulier");
  if (!form) return;
  const $ = (id) => document.getElementById(id);
  const settings = form.dataset;
  // Some mail programs cut off longer mailto links; GitHub refuses longer addresses.
  const MAILTO_MAX = 2000;
  const GITHUB_MAX = 8000;
  const STORE = "cjg-aanbod-formulier:";
  // The order of an offering file's fields, for fields a changed file gains.
  const ORDER = ["id", "titel", "partner", "samenvatting", "beschrijving", "doelgroepen", "leeftijd", "themas",
    "niveaus", "soort", "toegang", "kosten", "locaties", "openingstijden", "bijeenkomsten", "rondes", "aanmelden",
    "contact", "talen", "toegankelijkheid", "status", "gecontroleerd", "controleren_voor"];
  const params = new URLSearchParams(window.location.search);
  const anId = (value) => (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value || "") ? value : "");
  const editing = anId(params.get("aanbod"));
  const owner = anId(params.get("partner")); // whose file holds the offering being changed
  const storeKey = STORE + (editing || "nieuw");
  let original = null; // {pad, tekst, gegevens} of the offering being changed
  let ready = !editing;

  const fields = [...form.querySelectorAll(".cjg-field")];
  const byPath = (path) => fields.find((f) => f.dataset.path === path);
  const control = (field) => field.querySelector("input, select, textarea");
  const plain = fields.filter((f) => !["sessions", "runs"].includes(f.dataset.widget));
  const labelOf = (field) => (field.querySelector("legend, label").firstChild.textContent || field.dataset.path).trim();

  // --- Rows: sessions and course runs, added and removed by the partner. ---
  let counter = 0;
  const renumber = (container) => {
    [...container.children].forEach((row, n) => {
      row.querySelectorAll(":scope > legend [data-nummer], :scope > p [data-nummer], :scope > .cjg-rij__velden [data-nummer]").forEach((s) => {
        s.textContent = String(n + 1);
      });
    });
  };
  const fillRow = (row, values) => {
    for (const input of row.querySelectorAll(":scope > .cjg-rij__velden [data-veld]")) {
      input.value = values[input.dataset.veld] ?? input.value;
    }
  };
  const addRow = (container, kind, values = {}, orig = "") => {
    const row = $(`sjabloon-${kind}`).content.firstElementChild.cloneNode(true);
    const id = `rij-${++counter}`;
    row.dataset.orig = orig;
    row.dataset.soort = kind;
    for (const input of row.querySelectorAll(":scope > .cjg-rij__velden [data-veld]")) {
      input.id = `${id}-${input.dataset.veld}`;
      input.closest("span").querySelector("label").htmlFor = input.id;
    }
    if (kind === "bijeenkomst" && container.closest(".cjg-ronde")) {
      row.querySelector('[data-veld="status"] option[value="vol"]').remove();
    }
    fillRow(row, values);
    container.append(row);
    renumber(container);
    return row;
  };
  const nextWeek = (day) => {
    if (!day) return "";
    const d = new Date(day + "T12:00:00Z");
    d.setUTCDate(d.getUTCDate() + 7);
    return d.toISOString().slice(0, 10);
  };
  // A new session starts as a copy of the one before, a week later: a course is usually weekly.
  const addSession = (container) => {
    const last = container.lastElementChild;
    const before = last ? rowValues(last) : {};
    const row = addRow(container, "bijeenkomst", { datum: nextWeek(before.datum), van: before.van || "",
      tot: before.tot || "", locatie: before.locatie || valueOf(byPath("locaties.0.naam")) });
    row.querySelector('[data-veld="datum"]').focus();
  };
  const rowValues = (row) => Object.fromEntries([...row.querySelectorAll(":scope > .cjg-rij__velden [data-veld]")]
    .map((input) => [input.dataset.veld, input.value.trim()]));
  const rows = (container) => [...container.children];
  const sessionsBox = byPath("bijeenkomsten").querySelector("[data-rijen]");
  const runsBox = byPath("rondes").querySelector("[data-rijen]");

  form.addEventListener("click", (event) => {
    const add = event.target.closest("[data-voeg-toe]");
    const remove = event.target.closest("[data-verwijder]");
    if (add && add.dataset.voegToe === "bijeenkomst") {
      addSession(add.closest(".cjg-ronde")?.querySelector("[data-rijen]") || sessionsBox);
    } else if (add) {
      const row = addRow(runsBox, "ronde");
      addSession(row.querySelector("[data-rijen]"));
      row.querySelector('[data-veld="naam"]').focus();
    } else if (remove) {
      const row = remove.closest("fieldset");
      const container = row.parentElement;
      row.remove();
      renumber(container);
      container.closest("fieldset").querySelector(":scope > [data-voeg-toe], :scope > p > [data-voeg-toe]").focus();
    } else {
      return;
    }
    save();
  });

  // --- The state of the form: what is saved in the browser and what the file is made from. ---
  const valueOf = (field) => {
    const widget = field.dataset.widget;
    if (widget === "checkboxes") return [...field.querySelectorAll("input:checked")].map((i) => i.value);
    if (widget === "radios") return (field.querySelector("input:checked") || {}).value || "";
    return control(field).value.trim();
  };
  const readState = () => ({
    fields: Object.fromEntries(plain.map((f) => [f.dataset.path, valueOf(f)])),
    bijeenkomsten: rows(sessionsBox).map((row) => ({ orig: row.dataset.orig, ...rowValues(row) })),
    rondes: rows(runsBox).map((row) => ({ orig: row.dataset.orig, ...rowValues(row),
      bijeenkomsten: rows(row.querySelector("[data-rijen]")).map((r) => ({ orig: r.dataset.orig, ...rowValues(r) })) })),
  });
  const fillState = (state) => {
    for (const field of plain) {
      const value = state.fields[field.dataset.path];
      const widget = field.dataset.widget;
      if (widget === "checkboxes" || widget === "radios") {
        const chosen = [].concat(value ?? []);
        field.querySelectorAll("input").forEach((i) => { i.checked = chosen.includes(i.value); });
      } else {
        control(field).value = value ?? "";
      }
    }
    sessionsBox.replaceChildren();
    runsBox.replaceChildren();
    for (const s of state.bijeenkomsten || []) addRow(sessionsBox, "bijeenkomst", s, s.orig);
    for (const r of state.rondes || []) {
      const row = addRow(runsBox, "ronde", r, r.orig);
      for (const s of r.bijeenkomsten || []) addRow(row.querySelector("[data-rijen]"), "bijeenkomst", s, s.orig);
    }
    locationNames();
  };
  const get = (data, path) => path.split(".").reduce((node, part) => (node == null ? undefined : node[part]), data);
  const text = (value) => (value == null ? "" : String(value));
  const sessionState = (s, orig) => ({ orig: String(orig), datum: text(s.datum), van: text(s.van), tot: text(s.tot),
    locatie: text(s.locatie), status: text(s.status || "gepland"), opmerking: text(s.opmerking) });
  const stateOf = (data) => ({
    fields: Object.fromEntries(plain.map((f) => {
      const value = get(data, f.dataset.path);
      return [f.dataset.path, Array.isArray(value) ? value.map(text) : text(value)];
    })),
    bijeenkomsten: (data.bijeenkomsten || []).map(sessionState),
    rondes: (data.rondes || []).map((r, n) => ({ orig: String(n), naam: text(r.naam), status: text(r.status || "gepland"),
      plaatsen: text(r.plaatsen), bijeenkomsten: (r.bijeenkomsten || []).map(sessionState) })),
  });
  const save = () => {
    if (!ready) return;
    try {
      localStorage.setItem(storeKey, JSON.stringify({ ...readState(), basis: basis() }));
    } catch {
      // Storage can be full or switched off; the form works without it.
    }
  };
  const locationNames = () => {
    const names = new Set([valueOf(byPath("locaties.0.naam")), ...((original && original.gegevens.locaties) || [])
      .map((l) => text(l && l.naam))].filter(Boolean));
    $("locatie-namen").replaceChildren(...[...names].map((name) => Object.assign(document.createElement("option"), { value: name })));
  };
  form.addEventListener("input", save);
  form.addEventListener("change", () => { locationNames(); save(); });

  // --- Checks: every problem at once, in Dutch. ---
  const ageMonths = (value) => {
    const t = String(value).trim().toLowerCase();
    if (t === "zwangerschap") return -9;
    const m = t.match(/^(-?\d+)\s*(jaar|maand|maanden)?$/);
    if (!m) return null;
    return m[2] && m[2].startsWith("maand") ? Number(m[1]) : Number(m[1]) * 12;
  };
  const checkSessions = (list, where, problems) => {
    list.forEach((s, n) => {
      const name = `${where}bijeenkomst ${n + 1}`;
      if (!s.datum) problems.push([name, "datum", "vul de datum in."]);
      if (!s.van || !s.tot) problems.push([name, s.van ? "tot" : "van", "vul de begin- en eindtijd in."]);
      else if (s.tot <= s.van) problems.push([name, "tot", "de eindtijd ligt vóór de begintijd."]);
    });
  };
  const check = () => {
    const errors = {};
    for (const field of plain) {
      const path = field.dataset.path;
      const value = valueOf(field);
      const empty = Array.isArray(value) ? value.length === 0 : value === "";
      if (field.hasAttribute("data-required") && empty) {
        errors[path] = field.dataset.widget === "checkboxes" ? "kies minstens één." : "vul dit in.";
      } else if (!empty && field.dataset.pattern && !Array.isArray(value)
                 && !new RegExp(field.dataset.pattern).test(value)) {
        errors[path] = "dit heeft niet de goede vorm.";
      }
    }
    const v = (path) => valueOf(byPath(path));
    for (const path of ["leeftijd.van", "leeftijd.tot"]) {
      if (v(path) !== "" && ageMonths(v(path)) === null) {
        errors[path] = "schrijf bijvoorbeeld 4, 4 jaar, 18 maanden of zwangerschap.";
      }
    }
    const from = ageMonths(v("leeftijd.van"));
    const to = ageMonths(v("leeftijd.tot"));
    if (from !== null && to !== null && from >= to) errors["leeftijd.tot"] = "moet hoger zijn dan 'Leeftijd vanaf'.";
    if (v("toegang.route") === "verwijzing" && v("toegang.verwijzers").length === 0) {
      errors["toegang.verwijzers"] = "kies wie kan verwijzen.";
    }
    if (v("kosten.bedrag") !== "" && !/^\d+([.,]\d{1,2})?$/.test(v("kosten.bedrag"))) {
      errors["kosten.bedrag"] = "schrijf een bedrag, zoals 25 of 12,50.";
    }
    if (v("contact.email") && !/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(v("contact.email"))) {
      errors["contact.email"] = "dit is geen e-mailadres.";
    }
    if (v("contact.telefoon") && !/^\+?[0-9][0-9 ()-]{7,}$/.test(v("contact.telefoon"))) {
      errors["contact.telefoon"] = "schrijf het hele nummer met netnummer, zoals 0321 123 456.";
    }
    if (v("contact.website") && !/^https?:\/\/[^\s.]+\.[^\s]+$/.test(v("contact.website"))) {
      errors["contact.website"] = "schrijf het hele adres met https://.";
    }
    if (!v("contact.telefoon") && !v("contact.email") && !v("contact.website")) {
      errors["contact.telefoon"] = "vul een telefoonnummer, e-mailadres of website in.";
    }
    if (v("locaties.0.naam") && !v("locaties.0.gebied")) errors["locaties.0.gebied"] = "kies de kern of wijk.";
    if (v("locaties.0.gebied") && !v("locaties.0.naam")) errors["locaties.0.naam"] = "vul de naam van de plek in.";
    const state = readState();
    const rowProblems = { bijeenkomsten: [], rondes: [] };
    checkSessions(state.bijeenkomsten, "", rowProblems.bijeenkomsten);
    state.rondes.forEach((r, n) => {
      if (!r.bijeenkomsten.length) rowProblems.rondes.push([`ronde ${n + 1}`, null, "voeg minstens één bijeenkomst toe."]);
      if (r.plaatsen && !/^[1-9]\d*$/.test(r.plaatsen)) rowProblems.rondes.push([`ronde ${n + 1}`, "plaatsen", "schrijf een heel getal, zoals 12."]);
      checkSessions(r.bijeenkomsten, `ronde ${n + 1}, `, rowProblems.rondes);
    });
    for (const [path, problems] of Object.entries(rowProblems)) {
      if (problems.length) errors[path] = problems.map(([name, , message]) => `${name}: ${message}`).join(" ");
    }
    return { errors, rowProblems };
  };

  const showErrors = ({ errors, rowProblems }) => {
    $("foutenlijst").replaceChildren();
    form.querySelectorAll(".cjg-rij [aria-invalid], .cjg-ronde [aria-invalid]").forEach((i) => i.removeAttribute("aria-invalid"));
    for (const field of fields) {
      const path = field.dataset.path;
      const message = field.querySelector(".cjg-error");
      const invalid = path in errors;
      message.hidden = !invalid;
      message.textContent = invalid ? `Fout: ${errors[path]}` : "";
      const target = field.querySelector("fieldset") || control(field);
      if (invalid) target.setAttribute("aria-invalid", "true"); else target.removeAttribute("aria-invalid");
      if (!invalid) continue;
      let first = control(field) || field.querySelector("[data-voeg-toe]");
      if (path in rowProblems) {
        const box = path === "rondes" ? runsBox : sessionsBox;
        const marked = rowProblems[path].map(([name, veld]) => {
          const [, run, session] = name.match(/^(?:ronde (\d+))?(?:, )?(?:bijeenkomst (\d+))?$/) || [];
          let row = run ? rows(box)[run - 1] : null;
          if (session) row = rows(row ? row.querySelector("[data-rijen]") : box)[session - 1];
          const input = row && veld ? row.querySelector(`[data-veld="${veld}"]`) : null;
          if (input) input.setAttribute("aria-invalid", "true");
          return input;
        }).filter(Boolean);
        first = marked[0] || first;
      }
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = "#" + first.id;
      link.textContent = `${labelOf(field)}: ${errors[path]}`;
      item.append(link);
      $("foutenlijst").append(item);
    }
    const summary = $("foutenoverzicht");
    summary.hidden = Object.keys(errors).length === 0;
    if (!summary.hidden) summary.focus();
  };

  // --- YAML: strings quoted as JSON (valid YAML) unless they are plain words or dates. ---
  const RESERVED = /^(y|n|yes|no|on|off|true|false|null)$/;
  const scalar = (value) => {
    if (value === null || value === undefined) return "null";
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    const s = String(value).toWellFormed();
    if (/^\d{4}-\d{2}-\d{2}$/.test(s) || (/^[a-z][a-z0-9-]*$/.test(s) && !RESERVED.test(s))) return s;
    // YAML does not allow these characters as they are, even between quotes.
    return JSON.stringify(s).replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g,
      (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
  };
  const isScalar = (value) => value === null || typeof value !== "object";
  const literal = (value) => typeof value === "string" && /\n/.test(value) && !/\n\n$/.test(value)
    && !/^[ \t\n]/.test(value) && !/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/.test(value);
  const emitKey = (key, value, indent) => {
    if (literal(value)) {
      return [`${indent}${key}: |${value.endsWith("\n") ? "" : "-"}`,
        ...value.replace(/\n$/, "").split("\n").map((line) => (line ? `${indent}  ${line}` : ""))];
    }
    if (isScalar(value)) return [`${indent}${key}: ${scalar(value)}`];
    if (Array.isArray(value)) {
      if (value.every(isScalar)) return [`${indent}${key}: [${value.map(scalar).join(", ")}]`];
      return [`${indent}${key}:`, ...value.flatMap((item) => emitItem(item, indent + "  "))];
    }
    return [`${indent}${key}:`, ...emitMap(value, indent + "  ")];
  };
  const emitMap = (data, indent) => Object.entries(data).flatMap(([k, v]) => emitKey(k, v, indent));
  const emitItem = (item, indent) => {
    if (isScalar(item)) return [`${indent}- ${scalar(item)}`];
    if (Array.isArray(item)) return [`${indent}- [${item.map(scalar).join(", ")}]`];
    if (Object.values(item).every((v) => isScalar(v) && !literal(v))) {
      return [`${indent}- {${Object.entries(item).map(([k, v]) => `${k}: ${scalar(v)}`).join(", ")}}`];
    }
    const lines = emitMap(item, indent + "  ");
    lines[0] = `${indent}- ${lines[0].slice(indent.length + 2)}`;
    return lines;
  };

  // The original file is changed in place: what the partner left as it was keeps its lines (and
  // comments); a changed mapping or list of mappings is changed field by field, item by item.
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  const isMap = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
  const content = (line) => /\S/.test(line) && !/^\s*#/.test(line);
  // The lines of a mapping whose keys start at `indent`: per key, its lines and the comments above it.
  const splitKeys = (lines, indent) => {
    const pattern = new RegExp(`^${indent}([A-Za-z_][A-Za-z0-9_-]*)\\s*:`);
    const header = [];
    const keys = [];
    for (const line of lines) {
      const m = line.match(pattern);
      if (!m) {
        (keys.length ? keys[keys.length - 1].lines : header).push(line);
        continue;
      }
      const lead = [];
      const last = keys.length ? keys[keys.length - 1].lines : null;
      while (last && last.length > 1 && !content(last[last.length - 1])) lead.unshift(last.pop());
      keys.push({ key: m[1], lead, lines: [line] });
    }
    return { header, keys };
  };
  const patchMap = (lines, indent, before, after, order = []) => {
    const { header, keys } = splitKeys(lines, indent);
    const out = keys.filter((b) => b.key in after).map((b) => (same(after[b.key], before[b.key])
      ? b : { key: b.key, lead: b.lead, lines: patchKey(b, indent, before[b.key], after[b.key]) }));
    for (const key of Object.keys(after).filter((k) => !keys.some((b) => b.key === k))) {
      const rank = order.indexOf(key);
      const at = out.map((b) => order.indexOf(b.key)).findLastIndex((r) => r >= 0 && r < rank);
      out.splice(rank < 0 ? out.length : at + 1, 0, { key, lead: [], lines: emitKey(key, after[key], indent) });
    }
    return [...header, ...out.flatMap((b) => [...b.lead, ...b.lines])];
  };
  const patchKey = (block, indent, before, after) => {
    const [first, ...rest] = block.lines;
    const inline = first.slice(indent.length).replace(/^[^:]*:\s*/, "");
    const inner = (rest.find(content) || "").match(/^(\s*)(- )?/);
    if (inline === "" && inner && inner[1].length + (inner[2] ? 1 : 0) > indent.length) {
      if (inner[2] && Array.isArray(before) && Array.isArray(after)) {
        const items = patchList(rest, inner[1], before, after);
        if (items) return [first, ...items];
      } else if (!inner[2] && isMap(before) && isMap(after)) {
        return [first, ...patchMap(rest, inner[1], before, after)];
      }
    }
    return emitKey(block.key, after, indent);
  };
  const patchList = (lines, indent, before, after) => {
    const lead = [];
    const chunks = [];
    for (const line of lines) {
      if (line.startsWith(indent + "- ")) chunks.push([line]);
      else (chunks.length ? chunks[chunks.length - 1] : lead).push(line);
    }
    if (chunks.length !== before.length) return null;
    const used = new Set();
    const items = after.map((item, n) => {
      const equal = before.findIndex((b, k) => !used.has(k) && same(b, item));
      if (equal >= 0) {
        used.add(equal);
        return chunks[equal];
      }
      if (n < before.length && !used.has(n) && isMap(item) && isMap(before[n]) && !chunks[n][0].startsWith(indent + "- {")) {
        used.add(n);
        const inner = indent + "  ";
        const patched = patchMap([inner + chunks[n][0].slice(inner.length), ...chunks[n].slice(1)], inner, before[n], item);
        const top = patched.findIndex((line) => line.startsWith(inner) && /^[A-Za-z_]/.test(line.slice(inner.length)));
        patched[top] = indent + "- " + patched[top].slice(inner.length);
        return patched;
      }
      return emitItem(item, indent);
    });
    return [...lead, ...items.flat()];
  };
  const fileText = (data) => {
    if (!original) {
      const folder = (byPath("partner").querySelector(`option[value="${CSS.escape(data.partner)}"]`) || { dataset: {} })
        .dataset.map || "offerings";
      return `# yaml-language-server: $schema=${"../".repeat(folder.split("/").length)}schemas/aanbod.schema.json\n`
        + "# Gemaakt met het formulier 'Aanbod aanmelden'. Controleer alles met: cjg validate\n"
        + emitMap(data, "").join("\n") + "\n";
    }
    const lines = original.tekst.replace(/\r\n?/g, "\n").replace(/\n$/, "").split("\n");
    return patchMap(lines, "", original.gegevens, data, ORDER).join("\n") + "\n";
  };

  // --- The file: the original data with the form's values put in. ---
  const slug = (value) => value.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60).replace(/-+$/, "");
  const shortHash = (value) => {
    let h = 0x811c9dc5; // FNV-1a
    for (const c of new TextEncoder().encode(value)) h = Math.imul(h ^ c, 0x01000193) >>> 0;
    return h.toString(36).padStart(7, "0");
  };
  const newId = (title) => slug(title) || `aanbod-${shortHash(title)}`;
  // Keeps the original value (its type and layout) when the partner left it as it was.
  const keep = (before, value) => {
    if (Array.isArray(value)) {
      if (Array.isArray(before) && same([...before].map(text).sort(), [...value].sort())) return before;
      return Array.isArray(before) ? [...before.filter((x) => value.includes(text(x))),
        ...value.filter((x) => !before.map(text).includes(x))] : value;
    }
    return before !== undefined && text(before).trim() === value ? before : value;
  };
  const put = (data, path, value) => {
    const parts = path.split(".");
    const parents = [data];
    for (const part of parts.slice(0, -1)) {
      const node = parents[parents.length - 1];
      if (node[part] == null || typeof node[part] !== "object") node[part] = /^\d+$/.test(part) ? {} : (part === "locaties" ? [] : {});
      parents.push(node[part]);
    }
    const last = parts[parts.length - 1];
    const node = parents[parents.length - 1];
    const empty = value === "" || (Array.isArray(value) && value.length === 0);
    if (empty) delete node[last]; else node[last] = keep(node[last], value);
    for (let n = parts.length - 2; n >= 0; n -= 1) { // drop what became empty
      const child = parents[n + 1];
      const size = Array.isArray(child) ? child.filter((x) => x != null).length : Object.keys(child).length;
      if (size) break;
      if (Array.isArray(parents[n])) parents[n].splice(Number(parts[n]), 1); else delete parents[n][parts[n]];
    }
  };
  const session = (s, before) => {
    const out = { ...(before || {}) };
    for (const key of ["datum", "van", "tot", "locatie", "status", "opmerking"]) {
      if (s[key] === "" || (key === "status" && s[key] === "gepland" && !(before && "status" in before))) delete out[key];
      else out[key] = keep(out[key], s[key]);
    }
    return out;
  };
  const sessions = (list, before) => list.map((s) => session(s, before && s.orig !== "" ? before[Number(s.orig)] : null))
    .sort((a, b) => `${a.datum} ${a.van}`.localeCompare(`${b.datum} ${b.van}`));
  const build = () => {
    const state = readState();
    const base = original ? structuredClone(original.gegevens) : {};
    const data = original ? base : { id: newId(state.fields.titel) };
    for (const field of plain) {
      const path = field.dataset.path;
      let value = state.fields[path];
      if (path === "kosten.bedrag" && value !== "") value = Number(value.replace(",", "."));
      if (path === "locaties.0.postcode") value = value.toUpperCase();
      put(data, path, typeof value === "number" ? (get(base, path) === value ? get(base, path) : value) : value);
    }
    const before = original ? original.gegevens : {};
    const loose = sessions(state.bijeenkomsten, before.bijeenkomsten);
    if (loose.length) data.bijeenkomsten = loose; else delete data.bijeenkomsten;
    const runs = state.rondes.map((r) => {
      const old = before.rondes && r.orig !== "" ? before.rondes[Number(r.orig)] : null;
      const run = { ...(old || { naam: "", bijeenkomsten: [] }) };
      if (r.naam) run.naam = keep(run.naam, r.naam); else delete run.naam;
      run.bijeenkomsten = sessions(r.bijeenkomsten, old && old.bijeenkomsten);
      if (r.status === "gepland" && !(old && "status" in old)) delete run.status; else run.status = r.status;
      if (r.plaatsen) run.plaatsen = Number(r.plaatsen); else delete run.plaatsen;
      return run;
    });
    if (runs.length) data.rondes = runs; else delete data.rondes;
    if (!original) {
      Object.assign(data, { status: "actief", gecontroleerd: new Date().toISOString().slice(0, 10),
        controleren_voor: new Date(Date.now() + 365 * 864e5).toISOString().slice(0, 10) });
    }
    const folder = (byPath("partner").querySelector(`option[value="${CSS.escape(text(data.partner))}"]`) || { dataset: {} })
      .dataset.map || "offerings";
    return { data, path: original ? original.pad : `${folder}/${data.id}.yml`, text: fileText(data) };
  };

  // --- The end: a summary, then the e-mail to the coordinator or a proposal on GitHub. ---
  const dateText = (day) => new Date(day + "T12:00:00Z").toLocaleDateString("nl-NL",
    { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const sessionLine = (s) => `${dateText(s.datum)}, ${s.van}–${s.tot}${s.status && s.status !== "gepland"
    ? ` (${s.status === "vol" ? "vol" : "gaat niet door"})` : ""}`;
  const fact = (term, ...values) => {
    const div = document.createElement("div");
    const dt = Object.assign(document.createElement("dt"), { textContent: term });
    const dd = document.createElement("dd");
    values.forEach((value, n) => dd.append(...(n ? [document.createElement("br")] : []), value));
    div.append(dt, dd);
    return div;
  };
  const optionName = (path, value) => {
    const input = byPath(path).querySelector(`[value="${CSS.escape(value)}"]`);
    return input ? (input.labels && input.labels[0] ? input.labels[0].textContent : input.textContent).trim() : value;
  };
  const NAMES = { bijeenkomsten: "Losse bijeenkomsten", rondes: "Rondes", locaties: "Locatie", leeftijd: "Leeftijd",
    toegang: "Toegang", kosten: "Kosten", contact: "Contact", aanmelden: "Aanmelden" };
  const summarize = (file) => {
    const d = file.data;
    const facts = [fact("Naam", text(d.titel)), fact("Organisatie", optionName("partner", text(d.partner))),
      fact("Samenvatting", text(d.samenvatting))];
    if (d.themas) facts.push(fact("Thema's", d.themas.map((t) => optionName("themas", text(t))).join(", ")));
    if (d.locaties && d.locaties[0]) facts.push(fact("Waar", [d.locaties[0].naam, d.locaties[0].plaats].filter(Boolean).join(", ")));
    (d.rondes || []).forEach((r, n) => facts.push(fact(r.naam || `Ronde ${n + 1}`, ...r.bijeenkomsten.map(sessionLine))));
    if (d.bijeenkomsten) facts.push(fact("Data", ...d.bijeenkomsten.map(sessionLine)));
    $("samenvatting").replaceChildren(...facts);
    $("samenvatting-intro").textContent = original
      ? `Dit verandert er aan "${text(d.titel)}". Zo komt het op de site:`
      : `Dit komt op de site als nieuw aanbod, in het bestand ${file.path}:`;
    const changes = original ? Object.keys({ ...original.gegevens, ...d })
      .filter((k) => !same(d[k], original.gegevens[k])) : [];
    const labels = (key) => NAMES[key] || (fields.find((f) => f.dataset.path.split(".")[0] === key) ? labelOf(fields
      .find((f) => f.dataset.path.split(".")[0] === key)) : key);
    $("wijzigingen").replaceChildren(...(changes.length ? changes.map(labels) : ["Nog niets: je hebt niets veranderd."])
      .map((t) => Object.assign(document.createElement("li"), { textContent: t })));
    $("wijzigingen-blok").hidden = !original;
  };
  const mailto = (subject, body) => `mailto:${settings.email}?subject=${encodeURIComponent(subject)}`
    + `&body=${encodeURIComponent(body)}`;
  const endLinks = (file) => {
    const title = text(file.data.titel);
    const subject = original ? `Wijziging aanbod: ${title}` : `Nieuw aanbod: ${title}`;
    const intro = `Hallo,\n\n${original ? "Hierbij de gewijzigde gegevens van" : "Hierbij nieuw aanbod:"} ${title}`
      + ` (${file.path}).\n\n`;
    const send = $("verstuur");
    if (send) {
      const full = mailto(subject, `${intro}${settings.start}\n${file.text}${settings.end}\n`);
      const tooLong = full.length > MAILTO_MAX;
      send.dataset.bijlage = tooLong ? "ja" : "";
      send.href = tooLong ? mailto(subject, `${intro}Het bestand ${file.path.split("/").pop()} zit als bijlage bij dit bericht.\n`) : full;
      $("te-lang").hidden = !tooLong;
      $("mail-uitleg").hidden = tooLong;
      $("verstuur-lang").href = full;
    }
    const github = $("github");
    if (github) {
      const base = `https://github.com/${settings.repository}`;
      const prefilled = `${base}/new/${settings.branch}?filename=${encodeURIComponent(file.path)}`
        + `&value=${encodeURIComponent(file.text)}`;
      let explain;
      if (original) {
        github.href = `${base}/edit/${settings.branch}/${file.path.split("/").map(encodeURIComponent).join("/")}`;
        explain = "GitHub opent het bestand om te bewerken. Klik eerst hieronder bij 'Bekijk het bestand' op "
          + "'Kopieer de tekst'. Selecteer op GitHub alle tekst (Ctrl+A), plak de nieuwe tekst (Ctrl+V) en klik op "
          + "'Commit changes'.";
      } else if (prefilled.length <= GITHUB_MAX) {
        github.href = prefilled;
        explain = "GitHub opent een nieuw bestand dat al is ingevuld. Klik daar op 'Commit changes'.";
      } else {
        github.href = `${base}/new/${settings.branch}?filename=${encodeURIComponent(file.path)}`;
        explain = "Het bestand is te lang om het in te vullen via de link. Klik eerst hieronder bij 'Bekijk het "
          + "bestand' op 'Kopieer de tekst'. GitHub opent een leeg bestand met de goede naam: plak de tekst "
          + "(Ctrl+V) en klik op 'Commit changes'.";
      }
      $("github-uitleg").textContent = explain;
    }
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const checked = check();
    showErrors(checked);
    if (Object.keys(checked.errors).length) {
      $("resultaat").hidden = true;
      return;
    }
    const file = build();
    $("bestandsnaam").textContent = file.path;
    $("yaml-uitvoer").value = file.text;
    const download = $("download");
    download.href = URL.createObjectURL(new Blob([file.text], { type: "text/yaml" }));
    download.download = file.path.split("/").pop();
    summarize(file);
    endLinks(file);
    $("resultaat").hidden = false;
    $("resultaat-titel").focus();
  });

  // A file too long for the message itself goes as an attachment: save it first, then open the e-mail.
  $("verstuur")?.addEventListener("click", () => {
    if ($("verstuur").dataset.bijlage) $("download").click();
  });

  $("kopieer").addEventListener("click", async () => {
    const status = $("kopieer-status");
    try {
      await navigator.clipboard.writeText($("yaml-uitvoer").value);
      status.textContent = "Gekopieerd.";
    } catch {
      $("yaml-uitvoer").select();
      status.textContent = "Kopiëren lukte niet automatisch; de tekst is geselecteerd: kopieer hem met Ctrl+C.";
    }
  });

  // Which version of the offering a saved change was made on: rows refer to its sessions by number.
  const basis = () => (original ? shortHash(original.tekst) : "");
  const initial = () => (original ? stateOf(original.gegevens) : null);
  $("opnieuw").addEventListener("click", () => {
    localStorage.removeItem(storeKey);
    const start = initial();
    if (start) fillState(start); else { form.reset(); sessionsBox.replaceChildren(); runsBox.replaceChildren(); }
    $("resultaat").hidden = true;
    $("foutenoverzicht").hidden = true;
    $("concept-status").textContent = original ? "Alles staat weer zoals het nu op de site staat." : "Het formulier is weer leeg.";
  });

  const restore = () => {
    let saved = null;
    try {
      saved = JSON.parse(localStorage.getItem(storeKey) || "null");
    } catch {
      saved = null;
    }
    if (saved && saved.fields && saved.basis === basis()) {
      fillState(saved);
      $("concept-status").textContent = "Wat je eerder invulde, staat er weer. Wil je dat niet? Klik onderaan op 'Opnieuw beginnen'.";
    } else if (saved) {
      localStorage.removeItem(storeKey);
      $("concept-status").textContent = "Dit aanbod is op de site veranderd sinds je het de vorige keer aanpaste. Je ziet nu de gegevens van nu.";
    }
    ready = true;
  };

  if (!editing) {
    const partner = params.get("partner");
    if (partner && byPath("partner").querySelector(`option[value="${CSS.escape(partner)}"]`)) control(byPath("partner")).value = partner;
    restore();
    return;
  }
  (owner ? fetch(`${settings.gegevens}${owner}.json`) : Promise.reject(new Error("no partner")))
    .then((response) => {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    })
    .then((offerings) => {
      const loaded = Object.hasOwn(offerings, editing) ? offerings[editing] : null;
      if (!loaded) throw new Error(`${editing} not in ${owner}.json`);
      original = loaded;
      fillState(stateOf(loaded.gegevens));
      $("wijzig-titel").textContent = text(loaded.gegevens.titel);
      $("wijzig-melding").hidden = false;
      document.querySelector("h1").textContent = `Wijzig: ${text(loaded.gegevens.titel)}`;
      restore();
      form.dataset.geladen = "";
    })
    .catch(() => {
      const problem = $("laad-fout");
      problem.textContent = "Het aanbod dat je wilt aanpassen, konden we niet laden. Probeer het later nog eens, of vul het formulier helemaal in.";
      problem.hidden = false;
      ready = true;
    });
})();
