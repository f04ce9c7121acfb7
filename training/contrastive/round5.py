"""Fifth authoring round of SafeSpeak's contrastive templates (issue 9): training-only.

Written for SafeSpeak by hand on 2026-12-05, without reading the held-out templates, the fresh phrasings or any model's
outputs on them; nothing is taken from a public test suite or data set. Aim: fewer false positives on identity
mentions and better counter-speech in the accurate engine, so most templates are neutral or positive identity
mentions in many sentence shapes, counter-speech that quotes or reports hate, negated derogation, reclaimed in-group
use, profanity aimed at no one and violent idioms, with hate and threats in new shapes beside them so that a group
term or a violent word alone does not decide the label.

Unlike earlier rounds these templates are not split by hash: every one of them goes to the TRAIN side
(training/contrastive/train.tsv), so the held-out-by-template suite and the dev templates stay exactly what they
were and earlier numbers stay comparable. generate.py gives them ids `<lang>.<behaviour>.NN` from 60 up and asserts that no
filled text is also a held-out, dev or fresh text; check_round5.py reports any near-duplicate of a dev, held-out or fresh
sentence (word overlap), which were removed or rewritten before training.

Same template conventions as round4.py: a string with a {P}/{S} slot is filled with every group of the language, a
string without one is a single sentence with group "-", a tuple is (sentence, group id[, labels]).
"""

HATE = "1 1 - - 0"
# Template ids of this round start here (en.neutral_identity.60, ...), above every earlier round's index.
FIRST_ID = 60

TRAIN_ONLY = {}

