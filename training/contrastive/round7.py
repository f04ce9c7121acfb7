"""Seventh authoring round of SafeSpeak's contrastive templates (issue 9): English hate, training-only and dev-only.

Written for SafeSpeak by hand on 2026-12-06, without reading the held-out templates, the fresh phrasings or any model's
outputs on them; nothing is taken from a public test suite or data set. Aim: English hate recall of the accurate
engine without more false positives on identity mentions.

TRAIN_ONLY (training/contrastive/train-encoder.tsv, encoder heads only, like round5.py and round6.py): hate in
registers earlier rounds had little of (dehumanising comparisons, generalising stereotypes, calls for exclusion,
contempt without a slur), the same registers misspelled or in leetspeak by hand, and beside them neutral and positive
mentions, negations and counter-speech that reuse their words ("cockroaches", "inferior", "public office",
"naturally violent"), so that those words alone do not decide the label.

DEV_ONLY (training/contrastive/dev-encoder.tsv): a second dev set for the encoder heads, read with dev.tsv to fit
the blends and choose thresholds, and scored cross-fitted to choose between variants. Until round 7 the English dev
hate was 3 templates and the group threats 1, too few to tell hate shapes apart (training/dev-variants.md, session
6). These templates were written fresh for dev, after the training ones and in other words (a blight, born
defective, livestock, stripped of citizenship, body bags), with identity mentions and counter-speech that reuse those
words so that the dev identity false-positive rate also sees them. They sit outside the hash split, like every
training-only round, so no dev.tsv or held-out template moves, and the fast (n-gram) model, which reads dev.tsv,
is unchanged. check_round5.py compares every row of train-encoder.tsv and dev-encoder.tsv with the held-out and fresh
sentences (and the new dev rows with every training row).

Template ids have two digits and must not collide with earlier rounds' (round 6 uses 40-59 where it has templates,
round 5 60 and up), so each block below names its own free id range; template_rows (round5.py) fills them.
"""

import round5

# (first id, end id, templates by language and behaviour) of each training-only block.
TRAIN_ONLY = []
# (first id, end id, templates) of each dev-only block.
DEV_ONLY = []

TRAIN_ONLY.append((68, 90, {"en": dict(
    hate=[
        # dehumanising comparisons
        "{P} are like cockroaches, you see one and there are a hundred more behind the walls.",
        "Talking to {P} is like talking to farm animals, nothing goes in.",
        "{P} aren't really people in the way the rest of us are.",
        "{P} multiply like mould in a damp cellar.",
        # generalising stereotypes
        "Every single one of {P} I've met was a liar, it's in their nature.",
        "{P} are naturally violent, it's just how they're made.",
        "Scratch any of {P} and you'll find a thief underneath.",
        "{P} only ever take, they never give anything back.",
        # calls for exclusion
        "Ban {P} from public office, the lot of them.",
        "Kick {P} out of our schools and our neighbourhoods for good.",
        "{P} have no business voting in this country.",
        "Close the borders to {P} before they ruin everything.",
        # contempt without a slur
        "Nothing disgusts me more than {P} and their pathetic whining.",
        "The mere sight of {P} makes my skin crawl.",
        "{P} are a stain on this nation's past and its future.",
        "I'd be ashamed to have {P} in my family.",
        "What a joke {P} are, good for nothing except complaining.",
        "Having to share a bus with {P} ruins my whole day, vile people.",
        "{P} bring nothing but crime and noise wherever they go.",
        "{P} are inferior in every way that matters.",
    ],
    # the same registers, misspelled or in leetspeak by hand
    spelling_variant=[
        "{P} r like c0ckr0aches, u see 1 theres 100 more",
        "ban {P} from publ1c 0ffice, every l@st one",
        "{P} are inferi0r in evry way that mattrs",
        "the sight of {P} makes my skn crawl, d1sgusting",
        "{P} r n@turally v1olent, its how they r made",
        "kick {P} 0ut of our sk00ls 4 good",
        "{P} = a st@in on this nati0n",
        "n0thing but cr1me from {P}, every t1me",
        "{P} are g a r b a g e people",
        "{P} are subhum@n, not real ppl",
        "{P} shud b thrown 0ut of the c0untry",
        "h8 {P}, w0rthle$$ the lot",
    ],
)}))

