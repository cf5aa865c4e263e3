// An offering as a card, built from plain text only (every value goes in as textContent):
// shared by the sociale kaart's results and mijn lijst.

export function element(tag, text, className) {
  const el = document.createElement(tag);
  if (text) el.textContent = text;
  if (className) el.className = className;
  return el;
}

// facts: [label, key] pairs; a fact without a value is left out.
export function card(data, href, facts) {
  const li = element("li", "", "cjg-card");
  const heading = element("h2", "", "cjg-card__title");
  const link = element("a", data.titel);
  link.href = href;
  heading.append(link);
  li.append(heading);
  if (data.status) li.append(element("p", data.status, "cjg-status"));
  if (data.mededeling) {
    const notice = element("p", "", "cjg-notice");
    notice.append(element("strong", "Let op:"), " " + data.mededeling);
    li.append(notice);
  }
  li.append(element("p", data.samenvatting));
  const list = element("dl", "", "cjg-card__facts");
  for (const [label, key] of facts) {
    if (!data[key]) continue;
    const row = element("div");
    row.append(element("dt", label), element("dd", data[key]));
    list.append(row);
  }
  li.append(list);
  return li;
}