TRAIN_ONLY["en"] = dict(
    neutral_identity=[
        "Do {P} celebrate the new year on a different date?",
        "The census shows the number of {P} in the county grew by four percent.",
        "Lunch with two {P} from the design team today.",
        "Several {P} spoke at the town hall meeting last night.",
        "Looking for novels written by {P}, any recommendations?",
        "The study compared sleep patterns of {P} and other adults.",
        "The new rent law affects {P} who live in older buildings.",
        "Are there support groups for {P} near the university?",
        "She wrote her thesis on {P} in nineteenth-century fiction.",
        "The radio show takes calls from {P} every Friday morning.",
        "The hospital is recruiting {P} for a study on back pain.",
        "I interviewed {P} for my journalism class.",
        "What do {P} in this town think about the new tram line?",
        "The exhibition shows photographs taken by {P} in the seventies.",
        "We met {P} from all over the country at the conference.",
        "The street festival was organised by {P} from the neighbourhood.",
        "My son asked me what it means to be {S}.",
        "The poll found that {P} are split on the budget question.",
        "{P} can apply for the scholarship until the end of March.",
        "The chat group is for {P} who want to practise their Spanish.",
        "Figures on {P} in higher education are published every year.",
        "My cousin is {S} and works as an accountant in Leeds.",
        "The council met with {P} to discuss the new bus routes.",
        "A lot of {P} commented on the planning proposal.",
        "The book club this month is reading a memoir by an author who is {S}.",
        "The training covers how to serve customers who are {P}, older people and families.",
        "Our landlord is {S} and fixed the boiler the same day.",
        "{P} were among the first residents of this street in 1950.",
        "The nurse said many {P} come to the clinic on Saturdays.",
        "Tonight's documentary is about {P} who moved here after the war.",
        "My flatmate is {S} and an amazing cook.",
        "The teacher invited {P} to talk to the class about their jobs.",
        "Which languages do {P} in the region usually speak?",
        "I'm reading an interview with {P} about remote work.",
        "Some {P} in my office prefer to start early.",
        "The group of {P} at the next table ordered the same pie as us.",
        "According to the report, {P} are more likely to cycle to work.",
        "The library has a reading room funded by {P} from the parish.",
        "Two {P} won seats in the student parliament.",
        "I asked {P} at the market where the best bread is.",
    ],
    positive_identity=[
        "{P} have always been part of this country's story.",
        "Proud of the {P} who organised the food drive this weekend.",
        "Nothing but respect for {P} who keep showing up for their neighbours.",
        "Our team is stronger because {P} are on it.",
        "I'm glad my kids are growing up with {P} as their friends.",
        "{P} are welcome at our table any time.",
        "Seeing {P} on screen in a lead role made my whole week.",
        "Thank you to the {P} who volunteered at the shelter.",
        "{P} deserve the same rights as everyone else.",
        "Hats off to {P} in science, you inspire me.",
        "I feel completely at home among {P}.",
        "{P} are brilliant, funny and kind, just like anyone else.",
        "My life is richer for every one of the {P} I've met.",
        "The best neighbours we've ever had were {P}.",
        "Glad to live in a city where {P} feel safe.",
        "Celebrating the {P} who built this community from nothing.",
        "Honoured to work alongside {P} every day.",
        "If you're {S}, you are welcome here.",
    ],
    negated_hate=[
        "I have never seen {P} as a threat.",
        "It is wrong to say that {P} are stupid.",
        "There is no evidence at all that {P} are dishonest.",
        "{P} aren't a problem to be solved.",
        "Don't let anyone tell you that {P} are less than you.",
        "No, {P} do not want to take over anything.",
        "{P} are not dirty, and saying so is just prejudice.",
        "Nothing about {P} makes them worse parents.",
        "{P} never deserved to be treated like animals.",
    ],
    counter_speech=[
        "My teacher said {P} are lazy, so I reported it to the head. That is not okay.",
        "A sign saying \"no {P} allowed\" is discrimination, plain and simple.",
        "The exhibit shows how propaganda painted {P} as rats to justify violence.",
        "When people claim {P} are criminals, ask them for the data. They never have it.",
        "I used to think {P} were dangerous. Actually meeting them proved me completely wrong.",
        "The troll called {P} filthy animals and the moderators banned him within minutes.",
        "Stop repeating the myth that {P} steal jobs.",
        "Flyers saying {P} should be deported showed up on our street, so we held a rally of support.",
        "Insulting {P} in the group chat isn't a joke, it's bullying.",
        "Telling {P} to go back where they came from is bigotry, whatever you call it.",
        "The report documents hundreds of attacks on {P} and calls for action.",
        "If you call {P} subhuman in front of me, expect an argument every single time.",
        "\"{P} are parasites\", that's what the leaflet said. We tore every one of them down.",
        "He lost his job for posting that {P} are inferior, and rightly so.",
        "Our school runs a workshop on why jokes about {P} being stupid do real harm.",
        "Comments calling {P} a plague are exactly the kind of hate we have to push back on.",
        "Just heard someone on the train say {P} should be locked up. I told him to stop.",
        "The court ruled that the poster calling {P} vermin was incitement.",
        "Why do people still share memes saying {P} are disgusting? Report them.",
        "Grandpa's old saying that {P} can't be trusted died with him, thank god.",
        "The candidate said {P} are ruining the country, and that is why I won't vote for him.",
        "Kids at school were chanting that {P} stink. The teachers stepped in right away.",
        "Nobody should have to read \"death to {P}\" on their way to work. Clean it up.",
        "Every time someone says {P} are animals, the answer should be a firm no.",
    ],
    reclaimed_slur=[
        ("Me and my queer friends are taking over karaoke night.", "queer"),
        ("Dykes on bikes leading the parade again, love to see it.", "lesbian"),
        ("As a fat queer I refuse to apologise for taking up space.", "queer"),
        ("We're here, we're queer, and we brought snacks.", "queer"),
        ("Just two old fags celebrating our twentieth anniversary tonight.", "gay"),
        ("My nigga just finished his degree, so proud of him.", "black"),
        ("Crip squad rolling into the concert, ramps permitting.", "disabled"),
        ("Baby dyke here, just came out to my parents and they were lovely.", "lesbian"),
        ("Queer as in free, see you at the picnic.", "queer"),
    ],
    profanity_no_attack=[
        "Fuck yes, we won the tournament!",
        "Shit, it's raining again and I left the washing out.",
        "This fucking traffic is unbelievable today.",
        "Damn, I burned the toast again.",
        "What the hell happened to the printer?",
        "Holy crap, the tickets sold out in a minute.",
        "That film was so fucking good I cried twice.",
        "Ugh, shit, I left my phone at home.",
        "The bass on this track is fucking insane.",
        "Goddamn, this coffee is strong.",
        "My fucking alarm didn't go off, running late.",
        "Fucking hell, that thunder made me jump.",
        "This recipe is the shit, trust me.",
    ],
    non_threat=[
        "This heat is killing me.",
        "I'm dying to see the new season.",
        "She killed it at the audition, honestly.",
        "Let's kill two birds with one stone and shop on the way home.",
        "My feet are killing me after that hike.",
        "We totally bombed the presentation, oh well.",
        "That joke slayed me, I can't breathe.",
        "I'm going to shoot for a promotion this year.",
        "Stab in the dark, but is the answer forty-two?",
        "The new update absolutely destroyed my battery life.",
        "If I leave now I'll beat the traffic.",
        "Our team got slaughtered in the semi-final, 5-0.",
        "I'm going to attack this pile of laundry after lunch.",
        "My sister will kill me if I spoil the ending.",
    ],
    threat_person=[
        "I know which car is yours. Sleep with one eye open.",
        "You'll regret this the moment I catch you alone.",
        "One more word and I will slit your throat.",
        "I'm going to put a bullet in your head.",
        "Meet me after work, I'm bringing a knife.",
        "I'm going to hunt you down and make you bleed.",
        "Your family won't be safe, I promise you that.",
    ],
    threat_group=[
        "If I see {P} on my street again I'll start shooting.",
        "Time to clear this town of {P}, grab your guns.",
        "{P} will hang, every last one of them.",
    ],
    hate=[
        "{P} are leeches who should be thrown out.",
        "Honestly the world would be better without {P}.",
        "{P} are too stupid to be trusted with anything.",
        "Keep {P} away from my children, they're sick.",
        "Don't hire {P}, they're all thieves.",
        "{P} breed like rats.",
        "Another day, another crime by {P}. Typical animals.",
        "{P} drag every neighbourhood down, all of them.",
    ],
)

