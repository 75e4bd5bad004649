"""What goes into a filing packet, decided before any HTML is written.

``packet_build`` turns a finished screening (contract input and output JSON,
docs/screening-api.md) and the optional drafting details into a
``Packet``: which statute, which records, which court and which prosecutor
for each county, what the declaration says, and the 45-day response date.
Templates only lay the packet out; every legal choice is made here, where it
can be tested without WeasyPrint.

Two rules run through the whole module:

* Never invent a fact. Anything the person did not tell us becomes a
  clearly marked blank, ``[TO BE COMPLETED: ...]``.
* Cite only what the legal brief confirms. For § 236.14 the brief confirms
  subdivisions (a)-(f), (i) and (q); every other point says "see § 236.14"
  rather than guessing a letter. No letter of § 236.15 is confirmed. The
  confirmed letters and the response time are law data, dated and cited
  (``screener.rules.petition``), not constants of this module.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.utils.dates import MONTHS
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, pgettext_lazy

from petitions.counties import Agency, County, county_lookup
from screener.rules.contract import Remedy, Status
from screener.rules.petition import petition_law

TRAFFICKING = Remedy.PC_236_14
PARTNER_OR_SEXUAL_VIOLENCE = Remedy.PC_236_15

# Which screening statuses the packet drafts for: a choice of this tool
# (likely and possible records, and those a lawyer should review), not law.
INCLUDED_STATUSES = (Status.LIKELY, Status.POSSIBLE)
REVIEW_STATUS = Status.NEEDS_REVIEW


def blank(what: str) -> str:
    """The marker for a fact only the petitioner or counsel can supply.

    ``render.mark_blanks`` finds these in the rendered HTML and highlights
    them in the PDF and the Word twin alike.
    """
    return f"[TO BE COMPLETED: {what}]"


# Characters that cannot appear in XML 1.0 (so in a DOCX) or that make
# printed text read differently from what was typed: C0 and C1 controls
# except tab and line breaks, surrogates, the noncharacters (U+FDD0-U+FDEF
# and U+xFFFE/U+xFFFF of every plane), bidirectional overrides and isolates.
_NONCHARACTERS = "".join(
    f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(17)
)
_UNPRINTABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
    "\u202a-\u202e\u2066-\u2069" + _NONCHARACTERS + "]"
)


def printable(text: str) -> str:
    """``text`` without the characters no court paper (or DOCX) can hold.

    Stored cases and offense strings reach the papers without passing the
    drafting form, so the rendered HTML as a whole goes through here once,
    before both the PDF and the Word twin are made from it.
    """
    return _UNPRINTABLE.sub("", text)


@dataclass(frozen=True)
class Statute:
    """The vacatur statute a petition is brought under, and how to cite it."""

    remedy: str
    section: str
    victim_of: str
    victimization: str
    confirmed_subdivisions: frozenset[str]
    # Days the prosecuting agency has to respond from receipt of service.
    response_days: int

    def cite(self, subdivision: str | None = None) -> str:
        """Cite a subdivision only if its letter is confirmed; else "see §".

        Worded in the active language: the papers are always rendered in
        English, the "Before you file" sheet in the reader's language
        ("Código Penal, art. 236.14"). The spaces after "§" and "subd."
        are no-break spaces (U+00A0), so a citation never breaks there.
        """
        if subdivision and subdivision in self.confirmed_subdivisions:
            return _("Pen. Code, § %(section)s, subd. (%(letter)s)") % {
                "section": self.section,
                "letter": subdivision,
            }
        return _("see Pen. Code, § %(section)s") % {"section": self.section}

    @property
    def is_trafficking(self) -> bool:
        return self.remedy == TRAFFICKING

    @property
    def cites(self) -> dict[str, str]:
        """Citations by subdivision letter, for templates."""
        letters = "abcdefghijklmnopqrst"
        return {letter: self.cite(letter) for letter in letters} | {"": self.cite()}


# How the papers name the victimization of each statute (the law's words;
# the law itself is in screener/rules/data/law).
VICTIMIZATION: dict[str, str] = {
    TRAFFICKING: "human trafficking",
    PARTNER_OR_SEXUAL_VIOLENCE: "intimate partner violence or sexual violence",
}


def statute_for(remedy: str, as_of: date) -> Statute:
    """The statute a petition under ``remedy`` is brought under, on ``as_of``."""
    law = petition_law(remedy, as_of)
    return Statute(
        remedy=remedy,
        section=law.section,
        victim_of=f"a victim of {VICTIMIZATION[remedy]}",
        victimization=VICTIMIZATION[remedy],
        confirmed_subdivisions=law.confirmed_subdivisions,
        response_days=law.response_days,
    )


EVIDENCE_ITEMS: tuple[tuple[str, str], ...] = (
    ("t_visa", "T visa approval notice (Form I-797 for Form I-914)"),
    ("i914b", "Form I-914, Supplement B, law enforcement declaration"),
    ("continued_presence", "Continued Presence granted by federal law enforcement"),
    ("u_visa", "U visa approval or Form I-918, Supplement B, certification"),
    (
        "pc_236_2",
        "Identification as a victim by a law enforcement agency (Pen. Code, § 236.2)",
    ),
    ("protective_order", "Protective or restraining order"),
    ("police_report", "Police report naming the trafficker or abuser"),
    ("service_provider_letter", "Letter from a service provider or caseworker"),
    ("therapist_declaration", "Declaration of a therapist or clinician"),
    (
        "expert_declaration",
        "Expert declaration (Evid. Code, §§ 1107, 1107.5)",
    ),
    ("corroborating_declarations", "Corroborating declarations of witnesses"),
)

# Evidence that reveals immigration status (T visa, U visa, Continued
# Presence, Forms I-914 and I-918). It is never named in a public paper: the
# petition only says that further evidence will be lodged conditionally
# under seal or shown in camera, and the sealed attachment lists it.
CONFIDENTIAL_EVIDENCE = frozenset({"t_visa", "i914b", "continued_presence", "u_visa"})

# What the form records; "not_sharing" (the default) puts nothing in a paper.
EVIDENCE_STATUSES: dict[str, str] = {
    "attached": "Attached",
    "will_obtain": "To be provided",
}

DISPOSITION_WORDS = {
    "conviction": "Conviction",
    "arrest": "Arrest, no conviction",
    "juvenile_adjudication": "Juvenile adjudication",
    "pending": "Pending",
}
LEVEL_WORDS = {
    "felony": "Felony",
    "misdemeanor": "Misdemeanor",
    "infraction": "Infraction",
}

# Languages a statement may be written in; anything but English gets an
# English translation blank and a translator's declaration. Named in the
# active language: English in the papers, the reader's on the sheet.
STATEMENT_LANGUAGES = {
    "en": pgettext_lazy("language, within a sentence", "English"),
    "es": pgettext_lazy("language, within a sentence", "Spanish"),
}

# Languages the "Before you file" sheet is written in. The papers after it
# are always in English: California courts take English filings.
SHEET_LANGUAGES = ("en", "es")


@dataclass(frozen=True)
class CandidateRecord:
    """A screened record that belongs in a petition under one statute."""

    index: int
    record_id: str
    county_name: str | None
    offense_code: str
    offense_title: str
    level: str
    disposition: str
    status: str
    while_victimized: str
    direct_result: str

    @property
    def needs_attorney_review(self) -> bool:
        return self.status == REVIEW_STATUS

    @property
    def is_misdemeanor_or_lower(self) -> bool:
        """Only misdemeanors may be prosecuted by a city office."""
        return self.level in ("misdemeanor", "infraction", "unknown")

    @property
    def level_words(self) -> str:
        return LEVEL_WORDS.get(self.level, blank("felony or misdemeanor"))

    @property
    def offense_words(self) -> str:
        """Code and title, or a blank; never empty brackets."""
        code = self.offense_code.strip() or blank("offense")
        title = self.offense_title.strip()
        return f"{code} ({title})" if title else code


@dataclass(frozen=True)
class Office:
    """A court or prosecuting office as printed, blanks where unknown.

    Built from the county directory, whose entries carry the page each
    address was taken from (``source``) and when (``checked``); an address
    nobody could source is empty there and prints as a blank here.
    """

    name: str
    address_lines: tuple[str, ...]
    phone: str
    source: str = ""
    checked: date | None = None
    known: bool = True


def office_of(agency: Agency) -> Office:
    """An ``Office`` for a directory agency, whatever it could source."""
    lines = tuple(str(line) for line in (agency.address or ()) if str(line).strip())
    return Office(
        name=agency.name,
        address_lines=lines or (blank(f"mailing address of the {agency.name}"),),
        phone=agency.phone or blank(f"telephone of the {agency.name}"),
        source=agency.source or "",
        checked=agency.checked,
    )


def court_of(county: County | None) -> Office:
    """Where the petition is filed in ``county`` (blanks if not sourced)."""
    if county is None:
        return Office(
            name=blank("superior court of the county of the case"),
            address_lines=(blank("court's address"),),
            phone=blank("court's telephone"),
            known=False,
        )
    lines = tuple(str(line) for line in (county.court_address or ()) if line)
    return Office(
        name=county.court_name,
        address_lines=lines or (blank(f"filing address of the {county.court_name}"),),
        # Each office's own source and date (petitions/data/counties.yaml).
        phone=county.court.phone or blank(f"telephone of the {county.court_name}"),
        source=county.court.source or "",
        checked=county.court.checked,
    )


UNKNOWN_PROSECUTOR = Office(
    name=blank("prosecuting agency that obtained the conviction"),
    address_lines=(blank("its mailing address"),),
    phone=blank("its telephone"),
    known=False,
)


@dataclass(frozen=True)
class Wording:
    """A message marked for translation and its values, worded when printed.

    A packet is built once, but what only the "Before you file" sheet says is
    printed in the sheet's language: such text is kept as its English
    message (marked with ``gettext_noop``) and its values, and ``str()``
    puts it into words in the language active at that moment.
    """

    message: str
    values: tuple[tuple[str, str], ...] = ()

    def __str__(self) -> str:
        return _(self.message) % dict(self.values)


@dataclass(frozen=True)
class PacketRecord:
    """A record as printed: the candidate plus what the drafter told us."""

    candidate: CandidateRecord
    case_number: str
    agency: Office
    # Why the prosecuting agency could not be worked out (None when it could).
    unknown_because: Wording | None = None

    @property
    def agency_unsure(self) -> bool:
        return not self.agency.known

    @property
    def agency_unknown_because(self) -> str:
        """Why the prosecuting agency is left blank, in the active language."""
        return str(self.unknown_because) if self.unknown_because else ""

    @property
    def disposition_words(self) -> str:
        return DISPOSITION_WORDS.get(self.candidate.disposition, blank("disposition"))

    @property
    def relief_words(self) -> str:
        """What the court is asked to vacate for this record."""
        if self.candidate.disposition == "arrest":
            return "the arrest"
        if self.candidate.disposition == "juvenile_adjudication":
            return "the arrest and the juvenile adjudication"
        return "the arrest and the conviction"


@dataclass(frozen=True)
class CountyPacket:
    """One consolidated petition: every record from one county."""

    county: County | None
    county_label: str
    records: tuple[PacketRecord, ...]

    @property
    def court(self) -> Office:
        return court_of(self.county)

    @property
    def agencies(self) -> tuple[Office, ...]:
        """Each prosecuting agency once, in record order (for service)."""
        seen: dict[str, Office] = {}
        for record in self.records:
            seen.setdefault(record.agency.name, record.agency)
        return tuple(seen.values())

    @property
    def case_numbers(self) -> tuple[str, ...]:
        return tuple(record.case_number for record in self.records)

    @property
    def has_review_records(self) -> bool:
        return any(r.candidate.needs_attorney_review for r in self.records)

    @property
    def has_juvenile_records(self) -> bool:
        return any(
            r.candidate.disposition == "juvenile_adjudication" for r in self.records
        )

    @property
    def unknown_agency_records(self) -> tuple[PacketRecord, ...]:
        return tuple(r for r in self.records if r.agency_unsure)


@dataclass(frozen=True)
class Petitioner:
    """The petitioner as the public record will show them."""

    display_name: str
    full_name: str
    uses_initials: bool
    address_lines: tuple[str, ...]
    phone: str
    email: str
    city_signed: str


@dataclass(frozen=True)
class Attorney:
    """Counsel who signs the papers (attorney mode, from a legal-aid case)."""

    name: str
    bar_number: str
    firm: str
    address_lines: tuple[str, ...]
    phone: str
    email: str


@dataclass(frozen=True)
class Narrative:
    """The guided "direct result" narrative, in the petitioner's own words."""

    began: str
    ended: str
    control: str
    direct_result: str
    left_or_services: str
    safety: str


