"""Fourth authoring round of SafeSpeak's contrastive templates (issue 9): what an encoder misses.

Written for SafeSpeak by hand; nothing here is taken from a public test suite or data set. The lists are appended
to the earlier ones in generate.py, so template ids of earlier rounds do not change.

A template is a string (filled with every group of the language when it has a {P}/{S}/{A} slot, otherwise a single
sentence with group "-") or a tuple (sentence, group id[, labels]) for a sentence about one group, or one whose labels
differ from its behaviour's (spelling variants of an insult rather than of hate).
"""

HATE = "1 1 - - 0"
INSULT = "1 0 1 - 0"

ROUND4 = {}

ROUND4["en"] = dict(
    hate=["{P} are a cancer and everyone knows it.", "Honestly {P} ruin every place they move into.",
          "I would never hire {P}, they're lazy and dishonest.", "{P} are genetically inferior, that's just science.",
          "Get {P} out of our neighbourhood.", "{P} are nothing but dirty animals.",
          "Every problem in this town started when {P} showed up.", "{P} are a bunch of degenerates."],
    counter_speech=[
        "Someone in the comments wrote that {P} are vermin. Reported, and I hope they get banned.",
        "My uncle keeps saying {P} are ruining the country and I'm done staying quiet. It's a lie.",
        "If your argument is \"{P} are animals\", you don't have an argument, you have a prejudice.",
        "Calling {P} parasites isn't free speech, it's dehumanisation, and I won't scroll past it.",
        "The graffiti on the bridge said \"kill all {P}\". We painted over it the same afternoon.",
        "\"{P} are the problem\" is the oldest scapegoating line there is. Don't fall for it.",
        "Why is a post saying {P} should be deported still up? Mods, please do your job.",
        "I grew up hearing that {P} were dirty. It took me years to unlearn that garbage.",
        "Anyone who thinks {P} are less human than them needs to take a hard look in the mirror.",
        "No, {P} are not \"taking over\". That conspiracy theory is hateful nonsense.",
        "A guy on the bus was yelling that {P} should go back where they came from. Nobody backed him up.",
        "Hating {P} doesn't make you a patriot, it makes you a bigot.",
        "Screenshotting this so everyone can see him call {P} subhuman before he deletes it.",
        "I'm so tired of seeing \"{P} are trash\" jokes on my feed. It's not funny, it's hate.",
        "We need to call out everyone who says {P} don't belong here.",
        "The article quotes a councillor saying {P} are a disease. He should resign today."],
    negated_hate=["{P} are not the enemy.", "I don't believe for a second that {P} are dangerous.",
                  "Nobody I know thinks {P} are inferior.", "{P} aren't vermin, they're our neighbours.",
                  "It's simply not true that {P} are lazy.", "I have never once felt that {P} were beneath me.",
                  "{P} don't deserve any of the hate they get.", "There's nothing wrong with being {S}."],
    neutral_identity=["The survey asked {P} about their commute.", "My dentist is {S}.",
                      "The podcast interviewed three {P} about housing costs.", "How many {P} live in Canada?",
                      "Our new manager is {S}.", "The documentary follows {P} working night shifts.",
                      "Is it true that more {P} are moving to the suburbs?",
                      "The museum has an exhibition on the history of {P} in the city.",
                      "A group of {P} opened a bakery down the street.",
                      "The report counts how many {P} work in tech.",
                      "The panel on Tuesday is made up entirely of {P}.",
                      "Which charities support {P} in this area?"],
    positive_identity=["So grateful for all the {P} who mentored me.", "{P} have given so much to this city.",
                       "Happy to see more {P} on the city council.", "Being {S} is something I celebrate every day.",
                       "Shout out to the {P} in my life, you're amazing.", "The best teacher I ever had was {S}.",
                       "{P} belong here, full stop.", "We stand with {P}.",
                       "Honestly {P} are some of the kindest people I know.", "Love seeing {P} thriving."],
    reclaimed_slur=[
        ("As a queer woman I'm tired of explaining my relationship to strangers.", "gay"),
        ("Queer and proud, see you all at the march on Saturday!", "gay"),
        ("Our little dyke book club meets every Thursday, newcomers welcome.", "lesbian"),
        ("I'm a big old dyke and my wife thinks it's hilarious when I say it.", "lesbian"),
        ("We named our podcast Two Queers and a Microphone.", "gay"),
        ("Proud homo, happily married for ten years now.", "gay"),
        ("Yeah I'm a fag, and my boyfriend and I are going to the party in matching outfits.", "gay"),
        ("My niggas came through for my birthday, best night ever.", "black"),
        ("That's my nigga since third grade, ride or die.", "black"),
        ("Crip life means my wheelchair gets more compliments than I do.", "disabled"),
        ("Disabled crip artist here, commissions are open!", "disabled"),
        ("Bad bitches only at brunch today, my girls look incredible.", "women"),
        ("My bitches threw me the best surprise party.", "women"),
        ("Trans, queer and not going anywhere.", "trans")],
    profanity_no_attack=["holy fuck the sunset tonight", "I stubbed my toe on the damn bed frame again, fuck.",
                         "this shit slaps, been on repeat all week", "Fucking finally, the package arrived.",
                         "Pardon my French but that exam was a total shitshow.",
                         "omg this pizza is so fucking good",
                         "Ugh, my fucking laptop updated in the middle of my presentation.",
                         "No fucking way, you got the job?! So proud of you.",
                         "The wifi is shit today, sorry if I drop out of the call.",
                         "Damn, that haircut looks great on you.", "Bullshit weather ruined the picnic.",
                         "Hell yeah, it's Friday!"],
    non_threat=["I'm going to murder this plate of ribs.", "You absolutely slayed that presentation.",
                "My boss is going to kill me if I'm late again lol", "We got destroyed in the second half, brutal.",
                "She shot down my idea in the meeting, fair enough.", "Break a leg tonight!",
                "I'll beat you at Mario Kart, just wait.", "I'd kill to have your metabolism.",
                "Let's blow up the group chat with birthday messages for Sam.",
                "The band is going to knock it out of the park tomorrow.", "Shoot me a text when you land.",
                "We'll crush them at quiz night.", "I'm going to strangle this spreadsheet, nothing adds up."],
    threat_person=["Say that again and you'll be picking your teeth up off the floor.",
                   "I'm outside your house right now. Come out and I'll finish this.",
                   "You're dead the moment you walk out of school tomorrow.",
                   "I'll make sure you never walk again.",
                   "Post my name one more time and I'll put you in the hospital.",
                   "Enjoy your last weekend, I'm coming for you on Monday.",
                   "I have your address and a baseball bat.",
                   "Next time I see you I'm going to murder you, and I'm not joking.",
                   "I'm going to break every bone in your body.",
                   "Keep it up and they'll find your body in the river.",
                   "I swear I'll stab you if you touch my stuff again.",
                   "I'll shoot you in the face if you come near my car again."],
    threat_group=["Someone should drive a truck through a crowd of {P}.", "Round up all the {P} and shoot them.",
                  "We should burn down every building where {P} gather.", "{P} deserve to be lined up and shot.",
                  "I'm going to make {P} in this town afraid to leave their homes."],
    insult=["You're a brainless clown.", "Congrats on being the dumbest person in this thread.",
            "Nobody likes you, you smug little rat.", "You're a worthless sack of garbage."],
    spelling_variant=[
        "{P} are d1sgust1ng vermln.", "{P} are s u b h u m a n.", "{P} are trsh and should get out.",
        "all {P} r w0rthl3ss parasit3s", "{P} = v e r m i n", "{P} are f1lthy p4r4sites.",
        "{P} are disgustng anmals.",
        ("ur such an 1d10t lmao", "-", INSULT), ("shut up you m o r o n", "-", INSULT),
        ("you're a pathetic l0s3r", "-", INSULT), ("what a stpid btch", "-", INSULT),
        ("you absolute dmbass", "-", INSULT), ("stfu you useless piece of sh1t", "-", INSULT),
        ("u r a w4ste of sp4ce", "-", INSULT), ("go away you fcking r3tard", "-", INSULT),
        ("f4gg0ts should stay in the closet", "gay", HATE), ("no more m*slims in our country", "muslim", HATE),
        ("j3ws run the banks and the media", "jewish", HATE), ("tr@nnies are mentally ill freaks", "trans", HATE),
        ("send the n1ggers back", "black", HATE), ("immigr4nts are le3ches", "immigrant", HATE)],
)

