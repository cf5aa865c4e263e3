// The agenda filter (progressive enhancement): without JavaScript the whole agenda shows. With it,
// two selects hide items by age band and kern; the choice is kept in the URL (?leeftijd=&kern=),
// so a filtered agenda can be shared or bookmarked.
(() => {
  const form = document.getElementById("agenda-filter");
  if (!form) return;
  const age = form.elements.leeftijd;
  const area = form.elements.kern;
  const count = document.getElementById("agenda-aantal");
  const empty = document.getElementById("agenda-leeg");
  const items = document.querySelectorAll(".cjg-agenda__item");
  const known = (select, value) => Array.from(select.options).some((option) => option.value === value);
  const params = new URLSearchParams(window.location.search);
  for (const select of [age, area]) {
    const value = params.get(select.name) || "";
    if (known(select, value)) select.value = value;
  }
  const apply = (updateUrl) => {
    let shown = 0;
    for (const item of items) {
      const ages = item.dataset.leeftijd.split(" ");
      const place = item.dataset.kern;
      const visible = (!age.value || ages.includes(age.value)) && (!area.value || !place || place === area.value);
      item.hidden = !visible;
      if (visible) shown += 1;
    }
    for (const group of document.querySelectorAll("[data-cjg-agenda-group]")) {
      group.hidden = !group.querySelector(".cjg-agenda__item:not([hidden])");
    }
    empty.hidden = shown > 0;
    count.textContent = age.value || area.value ? `${shown} van ${items.length} getoond.` : "";
    if (updateUrl) {
      const query = new URLSearchParams();
      if (age.value) query.set("leeftijd", age.value);
      if (area.value) query.set("kern", area.value);
      const search = query.toString();
      window.history.replaceState(null, "", search ? `?${search}` : window.location.pathname);
    }
  };
  form.addEventListener("change", () => apply(true));
  form.addEventListener("submit", (event) => event.preventDefault());
  form.hidden = false;
  apply(false);
})();