@dataclass(frozen=True)
class EvidenceItem:
    key: str
    label: str
    status: str
    exhibit: str | None = None

    @property
    def status_words(self) -> str:
        return EVIDENCE_STATUSES[self.status]

    @property
    def confidential(self) -> bool:
        return self.key in CONFIDENTIAL_EVIDENCE


@dataclass(frozen=True)
class Packet:
    """Everything the packet templates print."""

    statute: Statute
    petitioner: Petitioner
    narrative: Narrative
    evidence: tuple[EvidenceItem, ...]
    county_packets: tuple[CountyPacket, ...]
    prepared_on: date
    service_date: date | None
    response_due: date | None
    victimization_ongoing: str
    sought_services: str
    attorney: Attorney | None = None
    statement_language: str = "en"
    law_checked_on: date | None = None
    sealed_evidence: tuple[EvidenceItem, ...] = field(default=())
    # The language of the "Before you file" sheet (``SHEET_LANGUAGES``): the
    # one place it is decided; the papers are English whatever it is.
    sheet_language: str = "en"

    @property
    def translated(self) -> bool:
        """The statement is not in English: translation and declaration needed."""
        return self.statement_language != "en"

    @property
    def statement_language_name(self) -> str:
        """The statement's language, named in the active language."""
        return str(STATEMENT_LANGUAGES.get(self.statement_language, "Spanish"))

    @property
    def has_attachments(self) -> bool:
        return any(item.exhibit for item in self.evidence)


