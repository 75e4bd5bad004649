"""California's other doors, for the records the vacatur statutes leave out:
felony dismissal after a county-jail or prison term (§§ 1203.41, 1203.42),
automatic conviction and arrest relief (§§ 1203.425, 851.93), wobbler
reduction (§ 17(b)), Proposition 47 (§ 1170.18) and the motion to vacate
of § 1473.7. Each is data in ``data/law/``; where a point is unverified the
cautious reading is "a lawyer should look", never "not eligible".
"""

from __future__ import annotations

from screener.rules.facts import CheckedFacts, Record
from screener.rules.outcome import Outcome
from screener.rules.remedies import common
from screener.rules.violence import NONVIOLENT, VIOLENT, Violence


def _conviction(out: Outcome, record: Record) -> bool:
    """A California conviction under a law in force; an unknown disposition stays possible."""
    if not common.california_record(out, record) or not common.in_force(out):
        return False
    if record.disposition is None:
        out.unknown("disposition_unknown", "disposition")
    elif record.disposition != "conviction":
        out.not_applicable("needs_conviction")
        return False
    return True


def _felony(out: Outcome, record: Record) -> bool:
    """These doors are for felonies; misdemeanors have §§ 1203.4 and 1203.4a."""
    offense = record.offense.offense
    if record.level in ("misdemeanor", "infraction") or (
        offense is not None and "felony" not in offense.levels
    ):
        out.not_applicable("felony_only")
        return False
    if record.level == "felony" or (
        offense is not None and offense.levels == frozenset({"felony"})
    ):
        out.met("felony_conviction")
    else:
        out.unknown("level_unknown", "level")
    return True


def _flag(out: Outcome, record: Record, flag: str, bar: str) -> None:
    """A catalog flag that bars relief; set for some subdivisions only, a lawyer looks."""
    offense = record.offense.offense
    if offense is None or not getattr(offense, flag):
        return
    if flag in offense.mixed:
        out.unsettled(f"{bar}_depends")
    else:
        out.bar(bar)


def _serving(out: Outcome, record: Record) -> None:
    if record.in_custody:
        out.bar("serving_sentence")


def _probation(record: Record) -> bool:
    return record.sentence == "probation" or record.probation in ("active", "completed")


def pc_1203_41(
    out: Outcome, facts: CheckedFacts, record: Record, found: Violence
) -> Outcome:
    """Felony county-jail sentences under § 1170(h); since SB 731 also state prison."""
    if not _conviction(out, record) or not _felony(out, record):
        return out
    if record.sentence == "county_jail":
        out.met("county_jail_sentence")
    elif record.sentence == "prison":
        if not out.params["prison_covered"]:
            out.not_applicable("prison_not_yet_covered")
            return out
        out.met("prison_sentence_covered")
        _flag(out, record, "registration_290", "registration_excluded")
    elif record.sentence == "probation":
        # Probation given, but a jail term may have followed: only the
        # sentence the person names closes this door.
        out.not_applicable("probation_granted")
        return out
    else:
        out.unknown("sentence_unknown", "sentence")
    _serving(out, record)
    out.unknown("wait_after_sentence", "sentence_completed_on")
    out.note("court_discretion")
    return out


def pc_1203_42(
    out: Outcome, facts: CheckedFacts, record: Record, found: Violence
) -> Outcome:
    """A prison term before 2011 realignment for a felony that would now be § 1170(h)."""
    if not _conviction(out, record) or not _felony(out, record):
        return out
    if record.sentence == "prison":
        out.met("prison_sentence")
    elif record.sentence in ("county_jail", "probation"):
        out.not_applicable("not_prison_sentence")
        return out
    else:
        out.unknown("sentence_unknown", "sentence")
    out.unknown("sentenced_before_realignment", "sentence_date")
    # § 1170(h)(3): a serious or violent felony, or one requiring
    # registration, is served in state prison, so it was never realignable.
    if found.state == VIOLENT:
        out.bar("violent_not_realignable", paragraph=found.paragraph or "667.5(c)")
    elif found.state != NONVIOLENT:
        out.unknown("violence_unknown_realignable", *found.missing)
    _flag(out, record, "serious", "serious_not_realignable")
    _flag(out, record, "registration_290", "registration_excluded")
    _serving(out, record)
    out.note("court_discretion")
    return out


