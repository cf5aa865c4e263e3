"""The bad-input corpus: files a partner could write, each with what its message must say.

Used by the tests of the loader and of the validation rules, and as a whole by the test that no
English library text reaches a partner.
"""

from __future__ import annotations

from .conftest import OFFERING, PARTNER

# Unreadable files: (content, line of the problem, words in message or hint)
UNREADABLE: list[tuple[str, int, str]] = [
    ("titel: a\nsoort: [cursus\n", 2, "niet te lezen"),
    ("titel: a\n  b: c\nsoort: x: y\n", 2, "niet te lezen"),
    ("titel: a\n\tsoort: b\n", 2, "tabs"),
    ("", 1, "leeg"),
    ("   \n\n", 1, "leeg"),
    ("# alleen commentaar\n", 1, "alleen commentaar"),
    ("titel: a\n---\ntitel: b\n", 2, "niet te lezen"),
    ("x: !!python/object/apply:os.system ['true']\n", 1, "niet toegestaan"),
    ("a: 1\nx: !!binary aGVsbG8=\n", 2, "niet toegestaan"),
]

# More ways to break YAML, one for each kind of complaint PyYAML and libyaml have: (content, line)
BROKEN_YAML: list[tuple[str, int]] = [
    ("titel: a\nsoort: b: c\n", 2),
    ("titel: a\n samenvatting: b\n", 2),
    ("titel: \"niet gesloten\n", 1),
    ("titel: 'niet gesloten\n", 1),
    ("themas: [a, b\nsoort: c\n", 1),
    ("titel: a\nsoort: [cursus\nthemas: x\n", 2),
    ("themas: {a: 1, b\n", 1),
    ("themas: [a, b]]\n", 1),
    ("titel: \"fout \\q teken\"\n", 1),
    ("titel: @partner\n", 1),
    ("titel: `code`\n", 1),
    ("titel: *nergens\n", 1),
    ("titel: &a x\nsoort: &a y\nthemas: [*a, *b]\n", 2),
    ("titel: !onbekend x\n", 1),
    ("%YAML 1.1\n%YAML 1.1\n---\ntitel: a\n", 2),
    ("titel: a\u0001b\n", 1),
    ("titel: a\n...\nsoort: b\n", 3),
    ("- a\nb: c\n", 2),
    ("titel:\n  - a\n  b: c\n", 3),
    ("? [a, b]\n: c\n", 1),
    ("{a: 1}: b\n", 1),
    ("titel: " + "[" * 5000 + "]" * 5000 + "\n", 1),
    ("titel: " + "{a: " * 2000 + "}" * 2000 + "\n", 1),
    ("".join(f"{'  ' * i}k{i}:\n" for i in range(40)) + "  " * 40 + "x: 1\n", 21),
    ("x:\n" + "  - " * 1000 + "a\n", 2),
]

