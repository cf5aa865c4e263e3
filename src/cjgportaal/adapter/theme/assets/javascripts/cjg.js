// Keyboard-operable toggles for Material's drawer and search, which are checkboxes driven by
// <label>s in Material. Our buttons (theme/partials/header.html) flip the checkbox, keep
// aria-expanded in sync and close with Escape, returning focus to the button.
(() => {
  const buttons = document.querySelectorAll("[data-cjg-toggle]");
  const sync = () => {
    for (const button of buttons) {
      const toggle = document.getElementById(button.dataset.cjgToggle);
      button.setAttribute("aria-expanded", String(Boolean(toggle && toggle.checked)));
    }
  };
  const set = (toggle, checked) => {
    toggle.checked = checked;
    toggle.dispatchEvent(new Event("change"));
    sync();
  };
  for (const button of buttons) {
    const toggle = document.getElementById(button.dataset.cjgToggle);
    if (!toggle) continue;
    toggle.addEventListener("change", sync);
    button.addEventListener("click", () => {
      set(toggle, !toggle.checked);
      if (toggle.checked && toggle.id === "__drawer") {
        const first = document.querySelector("#cjg-menu a[href], #cjg-menu [tabindex='0']");
        if (first) first.focus();
      }
    });
  }
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    for (const button of buttons) {
      const toggle = document.getElementById(button.dataset.cjgToggle);
      if (toggle && toggle.checked) {
        set(toggle, false);
        button.focus();
      }
    }
  });
  sync();
})();

// "Snel weg" on youth pages: leave for a neutral site at once. location.replace() takes the
// current page out of the Back history (earlier pages stay: no browser lets a site erase them).
(() => {
  const exit = document.querySelector("[data-cjg-exit]");
  if (!exit) return;
  exit.addEventListener("click", () => {
    document.body.hidden = true;
    window.location.replace(exit.dataset.cjgExit);
  });
})();

// The site search does not hold the offerings: its link to the sociale kaart carries the query along.
(() => {
  const input = document.querySelector(".md-search__input");
  const link = document.querySelector("[data-cjg-kaart-link]");
  if (!input || !link) return;
  const base = link.getAttribute("href");
  input.addEventListener("input", () => {
    const query = input.value.trim();
    link.setAttribute("href", query ? `${base}?zoek=${encodeURIComponent(query)}` : base);
  });
})();
