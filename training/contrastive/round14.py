"""Fourteenth authoring round of SafeSpeak's contrastive templates (issue 9): English hate, obfuscated hate and
person-directed insults, with contrasts, training-only.

Written for SafeSpeak by hand on 2026-12-06, without reading the held-out templates, the fresh phrasings, the dev
templates or any model's outputs on them; nothing is taken from a public test suite or data set. Why it exists: the
committed reports of the current heads say that English hate against groups is caught about 70% of the time, hand
misspelled (spelling-variant) hate about 66%, obfuscated hate about 39% (leetspeak, inserted spaces or punctuation,
symbols for letters) and insults aimed at a person only about 40% on the fresh sentences. Those numbers came from the
held-out and fresh results, so this round was steered by them and later held-out and fresh numbers for these
behaviours are optimistic (no held-out, dev or fresh row was read, copied or trained on, but they chose the direction).

TRAIN_ONLY (training/contrastive/train-encoder-round14.tsv, rounds 5 to 9 and this round, encoder heads only; not read
by default, train-encoder.tsv stays as it was): hate against groups in registers and shapes earlier rounds had little
of (vermin and disease metaphors, dehumanisation, stereotypes, calls for expulsion, conspiracy framing, "jokes",
rhetorical questions, chat register in lower case without punctuation); the same kind of hate obfuscated by hand
(leetspeak, spaced or dotted letters, asterisks, stretched letters) and misspelled by ear (phonetic spellings,
dropped letters, chat abbreviations), both under spelling_variant as generate.py defines it; insults aimed at one
person, in the second person and about a named individual, some misspelled (insult, labels 1 0 1 - 0); and beside
them contrasts that reuse the same words without attacking anyone: identity mentions in which the hate words belong
to someone else (history, propaganda, a debunked theory), counter-speech that reports or rejects such hate (also in
its obfuscated spelling), negated derogation, positive mentions, and self-deprecation, friendly banter and insult
words aimed at things or fictional people (neutral), so that a group term, a hate word or "you ..." alone does not
decide the label.

Template ids have two digits and must not collide with earlier rounds' or the hash-split templates' ids of the same
behaviour. The English hate ids 00-27, 40-55, 60-87 and 90-99 are taken, so the 18 hate templates use 28-39, 56-59 and
88-89 (like round 8, ids below 40 that no split template of the behaviour uses); each block names its own free range,
and template_rows (round5.py) fills them. Like every training-only round they sit outside the hash split, so no dev or
held-out template moves and the fast (n-gram) model is unchanged; check_round5.py compares every row of
train-encoder-round14.tsv with the dev, held-out and fresh sentences.
"""

import round5

# (first id, end id, templates by language and behaviour) of each training-only block.
TRAIN_ONLY = []

# Hate against groups, plain spelling: ids 28-39.
TRAIN_ONLY.append((28, 40, {"en": dict(
    hate=[
        # vermin and disease metaphors, dehumanisation
        "{P} are a plague of rats gnawing at the foundations of this country.",
        "{P} spread through a city the way an infection spreads through a wound.",
        "Underneath the clothes, {P} are nothing but animals walking on two legs.",
        "{P} breed like flies on a carcass and leave the same stink behind.",
        # stereotypes
        "Lend money to {P} and you'll never see a penny of it again, that's just what they're like.",
        # expulsion and exclusion
        "Deport {P}, every last one of them, and seal the border behind them.",
        "{P} should be barred from every job that matters and sent back where they crawled out of.",
        # contempt
        "{P} are the most pathetic excuse for human beings I have ever had the misfortune to meet.",
        # conspiracy framing
        "{P} are secretly running the banks and the media so they can bleed ordinary people dry.",
        "Wake up, the government is flooding the country with {P} to replace us.",
        # "jokes"
        "What's the difference between {P} and garbage? Garbage gets taken out once a week. lol",
        "How many {P} does it take to change a lightbulb? None, they're too lazy and they'd only steal it anyway.",
    ],
)}))

# Hate against groups, plain spelling: ids 56-59.
TRAIN_ONLY.append((56, 60, {"en": dict(
    hate=[
        # rhetorical questions
        "Why should decent taxpayers pay for {P} to breed like rabbits?",
        "Name one thing {P} have ever given this world besides disease and debt.",
        # chat register, lower case, no punctuation
        "honestly {P} are the worst thing that ever happened to this town get rid of them",
        "tbh {P} ruin everything they touch every single time",
    ],
)}))

