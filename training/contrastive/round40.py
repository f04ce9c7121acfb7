"""Fortieth authoring round of SafeSpeak's contrastive data: English threats to a person, and English messages that use
violent words without threatening anyone, for the accurate engine's heads, training-only and dev-only.

Written by hand for SafeSpeak on 2026-12-07 by a helper session (started 09:55 UTC, finished 09:57 UTC) that read
no held-out, fresh, dev or unseen sentence, no report and no model output: it read only round33.py, round29.py's
helpers, check_round5.py's code, round9.py's docstring and the first lines of the TSV files for their format.
Nothing was taken from a public test suite or data set (HateCheck, Jigsaw or any other), no sentence of round 33 was
paraphrased, and each sentence was written on its own for this round (no loop or generator builds a sentence).

Why it exists: the accurate engine's English heads (trained on train-encoder-round27.tsv, selected on
dev-encoder-round27.tsv) had seen only about 28 English threat_person rows in training and 4 in dev, so the choice of
their threshold could not see threats to a person at all, and the heads could only learn the few words those rows
share. This round carries round 33's English rows into the encoder files and adds 24 more families of each side of
the line:
  threat_person (24 families, 8 kinds of 3): direct threats to kill or hurt the reader (strangling, a weapon,
    shooting); conditional threats ("go near my sister again and ...", "report me again and ...", "pay by Friday or
    ..."); implied threats and intimidation ("sleep with one eye open", "you won't see it coming", "make the most of
    this Christmas"); threats to the reader's pet, car, children or partner; stalking, finding and doxxing ("I've got
    your address", "I'll be outside your work", "I know your route home"); threats in the third person against one
    specific person that the writer plans to carry out (a streamer, a boss, a neighbour); gaming and chat register
    threats meant seriously (lower-case, "ur", "u", "irl", a few misspellings); very short threats (two to five words)
    and long ones (up to 22 words);
  non_threat (24 families, 8 kinds of 3): violent idioms and hyperbole ("I could strangle this printer", "this commute
    is killing me", "she killed it at karaoke"); sport and competition results; video games and tabletop games;
    fiction, films, books and true-crime podcasts; news reports of threats, attacks and arrests, and people reporting a
    threat they received to the police or moderators; self-directed and family jokes ("my dad is going to kill me when
    he sees the dent"); cooking, parties, pests and tech ("the battery died", "shoot me an email", "blow up the
    balloons"); safety advice, condemnation of threats and support for people who were threatened.
Registers are mixed: chat, DMs, comments, texts, emails and a few news headlines. No identity group is named, there are
no slurs and no profanity, and the non_threat rows insult and threaten no one.

Labels (header order TOXICITY, IDENTITY_ATTACK, INSULT, PROFANITY, THREAT): threat_person is ("1", "-", "-", "-", "1")
as in train.tsv, non_threat is all "0". The group column is "-", the language "en". Template ids carry an ".h" prefix
(en.threat_person.h00 ... h23, en.non_threat.h00 ... h23) so they cannot collide with round 33's ".t" ids.

The messages are organised in families: one act written in four surface variants (different wording, not only
punctuation). Families k = 3j, 3j+1, 3j+2 are kind j (see THREAT_KINDS and NON_THREAT_KINDS). The split is by family,
never by row: family k goes to dev when k % 3 == 0 (eight dev families per behaviour, one of each kind) and to training
otherwise (sixteen per behaviour).

Running `python3 training/contrastive/round40.py` from the repository root writes
  training/contrastive/train-encoder-round40.tsv  every line of train-encoder-round27.tsv unchanged and in order, then
                                                  the English rows round 33 added to training (the lines of
                                                  train-round33.tsv beyond those it shares with train-round29.tsv,
                                                  lang "en"), then round 40's training rows;
  training/contrastive/dev-encoder-round40.tsv    every line of dev-encoder-round27.tsv unchanged and in order, then
                                                  round 33's English dev rows (dev-round33.tsv beyond dev-round29.tsv,
                                                  lang "en"), then round 40's dev rows;
and prints counts per behaviour and side. It asserts that train-round33.tsv and dev-round33.tsv begin with every line
of train-round29.tsv and dev-round29.tsv, that no new text (lower-cased, trailing punctuation and whitespace stripped)
appears twice or is already in train.tsv, dev.tsv, train-encoder*.tsv, dev-encoder*.tsv (round 40's own outputs
excepted), train-round29.tsv, dev-round29.tsv, train-round33.tsv or dev-round33.tsv, that every text is stripped and
free of tabs and newlines, that no template id is on both sides and that every kind has families on both sides. It
then drops (and prints) every new training row whose word set comes close to a held-out or fresh sentence's (Jaccard
overlap at or above 0.6, check_round5.py's limit, through round 29's helpers as in round 33) and every new dev row
close to one or whose word set is a new training row's; the author saw only which of their own rows were dropped.
When the round was written the drop removed no row: 0 training and 0 dev rows (so every
family kept all four variants: 64 training and 32 dev rows per behaviour).
The script is deterministic: rerunning it rewrites the same two files.
"""