def statute_options(facts: Mapping[str, Any]) -> list[str]:
    """Statutes the reported victimization supports, § 236.14 first.

    Trafficking points to § 236.14; partner or sexual violence to § 236.15.
    When both were reported the drafter chooses, and § 236.14 is the default.
    """
    kinds = set((facts.get("victimization") or {}).get("kinds") or [])
    options: list[str] = []
    if "human_trafficking" in kinds:
        options.append(TRAFFICKING)
    if kinds & {"intimate_partner_violence", "sexual_violence"}:
        options.append(PARTNER_OR_SEXUAL_VIOLENCE)
    return options


def _remedy_status(output_record: Mapping[str, Any], remedy: str) -> str | None:
    for entry in output_record.get("remedies") or []:
        if entry.get("remedy") == remedy:
            return str(entry.get("status"))
    return None


def candidate_records(
    facts: Mapping[str, Any], screening: Mapping[str, Any], remedy: str
) -> list[CandidateRecord]:
    """Records to put in a petition under ``remedy``, in screening order.

    ``likely`` and ``possible`` records go in; ``needs_review`` records go in
    flagged for attorney review; ``not_eligible`` records, and records the
    engine did not evaluate for this remedy, stay out.
    """
    inputs = {str(r.get("id")): (i, r) for i, r in enumerate(facts.get("records", []))}
    wanted = (*INCLUDED_STATUSES, REVIEW_STATUS)
    candidates = []
    for output in screening.get("records", []):
        status = _remedy_status(output, remedy)
        found = inputs.get(str(output.get("id")))
        if status not in wanted or found is None:
            continue
        index, record = found
        offense = output.get("offense") or {}
        candidates.append(
            CandidateRecord(
                index=index,
                record_id=str(output.get("id")),
                county_name=record.get("county") or None,
                offense_code=str(offense.get("code") or record.get("offense") or ""),
                offense_title=str(offense.get("title") or ""),
                level=str(record.get("level") or "unknown"),
                disposition=str(record.get("disposition") or ""),
                status=str(status),
                while_victimized=str(record.get("while_victimized") or "unsure"),
                direct_result=str(record.get("direct_result") or "unsure"),
            )
        )
    return candidates


