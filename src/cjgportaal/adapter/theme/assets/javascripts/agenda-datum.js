// "Zet in je agenda" for one date (progressive enhancement). A lone session has no file of its own:
// its link is the offering's feed (kalender/<id>.ics) with the session's marker as fragment
// (#JJJJMMDD-UUMM, also in data-een-datum). Without JavaScript the link downloads the whole feed and
// says so ("alle data van dit aanbod"); with it, the link says only "Zet in je agenda" and a click
// makes a file with only that event (and the feed's time zone) here in the browser. The event keeps
// its UID, so a calendar subscribed to the feed updates it instead of adding it twice.
(() => {
  const links = document.querySelectorAll("a[data-een-datum]");
  if (!links.length || !window.fetch || !window.Blob || !window.URL || !URL.createObjectURL) return;
  const unfold = (text) => text.replace(/\r\n[ \t]/g, "");

  // The feed with only the event whose UID starts with `prefix` (`<id>-<marker>@`), or null.
  const oneEvent = (feed, prefix) => {
    const start = feed.indexOf("BEGIN:VEVENT\r\n");
    const end = feed.lastIndexOf("END:VCALENDAR");
    if (start < 0 || end < start) return null;
    const events = feed.slice(start, end).split(/(?=BEGIN:VEVENT\r\n)/);
    const match = events.find((event) => unfold(event).split("\r\n").some((line) => line.startsWith(`UID:${prefix}`)));
    return match ? `${feed.slice(0, start)}${match}END:VCALENDAR\r\n` : null;
  };

  const save = (href, name) => {
    const anchor = document.createElement("a");
    anchor.href = href;
    anchor.download = name;
    anchor.hidden = true;
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
  };

  for (const link of links) {
    const label = link.querySelector("[data-een-datum-tekst]");
    if (label) label.textContent = "Zet in je agenda";
    link.addEventListener("click", (event) => {
      event.preventDefault();
      const feed = new URL(link.href);
      feed.hash = "";
      const id = decodeURIComponent(feed.pathname.split("/").pop()).replace(/\.ics$/, "");
      const marker = link.dataset.eenDatum;
      fetch(feed.href)
        .then((response) => {
          if (!response.ok) throw new Error(String(response.status));
          return response.text();
        })
        .then((text) => {
          const file = oneEvent(text, `${id}-${marker}@`);
          if (!file) throw new Error(`${marker} not in ${id}.ics`);
          const href = URL.createObjectURL(new Blob([file], { type: "text/calendar;charset=utf-8" }));
          save(href, `${id}-${marker}.ics`);
          setTimeout(() => URL.revokeObjectURL(href), 10000);
        })
        .catch(() => save(feed.href, `${id}.ics`)); // the whole feed, as without JavaScript
    });
  }
})();
