// The contact page. (1) "Nu open / nu gesloten": the page is static and built on another day, so
// the browser works it out from the opening hours and closed days in data-cjg-opening, in the
// time zone of the loket (Europe/Amsterdam), whatever the visitor's own clock zone is.
// (2) The contact form: required fields are checked before sending, with the error next to the
// field and a summary that gets focus (the pattern of the "Aanbod aanmelden" form).
(() => {
  const status = document.getElementById("loket-nu");
  if (!status) return;
  const data = JSON.parse(status.dataset.cjgOpening);
  const DAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"];
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", hourCycle: "h23",
    }).formatToParts(new Date()).map((part) => [part.type, part.value]),
  );
  const today = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day));
  const now = `${parts.hour}:${parts.minute}`;
  const dayInfo = (offset) => {
    const date = new Date(today + offset * 86400000);
    const iso = date.toISOString().slice(0, 10);
    const weekday = (date.getUTCDay() + 6) % 7; // 0 = Monday
    const hours = data.uren.filter((h) => h.dag === weekday).sort((a, b) => a.van.localeCompare(b.van));
    return { iso, weekday, hours, closed: data.gesloten[iso] };
  };
  const time = (hhmm) => `${hhmm.replace(":", ".")} uur`;
  const todayInfo = dayInfo(0);
  const open = todayInfo.closed === undefined
    ? todayInfo.hours.find((h) => h.van <= now && now < h.tot) : undefined;
  let text;
  if (open) {
    text = `Nu open, tot ${time(open.tot)}.`;
  } else {
    text = todayInfo.closed !== undefined
      ? `Nu gesloten${todayInfo.closed ? ` (${todayInfo.closed})` : ""}.` : "Nu gesloten.";
    for (let offset = 0; offset < 60; offset += 1) {
      const day = dayInfo(offset);
      if (day.closed !== undefined) continue;
      const next = day.hours.find((h) => offset > 0 || h.van > now);
      if (!next) continue;
      const when = offset === 0 ? "vandaag" : offset === 1 ? "morgen" : `op ${DAYS[day.weekday]}`;
      text += ` Weer open ${when} om ${time(next.van)}.`;
      break;
    }
  }
  status.textContent = text;
  status.classList.add(open ? "cjg-now--open" : "cjg-now--closed");
  status.hidden = false;
})();

(() => {
  const form = document.getElementById("contactformulier");
  if (!form) return;
  const summary = document.getElementById("contact-fouten");
  const list = document.getElementById("contact-foutenlijst");
  form.addEventListener("submit", (event) => {
    list.replaceChildren();
    for (const field of form.querySelectorAll("[required]")) {
      const error = document.getElementById(`${field.id}-fout`);
      const wrong = !field.value.trim();
      field.toggleAttribute("aria-invalid", wrong);
      if (wrong) field.setAttribute("aria-invalid", "true");
      error.hidden = !wrong;
      error.textContent = wrong ? field.dataset.cjgError : "";
      if (wrong) {
        const item = document.createElement("li");
        const link = document.createElement("a");
        link.href = `#${field.id}`;
        link.textContent = field.dataset.cjgError;
        item.append(link);
        list.append(item);
      }
    }
    summary.hidden = !list.children.length;
    if (list.children.length) {
      event.preventDefault();
      summary.focus();
    }
  });
})();