def initials_of(name: str) -> str:
    """ "Maria Lopez" -> "M.L."; already-typed initials ("M.L.") are kept."""
    letters = [word[0].upper() for word in re.findall(r"[^\W\d_]+", name)]
    return "".join(f"{letter}." for letter in letters)


def _said(details: Mapping[str, Any], key: str) -> str:
    return str(details.get(key) or "").strip()


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def _petitioner(details: Mapping[str, Any]) -> Petitioner:
    name = _said(details, "name")
    uses_initials = bool(details.get("use_initials"))
    if uses_initials:
        display = initials_of(name) or blank("initials")
    else:
        display = name or blank("full name")
    return Petitioner(
        display_name=display,
        full_name=name or blank("full legal name"),
        uses_initials=uses_initials,
        address_lines=_lines(_said(details, "mailing_address")),
        phone=_said(details, "phone"),
        email=_said(details, "email"),
        city_signed=_said(details, "city_signed") or blank("city where signed"),
    )


def _attorney(details: Mapping[str, Any]) -> Attorney | None:
    """Counsel's block, when the packet is drafted by an attorney."""
    if not details.get("attorney_mode"):
        return None
    return Attorney(
        name=_said(details, "attorney_name") or blank("attorney's name"),
        bar_number=_said(details, "attorney_bar_number") or blank("State Bar number"),
        firm=_said(details, "attorney_firm") or blank("firm or organization"),
        address_lines=_lines(_said(details, "attorney_address"))
        or (blank("attorney's mailing address"),),
        phone=_said(details, "attorney_phone") or blank("attorney's telephone"),
        email=_said(details, "attorney_email") or blank("attorney's email"),
    )