import collections
import os

# Shared with rounds 29 and 33 (the same normalisation, closeness to check_round5.py's limit and evaluation word sets).
from round29 import drop_close, norm  # noqa: E402
from round29 import existing_texts as round29_existing_texts  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
HEADER = "lang\tbehaviour\tgroup\ttext\tTOXICITY\tIDENTITY_ATTACK\tINSULT\tPROFANITY\tTHREAT\ttemplate"
LANG = "en"
BASE_TRAIN = "train-encoder-round27.tsv"
BASE_DEV = "dev-encoder-round27.tsv"
R29_TRAIN, R33_TRAIN = "train-round29.tsv", "train-round33.tsv"
R29_DEV, R33_DEV = "dev-round29.tsv", "dev-round33.tsv"
OUT_TRAIN = "train-encoder-round40.tsv"
OUT_DEV = "dev-encoder-round40.tsv"

# Labels in header order TOXICITY, IDENTITY_ATTACK, INSULT, PROFANITY, THREAT ("-": not stated).
LABELS = {
    "threat_person": ("1", "-", "-", "-", "1"),
    "non_threat": ("0", "0", "0", "0", "0"),
}

# Eight kinds per behaviour; families 3j, 3j+1 and 3j+2 are kind j.
THREAT_KINDS = ["direct threat to kill or hurt the reader", "conditional threat", "implied threat / intimidation",
                "threat to the reader's pet, car, children or partner", "stalking / finding / doxxing",
                "third person about one specific person, writer plans to do it", "gaming and chat register, serious",
                "very short and long threats"]
NON_THREAT_KINDS = ["violent idiom and hyperbole", "sport and competition", "video games and tabletop",
                    "fiction, films, books, true-crime podcasts", "reporting a threat received; news of threats",
                    "self-directed and family jokes", "tech, cooking, parties, pests",
                    "safety advice, condemnation of threats, support"]

