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
  rather than guessing a letter. No letter of § 236.15 is confirmed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from petitions.counties import Agency, County, county_lookup

TRAFFICKING = "PC 236.14"
PARTNER_OR_SEXUAL_VIOLENCE = "PC 236.15"

# Pen. Code § 236.14(c): the prosecuting agency has 45 days from receipt.
RESPONSE_DAYS = 45

INCLUDED_STATUSES = ("likely", "possible")
REVIEW_STATUS = "needs_review"


def blank(what: str) -> str:
    """The marker for a fact only the petitioner or counsel can supply."""
    return f"[TO BE COMPLETED: {what}]"


@dataclass(frozen=True)
class Statute:
    """The vacatur statute a petition is brought under, and how to cite it."""

    remedy: str
    section: str
    victim_of: str
    victimization: str
    confirmed_subdivisions: frozenset[str]

    def cite(self, subdivision: str | None = None) -> str:
        """Cite a subdivision only if its letter is confirmed; else "see §"."""
        if subdivision and subdivision in self.confirmed_subdivisions:
            return f"Pen. Code, §\u00a0{self.section}, subd.\u00a0({subdivision})"
        return f"see Pen. Code, §\u00a0{self.section}"

    @property
    def is_trafficking(self) -> bool:
        return self.remedy == TRAFFICKING

    @property
    def cites(self) -> dict[str, str]:
        """Citations by subdivision letter, for templates."""
        letters = "abcdefghijklmnopqrst"
        return {letter: self.cite(letter) for letter in letters} | {"": self.cite()}


STATUTES: dict[str, Statute] = {
    TRAFFICKING: Statute(
        remedy=TRAFFICKING,
        section="236.14",
        victim_of="a victim of human trafficking",
        victimization="human trafficking",
        confirmed_subdivisions=frozenset("abcdefiq"),
    ),
    PARTNER_OR_SEXUAL_VIOLENCE: Statute(
        remedy=PARTNER_OR_SEXUAL_VIOLENCE,
        section="236.15",
        victim_of="a victim of intimate partner violence or sexual violence",
        victimization="intimate partner violence or sexual violence",
        confirmed_subdivisions=frozenset(),
    ),
}

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

EVIDENCE_STATUSES: dict[str, str] = {
    "attached": "Attached",
    "will_obtain": "Will obtain",
    "not_sharing": "Not sharing",
}

DISPOSITION_WORDS = {
    "conviction": "Conviction",
    "arrest": "Arrest, no conviction",
    "juvenile_adjudication": "Juvenile adjudication",
    "pending": "Pending",
}


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


@dataclass(frozen=True)
class PacketRecord:
    """A record as printed: the candidate plus what the drafter told us."""

    candidate: CandidateRecord
    case_number: str
    agency: Agency
    agency_unsure: bool

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
    def agencies(self) -> tuple[Agency, ...]:
        """Each prosecuting agency once, in record order (for service)."""
        seen: dict[str, Agency] = {}
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


@dataclass(frozen=True)
class Petitioner:
    """The petitioner as the public record will show them."""

    display_name: str
    uses_initials: bool
    address_lines: tuple[str, ...]
    phone: str
    city_signed: str


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


@dataclass(frozen=True)
class Packet:
    """Everything the packet templates print."""

    statute: Statute
    petitioner: Petitioner
    narrative: Narrative
    evidence: tuple[EvidenceItem, ...]
    county_packets: tuple[CountyPacket, ...]
    prepared_on: date
    service_date: date
    response_due: date
    victimization_ongoing: str
    sought_services: str


def statute_options(case: Mapping[str, Any]) -> list[str]:
    """Statutes the reported victimization supports, § 236.14 first.

    Trafficking points to § 236.14; partner or sexual violence to § 236.15.
    When both were reported the drafter chooses, and § 236.14 is the default.
    """
    kinds = set((case.get("victimization") or {}).get("kinds") or [])
    options = []
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
    case: Mapping[str, Any], screening: Mapping[str, Any], remedy: str
) -> list[CandidateRecord]:
    """Records to put in a petition under ``remedy``, in screening order.

    ``likely`` and ``possible`` records go in; ``needs_review`` records go in
    flagged for attorney review; ``not_eligible`` records, and records the
    engine did not evaluate for this remedy, stay out.
    """
    inputs = {str(r.get("id")): (i, r) for i, r in enumerate(case.get("records", []))}
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