def _narrative(details: Mapping[str, Any]) -> Narrative:
    def said(key: str, what: str) -> str:
        return _said(details, key) or blank(what)

    return Narrative(
        began=said("began", "when it began"),
        ended=said("ended", "when it ended, or that it has not ended"),
        control=said("control", "who controlled the petitioner, and what"),
        direct_result=said(
            "direct_result", "how each offense was the direct result of the abuse"
        ),
        left_or_services=said(
            "left_or_services", "when the petitioner left or first sought help"
        ),
        safety=_said(details, "safety"),
    )


def _evidence(
    details: Mapping[str, Any],
) -> tuple[tuple[EvidenceItem, ...], tuple[EvidenceItem, ...]]:
    """(public evidence, sealed evidence): only what the petitioner listed.

    Public attached items get exhibit letters in list order; sealed items
    (immigration documents) get none, since they are never filed publicly.
    """
    public: list[EvidenceItem] = []
    sealed: list[EvidenceItem] = []
    exhibit = ord("A")
    for key, label in EVIDENCE_ITEMS:
        status = details.get(f"evidence_{key}")
        if status not in EVIDENCE_STATUSES:
            continue  # not sharing, or nothing chosen: not listed anywhere
        if key in CONFIDENTIAL_EVIDENCE:
            sealed.append(EvidenceItem(key=key, label=label, status=status))
            continue
        letter = None
        if status == "attached":
            letter = chr(exhibit)
            exhibit += 1
        public.append(EvidenceItem(key=key, label=label, status=status, exhibit=letter))
    return tuple(public), tuple(sealed)


# The answer to "where were you arrested" that means "not in a city with its
# own prosecutor": the district attorney prosecuted.
ELSEWHERE_IN_COUNTY = "da"


def _agency_for(
    candidate: CandidateRecord, county: County | None, arrest_city: str
) -> tuple[Office, Wording | None]:
    """The office to serve for one record, and why it is unknown if it is.

    § 236.14(c): service runs to the agency that obtained the conviction.
    Felonies: the district attorney. Misdemeanors: the city attorney or city
    prosecutor of the city of arrest when the directory lists that city as
    prosecuting its own misdemeanors, else the district attorney. When the
    city or the level is not known and the answer turns on it, the office is
    left blank for the docket to tell (never the DA by default).
    """
    if county is None:
        return UNKNOWN_PROSECUTOR, Wording(
            gettext_noop("the county of the case is not known")
        )
    if candidate.level == "felony" or not county.city_prosecutors:
        return office_of(county.district_attorney), None
    city_office = county.city_prosecutor(arrest_city) if arrest_city else None
    if city_office is not None:
        if candidate.level == "unknown":
            return UNKNOWN_PROSECUTOR, Wording(
                gettext_noop(
                    "the %(district_attorney)s prosecutes it if it was a felony, "
                    "the %(city_office)s if it was a misdemeanor"
                ),
                (
                    ("district_attorney", county.district_attorney.name),
                    ("city_office", city_office.name),
                ),
            )
        return office_of(city_office), None
    if arrest_city == ELSEWHERE_IN_COUNTY:
        return office_of(county.district_attorney), None
    return UNKNOWN_PROSECUTOR, Wording(
        gettext_noop(
            "in %(county)s County some cities prosecute their own misdemeanors, "
            "and the city of arrest is not known"
        ),
        (("county", county.name),),
    )


def law_checked_on(as_of: date) -> date | None:
    """The oldest ``last_verified`` among the laws in force on ``as_of``.

    The packet can claim no later check than its least recently checked
    law. A local helper until the rules expose one of their own.
    """
    from screener.rules.law import laws

    dates = [law.last_verified for law in laws().values() if law.in_force(as_of)]
    return min(dates) if dates else None