# Hate against groups, plain spelling: ids 88-89.
TRAIN_ONLY.append((88, 90, {"en": dict(
    hate=[
        "{P} are a cancer and the sooner this country cuts them out the better",
        "Every border town overrun by {P} turns into a cesspit within a year.",
    ],
)}))

# Hate obfuscated by hand, misspelled by ear and in chat spelling: ids 27-57 (round 7 took 68-79, the split 00-26).
TRAIN_ONLY.append((27, 60, {"en": dict(
    spelling_variant=[
        # leetspeak, spaced or dotted letters, asterisks, stretched letters
        "{P} are v3rmin, pure v3rmin",
        "{P} r a p l a g u e on this c o u n t r y",
        "{P} are f*cking p@ras1tes",
        "dep0rt {P} n0w, every s1ngle 0ne",
        "{P} = sub-hum4n tr4sh",
        "{P} are r.o.d.e.n.t.s in human skin",
        "{P} are filthhhhy rats, all of themmm",
        "i h.a.t.e {P} so much",
        "{P} r3ally are a c4ncer on s0ciety",
        "{P} are s c u m and always will be",
        "{P} are w*rthless p*sts",
        "g3t {P} 0ut of our t0wn, theyre r0aches",
        "{P} are 1nfest1ng every c1ty",
        "{P}: d1rty, l@zy, d1shonest. every 0ne.",
        "{P} are noth1ng but a d1s3ase on 2 legs",
        # misspelled by ear, dropped letters
        "{P} are discusting anmals",
        "{P} are parrasites who shuld be sent bak",
        "i fukin despize {P}",
        "{P} are vermon, allways have bin",
        "{P} r the wurst peeple on erth",
        "{P} are inferier and evryone nos it",
        "{P} shud not be aloud in are contry",
        "{P} are dirtee thiefs the lot of em",
        "{P} r to dum to run anythin",
        "{P} are scumbagz, the hole lot",
        # chat register with chat spellings
        "lmao {P} really out here thinkin theyre people",
        "ngl the more {P} i see the more i want em gone from this country",
        "cuz {P} r basically rodents w/ passports",
        "srsly who let {P} in here, smells like a sewer now",
        "{P} are the dumbest ppl alive no cap",
        "nobody wants {P} here lol just leave already",
    ],
)}))

# Insults aimed at one person (second person, or a named individual): ids 22-99 are free; 30-63 used here.
TRAIN_ONLY.append((30, 64, {"en": dict(
    insult=[
        # second person
        "You absolute waste of space.",
        "ur such a pathetic loser lmao",
        "Honestly, you're the dumbest person in this entire group chat.",
        "Put the keyboard down before you hurt yourself, you brainless clown.",
        "Talking to you is like arguing with a wet sock, only the sock has more sense.",
        "Get lost, you spineless little worm.",
        "You're a fraud and a coward and everyone here can see it.",
        "Do you rehearse being this thick, or does it come naturally?",
        "u r so ugly and thick its actually impressive",
        "Sit down, you talentless hack.",
        "You are a disgrace to your profession, you incompetent fool.",
        "Bitter, bald and boring: that's all you'll ever be, mate.",
        "you're genuinely the most annoying human being i've ever had to deal with",
        "Keep typing, you illiterate muppet, it only makes you look worse.",
        "You couldn't organise a sock drawer, you useless lump.",
        "Go away, nobody likes you, you creep.",
        "Grow up, you whiny, entitled brat.",
        # second person, misspelled or obfuscated by hand
        "ur a braindead l0ser and evry1 knows it",
        "you absolute id1ot, read the thread before posting",
        "shut it u worthles clown",
        "y o u  a r e  p a t h e t i c",
        # about a named individual
        "Dave from accounts is a spineless, brown-nosing worm.",
        "Our new manager Steve is a complete moron who couldn't find his own desk.",
        "Jenna is a lying snake and a total airhead.",
        "Referee Paul Mills was a blind, clueless idiot tonight.",
        "Tom's new boyfriend is an absolute creep and a total slob.",
        "Marcus is the laziest, most useless teammate I've ever had.",
        "Priya thinks she's clever but she's just an arrogant know-it-all with nothing to say.",
        "lol kevin is such a dumbass",
        "Councillor Hughes is a gutless buffoon who should resign in shame.",
        "Honestly Liam, you're a joke, a sad little joke.",
        "@mike_r you are a clown and a liar, delete your account",
        "My landlord Gary is a greedy, pig-headed slimeball.",
        "that streamer jaxx is a talentless crybaby and his fans are just as dumb as him",
    ],
)}))

