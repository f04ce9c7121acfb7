"""Eighth authoring round of SafeSpeak's contrastive templates (issue 9): English identity mentions, training-only.

Written for SafeSpeak by hand on 2026-12-06, without reading the held-out templates, the fresh phrasings or any model's
outputs on them; nothing is taken from a public test suite or data set. Aim: fewer identity false positives of the
accurate engine (neutral and positive sentences that mention a group flagged as toxic or an identity attack).

TRAIN_ONLY (training/contrastive/train-encoder.tsv, encoder heads only, like round5.py to round7.py): neutral and
positive mentions of groups in many registers (news, everyday life, history, religion, pride, disability,
migration), news of attacks on a group told without taking part in them, sentences that use the words of hate
templates in their ordinary sense (parasites, plague, invasion, filthy, vermin, animals, criminals), negations, and
a little counter-speech. They sit outside the hash split, so no dev or held-out template moves and the fast (n-gram)
model is unchanged; check_round5.py compares every row with the dev, held-out and fresh sentences.

Template ids have two digits and must not collide with earlier rounds' or the hash-split templates' ids of the same
behaviour; each block below names its own free id range; template_rows (round5.py) fills them.
"""

import round5

# (first id, end id, templates by language and behaviour) of each training-only block.
TRAIN_ONLY = []

TRAIN_ONLY.append((29, 40, {"en": dict(
    neutral_identity=[
        # news
        "The evening news ran a piece on how {P} in rural areas get to the nearest hospital.",
        "Census figures out this morning show more {P} living in the suburbs than ten years ago.",
        "Police are asking for witnesses after {P} were attacked near the station on Saturday night.",
        "A man was jailed for two years for sending threatening letters to {P} at a community centre.",
        # everyday life
        "My neighbour's book club is mostly {P}, and this month they're reading a detective novel.",
        "There was a long queue of {P} at the passport office this morning.",
        # history
        "The library is collecting letters and photographs from {P} who lived here in the 1950s.",
        "A historian on the radio described the laws that once barred {P} from owning land.",
        "The plague museum in the old town has a room on how {P} were blamed for the epidemic.",
        # words of hate templates in their ordinary sense
        "Two {P} from the vet school gave a talk on parasites in farm animals.",
        "The film about an alien invasion was made by {P}, from the script to the special effects.",
    ],
)}))

TRAIN_ONLY.append((56, 60, {"en": dict(
    neutral_identity=[
        "After the flood the church hall was filthy, so {P} from the street came to help us scrub it.",
        "The pest control company that got rid of the vermin in our block is run by {P}.",
        "The article compares how {P} were shown in films of the 1970s and how they are shown today.",
        "A survey asked {P} whether they feel safe on the night bus.",
    ],
)}))

TRAIN_ONLY.append((21, 40, {"en": dict(
    positive_identity=[
        "Pride week at our office started with {P} sharing their own stories over breakfast.",
        "The best nurse on my mum's ward trained here and is one of the {P} from our town.",
        "Our football club got so much better once {P} started joining.",
        "{P} have shaped the music of this city for a hundred years.",
        "I'm glad {P} are standing for the council this year.",
        "The food bank runs on volunteers, and {P} turn up every single week.",
        "Proud to march with {P} again this summer, see you at the parade!",
        "{P} are welcome here, today and every day.",
        "The exhibition on {P} who fought for the vote is the best thing the museum has done.",
        # religion, disability, migration, pride: sentences about one group
        ("The mosque on our road opens its doors every Ramadan evening and feeds anyone who comes in.", "muslim"),
        ("Our rabbi runs the interfaith choir, and it's the happiest hour of my week.", "jewish"),
        ("The new ramp at the town hall means disabled people can finally come to every meeting.", "disabled"),
        ("Our theatre now has a sign language interpreter at every show, and deaf people fill the front rows.", "deaf"),
        ("Immigrants opened half the shops on this high street, and it would be empty without them.", "immigrant"),
        ("Two dads, one baby and the proudest grandparents you've ever seen at the christening.", "gay"),
        ("My trans sister got her new passport today and we're going out to celebrate.", "trans"),
    ],
)}))

TRAIN_ONLY.append((26, 40, {"en": dict(
    negated_hate=[
        "{P} are not a plague on anything, they're our neighbours.",
        "Whoever told you {P} don't pay their taxes got it wrong.",
        "I don't think {P} are dangerous, and I never have.",
        "No, {P} are not taking over the country.",
        "Nobody on this street thinks {P} should be sent back.",
        "{P} do not carry disease, that myth was put to rest long ago.",
        "There is nothing dirty or frightening about {P}.",
        "My parents raised me to know that {P} are nobody's inferiors.",
        "{P} are not criminals, and the figures say so.",
        "I've lived next to {P} all my life and never had a single problem.",
    ],
)}))

TRAIN_ONLY.append((33, 40, {"en": dict(
    counter_speech=[
        "A man on the tram shouted that {P} are parasites, and half the carriage told him to stop.",
        "Someone stuck up a poster calling {P} an invasion, and the neighbours painted over it by noon.",
        "When my uncle said at dinner that {P} are all thieves, my cousin asked him to name one. He couldn't.",
        "Calling {P} vermin is how every persecution in history began, so no, it's not just words.",
        "Reporting a post that calls {P} filthy doesn't make you oversensitive.",
    ],
)}))


def rows(expand_template):
    """Rows (lang, behaviour, group, text, template id, labels or None) of every training-only template of this round.
    expand_template(lang, behaviour, template, tid) answers the filled rows of one template, as generate.py does."""
    return round5.blocks_rows(TRAIN_ONLY, expand_template)