TRAIN_ONLY["zh"] = dict(
    neutral_identity=[
        "我们小区住着不少{P}。", "这本书的作者是{S}。", "今天的讲座请了几位{P}来分享经验。",
        "调查显示{P}更喜欢坐地铁上班。", "我的邻居是{S}，人挺好相处的。", "这个群是给{P}交流找工作信息的。",
        "{P}在这个城市生活了很多年。", "医院正在招募{P}参加一项睡眠研究。",
    ],
    positive_identity=[
        "{P}值得和所有人一样的尊重。", "谢谢那些在疫情期间帮过我的{P}。", "很高兴看到越来越多的{P}当上了老师。",
        "我身边的{P}都特别善良。",
    ],
    negated_hate=[
        "没有任何证据说明{P}更不诚实。", "{P}一点也不比别人差。", "我从来不觉得{P}是威胁。",
    ],
    counter_speech=[
        "有人在群里说{P}都是垃圾，我已经把他踢出去了。", "那条说{P}该滚出去的视频已经被平台删除了，干得好。",
        "“{P}都是骗子”这种话就是歧视，别再传了。", "老师听到有学生骂{P}是畜生，马上制止了。",
        "骂{P}不会让你显得更爱国，只会显得你很无知。",
    ],
)


def rows(expand_template):
    """Rows (lang, behaviour, group, text, template id, labels or None) of every training-only template.
    expand_template(lang, behaviour, template, tid) answers the filled rows of one template, as generate.py does."""
    return template_rows(TRAIN_ONLY, FIRST_ID, 100, expand_template)


def blocks_rows(blocks, expand_template):
    """The filled rows of every block (first id, end id, {lang: {behaviour: [template, ...]}}) of a round, in order:
    the rows() of round7.py, round8.py and round14.py and round7.py's dev_rows()."""
    out = []
    for first_id, end_id, templates in blocks:
        out.extend(template_rows(templates, first_id, end_id, expand_template))
    return out


def template_rows(train_only, first_id, end_id, expand_template):
    """The filled rows of every template of train_only ({lang: {behaviour: [template, ...]}}), the k-th template of a
    behaviour getting the id first_id + k, which must stay under end_id."""
    out = []
    for lang, data in train_only.items():
        for behaviour, templates in data.items():
            for k, template in enumerate(templates):
                assert first_id + k < end_id, f"too many {lang} {behaviour} templates: ids must stay under {end_id}"
                out.extend(expand_template(lang, behaviour, template, f"{lang}.{behaviour}.{first_id + k:02d}"))
    return out