ROUND4["zh"] = dict(
    hate=["{P}都是低等人。", "离{P}远点，没一个好东西。", "{P}素质太低了，真恶心。", "{P}就是一帮骗子和小偷。"],
    counter_speech=["有人在评论区说{P}是垃圾，已经举报了。", "我爸总说{P}素质低，我懒得跟他吵，但这话就是偏见。",
                    "“{P}都该滚出去”这种话根本不是言论自由，是仇恨。", "看到有人骂{P}是蟑螂，真的很恶心，这种人才该被封号。",
                    "别再转发那种说{P}都是骗子的帖子了，全是谣言。", "地图炮骂{P}的人，先照照镜子吧。",
                    "老师在课上说{P}天生就笨，全班都很反感。", "把{P}叫做寄生虫的帖子居然还没删？管理员管管吧。",
                    "说“{P}不配当人”的那个博主终于被封了。", "我小时候也听大人说{P}不好，长大才知道那全是偏见。"],
    negated_hate=["{P}不比任何人差。", "谁说{P}素质低？我认识的{P}都很好。", "{P}没有做错什么，不该被骂。",
                  "我从没觉得{P}低人一等。", "{P}并不是什么威胁。"],
    neutral_identity=["我们公司新来的同事是{S}。", "这个纪录片讲的是{P}的日常生活。", "统计局公布了{P}的人口数据。",
                      "我大学室友是{S}。", "论坛上有个帖子在讨论{P}的就业情况。", "你认识的{P}多吗？", "这家餐馆的老板是{S}。",
                      "新闻里采访了几位{P}。"],
    positive_identity=["{P}也是社会的一部分，值得被平等对待。", "感谢那些帮助过我的{P}。", "我很喜欢和{P}一起工作。",
                       "支持{P}，反对歧视！", "{P}为这座城市做了很多贡献。", "作为{S}，我很自豪。"],
    reclaimed_slur=[("作为一个老基佬，我觉得这部剧拍得挺真实的。", "gay"), ("我们几个基佬周末一起去爬山，开心。", "gay")],
    threat_group=["见一个{P}打一个。", "把{P}都赶出去，不走就烧了他们的房子。", "{P}都该拉出去枪毙。",
                  "明天我们去把{P}住的地方砸了。"],
    threat_person=["你再敢发一句，我就去你公司堵你。", "小心点，我知道你孩子在哪个学校。", "等着吧，我迟早弄死你。"],
    non_threat=["这个项目要把我搞死了。", "你今天的演讲简直杀疯了！", "这首歌太好听了，杀死我了。", "今晚打游戏我要把你虐惨。"],
    profanity_no_attack=["我靠，这风景也太美了吧。", "他妈的终于下班了。", "卧槽，这个价格也太便宜了！"],
    insult=["你脑子进水了吧。", "你就是个跳梁小丑。", "废物一个，啥也不会。"],
    spelling_variant=[
        "{P}都是lj。", "{P}都是寄 生 虫。", "{P}是社会的du瘤。", "{P}都是辣鸡。",
        ("你就是个sb。", "-", INSULT), ("nmsl，滚。", "-", INSULT), ("你这个沙比。", "-", INSULT),
        ("你真是个zz。", "-", INSULT), ("你是个nc吧。", "-", INSULT), ("你个傻b，闭嘴吧。", "-", INSULT),
        ("hei鬼都滚回非洲去。", "black", HATE), ("基佬都是变tai。", "gay", HATE)],
)

