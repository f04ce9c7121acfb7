"""Ninth authoring round of SafeSpeak's contrastive templates (issue 9): hard neutral identity mentions, dev-only and
training-only.

Written for SafeSpeak by hand on 2026-12-06, without reading the held-out templates, the fresh phrasings or any model's
outputs on them; nothing is taken from a public test suite or data set. Why it exists: the r8 heads flagged 9.0% of
the fresh identity mentions (target 5%), a failure that dev could not show; this round was designed after seeing that
fresh result, so later held-out and fresh identity numbers are optimistic (no held-out or fresh row was copied or
trained on, but they steered the direction; training/dev-variants.md, round 9). Aim: a dev view of the identity false
positives that dev could not see in round 8. There, the neutral, positive and negated identity behaviours passed 100%
on dev for every variant, so the dev identity false positives were all counter-speech and reclaimed use, and
round 8's training-only neutral mentions were never rewarded by the selection (training/dev-variants.md, round 8).

Behaviour neutral_identity_hard (generate.py LABELS: TOXICITY, IDENTITY_ATTACK and INSULT absent, and with them the
derived SEVERE_TOXICITY; PROFANITY and THREAT unstated, as crime news may mention a knife): the identity term next to
negative words that are not aimed at the group (reports of discrimination or a hate crime against the group,
persecution in history, illness, poverty, crime news with the group as the victim, a complaint about weather, traffic
or a landlord by a member of the group), questions about groups, self-identification with strong feelings, and plain
descriptions in several registers (headline, chat, formal, slangy, lower case without punctuation, very short). Each template is filled with every English group of generate.py and four of the extra groups below (age,
nationality, more religions, more disabilities, bisexual people), rotating, so every template has 18 rows.

DEV_ONLY (training/contrastive/dev-encoder.tsv, after round 7's rows): ids 40-61. TRAIN_ONLY
(training/contrastive/train-encoder.tsv, rounds 5 to 9, which the heads read since round 9): ids 70-83, written after the dev
templates and in other words (other events, other complaints, other questions). Both sit outside the hash split, so
dev.tsv, the held-out suite and the fresh set do not move; check_round5.py compares the dev rows with the held-out,
fresh and training rows, and the training rows with the dev, held-out and fresh rows.
"""

BEHAVIOUR = "neutral_identity_hard"

# (group id, plural, singular after "I'm") beyond generate.py's English groups; each template gets four of them.
EXTRA_GROUPS = [("elderly", "pensioners", "a pensioner"), ("young", "teenagers", "a teenager"),
                ("polish", "Polish people", "Polish"), ("nigerian", "Nigerians", "Nigerian"),
                ("mexican", "Mexicans", "Mexican"), ("hindu", "Hindus", "a Hindu"),
                ("bisexual", "bisexual people", "bi"), ("blind", "blind people", "blind"),
                ("autistic", "autistic people", "autistic"), ("sikh", "Sikhs", "a Sikh")]

DEV_ONLY = (40, 64, [
    # reports of discrimination or a hate crime against the group
    "HATE CRIME CHARGE AFTER {P} BEATEN OUTSIDE CORNER SHOP",
    "A study out today finds {P} are twice as likely to be turned down for a mortgage.",
    "Abusive letters sent to {P} at the town hall rose by forty percent this year, councillors heard.",
    "Vandals sprayed slurs on the hall {P} use for meetings; volunteers had scrubbed it clean by noon.",
    # history of persecution
    "My grandmother never spoke about what {P} went through during the war.",
    "The museum's new wing documents the expulsion of {P} from the city four hundred years ago.",
    # illness, poverty, disaster, crime with the group as the victim
    "Doctors warn that {P} are waiting far too long for cancer screening.",
    "Poverty among {P} in the region rose again last year, the charity said.",
    "{P} in the flood zone lost their homes and are still waiting for help.",
    "Two {P} were robbed at knifepoint on the towpath, police said this morning.",
    # complaints by a member of the group, strong feelings aimed elsewhere
    "I'm {S} and I'm absolutely livid that they've cut the late bus again.",
    "im {S} and my landlord has ignored the broken boiler for three weeks, so sick of it",
    "traffic on the ring road was a nightmare today, took me and the other {P} on my team two hours to get home",
    "I'm {S}, it's been raining for nine days straight and I am losing my mind.",
    "Being {S} at that school was miserable, and I still get angry thinking about it.",
    # questions about groups
    "Why do so many {P} in this city end up living next to the motorway?",
    "are there many {P} where you live? just curious",
    "Do {P} face more discrimination at job interviews? A new survey says yes.",
    # plain descriptions in several registers
    "im {S}",
    "The committee invites written evidence from {P} on harassment in the workplace.",
    "ngl the {P} in my building have the worst luck with parcels, stuff goes missing every week",
    "Quick question for {P} here: which dentist in town do you use?",
])

TRAIN_ONLY = (70, 90, [
    "Tribunal rules that a warehouse manager treated {P} unfairly when handing out night shifts.",
    "Asthma rates among {P} living near the steelworks are the highest in the country.",
    "Unemployment among {P} under thirty barely moved this quarter.",
    "A memorial stone now marks the square where {P} were rounded up and deported in 1942.",
    "The night {P} were chased out of the village is still taught at the local school.",
    "A pickpocket targeted {P} at the bus station all summer before he was caught.",
    "I'm {S} and I'm fed up to the back teeth with the roadworks outside my flat.",
    "honestly im {S} and i hate mondays more than anyone alive",
    "im {S} and the heatwave is killing me, cant sleep at all",
    "What festivals do {P} celebrate in the spring?",
    "How many {P} sit on the city council at the moment?",
    "Breaking: {P} evacuated after a gas leak on Elm Street, nobody hurt.",
    "Swipe if you're {S} and your phone battery dies by lunch every day",
    "Statement from the hospital: the patients harmed by the faulty scanner were mostly {P}.",
])


def _fill(template, plural, single):
    text = template.replace("{P}", plural).replace("{S}", single)
    return text[0].upper() + text[1:] if template.startswith(("{P}", "{S}")) else text


def _rows(block, expand_template):
    """The filled rows of a block: generate.py's English groups through expand_template, then four extra groups."""
    first_id, end_id, templates = block
    out = []
    for k, template in enumerate(templates):
        assert first_id + k < end_id, f"too many {BEHAVIOUR} templates: ids must stay under {end_id}"
        tid = f"en.{BEHAVIOUR}.{first_id + k:02d}"
        out.extend(expand_template("en", BEHAVIOUR, template, tid))
        for j in range(4):
            gid, plural, single = EXTRA_GROUPS[(4 * k + j) % len(EXTRA_GROUPS)]
            out.append(("en", BEHAVIOUR, gid, _fill(template, plural, single), tid, None))
    return out


def rows(expand_template):
    """Rows (lang, behaviour, group, text, template id, labels or None) of every training-only template of this round.
    expand_template(lang, behaviour, template, tid) answers the filled rows of one template, as generate.py does."""
    return _rows(TRAIN_ONLY, expand_template)


def dev_rows(expand_template):
    """Rows of every dev-only template of this round (appended to training/contrastive/dev-encoder.tsv)."""
    return _rows(DEV_ONLY, expand_template)
