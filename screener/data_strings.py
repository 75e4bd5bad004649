"""Text that reaches the page from data files, marked so it gets translated.

The law titles (``rules/data/law/*.yaml``), the legal-aid descriptions
(``data/legal_aid.yaml``), every offense title in the catalog
(``rules/data/offenses/*.yaml``) and the evidence a petition can name
(``petitions.packet.EVIDENCE_ITEMS``) are English data. Listing them here
with ``gettext_noop`` lets ``makemessages`` extract them; the page
translates them at run time. Tests in ``tests/screener/test_i18n.py`` fail
when a title in the data is missing here or has no Spanish, and print the
lines to add: a survivor can be offered any offense in the catalog, so every
title needs its Spanish.
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
    # Opening hours (``hours``), shown beside the phone number.
    gettext_noop("24 hours a day, 7 days a week (hotline)"),
)

OFFENSE_TITLES = (
    gettext_noop(
        "Selling or furnishing alcohol to a person under 21, or buying or drinking it under 21"
    ),
    gettext_noop("Selling or furnishing alcohol to a person under 21"),
    gettext_noop("Buying or drinking alcohol in a public place while under 21"),
    gettext_noop("Person under 21 presenting false identification to buy alcohol"),
    gettext_noop("Possession of alcohol by a person under 21"),
    gettext_noop("Open container of alcohol in a public place (local ordinance)"),
    gettext_noop("Possession of a controlled substance without a prescription"),
    gettext_noop("Forging or passing a forged prescription"),
    gettext_noop("Practicing medicine without a license"),
    gettext_noop(
        "Practicing barbering or cosmetology (including nail and spa work) without a license"
    ),
    gettext_noop("Contracting without a license"),
    gettext_noop("Unauthorized practice of law"),
    gettext_noop(
        "Sex trafficking by force, fraud or coercion, or of a minor (federal)"
    ),
    gettext_noop(
        "Attempt or conspiracy to commit trafficking or forced labor (federal)"
    ),
    gettext_noop("Forced labor (federal)"),
    gettext_noop(
        "Transporting a person across state lines for prostitution (Mann Act)"
    ),
    gettext_noop(
        "Coercing or enticing a person to travel for prostitution or to engage in sex with a minor (federal)"
    ),
    gettext_noop("Transporting a minor for illegal sexual activity (federal)"),
    gettext_noop(
        "Interstate travel in aid of racketeering, including prostitution (Travel Act)"
    ),
    gettext_noop("Fraud with identification documents (federal)"),
    gettext_noop("Aggravated identity theft (federal)"),
    gettext_noop("Access device (credit card) fraud (federal)"),
    gettext_noop("Mail fraud (federal)"),
    gettext_noop("Wire fraud (federal)"),
    gettext_noop("Bank fraud (federal)"),
    gettext_noop(
        "Fraud and misuse of visas, permits and other immigration documents (federal)"
    ),
    gettext_noop("Laundering of monetary instruments (federal)"),
    gettext_noop("False statements to a federal agency"),
    gettext_noop("Theft of public money or property (federal)"),
    gettext_noop(
        "Possession of a firearm or ammunition by a prohibited person (federal)"
    ),
    gettext_noop(
        "Using or carrying a firearm during a crime of violence or drug trafficking crime (federal)"
    ),
    gettext_noop("Interference with commerce by robbery or extortion (Hobbs Act)"),
    gettext_noop("Bank robbery (federal)"),
    gettext_noop("Carjacking (federal)"),
    gettext_noop("Assaulting, resisting or impeding a federal officer"),
    gettext_noop("Interstate threat to injure a person (federal)"),
    gettext_noop("Tampering with a witness, victim or informant (federal)"),
    gettext_noop("Stalking (federal)"),
    gettext_noop("Conspiracy to commit an offense or defraud the United States"),
    gettext_noop("Bringing in, transporting or harboring noncitizens (federal)"),
    gettext_noop("Improper entry by a noncitizen (federal)"),
    gettext_noop("Reentry of a removed noncitizen (federal)"),
    gettext_noop("Drug distribution or possession with intent (federal)"),
    gettext_noop("Simple possession of a controlled substance (federal)"),
    gettext_noop("Attempt or conspiracy to commit a federal drug offense"),
    gettext_noop("Importing a controlled substance (federal)"),
    gettext_noop(
        "Unlawful import or export of a controlled substance (penalties, federal)"
    ),
    gettext_noop("Maintaining drug-involved premises (federal)"),
    gettext_noop(
        "Possession of a controlled substance (narcotics such as heroin or cocaine)"
    ),
    gettext_noop("Possession of a narcotic controlled substance"),
    gettext_noop("Possession of a controlled substance (other schedules)"),
    gettext_noop("Possession for sale of a narcotic controlled substance"),
    gettext_noop("Possession for sale of cocaine base"),
    gettext_noop("Selling, transporting or furnishing a narcotic controlled substance"),
    gettext_noop("Using a minor to sell narcotics, or furnishing narcotics to a minor"),
    gettext_noop("Selling a substance falsely represented as a controlled substance"),
    gettext_noop("Possession of drug paraphernalia"),
    gettext_noop("Furnishing drug paraphernalia"),
    gettext_noop(
        "Opening or maintaining a place for selling or using controlled substances"
    ),
    gettext_noop(
        "Making a building available for manufacturing, storing or distributing drugs"
    ),
    gettext_noop("Using a false compartment to hide controlled substances"),
    gettext_noop("Forged or altered prescription for narcotics"),
    gettext_noop("Obtaining a controlled substance by fraud or a false prescription"),
    gettext_noop("Obtaining a controlled substance by fraud, deceit or subterfuge"),
    gettext_noop(
        "Possession of certain controlled substances while armed with a loaded firearm"
    ),
    gettext_noop("Drug quantity (weight) enhancement"),
    gettext_noop("Possession of a controlled substance (such as methamphetamine)"),
    gettext_noop(
        "Possession for sale of a controlled substance (such as methamphetamine)"
    ),
    gettext_noop("Possession for sale of PCP"),
    gettext_noop(
        "Selling or transporting a controlled substance (such as methamphetamine)"
    ),
    gettext_noop("Selling or transporting PCP"),
    gettext_noop("Manufacturing a controlled substance"),
    gettext_noop(
        "Using a minor to sell controlled substances, or furnishing them to a minor"
    ),
    gettext_noop(
        "Possessing precursors with intent to manufacture methamphetamine or PCP"
    ),
    gettext_noop("Using or being under the influence of a controlled substance"),
    gettext_noop("Loitering with intent to commit a drug offense"),
    gettext_noop("Possession of cannabis"),
    gettext_noop("Possession of cannabis by a person under 21"),
    gettext_noop(
        "Possession of more than 28.5 grams of cannabis or 8 grams of concentrate"
    ),
    gettext_noop("Possession of cannabis on school grounds"),
    gettext_noop("Cultivating cannabis"),
    gettext_noop("Possession of cannabis for sale"),
    gettext_noop("Possession of cannabis for sale (adult)"),
    gettext_noop("Selling, transporting or giving away cannabis"),
    gettext_noop("Using or employing a minor to sell or transport cannabis"),
    gettext_noop("Smoking or using cannabis in a prohibited place"),
    gettext_noop("Intentional transmission of an infectious or communicable disease"),
    gettext_noop(
        "Intentional HIV transmission through unprotected sex (former section, repealed)"
    ),
    gettext_noop("Possessing or selling dangerous fireworks"),
    gettext_noop("Illegal disposal of hazardous waste"),
    gettext_noop(
        "Attempt to commit a crime (punishment depends on the crime attempted)"
    ),
    gettext_noop("Criminal conspiracy"),
    gettext_noop("Conspiracy to commit a crime"),
    gettext_noop("Accessory after the fact"),
    gettext_noop("Murder"),
    gettext_noop("First-degree murder (degrees of murder)"),
    gettext_noop("Manslaughter"),
    gettext_noop("Voluntary manslaughter"),
    gettext_noop("Involuntary manslaughter"),
    gettext_noop("Vehicular manslaughter"),
    gettext_noop("Vehicular manslaughter with gross negligence"),
    gettext_noop("Vehicular manslaughter without gross negligence"),
    gettext_noop("Gross vehicular manslaughter while intoxicated"),
    gettext_noop("Mayhem"),
    gettext_noop("Aggravated mayhem"),
    gettext_noop("Torture"),
    gettext_noop("Kidnapping"),
    gettext_noop("Kidnapping by force or fear"),
    gettext_noop("Kidnapping for ransom, extortion, robbery or a sex offense"),
    gettext_noop("Kidnapping for ransom or extortion"),
    gettext_noop("Kidnapping to commit robbery or a sex offense"),
    gettext_noop("Kidnapping during a carjacking"),
    gettext_noop("False imprisonment to use a person as a shield or hostage"),
    gettext_noop("Train wrecking"),
    gettext_noop("False imprisonment"),
    gettext_noop(
        "False imprisonment (punishment; felony if by violence, menace, fraud or deceit)"
    ),
    gettext_noop("Child abduction by a person without custody rights"),
    gettext_noop("Depriving a lawful custodian of custody or visitation"),
    gettext_noop("Human trafficking"),
    gettext_noop("Human trafficking for forced labor or services"),
    gettext_noop(
        "Human trafficking for a sex offense (pimping, pandering, exploitation)"
    ),
    gettext_noop("Human trafficking of a minor for a commercial sex act"),
    gettext_noop(
        "Human trafficking of a minor for a commercial sex act (without force or fear)"
    ),
    gettext_noop("Human trafficking of a minor by force, fear or violence"),
    gettext_noop("Robbery"),
    gettext_noop("Robbery (degrees)"),
    gettext_noop(
        "First-degree robbery (inhabited dwelling, transit operator or passenger)"
    ),
    gettext_noop("First-degree robbery of a person using an ATM"),
    gettext_noop("Second-degree robbery"),
    gettext_noop("Carjacking"),
    gettext_noop(
        "Assault with intent to commit mayhem, rape, sodomy or oral copulation"
    ),
    gettext_noop("Administering a drug to aid a felony"),
    gettext_noop("Assault"),
    gettext_noop("Assault on a peace officer, firefighter or emergency worker"),
    gettext_noop("Battery"),
    gettext_noop("Battery (punishment)"),
    gettext_noop("Battery on a peace officer, firefighter or emergency worker"),
    gettext_noop(
        "Battery with injury on a peace officer, firefighter or emergency worker"
    ),
    gettext_noop("Battery with serious bodily injury"),
    gettext_noop("Domestic battery (spouse, dating partner, co-parent)"),
    gettext_noop("Sexual battery"),
    gettext_noop("Sexual battery on a restrained person"),
    gettext_noop("Misdemeanor sexual battery (touching against the person's will)"),
    gettext_noop("Throwing acid or a flammable substance with intent to injure"),
    gettext_noop("Assault with a stun gun or taser"),
    gettext_noop(
        "Assault with a deadly weapon or by force likely to produce great bodily injury"
    ),
    gettext_noop("Assault with a deadly weapon other than a firearm"),
    gettext_noop("Assault with a firearm"),
    gettext_noop("Assault by means of force likely to produce great bodily injury"),
    gettext_noop("Assault with a deadly weapon on a peace officer or firefighter"),
    gettext_noop("Assault with a deadly weapon on a custodial officer"),
    gettext_noop("Shooting at an inhabited dwelling, occupied building or vehicle"),
    gettext_noop("Grossly negligent discharge of a firearm"),
    gettext_noop("Assault on a child under 8 causing death or coma"),
    gettext_noop(
        "Assault with malice aforethought by a prisoner serving a life sentence"
    ),
    gettext_noop(
        "Assault by a state prisoner with a deadly weapon or force likely to produce great bodily injury"
    ),
    gettext_noop("Battery by a state prisoner on a non-prisoner"),
    gettext_noop("Rape"),
    gettext_noop("Rape of a person incapable of giving consent (disability)"),
    gettext_noop("Rape by force, violence, duress, menace or fear"),
    gettext_noop("Rape of a person prevented from resisting by an intoxicant"),
    gettext_noop("Rape of an unconscious person"),
    gettext_noop("Rape by impersonation or fraud about the act"),
    gettext_noop("Rape by threat of future retaliation"),
    gettext_noop("Rape by threat of official authority"),
    gettext_noop("Spousal rape (former section, repealed)"),
    gettext_noop(
        "Spousal rape by force, violence, duress, menace or fear (former section)"
    ),
    gettext_noop("Spousal rape by threat of future retaliation (former section)"),
    gettext_noop("Rape, spousal rape or sexual penetration in concert"),
    gettext_noop("Unlawful sexual intercourse with a minor"),
    gettext_noop("Unlawful sexual intercourse with a minor within 3 years of age"),
    gettext_noop("Unlawful sexual intercourse with a minor more than 3 years younger"),
    gettext_noop(
        "Unlawful sexual intercourse by a person 21 or older with a minor under 16"
    ),
    gettext_noop("Enticing a minor into prostitution or illicit sex"),
    gettext_noop("Taking a person without consent for prostitution"),
    gettext_noop("Sexual act induced by false pretenses or fear"),
    gettext_noop("Receiving money for placing a person in cohabitation"),
    gettext_noop("Purchasing a person for prostitution"),
    gettext_noop("Selling a person for prostitution"),
    gettext_noop("Placing a spouse in prostitution"),
    gettext_noop("Pimping"),
    gettext_noop("Pimping (adult)"),
    gettext_noop("Pimping a minor"),
    gettext_noop("Pandering"),
    gettext_noop("Pandering (adult)"),
    gettext_noop("Pandering a minor"),
    gettext_noop("Procuring a child under 16 for lewd acts"),
    gettext_noop("Abduction of a minor for prostitution"),
    gettext_noop("Aggravated sexual assault of a child under 14"),
    gettext_noop("Incest"),
    gettext_noop("Sodomy"),
    gettext_noop("Sodomy with a person under 18"),
    gettext_noop("Sodomy by a person over 21 with a person under 16"),
    gettext_noop("Sodomy with a child under 14 or by force, duress or fear"),
    gettext_noop("Sodomy in concert by force or fear"),
    gettext_noop("Sodomy with an unconscious person"),
    gettext_noop("Sodomy with a person prevented from resisting by an intoxicant"),
    gettext_noop("Oral copulation"),
    gettext_noop("Oral copulation with a person under 18"),
    gettext_noop("Oral copulation with a child under 14 or by force, duress or fear"),
    gettext_noop("Oral copulation in concert by force or fear"),
    gettext_noop("Oral copulation with an unconscious person"),
    gettext_noop(
        "Oral copulation with a person prevented from resisting by an intoxicant"
    ),
    gettext_noop("Oral copulation (former section, renumbered as § 287)"),
    gettext_noop("Oral copulation with a child under 14 or by force (former section)"),
    gettext_noop("Oral copulation in concert by force or fear (former section)"),
    gettext_noop("Lewd or lascivious act with a child"),
    gettext_noop("Lewd or lascivious act with a child under 14"),
    gettext_noop(
        "Lewd or lascivious act with a child under 14 by force, or by a caretaker with a dependent person"
    ),
    gettext_noop(
        "Lewd or lascivious act with a child under 14 by force, violence, duress, menace or fear"
    ),
    gettext_noop(
        "Lewd or lascivious act with a child of 14 or 15 by a person at least 10 years older"
    ),
    gettext_noop("Sending harmful matter to a minor with intent to seduce"),
    gettext_noop("Contacting a minor with intent to commit a sex offense"),
    gettext_noop("Arranging a meeting with a minor for lewd purposes"),
    gettext_noop("Continuous sexual abuse of a child"),
    gettext_noop(
        "Sexual intercourse, sodomy, oral copulation or penetration with a child 10 or younger"
    ),
    gettext_noop("Sexual penetration with a foreign object"),
    gettext_noop("Sexual penetration by force, violence, duress, menace or fear"),
    gettext_noop("Sexual penetration of an unconscious person"),
    gettext_noop(
        "Sexual penetration of a person prevented from resisting by an intoxicant"
    ),
    gettext_noop("Sexual penetration of a person under 18"),
    gettext_noop("Sexual penetration by a person over 21 of a person under 16"),
    gettext_noop(
        "Sexual penetration of a child under 14 by a person more than 10 years older"
    ),
    gettext_noop("Failure to register as a sex offender"),
    gettext_noop("Distributing or importing obscene matter depicting a minor"),
    gettext_noop("Distributing obscene matter"),
    gettext_noop(
        "Sexual exploitation of a child (depicting a minor in sexual conduct)"
    ),
    gettext_noop("Using a minor to make obscene matter"),
    gettext_noop("Possession of matter depicting a minor in sexual conduct"),
    gettext_noop("Indecent exposure"),
    gettext_noop("Annoying or molesting a child under 18"),
    gettext_noop("Disorderly conduct"),
    gettext_noop("Disorderly conduct: lewd conduct in public"),
    gettext_noop("Disorderly conduct: prostitution"),
    gettext_noop("Disorderly conduct: begging or accosting in public"),
    gettext_noop(
        "Disorderly conduct: loitering in or about a public toilet for a lewd act"
    ),
    gettext_noop("Disorderly conduct: lodging in a place without permission"),
    gettext_noop("Disorderly conduct: public intoxication"),
    gettext_noop("Disorderly conduct: loitering or prowling on private property"),
    gettext_noop("Disorderly conduct: peeking into an inhabited building"),
    gettext_noop(
        "Disorderly conduct: invasion of privacy (recording or distributing intimate images)"
    ),
    gettext_noop(
        "Prostitution with a prior and a positive HIV test (former section, repealed)"
    ),
    gettext_noop("Loitering with intent to commit prostitution (repealed)"),
    gettext_noop("Supervising or aiding a prostitute"),
    gettext_noop("Admitting or keeping a minor in a house of prostitution"),
    gettext_noop("Keeping or living in a house of ill fame (brothel)"),
    gettext_noop("Keeping a disorderly house (including a house for prostitution)"),
    gettext_noop("Persuading a person to visit a place for prostitution"),
    gettext_noop("Soliciting another to commit a crime"),
    gettext_noop("Soliciting another to commit a specified felony"),
    gettext_noop("Soliciting another to commit murder"),
    gettext_noop(
        "Soliciting another to commit rape, sodomy or oral copulation by force"
    ),
    gettext_noop("Soliciting another to commit a drug offense"),
    gettext_noop("Possessing or carrying a switchblade knife"),
    gettext_noop("Annoying or threatening telephone calls or electronic messages"),
    gettext_noop("Disturbing the peace (fighting, loud noise, offensive words)"),
    gettext_noop("Disturbing the peace: fighting or challenging to fight in public"),
    gettext_noop("Disturbing the peace: loud and unreasonable noise"),
    gettext_noop("Disturbing the peace: offensive words in public"),
    gettext_noop("Failure to disperse"),
    gettext_noop(
        "Remaining at the scene of a riot or unlawful assembly after an order to disperse"
    ),
    gettext_noop("Inciting a riot"),
    gettext_noop("Participating in a riot"),
    gettext_noop("Trespassing"),
    gettext_noop("Trespass by entering and occupying property without consent"),
    gettext_noop("Trespass by refusing to leave private property when asked"),
    gettext_noop("Unauthorized entry of a dwelling"),
    gettext_noop("Vandalism"),
    gettext_noop("Vandalism (defacing, damaging or destroying property)"),
    gettext_noop("Vandalism of $400 or more"),
    gettext_noop("Vandalism of less than $400"),
    gettext_noop("Animal cruelty"),
    gettext_noop("Fare evasion and other offenses on public transit"),
    gettext_noop("Stalking"),
    gettext_noop("Criminal threats"),
    gettext_noop("Interfering with civil rights by force or threat (hate crime)"),
    gettext_noop("Brandishing a weapon or firearm"),
    gettext_noop("Brandishing a deadly weapon other than a firearm"),
    gettext_noop("Brandishing a firearm"),
    gettext_noop("Brandishing a firearm at a peace officer"),
    gettext_noop(
        "Corporal injury to a spouse, cohabitant, dating partner or co-parent"
    ),
    gettext_noop("Violating a protective or restraining order"),
    gettext_noop("Child endangerment or cruelty"),
    gettext_noop("Child endangerment likely to cause great bodily harm or death"),
    gettext_noop("Child endangerment (not likely to cause great bodily harm)"),
    gettext_noop("Corporal punishment or injury of a child"),
    gettext_noop("Failure to provide for a child"),
    gettext_noop("Contributing to the delinquency of a minor"),
    gettext_noop("Elder or dependent adult abuse"),
    gettext_noop("Elder or dependent adult abuse likely to cause great bodily harm"),
    gettext_noop("Theft or embezzlement from an elder or dependent adult"),
    gettext_noop("Resisting an executive officer by threat or force"),
    gettext_noop("Threatening a public officer or school employee"),
    gettext_noop("Perjury"),
    gettext_noop("Offering false evidence"),
    gettext_noop("Destroying or concealing evidence"),
    gettext_noop("Preventing or dissuading a victim or witness"),
    gettext_noop("Preventing or dissuading a witness from testifying"),
    gettext_noop("Preventing or dissuading a victim or witness from reporting a crime"),
    gettext_noop("Dissuading a witness by force, threat or for pay"),
    gettext_noop("Resisting, delaying or obstructing an officer"),
    gettext_noop("False report of a crime"),
    gettext_noop("Giving a false name or identity to a peace officer"),
    gettext_noop("Contempt of court"),
    gettext_noop("Contempt: willful disobedience of a court order"),
    gettext_noop(
        "Contempt: violating a protective order (domestic violence, stalking)"
    ),
    gettext_noop("Failure to appear after release on own recognizance"),
    gettext_noop(
        "Failure to appear on a misdemeanor charge after release on own recognizance"
    ),
    gettext_noop(
        "Failure to appear on a felony charge after release on own recognizance"
    ),
    gettext_noop("Failure to appear on a felony charge after release on bail"),
    gettext_noop("Failure to appear after signing a written promise (citation)"),
    gettext_noop("Escape from state prison"),
    gettext_noop("Escape from county jail or custody"),
    gettext_noop("Bringing a controlled substance into a jail or prison"),
    gettext_noop("Possession of a controlled substance in a jail or prison"),
    gettext_noop("Possession of drugs, alcohol or paraphernalia in a jail or prison"),
    gettext_noop("Burglary"),
    gettext_noop("Burglary (degrees)"),
    gettext_noop("First-degree (residential) burglary"),
    gettext_noop("Second-degree (commercial) burglary"),
    gettext_noop("Shoplifting (Prop 47)"),
    gettext_noop("Looting during a state of emergency"),
    gettext_noop("Burglary with explosives or a torch (safecracking)"),
    gettext_noop("Possession of burglary tools"),
    gettext_noop("Arson"),
    gettext_noop("Arson causing great bodily injury"),
    gettext_noop("Arson of an inhabited structure or property"),
    gettext_noop("Arson of a structure or forest land"),
    gettext_noop("Arson of property"),
    gettext_noop("Aggravated arson"),
    gettext_noop("Unlawfully causing a fire (recklessly)"),
    gettext_noop(
        "Possessing flammable material or an incendiary device with intent to burn"
    ),
    gettext_noop("Attempted arson"),
    gettext_noop("Theft"),
    gettext_noop("Theft (larceny, embezzlement, false pretenses)"),
    gettext_noop("Theft of an access card or account information"),
    gettext_noop("Forging an access card"),
    gettext_noop("Fraudulent use of an access card"),
    gettext_noop("Grand theft"),
    gettext_noop("Grand theft of property worth more than $950"),
    gettext_noop("Grand theft from the person"),
    gettext_noop("Grand theft of an automobile"),
    gettext_noop("Grand theft of a firearm"),
    gettext_noop("Petty theft"),
    gettext_noop("Petty theft of property worth $50 or less charged as an infraction"),
    gettext_noop("Petty theft of property worth $950 or less (Prop 47)"),
    gettext_noop("Petty theft of retail merchandise or library materials"),
    gettext_noop("Receiving stolen property"),
    gettext_noop("Receiving a stolen motor vehicle"),
    gettext_noop("Unauthorized computer access or fraud"),
    gettext_noop("Embezzlement"),
    gettext_noop("Embezzlement by a clerk, agent or servant"),
    gettext_noop("Extortion"),
    gettext_noop("Extortion (punishment)"),
    gettext_noop("Sending a threatening letter with intent to extort"),
    gettext_noop("Attempted extortion"),
    gettext_noop("False personation of another"),
    gettext_noop(
        "Identity theft (unauthorized use of personal identifying information)"
    ),
    gettext_noop(
        "Identity theft (obtaining credit, goods or services in another's name)"
    ),
    gettext_noop(
        "Acquiring or keeping another's personal identifying information with intent to defraud"
    ),
    gettext_noop("Obtaining money or property by false pretenses"),
    gettext_noop("False financial statement"),
    gettext_noop("Defrauding an innkeeper, restaurant or hotel"),
    gettext_noop("Insurance fraud"),
    gettext_noop("Forgery"),
    gettext_noop("Forgery of a signature"),
    gettext_noop("Forgery of a document (check, bill, note)"),
    gettext_noop("Forgery (punishment; $950 or less is a misdemeanor)"),
    gettext_noop("Possessing or passing forged bills, notes or tickets"),
    gettext_noop("Making, passing or possessing a fictitious check or bill"),
    gettext_noop("Writing a check with insufficient funds"),
    gettext_noop("Organized retail theft"),
    gettext_noop("Petty theft with a prior theft conviction"),
    gettext_noop("Vehicle theft or receiving a stolen vehicle with a prior"),
    gettext_noop("Money laundering"),
    gettext_noop("Damaging or cutting telephone, cable or utility lines"),
    gettext_noop("Carrying a concealed firearm"),
    gettext_noop("Carrying a concealed firearm in a vehicle"),
    gettext_noop("Carrying a concealed firearm on the person"),
    gettext_noop("Carrying a loaded firearm in public"),
    gettext_noop("Openly carrying an unloaded handgun in public"),
    gettext_noop("Possession of a firearm by a minor"),
    gettext_noop("Possession of a firearm by a prohibited person (felon, addict)"),
    gettext_noop("Possession of a firearm by a person convicted of a felony"),
    gettext_noop("Possession of a firearm after a specified misdemeanor conviction"),
    gettext_noop("Possession of a firearm after a conviction for a violent offense"),
    gettext_noop("Possession of ammunition by a prohibited person"),
    gettext_noop("Manufacturing, selling or importing an assault weapon"),
    gettext_noop("Possession of an assault weapon"),
    gettext_noop("Possession of a short-barreled rifle or shotgun"),
    gettext_noop("Carrying a concealed dirk or dagger"),
    gettext_noop("Possession of metal knuckles"),
    gettext_noop("Possession of a billy club, blackjack or similar weapon"),
    gettext_noop("Possession of a deadly weapon with intent to assault"),
    gettext_noop("Shooting from a motor vehicle"),
    gettext_noop(
        "Driver or owner permitting a person to discharge a firearm from a vehicle"
    ),
    gettext_noop("Willfully and maliciously shooting at a person from a motor vehicle"),
    gettext_noop(
        "Willfully and maliciously discharging a firearm from a motor vehicle"
    ),
    gettext_noop(
        "Possession of a prohibited weapon (former section; now §§ 16590, 21310 and others)"
    ),
    gettext_noop(
        "Possession of a firearm by a felon or prohibited person (former section; now § 29800)"
    ),
    gettext_noop("Carrying a concealed firearm (former section; now § 25400)"),
    gettext_noop("Carrying a loaded firearm in public (former section; now § 25850)"),
    gettext_noop("Possession of a destructive device"),
    gettext_noop(
        "Reckless or malicious possession of a destructive device or explosive"
    ),
    gettext_noop(
        "Exploding a destructive device or explosive with intent to commit murder"
    ),
    gettext_noop("Exploding a destructive device or explosive causing bodily injury"),
    gettext_noop(
        "Exploding a destructive device or explosive causing death, mayhem or great bodily injury"
    ),
    gettext_noop(
        "Exploding a destructive device with intent to commit murder (former section, now § 18745)"
    ),
    gettext_noop(
        "Exploding a destructive device causing bodily injury (former section, now § 18750)"
    ),
    gettext_noop(
        "Exploding a destructive device causing death, mayhem or great bodily injury (former section, now § 18755)"
    ),
    gettext_noop("Weapons of mass destruction"),
    gettext_noop("Possessing, developing or transporting a weapon of mass destruction"),
    gettext_noop("Using a weapon of mass destruction"),
    gettext_noop("Using a weapon of mass destruction against animals or crops"),
    gettext_noop("Criminal street gang participation or gang enhancement"),
    gettext_noop("Active participation in a criminal street gang"),
    gettext_noop("Criminal street gang enhancement"),
    gettext_noop("Armed with a firearm or deadly weapon during a felony (enhancement)"),
    gettext_noop(
        "Personal use of a deadly or dangerous weapon during a felony (enhancement)"
    ),
    gettext_noop("Use of a firearm or deadly weapon in a sex offense (enhancement)"),
    gettext_noop("Personal use of a firearm during a felony (enhancement)"),
    gettext_noop(
        'Use or discharge of a firearm in a specified felony ("10-20-life") (enhancement)'
    ),
    gettext_noop(
        "Great bodily injury by discharging a firearm from a vehicle (enhancement)"
    ),
    gettext_noop("Personal infliction of great bodily injury (enhancement)"),
    gettext_noop("Great bodily injury in a specified sex offense (enhancement)"),
    gettext_noop(
        "Personally causing termination of a pregnancy during a felony (enhancement)"
    ),
    gettext_noop(
        "Felony committed while released on bail or own recognizance (enhancement)"
    ),
    gettext_noop("Taking or driving a vehicle without the owner's consent"),
    gettext_noop("Tampering with a vehicle"),
    gettext_noop("Malicious mischief to a vehicle"),
    gettext_noop("Operating a chop shop"),
    gettext_noop("False report of a vehicle theft"),
    gettext_noop(
        "Displaying false registration or plates with intent to avoid registration"
    ),
    gettext_noop("Forging or altering vehicle registration, license or plates"),
    gettext_noop("Driving without a valid driver's license"),
    gettext_noop("Failure to carry or present a driver's license"),
    gettext_noop(
        "Driving with a license suspended or revoked for reckless driving or other causes"
    ),
    gettext_noop("Driving with a suspended or revoked license"),
    gettext_noop("Driving with a license suspended for DUI"),
    gettext_noop(
        "Driving with a license suspended after a chemical test refusal or DUI arrest"
    ),
    gettext_noop("Failure to provide evidence of financial responsibility (insurance)"),
    gettext_noop("Driving an unregistered vehicle"),
    gettext_noop("Driving or parking an unregistered vehicle"),
    gettext_noop("Failure to display license plates"),
    gettext_noop("Giving false information to a peace officer (Vehicle Code)"),
    gettext_noop("Driving under the influence (DUI)"),
    gettext_noop("Driving under the influence of alcohol"),
    gettext_noop("Driving with a blood alcohol level of 0.08% or more"),
    gettext_noop("Driving while addicted to a drug"),
    gettext_noop(
        "Driving a commercial vehicle with a blood alcohol level of 0.04% or more"
    ),
    gettext_noop(
        "Driving a vehicle for hire with a passenger and a blood alcohol level of 0.04% or more"
    ),
    gettext_noop("Driving under the influence of a drug"),
    gettext_noop("Driving under the combined influence of alcohol and drugs"),
    gettext_noop("Driving under the influence causing injury (DUI)"),
    gettext_noop("Driving under the influence of alcohol causing injury"),
    gettext_noop("Driving with 0.08% blood alcohol causing injury"),
    gettext_noop("Driving under the influence of a drug causing injury"),
    gettext_noop(
        "Driving under the combined influence of alcohol and drugs causing injury"
    ),
    gettext_noop("DUI with three or more priors in ten years (felony DUI)"),
    gettext_noop("DUI after a prior felony DUI"),
    gettext_noop("Driver under 21 with a blood alcohol level of 0.05% or more"),
    gettext_noop("Open container or cannabis in a vehicle"),
    gettext_noop("Open container of alcohol in a vehicle (passenger or driver)"),
    gettext_noop("Reckless driving"),
    gettext_noop('Reckless driving involving alcohol ("wet reckless")'),
    gettext_noop("Reckless driving causing bodily injury"),
    gettext_noop("Speed contest or exhibition of speed (street racing)"),
    gettext_noop("Throwing an object at a vehicle"),
    gettext_noop("Failure to obey a peace officer's lawful order"),
    gettext_noop("Evading a peace officer"),
    gettext_noop("Evading a peace officer with reckless driving"),
    gettext_noop("Evading a peace officer causing serious bodily injury or death"),
    gettext_noop("Hit and run causing injury or death"),
    gettext_noop("Hit and run causing property damage"),
    gettext_noop("Failure to appear or pay on a traffic citation"),
    gettext_noop("Failure to appear on a traffic citation"),
    gettext_noop("Failure to pay a traffic fine"),
    gettext_noop("Failure to stop at a red light"),
    gettext_noop("Unsafe speed (basic speed law)"),
    gettext_noop("Exceeding the maximum speed limit"),
    gettext_noop("Failure to stop at a stop sign"),
    gettext_noop("Unsafe turn or lane change"),
    gettext_noop("Using a handheld phone while driving"),
    gettext_noop("Not wearing a seat belt"),
    gettext_noop("Obstructed windshield or illegal window tint"),
    gettext_noop(
        "Juvenile status offense (beyond parental control, curfew or truancy)"
    ),
    gettext_noop(
        "Juvenile status offense: beyond parental control, curfew or running away"
    ),
    gettext_noop("Juvenile status offense: habitual truancy"),
    gettext_noop("Escape from a juvenile hall, ranch or camp"),
    gettext_noop("Bringing drugs, alcohol or weapons into a juvenile facility"),
    gettext_noop("Escape from the custody of the Division of Juvenile Justice"),
    gettext_noop("Escape from a Division of Juvenile Justice institution"),
    gettext_noop("Assault or battery by a ward of the Division of Juvenile Justice"),
    gettext_noop(
        "Possession of a firearm by a person barred for mental-health reasons"
    ),
    gettext_noop(
        "Supplying a firearm or weapon to a person barred for mental-health reasons"
    ),
    gettext_noop("Possession of a firearm after a mental-health commitment or finding"),
    gettext_noop("Welfare fraud (CalWORKs or CalFresh)"),
    gettext_noop(
        "Obtaining aid by false statement, impersonation or a fictitious identity"
    ),
    gettext_noop("Unlawfully using, selling or trading EBT benefits"),
    gettext_noop("Obtaining public aid by fraud"),
    gettext_noop("Medi-Cal fraud"),
    gettext_noop(
        "Attempt to commit peonage, slavery, forced labor or trafficking (federal)"
    ),
    gettext_noop(
        "Conspiracy to commit peonage, slavery, forced labor or trafficking (federal)"
    ),
    gettext_noop("Conspiracy to commit sex trafficking (federal)"),
    gettext_noop("Benefiting from forced labor (federal)"),
    gettext_noop("Coercing or enticing a person to travel for prostitution (federal)"),
    gettext_noop("Enticing a minor to engage in sexual activity (federal)"),
    gettext_noop("Travel with intent to engage in illicit sexual conduct (federal)"),
    gettext_noop("Engaging in illicit sexual conduct in foreign places (federal)"),
    gettext_noop("Arranging travel for illicit sexual conduct (federal)"),
    gettext_noop("Stalking by travel (federal)"),
    gettext_noop("Stalking by mail or electronic means (federal)"),
    gettext_noop("Gang-related felony punished by a life term (enhancement)"),
    gettext_noop(
        "Firearm or deadly weapon in a sex offense (enhancement; subdivision not given)"
    ),
    gettext_noop(
        "Armed with a firearm or deadly weapon in a sex offense (enhancement)"
    ),
)

# The evidence a petition can name (petitions.packet.EVIDENCE_ITEMS). The
# court papers keep the English; the drafting page shows these translated.
EVIDENCE_LABELS = (
    gettext_noop("T visa approval notice (Form I-797 for Form I-914)"),
    gettext_noop("Form I-914, Supplement B, law enforcement declaration"),
    gettext_noop("Continued Presence granted by federal law enforcement"),
    gettext_noop("U visa approval or Form I-918, Supplement B, certification"),
    gettext_noop(
        "Identification as a victim by a law enforcement agency (Pen. Code, § 236.2)"
    ),
    gettext_noop("Protective or restraining order"),
    gettext_noop("Police report naming the trafficker or abuser"),
    gettext_noop("Letter from a service provider or caseworker"),
    gettext_noop("Declaration of a therapist or clinician"),
    gettext_noop("Expert declaration (Evid. Code, §§ 1107, 1107.5)"),
    gettext_noop("Corroborating declarations of witnesses"),
)