# Contrasts: the hate words in someone else's mouth, as history or a debunked claim (labels of round9.py's
# behaviour: TOXICITY, IDENTITY_ATTACK and INSULT absent, PROFANITY and THREAT unstated): ids 84-99 are free.
TRAIN_ONLY.append((84, 100, {"en": dict(
    neutral_identity_hard=[
        "The museum's exhibit shows how wartime propaganda called {P} vermin.",
        "Our history teacher read out a nineteenth-century pamphlet that described {P} as a disease, then took it apart line by line.",
        "The lecture traced the old conspiracy theory that {P} secretly control the banks, and how it was debunked.",
        "The documentary on {P} in the 1930s shows posters that compared them to lice.",
        "The charity helps {P} who were evicted by a landlord who called them parasites.",
        "The comedian, who is {S}, jokes about their own family, never about anyone else's.",
        "A linguist explained why slurs for {P} often borrow words for insects and rats.",
        "The archive holds the letters of {P} who were told to go back where they came from in 1968.",
    ],
)}))

# Contrasts: counter-speech that reports or rejects such hate, also in its obfuscated spelling: ids 45-59.
TRAIN_ONLY.append((45, 60, {"en": dict(
    counter_speech=[
        "A leetspeak spelling still counts: the mods removed the comment that called {P} v3rmin.",
        "Whoever keeps posting that {P} breed like rabbits: that is a hateful lie and you're blocked.",
        "The 'joke' about {P} and the rubbish collection isn't funny, it's dehumanising.",
        "My uncle said {P} are secretly running the banks, so I showed him where that conspiracy theory comes from.",
        "No, {P} are not 'infesting' anything. They are people who live here.",
        "Moderators: the thread saying {P} should be deported en masse breaks the rules, please remove it.",
        "We don't talk about {P} like they're a disease in this house, not even as a joke.",
    ],
)}))

# Contrasts: negated derogation: ids 36-45 are free.
TRAIN_ONLY.append((36, 46, {"en": dict(
    negated_hate=[
        "{P} have never been a burden on this town, whatever the leaflets claim.",
        "Of course {P} aren't animals, what a thing to even ask.",
        "I won't pretend {P} are a cancer on anything, because they aren't.",
        "{P} are not v3rmin, not rats, not a disease. They're people.",
    ],
)}))

# Contrasts: positive mentions: ids 42-59 are free.
TRAIN_ONLY.append((42, 60, {"en": dict(
    positive_identity=[
        "The {P} on our street threw the best summer party this town has seen in years.",
        "The {P} who coached our under-twelves this season deserve a medal.",
    ],
)}))

# Contrasts: self-deprecation, friendly banter, insult words aimed at things or fictional people: ids 23-99 are free.
TRAIN_ONLY.append((30, 50, {"en": dict(
    neutral=[
        "I'm such a loser at chess, you beat me again, well played.",
        "Ugh, I'm an absolute idiot, I left my umbrella on the train again.",
        "You absolute legend, you brought snacks for everyone!",
        "This old wardrobe is a waste of space, let's take it to the charity shop.",
        "haha you muppet, you've had me crying with laughter all night, love you mate",
        "My cat is a lazy little worm who sleeps all day and I adore her.",
        "The villain in this film is a spineless coward and the actor plays him brilliantly.",
        "Am I stupid or is today's crossword impossible?",
        "I felt like a total fool when I waved at a stranger I thought was my brother.",
        "Don't call yourself useless, you fixed the sink on your first try.",
        "Calling someone a pathetic loser online says more about the person typing it.",
        "The pest control guy said the vermin in the loft were squirrels, not rats.",
        "My brother and I call each other nerds all the time, it's how we say we miss each other.",
        "The word 'moron' was once a clinical term, which is why many people avoid it now.",
    ],
)}))


def rows(expand_template):
    """Rows (lang, behaviour, group, text, template id, labels or None) of every training-only template of this round.
    expand_template(lang, behaviour, template, tid) answers the filled rows of one template, as generate.py does."""
    return round5.blocks_rows(TRAIN_ONLY, expand_template)
