"""Synthetic California RAP sheets with known truth, for the parser's tests.

Every sheet is made up: the names come from a list of invented words and
the numbers from a seeded random generator, so no real person's record is
ever in the suite. ``make_sheet(seed, cycles)`` gives the sheet's text and
the records the issue's rules say it holds; ``text_pdf`` prints it as a text
PDF (fpdf2) and ``scan_pdf`` as a scan: page images slightly rotated, with
speckle noise and blur, wrapped in a PDF with no text layer.
"""

from __future__ import annotations

import difflib
import io
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

AS_OF = date(2026, 12, 1)
LINES_PER_PAGE = 58

SURNAMES = ["QUELLBY", "VARNISH", "ORTOLAN", "MIREFIELD", "BRASKET", "TOLLIVANE"]
GIVEN = ["ZENNA", "ORLETTE", "MAVRIA", "TESSOLYN", "CORVINA", "ISOLDE"]

# (section as printed, code, description, levels, catalog code)
OFFENSES = [
    ("647(B)", "PC", "DISORDERLY CONDUCT:PROSTITUTION", "M", "PC 647(b)"),
    ("653.22(A)", "PC", "LOITER:INTENT COMMIT PROSTITUTION", "M", "PC 653.22(a)"),
    ("11350(A)", "HS", "POSSESS NARCOTIC CONTROLLED SUBSTANCE", "FM", "HS 11350(a)"),
    ("11377(A)", "HS", "POSSESS CONTROLLED SUBSTANCE", "FM", "HS 11377(a)"),
    ("484(A)", "PC", "THEFT OF PERSONAL PROPERTY", "MF", "PC 484(a)"),
    ("488", "PC", "PETTY THEFT", "M", "PC 488"),
    ("459", "PC", "BURGLARY", "FM", "PC 459"),
    ("496(A)", "PC", "RECEIVE/ETC KNOWN STOLEN PROPERTY", "FM", "PC 496(a)"),
    ("273.5(A)", "PC", "INFLICT CORPORAL INJ ON SPOUSE/COHAB", "FM", "PC 273.5(a)"),
    ("664/211", "PC", "ATTEMPTED ROBBERY", "F", "PC 664/211"),
    ("211", "PC", "ROBBERY", "F", "PC 211"),
    ("23152(A)", "VC", "DUI ALCOHOL/DRUGS", "MF", "VC 23152(a)"),
    ("14601.1(A)", "VC", "DRIVE WHILE LIC SUSPENDED/ETC", "M", "VC 14601.1(a)"),
    ("148(A)(1)", "PC", "OBSTRUCT/ETC PUBLIC OFFICER/ETC", "M", "PC 148(a)(1)"),
    ("245(A)(1)", "PC", "FORCE/ADW NOT FIREARM:GBI LIKELY", "FM", "PC 245(a)(1)"),
    ("470(D)", "PC", "FORGERY", "FM", "PC 470(d)"),
    ("10851(A)", "VC", "TAKE VEHICLE W/O OWNER CONSENT", "FM", "VC 10851(a)"),
    ("653M(A)", "PC", "ANNOYING/ETC TELEPHONE CALLS", "M", "PC 653m(a)"),
]

# (court, county); (arresting agency, county)
COURTS = [
    ("CASC LOS ANGELES", "Los Angeles"),
    ("CASC SAN FRANCISCO", "San Francisco"),
    ("CASC ALAMEDA", "Alameda"),
    ("CAMC HAYWARD", "Alameda"),
    ("CASC SACRAMENTO", "Sacramento"),
    ("CASC SAN DIEGO", "San Diego"),
    ("CASC FRESNO", "Fresno"),
    ("CASC RIVERSIDE", "Riverside"),
    ("CASC SANTA ANA", "Orange"),
    ("CASC CONTRA COSTA", "Contra Costa"),
    ("CASC SAN BERNARDINO", "San Bernardino"),
    ("CASC SANTA CLARA", "Santa Clara"),
]
JUVENILE_COURTS = [("CAJV ALAMEDA", "Alameda"), ("CAJV SACRAMENTO", "Sacramento")]
AGENCIES = [
    ("CAPD LOS ANGELES", "Los Angeles"),
    ("CAPD SAN FRANCISCO", "San Francisco"),
    ("CAPD OAKLAND", "Alameda"),
    ("CAPD SAN JOSE", "Santa Clara"),
    ("CASO SACRAMENTO", "Sacramento"),
    ("CAPD SAN DIEGO", "San Diego"),
    ("CAPD FRESNO", "Fresno"),
    ("CASO RIVERSIDE", "Riverside"),
    ("CAPD SANTA ANA", "Orange"),
    ("CAPD RICHMOND", "Contra Costa"),
    ("CAPD LONG BEACH", "Los Angeles"),
    ("CAPD HAYWARD", "Alameda"),
]
OTHER_STATE_AGENCIES = ["NVPD LAS VEGAS", "AZSO MARICOPA", "ORPD PORTLAND"]

