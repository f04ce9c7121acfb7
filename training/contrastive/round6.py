"""Sixth authoring round of SafeSpeak's contrastive templates (issue 9): training-only, English.

Written for SafeSpeak by hand on 2026-12-06, without reading the held-out templates, the fresh phrasings or any model's
outputs on them; nothing is taken from a public test suite or data set. Aim: English hate and threats against a group
in the accurate engine. On the dev templates (training/dev-variants.md, session 6) the hate that fails is hate without
a slur or a threat word: stated aversion ("I can't stand ..."), exclusion from a place or a right, and discrimination
in hiring or housing with a stereotype attached; the threat against a group that fails is a call for violence phrased
as a suggestion ("someone should ..."), with no kill/shoot/bomb word. So this round writes hate and group threats in
those registers (new sentences, not rewrites of a dev sentence), and beside them identity mentions, counter-speech
and violent-sounding idioms with the same words ("crowd", "hire", "can't stand", "should not be allowed") that are
not attacks, so that those words alone do not decide the label.

Like round5.py every template goes to the TRAIN side only (training/contrastive/train-encoder.tsv, read by the
encoder heads; the n-gram model keeps train.tsv), outside the hash split, so the dev and held-out templates do not
move. Ids are 40-59, between the hash-split templates' and round 5's. check_round5.py (run on the whole of train-encoder.tsv) reports any
near-duplicate of a dev, held-out or fresh sentence: at Jaccard >= 0.5 it
found three of this round's hate templates close to a held-out sentence (written independently, but close), which
were rewritten before any training run. Same template conventions as round5.py.
"""

import round5

# Template ids of this round are 40-59 (en.hate.40, ...): every hash-split template's index is below 40 and round 5's
# start at 60, and template ids have two digits (ContrastiveCaseTest).
FIRST_ID = 40

TRAIN_ONLY = {}

TRAIN_ONLY["en"] = dict(
    hate=[
        "I've had enough of {P}, the whole lot of them are garbage.",
        "Honestly I despise {P} and I don't care who knows it.",
        "Can't bear being in the same room as {P}. Scum, all of them.",
        "This country was never meant for {P} and never will be.",
        "{P} should be banned from buying houses in our town.",
        "We'll keep {P} off our estate, nobody here wants them.",
        "No landlord should rent to {P}, they wreck everything they touch.",
        "I refuse to serve {P} in my shop, they're all crooks.",
        "Our firm bins every CV that comes from {P}. Useless, every one of them.",
        "{P} are a rot eating away at decent society.",
        "You can't trust {P} with money, they're born cheats.",
        "{P} should crawl back into the sewer they came from.",
        "{P} spread filth wherever they settle.",
        "{P} shouldn't be permitted to marry or raise kids.",
        "Every school would be better off without {P} in it.",
        "I wouldn't let {P} look after my dog, degenerates the lot.",
    ],
    threat_group=[
        "Someone ought to plough a lorry into the next march of {P}.",
        "Would be a real shame if the houses of {P} on our road caught fire tonight.",
        "Round up {P} and put them up against a wall.",
        "Next time {P} hold a parade I'm bringing petrol and a lighter.",
        "Let's run {P} off the road whenever we see them.",
        "A few of us are going to give the {P} by the station a beating tonight.",
        "Somebody needs to take a crowbar to {P} and teach them a lesson.",
        "We should drag {P} out to the woods and make sure they never come back.",
        "I hope someone opens fire on the next gathering of {P}.",
        "Lock the doors of the hall where {P} meet and set it alight.",
    ],
    neutral_identity=[
        "A crowd of {P} gathered outside the town hall to hear the election results.",
        "Someone should organise a minibus for the {P} who can't get to the meeting.",
        "The lorry with food parcels for {P} at the shelter arrived this morning.",
        "I can't stand the cold, but the {P} at the winter market didn't seem to mind it.",
        "The firm says it hired more {P} this year than in any year before.",
        "The landlord association published a guide on renting to {P} and students.",
    ],
    positive_identity=[
        "We'd happily hire more {P}; the last three were brilliant.",
        "{P} belong in this town as much as anyone.",
    ],
    counter_speech=[
        "Someone sprayed \"{P} out\" on the bus shelter. The council painted over it within an hour.",
        "Refusing to rent to {P} is illegal, and we reported the agency that did it.",
        "The man shouting that {P} were scum was charged with harassment.",
        "Calling for violence against {P} is a crime, so the post has gone to the police.",
        "A politician saying {P} have no place here is exactly why I volunteer with the refugee charity.",
    ],
    non_threat=[
        "Someone should drive a bulldozer through these planning rules.",
        "The crowd went wild when the band came back on stage.",
        "I'm going to take a hammer to this old wardrobe and burn the pieces in the fire pit.",
        "The comedian absolutely destroyed the crowd tonight.",
    ],
)


def rows(expand_template):
    """Rows (lang, behaviour, group, text, template id, labels or None) of every training-only template.
    expand_template(lang, behaviour, template, tid) answers the filled rows of one template, as generate.py does.
    Its ids stay under round 5's, which start at 60."""
    return round5.template_rows(TRAIN_ONLY, FIRST_ID, round5.FIRST_ID, expand_template)
