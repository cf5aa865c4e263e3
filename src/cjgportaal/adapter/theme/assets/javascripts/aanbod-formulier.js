// "Aanbod aanmelden": turns the form (generated from the JSON Schema) into an offering YAML file,
// in the browser only. Checks the input first and shows every problem at once, in Dutch.
(() => {
  const form = document.getElementById("aanbod-formulier");
  if (!form) return;
  const summary = document.getElementById("foutenoverzicht");
  const summaryList = document.getElementById("foutenlijst");
  const result = document.getElementById("resultaat");
  const output = document.getElementById("yaml-uitvoer");

  const fields = [...form.querySelectorAll(".cjg-field")];
  const byPath = (path) => fields.find((f) => f.dataset.path === path);
  const control = (field) => field.querySelector("input, select, textarea");

  const valueOf = (field) => {
    const widget = field.dataset.widget;
    if (widget === "checkboxes") return [...field.querySelectorAll("input:checked")].map((i) => i.value);
    if (widget === "radios") return (field.querySelector("input:checked") || {}).value || "";
    return control(field).value.trim();
  };

  const slug = (text) => text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60).replace(/-+$/, "");

  const ageMonths = (text) => {
    const t = String(text).trim().toLowerCase();
    if (t === "zwangerschap") return -9;
    const m = t.match(/^(-?\d+)\s*(jaar|maand|maanden)?$/);
    if (!m) return null;
    return m[2] && m[2].startsWith("maand") ? Number(m[1]) : Number(m[1]) * 12;
  };

  const realDate = (text) => {
    const d = new Date(text + "T12:00:00Z");
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
  };

  const parseSessions = (text, problems) => {
    const sessions = [];
    text.split("\n").map((l) => l.trim()).filter(Boolean).forEach((line, index) => {
      const m = line.match(/^(\d{4}-\d{2}-\d{2})\s+([01]\d|2[0-3]):([0-5]\d)\s*-\s*([01]\d|2[0-3]):([0-5]\d)$/);
      if (!m) {
        problems.push(`regel ${index + 1} ("${line}") heeft niet de vorm 2027-03-02 19:30-21:30.`);
      } else if (!realDate(m[1])) {
        problems.push(`regel ${index + 1}: de datum ${m[1]} bestaat niet.`);
      } else if (`${m[4]}:${m[5]}` <= `${m[2]}:${m[3]}`) {
        problems.push(`regel ${index + 1}: de eindtijd ligt vóór de begintijd.`);
      } else {
        sessions.push({ datum: m[1], van: `${m[2]}:${m[3]}`, tot: `${m[4]}:${m[5]}` });
      }
    });
    return sessions;
  };

  // Check every field; return {path: message}.
  const check = () => {
    const errors = {};
    for (const field of fields) {
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
    const sessionProblems = [];
    parseSessions(v("bijeenkomsten"), sessionProblems);
    if (sessionProblems.length) errors.bijeenkomsten = sessionProblems.join(" ");
    return errors;
  };

  const showErrors = (errors) => {
    summaryList.replaceChildren();
    for (const field of fields) {
      const path = field.dataset.path;
      const message = field.querySelector(".cjg-error");
      const invalid = path in errors;
      message.hidden = !invalid;
      message.textContent = invalid ? `Fout: ${errors[path]}` : "";
      const target = field.querySelector("fieldset") || control(field);
      if (invalid) target.setAttribute("aria-invalid", "true"); else target.removeAttribute("aria-invalid");
      if (invalid) {
        const label = (field.querySelector("legend, label").firstChild.textContent || path).trim();
        const item = document.createElement("li");
        const link = document.createElement("a");
        link.href = "#" + control(field).id;
        link.textContent = `${label}: ${errors[path]}`;
        item.append(link);
        summaryList.append(item);
      }
    }
    summary.hidden = Object.keys(errors).length === 0;
    if (!summary.hidden) summary.focus();
  };

  // YAML: strings as JSON strings (valid YAML), lists of strings in flow style.
  const scalar = (value) => (typeof value === "number" ? String(value) : JSON.stringify(value));
  const emit = (data, indent = "") => {
    const lines = [];
    for (const [key, value] of Object.entries(data)) {
      if (Array.isArray(value) && value.length && typeof value[0] === "object") {
        lines.push(`${indent}${key}:`);
        for (const item of value) {
          const inner = Object.entries(item).map(([k, v]) => `${k}: ${scalar(v)}`).join(", ");
          lines.push(`${indent}  - {${inner}}`);
        }
      } else if (Array.isArray(value)) {
        lines.push(`${indent}${key}: [${value.map(scalar).join(", ")}]`);
      } else if (value && typeof value === "object") {
        lines.push(`${indent}${key}:`, emit(value, indent + "  "));
      } else {
        lines.push(`${indent}${key}: ${scalar(value)}`);
      }
    }
    return lines.join("\n");
  };

  const build = () => {
    const v = (path) => valueOf(byPath(path));
    const compact = (object) => Object.fromEntries(Object.entries(object).filter(([, x]) =>
      x !== "" && !(Array.isArray(x) && x.length === 0)));
    const today = new Date().toISOString().slice(0, 10);
    const next = new Date(Date.now() + 365 * 864e5).toISOString().slice(0, 10);
    const id = slug(v("titel"));
    const location = compact({ naam: v("locaties.0.naam"), straat: v("locaties.0.straat"),
      postcode: v("locaties.0.postcode").toUpperCase(), plaats: v("locaties.0.plaats"), gebied: v("locaties.0.gebied") });
    const sessions = parseSessions(v("bijeenkomsten"), []).map((s) =>
      (location.naam ? { ...s, locatie: location.naam } : s));
    const amount = v("kosten.bedrag");
    const data = compact({
      id, titel: v("titel"), partner: v("partner"), samenvatting: v("samenvatting"),
      beschrijving: v("beschrijving"), doelgroepen: v("doelgroepen"),
      leeftijd: { van: v("leeftijd.van"), tot: v("leeftijd.tot") },
      themas: v("themas"), niveaus: v("niveaus"), soort: v("soort"),
      toegang: compact({ route: v("toegang.route"), verwijzers: v("toegang.verwijzers") }),
      kosten: compact({ soort: v("kosten.soort"), bedrag: amount === "" ? "" : Number(amount.replace(",", ".")) }),
      locaties: location.naam ? [location] : [],
      bijeenkomsten: sessions,
      aanmelden: v("aanmelden.uitleg") ? { uitleg: v("aanmelden.uitleg") } : "",
      contact: compact({ naam: v("contact.naam"), telefoon: v("contact.telefoon"), email: v("contact.email"),
        website: v("contact.website") }),
      talen: v("talen"), toegankelijkheid: v("toegankelijkheid"),
      status: "actief", gecontroleerd: today, controleren_voor: next,
    });
    const option = byPath("partner").querySelector(`option[value="${CSS.escape(v("partner"))}"]`);
    const folder = (option && option.dataset.map) || "offerings";
    const depth = folder.split("/").length;
    const header = `# yaml-language-server: $schema=${"../".repeat(depth)}schemas/aanbod.schema.json\n`
      + "# Gemaakt met het formulier 'Aanbod aanmelden'. Controleer alles met: cjg validate\n";
    return { path: `${folder}/${id}.yml`, text: header + emit(data) + "\n" };
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const errors = check();
    showErrors(errors);
    if (Object.keys(errors).length) {
      result.hidden = true;
      return;
    }
    const file = build();
    document.getElementById("bestandsnaam").textContent = file.path;
    output.value = file.text;
    const download = document.getElementById("download");
    download.href = URL.createObjectURL(new Blob([file.text], { type: "text/yaml" }));
    download.download = file.path.split("/").pop();
    const pull = document.getElementById("pull-request");
    if (pull) {
      const { repository, branch } = form.dataset;
      pull.href = `https://github.com/${repository}/new/${branch}?filename=${encodeURIComponent(file.path)}`
        + `&value=${encodeURIComponent(file.text)}`;
    }
    result.hidden = false;
    document.getElementById("resultaat-titel").focus();
  });

  document.getElementById("kopieer").addEventListener("click", async () => {
    const status = document.getElementById("kopieer-status");
    try {
      await navigator.clipboard.writeText(output.value);
      status.textContent = "Gekopieerd.";
    } catch {
      output.select();
      status.textContent = "Kopiëren lukte niet automatisch; de tekst is geselecteerd: kopieer hem met Ctrl+C.";
    }
  });
})();