SCORED = (
    "system",
    "disposition",
    "offense",
    "level",
    "county",
    "probation",
    "case_number",
    "arrest_date",
    "disposition_date",
    "arresting_agency",
    "court",
)


@dataclass
class Sheet:
    text: str
    person: dict[str, Any]
    records: list[dict[str, Any]] = field(default_factory=list)


def _d(value: date) -> str:
    return value.strftime("%Y%m%d")


def _level_word(level: str) -> str:
    return {"F": "FELONY", "M": "MISDEMEANOR", "I": "INFRACTION"}[level]


def _level(letter: str) -> str:
    return {"F": "felony", "M": "misdemeanor", "I": "infraction"}[letter]


class _Writer:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.lines: list[str] = []
        self.records: list[dict[str, Any]] = []

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    def record(self, **fields: Any) -> None:
        fields["id"] = str(len(self.records) + 1)
        self.records.append(fields)


def _probation_truth(months: int | None, when: date, relieved: bool) -> str:
    if months is None:
        return "none"
    if months < 0:
        return "unknown"
    if relieved:
        return "completed"
    year = when.year + (when.month - 1 + months) // 12
    month = (when.month - 1 + months) % 12 + 1
    end = date(year, month, min(when.day, 28))
    return "active" if end > AS_OF else "completed"


