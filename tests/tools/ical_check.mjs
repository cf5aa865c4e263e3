// Parses every .ics file given on the command line with ical.js (Mozilla's parser, the one Thunderbird
// uses) and expands every event's recurrences between two dates. Prints, per file, the number of
// events and of occurrences in [from, to), or the error ical.js gave. Used by tests/test_calendar_parsers.py.
// Usage: node ical_check.mjs FROM TO FILE...   (FROM and TO as YYYY-MM-DD)
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const [from, to, ...files] = process.argv.slice(2);
const start = ICAL.Time.fromDateString(from);
const end = ICAL.Time.fromDateString(to);
const MAX = 5000; // occurrences per event: a rule that never ends stops here

const report = {};
for (const file of files) {
  try {
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, "utf8")));
    for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
    let occurrences = 0;
    const events = calendar.getAllSubcomponents("vevent");
    for (const component of events) {
      const event = new ICAL.Event(component);
      if (!event.startDate) throw new Error(`event ${event.uid} has no DTSTART`);
      const iterator = event.iterator();
      for (let next = iterator.next(), n = 0; next && n < MAX; next = iterator.next(), n += 1) {
        if (next.compare(end) >= 0) break;
        if (next.compare(start) >= 0) occurrences += 1;
      }
    }
    report[file] = { events: events.length, occurrences, method: calendar.getFirstPropertyValue("method") };
  } catch (error) {
    report[file] = { error: String(error) };
  }
}
process.stdout.write(JSON.stringify(report));