# A few more templates in the other languages: counter-speech that reports or quotes hate, negations, identity in
# ordinary contexts, violent idioms next to real threats, and spelling variants (Latin scripts).
ROUND4["es"] = dict(
    counter_speech=["Alguien escribió en los comentarios que {P} son una plaga. Ya lo he denunciado.",
                    "Mi tío repite que {P} nos quitan el trabajo y ya no pienso callarme: es mentira.",
                    "Si tu único argumento es que {P} son basura, no tienes argumento, tienes prejuicios."],
    negated_hate=["{P} no son el enemigo.", "No es verdad que {P} vivan de las ayudas."],
    neutral_identity=["La encuesta preguntó a {P} por su trabajo.", "El documental sigue a {P} que trabajan de noche."],
    positive_identity=["Gracias a {P} que me ayudaron cuando llegué."],
    non_threat=["Me muero de ganas de verte.", "Con este calor me voy a morir en el metro.",
                "Vamos a machacarlos en la final, es solo un partido."],
    threat_person=["Como vuelvas a escribirme, te rompo la cara.", "Sé a qué colegio van tus hijos, ten cuidado."],
    spelling_variant=["{P} no son más que b4sur4.", ("eres un 1d10t4", "-", INSULT), ("cállate, i m b é c i l", "-", INSULT)],
)