def _court_cycle(  # noqa: C901 - one cycle's many shapes, written out flat on purpose
    w: _Writer, start: date, *, juvenile: bool, arrest: bool
) -> None:
    rng = w.rng
    agency, agency_county = rng.choice(AGENCIES)
    court, county = rng.choice(JUVENILE_COURTS if juvenile else COURTS)
    arrest_date = start
    court_date = start + timedelta(days=rng.randint(10, 120))
    charges = rng.sample(OFFENSES, k=rng.randint(1, 3))
    if arrest:
        w.add(
            f"ARR/DET/CITE:         NAM:0{rng.randint(1, 2)}",
            f"{_d(arrest_date)}  {agency}",
            "",
        )
        for n, (sec, code, desc, levels, _) in enumerate(charges, start=1):
            booking = f"  #{rng.randint(100000, 9999999)}" if n == 1 else ""
            w.add(
                f"CNT:{n:02d}{booking}",
                f"  {sec} {code}-{desc}",
                f"  TOC:{levels[0]}",
                "",
            )
        w.add("- - - -")
    w.add("COURT:                NAM:01", f"{_d(court_date)}  {court}", "")
    case_number = (
        f"{rng.choice('BFMS')}{rng.choice('ACDHR')}{rng.randint(100000, 999999)}"
    )
    number = 1
    for index, (sec, code, desc, levels, canonical) in enumerate(charges):
        size = rng.choice([1, 1, 1, 2]) if index < 2 else 1
        span = f"{number:02d}" if size == 1 else f"{number:02d}-{number + size - 1:02d}"
        number += size
        case = f"     #{case_number}" if index == 0 else ""
        w.add(f"CNT:{span}{case}", f"  {sec} {code}-{desc}")
        toc = levels[0]
        toc_printed = rng.random() < 0.6
        if toc_printed:
            w.add(f"  TOC:{toc}")
        roll = rng.random()
        modifications: list[dict[str, Any]] = []
        probation = None
        conv_level = rng.choice(levels)
        if juvenile:
            disposition = "juvenile_adjudication"
            if rng.random() < 0.5:
                w.add("*DISPO:CONVICTED")
            else:
                w.add("*DISPO:PETITION SUSTAINED")
            w.add(f"   CONV STATUS:{_level_word(conv_level)}")
            level = _level(conv_level)
            probation = -1  # no sentence line: the sheet does not say
        elif roll < 0.62:
            disposition = "conviction"
            w.add("*DISPO:CONVICTED", f"   CONV STATUS:{_level_word(conv_level)}")
            level = _level(conv_level)
            kind = rng.random()
            if kind < 0.55:
                probation = rng.choice([12, 24, 36, 60])
                jail = rng.randint(1, 90)
                w.add(f"   SEN: {probation:03d} MONTHS PROBATION, {jail:03d} DAYS JAIL")
            elif kind < 0.8 or conv_level == "M":
                w.add(f"   SEN: {rng.randint(2, 180):03d} DAYS JAIL")
            else:
                w.add(f"   SEN: {rng.randint(16, 72):03d} MONTHS PRISON")
            later = court_date + timedelta(days=rng.randint(400, 3000))
            mod_roll = rng.random()
            if level == "felony" and mod_roll < 0.3 and later < AS_OF:
                w.add(
                    "",
                    f"  {_d(later)}",
                    "   DISPO:FELONY REDUCED TO MISDEMEANOR PER 1170.18 PC",
                )
                modifications.append(
                    {
                        "what": "reduced",
                        "section": "PC 1170.18",
                        "date": later.isoformat(),
                    }
                )
                level = "misdemeanor"
            elif level == "felony" and mod_roll < 0.4 and later < AS_OF:
                w.add(
                    "", f"  {_d(later)}", "   DISPO:REDUCED TO MISDEMEANOR PER 17(B) PC"
                )
                modifications.append(
                    {
                        "what": "reduced",
                        "section": "PC 17(b)",
                        "date": later.isoformat(),
                    }
                )
                level = "misdemeanor"
            elif probation and mod_roll < 0.6 and later < AS_OF:
                w.add(
                    "", f"  {_d(later)}", "   DISPO:CONV SET ASIDE & DISM PER 1203.4 PC"
                )
                modifications.append(
                    {
                        "what": "dismissed",
                        "section": "PC 1203.4",
                        "date": later.isoformat(),
                    }
                )
        else:
            disposition = "arrest"
            w.add(
                rng.choice(
                    [
                        "*DISPO:DISMISSED/FURTHERANCE OF JUSTICE",
                        "*DISPO:DISMISSED",
                        "*DISPO:ACQUITTED",
                    ]
                )
            )
            # Without a TOC line here or on the arrest, only a charge that
            # can be one level only says its level.
            knowable = toc_printed or arrest or len(levels) == 1
            level = _level(toc) if knowable else "unknown"
        w.add("")
        relieved = any(m["what"] == "dismissed" for m in modifications)
        prob_truth = (
            "none"
            if disposition == "arrest"
            else _probation_truth(probation, court_date, relieved)
        )
        for _ in range(size):
            w.record(
                system="california",
                disposition=disposition,
                offense=canonical,
                level=level,
                county=county,
                probation=prob_truth,
                case_number=case_number,
                arrest_date=arrest_date.isoformat() if arrest else None,
                disposition_date=court_date.isoformat(),
                arresting_agency=agency if arrest else None,
                court=court,
                modification=modifications[-1] if modifications else None,
            )
    del agency_county


def _arrest_cycle(w: _Writer, start: date, *, other_state: bool) -> None:
    rng = w.rng
    if other_state:
        agency, county, system = rng.choice(OTHER_STATE_AGENCIES), None, "other_state"
    else:
        (agency, county), system = rng.choice(AGENCIES), "california"
    w.add(
        f"ARR/DET/CITE:         NAM:01  DOB:{_d(start - timedelta(days=9000))}",
        f"{_d(start)}  {agency}",
        "",
    )
    for n, (sec, code, desc, levels, canonical) in enumerate(
        rng.sample(OFFENSES, k=rng.randint(1, 2)), start=1
    ):
        booking = f"     #{rng.randint(100000, 9999999)}" if n == 1 else ""
        w.add(f"CNT:{n:02d}{booking}", f"  {sec} {code}-{desc}", f"  TOC:{levels[0]}")
        if rng.random() < 0.4:
            w.add(
                rng.choice(
                    [
                        "   DISPO:RELEASED/DETENTION ONLY",
                        "   DISPO:PROS REJ-LACK OF SUFF EVIDENCE",
                    ]
                )
            )
        w.add("")
        w.record(
            system=system,
            disposition="arrest",
            offense=canonical,
            level=_level(levels[0]),
            county=county,
            probation="none",
            case_number=None,
            arrest_date=start.isoformat(),
            disposition_date=None,
            arresting_agency=agency,
            court=None,
            modification=None,
        )