# FAMILIES[behaviour] = 24 families, each a list of four surface variants of one act.
FAMILIES = dict(
    threat_person=[
        # direct threat to kill or hurt the reader
        ["I'm going to wrap my hands around your throat and squeeze until you stop breathing",
         "next time we meet I will choke the life out of you",
         "I'll strangle you with my bare hands, count on it",
         "you're getting strangled the moment I get hold of you"],
        ["I'm bringing a bat and I'm going to cave your skull in",
         "gonna take a hammer to your knees, see how you like walking then",
         "I will beat you with a crowbar until you stop moving",
         "there's a baseball bat in my boot with your name on it"],
        ["I'm going to shoot you in the face",
         "I've got a gun and the first bullet is for you",
         "I will put a bullet in your head, mark my words",
         "loaded my rifle this morning and you're the target"],
        # conditional threat
        ["come near my sister one more time and I'll rip your head off",
         "if I catch you talking to my sister again you won't walk away from it",
         "go near my sister again and they'll be scraping you off the pavement",
         "text my sister once more and I'll put you in hospital"],
        ["report my account again and I'll stab you",
         "if you flag one more of my posts I'm going to hurt you badly",
         "mass report me again and I'll break every finger you type with",
         "keep reporting my videos and see what happens to your face"],
        ["pay me back by friday or I'll break your arms",
         "if that money isn't in my account by Friday you're getting hurt",
         "no cash by the weekend means a knife in your ribs",
         "miss another payment and I'll beat you senseless outside your flat"],
        # implied threat / intimidation
        ["sleep with one eye open from now on",
         "I'd lock my doors tonight if I were you",
         "don't get too comfortable at night, I'm never far away",
         "might want to check your locks before bed tonight"],
        ["you won't see it coming, but it's coming",
         "one day soon you'll turn a corner and I'll be there. you won't hear a thing",
         "it'll happen when you least expect it",
         "you'll never know which day it is until it's too late"],
        ["make the most of this christmas, it'll be your last",
         "say goodbye to your friends while you still can",
         "better write your will tonight",
         "hope you've said everything you wanted to say to your mum, you're out of time"],
        # threat to the reader's pet, car, children or partner
        ["your dog won't be barking much longer",
         "that cat of yours goes out at night, doesn't it? shame if it didn't come back",
         "I'm going to poison your dog",
         "keep it up and your cat ends up hanging from your fence"],
        ["I'll slash all four of your tyres tonight",
         "your car's going up in flames tonight",
         "gonna smash your windscreen to pieces, see you in the car park",
         "hope your insurance covers fire because your car won't last the week"],
        ["I'll hurt your kids and make you watch",
         "your wife walks to the gym alone every morning. I'd hate for her to get hurt",
         "I'm going after your husband next",
         "your little boy plays in the front garden a lot. remember that before you call the police"],
        # stalking / finding / doxxing
        ["I've got your address, see you tonight",
         "got ur home address from a mate, I'm on my way",
         "your address is 14 Birch Road, right? I'll be knocking tonight",
         "I'm posting your address so everyone can pay you a visit"],
        ["I'll be outside your work when you clock off tomorrow",
         "know where you work now. see you in the car park after your shift",
         "your shift at the supermarket ends at ten. I'll be waiting round the back",
         "found your job on linkedin. I'm coming to the warehouse to settle this in person"],
        ["I've been watching you leave your flat every morning",
         "nice red coat today. I was two rows behind you on the bus",
         "I saw you at the gym last night, and I'll see you again somewhere quieter",
         "I know your route home now, every single turn of it"],
        # third person about one specific person, writer plans to do it
        ["that streamer lives twenty minutes from me and I'm going to go and break his nose",
         "I'm driving to that youtuber's house this weekend to hurt him",
         "someone posted where that streamer lives. I'm going over there with a knife",
         "gonna find that twitch guy at the convention and beat him unconscious"],
        ["I'm going to kill my manager tomorrow, I've got it all planned",
         "my boss is getting pushed down the stairs on Monday, and I'll be the one pushing",
         "bringing a knife to work for my supervisor, he's had this coming",
         "I'm going to wait for my boss in the car park and smash his head in"],
        ["I'm going to set fire to my neighbour's house while she sleeps",
         "the guy next door is getting my fist through his face tonight, I'm done talking",
         "tonight I'm going round to Dave at number 12 with a bat",
         "that woman across the road has one more day before I deal with her for good"],
        # gaming and chat register, meant seriously
        ["ur dead irl i know ur school",
         "keep talkin kid i got ur ip, im coming to ur house",
         "i swear ill find u after this match and beat u up fr",
         "not joking, ill stab u when i find u, ur city is on ur profile"],
        ["u better log off and lock ur doors bc im coming",
         "gg but im gonna hurt u irl, i kno ur real name",
         "reported? lol wait till i show up at ur house tmrw",
         "ur gonna bleed for that teamkill, i mean it"],
        ["keep trash talkin and ill put u in hospital no cap",
         "i got ur discord linked to ur insta, ur getting jumped this week",
         "ima find u and break ur jaw, screenshot this",
         "dont care if its a game, ur getting hurt for real"],
        # very short threats and long ones
        ["I'll gut you",
         "you're getting stabbed",
         "I'll bury you tonight",
         "your throat's getting cut"],
        ["I have spent three weeks learning your routine, and on Thursday night when you walk home alone I'm going "
         "to hurt you",
         "after what you said at the meeting, I'll wait outside and beat you until you can't stand up",
         "you can block me on every app you like, it won't stop me turning up and putting a knife in you",
         "I don't care how long it takes, one day I'll find you and you'll pay with your life"],
        ["run while you still can",
         "I'm outside your door with a knife",
         "check behind you tonight",
         "better start running"],
    ],
    non_threat=[
        # violent idiom and hyperbole
        ["I could strangle this printer",
         "I'm about to throw my laptop out of the window",
         "this printer is getting a hammer taken to it, I swear",
         "if the wifi drops one more time I'm launching the router into the sea"],
        ["this commute is killing me",
         "the humidity today is absolutely murdering me",
         "these Monday meetings will be the death of me",
         "my back is killing me after moving house"],
        ["she absolutely killed it at karaoke last night",
         "that comedian slayed, I was crying",
         "your new haircut is killer",
         "the band blew the roof off the place"],
        # sport and competition
        ["we slaughtered them 6-1 on Saturday",
         "the under-12s got thrashed 7-0 but they loved every minute",
         "absolutely battered them in the derby",
         "we massacred the other team in the semi"],
        ["she murdered everyone in the spelling bee",
         "my nan annihilated us all at scrabble again",
         "we got wiped out in the first round of the quiz",
         "he destroyed the competition at the chess club tournament"],
        ["he knocked him out cold in the second round, what a fight",
         "the boxer got floored twice but still won on points",
         "great choke submission in the main event tonight",
         "she's been training to punch harder for her first amateur bout"],
        # video games and tabletop
        ["my rogue stabbed the goblin king in the back and we won the session",
         "our DM had the dragon burn the whole village, brutal session",
         "rolled a natural 20 and decapitated the lich",
         "my paladin got killed by a mimic disguised as a chest lol"],
        ["just got a triple kill with the grenade launcher",
         "camping the bridge with a sniper is so cheap",
         "i keep dying to the final boss in the fire level",
         "we wiped the whole enemy squad in the last circle"],
        ["my zombies overran her base in the first ten minutes",
         "nuked his whole city in civ and won a domination victory",
         "the werewolves murdered the seer on night one again",
         "in this board game you have to assassinate the rival king before the plague spreads"],
        # fiction, films, books, true-crime podcasts
        ["the new true-crime podcast about the poisoner is really gripping",
         "that podcast episode on the hitman who never got caught was chilling",
         "started a true crime series about a stalker in the 90s, can't stop listening",
         "the last episode covered how police finally arrested the killer"],
        ["the shootout at the end of the film was so well choreographed",
         "in the sequel the hero gets stabbed and somehow survives",
         "the villain blows up the bridge in the trailer",
         "that gangster threatens everyone in the film and it still makes me laugh"],
        ["in the novel the maid poisons the whole family at dinner",
         "chapter nine is where the witch curses the prince to die",
         "the murder in this mystery happens in a locked library",
         "I'm reading a thriller where a hitman is hired to kill a judge"],
        # reporting a threat received; news of threats, attacks and arrests
        ["I reported the account that threatened me and the moderators banned it",
         "someone said they'd hurt me so I've gone to the police with the screenshots",
         "got a threatening message last night, already sent it to the mods",
         "I filed a police report about the man who threatened my daughter"],
        ["Police arrest man after stabbing outside train station",
         "Two men charged after threats were made against a school",
         "Court hears woman threatened to burn down her neighbour's house",
         "A councillor says she received death threats after the vote"],
        ["Shooting in city centre leaves one injured, police say",
         "Suspect arrested after bomb threat closed the airport for three hours",
         "Teen cautioned over threatening messages sent to a youtuber",
         "Former partner jailed for stalking and threatening a nurse"],
        # self-directed and family jokes
        ["my dad is going to kill me when he sees the dent in the car",
         "my sister will strangle me if I spoil the finale",
         "my wife is going to murder me, I ate the last slice of cake",
         "grandma will skin me alive if I miss Sunday lunch"],
        ["I'm going to die of embarrassment",
         "shoot me, I just sent that email to the wrong person",
         "bury me, I waved at someone who wasn't waving at me",
         "I nearly died laughing at my own typo"],
        ["my flatmate will kill me for using his good pan",
         "the teacher is going to murder us for not doing the reading",
         "our coach will kill us if we lose to them again",
         "my best friend's going to kill me for telling everyone about the proposal"],
        # tech, cooking, parties, pests
        ["the battery died halfway through my call",
         "shoot me an email when you're free",
         "run kill -9 on the stuck job",
         "the server crashed so we had to nuke the cache"],
        ["blow up the balloons before the guests arrive",
         "hack the pumpkin in half with a big knife",
         "let the dough rest then punch it down",
         "slit the sausages so they don't burst in the pan"],
        ["we need to get rid of the wasps' nest before it gets bigger",
         "the slugs massacred my lettuces overnight",
         "set some mouse traps in the shed",
         "the exterminator wiped out the ants in an afternoon"],
        # safety advice, condemnation of threats, support
        ["if someone threatens you online, save the messages and tell someone you trust",
         "never reply to a threat, just block and report",
         "you can call 999 if anyone says they're coming to hurt you",
         "keep a record of every threatening message with dates and times"],
        ["threatening a streamer's family over a game is disgusting",
         "there's no excuse for threatening a nurse",
         "people who send death threats to referees should be banned from the ground",
         "telling someone you know where they live is not banter, it's intimidation"],
        ["if your ex is threatening you, there are helplines that can help",
         "stay with a friend tonight if you don't feel safe at home",
         "our moderators take threats seriously, please use the report button",
         "it's not your fault someone threatened you, and you don't have to deal with it alone"],
    ],
)