def _petitioner(details: Mapping[str, Any]) -> Petitioner:
    name = str(details.get("name") or "").strip()
    uses_initials = bool(details.get("use_initials"))
    if uses_initials:
        display = initials_of(name) or blank("your initials")
    else:
        display = name or blank("your name")
    address = str(details.get("mailing_address") or "")
    lines = tuple(line.strip() for line in address.splitlines() if line.strip())
    return Petitioner(
        display_name=display,
        uses_initials=uses_initials,
        address_lines=lines or (blank("mailing address"),),
        phone=str(details.get("phone") or "").strip() or "None",
        city_signed=str(details.get("city_signed") or "").strip()
        or blank("city where you sign"),
    )


def _narrative(details: Mapping[str, Any]) -> Narrative:
    def said(key: str, what: str) -> str:
        return str(details.get(key) or "").strip() or blank(what)

    return Narrative(
        began=said("began", "when it began"),
        ended=said("ended", "when it ended, or that it has not ended"),
        control=said("control", "who controlled you, and what they controlled"),
        direct_result=said(
            "direct_result", "how the offense happened because of what was done to you"
        ),
        left_or_services=said("left_or_services", "when you left or first sought help"),
        safety=str(details.get("safety") or "").strip(),
    )


def _evidence(details: Mapping[str, Any]) -> tuple[EvidenceItem, ...]:
    items = []
    exhibit = ord("A")
    for key, label in EVIDENCE_ITEMS:
        status = details.get(f"evidence_{key}") or "not_sharing"
        if status not in EVIDENCE_STATUSES:
            status = "not_sharing"
        letter = None
        if status == "attached":
            letter = chr(exhibit)
            exhibit += 1
        items.append(EvidenceItem(key=key, label=label, status=status, exhibit=letter))
    return tuple(items)


def _agency_for(
    candidate: CandidateRecord, county: County | None, choice: str
) -> tuple[Agency, bool]:
    """The office to serve for one record, and whether that is a guess.

    Felonies: the district attorney. Misdemeanors: the city office the
    drafter picked, else the district attorney, flagged as unsure when the
    county has city prosecutors (§ 236.14(c) service runs to the agency that
    actually prosecuted).
    """
    if county is None:
        unknown = Agency(name=blank("prosecuting agency"), address=(blank("address"),))
        return unknown, True
    if not candidate.is_misdemeanor_or_lower:
        return county.district_attorney, False
    city_office = county.city_prosecutor(choice) if choice else None
    if city_office is not None:
        return city_office, False
    unsure = choice != "da" and bool(county.city_prosecutors)
    return county.district_attorney, unsure


def packet_build(
    *,
    case: Mapping[str, Any],
    screening: Mapping[str, Any],
    details: Mapping[str, Any],
    today: date,
) -> Packet:
    """Assemble the packet: one consolidated petition per county.

    Same-county records share one petition (Cal. Stds. Jud. Admin., std.
    4.15(a)); records from different counties cannot be consolidated without
    every prosecutor's agreement (§ 236.14(e)), so each county gets its own.
    """
    options = statute_options(case)
    remedy = details.get("statute") or (options[0] if options else TRAFFICKING)
    statute = STATUTES[remedy]
    groups: dict[str, list[PacketRecord]] = {}
    counties: dict[str, County | None] = {}
    for candidate in candidate_records(case, screening, remedy):
        county = county_lookup(candidate.county_name)
        label = county.name if county else blank("county")
        choice = str(details.get(f"prosecutor_{candidate.index}") or "")
        agency, unsure = _agency_for(candidate, county, choice)
        number = str(details.get(f"case_number_{candidate.index}") or "").strip()
        groups.setdefault(label, []).append(
            PacketRecord(
                candidate=candidate,
                case_number=number or blank("case number"),
                agency=agency,
                agency_unsure=unsure,
            )
        )
        counties[label] = county
    service_date = details.get("service_date") or today
    victimization = case.get("victimization") or {}
    return Packet(
        statute=statute,
        petitioner=_petitioner(details),
        narrative=_narrative(details),
        evidence=_evidence(details),
        county_packets=tuple(
            CountyPacket(county=counties[label], county_label=label, records=tuple(rs))
            for label, rs in groups.items()
        ),
        prepared_on=today,
        service_date=service_date,
        response_due=service_date + timedelta(days=RESPONSE_DAYS),
        victimization_ongoing=str(victimization.get("ongoing") or "unsure"),
        sought_services=str(victimization.get("sought_services") or "unsure"),
    )