def _other_cycle(w: _Writer, start: date) -> None:
    rng = w.rng
    kind = rng.choice(["custody", "applicant", "registration"])
    if kind == "custody":
        w.add(
            "CUSTODY:JAIL",
            "NAM:01",
            f"{_d(start)}  CASO LOS ANGELES",
            "CNT:01     #77712",
            "  459 PC-BURGLARY",
            "  TOC:F",
        )
    elif kind == "applicant":
        w.add(
            "APPLICANT:            NAM:01",
            f"{_d(start)}  CAAP DEPT OF SOCIAL SERVICES",
            "",
            "CNT:01     #A9921",
            "  APPLICANT ADULT DAY/RESIDENT REHAB",
        )
    else:
        w.add(
            "REGISTRATION:         NAM:01",
            f"{_d(start)}  CAPD FRESNO",
            "",
            "CNT:01",
            "  11590 HS-REGISTRATION OF CNTL SUB OFFENDER",
        )
    w.add("")


def make_sheet(seed: int, cycles: int) -> Sheet:
    """A sheet with ``cycles`` cycles and the records it holds."""
    rng = random.Random(seed)
    w = _Writer(rng)
    last, first = rng.choice(SURNAMES), rng.choice(GIVEN)
    dob = date(1970, 1, 1) + timedelta(days=rng.randint(0, 9000))
    names = [f"{last}, {first}"]
    for _ in range(rng.randint(0, 3)):
        alias = f"{rng.choice(SURNAMES)}, {rng.choice(GIVEN)}"
        if rng.random() < 0.5:
            alias += f" {rng.choice('ABCDEMR')}"
        if alias not in names:
            names.append(alias)
    cii = f"A{rng.randint(10000000, 99999999)}"
    w.add(
        f"CII/{cii}",
        f"DOB/{_d(dob)}    SEX/F   RAC/UNKNOWN",
        f"HGT/5{rng.randint(0, 11):02d}  WGT/{rng.randint(100, 220)}  EYE/BRO  HAI/BLK  POB/CA",
        f"NAM/01 {names[0]}",
        *[f"    {n:02d} {name}" for n, name in enumerate(names[1:], start=2)],
        f"FBI/{rng.randint(100000, 999999)}AB{rng.randint(1, 9)}",
        "",
    )
    start = dob + timedelta(days=365 * 14)
    juvenile_left = 2 if rng.random() < 0.5 else 0
    for _ in range(cycles):
        start += timedelta(days=rng.randint(30, 200))
        if start > AS_OF - timedelta(days=200):
            start = AS_OF - timedelta(days=rng.randint(200, 400))
        w.add("* * * *")
        roll = rng.random()
        if juvenile_left and start < dob + timedelta(days=365 * 18):
            juvenile_left -= 1
            _court_cycle(w, start, juvenile=True, arrest=True)
        elif roll < 0.55:
            _court_cycle(w, start, juvenile=False, arrest=rng.random() < 0.85)
        elif roll < 0.8:
            _arrest_cycle(w, start, other_state=False)
        elif roll < 0.88:
            _arrest_cycle(w, start, other_state=True)
        else:
            _other_cycle(w, start)
    w.add("* * * END OF MESSAGE * * *")
    person = {"names": names, "cii": cii, "dob": dob.isoformat()}
    return Sheet(text=_paginate(w.lines), person=person, records=w.records)


def _paginate(lines: list[str]) -> str:
    """Split into pages, each with the DOJ header lines and a page number."""
    body = LINES_PER_PAGE - 4
    chunks = [lines[i : i + body] for i in range(0, len(lines), body)] or [[]]
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        header = [
            f"{'CALIFORNIA DEPARTMENT OF JUSTICE':>50}{'Page ' + str(number) + ' of ' + str(len(chunks)):>30}",
            "RE: QHY.CA0000000000.00000000.01       DATE:20261101 TIME:09:15:02",
            "RESTRICTED-DO NOT USE FOR EMPLOYMENT,LICENSING OR CERTIFICATION PURPOSES",
            "",
        ]
        pages.append("\n".join(header + chunk))
    return "\f".join(pages)


def text_pdf(text: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="letter")
    pdf.set_auto_page_break(auto=False)
    pdf.set_font("Courier", size=9)
    for page in text.split("\f"):
        pdf.add_page()
        y = 12.0
        for line in page.split("\n"):
            pdf.text(12, y, line)
            y += 4.4
    return bytes(pdf.output())


_FONT_PATHS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf",
)


def _font(size: int) -> Any:
    from PIL import ImageFont

    for path in _FONT_PATHS:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size)