ROUND4["de"] = dict(
    counter_speech=["Jemand hat unter den Post geschrieben, {P} seien Ungeziefer. Ich habe es gemeldet.",
                    "Mein Onkel sagt ständig, {P} würden das Land ruinieren. Das ist gelogen, und ich widerspreche.",
                    "Wer „{P} sind Abschaum“ schreibt, hat kein Argument, nur Vorurteile."],
    negated_hate=["{P} sind nicht der Feind.", "Es stimmt einfach nicht, dass {P} faul sind."],
    neutral_identity=["Die Umfrage hat {P} nach ihrem Arbeitsweg gefragt.", "Die Doku begleitet {P} bei der Nachtschicht."],
    positive_identity=["Ohne {P} wäre diese Stadt ärmer."],
    non_threat=["Ich sterbe vor Hunger, lass uns essen gehen.", "Dieser Film hat mich umgehauen.",
                "Wir machen die im Finale fertig, ist doch nur ein Spiel."],
    threat_person=["Noch ein Wort und ich schlag dir die Zähne aus.", "Ich weiß, auf welche Schule deine Kinder gehen."],
    spelling_variant=["{P} sind nichts als Ung3zi3f3r.", ("Du bist so ein I d i o t", "-", INSULT),
                      ("halt die fr3ss3, du v0ll1d10t", "-", INSULT)],
)

ROUND4["fr"] = dict(
    counter_speech=["Quelqu'un a écrit en commentaire que {P} sont de la vermine. Signalé.",
                    "Mon oncle répète que {P} ruinent le pays, et je ne vais plus me taire : c'est faux.",
                    "Si ton seul argument c'est « {P} sont des ordures », tu n'as pas d'argument, juste des préjugés."],
    negated_hate=["{P} ne sont pas l'ennemi.", "Ce n'est pas vrai que {P} profitent du système."],
    neutral_identity=["Le documentaire suit {P} qui travaillent la nuit.", "Le sondage a interrogé {P} sur leurs trajets."],
    positive_identity=["Merci à tous ceux qui soutiennent {P}."],
    non_threat=["Je meurs de faim, on va manger ?", "Ce film m'a tué, trop drôle.",
                "On va les écraser en finale, c'est juste un match."],
    threat_person=["Encore un mot et je te casse les dents.", "Je sais dans quelle école vont tes enfants."],
    spelling_variant=["{P} ne sont que de la v3rm1ne.", ("t'es qu'un c0nn4rd", "-", INSULT),
                      ("ta gueule, c r é t i n", "-", INSULT)],
)

ROUND4["pt"] = dict(
    counter_speech=["Alguém escreveu nos comentários que {P} são uma praga. Já denunciei.",
                    "Meu tio vive dizendo que {P} estão destruindo o país, e eu não vou mais ficar calado: é mentira.",
                    "Se o seu único argumento é que {P} são lixo, você não tem argumento, tem preconceito."],
    negated_hate=["{P} não são o inimigo.", "Não é verdade que {P} vivem de ajuda do governo."],
    neutral_identity=["O documentário acompanha {P} que trabalham à noite.",
                      "A pesquisa ouviu {P} sobre o transporte público."],
    positive_identity=["Obrigado a todos que apoiam {P}."],
    non_threat=["Tô morrendo de fome, bora comer?", "Esse filme me matou de rir.",
                "Vamos massacrar eles na final, é só um jogo."],
    threat_person=["Mais uma palavra e eu quebro seus dentes.", "Eu sei em que escola seus filhos estudam."],
    spelling_variant=["{P} não passam de l1x0.", ("vc é um 1d10t4", "-", INSULT), ("cala a boca, i m b e c i l", "-", INSULT)],
)

ROUND4["ru"] = dict(
    counter_speech=["Кто-то написал в комментариях, что {P} — паразиты. Я пожаловался модераторам.",
                    "Если твой единственный аргумент — что {P} мусор, то это не аргумент, а предрассудок."],
    negated_hate=["{P} — такие же люди, а не угроза."],
    non_threat=["Я сейчас умру от скуки на этой лекции.", "Этот фильм меня просто убил, так смешно."],
    threat_person=["Ещё одно слово, и я выбью тебе зубы."],
)

ROUND4["pl"] = dict(
    counter_speech=["Ktoś napisał w komentarzach, że {P} to zaraza. Zgłosiłem to.",
                    "Jeśli twoim jedynym argumentem jest to, że {P} to śmiecie, to nie masz argumentu, tylko uprzedzenia."],
    negated_hate=["{P} nie są wrogami."],
    non_threat=["Padłem ze śmiechu, jak to zobaczyłem.", "Ten film mnie rozwalił, tak był śmieszny."],
    threat_person=["Jeszcze jedno słowo i wybiję ci zęby."],
)