def pc_1203_425(
    out: Outcome, facts: CheckedFacts, record: Record, found: Violence
) -> Outcome:
    """Automatic conviction relief by the Department of Justice: check the record."""
    if not _conviction(out, record):
        return out
    out.note("check_your_record")
    _flag(out, record, "registration_290", "registration_excluded")
    offense = record.offense.offense
    felony = record.level == "felony" or (
        offense is not None and offense.levels == frozenset({"felony"})
    )
    if felony and (found.state == VIOLENT or (offense is not None and offense.serious)):
        # Excluded for felonies relieved after SB 731; the probation path is unverified.
        out.unsettled("serious_violent_felony")
    if record.sentence == "prison":
        out.unsettled("prison_sentence_unsettled")
    _serving(out, record)
    out.unknown("doj_record_check", "doj_record")
    return out


def pc_851_93(
    out: Outcome, facts: CheckedFacts, record: Record, found: Violence
) -> Outcome:
    """Automatic arrest relief by the Department of Justice: check the record."""
    if not common.california_record(out, record) or not common.in_force(out):
        return out
    if record.disposition is None:
        out.unknown("disposition_unknown", "disposition")
    elif record.disposition != "arrest":
        out.not_applicable("needs_arrest_only")
        return out
    else:
        out.met("arrest_without_conviction")
    out.note("check_your_record")
    out.unknown("arrest_waiting_period", "arrest_outcome")
    return out


def _still_a_felony(out: Outcome, record: Record) -> bool:
    """A conviction not already a misdemeanor: the reductions have work to do."""
    if not _conviction(out, record):
        return False
    if record.level in ("misdemeanor", "infraction"):
        out.not_applicable("already_misdemeanor")
        return False
    return True


def pc_17_b(
    out: Outcome, facts: CheckedFacts, record: Record, found: Violence
) -> Outcome:
    """A wobbler felony declared a misdemeanor; not after a state prison term."""
    if not _still_a_felony(out, record):
        return out
    offense = record.offense.offense
    if offense is None:
        out.unsettled("offense_not_in_catalog")
    elif not offense.is_wobbler:
        out.not_applicable("not_a_wobbler")
        return out
    else:
        out.met("wobbler")
    if record.level != "felony":
        out.unknown("level_unknown", "level")
    if record.sentence == "prison":
        out.bar("prison_not_reducible")
    elif record.sentence == "county_jail":
        out.unsettled("county_jail_reduction")
    elif _probation(record):
        out.met("probation_granted_17b")
    else:
        out.unknown("sentence_unknown", "sentence")
    out.note("court_discretion")
    return out


def _listed(code: str, listed: list[str]) -> bool:
    return any(code == item or code.startswith(item + "(") for item in listed)


def pc_1170_18(
    out: Outcome, facts: CheckedFacts, record: Record, found: Violence
) -> Outcome:
    """Proposition 47: a listed felony resentenced or redesignated a misdemeanor."""
    if not _still_a_felony(out, record):
        return out
    offense = record.offense.offense
    if offense is None:
        out.unsettled("offense_not_in_catalog")
    elif _listed(offense.code, out.params["covered_offenses"]):
        out.met("prop_47_offense")
    elif _listed(offense.code, out.params["covered_if_value"]):
        out.met("prop_47_offense")
        out.unknown("value_950", "property_value")
    else:
        out.not_applicable("not_prop_47_offense")
        return out
    if record.level != "felony":
        out.unknown("level_unknown", "level")
    out.unknown("disqualifying_priors", "prior_convictions")
    if out.params["late_needs_good_cause"]:
        out.unknown("good_cause_late", "filing_delay")
    out.note("resentence_or_redesignate")
    return out


def pc_1473_7(
    out: Outcome, facts: CheckedFacts, record: Record, found: Violence
) -> Outcome:
    """Motion to vacate by a person no longer in criminal custody (§ 1473.7(a))."""
    if not common.california_record(out, record) or not common.in_force(out):
        return out
    if record.disposition is None:
        out.unknown("disposition_unknown", "disposition")
    elif record.disposition == "juvenile_adjudication":
        out.unsettled("juvenile_not_conviction")
    elif record.disposition != "conviction":
        out.not_applicable("needs_conviction")
        return out
    else:
        out.met("conviction_or_sentence")
    if record.in_custody or record.probation == "active":
        # Immigration detention is not criminal custody; probation may be.
        out.unsettled("custody_unsettled")
    if facts.citizen == "no":
        out.met("noncitizen")
        out.unknown("immigration_advice_unknown", "plea_immigration_understanding")
    elif facts.citizen == "yes":
        out.unsettled("citizen_other_grounds")
    else:
        out.unknown("citizenship_unknown", "immigration.citizen")
        out.unknown("immigration_advice_unknown", "plea_immigration_understanding")
    out.note("reasonable_diligence")
    out.note("immigration_counsel")
    return out