FAMILY_COUNT = 24
KINDS = {"threat_person": THREAT_KINDS, "non_threat": NON_THREAT_KINDS}


def dev_side(k):
    """Family k is dev when k % 3 == 0: one family of each kind (k // 3) in dev, two in training."""
    return k % 3 == 0


def read_lines(name):
    # Split on "\n" only (not str.splitlines) so that copied rows stay byte for byte as they are.
    with open(os.path.join(HERE, name), encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    if lines[-1] == "":
        lines.pop()
    assert lines[0] == HEADER, name
    return lines


def round33_english(base29, out33):
    """The English lines round 33 added: those of out33 beyond the first N, N being base29's line count."""
    base = read_lines(base29)
    full = read_lines(out33)
    assert full[:len(base)] == base, (out33, "does not begin with", base29)
    return [line for line in full[len(base):] if line.split("\t")[0] == LANG]


def existing_texts():
    # Leave out this round's own outputs (round41.py's and round49.py's, which copy its rows, are COPIES).
    return round29_existing_texts(skip=(OUT_TRAIN, OUT_DEV), extra=(R29_TRAIN, R29_DEV, R33_TRAIN, R33_DEV))


def build_rows():
    rows = {"train": [], "dev": []}
    families = {"train": collections.Counter(), "dev": collections.Counter()}
    seen_new = {}
    old = existing_texts()
    templates = {}
    kind_sides = collections.defaultdict(set)
    for behaviour, fams in FAMILIES.items():
        assert len(fams) == FAMILY_COUNT, (behaviour, len(fams))
        assert len(KINDS[behaviour]) * 3 == FAMILY_COUNT, behaviour
        for k, variants in enumerate(fams):
            template = "%s.%s.h%02d" % (LANG, behaviour, k)
            side = "dev" if dev_side(k) else "train"
            assert template not in templates, template
            templates[template] = side
            kind_sides[(behaviour, k // 3)].add(side)
            assert len(variants) == 4, template
            families[side][behaviour] += 1
            for text in variants:
                assert text == text.strip() and "\t" not in text and "\n" not in text, (template, text)
                assert 1 <= len(text.split()) <= 22, (template, text)
                key = norm(text)
                assert key, (template, text)
                assert key not in seen_new, ("repeated new text", text, template, seen_new.get(key))
                assert key not in old, ("text already in " + old[key], text, template)
                seen_new[key] = template
                rows[side].append([LANG, behaviour, "-", text] + list(LABELS[behaviour]) + [template])
    for behaviour in FAMILIES:
        assert families["dev"][behaviour] == 8 and families["train"][behaviour] == 16, behaviour
        for j in range(len(KINDS[behaviour])):
            assert kind_sides[(behaviour, j)] == {"train", "dev"}, ("kind on one side only", behaviour, j)
    train_t = {r[-1] for r in rows["train"]}
    dev_t = {r[-1] for r in rows["dev"]}
    assert not train_t & dev_t, train_t & dev_t
    dropped = drop_close(rows)
    for side in ("train", "dev"):
        print("%s: dropped %d new rows close to a held-out or fresh sentence%s: %s" % (
            side, len(dropped[side]), " or repeating a training row's words" if side == "dev" else "",
            " | ".join("%s %s" % (r[-1], r[3]) for r in dropped[side])))
    lost = collections.Counter(r[-1] for side in dropped for r in dropped[side])
    for template, n in sorted(lost.items()):
        assert n <= 2, ("family lost more than 2 of its 4 rows; rewrite it", template, n)
    return rows, families


def write(base_name, carried, new_rows, out_name):
    lines = read_lines(base_name)
    with open(os.path.join(HERE, out_name), "w", encoding="utf-8", newline="") as f:
        for line in lines:
            f.write(line + "\n")
        for line in carried:
            f.write(line + "\n")
        for row in new_rows:
            f.write("\t".join(row) + "\n")
    return len(lines) - 1


def main():
    carried = {"train": round33_english(R29_TRAIN, R33_TRAIN), "dev": round33_english(R29_DEV, R33_DEV)}
    rows, families = build_rows()
    n_train = write(BASE_TRAIN, carried["train"], rows["train"], OUT_TRAIN)
    n_dev = write(BASE_DEV, carried["dev"], rows["dev"], OUT_DEV)
    print("behaviour\tside\tnew_rows\tnew_families\tround33_en_rows")
    for behaviour in FAMILIES:
        for side in ("train", "dev"):
            print("%s\t%s\t%d\t%d\t%d" % (
                behaviour, side, sum(1 for r in rows[side] if r[1] == behaviour), families[side][behaviour],
                sum(1 for line in carried[side] if line.split("\t")[1] == behaviour)))
    other = collections.Counter(line.split("\t")[1] for side in carried for line in carried[side]
                                if line.split("\t")[1] not in FAMILIES)
    assert not other, other
    print("%s: %d rows from %s + %d round-33 English + %d new" % (
        OUT_TRAIN, n_train, BASE_TRAIN, len(carried["train"]), len(rows["train"])))
    print("%s: %d rows from %s + %d round-33 English + %d new" % (
        OUT_DEV, n_dev, BASE_DEV, len(carried["dev"]), len(rows["dev"])))


if __name__ == "__main__":
    main()