ROUND4["tr"] = dict(
    counter_speech=["Biri yorumlara {P} pislik diye yazmış, şikayet ettim.",
                    "Tek argümanın {P} çöp demekse, argümanın yok, önyargın var."],
    negated_hate=["{P} düşman değil."],
    non_threat=["Açlıktan ölüyorum, hadi yemek yiyelim.", "Bu film beni güldürmekten öldürdü."],
    threat_person=["Bir kelime daha edersen dişlerini dökerim."],
)

ROUND4["da"] = dict(
    counter_speech=["Nogen skrev i kommentarerne, at {P} er utøj. Jeg har anmeldt det.",
                    "Hvis dit eneste argument er, at {P} er affald, har du ikke et argument, men fordomme."],
    negated_hate=["{P} er ikke fjenden."],
    non_threat=["Jeg dør af sult, lad os spise.", "Den film slog mig helt ud, den var så sjov."],
    threat_person=["Et ord mere, og jeg slår tænderne ud på dig."],
)

ROUND4["el"] = dict(
    counter_speech=["Κάποιος έγραψε στα σχόλια ότι {P} είναι παράσιτα. Το ανέφερα.",
                    "Αν το μόνο σου επιχείρημα είναι ότι {P} είναι σκουπίδια, δεν έχεις επιχείρημα, έχεις προκατάληψη."],
    negated_hate=["{P} δεν είναι ο εχθρός."],
    non_threat=["Πεθαίνω της πείνας, πάμε να φάμε.", "Αυτή η ταινία με πέθανε στο γέλιο."],
    threat_person=["Μία λέξη ακόμα και θα σου σπάσω τα δόντια."],
)

ROUND4["ar"] = dict(
    counter_speech=["كتب أحدهم في التعليقات أن {A} حشرات، وقد أبلغت عنه.",
                    "إذا كانت حجتك الوحيدة أن {A} زبالة، فهذه ليست حجة بل تعصب."],
    negated_hate=["{P} ليسوا أعداءنا."],
    non_threat=["سأموت من الضحك بسبب هذا المقطع.", "هذا الفيلم قتلني من الضحك."],
    threat_person=["كلمة أخرى وسأكسر أسنانك."],
)

ROUND4["hi"] = dict(
    counter_speech=["किसी ने कमेंट में लिखा कि {P} कीड़े हैं, मैंने रिपोर्ट कर दिया।",
                    "अगर तुम्हारा इकलौता तर्क यह है कि {P} कचरा हैं, तो यह तर्क नहीं, पूर्वाग्रह है।"],
    negated_hate=["{P} दुश्मन नहीं हैं।"],
    non_threat=["भूख से मर रहा हूँ, चलो खाना खाते हैं।", "इस फ़िल्म ने तो हँसा-हँसा कर मार डाला।"],
    threat_person=["एक शब्द और बोला तो तेरे दाँत तोड़ दूँगा।"],
)

ROUND4["ko"] = dict(
    counter_speech=["누가 댓글에 {P}은 기생충이라고 썼길래 신고했어.",
                    "네 유일한 논리가 {P}이 쓰레기라는 거라면, 그건 논리가 아니라 편견이야."],
    non_threat=["이 노래 진짜 미쳤다, 듣다가 죽는 줄.", "발표 완전 찢었다, 최고야!"],
    threat_person=["한 마디만 더 하면 이빨 다 부러뜨린다."],
)

ROUND4["vi"] = dict(
    counter_speech=["Có người bình luận rằng {P} là lũ ký sinh, mình đã báo cáo rồi.",
                    "Nếu lý lẽ duy nhất của bạn là {P} là rác rưởi, thì đó không phải lý lẽ mà là định kiến."],
    negated_hate=["{P} không phải là mối đe dọa."],
    non_threat=["Đói muốn xỉu, đi ăn thôi.", "Phim này làm mình cười muốn chết."],
    threat_person=["Nói thêm một câu nữa là tao bẻ răng mày."],
)

# More English (second pass of this round), and more English groups so the identity terms vary more.
EN_GROUPS = [("lesbian", "lesbians", "a lesbian"), ("latino", "Latinos", "Latino"), ("christian", "Christians", "a Christian"),
             ("queer", "queer people", "queer"), ("deaf", "deaf people", "deaf")]