def scan_pdf(text: str, *, seed: int = 0, dpi: int = 200) -> bytes:
    """The sheet as a scan: skewed (up to 1.5 degrees), speckled, blurred pages."""
    from PIL import Image, ImageDraw, ImageFilter

    rng = random.Random(seed)
    width, height = int(8.5 * dpi), int(11 * dpi)
    font = _font(int(dpi * 0.118))
    step = int(dpi * 0.175)
    images = []
    for page in text.split("\f"):
        image = Image.new("L", (width, height), 255)
        draw = ImageDraw.Draw(image)
        y = int(dpi * 0.45)
        for line in page.split("\n"):
            draw.text((int(dpi * 0.45), y), line, fill=rng.randint(0, 50), font=font)
            y += step
        for _ in range(width * height // 2500):
            x, yy = rng.randrange(width), rng.randrange(height)
            draw.point((x, yy), fill=rng.randint(0, 160))
        image = image.rotate(
            rng.uniform(-1.5, 1.5), resample=Image.Resampling.BICUBIC, fillcolor=255
        )
        image = image.filter(ImageFilter.GaussianBlur(radius=0.6))
        images.append(image)
    out = io.BytesIO()
    images[0].save(
        out, format="PDF", save_all=True, append_images=images[1:], resolution=dpi
    )
    return out.getvalue()


def _align(
    truth: list[dict[str, Any]], got: list[dict[str, Any]]
) -> list[tuple[int | None, int | None]]:
    """Pairs (truth index, parsed index) by the sequence of offenses."""
    matcher = difflib.SequenceMatcher(
        a=[r["offense"] for r in truth],
        b=[r.get("offense") for r in got],
        autojunk=False,
    )
    pairs: list[tuple[int | None, int | None]] = []
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and a1 - a0 == b1 - b0):
            pairs += list(zip(range(a0, a1), range(b0, b1), strict=True))
        else:
            pairs += [(i, None) for i in range(a0, a1)]
            pairs += [(None, j) for j in range(b0, b1)]
    return pairs


def score(sheet: Sheet, parsed: dict[str, Any]) -> dict[str, Any]:
    """Field accuracy of a parse against the truth.

    Records are paired by the order of their offenses (a lost or extra count
    does not shift every later one); a truth record with no partner counts
    all its fields wrong, a parsed record with none is an invented count
    (reported apart: the target is zero).
    """
    right = total = invented = missing = 0
    wrong: list[tuple[str, str, Any, Any]] = []
    records = parsed["records"]
    per_record = len(SCORED) + 1
    for ti, pi in _align(sheet.records, records):
        if ti is None:
            invented += 1
            continue
        truth = sheet.records[ti]
        if pi is None:
            missing += 1
            total += per_record
            wrong.append((truth["id"], "*", "record", None))
            continue
        got = records[pi]
        for name in SCORED:
            total += 1
            if got.get(name) == truth[name]:
                right += 1
            else:
                wrong.append((truth["id"], name, truth[name], got.get(name)))
        total += 1
        want_mod = truth["modification"]
        got_mod = got.get("modification")
        same = (want_mod is None and got_mod is None) or (
            want_mod is not None
            and got_mod is not None
            and all(got_mod.get(k) == v for k, v in want_mod.items())
        )
        right += same
        if not same:
            wrong.append((truth["id"], "modification", want_mod, got_mod))
    for name in ("names", "cii", "dob"):
        total += 1
        if parsed["person"].get(name) == sheet.person[name]:
            right += 1
        else:
            wrong.append(
                ("person", name, sheet.person[name], parsed["person"].get(name))
            )
    return {
        "accuracy": right / total if total else 1.0,
        "right": right,
        "total": total,
        "invented": invented,
        "missing": missing,
        "wrong": wrong,
    }


def unflagged(sheet: Sheet, parsed: dict[str, Any]) -> list[tuple[str, str, Any, Any]]:
    """Fields read wrong and NOT in the record's ``review`` list.

    Probation is derived (from the sentence and the date) and the
    modification is shown with its own source line, so both are left out.
    """
    out = []
    for ti, pi in _align(sheet.records, parsed["records"]):
        if ti is None or pi is None:
            continue
        truth, got = sheet.records[ti], parsed["records"][pi]
        for name in SCORED:
            if name == "probation":
                continue
            if truth[name] != got.get(name) and name not in got.get("review", []):
                out.append((truth["id"], name, truth[name], got.get(name)))
    return out
