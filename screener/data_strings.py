"""Text that reaches the page from data files, marked so it gets translated.

The law titles (``rules/data/law/*.yaml``), the legal-aid descriptions
(``data/legal_aid.yaml``) and the titles of the most common offenses in the
catalog are English data. Listing them here with ``gettext_noop`` lets
``makemessages`` extract them; the page translates them at run time. A test
checks that every law title and legal-aid description is listed. Offense
titles not listed here are shown in English, next to their code.
"""

from __future__ import annotations

from django.utils.translation import gettext_noop

LAW_TITLES = (
    gettext_noop("Proposed: vacatur for any offense (AB 2354, not law)"),
    gettext_noop("A record from another state: that state's law"),
    gettext_noop("Relief for a conviction under former § 647f"),
    gettext_noop("Dismissal after probation"),
    gettext_noop("Relief for a trafficking survivor's prostitution conviction"),
    gettext_noop("Dismissal of a misdemeanor or infraction without probation"),
    gettext_noop("Vacatur for survivors of human trafficking"),
    gettext_noop(
        "Vacatur for survivors of intimate partner violence or sexual violence"
    ),
    gettext_noop("Defense in a pending case: human trafficking"),
    gettext_noop("Defense in a pending case: partner violence or sexual violence"),
    gettext_noop("Dismissal and sealing of a conviction under repealed § 653.22"),
    gettext_noop("Violent felonies"),
    gettext_noop("Sealing of an arrest that did not lead to a conviction"),
    gettext_noop("Federal Trafficking Survivors Relief Act"),
    gettext_noop("Sealing of a juvenile record"),
    gettext_noop(
        "Dismissal of a felony after a county jail (or, since 2023, prison) sentence"
    ),
    gettext_noop(
        "Dismissal of an older felony prison sentence that would now be county jail"
    ),
    gettext_noop("Automatic conviction relief (it may already have happened)"),
    gettext_noop("Automatic arrest relief (it may already have happened)"),
    gettext_noop("Reduction of a wobbler felony to a misdemeanor"),
    gettext_noop("Proposition 47: a listed felony becomes a misdemeanor"),
    gettext_noop(
        "Motion to vacate a conviction (immigration consequences, or new evidence)"
    ),
)

LEGAL_AID = (
    gettext_noop("A directory of free legal aid in every California county."),
    gettext_noop("Free court self-help centers in every county."),
    gettext_noop("Legal help for survivors of human trafficking."),
    gettext_noop("Free civil legal help."),
    gettext_noop("Free civil legal help in the Bay Area."),
    gettext_noop("Record clearing help."),
    gettext_noop("Free civil legal help in Orange County."),
    gettext_noop("Free legal help in rural California."),
    gettext_noop("Free civil legal help in Northern California."),
)

OFFENSE_TITLES = (
    gettext_noop("Disorderly conduct: prostitution"),
    gettext_noop("Robbery"),
    gettext_noop("Burglary"),
    gettext_noop("First-degree (residential) burglary"),
    gettext_noop("Second-degree (commercial) burglary"),
    gettext_noop("Theft"),
    gettext_noop("Petty theft"),
    gettext_noop("Grand theft"),
    gettext_noop("Petty theft of property worth $950 or less (Prop 47)"),
    gettext_noop("Loitering with intent to commit prostitution (repealed)"),
    gettext_noop(
        "Possession of a controlled substance (narcotics such as heroin or cocaine)"
    ),
    gettext_noop("Possession of a controlled substance (such as methamphetamine)"),
    gettext_noop("Possession for sale of a narcotic controlled substance"),
    gettext_noop("Driving under the influence of alcohol"),
    gettext_noop("Taking or driving a vehicle without the owner's consent"),
    gettext_noop("Driving without a valid driver's license"),
    gettext_noop(
        "Corporal injury to a spouse, cohabitant, dating partner or co-parent"
    ),
    gettext_noop("Assault with a deadly weapon other than a firearm"),
    gettext_noop("Battery"),
    gettext_noop("Domestic battery (spouse, dating partner, co-parent)"),
    gettext_noop("Resisting, delaying or obstructing an officer"),
    gettext_noop("Contempt of court"),
    gettext_noop("Trespassing"),
    gettext_noop("Vandalism"),
    gettext_noop("Forgery"),
    gettext_noop("Receiving stolen property"),
    gettext_noop("Disorderly conduct: public intoxication"),
    gettext_noop("Disturbing the peace (fighting, loud noise, offensive words)"),
    gettext_noop("Drug distribution or possession with intent (federal)"),
    gettext_noop("Bank robbery (federal)"),
    gettext_noop("Criminal threats"),
    gettext_noop("Murder"),
)