EN_MORE = dict(
    hate=["{P} shouldn't be allowed to teach our kids.", "{P} are filthy and should be kept out of public pools.",
          "I'd rather die than live next door to {P}.", "{P} are a plague, period."],
    counter_speech=[
        "Quick PSA: the account posting that {P} are \"invaders\" is a bot farm. Block and report.",
        "Teachers, if a kid says {P} are disgusting, don't laugh it off. Talk to them.",
        "Every time someone in this group says {P} are scum, I'm going to post the same reply: no.",
        "That comedian's whole set was \"{P} are stupid\" jokes. Walked out halfway through.",
        "Imagine thinking {P} are the reason your life isn't working out. Grow up.",
        "The banner at the match said {P} should be deported. The club has to act on this.",
        "He told me {P} are \"not real people\". I told him he's not welcome at my table anymore.",
        "Posting hate about {P} and then crying about free speech when you get banned is so predictable.",
        "Read the leaked chat: they called {P} rats and joked about hurting them. Sharing so people know who they are.",
        "If you hear someone say {P} are dirty, say something. Silence helps them.",
        "My grandmother lived through a time when people said {P} were less than human. Never again.",
        "Dear algorithm, please stop recommending me videos that call {P} parasites."],
    reclaimed_slur=[
        ("Queer joy is resistance, and we are having so much fun.", "queer"),
        ("Dyke night at the bar was packed, best vibes all year.", "lesbian"),
        ("As a bi dyke I have opinions about this show and you will hear them.", "lesbian"),
        ("My friends and I call ourselves the crip crew and we're taking over the accessible seats.", "disabled"),
        ("Love you, my nigga, thanks for helping me move.", "black"),
        ("Nigga I just passed my driving test!!", "black"),
        ("Yes I'm queer, yes I'm married, yes we have kids, any more questions?", "queer"),
        ("Fat, queer and happy, that's the whole bio.", "queer")],
    neutral_identity=["Here's a list of novels written by {P}.", "My cousin is {S} and works as a nurse.",
                      "I read an interview with {P} about growing up in small towns.",
                      "The conference has a session for {P} in engineering.", "Do {P} pay higher rents in this city?",
                      "I'm {S}, ask me anything.", "Local radio is looking for {P} to share their stories.",
                      "The new bill affects {P} and their families."],
    positive_identity=["Representation matters, so seeing {P} on screen makes me happy.", "I'm {S} and I love my life.",
                       "{P} are strong, funny and brilliant.", "Proud ally of {P}.",
                       "Thank you to the {P} who keep this hospital running."],
    negated_hate=["{P} are not criminals.", "Being {S} is not a sin.",
                  "I refuse to believe {P} are the cause of our problems.",
                  "No group, including {P}, deserves to be called vermin.",
                  "{P} are not less intelligent than anyone else."],
    profanity_no_attack=["fuck yeah, the new season drops tonight", "shit happens, we'll try again tomorrow",
                         "that bass drop was so damn satisfying", "Well fuck, the cat ate my sandwich.",
                         "This song is the shit.", "Holy shit I actually finished the marathon"],
    non_threat=["I'm going to kill it at the audition tomorrow.",
                "We're going to attack the hill at dawn, wish us luck on the hike.",
                "That tackle nearly killed him, but it was clean.", "Dinner was so good I could die happy.",
                "Gonna shoot some hoops after work.", "Honestly I could strangle whoever invented Monday mornings lol"],
    threat_person=["You're going to regret this when I find you in the parking lot.",
                   "I'll slash your tyres and then your throat.", "Pray I never find out where you live.",
                   "Tomorrow at school you're getting stabbed.", "I'm going to put you in a wheelchair."],
    threat_group=["If {P} march here on Saturday, we'll be waiting with bats.",
                  "Someone should poison the water where {P} live.", "Time to start shooting {P}, no more talk.",
                  "Somebody needs to bomb the next gathering of {P}.",
                  "Let's drag {P} out of their houses and beat them."],
    spelling_variant=["{P} are a d i s e a s e.", "{P} r vrmin lol", "{P} are sub-hmn filth",
                      ("you're such a tw@t", "-", INSULT), ("what an 4ssh0le", "-", INSULT),
                      ("s.t.f.u. you c.l.o.w.n", "-", INSULT)],
)

for _behaviour, _templates in EN_MORE.items():
    ROUND4["en"][_behaviour] = ROUND4["en"][_behaviour] + _templates