def packet_build(
    *,
    facts: Mapping[str, Any],
    screening: Mapping[str, Any],
    details: Mapping[str, Any],
    today: date,
    sheet_language: str = "en",
) -> Packet:
    """Assemble the packet: one consolidated petition per county.

    Same-county records share one petition (Cal. Stds. Jud. Admin., std.
    4.15(a)); records from different counties cannot be consolidated without
    every prosecutor's agreement (§ 236.14(e)), so each county gets its own.

    ``sheet_language`` is the language the survivor reads the site in: her
    "Before you file" sheet is written in it. An attorney's sheet stays in
    English, as the papers always do.
    """
    options = statute_options(facts)
    remedy = details.get("statute") or (options[0] if options else TRAFFICKING)
    statute = statute_for(remedy, today)
    groups: dict[str, list[PacketRecord]] = {}
    counties: dict[str, County | None] = {}
    for candidate in candidate_records(facts, screening, remedy):
        county = county_lookup(candidate.county_name)
        label = county.name if county else blank("county")
        city = str(details.get(f"prosecutor_{candidate.index}") or "")
        agency, because = _agency_for(candidate, county, city)
        number = _said(details, f"case_number_{candidate.index}")
        groups.setdefault(label, []).append(
            PacketRecord(
                candidate=candidate,
                case_number=number or blank("case number"),
                agency=agency,
                unknown_because=because,
            )
        )
        counties[label] = county
    service_date = details.get("service_date") or None
    victimization = facts.get("victimization") or {}
    public, sealed = _evidence(details)
    language = str(details.get("statement_language") or "en")
    attorney = _attorney(details)
    return Packet(
        statute=statute,
        petitioner=_petitioner(details),
        narrative=_narrative(details),
        evidence=public,
        sealed_evidence=sealed,
        county_packets=tuple(
            CountyPacket(county=counties[label], county_label=label, records=tuple(rs))
            for label, rs in groups.items()
        ),
        prepared_on=today,
        service_date=service_date,
        response_due=service_date + timedelta(days=statute.response_days)
        if service_date
        else None,
        victimization_ongoing=str(victimization.get("ongoing") or "unsure"),
        sought_services=str(victimization.get("sought_services") or "unsure"),
        attorney=attorney,
        statement_language=language if language in STATEMENT_LANGUAGES else "en",
        law_checked_on=law_checked_on(today),
        sheet_language=sheet_language
        if attorney is None and sheet_language in SHEET_LANGUAGES
        else "en",
    )


@dataclass(frozen=True)
class SheetSection:
    """One heading of the "Before you file" sheet and its points."""

    title: str
    points: tuple[str, ...]


def date_words(day: date) -> str:
    """A date written out in the active language, the month in full.

    "December 1, 2026" on the papers and an English sheet; "1 de diciembre
    de 2026" on a Spanish sheet (the order and the "de" are the
    translation's, the month's name Django's).
    """
    # Translators: a date written out, e.g. "December 1, 2026". Spanish:
    # "1 de diciembre de 2026".
    return _("%(month)s %(day)s, %(year)s") % {
        "month": MONTHS[day.month],
        "day": day.day,
        "year": day.year,
    }