# (file, old text, new text, field, words in message or hint)
RULES = [
    (OFFERING, "titel: Peuter in zicht", "titell: Peuter in zicht", "titell", "bedoelde je 'titel'?"),
    (OFFERING, "samenvatting: >-", "samenvating: >-", "samenvating", "bedoelde je 'samenvatting'?"),
    (OFFERING, "titel: Peuter in zicht\n", "", "titel", "ontbreekt"),
    (OFFERING, "partner: ggd-flevoland", "partner: ggd-flevolnd", "partner", "bedoelde je 'ggd-flevoland'?"),
    (OFFERING, "themas: [opvoeden,", "themas: [opvoedn,", "themas[1]", "bedoelde je 'opvoeden'?"),
    (OFFERING, "niveaus: [lichte-pedagogische-hulp]", "niveaus: [zwaar]", "niveaus[1]", "bestaat niet"),
    (OFFERING, "soort: cursus", "soort: kursus", "soort", "bedoelde je 'cursus'?"),
    (OFFERING, "    gebied: dronten", "    gebied: lelystad", "locaties[1].gebied", "bestaat niet"),
    (PARTNER, "werkgebied: [gemeente-dronten]", "werkgebied: [almere]", "werkgebied[1]", "bestaat niet"),
    (PARTNER, "type: jeugdgezondheidszorg", "type: ziekenhuis", "type", "bestaat niet"),
    (OFFERING, "  van: 2 jaar\n  tot: 4 jaar", "  van: 6 jaar\n  tot: 4 jaar", "leeftijd", "hoger dan"),
    (OFFERING, "  van: 2 jaar", "  van: twee jaar", "leeftijd.van", "geen leeftijd"),
    (OFFERING, '{datum: 2027-02-02, van: "19:30", tot: "21:30"', '{datum: 2027-02-02, van: "19:30", tot: "18:30"',
     "rondes[1].bijeenkomsten[1].tot", "eindtijd"),
    (OFFERING, "datum: 2027-02-09", "datum: 2027-02-30", "rondes[1].bijeenkomsten[2].datum", "bestaat niet"),
    (OFFERING, "datum: 2027-02-16", "datum: 16-02-2027", "rondes[1].bijeenkomsten[3].datum", "JJJJ-MM-DD"),
    (OFFERING, '{datum: 2027-02-09, van: "19:30"', '{datum: 2027-02-09, van: "25:30"',
     "rondes[1].bijeenkomsten[2].van", "geen geldige tijd"),
    (OFFERING, '{datum: 2027-02-16, van: "19:30", tot: "21:30", locatie: CJG in De Meerpaal}',
     '{datum: 2027-02-16, van: "19:30", tot: "21:30", locatie: Elders}',
     "rondes[1].bijeenkomsten[3].locatie", "bestaat niet"),
    (OFFERING, "    status: vol\n", "    status: misschien\n", "rondes[1].status", "kies uit"),
    (OFFERING, "        status: geannuleerd", "        status: misschien", "rondes[2].bijeenkomsten[3].status",
     "kies uit"),
    # Course runs: in order, not empty, full as a whole, apart.
    (OFFERING, "datum: 2027-02-16", "datum: 2027-02-01", "rondes[1].bijeenkomsten[3]", "op volgorde"),
    (OFFERING, "datum: 2027-02-16", "datum: 2027-02-09", "rondes[1].bijeenkomsten[3]", "twee keer"),
    (OFFERING, "  - naam: Najaar 2027\n    bijeenkomsten:\n", "  - naam: Najaar 2027\n    bijeenkomsten: []\n"
     "    oud:\n", "rondes[2].bijeenkomsten", "lijst is leeg"),
    (OFFERING, '{datum: 2027-10-05, van: "19:30", tot: "21:30", locatie: CJG in De Meerpaal}',
     '{datum: 2027-10-05, van: "19:30", tot: "21:30", locatie: CJG in De Meerpaal, status: vol}',
     "rondes[2].bijeenkomsten[2].status", "hele ronde"),
    (OFFERING, "    plaatsen: 12\n  - naam: Najaar", "    plaatsen: 0\n  - naam: Najaar", "rondes[1].plaatsen",
     "minstens 1"),
    (OFFERING, 'datum: 2027-09-28, van: "19:30", tot: "21:30"', 'datum: 2027-02-02, van: "19:30", tot: "22:00"',
     "rondes[2].bijeenkomsten[1]", "dezelfde dag"),
    (OFFERING, "status: actief", "status: open", "status", "kies uit"),
    (PARTNER, "website: https://www.voorbeeld-ggd-flevoland.nl", "website: www.voorbeeld-ggd-flevoland.nl",
     "website", "https://"),
    (PARTNER, "website: https://www.voorbeeld-ggd-flevoland.nl", "website: javascript:alert(1)",
     "website", "geen geldig webadres"),
    (OFFERING, "Je oefent met situaties", "Zie [dit](javascript:alert(1)). Je oefent met situaties",
     "beschrijving", "niet toegestaan"),
    (PARTNER, "email: jgz@voorbeeld-ggd-flevoland.nl", "email: jgz@@voorbeeld", "email", "e-mailadres"),
    (PARTNER, 'telefoon: "088 002 9920"', 'telefoon: "12345"', "telefoon", "telefoonnummer"),
    (PARTNER, "postcode: 8251 EX", "postcode: 825 EX", "adressen[1].postcode", "postcode"),
    (PARTNER, 'beheerders: ["@ggd-flevoland-jgz"]', "beheerders: []", "beheerders", "lijst is leeg"),
    (PARTNER, "rol: kernpartner", "rol: hoofdpartner", "rol", "kernpartner"),
    (OFFERING, "id: peuter-in-zicht", "id: peuter-in-beeld", "id", "bestandsnaam"),
    (OFFERING, "id: peuter-in-zicht", "id: Peuter_In_Zicht", "id", "kleine letters"),
    (OFFERING, "  route: aanmelden", "  route: verwijzing", "toegang.verwijzers", "verwijzers"),
    (OFFERING, "  soort: gratis", "  soort: gratis\n  bedrag: tien euro", "kosten.bedrag", "geen getal"),
    (OFFERING, "doelgroepen: [ouders]", "doelgroepen: ouders", "doelgroepen", "lijst"),
    (OFFERING, "doelgroepen: [ouders]", "doelgroepen: [opa]", "doelgroepen[1]", "kies uit"),
    (OFFERING, "gecontroleerd: 2026-09-15\ncontroleren_voor: 2027-09-15",
     "gecontroleerd: 2026-09-15\ncontroleren_voor: 2026-01-01", "controleren_voor", "vóór"),
    (OFFERING, "contact:\n  naam: Jeugdverpleegkundigen Dronten\n  telefoon: \"088 002 9920\"",
     "contact:\n  naam: Jeugdverpleegkundigen Dronten", "contact", "geen telefoon, e-mail of website"),
    # Hostile data (issue 17): values that used to pass and then broke a writer or the build.
    (OFFERING, "titel: Peuter in zicht", 'titel: "Peuter in zicht\\nnieuw"', "titel", "op één regel"),
    (OFFERING, "titel: Peuter in zicht", 'titel: "Peuter \\u202Ein zicht"', "titel", "U+202E"),
    (OFFERING, "titel: Peuter in zicht", 'titel: "Peuter\\u200Bin zicht"', "titel", "U+200B"),
    (OFFERING, "titel: Peuter in zicht", 'titel: "Peuter\\u0001 in zicht"', "titel", "U+0001"),
    (OFFERING, "gecontroleerd: 2026-09-15", "gecontroleerd: 9999-12-31", "gecontroleerd", "ligt buiten 1970–2100"),
    (OFFERING, "  soort: gratis", "  soort: gratis\n  bedrag: 1e999", "kosten.bedrag", "gewoon getal"),
    (OFFERING, "  soort: gratis", "  soort: gratis\n  bedrag: .inf", "kosten.bedrag", "geen getal"),
    (OFFERING, "  soort: gratis", "  soort: gratis\n  bedrag: 250000", "kosten.bedrag", "hoogstens 100000"),
    (PARTNER, "website: https://www.voorbeeld-ggd-flevoland.nl", "website: https://www.ggd.nl@evil.example/",
     "website", "geen geldig webadres"),
    (OFFERING, "Je oefent met situaties", "Mail [ons](mailto:a@voorbeeld.nl?bcc=b@evil.example). Je oefent met situaties",
     "beschrijving", "?bcc="),
    (OFFERING, "Je oefent met situaties", "Zie [site](https://www.ggd.nl@evil.example/). Je oefent met situaties",
     "beschrijving", "gebruikersnaam"),
    (OFFERING, "aanmelden:\n", "bijeenkomsten:\n" + "".join(
        f'  - {{datum: 2027-03-{day:02}, van: "19:30", tot: "21:30"}}\n' for day in range(1, 29)) * 18
     + "aanmelden:\n", "bijeenkomsten", "meer dan 500"),
]