TRAIN_ONLY.append((84, 90, {"en": dict(
    counter_speech=[
        "\"{P} are cockroaches\" is the language that comes before a massacre, and I won't let it slide.",
        "The flyer said {P} should be banned from public office. We tore it down and called the council.",
        "Stereotypes like '{P} are naturally violent' have been debunked over and over.",
        "He called {P} inferior in the staff meeting, so HR opened an investigation.",
        "Writing 'subhum@n' instead of the real word doesn't make what you said about {P} okay.",
        "If your joke is that {P} are thieves, it isn't a joke, it's a stereotype.",
    ],
    positive_identity=[
        "Having {P} in my family is one of the best things in my life.",
        "{P} contribute so much to this nation and it's time we said so.",
        "The sight of {P} marching for their rights made me proud of this city.",
        "{P} are equal in every way that matters.",
    ],
)}))

TRAIN_ONLY.append((46, 53, {"en": dict(
    neutral_identity=[
        "A group of {P} ran the insect room at the science museum, cockroaches included.",
        "The report on crime in the district was written with {P} who live there.",
        "{P} were among the voters interviewed outside the polling station.",
        "Our school has a mentoring scheme run by {P} from the neighbourhood.",
        "The border town has a large community of {P}.",
        "The documentary follows {P} who hold public office.",
        "The talk by {P} on the nation's past ran over by an hour.",
    ],
    negated_hate=[
        "{P} are in no way inferior to anyone.",
        "Nobody in our family has ever thought {P} don't belong here.",
        "I've never once felt that {P} bring crime to our street.",
        "{P} aren't a stain on anything.",
    ],
)}))

DEV_ONLY.append((90, 100, {"en": dict(
    hate=[
        "{P} are a blight, and every town they move into goes downhill.",
        "Give {P} an inch and they'll take the whole country.",
        "{P} ought to be kept miles from any classroom.",
        "{P} are born defective, no amount of education fixes that.",
        "Honestly, {P} are the reason this place has gone to hell.",
        "The less we see of {P}, the better off we all are.",
        "{P} should be stripped of their citizenship.",
        "You can smell {P} before you see them.",
        "{P} have the brains of livestock.",
        "Decent folk shouldn't have to put up with {P} on our streets.",
    ],
    threat_group=[
        "We'll be waiting for {P} outside the community centre with baseball bats.",
        "Time to load up and pay {P} a visit they won't walk away from.",
        "If {P} show their faces at the festival, they'll leave in body bags.",
        "The next coach full of {P} that comes through here is getting torched.",
    ],
    spelling_variant=[
        "{P} r a bl1ght on evry town",
        "keep {P} awaay from my k1ds, f1lthy lot",
        "{P} got the bra1ns of l1vestock lol",
    ],
    counter_speech=[
        "Whoever wrote that {P} have the brains of livestock should be ashamed of themselves.",
        "Saying {P} are the reason this town went downhill is scapegoating, plain and simple.",
        "The post claiming {P} should lose their citizenship was removed for hate speech.",
    ],
    positive_identity=[
        "My kids' school is better because of the {P} who teach there.",
    ],
)}))

DEV_ONLY.append((53, 60, {"en": dict(
    neutral_identity=[
        "The school near my house has a lot of {P} among its teachers.",
        "The citizenship ceremony on Friday included {P} from twelve countries.",
        "We waited outside the community centre for the {P} running the festival stall.",
    ],
    negated_hate=[
        "I have never thought of {P} as a blight on this town.",
    ],
)}))


def rows(expand_template):
    """Rows (lang, behaviour, group, text, template id, labels or None) of every training-only template of this round.
    expand_template(lang, behaviour, template, tid) answers the filled rows of one template, as generate.py does."""
    return round5.blocks_rows(TRAIN_ONLY, expand_template)


def dev_rows(expand_template):
    """Rows of every dev-only template of this round (training/contrastive/dev-encoder.tsv)."""
    return round5.blocks_rows(DEV_ONLY, expand_template)