def before_you_file(packet: Packet) -> tuple[SheetSection, ...]:  # noqa: C901
    """The drafting notes: everything to check and do, kept out of the papers.

    The filed papers carry no drafting note, no "verify" flag and no note on
    unverified law; all of it is here, on a sheet that says it is not part of
    the filing. It speaks to the attorney ("your client") in attorney mode.

    Worded in the active language (``render.sheet_render_html`` makes it
    ``packet.sheet_language``). Each sentence is one message, with the
    attorney's wording a message of its own, so a translation never has to
    stitch "you" and "your client" into a sentence. What comes from the
    papers (case numbers, offenses, county, court and office names,
    addresses) is put in as it is printed there.
    """
    lawyer = packet.attorney is not None
    s = packet.statute
    checks: list[str] = [
        _(
            "Fill in every highlighted [TO BE COMPLETED: ...] blank, by hand or "
            "in the Word file, and read every paper through before anyone signs it."
        ),
        _("Check each case number against the court's record of the case."),
    ]
    for cp in packet.county_packets:
        for r in cp.records:
            if r.candidate.needs_attorney_review:
                checks.append(
                    _(
                        "Case no. %(number)s (%(offense)s, %(county)s County): the "
                        "screening could not confirm that this record qualifies. A "
                        "lawyer should confirm it, or remove it from the papers, "
                        "before filing."
                    )
                    % {
                        "number": r.case_number,
                        "offense": r.candidate.offense_words,
                        "county": cp.county_label,
                    }
                )
        if cp.has_juvenile_records:
            checks.append(
                _(
                    "%(county)s County: a juvenile adjudication may have to be "
                    "filed in the juvenile court, under that court's caption and "
                    "confidentiality rules (Welf. & Inst. Code, § 827). Ask the "
                    "clerk or a lawyer."
                )
                % {"county": cp.county_label}
            )
    if not s.is_trafficking:
        checks.append(
            _(
                "Section 236.15 is cited without subdivision letters: the "
                "procedure in the memorandum (service, the %(days)s-day response, "
                "unopposed petitions, hearings, the stay of fines, timing and the "
                "confidentiality of the name) is stated from section 236.14, "
                "which section 236.15 is understood to mirror. Check the text of "
                "section 236.15 before filing."
            )
            % {"days": s.response_days}
        )
    if packet.petitioner.uses_initials or packet.sealed_evidence:
        checks.append(
            _(
                "The confidential attachment is not listed in the proof of "
                "service. Decide, with the clerk's sealing procedure in hand, "
                "whether and how the prosecuting office is given it."
            )
        )
    checks.append(
        _(
            "The proposed order asks that records be sealed within one year of "
            "the arrest or 90 days of the order, whichever is later, and then "
            "destroyed. Check the periods in the current statute."
        )
    )
    if packet.translated:
        language = {"language": packet.statement_language_name}
        if lawyer:
            translation_needed = _(
                "Your client's statement is in %(language)s, as written. The "
                "court needs an English translation: a translator fills in the "
                "English translation under each passage of the declaration and "
                "signs the translator's declaration at its end."
            )
        else:
            translation_needed = _(
                "Your statement is in %(language)s, as written. The court needs "
                "an English translation: a translator fills in the English "
                "translation under each passage of the declaration and signs the "
                "translator's declaration at its end."
            )
        checks.append(translation_needed % language)
    names: list[str] = []
    if packet.petitioner.uses_initials:
        initials = {"initials": packet.petitioner.display_name}
        if lawyer:
            only_initials = _(
                "The papers use your client's initials (%(initials)s) everywhere, "
                "as the request for confidentiality asks. One paper carries your "
                "client's full name: the confidential attachment, lodged "
                "conditionally under seal, because the court must be able to "
                "match your client to the case records. Do not write the full "
                "name on any other paper. Confirm the court's local practice for "
                "the confidential attachment."
            )
        else:
            only_initials = _(
                "The papers use your initials (%(initials)s) everywhere, as the "
                "request for confidentiality asks. One paper carries your full "
                "name: the confidential attachment, lodged conditionally under "
                "seal, because the court must be able to match you to the case "
                "records. Do not write the full name on any other paper. Confirm "
                "the court's local practice for the confidential attachment."
            )
        names.append(only_initials % initials)
    elif lawyer:
        names.append(
            _(
                "The papers use your client's full name, as chosen. The law keeps "
                "the full name out of the public record of these petitions; using "
                "initials instead is safer for many people. To use initials, "
                "draft the papers again with that box ticked."
            )
        )
    else:
        names.append(
            _(
                "The papers use your full name, as chosen. The law keeps the full "
                "name out of the public record of these petitions; using initials "
                "instead is safer for many people. To use initials, draft the "
                "papers again with that box ticked."
            )
        )
    if packet.sealed_evidence:
        names.append(
            _(
                "Documents that show immigration status (T visa, U visa, Continued "
                "Presence, Forms I-914 or I-918) are not named in any public "
                "paper. They are listed only in the confidential attachment, to "
                "be lodged conditionally under seal or shown to the judge in "
                "camera. Never attach them to the petition itself."
            )
        )
    where: list[str] = []
    for cp in packet.county_packets:
        court = cp.court
        where.append(
            _(
                "%(county)s County: file with the %(court)s, %(address)s. "
                "Telephone: %(phone)s."
            )
            % {
                "county": cp.county_label,
                "court": court.name,
                "address": ", ".join(court.address_lines),
                "phone": court.phone,
            }
            + _provenance(court)
        )
    if lawyer:
        copies = _(
            "Make copies before filing: the clerk keeps the original; keep one "
            "copy for your client and one for each prosecuting office to be "
            "served. Ask the clerk whether the court wants more, and how it "
            "takes papers lodged under seal. Filing fees are waived for these "
            "petitions; ask the clerk if asked to pay."
        )
    else:
        copies = _(
            "Make copies before filing: the clerk keeps the original; keep one "
            "copy for you and one for each prosecuting office to be served. Ask "
            "the clerk whether the court wants more, and how it takes papers "
            "lodged under seal. Filing fees are waived for these petitions; ask "
            "the clerk if asked to pay."
        )
    where.append(copies)
    if lawyer:
        who_serves = _(
            "Someone who is at least 18 and not a party (not your client) serves "
            "a copy of every paper on each prosecuting office below, by hand or "
            "by first-class mail, then dates and signs the proof of service. "
            "File the signed proof of service with the court (%(cite)s)."
        )
    else:
        who_serves = _(
            "Someone who is at least 18 and not a party (not you) serves a copy "
            "of every paper on each prosecuting office below, by hand or by "
            "first-class mail, then dates and signs the proof of service. File "
            "the signed proof of service with the court (%(cite)s)."
        )
    serve: list[str] = [who_serves % {"cite": s.cite("c")}]
    for cp in packet.county_packets:
        for agency in cp.agencies:
            if agency.known:
                serve.append(
                    _("%(office)s, %(address)s. Telephone: %(phone)s.")
                    % {
                        "office": agency.name,
                        "address": ", ".join(agency.address_lines),
                        "phone": agency.phone,
                    }
                    + _provenance(agency)
                )
        for r in cp.unknown_agency_records:
            serve.append(
                _(
                    "Case no. %(number)s: the prosecuting office is left blank "
                    "because %(reason)s. The court's docket (register of actions) "
                    "for the case names the prosecutor: ask the clerk, or look the "
                    "case up on the court's website, and write that office's name "
                    "and address in the blanks of the notice, the proposed order "
                    "and the proof of service."
                )
                % {"number": r.case_number, "reason": r.agency_unknown_because}
            )
    if packet.service_date and packet.response_due:
        response = _(
            "The prosecuting office has %(days)s days from service to respond "
            "(%(cite)s): served on %(served)s, its response is due by %(due)s."
        ) % {
            "days": s.response_days,
            "cite": s.cite("c"),
            "served": date_words(packet.service_date),
            "due": date_words(packet.response_due),
        }
    else:
        response = _(
            "The prosecuting office has %(days)s days from the day it is served "
            "to respond (%(cite)s). Count %(days)s days from the date on the "
            "signed proof of service."
        ) % {"days": s.response_days, "cite": s.cite("c")}
    if lawyer:
        unopposed = _(
            "If no opposition is filed, the court may treat the petition as "
            "unopposed and grant it (%(unopposed)s). A hearing is held only if "
            "the petition is opposed or the court decides it needs one "
            "(%(hearing)s). At a hearing the judge may hear your client, look at "
            "the evidence and hear the prosecutor's opposition."
        )
    else:
        unopposed = _(
            "If no opposition is filed, the court may treat the petition as "
            "unopposed and grant it (%(unopposed)s). A hearing is held only if "
            "the petition is opposed or the court decides it needs one "
            "(%(hearing)s). At a hearing the judge may hear you, look at the "
            "evidence and hear the prosecutor's opposition."
        )
    hearing = [
        response,
        unopposed % {"unopposed": s.cite("d"), "hearing": s.cite("f")},
        _(
            "Ask the clerk whether the court sets a hearing date when the "
            "petition is filed, and write it in the caption (date, time, "
            "department). An unopposed petitioner may appear by counsel; "
            "otherwise ask the court about appearing remotely (%(cite)s)."
        )
        % {"cite": s.cite()},
    ]
    sections = [
        SheetSection(_("What to check"), tuple(checks)),
        SheetSection(
            _("Your client's name in the papers")
            if lawyer
            else _("Your name in the papers"),
            tuple(names),
        ),
        SheetSection(_("Where to file"), tuple(where)),
        SheetSection(_("Serving the prosecutor"), tuple(serve)),
        SheetSection(_("After filing: the response and the hearing"), tuple(hearing)),
    ]
    return tuple(sections)


def _provenance(office: Office) -> str:
    """Where an address came from, or a warning that nobody checked it."""
    if office.source and office.checked:
        return " " + _("(Taken from %(source)s, checked %(checked)s.)") % {
            "source": office.source,
            "checked": date_words(office.checked),
        }
    return " " + _("(Not checked against an official source: confirm before filing.)")


def packet_record_ids(facts: Mapping[str, Any], output: dict[str, Any]) -> set[str]:
    """Ids of the records a drafted packet would cover, under any statute offered.

    Registered with ``screener.next_steps`` so the results page offers
    "Start a draft petition" only where a packet applies.
    """
    ids: set[str] = set()
    for statute in statute_options(facts) or [TRAFFICKING]:
        ids |= {c.record_id for c in candidate_records(facts, output, statute)}
    return ids
