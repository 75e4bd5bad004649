"""Plain-language text for every reason code, in English.

The rules stay free of Django, so the strings are only marked here with
``gettext_noop`` (which ``makemessages`` extracts); the web layer passes
Django's ``gettext`` to ``screen(..., translate=...)`` to show them in
Spanish. Placeholders are named (``%(paragraph)s``), never positional.
A key ``law_id.code`` overrides ``code`` for one statute.
"""

from __future__ import annotations


def gettext_noop(text: str) -> str:
    return text


MESSAGES: dict[str, str] = {
    # What kind of record it is
    "record_type_covered": gettext_noop(
        "This law covers arrests, convictions and juvenile adjudications in California."
    ),
    "federal_record": gettext_noop(
        "This is a federal case. California courts cannot vacate it, but the federal "
        "Trafficking Survivors Relief Act may help."
    ),
    "other_state_record": gettext_noop(
        "This case is from another state. California courts cannot clear it, but that "
        "state may have its own law for survivors."
    ),
    "system_unknown": gettext_noop(
        "We do not know which court system this case is in. That decides which law applies."
    ),
    "pending_case": gettext_noop(
        "This case is still open. Vacatur is for cases that are over. While the case is open, "
        "a defense for survivors may apply. If you are convicted, you can ask later."
    ),
    "disposition_unknown": gettext_noop(
        "We do not know what happened in this case (arrest, conviction, juvenile, or still open)."
    ),
    "not_in_force": gettext_noop(
        "This law was not in effect on the date used for this screening."
    ),
    # Violence (Pen. Code § 667.5(c))
    "nonviolent_offense": gettext_noop(
        "This offense is not on California's list of violent felonies, so this law can cover it."
    ),
    "misdemeanor_never_violent": gettext_noop(
        "A misdemeanor or infraction is never a violent felony, so this law can cover it."
    ),
    "violent_felony": gettext_noop(
        "California lists this offense as a violent felony (Penal Code § %(paragraph)s). "
        "This law does not cover violent felonies today. Other help may still be possible."
    ),
    "violent_by_enhancement": gettext_noop(
        "The court found an enhancement (such as great bodily injury or use of a gun) that "
        "makes this a violent felony (Penal Code § %(paragraph)s). This law does not cover "
        "violent felonies today."
    ),
    "violence_depends_on_finding": gettext_noop(
        "This offense counts as a violent felony only if the court found a special fact, like "
        "someone being home during a burglary or a gang allegation (Penal Code § %(paragraph)s). "
        "Your court papers will show this."
    ),
    "violence_depends_on_level": gettext_noop(
        "This offense is a violent felony only when it is a felony (Penal Code § %(paragraph)s). "
        "We need to know if it was a felony or a misdemeanor."
    ),
    "violence_depends_on_enhancements": gettext_noop(
        "A felony becomes a violent felony if the court found great bodily injury or use of a "
        "gun. Your court papers will show if any such finding was made."
    ),
    "violent_subdivision_unknown": gettext_noop(
        "Some parts of this law are violent felonies and some are not (Penal Code "
        "§ %(paragraph)s). A lawyer should check which part applies to you."
    ),
    "attempt_unsettled": gettext_noop(
        "This was an attempt. The law lists only attempted murder as a violent attempt, but "
        "courts have not clearly settled other attempts. A lawyer should check."
    ),
    "offense_not_in_catalog": gettext_noop(
        "We could not find this offense in our list. A lawyer should look at it. This does "
        "not mean you cannot get help."
    ),
    "level_inconsistent": gettext_noop(
        "This offense is normally only a felony, but the answer says misdemeanor. A lawyer "
        "should check your court papers."
    ),
    # Who and when
    "victim_of_kind": gettext_noop("You told us about harm that this law covers."),
    "pc_236_14.victim_of_kind": gettext_noop(
        "You told us about human trafficking, which this law covers."
    ),
    "pc_236_15.victim_of_kind": gettext_noop(
        "You told us about partner violence or sexual violence, which this law covers."
    ),
    "victimization_unknown": gettext_noop(
        "We do not know what harm you lived through. That decides which law fits."
    ),
    "no_victimization_of_kind": gettext_noop(
        "This law is for a kind of harm you did not tell us about."
    ),
    "pc_236_14.no_victimization_of_kind": gettext_noop(
        "This law is for survivors of human trafficking. If someone forced, tricked or pressured "
        "you into work or sex, it may still fit. Partner violence is covered by § 236.15."
    ),
    "pc_236_15.no_victimization_of_kind": gettext_noop(
        "This law is for survivors of partner violence or sexual violence. Trafficking is "
        "covered by § 236.14."
    ),
    "while_victim": gettext_noop(
        "The offense happened while this was happening to you."
    ),
    "while_victim_unsure": gettext_noop(
        "We are not sure the offense happened while this was happening to you. Dates in your "
        "records and your own account can show this."
    ),
    "not_while_victim": gettext_noop(
        "The law covers offenses that happened while you were being harmed. Time when you were "
        "being groomed or trying to leave can count. If that fits, this answer may change."
    ),
    "victim_period_gap": gettext_noop(
        "The offense happened after the abuse. A court has said the abuse does not have to be "
        "happening at that moment, but the link must be close. A lawyer should look."
    ),
    "direct_result": gettext_noop(
        "You said the offense happened because of what was done to you."
    ),
    "direct_result_unsure": gettext_noop(
        "You were not sure the offense happened because of what was done to you. A lawyer or "
        "advocate can help you explain the link."
    ),
    "not_direct_result": gettext_noop(
        "This law needs the offense to be the direct result of the harm. If it was, even in "
        "part, this answer may change."
    ),
    "lacked_intent_legal_defect": gettext_noop(
        "If the court agrees, it must find you lacked the intent to commit the offense and "
        "vacate it as legally invalid."
    ),
    "former_findings_discretionary": gettext_noop(
        "Before 2023 the court also had to make other findings, so the result was less certain."
    ),
    "ceased_to_be_victim": gettext_noop(
        "The harm has ended, so you can ask the court now. There is no deadline under § 236.14."
    ),
    "pc_236_15.ceased_to_be_victim": gettext_noop(
        "The harm has ended, so you can ask the court."
    ),
    "timing_unsure": gettext_noop(
        "We do not know if the harm is still happening. That can affect when you can ask."
    ),
    "still_victimized": gettext_noop(
        "You said this is still happening. Your safety comes first. The law is not clear about "
        "asking while it is still going on, so talk with a lawyer or advocate first."
    ),
    "still_victimized_sought_services": gettext_noop(
        "You said this is still happening, and that you have reached out for help. The law "
        "lets you ask after reaching out, but it is not clear how courts handle a request "
        "while the harm goes on. Your safety comes first: talk with a lawyer or advocate."
    ),
    "reasonable_time": gettext_noop(
        "Before 2022 the petition had to be filed within a reasonable time after the harm ended."
    ),
    "file_promptly": gettext_noop(
        "We could not confirm whether this law has a deadline. Ask a lawyer soon, to be safe."
    ),
    "juvenile_presumption": gettext_noop(
        "For a juvenile case, the law may presume you qualify once you show the link."
    ),
    "safe_harbor_minor": gettext_noop(
        "You were under 18. Since 2017 a minor cannot be guilty of prostitution in California. "
        "This record is a strong case for relief."
    ),
    "fines_no_bar": gettext_noop(
        "Unpaid fines or fees cannot stop the court from hearing your request."
    ),
    "probation_no_bar": gettext_noop(
        "Being on probation cannot stop the court from hearing your request."
    ),
    "fines_rule_unverified": gettext_noop(
        "We could not confirm whether unpaid fines can stop the court from hearing this "
        "request. Tell your lawyer about them."
    ),
    "probation_rule_unverified": gettext_noop(
        "We could not confirm whether being on probation can stop the court from hearing this "
        "request. Tell your lawyer about it."
    ),
    "custody_no_bar": gettext_noop(
        "Being in custody does not stop you from asking. A lawyer can help with the details."
    ),
    "restitution_survives": gettext_noop(
        "Restitution owed to a victim is not erased by vacatur unless it is already paid."
    ),
    "prostitution_named": gettext_noop(
        "The law names prostitution offenses as covered."
    ),
    # AB 2354 (proposed)
    "not_enacted": gettext_noop(
        "AB 2354 was a 2024 bill. It did not become law. This shows what it would have changed."
    ),
    "any_offense_proposed": gettext_noop(
        "AB 2354 would have covered any offense, including violent felonies."
    ),
    "successor_bill": gettext_noop(
        "A similar bill, AB 938, was held in the Senate in 2025. It is not law."
    ),
    # Defenses in a pending case
    "pending_case_covered": gettext_noop(
        "Your case is still open, so this defense can be raised."
    ),
    "not_pending": gettext_noop(
        "This defense is only for open cases. For a case that is over, vacatur may help instead."
    ),
    "coerced_direct_result": gettext_noop(
        "You said you were forced or pressured into the offense because of the harm."
    ),
    "coercion_unsure": gettext_noop(
        "We are not sure you were forced or pressured into the offense. A defense lawyer can help."
    ),
    "not_coerced": gettext_noop(
        "This defense needs the offense to have been coerced because of the harm."
    ),
    "reasonable_fear": gettext_noop("You had a reasonable fear of harm."),
    "reasonable_fear_unsure": gettext_noop(
        "The defense also needs a reasonable fear of harm. Tell your defense lawyer about it."
    ),
    "no_reasonable_fear": gettext_noop("This defense needs a reasonable fear of harm."),
    "serious_felony_excluded": gettext_noop(
        "Before 2022 this defense did not cover serious felonies."
    ),
    "preponderance": gettext_noop(
        "You would need to show it is more likely true than not."
    ),
    "raise_before_plea": gettext_noop(
        "Tell your defense lawyer before any plea: the defense must be raised before a plea "
        "or the end of trial."
    ),
    # Prostitution-specific relief
    "conviction_647b": gettext_noop(
        "This is a prostitution conviction (§ 647(b)), which this law covers."
    ),
    "not_647b_conviction": gettext_noop(
        "This relief is only for prostitution convictions under § 647(b)."
    ),
    "needs_conviction": gettext_noop("This relief is only for convictions."),
    "probation_completed": gettext_noop("Probation is finished or was not given."),
    "probation_unknown": gettext_noop("We do not know if probation is finished."),
    "probation_not_completed": gettext_noop(
        "This relief needs probation to be finished first. Once it is, this answer can change."
    ),
    "dismissal_not_vacatur": gettext_noop(
        "This gives a dismissal, which is weaker than vacatur under § 236.14."
    ),
    "conviction_653_22": gettext_noop(
        "Loitering under § 653.22 was repealed in 2023. You can ask to dismiss and seal this "
        "conviction."
    ),
    "not_653_22": gettext_noop(
        "This relief is only for convictions under former § 653.22."
    ),
    "arrest_only_unsettled": gettext_noop(
        "We are not sure this law covers arrests without a conviction. A lawyer should check."
    ),
    "no_victim_showing": gettext_noop(
        "You do not need to show you were a victim for this relief."
    ),
    "forms_cr_425": gettext_noop(
        "Court forms CR-425 and CR-426 are used for this request."
    ),
    "conviction_647f": gettext_noop(
        "This is a conviction under former § 647f. You can ask the court to dismiss it."
    ),
    "not_647f": gettext_noop(
        "This relief is only for convictions under former § 647f."
    ),
    "forms_cr_404": gettext_noop(
        "Court forms CR-404 and CR-405 are used for this request."
    ),
    # Dismissal and sealing
    "probation_active": gettext_noop(
        "You are still on probation. The court can end it early and dismiss, but does not have to."
    ),
    "no_probation_granted": gettext_noop(
        "This relief needs a grant of probation. Without probation, § 1203.4a or § 1203.41 may fit."
    ),
    "excluded_sex_offense": gettext_noop(
        "The law does not allow this dismissal for this offense."
    ),
    "excluded_depends_on_subdivision": gettext_noop(
        "The law does not allow this dismissal for some parts of this code section. A lawyer "
        "should check which part your conviction was under."
    ),
    "serving_sentence": gettext_noop(
        "This relief is not available while you are serving a sentence. Once released, it may be."
    ),
    "custody_unknown": gettext_noop(
        "We do not know if you are serving a sentence now."
    ),
    "not_in_custody": gettext_noop("You are not serving a sentence now."),
    "not_for_immigration": gettext_noop(
        "A dismissal does not help with immigration. If that matters, ask about vacatur first."
    ),
    "prior_still_counts": gettext_noop(
        "After dismissal, the conviction can still count as a prior if there is a new case."
    ),
    "misdemeanor_without_probation": gettext_noop(
        "This is for a misdemeanor or infraction with no probation."
    ),
    "felony_not_covered": gettext_noop(
        "This relief is only for misdemeanors and infractions."
    ),
    "level_unknown": gettext_noop(
        "We need to know if this was a felony, misdemeanor or infraction."
    ),
    "probation_granted": gettext_noop("Probation was given, so § 1203.4 fits better."),
    "one_year_after_judgment": gettext_noop("You can ask one year after the sentence."),
    "arrest_without_conviction": gettext_noop(
        "This arrest did not lead to a conviction, so you can ask to seal it."
    ),
    "needs_arrest_only": gettext_noop(
        "This relief is for arrests that did not lead to a conviction."
    ),
    "arrest_outcome_unknown": gettext_noop(
        "Sealing depends on why there was no conviction (no charges, dismissed, or not guilty)."
    ),
    "automatic_arrest_relief": gettext_noop(
        "Many arrests are sealed automatically. Ask for your record to check."
    ),
    "vacatur_counts_for_sealing": gettext_noop(
        "A vacated conviction counts for arrest sealing; a dismissal under § 1203.4 does not."
    ),
    "juvenile_record": gettext_noop("This is a juvenile record, which can be sealed."),
    "needs_juvenile_record": gettext_noop("This relief is for juvenile records."),
    "age_or_time_unknown": gettext_noop(
        "You can ask at 18, or five years after the case ended. We do not know your age now."
    ),
    "eligible_age": gettext_noop("You are old enough to ask."),
    "serious_juvenile_offense": gettext_noop(
        "Some serious juvenile offenses have limits. A lawyer should check."
    ),
    "automatic_sealing_786": gettext_noop(
        "If you finished juvenile probation, the record may already be sealed (§ 786)."
    ),
    # Federal and other states
    "federal_record_covered": gettext_noop(
        "This is a federal case, which this law covers."
    ),
    "not_federal_record": gettext_noop("This federal law is only for federal cases."),
    "level_a_offense": gettext_noop(
        'This offense is not a crime of violence (a "level A" offense), so it can be vacated.'
    ),
    "level_b_offense": gettext_noop(
        'This offense is a crime of violence ("level B"). It cannot be vacated, but a '
        "sentence reduction may be possible."
    ),
    "level_unsettled": gettext_noop(
        "We cannot tell if this federal offense is a crime of violence. A lawyer should check."
    ),
    "not_federal_offense_code": gettext_noop(
        "The offense code is not a federal code. A lawyer should check your federal papers."
    ),
    "vacate_conviction": gettext_noop(
        "You can ask the federal court to vacate the conviction."
    ),
    "expunge_arrest": gettext_noop(
        "You can ask the federal court to expunge the arrest."
    ),
    "level_b_sentence_reduction": gettext_noop(
        "If you are or were in prison, you may ask for a shorter sentence."
    ),
    "pending_duress_defense": gettext_noop(
        "For an open federal case, a new trafficking defense may apply. Tell your lawyer."
    ),
    "juvenile_federal_unsettled": gettext_noop(
        "Federal juvenile cases are unusual. A lawyer should check."
    ),
    "refer_other_state": gettext_noop(
        "Ask a lawyer in the state where the case happened. Many states have vacatur laws."
    ),
    "not_other_state": gettext_noop("This is not a case from another state."),
    "violent_felony_list": gettext_noop("California's list of violent felonies."),
    # Issue 11, verdict fixes (one block, so merges stay easy)
    "finding_unreadable": gettext_noop(
        "We could not read this finding or enhancement: %(text)s. Some findings make a "
        "felony violent and some do not, so a lawyer should read your court papers. This "
        "does not mean you cannot get help."
    ),
    "enhancement_as_offense": gettext_noop(
        "The code given is an enhancement, not the charge itself. We need the charge you were "
        "convicted of or arrested for; your court papers show it. A lawyer can help."
    ),
    "finding_on_misdemeanor": gettext_noop(
        "A great bodily injury or gun finding can only be made on a felony, but the answer "
        "says misdemeanor. A lawyer should check your court papers."
    ),
    "enhancement_subdivision_unknown": gettext_noop(
        "Only part (a) of this enhancement, using a weapon, makes a felony violent (Penal Code "
        "§ %(paragraph)s); part (b), being armed, does not. A lawyer should check which part."
    ),
    "nonviolent_attempt": gettext_noop(
        "This was an attempt. The only attempt on California's list of violent felonies is "
        "attempted murder, so this law can cover it."
    ),
    "finding_paragraph_unsettled": gettext_noop(
        "With a gang finding, this offense might be treated like extortion on the list of "
        "violent felonies (Penal Code § %(paragraph)s), but the law names only extortion "
        "itself. A lawyer should look. This does not mean you cannot get help."
    ),
    "federal_code_on_state_record": gettext_noop(
        "The case is marked as a California case, but the offense code is federal. California "
        "courts cannot clear a federal case. Which court was it? A lawyer can check."
    ),
    "level_probably_a": gettext_noop(
        "This federal offense is probably not a crime of violence (level A), so it can "
        "probably be vacated. A lawyer should confirm which part of the law it was under."
    ),
    "predicate_drug_trafficking": gettext_noop(
        "The gun charge was tied to a drug crime. That has no element of force, so it is a "
        '"level A" offense.'
    ),
    "predicate_crime_of_violence": gettext_noop(
        'The gun charge was tied to a crime of violence, so it is a "level B" offense.'
    ),
    "predicate_unknown": gettext_noop(
        "A gun charge under 18 U.S.C. § 924(c) is level A or B depending on the crime it was "
        "tied to (a drug crime or a crime of violence). Your papers show it; a lawyer should check."
    ),
    "hobbs_attempt": gettext_noop(
        "Attempted Hobbs Act robbery is not a crime of violence (United States v. Taylor, "
        '2022), so it is a "level A" offense.'
    ),
    "hobbs_conspiracy": gettext_noop(
        'A Hobbs Act conspiracy has no element of force, so it is a "level A" offense.'
    ),
    "hobbs_extortion": gettext_noop(
        'Hobbs Act extortion has no element of force, so it is a "level A" offense.'
    ),
    "hobbs_robbery": gettext_noop(
        'A completed Hobbs Act robbery is a crime of violence, so it is a "level B" offense.'
    ),
    "hobbs_act_kind_unknown": gettext_noop(
        "The Hobbs Act covers robbery, attempts, conspiracy and extortion. Only a completed "
        "robbery is a crime of violence. A lawyer should check which one this was."
    ),
    "covered_prisoner": gettext_noop(
        "You are or were in federal prison on this case, so you can ask the court for a "
        "shorter sentence."
    ),
    "not_covered_prisoner": gettext_noop(
        "This offense cannot be vacated, and a shorter sentence is only for people who are or "
        "were in federal prison on the case. If you were, this answer changes."
    ),
    "covered_prisoner_reduction": gettext_noop(
        "Because you are or were in federal prison on this case, you may also ask for a "
        "shorter sentence."
    ),
    "finding_read_as": gettext_noop(
        "We read “%(text)s” as Penal Code § %(section)s. If that is not what the court "
        "found, a lawyer should check your court papers."
    ),
    # California's other doors (issue 11): §§ 1203.41, 1203.42, 1203.425,
    # 851.93, 17(b), 1170.18, 1473.7, and immigration-safe routing.
    "infraction_not_covered": gettext_noop(
        "This dismissal is not for infractions. An infraction can be dismissed under § 1203.4a."
    ),
    "infraction_covered": gettext_noop(
        "This is an infraction. Every infraction can be dismissed this way, with or without "
        "probation."
    ),
    "felony_only": gettext_noop(
        "This relief is for felonies. For a misdemeanor, §§ 1203.4 and 1203.4a fit."
    ),
    "felony_conviction": gettext_noop(
        "This is a felony conviction, which this law covers."
    ),
    "county_jail_sentence": gettext_noop(
        "The sentence was felony county jail (§ 1170(h)), which this law covers."
    ),
    "prison_not_yet_covered": gettext_noop(
        "On this date this law did not cover state prison sentences. § 1203.42 may."
    ),
    "prison_sentence_covered": gettext_noop(
        "Since July 2023 this law also covers state prison sentences."
    ),
    "registration_excluded": gettext_noop(
        "This relief is not for offenses that require sex-offender registration."
    ),
    "registration_excluded_depends": gettext_noop(
        "Some parts of this code section require sex-offender registration, which this relief "
        "does not cover. A lawyer should check which part applies."
    ),
    "sentence_unknown": gettext_noop(
        "We need to know the sentence: probation, county jail, or state prison."
    ),
    "wait_after_sentence": gettext_noop(
        "You can ask one or two years after finishing the sentence, and not while serving a "
        "sentence or facing a new charge."
    ),
    "court_discretion": gettext_noop(
        "The judge decides. Letters and proof of how your life has changed help."
    ),
    "prison_sentence": gettext_noop(
        "The sentence was state prison, which this law covers."
    ),
    "not_prison_sentence": gettext_noop(
        "This relief is for older state prison sentences. For county jail, § 1203.41 fits; "
        "for probation, § 1203.4."
    ),
    "sentenced_before_realignment": gettext_noop(
        "This law is for prison sentences given before October 2011. We do not know the date."
    ),
    "violent_not_realignable": gettext_noop(
        "A violent felony (Penal Code § %(paragraph)s) could not be served in county jail, so "
        "this law does not cover it. § 1203.41 may."
    ),
    "violence_unknown_realignable": gettext_noop(
        "A violent felony could not be served in county jail, so this law would not cover it. "
        "Your court papers will show if it was one."
    ),
    "serious_not_realignable": gettext_noop(
        "A serious felony could not be served in county jail, so this law does not cover it. "
        "§ 1203.41 may."
    ),
    "serious_not_realignable_depends": gettext_noop(
        "Some parts of this code section are serious felonies, which this law does not cover. "
        "A lawyer should check which part applies."
    ),
    "check_your_record": gettext_noop(
        "This may already have happened: check your record. The state Department of Justice "
        "grants this relief on its own each month. You can ask the Department for a copy of "
        "your record."
    ),
    "serious_violent_felony": gettext_noop(
        "Serious and violent felonies are left out of part of this automatic relief. A lawyer "
        "should check if yours is."
    ),
    "prison_sentence_unsettled": gettext_noop(
        "Automatic relief usually leaves out state prison sentences, with exceptions. A lawyer "
        "should check."
    ),
    "doj_record_check": gettext_noop(
        "It depends on dates in the state's record: probation finished, or one year after a "
        "misdemeanor sentence, or four years after a felony sentence with no new felony."
    ),
    "arrest_waiting_period": gettext_noop(
        "It depends on how the arrest ended and how long ago: a dismissed misdemeanor at once, "
        "other misdemeanors after one year, most felonies after three years."
    ),
    "already_misdemeanor": gettext_noop(
        "This is already a misdemeanor or infraction, so there is nothing to reduce."
    ),
    "not_a_wobbler": gettext_noop(
        "This offense can only be a felony, so it cannot be reduced to a misdemeanor."
    ),
    "wobbler": gettext_noop(
        "This offense can be a felony or a misdemeanor, so the court can reduce it."
    ),
    "prison_not_reducible": gettext_noop(
        "After a state prison sentence, this offense cannot be reduced this way."
    ),
    "county_jail_reduction": gettext_noop(
        "After a felony county jail sentence, it is not clear this reduction is possible. A "
        "lawyer should check."
    ),
    "probation_granted_17b": gettext_noop(
        "Probation was given, so the court can declare it a misdemeanor."
    ),
    "prop_47_offense": gettext_noop(
        "Proposition 47 made this offense a misdemeanor in most cases."
    ),
    "value_950": gettext_noop(
        "It counts only if the value was $950 or less. Your court papers may show it."
    ),
    "not_prop_47_offense": gettext_noop(
        "This offense is not one that Proposition 47 changed."
    ),
    "disqualifying_priors": gettext_noop(
        "A few very serious past convictions, or sex-offender registration, rule this out. "
        "A lawyer can check."
    ),
    "good_cause_late": gettext_noop(
        "The usual deadline was November 4, 2022. You can still ask, but you need to explain "
        "why it is late."
    ),
    "resentence_or_redesignate": gettext_noop(
        "If you are still serving the sentence, you ask for a new sentence; if it is over, you "
        "ask to have the felony called a misdemeanor."
    ),
    "juvenile_not_conviction": gettext_noop(
        "A juvenile case is not a conviction, so this motion may not fit. A lawyer should check."
    ),
    "conviction_or_sentence": gettext_noop(
        "This motion can ask to vacate a conviction or sentence."
    ),
    "custody_unsettled": gettext_noop(
        "This motion is for people no longer in criminal custody. Immigration detention does "
        "not count. A lawyer should check if probation does."
    ),
    "noncitizen": gettext_noop(
        "You are not a U.S. citizen, so a mistake about the immigration effects of your plea "
        "can be a reason to vacate."
    ),
    "immigration_advice_unknown": gettext_noop(
        "If no one made sure you understood the immigration effects of your plea, the court can "
        "vacate the conviction as legally invalid."
    ),
    "citizen_other_grounds": gettext_noop(
        "The immigration reason is for people who are not U.S. citizens. This motion can also "
        "rest on new evidence of innocence or on racial bias. A lawyer can say if that fits."
    ),
    "citizenship_unknown": gettext_noop(
        "If you are not a U.S. citizen, this motion may help. You do not have to tell us."
    ),
    "reasonable_diligence": gettext_noop(
        "Ask soon after you learn the conviction is a problem for immigration."
    ),
    "immigration_counsel": gettext_noop(
        "Talk with an immigration lawyer. Survivors may also qualify for a T visa or U visa."
    ),
    "immigration_proposed": gettext_noop(
        "This bill is not law. Today, vacatur under § 236.14 or § 236.15 is the relief that "
        "helps with immigration."
    ),
    "immigration_defense": gettext_noop(
        "If the defense succeeds there is no conviction. Any plea can affect immigration: if "
        "you are not a U.S. citizen, tell your defense lawyer before you plead."
    ),
    "immigration_depends_ground": gettext_noop(
        "Whether this helps with immigration depends on the reason the court gives. Ask an "
        "immigration lawyer."
    ),
    "immigration_other_state": gettext_noop(
        "It depends on the other state's law and the reason its court gives. Ask an immigration "
        "lawyer."
    ),
    "immigration_juvenile": gettext_noop(
        "A juvenile case is usually not a conviction for immigration, but the facts can still "
        "matter. Ask an immigration lawyer."
    ),
    "immigration_not_recorded": gettext_noop(
        "We have not recorded whether this helps with immigration. Ask an immigration lawyer."
    ),
}

# An attempt (Pen. Code § 664) is titled as one phrase around the offense's
# own title, so a translation words it whole ("Intento de robo", not
# "Intento: Robo"). The title inside starts in lower case (catalog.py).
ATTEMPT_TITLE = gettext_noop("Attempted %(offense)s")
