"""Thirty-third authoring round of SafeSpeak's contrastive data: threats to a person, and harmless messages that use
violent words without threatening anyone, in all fifteen languages, training-only and dev-only.

Written by hand for SafeSpeak by a helper session that read no held-out, fresh, dev or unseen sentence, no report and
no model output; nothing was taken from a public test suite or data set (HateCheck, Jigsaw or any other), and each
sentence was written on its own for this round.

Why it exists: the fast n-gram model catches only about half of the direct threats to a person in held-out tests, and
the authored data held only about ten threat_person rows per language. A model that has seen few threats learns the
few words they share ("kill", "die") and then calls both too little and too much a threat: it misses threats that
say "I know where you live" or "you won't see tomorrow", and it flags "this homework is killing me". This round adds
both sides of that line:
  threat_person (12 families per language): direct threats to kill or hurt the reader, conditional threats ("say that
    again and ..."), implied threats ("I know where you live", "watch your back", "you won't see tomorrow"), threats
    against the reader's family and against their home or property, threats of sexual violence stated plainly and
    without graphic detail, stalking and finding, threats in the third person about one specific person (a referee, an
    ex, a neighbour) with the writer offering to do it, very short threats (two to five words) and long ones (up to
    about twenty words);
  non_threat (12 families per language): violent idioms and hyperbole in each language's own idiom ("this homework is
    killing me", "I could murder a pizza"), sport results ("we destroyed them in the final"), video games, fiction and
    TV, news reports of threats and arrests, condemnation of threats, self-directed jokes ("my mom will kill me if I'm
    late"), cooking, gardening and pests, safety advice ("if someone threatens you, call the police") and everyday
    technical or idiomatic uses ("my phone is dead", "kill the process", "killing time").
Registers are mixed: chat, comments, DMs and a few news-style headlines, written as native speakers write online, in
each language's own script (Hindi in Devanagari). No identity group is named and there are no slurs.

Labels (header order TOXICITY, IDENTITY_ATTACK, INSULT, PROFANITY, THREAT): threat_person is ("1", "-", "-", "-", "1")
as in train.tsv, non_threat is all "0". The group column is "-". Template ids carry a ".t" prefix
(en.threat_person.t00, en.non_threat.t00) so they cannot collide with older ids.

The messages are organised in families: one act with three or four surface variants (different wording, not only
punctuation). The family order is the same in every language (see THREAT_ACTS and NON_THREAT_ACTS). The split is by
family, never by row, with a fixed rotation per language (see dev_side below) so that each kind of family lands in dev
for some languages and in training for others: three or four of the twelve families per behaviour go to dev.

Running `python3 training/contrastive/round33.py` from the repository root writes
  training/contrastive/train-round33.tsv  every line of train-round29.tsv unchanged and in order, then the new
                                          training rows;
  training/contrastive/dev-round33.tsv    every line of dev-round29.tsv unchanged and in order, then the new dev rows;
and prints counts per language, behaviour and side. It asserts that no new text (lower-cased, trailing punctuation and
whitespace stripped) appears twice or is already in train.tsv, dev.tsv, train-encoder*.tsv, dev-encoder*.tsv,
train-round29.tsv or dev-round29.tsv, that no template id is on both sides, and that every language keeps at least
three dev and seven training families per behaviour. It then drops (and prints) every new training row whose word set
comes close to a held-out or fresh sentence's (Jaccard overlap at or above 0.6, check_round5.py's limit) and every
new dev row close to one or whose word set is a new training row's; the author saw only which of their own rows were
dropped. When the round was written the drop removed 17 training rows (mostly the shortest ways to say "I'll
kill you" or "I'll burn your house", a few idioms such as "je meurs de faim", and "stab the potatoes with a fork")
and 3 dev rows; no family lost all its rows.
"""

import collections
import os

# Shared with round 29, whose helpers these are (the same normalisation, closeness and byte-for-byte copying).
from round29 import drop_close, norm, write  # noqa: E402
from round29 import existing_texts as round29_existing_texts  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
HEADER = "lang\tbehaviour\tgroup\ttext\tTOXICITY\tIDENTITY_ATTACK\tINSULT\tPROFANITY\tTHREAT\ttemplate"
LANGS = ["ar", "da", "de", "el", "en", "es", "fr", "hi", "ko", "pl", "pt", "ru", "tr", "vi", "zh"]
BASE_TRAIN = "train-round29.tsv"
BASE_DEV = "dev-round29.tsv"
OUT_TRAIN = "train-round33.tsv"
OUT_DEV = "dev-round33.tsv"

# Labels in header order TOXICITY, IDENTITY_ATTACK, INSULT, PROFANITY, THREAT ("-": not stated).
LABELS = {
    "threat_person": ("1", "-", "-", "-", "1"),
    "non_threat": ("0", "0", "0", "0", "0"),
}

# The twelve families of each behaviour, in this order for every language.
THREAT_ACTS = ["kill the reader", "hurt the reader", "conditional threat", "I know where you live",
               "watch your back / you won't see tomorrow", "threat against the reader's family",
               "threat against home or property", "sexual violence (plain, not graphic)", "stalking / finding",
               "third person about one specific person, writer offers to do it", "very short threat",
               "long threat"]
NON_THREAT_ACTS = ["violent idiom (this is killing me)", "hyperbole (I could murder a pizza, I'm dying)",
                   "sport result", "video game", "fiction and TV", "news report of a threat or arrest",
                   "condemnation of threats", "self-directed joke (my mom will kill me)", "cooking",
                   "gardening and pests", "safety advice", "everyday technical or idiomatic use"]

# FAMILIES[lang] = dict(threat_person=[12 families], non_threat=[12 families]); a family is a list of 3-4 surface
# variants of one act.
FAMILIES = {
    "ar": dict(
        threat_person=[
            ["راح اقتلك والله", "والله لأقتلك بإيدي", "انت ميت لما امسكك", "سأنهي حياتك، تذكر كلامي"],
            ["راح اكسر رجليك الثنتين", "بكسر وجهك اول ما اشوفك", "سأضربك حتى لا تستطيع المشي", "راح اشرح وجهك بالسكين"],
            ["عيدها مرة ثانية وبكسر سنانك", "كلمة زيادة وبتلاقي حالك على الأرض", "اذا جيت الحفلة بكرة راح تاكل قتلة",
             "انشر صورتي مرة ثانية وبكسر فكك"],
            ["انا عارف وين ساكن", "بيت حلو بشارع الياسمين بالمناسبة، وعارف اي شباك شباكك", "لقيت عنوانك، بشوفك قريب",
             "أعرف عنوانك ومتى ترجع إلى البيت"],
            ["انتبه على حالك من اليوم ورايح", "مش راح تشوف بكرة", "استمتع بآخر ويكند إلك",
             "نام والضو شاعل الليلة، انا جاي"],
            ["راح يصير شي لأهلك اذا ما دفعت", "امك اول وحدة راح اروح لعندها",
             "بعرف بنتك بأي مدرسة، حرام يصير فيها شي", "المس اخوي مرة ثانية وكل عيلتك بتدفع الثمن"],
            ["راح احرق بيتك وانت نايم جواته", "بكرة الصبح سيارتك ما راح يضل فيها ولا قزازة", "راح اولع بمحلك",
             "الليلة راح يدخل حجر من شباكك"],
            ["راح اغتصبك", "ارجعي لحالك الليلة عالبيت وراح اغتصبك", "لازم حدا يغتصبك وانا متطوع"],
            ["راح الاقيك وين ما تخبيت", "صرلي اسبوع ماشي وراك لحد البيت", "راح استناك الساعة ستة قدام مكتبك",
             "تتبعت موبايلك، وعارف وين انت بالضبط"],
            ["لازم حدا يطعن هالحكم بعد المباراة، واذا ما حدا عملها انا بعملها",
             "الحكم راح ياكل قتلة بالباركينغ الليلة، انا بتكفل فيه", "طليقي راح يندم، راح اخليه ازرق من الضرب",
             "جارنا اللي فوق ما راح يطلع من هالشتوية، السكينة جاهزة"],
            ["انت التالي", "انا جايلك", "راح تدفعها بدمك", "خلصت حياتك"],
            ["لما اشوفك بكرة بالمدرسة راح اضربك لدرجة امك نفسها ما تعرفك",
             "مفكر حالك بأمان ورا الشاشة بس راح الاقيك وتتعذب على كل كلمة كتبتها",
             "استمتع باللايف قد ما بتقدر، بعد الليلة ما راح تبث الا من سرير المستشفى"],
        ],
        non_threat=[
            ["هالواجبات عم تقتلني", "الحر اليوم قاتلني", "انا ميت من التعب", "التشويق قاتلني، احكي بسرعة"],
            ["بموت على صحن شاورما هلأ", "هههههه متت من الضحك", "ميت من الجوع", "هالكنافة بتقتل من طيبتها"],
            ["سحقناهم ٥-٠ بالنهائي", "برشلونة انذبح مبارح", "دفاعنا تفرتك بالشوط الثاني",
             "دمرنا الكل بمسابقة الأسئلة بالكافيه"],
            ["قتلت الزعيم بالمحاولة الثالثة", "هيدشوت من آخر الماب ههههه", "القناص اللي عالبرج قتلني خمس مرات",
             "طيحت التنين بضربة وحدة"],
            ["بآخر فصل الشرير بيقتل المحقق", "بالموسم الثالث قتلوا شخصيتي المفضلة",
             "الرواية البوليسية تبدأ بجريمة قتل في قطار", "فيلم الرعب تبع الزلمة اللي معه منشار سخيف كتير"],
            ["القبض على رجل هدد جاره بسكين", "الشرطة تحقق في تهديدات بالقتل ضد رئيس بلدية",
             "الحكم على شاب أرسل رسائل تهديد لمعلمته"],
            ["ما حدا بيستاهل تهديدات بالقتل مهما حكى", "تهديد حكم عشان مباراة كورة شي بيقهر",
             "التهديد عالنت جريمة مش مزحة", "التهديد بالاغتصاب مش مقبول ابدا"],
            ["امي راح تذبحني اذا تأخرت مرة ثانية", "المدير راح يقتلني لما يشوف الجدول", "بسكوتة كمان وبنفجر",
             "حدا يقتلني، عندي تلات امتحانات بكرة"],
            ["قطع البصل ناعم واهرس الثوم", "اخفق البيض لحد ما يصير رغوة", "دق اللحمة بالمدقة لحتى ترق",
             "اثقب البطاطا بالشوكة قبل ما تدخلها الفرن"],
            ["لازم نقضي على الأعشاب الضارة قبل ما تنتشر", "الصقيع قتل كل البندورة عندي", "هالمبيد بيقتل المن بيوم واحد",
             "قلّم الورد منيح بشهر آذار"],
            ["اذا حدا هددك اتصل بالشرطة", "صوّر التهديدات سكرين وبلّغ عن الحساب",
             "اذا ما حسيتي بأمان وانتي راجعة عالبيت شاركي موقعك مع صاحبتك", "احكي للأستاذ اذا حدا هددك بالمدرسة"],
            ["الموبايل مات مرة ثانية", "اقتل العملية وأعد التشغيل", "عم نقتل الوقت بالمطار", "الحفلة مبارح كانت نار"],
        ],
    ),
    "da": dict(
        threat_person=[
            ["jeg slår dig ihjel, det lover jeg", "jeg sværger, jeg slår dig ihjel med mine bare hænder",
             "du er død når jeg fanger dig", "jeg gør det af med dig, husk det"],
            ["jeg brækker begge dine ben", "jeg smadrer dit fjæs når jeg ser dig", "jeg tæsker dig så du ikke kan gå",
             "jeg skærer dit ansigt op med en kniv"],
            ["sig det en gang til så slår jeg dig ned", "et ord mere og du ligger ned",
             "dukker du op til festen i morgen får du bank", "lægger du mit billede op igen brækker jeg din kæbe"],
            ["jeg ved hvor du bor", "fint hus på Lindevej forresten, jeg ved hvilket vindue der er dit",
             "har fundet din adresse, vi ses snart", "jeg kender din adresse og hvornår du kommer hjem"],
            ["pas godt på dig selv fra nu af", "du oplever ikke i morgen", "nyd din sidste weekend",
             "sov med lyset tændt i nat, jeg kommer"],
            ["der sker noget med din familie hvis du ikke betaler", "din mor bliver den første jeg går efter",
             "jeg ved hvilken skole din datter går på, det ville være synd hvis der skete hende noget",
             "rør min bror igen og hele din familie skal betale"],
            ["jeg brænder dit hus af mens du sover derinde", "i morgen tidlig har din bil ingen ruder",
             "jeg sætter ild til din butik", "i nat flyver der en mursten ind gennem dit vindue"],
            ["jeg voldtager dig", "gå alene hjem i aften og jeg voldtager dig", "nogen burde voldtage dig og jeg melder mig gerne"],
            ["jeg finder dig uanset hvor du gemmer dig", "jeg har fulgt efter dig hjem hele ugen",
             "jeg venter på dig uden for dit kontor klokken seks", "jeg har sporet din telefon, jeg ved præcis hvor du er"],
            ["nogen burde stikke den dommer ned efter kampen, og hvis ingen gør det, så gør jeg",
             "dommeren får tæsk på parkeringspladsen i aften, det sørger jeg for",
             "min ex kommer til at fortryde, jeg banker ham gul og blå",
             "naboen ovenpå overlever ikke vinteren, kniven ligger klar"],
            ["du er den næste", "jeg kommer efter dig", "du betaler med blod", "dine dage er talte"],
            ["når jeg ser dig i skolen i morgen tæsker jeg dig så meget at din egen mor ikke kan kende dig",
             "du tror du er sikker bag skærmen men jeg finder dig og du kommer til at lide for hvert ord",
             "nyd dit stream mens du kan, efter i nat streamer du kun fra en hospitalsseng"],
        ],
        non_threat=[
            ["de her lektier slår mig ihjel", "varmen tager livet af mig i dag", "jeg er dødtræt",
             "spændingen slår mig ihjel, sig det nu"],
            ["jeg kunne slå ihjel for en pizza lige nu", "hahaha jeg dør", "jeg er ved at dø af sult",
             "den kage er til at dø for"],
            ["vi smadrede dem 5-0 i finalen", "Brøndby fik tæsk i går", "vores forsvar blev flået fra hinanden i anden halvleg",
             "vi knuste alle til pubquizzen"],
            ["jeg dræbte bossen i tredje forsøg", "headshot på tværs af hele mappet lol",
             "snigskytten i tårnet dræbte mig fem gange", "jeg one-shottede dragen med et crit"],
            ["i sidste kapitel myrder skurken kommissæren", "i sæson 3 slår de min yndlingskarakter ihjel",
             "krimien starter med et mord i et tog", "gyserfilmen med fyren med motorsaven er så dårlig"],
            ["En mand er anholdt for at true sin nabo med en kniv", "politiet efterforsker dødstrusler mod en borgmester",
             "en 17-årig er dømt for at sende truende beskeder til sin lærer"],
            ["ingen fortjener dødstrusler, uanset hvad de har sagt", "at true en dommer over en fodboldkamp er patetisk",
             "trusler på nettet er en forbrydelse, ikke en joke", "voldtægtstrusler er aldrig okay"],
            ["min mor slår mig ihjel hvis jeg kommer for sent igen", "min chef myrder mig når han ser det regneark",
             "en småkage mere og jeg eksploderer", "slå mig ihjel, jeg har tre eksamener i morgen"],
            ["hak løget fint og knus hvidløget", "pisk æggehviderne stive", "bank kødet fladt med en kødhammer",
             "prik kartoflerne med en gaffel før de kommer i ovnen"],
            ["nu skal ukrudtet dø før det tager over", "frosten dræbte alle mine tomater",
             "det her middel slår bladlusene ihjel på en dag", "beskær roserne hårdt i marts"],
            ["hvis nogen truer dig, så ring til politiet", "tag screenshots af truslerne og anmeld profilen",
             "hvis du føler dig utryg på vej hjem, så del din lokation med en veninde",
             "sig det til en lærer hvis nogen truer dig i skolen"],
            ["min telefon er død igen", "dræb processen og genstart", "vi slår tiden ihjel i lufthavnen",
             "koncerten var dræbergod"],
        ],
    ),
    "de": dict(
        threat_person=[
            ["ich bring dich um, versprochen", "Ich schwöre, ich mach dich kalt", "du bist so gut wie tot wenn ich dich erwische",
             "ich mach dich fertig bis du nicht mehr atmest"],
            ["Ich brech dir beide Beine", "ich polier dir die fresse wenn ich dich seh", "ich schlag dich krankenhausreif",
             "ich schlitz dir das gesicht auf"],
            ["sag das noch einmal und ich hau dir die zähne raus", "Noch ein Wort und du liegst am Boden",
             "wenn du morgen zur party kommst, kriegst du richtig was ab",
             "postest du nochmal mein foto, brech ich dir den kiefer"],
            ["ich weiß wo du wohnst", "Schönes Haus in der Lindenstraße übrigens. Ich weiß welches Fenster deins ist",
             "hab deine adresse gefunden, bis bald", "ich kenn deine adresse und wann du nach hause kommst"],
            ["pass ab jetzt gut auf dich auf", "den morgigen tag erlebst du nicht mehr", "genieß dein letztes wochenende",
             "schlaf heute nacht lieber mit licht an, ich komme"],
            ["deiner familie passiert was wenn du nicht zahlst", "Deine Mutter ist die erste, die ich mir hole",
             "ich weiß auf welche schule deine tochter geht. wär schade wenn ihr was zustößt",
             "fass meinen bruder nochmal an und deine ganze familie büßt dafür"],
            ["ich zünde dein haus an während du drin schläfst", "morgen früh hat dein auto keine scheiben mehr",
             "ich fackel deinen laden ab", "heute nacht fliegt ein stein durch dein fenster"],
            ["ich werde dich vergewaltigen", "geh heute allein nach hause und ich vergewaltige dich",
             "jemand sollte dich vergewaltigen und ich melde mich freiwillig"],
            ["ich finde dich, egal wo du dich versteckst", "ich lauf dir schon die ganze woche bis nach hause hinterher",
             "ich warte um 18 uhr vor deinem büro auf dich", "hab dein handy geortet, ich weiß genau wo du bist"],
            ["jemand sollte den schiri nach dem spiel abstechen, sonst mach ich das",
             "der Schiedsrichter kriegt heute auf dem Parkplatz was auf die Fresse, dafür sorg ich",
             "mein ex wird es bereuen, ich schlag ihn grün und blau",
             "der nachbar von oben überlebt den winter nicht, das messer liegt bereit"],
            ["du bist der nächste", "ich komm dich holen", "das zahlst du mit blut", "deine tage sind gezählt"],
            ["wenn ich dich morgen in der schule seh schlag ich dich so zusammen dass dich deine eigene mutter nicht mehr erkennt",
             "Du glaubst, du bist hinter deinem Bildschirm sicher, aber ich finde dich und du wirst für jedes Wort leiden",
             "wenn ich dich nach dem training erwische bleibst du liegen bis der krankenwagen kommt"],
        ],
        non_threat=[
            ["diese hausaufgaben bringen mich um", "die hitze heute macht mich fertig", "ich bin todmüde",
             "die spannung bringt mich um, sag schon"],
            ["ich könnte für eine pizza töten", "für ein kaltes bier würd ich grad morden", "ich sterbe vor hunger",
             "ich hab mich totgelacht bei dem video"],
            ["wir haben sie im finale 5:0 abgeschossen", "Bayern wurde gestern regelrecht abgeschlachtet",
             "unsere abwehr wurde in der zweiten halbzeit zerlegt", "beim kneipenquiz haben wir alle plattgemacht"],
            ["hab den endboss beim dritten versuch gekillt", "headshot über die ganze map lol",
             "der sniper auf dem turm hat mich fünfmal gekillt", "drache mit einem krit umgehauen"],
            ["im letzten kapitel ermordet der bösewicht den kommissar", "im tatort gestern wurde die zeugin erschossen, voll traurig",
             "in staffel 3 bringen sie meine lieblingsfigur um", "der krimi fängt mit einem mord im zug an"],
            ["Mann nach Messerdrohung gegen Nachbarn festgenommen", "polizei ermittelt wegen morddrohungen gegen einen bürgermeister",
             "ein 17-jähriger wurde wegen drohnachrichten an seine lehrerin verurteilt"],
            ["niemand verdient morddrohungen, egal was er gesagt hat", "dem schiri wegen eines fußballspiels zu drohen ist einfach erbärmlich",
             "drohungen im netz sind eine straftat und kein spaß", "vergewaltigungsdrohungen sind nie ok, egal wie sehr man jemanden hasst"],
            ["meine mutter bringt mich um wenn ich wieder zu spät komme", "mein chef killt mich wenn er die tabelle sieht",
             "noch ein keks und ich platze", "bringt mich einfach um, ich hab morgen drei prüfungen"],
            ["zwiebeln klein hacken und den knoblauch zerdrücken", "eiweiß steif schlagen",
             "das fleisch mit dem plattiereisen flach klopfen", "kartoffeln mit der gabel einstechen bevor sie in den ofen kommen"],
            ["zeit, dem unkraut den garaus zu machen", "der frost hat alle meine tomaten gekillt",
             "das mittel macht blattläuse in einem tag platt", "die rosen im märz kräftig zurückschneiden"],
            ["wenn dich jemand bedroht, ruf die polizei", "mach screenshots von den drohungen und melde den account",
             "wenn du dich auf dem heimweg unsicher fühlst, teil deinen standort mit einer freundin",
             "sag einer lehrkraft bescheid, wenn dir in der schule jemand droht"],
            ["mein akku ist schon wieder tot", "kill einfach den prozess und starte neu", "wir schlagen am flughafen die zeit tot",
             "das konzert war der hammer"],
        ],
    ),
    "el": dict(
        threat_person=[
            ["θα σε σκοτώσω, στο ορκίζομαι", "θα σε σκοτώσω με τα ίδια μου τα χέρια", "είσαι νεκρός όταν σε πιάσω",
             "θα σε τελειώσω, να το θυμάσαι"],
            ["θα σου σπάσω και τα δύο πόδια", "θα σου σπάσω τα μούτρα μόλις σε δω",
             "θα σε δείρω μέχρι να μην μπορείς να περπατήσεις", "θα σου χαράξω το πρόσωπο με μαχαίρι"],
            ["ξαναπές το και θα σε πλακώσω", "μια λέξη ακόμα και θα βρεθείς στο πάτωμα", "αν έρθεις αύριο στο πάρτι θα φας ξύλο",
             "ξανανέβασε τη φωτογραφία μου και θα σου σπάσω το σαγόνι"],
            ["ξέρω πού μένεις", "ωραίο σπίτι στην οδό Ερμού παρεμπιπτόντως, ξέρω ποιο παράθυρο είναι το δικό σου",
             "βρήκα τη διεύθυνσή σου, τα λέμε σύντομα", "ξέρω τη διεύθυνσή σου και τι ώρα γυρνάς σπίτι"],
            ["πρόσεχε τα νώτα σου από δω και πέρα", "δεν θα δεις την αυριανή μέρα", "απόλαυσε το τελευταίο σου σαββατοκύριακο",
             "κοιμήσου με το φως αναμμένο απόψε, έρχομαι"],
            ["κάτι θα πάθει η οικογένειά σου αν δεν πληρώσεις", "η μάνα σου θα είναι η πρώτη που θα κυνηγήσω",
             "ξέρω σε ποιο σχολείο πάει η κόρη σου, κρίμα θα ήταν να της συμβεί κάτι",
             "ξαναάγγιξε τον αδερφό μου και θα πληρώσει όλη σου η οικογένεια"],
            ["θα κάψω το σπίτι σου με σένα μέσα", "αύριο το πρωί το αμάξι σου δεν θα έχει ούτε ένα τζάμι",
             "θα βάλω φωτιά στο μαγαζί σου", "απόψε θα μπει ένα τούβλο από το παράθυρό σου"],
            ["θα σε βιάσω", "γύρνα μόνη σπίτι απόψε και θα σε βιάσω", "κάποιος πρέπει να σε βιάσει και προσφέρομαι εγώ"],
            ["θα σε βρω όπου κι αν κρυφτείς", "όλη την εβδομάδα σε ακολουθώ μέχρι το σπίτι σου",
             "θα σε περιμένω στις έξι έξω από το γραφείο σου", "εντόπισα το κινητό σου, ξέρω ακριβώς πού είσαι"],
            ["κάποιος πρέπει να μαχαιρώσει αυτόν τον διαιτητή μετά το ματς, κι αν δεν το κάνει κανείς θα το κάνω εγώ",
             "ο διαιτητής θα φάει ξύλο στο πάρκινγκ απόψε, θα φροντίσω εγώ",
             "ο πρώην μου θα το μετανιώσει, θα τον κάνω μαύρο στο ξύλο",
             "ο γείτονας από πάνω δεν θα βγάλει τον χειμώνα, το μαχαίρι είναι έτοιμο"],
            ["είσαι ο επόμενος", "έρχομαι για σένα", "θα το πληρώσεις με αίμα", "οι μέρες σου είναι μετρημένες"],
            ["όταν σε δω αύριο στο σχολείο θα σε δείρω τόσο που ούτε η μάνα σου δεν θα σε αναγνωρίζει",
             "νομίζεις ότι είσαι ασφαλής πίσω από την οθόνη αλλά θα σε βρω και θα υποφέρεις για κάθε λέξη",
             "χάρου το live όσο μπορείς, μετά από απόψε θα κάνεις live μόνο από κρεβάτι νοσοκομείου"],
        ],
        non_threat=[
            ["αυτές οι ασκήσεις με σκοτώνουν", "αυτή η ζέστη με πεθαίνει", "είμαι πτώμα από την κούραση",
             "η αγωνία με σκοτώνει, πες το επιτέλους"],
            ["θα σκότωνα για μια πίτσα τώρα", "χαχαχα πέθανα", "πεθαίνω της πείνας", "αυτό το γλυκό είναι θάνατος"],
            ["τους διαλύσαμε 5-0 στον τελικό", "ο Ολυμπιακός σφαγιάστηκε χθες", "μας διέλυσαν την άμυνα στο δεύτερο ημίχρονο",
             "τους σκίσαμε όλους στο κουίζ του μπαρ"],
            ["σκότωσα το αφεντικό στην τρίτη προσπάθεια", "headshot από την άλλη άκρη του χάρτη χαχα",
             "ο σνάιπερ στον πύργο με σκότωσε πέντε φορές", "έριξα τον δράκο με ένα κριτικό χτύπημα"],
            ["στο τελευταίο κεφάλαιο ο κακός δολοφονεί τον αστυνόμο", "στην τρίτη σεζόν σκοτώνουν τον αγαπημένο μου χαρακτήρα",
             "το αστυνομικό ξεκινάει με έναν φόνο σε ένα τρένο", "η ταινία τρόμου με τον τύπο με το αλυσοπρίονο είναι πολύ κακή"],
            ["Συνελήφθη άνδρας που απείλησε τον γείτονά του με μαχαίρι", "η αστυνομία ερευνά απειλές θανάτου κατά δημάρχου",
             "καταδικάστηκε 17χρονος για απειλητικά μηνύματα στην καθηγήτριά του"],
            ["κανείς δεν αξίζει απειλές θανάτου, ό,τι κι αν είπε", "το να απειλείς διαιτητή για ένα ματς είναι αξιολύπητο",
             "οι απειλές στο ίντερνετ είναι έγκλημα, όχι αστείο", "οι απειλές βιασμού δεν είναι ποτέ εντάξει"],
            ["η μάνα μου θα με σκοτώσει αν αργήσω πάλι", "ο προϊστάμενος θα με φάει όταν δει το excel",
             "ένα μπισκότο ακόμα και σκάω", "σκοτώστε με, έχω τρεις εξετάσεις αύριο"],
            ["ψιλοκόψτε το κρεμμύδι και λιώστε το σκόρδο", "χτυπήστε τα ασπράδια μαρέγκα", "κοπανήστε το κρέας να λεπτύνει",
             "τρυπήστε τις πατάτες με πιρούνι πριν μπουν στο φούρνο"],
            ["ώρα να ξεπαστρέψω τα αγριόχορτα", "ο παγετός σκότωσε όλες τις ντομάτες μου",
             "αυτό το σπρέι σκοτώνει τις αφίδες σε μια μέρα", "κλαδέψτε τις τριανταφυλλιές γερά τον Φεβρουάριο"],
            ["αν σε απειλεί κάποιος, πάρε την αστυνομία", "κράτα screenshots από τις απειλές και κάνε αναφορά στον λογαριασμό",
             "αν δεν νιώθεις ασφαλής γυρνώντας σπίτι, μοιράσου την τοποθεσία σου με μια φίλη",
             "πες το σε έναν καθηγητή αν κάποιος σε απειλεί στο σχολείο"],
            ["το κινητό μου πέθανε πάλι", "σκότωσε τη διεργασία και κάνε επανεκκίνηση", "σκοτώνουμε την ώρα μας στο αεροδρόμιο",
             "η συναυλία ήταν φωτιά"],
        ],
    ),
    "en": dict(
        threat_person=[
            ["I'm going to end you, I swear it", "i will literally kill u next time i see u",
             "I'll put you in the ground myself, you hear me?", "you have 24 hours before I come and finish you off"],
            ["I'll break both your legs", "gonna smash your teeth in when I see you", "I will beat you until you can't walk",
             "I'm going to cut your face open"],
            ["say that again and I'll knock you out", "Post my photo one more time and you'll be eating through a straw",
             "if you show up at the party tomorrow you're getting hurt badly",
             "one more word out of you and I swear I'll break your jaw"],
            ["I know where you live", "nice house on Elm Street btw. I know which window is yours",
             "found your address lol see you soon", "I know your address and what time you get home, think about that"],
            ["watch your back from now on", "you won't live to see tomorrow", "enjoy your last weekend alive",
             "better sleep with the lights on tonight, I'm coming"],
            ["something will happen to your family if you don't pay me back", "your mother will be the first one I go after",
             "I know which school your daughter goes to. would be a shame if something happened to her",
             "Touch my brother again and your whole family pays for it"],
            ["I'm going to burn your house down with you in it", "your car won't have a single window left tomorrow morning",
             "i'll torch your shop and make you watch", "gonna put a brick through your window tonight"],
            ["I'm going to rape you", "walk home alone tonight and I will rape you",
             "someone should rape you to teach you a lesson and I volunteer"],
            ["I'll find you, doesn't matter where you hide", "been following you home all week. you didn't notice did you",
             "I'll be waiting outside your office at 6", "I tracked your phone, I know exactly where you are right now"],
            ["someone should stab that referee after the game and if nobody does I will",
             "that ref is getting his head kicked in in the parking lot tonight, I'll make sure of it",
             "my ex is going to regret this, I'm going to beat him black and blue",
             "the guy upstairs won't make it through the winter, I've got the knife ready"],
            ["you're next", "I'm coming for you", "you'll pay in blood", "your days are numbered"],
            ["when I see you at school tomorrow I'm going to beat you so hard your own mother won't recognise you",
             "you think you're safe behind that screen but I'll find you and make you suffer for every word",
             "Enjoy your little stream while it lasts, after tonight you'll only be streaming from a hospital bed"],
        ],
        non_threat=[
            ["this homework is killing me", "these new shoes are killing my feet", "I'm dead tired",
             "the suspense is killing me, just tell me"],
            ["I could murder a pizza right now", "lol I'm dying, that video is too funny", "I'm starving to death here",
             "that joke killed, the whole room was crying"],
            ["we destroyed them 5-0 in the final", "City got absolutely slaughtered last night",
             "our defence got ripped apart in the second half", "we crushed everyone at pub quiz"],
            ["I killed the boss on my third try", "got a headshot from across the map lmao",
             "that sniper kept killing me from the tower", "just one-shot the dragon with a crit"],
            ["the villain murders the detective in the last chapter", "in season 3 they kill off my favourite character",
             "the book opens with a stabbing on a train", "the chainsaw guy in that horror movie was so cheesy"],
            ["Man arrested for threatening his neighbour with a knife",
             "police charged a 34-year-old over online death threats against a councillor",
             "a teenager was sentenced for sending threatening messages to his teacher"],
            ["nobody deserves death threats, no matter what they said", "sending threats to a referee over a football match is pathetic",
             "threatening people online is a crime, not a joke", "I don't care how much you hate her, rape threats are never ok"],
            ["my mom will kill me if I'm late again", "my boss is gonna murder me when he sees this spreadsheet",
             "if I eat one more cookie I'll explode", "kill me now, I have three exams tomorrow"],
            ["cut the onions and smash the garlic", "beat the egg whites until stiff", "pound the chicken breasts thin with a mallet",
             "stab the potatoes with a fork before they go in the oven"],
            ["time to kill the weeds before they take over", "the frost killed all my tomatoes",
             "this spray wipes out aphids in a day", "cut the roses back hard in march"],
            ["if someone threatens you, call the police", "screenshot the threats and report the account",
             "if you feel unsafe walking home, share your location with a friend",
             "tell a teacher if anyone at school says they'll hurt you"],
            ["my phone is dead again", "just kill the process and restart it", "we're killing time at the airport",
             "that concert was a total blast"],
        ],
    ),
    "es": dict(
        threat_person=[
            ["te voy a matar, te lo juro", "te juro que te mato con mis propias manos", "estás muerto cuando te pille",
             "te voy a quitar la vida, acuérdate"],
            ["te voy a romper las dos piernas", "te parto la cara en cuanto te vea",
             "te voy a dar una paliza hasta que no puedas andar", "te rajo la cara con una navaja"],
            ["repite eso y te reviento", "una palabra más y acabas en el suelo", "si vienes mañana a la fiesta vas a cobrar",
             "vuelve a subir mi foto y te rompo la mandíbula"],
            ["sé dónde vives", "bonita casa en la calle del Olmo por cierto, ya sé cuál es tu ventana",
             "encontré tu dirección, nos vemos pronto", "me sé tu dirección y a qué hora llegas a casa"],
            ["cuídate las espaldas desde hoy", "no vas a ver el día de mañana", "disfruta tu último fin de semana",
             "duerme con la luz encendida esta noche, voy para allá"],
            ["a tu familia le va a pasar algo si no pagas", "tu madre será la primera a la que vaya a buscar",
             "sé a qué colegio va tu hija, sería una pena que le pasara algo",
             "toca otra vez a mi hermano y lo paga toda tu familia"],
            ["le voy a prender fuego a tu casa contigo dentro", "mañana tu coche amanece sin un cristal",
             "te quemo el negocio", "esta noche te entra un ladrillo por la ventana"],
            ["te voy a violar", "vuelve sola a casa esta noche y te violo", "alguien debería violarte y yo me ofrezco"],
            ["te voy a encontrar te escondas donde te escondas", "llevo toda la semana siguiéndote hasta tu casa",
             "te espero a las seis en la puerta de tu oficina", "te tengo localizado el móvil, sé exactamente dónde estás"],
            ["alguien debería apuñalar a ese árbitro después del partido, y si nadie lo hace lo hago yo",
             "al árbitro le van a partir la cara en el parking esta noche, me encargo yo",
             "mi ex se va a arrepentir, le voy a dejar la cara morada",
             "el vecino del quinto no pasa del invierno, ya tengo el cuchillo"],
            ["tú eres el siguiente", "voy a por ti", "lo vas a pagar con sangre", "tienes los días contados"],
            ["cuando te vea mañana en el insti te voy a dar tal paliza que ni tu madre te va a reconocer",
             "te crees a salvo detrás de la pantalla pero te voy a encontrar y vas a sufrir por cada palabra",
             "disfruta del directo mientras puedas, después de esta noche solo vas a emitir desde una cama de hospital"],
        ],
        non_threat=[
            ["estos deberes me están matando", "este calor me mata", "estoy muerto de cansancio",
             "la intriga me está matando, cuéntamelo ya"],
            ["mataría por una pizza ahora mismo", "jajaja me muero", "me muero de hambre", "esa tarta está de muerte"],
            ["les dimos una paliza 5-0 en la final", "al Madrid lo masacraron anoche", "nos destrozaron la defensa en la segunda parte",
             "arrasamos en el trivial del bar"],
            ["maté al jefe final al tercer intento", "headshot desde la otra punta del mapa jajaja",
             "el francotirador de la torre me mató cinco veces", "me cargué al dragón de un crítico"],
            ["en el último capítulo el malo asesina al inspector", "en la tercera temporada matan a mi personaje favorito",
             "la novela empieza con un apuñalamiento en un tren", "la peli de miedo del tío de la motosierra es malísima"],
            ["Detenido un hombre por amenazar a su vecino con un cuchillo", "la policía investiga amenazas de muerte contra una alcaldesa",
             "condenan a un joven por enviar mensajes amenazantes a su profesora"],
            ["nadie se merece amenazas de muerte, diga lo que diga", "amenazar a un árbitro por un partido de fútbol es patético",
             "amenazar a alguien por internet es delito, no una broma", "las amenazas de violación nunca están bien"],
            ["mi madre me mata si llego tarde otra vez", "mi jefe me va a matar cuando vea la hoja de cálculo",
             "una galleta más y reviento", "que alguien me mate, tengo tres exámenes mañana"],
            ["pica la cebolla y machaca el ajo", "bate las claras a punto de nieve", "aplasta los filetes con el mazo",
             "pincha las patatas con un tenedor antes de meterlas al horno"],
            ["toca acabar con las malas hierbas antes de que lo invadan todo", "la helada me mató todos los tomates",
             "este producto se carga los pulgones en un día", "poda los rosales a fondo en marzo"],
            ["si alguien te amenaza, llama a la policía", "haz capturas de las amenazas y denuncia la cuenta",
             "si no te sientes segura volviendo a casa, comparte tu ubicación con una amiga",
             "cuéntaselo a un profe si alguien te amenaza en el cole"],
            ["se me ha muerto el móvil otra vez", "mata el proceso y reinicia", "estamos matando el rato en el aeropuerto",
             "ese concierto fue una bomba"],
        ],
    ),
    "fr": dict(
        threat_person=[
            ["je vais te tuer, je te le jure", "je vais te buter de mes propres mains", "t'es mort quand je te chope",
             "je vais te crever, retiens bien ça"],
            ["je vais te casser les deux jambes", "je vais te défoncer la gueule dès que je te vois",
             "je vais te frapper jusqu'à ce que tu puisses plus marcher", "je vais te taillader le visage au cutter"],
            ["redis ça encore une fois et je t'éclate", "encore un mot et tu finis par terre",
             "si tu viens à la soirée demain tu vas prendre cher", "tu repostes ma photo et je te pète la mâchoire"],
            ["je sais où tu habites", "jolie maison rue des Lilas d'ailleurs, je sais laquelle est ta fenêtre",
             "j'ai trouvé ton adresse, à très vite", "je connais ton adresse et tes horaires, réfléchis bien"],
            ["fais gaffe à toi à partir de maintenant", "tu verras pas demain", "profite bien de ton dernier week-end",
             "dors avec la lumière allumée ce soir, j'arrive"],
            ["il va arriver quelque chose à ta famille si tu paies pas", "ta mère sera la première que j'irai chercher",
             "je sais dans quelle école va ta fille, ce serait dommage qu'il lui arrive un truc",
             "touche encore à mon frère et toute ta famille va payer"],
            ["je vais mettre le feu à ta maison pendant que tu dors dedans", "demain matin ta voiture aura plus une seule vitre",
             "je vais cramer ta boutique", "ce soir une brique passe par ta fenêtre"],
            ["je vais te violer", "rentre seule ce soir et je te viole", "quelqu'un devrait te violer et je me porte volontaire"],
            ["je te retrouverai où que tu te caches", "ça fait une semaine que je te suis jusque chez toi",
             "je t'attends devant ton bureau à 18h", "j'ai localisé ton téléphone, je sais exactement où tu es"],
            ["quelqu'un devrait planter cet arbitre après le match, sinon je le ferai",
             "l'arbitre va se faire défoncer sur le parking ce soir, je m'en occupe",
             "mon ex va regretter, je vais le frapper jusqu'au sang",
             "le voisin du dessus passera pas l'hiver, j'ai déjà sorti le couteau"],
            ["t'es le prochain", "je viens te chercher", "tu vas le payer de ton sang", "tes jours sont comptés"],
            ["quand je te croise demain au lycée je te frappe tellement fort que ta propre mère te reconnaîtra plus",
             "tu te crois à l'abri derrière ton écran mais je vais te trouver et tu vas souffrir pour chaque mot",
             "profite de ton live tant que tu peux, après ce soir tu streameras depuis un lit d'hôpital"],
        ],
        non_threat=[
            ["ces devoirs me tuent", "cette chaleur m'achève", "je suis mort de fatigue", "le suspense me tue, dis-moi"],
            ["je tuerais pour une pizza là", "mdr je suis mort", "je meurs de faim", "ce gâteau est une tuerie"],
            ["on les a massacrés 5-0 en finale", "le PSG s'est fait démolir hier soir",
             "notre défense a été pulvérisée en deuxième mi-temps", "on a écrasé tout le monde au quiz du bar"],
            ["j'ai tué le boss au troisième essai", "headshot à travers toute la map ptdr",
             "le sniper sur la tour m'a tué cinq fois", "j'ai one-shot le dragon avec un critique"],
            ["dans le dernier chapitre le méchant assassine l'inspecteur", "dans la saison 3 ils tuent mon perso préféré",
             "le polar commence par un meurtre dans un train", "le film d'horreur avec le type à la tronçonneuse était trop nul"],
            ["Un homme interpellé pour avoir menacé son voisin avec un couteau",
             "la police enquête sur des menaces de mort visant un maire",
             "un lycéen condamné pour des messages menaçants envoyés à sa prof"],
            ["personne ne mérite des menaces de mort, peu importe ce qu'il a dit", "menacer un arbitre pour un match de foot, c'est pathétique",
             "menacer quelqu'un en ligne c'est un délit, pas une blague", "les menaces de viol ne sont jamais acceptables"],
            ["ma mère va me tuer si je rentre encore en retard", "mon chef va me massacrer quand il verra le tableau",
             "encore un biscuit et j'explose", "achevez-moi, j'ai trois exams demain"],
            ["émincez les oignons et écrasez l'ail", "battez les blancs en neige", "aplatissez les escalopes au rouleau",
             "piquez les pommes de terre avec une fourchette avant de les enfourner"],
            ["faut que je tue les mauvaises herbes avant qu'elles envahissent tout", "le gel a tué toutes mes tomates",
             "ce produit extermine les pucerons en un jour", "taillez les rosiers sévèrement en mars"],
            ["si quelqu'un te menace, appelle la police", "fais des captures des menaces et signale le compte",
             "si tu te sens pas en sécurité en rentrant, partage ta position avec une amie",
             "parle à un prof si quelqu'un te menace à l'école"],
            ["mon téléphone est encore mort", "tue le processus et relance", "on tue le temps à l'aéroport",
             "ce concert a tout déchiré"],
        ],
    ),
    "hi": dict(
        threat_person=[
            ["मैं तुझे जान से मार दूंगा, कसम से", "अपने हाथों से तुझे मार डालूंगा", "पकड़ में आया तो तू मरा",
             "तेरी जिंदगी खत्म कर दूंगा, याद रखना"],
            ["तेरी दोनों टांगें तोड़ दूंगा", "देखते ही तेरा मुंह तोड़ दूंगा", "इतना मारूंगा कि चल नहीं पाएगा",
             "चाकू से तेरा चेहरा बिगाड़ दूंगा"],
            ["दोबारा बोल के दिखा, दांत तोड़ दूंगा", "एक शब्द और बोला तो ज़मीन पर पड़ा मिलेगा", "कल पार्टी में आया तो बहुत पिटेगा",
             "मेरी फोटो फिर डाली तो जबड़ा तोड़ दूंगा"],
            ["मुझे पता है तू कहां रहता है", "गुलमोहर गली वाला घर अच्छा है वैसे, मुझे पता है कौन सी खिड़की तेरी है",
             "तेरा पता मिल गया, जल्दी मिलते हैं", "तेरा पता भी मालूम है और ये भी कि तू घर कितने बजे आता है"],
            ["आज से संभल के रहना", "तू कल का सूरज नहीं देखेगा", "अपने आखिरी वीकेंड के मज़े ले ले",
             "आज रात लाइट जला के सोना, मैं आ रहा हूं"],
            ["पैसे नहीं लौटाए तो तेरे घरवालों को कुछ हो जाएगा", "सबसे पहले तेरी मां को ढूंढूंगा",
             "मुझे पता है तेरी बेटी किस स्कूल में पढ़ती है, उसे कुछ हो गया तो बुरा होगा",
             "मेरे भाई को फिर हाथ लगाया तो तेरा पूरा परिवार भुगतेगा"],
            ["तेरे घर में आग लगा दूंगा, तू अंदर ही रहेगा", "कल सुबह तेरी गाड़ी में एक भी शीशा नहीं बचेगा",
             "तेरी दुकान फूंक दूंगा", "आज रात तेरी खिड़की से ईंट अंदर आएगी"],
            ["मैं तेरा रेप करूंगा", "आज रात अकेली घर जाना, तेरा बलात्कार कर दूंगा",
             "किसी को तेरा रेप करना चाहिए और वो मैं करूंगा"],
            ["कहीं भी छुप जा, तुझे ढूंढ निकालूंगा", "पूरे हफ्ते से तेरा घर तक पीछा कर रहा हूं",
             "शाम छह बजे तेरे ऑफिस के बाहर इंतज़ार करूंगा", "तेरा फोन ट्रैक कर लिया है, पता है तू अभी कहां है"],
            ["मैच के बाद किसी को उस अंपायर को चाकू मार देना चाहिए, कोई नहीं करेगा तो मैं करूंगा",
             "आज रात पार्किंग में उस अंपायर की धुलाई होगी, मैं देख लूंगा",
             "मेरा एक्स पछताएगा, उसे मार मार के नीला कर दूंगा",
             "ऊपर वाला पड़ोसी ये सर्दी नहीं निकालेगा, चाकू तैयार है"],
            ["अगला नंबर तेरा है", "मैं तेरे लिए आ रहा हूं", "खून से चुकाएगा तू", "तेरे दिन गिने चुने हैं"],
            ["कल स्कूल में दिखा तो इतना मारूंगा कि तेरी अपनी मां भी नहीं पहचानेगी",
             "सोचता है स्क्रीन के पीछे सेफ है, पर मैं तुझे ढूंढ लूंगा और हर शब्द की सज़ा भुगतेगा",
             "लाइव के मज़े ले ले जब तक ले सकता है, आज रात के बाद सिर्फ अस्पताल के बेड से लाइव करेगा"],
        ],
        non_threat=[
            ["ये होमवर्क मेरी जान ले रहा है", "ये गर्मी तो मार ही डालेगी", "थक के मर गया यार",
             "सस्पेंस से मरा जा रहा हूं, बता भी दो"],
            ["भूख से जान निकल रही है", "हाहाहा हंस हंस के मर गया", "इस गाजर के हलवे पे तो मैं मर मिटूं",
             "ये गाना तो एकदम कातिल है"],
            ["फाइनल में उन्हें 5-0 से धो डाला", "कल रात इंडिया ने ऑस्ट्रेलिया की धज्जियां उड़ा दीं",
             "दूसरे हाफ में हमारी डिफेंस बिखर गई", "क्विज़ में हमने सबको कुचल दिया"],
            ["तीसरी कोशिश में बॉस को मार दिया", "पूरे मैप के पार से हेडशॉट मारा लोल", "टावर वाले स्नाइपर ने मुझे पांच बार मारा",
             "ड्रैगन को एक क्रिटिकल हिट में गिरा दिया"],
            ["आखिरी चैप्टर में विलेन इंस्पेक्टर का कत्ल कर देता है", "तीसरे सीज़न में मेरे फेवरेट किरदार को मार दिया",
             "जासूसी उपन्यास ट्रेन में हुए एक खून से शुरू होता है", "आरी वाले आदमी वाली हॉरर फिल्म बहुत बकवास थी"],
            ["पड़ोसी को चाकू से धमकाने वाला व्यक्ति गिरफ्तार", "पुलिस महापौर को मिली जान से मारने की धमकियों की जांच कर रही है",
             "टीचर को धमकी भरे मैसेज भेजने वाले युवक को सज़ा"],
            ["किसी को भी जान से मारने की धमकी नहीं मिलनी चाहिए, चाहे उसने कुछ भी कहा हो",
             "एक मैच के लिए अंपायर को धमकाना बहुत शर्मनाक है", "ऑनलाइन किसी को धमकाना अपराध है, मज़ाक नहीं",
             "रेप की धमकियां कभी भी ठीक नहीं हैं"],
            ["फिर लेट हुआ तो मम्मी मुझे मार डालेंगी", "बॉस ये शीट देखेगा तो मेरी जान ले लेगा",
             "एक और बिस्किट खाया तो फट जाऊंगा", "मुझे कोई मार दो, कल तीन पेपर हैं"],
            ["प्याज़ बारीक काटो और लहसुन कूट लो", "अंडों को झाग आने तक फेंटो", "मीट को हथौड़ी से कूटकर पतला करो",
             "ओवन में डालने से पहले आलू में कांटे से छेद करो"],
            ["खरपतवार फैलने से पहले उन्हें खत्म करना है", "पाले ने मेरे सारे टमाटर मार दिए", "ये दवा एक दिन में माहू को मार देती है",
             "गुलाब की कटाई फरवरी में अच्छे से करो"],
            ["अगर कोई धमकी दे तो पुलिस को फोन करो", "धमकियों का स्क्रीनशॉट लो और अकाउंट रिपोर्ट करो",
             "घर लौटते वक्त डर लगे तो किसी दोस्त से लोकेशन शेयर कर लो", "स्कूल में कोई धमकाए तो टीचर को बताओ"],
            ["फोन की बैटरी फिर मर गई", "प्रोसेस को किल करके रीस्टार्ट करो", "एयरपोर्ट पर वक्त काट रहे हैं",
             "कॉन्सर्ट एकदम धमाकेदार था"],
        ],
    ),
    "ko": dict(
        threat_person=[
            ["너 진짜 죽여버릴 거야", "맹세하는데 내 손으로 너 죽인다", "잡히면 넌 죽었다", "니 인생 끝내줄게 기억해"],
            ["다리 두 개 다 부러뜨려 줄게", "보이는 순간 면상 박살낸다", "걷지도 못하게 패줄게", "칼로 얼굴 그어버릴 거야"],
            ["한 번만 더 말해봐 이빨 다 털어버린다", "한마디만 더 하면 바닥에 눕는다", "내일 파티 오면 죽도록 맞을 줄 알아",
             "내 사진 또 올리면 턱 부숴버린다"],
            ["너 어디 사는지 안다", "목련길 집 예쁘더라 어느 창문이 네 방인지도 알아", "주소 찾았다 곧 보자",
             "니 주소랑 몇 시에 집에 들어가는지 다 알아"],
            ["앞으로 뒤통수 조심해라", "내일 해 뜨는 거 못 볼 거다", "마지막 주말 잘 즐겨라", "오늘 밤엔 불 켜고 자라 지금 간다"],
            ["돈 안 갚으면 니 가족한테 무슨 일 생긴다", "니 엄마부터 찾아갈 거야",
             "니 딸 어느 학교 다니는지 알아 무슨 일 생기면 안타깝겠네", "내 동생 한 번만 더 건드리면 니 가족 전부 대가 치른다"],
            ["너 안에 있을 때 집에 불 질러버린다", "내일 아침엔 니 차에 유리 한 장도 안 남아 있을 거다", "니 가게 불태워버릴 거야",
             "오늘 밤 니 창문으로 벽돌 날아간다"],
            ["강간해버릴 거야", "오늘 밤 혼자 집에 가봐 강간해줄 테니까", "누가 널 강간해야 되는데 내가 해줄게"],
            ["어디 숨든 찾아낸다", "일주일 내내 집까지 따라갔는데 몰랐지", "여섯 시에 회사 앞에서 기다릴게",
             "니 폰 위치 추적했어 지금 어디 있는지 정확히 알아"],
            ["경기 끝나고 누가 저 심판 칼로 찔러야 돼 아무도 안 하면 내가 한다", "저 심판 오늘 밤 주차장에서 맞을 거다 내가 책임진다",
             "전남친 후회하게 될 거야 시퍼렇게 멍들게 패줄 거니까", "윗집 남자 이번 겨울 못 넘긴다 칼 준비해놨어"],
            ["다음은 너야", "너 잡으러 간다", "피로 갚게 될 거다", "너 이제 끝났어"],
            ["내일 학교에서 보이면 니 엄마도 못 알아볼 정도로 패버릴 거야",
             "화면 뒤에 숨으면 안전할 줄 알지? 찾아내서 한 마디 한 마디 다 대가 치르게 해줄게",
             "방송 즐길 수 있을 때 즐겨라 오늘 밤 이후엔 병원 침대에서나 방송하게 될 테니까"],
        ],
        non_threat=[
            ["과제 때문에 죽겠다", "더워 죽겠어 진짜", "피곤해서 죽을 것 같아", "궁금해 죽겠네 빨리 말해줘"],
            ["지금 피자 먹고 싶어 죽겠다", "ㅋㅋㅋㅋ 웃겨 죽는 줄", "배고파 죽겠다", "이 케이크 진짜 죽여준다"],
            ["결승에서 5대0으로 박살냈다", "어제 토트넘 완전 털렸더라", "후반전에 수비가 완전히 무너졌어",
             "술집 퀴즈 대회에서 다 쓸어버렸지"],
            ["세 번째 트라이에 보스 잡았다", "맵 끝에서 헤드샷 날림 ㅋㅋ", "탑에 있는 저격수한테 다섯 번 죽었어",
             "크리 한 방에 드래곤 잡음"],
            ["마지막 장에서 악당이 형사를 살해해", "시즌3에서 내 최애 캐릭터 죽였어", "그 추리소설은 기차 안 살인 사건으로 시작해",
             "전기톱 든 남자 나오는 공포영화 너무 유치하더라"],
            ["흉기로 이웃 위협한 50대 남성 체포", "경찰, 시장 겨냥한 살해 협박 수사 중", "교사에게 협박 메시지 보낸 10대 실형"],
            ["무슨 말을 했든 살해 협박 받아도 되는 사람은 없어", "축구 경기 때문에 심판을 협박하는 건 한심하다",
             "온라인 협박은 범죄지 장난이 아니야", "성폭행 협박은 어떤 경우에도 용납 안 돼"],
            ["또 늦으면 엄마한테 죽는다", "부장님이 이 엑셀 보면 나 죽일 듯", "과자 하나만 더 먹으면 배 터지겠다",
             "날 죽여줘 내일 시험 세 개야"],
            ["양파 잘게 썰고 마늘은 으깨세요", "달걀을 거품 날 때까지 휘저어 주세요", "고기는 망치로 두드려서 얇게 펴요",
             "오븐에 넣기 전에 감자를 포크로 찔러주세요"],
            ["잡초 퍼지기 전에 싹 다 없애야 해", "서리 때문에 토마토가 다 죽었어", "이 약 뿌리면 진딧물이 하루 만에 죽어",
             "장미는 3월에 과감하게 가지치기하세요"],
            ["누가 협박하면 바로 경찰에 신고하세요", "협박 메시지 캡처해서 계정 신고해", "집에 가는 길이 무서우면 친구한테 위치 공유해",
             "학교에서 누가 위협하면 선생님께 말씀드려"],
            ["폰 배터리 또 죽었어", "프로세스 죽이고 다시 실행해 봐", "공항에서 시간 죽이는 중", "어제 콘서트 진짜 죽였다"],
        ],
    ),
    "pl": dict(
        threat_person=[
            ["zabiję cię, przysięgam", "zabiję cię własnymi rękami", "jesteś trupem jak cię złapię", "wykończę cię, zapamiętaj to"],
            ["połamię ci obie nogi", "rozwalę ci mordę jak tylko cię zobaczę", "pobiję cię tak, że nie będziesz chodzić",
             "potnę ci twarz nożem"],
            ["powtórz to jeszcze raz to ci wybiję zęby", "jeszcze jedno słowo i leżysz na ziemi",
             "przyjdź jutro na imprezę, a tak oberwiesz, że popamiętasz", "wrzuć jeszcze raz moje zdjęcie to złamię ci szczękę"],
            ["wiem gdzie mieszkasz", "ładny dom na Lipowej btw, wiem które okno jest twoje",
             "znalazłem twój adres, do zobaczenia wkrótce", "znam twój adres i godzinę, o której wracasz do domu"],
            ["uważaj na siebie od teraz", "nie dożyjesz jutra", "ciesz się ostatnim weekendem",
             "śpij dziś przy zapalonym świetle, jadę do ciebie"],
            ["twojej rodzinie coś się stanie jak nie oddasz kasy", "twoja matka będzie pierwsza, po którą przyjdę",
             "wiem do której szkoły chodzi twoja córka, szkoda by było gdyby coś jej się stało",
             "tknij jeszcze raz mojego brata a cała twoja rodzina za to zapłaci"],
            ["spalę ci dom razem z tobą", "jutro rano twoje auto nie będzie miało ani jednej szyby", "podpalę ci sklep",
             "dziś w nocy wleci ci cegła przez okno"],
            ["zgwałcę cię", "wracaj dziś sama do domu to cię zgwałcę", "ktoś powinien cię zgwałcić i chętnie to zrobię"],
            ["znajdę cię, gdziekolwiek się schowasz", "cały tydzień chodzę za tobą aż pod dom",
             "będę czekał na ciebie o szóstej pod twoim biurem", "namierzyłem twój telefon, wiem dokładnie gdzie jesteś"],
            ["ktoś powinien dźgnąć tego sędziego nożem po meczu, a jak nikt tego nie zrobi to ja",
             "sędzia oberwie dziś na parkingu, już ja tego dopilnuję", "mój ex pożałuje, zbiję go na kwaśne jabłko",
             "sąsiad z góry nie przeżyje zimy, nóż już mam"],
            ["jesteś następny", "idę po ciebie", "zapłacisz krwią", "twoje dni są policzone"],
            ["jak cię jutro zobaczę w szkole to cię tak spiorę że własna matka cię nie pozna",
             "myślisz że za ekranem jesteś bezpieczny ale znajdę cię i będziesz cierpiał za każde słowo",
             "ciesz się streamem póki możesz, po dzisiejszej nocy będziesz streamował tylko ze szpitalnego łóżka"],
        ],
        non_threat=[
            ["ta praca domowa mnie zabija", "ten upał mnie wykańcza", "jestem śmiertelnie zmęczony", "napięcie mnie zabija, mów już"],
            ["zabiłbym teraz za pizzę", "hahaha umarłem", "umieram z głodu", "ten sernik jest zabójczy"],
            ["rozgromiliśmy ich 5:0 w finale", "Legia dostała wczoraj straszne lanie", "naszą obronę rozjechali w drugiej połowie",
             "zmiażdżyliśmy wszystkich na quizie w pubie"],
            ["zabiłem bossa za trzecim podejściem", "headshot przez całą mapę xD", "snajper na wieży zabił mnie pięć razy",
             "ubiłem smoka jednym krytem"],
            ["w ostatnim rozdziale złoczyńca morduje komisarza", "w trzecim sezonie zabili moją ulubioną postać",
             "kryminał zaczyna się od morderstwa w pociągu", "ten horror z gościem z piłą łańcuchową jest strasznie tandetny"],
            ["Mężczyzna zatrzymany za grożenie sąsiadowi nożem", "policja bada groźby śmierci wobec burmistrzyni",
             "nastolatek skazany za wysyłanie gróźb swojej nauczycielce"],
            ["nikt nie zasługuje na groźby śmierci, bez względu na to co powiedział",
             "grożenie sędziemu przez mecz piłki nożnej jest żałosne", "grożenie komuś w internecie to przestępstwo, a nie żart",
             "groźby gwałtu nigdy nie są w porządku"],
            ["mama mnie zabije jak znowu się spóźnię", "szef mnie zamorduje jak zobaczy ten arkusz", "jeszcze jedno ciastko i pęknę",
             "zabijcie mnie, mam jutro trzy egzaminy"],
            ["posiekaj cebulę i zmiażdż czosnek", "ubij białka na sztywną pianę", "rozbij kotlety tłuczkiem",
             "nakłuj ziemniaki widelcem przed pieczeniem"],
            ["trzeba wytępić chwasty zanim wszystko zarosną", "przymrozek zabił wszystkie moje pomidory",
             "ten środek zabija mszyce w jeden dzień", "przytnij róże mocno w marcu"],
            ["jeśli ktoś ci grozi, dzwoń na policję", "zrób screeny gróźb i zgłoś konto",
             "jak nie czujesz się bezpiecznie wracając do domu, udostępnij lokalizację koleżance",
             "powiedz nauczycielowi, jeśli ktoś grozi ci w szkole"],
            ["telefon znowu mi padł", "zabij proces i uruchom ponownie", "zabijamy czas na lotnisku", "koncert był petardą"],
        ],
    ),
    "pt": dict(
        threat_person=[
            ["vou te matar, pode escrever", "juro que te mato com minhas próprias mãos", "tu tá morto quando eu te pegar",
             "vou acabar com a tua vida, anota aí"],
            ["vou quebrar as tuas duas pernas", "vou arrebentar teus dentes quando te encontrar",
             "vou te bater até você não conseguir andar", "vou cortar teu rosto com uma faca"],
            ["fala isso de novo que eu te arrebento", "mais uma palavra e tu vai parar no chão",
             "se aparecer na festa amanhã vai apanhar feio", "posta minha foto de novo que eu quebro teu queixo"],
            ["eu sei onde você mora", "casa bonita na rua das Flores hein, já sei qual é a tua janela",
             "achei teu endereço, até logo", "sei teu endereço e a hora que tu chega em casa"],
            ["fica esperto daqui pra frente", "tu não vai ver o dia de amanhã", "aproveita teu último fim de semana",
             "dorme de luz acesa hoje, tô indo aí"],
            ["vai acontecer alguma coisa com tua família se não pagar", "tua mãe vai ser a primeira que eu vou buscar",
             "sei em que escola tua filha estuda, seria uma pena se acontecesse alguma coisa com ela",
             "encosta no meu irmão de novo e tua família inteira paga"],
            ["vou tacar fogo na tua casa contigo dentro", "amanhã teu carro amanhece sem nenhum vidro", "vou queimar tua loja",
             "hoje à noite um tijolo entra pela tua janela"],
            ["vou te estuprar", "volta sozinha pra casa hoje e eu te estupro", "alguém devia te estuprar e eu me ofereço"],
            ["vou te achar onde quer que tu se esconda", "faz uma semana que eu te sigo até em casa",
             "vou te esperar às seis na porta do teu trabalho", "rastreei teu celular, sei exatamente onde tu tá"],
            ["alguém devia esfaquear esse juiz depois do jogo, e se ninguém fizer eu faço",
             "o juiz vai apanhar no estacionamento hoje, deixa comigo", "meu ex vai se arrepender, vou deixar ele todo roxo",
             "o vizinho do 502 não passa desse mês, já separei a faca"],
            ["tu é o próximo", "tô indo atrás de você", "vai pagar com sangue", "teus dias estão contados"],
            ["quando eu te ver amanhã na escola vou te bater tanto que nem tua mãe vai te reconhecer",
             "tu se acha seguro atrás da tela mas eu vou te achar e tu vai sofrer por cada palavra",
             "aproveita a live enquanto dá, depois de hoje tu só vai transmitir de uma cama de hospital"],
        ],
        non_threat=[
            ["esse dever de casa tá me matando", "esse calor me mata", "tô morto de cansado", "o suspense tá me matando, conta logo"],
            ["eu mataria por uma pizza agora", "kkkkk morri", "tô morrendo de fome", "esse bolo tá de matar"],
            ["a gente massacrou eles de 5 a 0 na final", "o Flamengo foi atropelado ontem", "a nossa defesa foi destruída no segundo tempo",
             "a gente arrasou no quiz do bar"],
            ["matei o chefão na terceira tentativa", "headshot do outro lado do mapa kkkk", "o sniper da torre me matou cinco vezes",
             "derrubei o dragão com um crítico"],
            ["no último capítulo o vilão mata o detetive", "na terceira temporada eles matam meu personagem favorito",
             "o livro começa com um esfaqueamento num trem", "o filme de terror do cara com a motosserra é muito tosco"],
            ["Homem é preso por ameaçar vizinho com uma faca", "polícia investiga ameaças de morte contra prefeita",
             "jovem é condenado por mandar mensagens ameaçadoras para professora"],
            ["ninguém merece ameaça de morte, não importa o que falou", "ameaçar juiz por causa de futebol é ridículo",
             "ameaçar alguém na internet é crime, não é brincadeira", "ameaça de estupro nunca é aceitável"],
            ["minha mãe vai me matar se eu chegar atrasado de novo", "meu chefe vai me matar quando ver essa planilha",
             "mais um biscoito e eu explodo", "alguém me mata, tenho três provas amanhã"],
            ["pique a cebola e amasse o alho", "bata as claras em neve", "bata os bifes com o martelo até ficarem finos",
             "fure as batatas com um garfo antes de levar ao forno"],
            ["preciso matar o mato antes que tome conta do quintal", "a geada matou todos os meus tomates",
             "esse produto acaba com os pulgões em um dia", "pode as roseiras bem curtinho em agosto"],
            ["se alguém te ameaçar, liga pra polícia", "tira print das ameaças e denuncia a conta",
             "se não se sentir segura voltando pra casa, compartilha a localização com uma amiga",
             "conta pra um professor se alguém te ameaçar na escola"],
            ["meu celular morreu de novo", "mata o processo e reinicia", "tamo matando tempo no aeroporto", "esse show foi matador"],
        ],
    ),
    "ru": dict(
        threat_person=[
            ["я тебя убью, клянусь", "убью тебя своими руками", "тебе конец, когда я тебя поймаю", "я тебя прикончу, запомни"],
            ["я тебе ноги переломаю", "разобью тебе морду как только увижу", "изобью так, что ходить не сможешь",
             "порежу тебе лицо ножом"],
            ["повтори ещё раз и я тебе зубы выбью", "ещё одно слово и ляжешь на асфальт", "придёшь завтра на тусу, огребёшь по полной",
             "выложишь ещё раз моё фото, сломаю челюсть"],
            ["я знаю, где ты живёшь", "неплохой дом на Садовой, кстати. я знаю, какое окно твоё", "нашёл твой адрес, скоро увидимся",
             "знаю твой адрес и во сколько ты приходишь домой"],
            ["оглядывайся теперь почаще", "до завтра ты не доживёшь", "наслаждайся последними выходными",
             "спи сегодня со светом, я еду"],
            ["с твоей семьёй что-нибудь случится, если не вернёшь деньги", "твоя мать будет первой, до кого я доберусь",
             "я знаю, в какую школу ходит твоя дочь. будет жаль, если с ней что-то случится",
             "тронешь ещё раз моего брата, и вся твоя семья ответит"],
            ["сожгу твой дом вместе с тобой", "завтра утром у твоей тачки не будет ни одного стекла", "спалю твой магазин",
             "сегодня ночью тебе в окно прилетит кирпич"],
            ["я тебя изнасилую", "пойдёшь сегодня домой одна, изнасилую", "тебя надо изнасиловать, и я это сделаю сам"],
            ["я найду тебя, где бы ты ни прятался", "всю неделю хожу за тобой до самого дома", "буду ждать тебя в шесть у входа в офис",
             "я отследил твой телефон, знаю, где ты сейчас"],
            ["этого судью надо пырнуть ножом после матча, и если никто не сделает, сделаю я",
             "судье сегодня на парковке разобьют лицо, я прослежу", "бывший пожалеет, я его отделаю до синяков",
             "сосед сверху зиму не переживёт, нож я уже приготовил"],
            ["ты следующий", "я иду за тобой", "ответишь кровью", "твои дни сочтены"],
            ["увижу тебя завтра в школе, изобью так, что родная мать не узнает",
             "думаешь, за экраном ты в безопасности, но я тебя найду и ты будешь страдать за каждое слово",
             "наслаждайся стримом, пока можешь, после сегодняшней ночи будешь стримить только с больничной койки"],
        ],
        non_threat=[
            ["эта домашка меня убивает", "жара просто убийственная", "я смертельно устал", "не томи, интрига меня убивает"],
            ["убил бы сейчас за пиццу", "ахаха я умер", "умираю с голоду", "торт просто убойный"],
            ["мы их разгромили 5:0 в финале", "Спартак вчера просто разнесли", "нашу защиту порвали во втором тайме",
             "мы всех уничтожили на квизе в баре"],
            ["убил босса с третьей попытки", "хедшот через всю карту лол", "снайпер на башне убил меня пять раз",
             "ваншотнул дракона критом"],
            ["в последней главе злодей убивает следователя", "в третьем сезоне убили моего любимого персонажа",
             "детектив начинается с убийства в поезде", "ужастик про мужика с бензопилой очень тупой"],
            ["Мужчину задержали за угрозы соседу ножом", "полиция проверяет угрозы убийством в адрес мэра",
             "подростка осудили за угрожающие сообщения учительнице"],
            ["никто не заслуживает угроз смертью, что бы он ни сказал", "угрожать судье из-за футбола — это жалко",
             "угрозы в интернете — это преступление, а не шутка", "угрозы изнасилованием недопустимы никогда"],
            ["мама меня убьёт, если я опять опоздаю", "шеф меня прибьёт, когда увидит эту таблицу", "ещё одно печенье и я лопну",
             "убейте меня, у меня завтра три экзамена"],
            ["мелко нарубите лук и раздавите чеснок", "взбейте белки в крепкую пену", "отбейте мясо молотком",
             "проткните картошку вилкой перед духовкой"],
            ["пора уничтожить сорняки, пока они всё не захватили", "заморозки убили все мои помидоры",
             "это средство убивает тлю за день", "обрежьте розы посильнее в марте"],
            ["если вам угрожают, звоните в полицию", "сделай скрины угроз и пожалуйся на аккаунт",
             "если страшно идти домой одной, отправь подруге геолокацию", "скажи учителю, если тебе кто-то угрожает в школе"],
            ["телефон опять сдох", "убей процесс и перезапусти", "убиваем время в аэропорту", "концерт был просто бомба"],
        ],
    ),
    "tr": dict(
        threat_person=[
            ["seni öldüreceğim, yemin ederim", "seni kendi ellerimle öldüreceğim", "seni yakaladığımda öldün",
             "canını alacağım, bunu unutma"],
            ["iki bacağını da kıracağım", "seni gördüğüm yerde ağzını burnunu kırarım",
             "yürüyemeyecek hale gelene kadar döveceğim seni", "yüzünü bıçakla keseceğim"],
            ["bir daha söyle, dişlerini dökerim", "bir kelime daha edersen yere serilirsin",
             "yarın partiye gelirsen çok fena dayak yersin", "fotoğrafımı bir daha paylaşırsan çeneni kırarım"],
            ["nerede oturduğunu biliyorum", "ıhlamur sokaktaki ev güzelmiş bu arada, hangi pencerenin senin olduğunu biliyorum",
             "adresini buldum, yakında görüşürüz", "adresini de eve kaçta geldiğini de biliyorum"],
            ["bundan sonra arkanı kolla", "yarını göremeyeceksin", "son hafta sonunun tadını çıkar", "bu gece ışıklar açık uyu, geliyorum"],
            ["borcunu ödemezsen ailene bir şey olur", "ilk annenin peşine düşeceğim",
             "kızının hangi okula gittiğini biliyorum, ona bir şey olsa yazık olur",
             "kardeşime bir daha dokunursan bütün ailen öder"],
            ["evini sen içindeyken yakacağım", "yarın sabah arabanın tek camı kalmayacak", "dükkanını ateşe veririm",
             "bu gece camından içeri tuğla gelecek"],
            ["sana tecavüz edeceğim", "bu akşam eve yalnız dön de gör, sana tecavüz ederim", "biri sana tecavüz etmeli, ben gönüllüyüm"],
            ["nereye saklanırsan saklan seni bulacağım", "bütün hafta seni eve kadar takip ettim",
             "saat altıda ofisinin önünde seni bekliyor olacağım", "telefonunun konumunu buldum, tam olarak nerede olduğunu biliyorum"],
            ["maçtan sonra biri o hakemi bıçaklamalı, kimse yapmazsa ben yaparım", "hakem bu gece otoparkta dayağı yiyecek, ben hallederim",
             "eski sevgilim pişman olacak, onu mosmor edeceğim", "üst kattaki komşu kışı çıkaramayacak, bıçağı hazırladım"],
            ["sıradaki sensin", "peşindeyim", "bunu kanınla ödeyeceksin", "günlerin sayılı"],
            ["yarın okulda seni görürsem öyle bir döverim ki annen bile tanımaz",
             "ekranın arkasında güvende olduğunu sanıyorsun ama seni bulacağım ve her kelimen için acı çekeceksin",
             "yayının tadını çıkar, bu geceden sonra sadece hastane yatağından yayın yaparsın"],
        ],
        non_threat=[
            ["bu ödevler beni öldürüyor", "bu sıcak beni mahvetti", "yorgunluktan ölüyorum", "merak beni öldürüyor, söyle artık"],
            ["şu an bir pizza için adam öldürürdüm", "ahahaha öldüm", "açlıktan ölüyorum", "bu tatlı öldürür"],
            ["finalde onları 5-0 ezdik", "Galatasaray dün resmen dağıtıldı", "ikinci yarıda savunmamız paramparça oldu",
             "bardaki bilgi yarışmasında herkesi ezip geçtik"],
            ["bossu üçüncü denemede öldürdüm", "haritanın öbür ucundan headshot attım ahaha", "kuledeki sniper beni beş kere öldürdü",
             "ejderhayı tek kritikle indirdim"],
            ["son bölümde kötü adam komiseri öldürüyor", "üçüncü sezonda en sevdiğim karakteri öldürdüler",
             "polisiye roman trende işlenen bir cinayetle başlıyor", "elektrikli testereli adamın olduğu korku filmi çok kötüydü"],
            ["Komşusunu bıçakla tehdit eden adam gözaltına alındı", "polis belediye başkanına yönelik ölüm tehditlerini soruşturuyor",
             "öğretmenine tehdit mesajları gönderen genç ceza aldı"],
            ["ne demiş olursa olsun kimse ölüm tehdidini hak etmez", "bir futbol maçı yüzünden hakemi tehdit etmek acınası",
             "internette birini tehdit etmek suçtur, şaka değil", "tecavüz tehditleri asla kabul edilemez"],
            ["yine geç kalırsam annem beni öldürür", "patron bu tabloyu görünce beni keser", "bir kurabiye daha yersem patlarım",
             "öldürün beni, yarın üç sınavım var"],
            ["soğanı ince doğra, sarımsağı ez", "yumurtaları köpük köpük olana kadar çırp", "eti tokmakla döverek incelt",
             "patatesleri fırına koymadan önce çatalla del"],
            ["yabani otları her yeri sarmadan yok etmek lazım", "don bütün domateslerimi öldürdü",
             "bu ilaç yaprak bitlerini bir günde öldürüyor", "gülleri martta iyice buda"],
            ["biri seni tehdit ederse polisi ara", "tehditlerin ekran görüntüsünü al ve hesabı şikayet et",
             "eve dönerken kendini güvende hissetmiyorsan konumunu bir arkadaşınla paylaş",
             "okulda biri seni tehdit ederse bir öğretmene söyle"],
            ["telefonum yine öldü", "işlemi öldür ve yeniden başlat", "havalimanında vakit öldürüyoruz", "konser bomba gibiydi"],
        ],
    ),
    "vi": dict(
        threat_person=[
            ["tao sẽ giết mày, thề luôn", "tao giết mày bằng chính tay tao", "để tao bắt được là mày chết", "tao sẽ kết liễu đời mày, nhớ đấy"],
            ["tao bẻ gãy hai chân mày", "gặp là tao đập nát mặt mày", "tao đánh cho mày không đi nổi", "tao rạch mặt mày bằng dao"],
            ["nói lại lần nữa xem, tao đánh rụng răng", "thêm một câu nữa là mày nằm đất", "mai mà mò đến tiệc thì ăn đòn nhừ tử",
             "còn đăng ảnh tao nữa thì tao đánh vỡ hàm mày"],
            ["tao biết nhà mày ở đâu", "nhà trên đường Hoa Sữa đẹp đấy, tao biết cửa sổ nào là phòng mày",
             "tìm được địa chỉ mày rồi, sớm gặp nhé", "tao biết địa chỉ lẫn giờ mày về nhà"],
            ["từ giờ liệu hồn mà đi đứng", "mày không sống nổi tới mai đâu", "tận hưởng cuối tuần cuối cùng đi",
             "tối nay nhớ bật đèn mà ngủ, tao tới đây"],
            ["không trả tiền thì gia đình mày gặp chuyện", "tao sẽ tìm mẹ mày trước tiên",
             "tao biết con gái mày học trường nào, nó mà có chuyện gì thì tiếc lắm", "đụng vào em tao lần nữa là cả nhà mày trả giá"],
            ["tao đốt nhà mày lúc mày đang ngủ trong đó", "sáng mai xe mày không còn miếng kính nào", "tao đốt cửa hàng mày",
             "tối nay sẽ có cục gạch bay qua cửa sổ nhà mày"],
            ["tao sẽ hiếp mày", "tối nay về một mình thử xem, tao hiếp mày", "phải có đứa hiếp mày, để tao làm"],
            ["mày trốn đâu tao cũng tìm ra", "cả tuần nay tao theo mày về tận nhà", "sáu giờ tao đợi mày trước cổng công ty",
             "tao định vị được điện thoại mày rồi, biết mày đang ở đâu"],
            ["đá xong phải có người đâm thằng trọng tài đó, không ai làm thì tao làm", "tối nay thằng trọng tài ăn đòn ở bãi xe, để tao lo",
             "người yêu cũ sẽ hối hận, tao đánh nó bầm dập", "lão hàng xóm tầng trên không qua nổi mùa đông này đâu, dao tao chuẩn bị rồi"],
            ["mày là đứa tiếp theo", "tao đang đến tìm mày", "mày sẽ trả bằng máu", "mày chết chắc rồi con"],
            ["mai gặp mày ở trường tao đánh cho mẹ mày cũng không nhận ra",
             "mày tưởng núp sau màn hình là an toàn à, tao sẽ tìm ra và bắt mày trả giá cho từng chữ",
             "livestream được bữa nào hay bữa đó, qua đêm nay mày chỉ live từ giường bệnh thôi"],
        ],
        non_threat=[
            ["bài tập này giết tôi mất", "nóng chết đi được", "mệt muốn chết", "tò mò chết mất, kể nhanh đi"],
            ["thèm pizza chết đi được", "=))) cười chết mất", "đói chết rồi", "bánh này ngon muốn xỉu"],
            ["chung kết bọn mình hủy diệt đối thủ 5-0", "tối qua Việt Nam vùi dập Thái Lan luôn", "hiệp hai hàng thủ bên mình bị xé nát",
             "đi đố vui ở quán bọn mình đè bẹp cả mấy bàn khác"],
            ["lần thứ ba mới giết được boss", "headshot từ đầu bên kia bản đồ =))", "con sniper trên tháp giết tao năm lần",
             "chém một phát chí mạng hạ luôn con rồng"],
            ["chương cuối phản diện giết ông thanh tra", "mùa ba giết luôn nhân vật tôi thích nhất",
             "cuốn trinh thám mở đầu bằng vụ án mạng trên tàu", "phim kinh dị ông cầm cưa máy dở tệ"],
            ["Bắt giữ người đàn ông dùng dao đe dọa hàng xóm", "cảnh sát điều tra các lời dọa giết nhắm vào một thị trưởng",
             "nam sinh bị xử phạt vì nhắn tin đe dọa cô giáo"],
            ["không ai đáng bị dọa giết, dù họ đã nói gì", "dọa trọng tài vì một trận bóng thật thảm hại",
             "đe dọa người khác trên mạng là phạm tội chứ không phải đùa", "dọa hiếp dâm thì không bao giờ chấp nhận được"],
            ["về trễ nữa là mẹ giết tôi", "sếp mà thấy cái bảng này chắc xử tôi luôn", "ăn thêm cái bánh nữa là nổ bụng",
             "giết tôi đi, mai thi ba môn"],
            ["băm nhỏ hành và đập dập tỏi", "đánh trứng cho bông lên", "dần thịt bằng búa cho mỏng",
             "lấy nĩa xiên mấy lỗ vào khoai trước khi cho vào lò"],
            ["phải diệt cỏ dại trước khi nó mọc kín vườn", "đợt sương giá làm chết hết cà chua của tôi", "thuốc này diệt rệp trong một ngày",
             "tháng ba nhớ tỉa hoa hồng thật mạnh tay"],
            ["nếu ai đe dọa bạn, hãy gọi công an", "chụp màn hình tin nhắn đe dọa rồi báo cáo tài khoản",
             "đi về mà thấy không an toàn thì chia sẻ vị trí cho bạn bè", "ở trường có ai dọa đánh thì báo thầy cô"],
            ["điện thoại lại chết pin rồi", "kill cái tiến trình rồi khởi động lại", "đang giết thời gian ở sân bay", "concert hôm qua cháy quá"],
        ],
    ),
    "zh": dict(
        threat_person=[
            ["我一定要杀了你", "我发誓亲手弄死你", "被我逮到你就死定了", "我会要了你的命，记住"],
            ["我要打断你两条腿", "见到你就把你脸打烂", "打到你走不了路为止", "我拿刀划烂你的脸"],
            ["再说一遍我就把你牙打掉", "再多说一个字你就躺地上", "明天你敢来聚会就等着挨揍", "再发我照片我打碎你下巴"],
            ["我知道你住哪", "梧桐路那房子挺好看的啊，我知道哪扇窗是你的", "找到你地址了，很快见", "你家地址和你几点回家我都知道"],
            ["以后走路小心点", "你活不过明天", "好好享受你最后一个周末吧", "今晚开着灯睡吧，我来了"],
            ["不还钱你家里人就要出事", "我第一个去找你妈", "我知道你女儿在哪个学校上学，她要是出点什么事就可惜了",
             "再碰我弟一下，你全家都得付出代价"],
            ["我要把你家烧了，连你一起", "明天早上你车上一块玻璃都不会剩", "我要一把火烧了你的店", "今晚会有块砖头飞进你家窗户"],
            ["我要强奸你", "今晚你一个人回家试试，我强奸你", "应该有人强奸你，我来"],
            ["你躲到哪我都能找到你", "这一周我天天跟着你到家门口", "六点我在你公司门口等你", "我定位了你的手机，知道你现在在哪"],
            ["比赛完应该有人捅了那个裁判，没人动手我来", "今晚那个裁判在停车场要挨打，我来安排",
             "我前男友会后悔的，我要把他打得青一块紫一块", "楼上那个邻居过不了这个冬天，刀我已经准备好了"],
            ["下一个就是你", "我来找你了", "你要用血来还", "你的日子不多了"],
            ["明天在学校让我看见你，我打得你妈都认不出你", "你以为躲在屏幕后面就安全了？我会找到你，让你为每个字付出代价",
             "趁还能直播就好好播吧，过了今晚你只能在病床上直播了"],
        ],
        non_threat=[
            ["作业要把我累死了", "今天热得要命", "累死我了", "好奇死了快告诉我"],
            ["现在好想吃披萨，馋死了", "哈哈哈笑死", "饿得要死", "这蛋糕好吃到爆炸"],
            ["决赛我们5比0血洗对面", "昨晚国足被打爆了", "下半场我们防线被打穿了", "酒吧答题赛我们把所有人都虐了"],
            ["第三次才把boss打死", "隔着整个地图爆头哈哈", "塔上那个狙击手杀了我五次", "一刀暴击秒了那条龙"],
            ["最后一章反派杀了那个警探", "第三季把我最喜欢的角色写死了", "这本推理小说开头就是火车上的一起凶杀案",
             "那部电锯杀人狂的恐怖片太烂了"],
            ["男子持刀威胁邻居被警方拘留", "警方调查针对一名市长的死亡威胁", "一名少年因向老师发送威胁短信被判刑"],
            ["不管他说了什么，没有人应该收到死亡威胁", "因为一场球赛威胁裁判，真可悲", "网上威胁别人是违法的，不是开玩笑",
             "强奸威胁在任何情况下都不能接受"],
            ["再迟到我妈会杀了我", "老板看到这个表格会弄死我", "再吃一块饼干我就要撑爆了", "杀了我吧，明天三门考试"],
            ["洋葱切碎，蒜拍扁", "把蛋清打到硬性发泡", "用锤子把肉拍薄", "进烤箱前用叉子在土豆上戳几个洞"],
            ["得赶紧除掉杂草，不然要长满了", "霜冻把我的番茄全冻死了", "这个药一天就能杀死蚜虫", "玫瑰三月要狠狠修剪一下"],
            ["如果有人威胁你，请报警", "把威胁的消息截图然后举报账号", "如果回家路上觉得不安全，就和朋友共享位置",
             "在学校有人威胁你就告诉老师"],
            ["手机又死机了", "把进程杀掉再重启", "在机场杀时间", "昨晚的演唱会炸了"],
        ],
    ),
}

FAMILY_COUNTS = {"threat_person": 12, "non_threat": 12}
DEV_OFFSETS = {"threat_person": (0, 4, 8), "non_threat": (2, 6, 10)}
EXTRA_OFFSET = {"threat_person": 10, "non_threat": 0}


def dev_side(lang, behaviour, k):
    """Fixed rotation by language index i. threat_person family k is dev when (k - i) mod 12 is 0, 4 or 8, and also
    when it is 10 for the languages with i mod 3 == 1; non_threat family k is dev when (k + i) mod 12 is 2, 6 or 10,
    and also when it is 0 for the languages with i mod 3 == 2. So each language holds back three or four families of
    each behaviour, and each kind of family is held back in some languages and trained on in the others."""
    i = LANGS.index(lang)
    shift = (k - i) % 12 if behaviour == "threat_person" else (k + i) % 12
    if shift in DEV_OFFSETS[behaviour]:
        return True
    extra_lang = (i % 3 == 1) if behaviour == "threat_person" else (i % 3 == 2)
    return extra_lang and shift == EXTRA_OFFSET[behaviour]


def existing_texts():
    # Leave out round40.py's files, which copy this round's English rows (round41.py's and round49.py's are COPIES).
    return round29_existing_texts(skip=("train-encoder-round40.tsv", "dev-encoder-round40.tsv"),
                                  extra=(BASE_TRAIN, BASE_DEV))


def build_rows():
    rows = {"train": [], "dev": []}
    families = {"train": collections.Counter(), "dev": collections.Counter()}
    seen_new = {}
    old = existing_texts()
    templates = {}
    kind_sides = collections.defaultdict(set)
    for lang in LANGS:
        for behaviour, n in FAMILY_COUNTS.items():
            fams = FAMILIES[lang][behaviour]
            assert len(fams) == n, (lang, behaviour, len(fams))
            for k, variants in enumerate(fams):
                template = "%s.%s.t%02d" % (lang, behaviour, k)
                side = "dev" if dev_side(lang, behaviour, k) else "train"
                assert template not in templates, template
                templates[template] = side
                kind_sides[(behaviour, k)].add(side)
                assert 3 <= len(variants) <= 4, template
                families[side][(lang, behaviour)] += 1
                for text in variants:
                    assert text == text.strip() and "\t" not in text and "\n" not in text, (template, text)
                    if lang in ("zh", "ko"):
                        assert 2 <= len(text.replace(" ", "")) <= 60, (template, text)
                    else:
                        assert 1 <= len(text.split()) <= 22, (template, text)
                    key = norm(text)
                    assert key, (template, text)
                    assert key not in seen_new, ("repeated new text", text, template, seen_new.get(key))
                    assert key not in old, ("text already in " + old[key], text, template)
                    seen_new[key] = template
                    rows[side].append([lang, behaviour, "-", text] + list(LABELS[behaviour]) + [template])
    for lang in LANGS:
        for behaviour in FAMILY_COUNTS:
            assert families["dev"][(lang, behaviour)] >= 3, (lang, behaviour)
            assert families["train"][(lang, behaviour)] >= 7, (lang, behaviour)
    for kind, sides in kind_sides.items():
        assert sides == {"train", "dev"}, ("kind on one side only", kind, sides)
    train_t = {r[-1] for r in rows["train"]}
    dev_t = {r[-1] for r in rows["dev"]}
    assert not train_t & dev_t, train_t & dev_t
    dropped = drop_close(rows)
    for side in ("train", "dev"):
        print("%s: dropped %d rows close to a held-out or fresh sentence%s: %s" % (
            side, len(dropped[side]), " or repeating a training row's words" if side == "dev" else "",
            " | ".join("%s %s" % (r[-1], r[3]) for r in dropped[side])))
    return rows, families


def main():
    rows, families = build_rows()
    n_train = write(BASE_TRAIN, OUT_TRAIN, rows["train"])
    n_dev = write(BASE_DEV, OUT_DEV, rows["dev"])
    counts = collections.Counter()
    kept = collections.defaultdict(set)
    for side, side_rows in rows.items():
        for r in side_rows:
            counts[(r[0], r[1], side)] += 1
            kept[(r[0], r[1], side)].add(r[-1])
    print("lang\tbehaviour\ttrain_rows\ttrain_families\tdev_rows\tdev_families\t(families left non-empty: train/dev)")
    for lang in LANGS:
        for behaviour in FAMILY_COUNTS:
            print("%s\t%s\t%d\t%d\t%d\t%d\t(%d/%d)" % (
                lang, behaviour, counts[(lang, behaviour, "train")], families["train"][(lang, behaviour)],
                counts[(lang, behaviour, "dev")], families["dev"][(lang, behaviour)],
                len(kept[(lang, behaviour, "train")]), len(kept[(lang, behaviour, "dev")])))
    for side in ("train", "dev"):
        by_b = collections.Counter(r[1] for r in rows[side])
        print("%s total: %d new rows (%s), %d families" % (
            side, len(rows[side]), ", ".join("%s %d" % (b, by_b[b]) for b in FAMILY_COUNTS),
            sum(families[side].values())))
    print("%s: %d rows from %s + %d new" % (OUT_TRAIN, n_train, BASE_TRAIN, len(rows["train"])))
    print("%s: %d rows from %s + %d new" % (OUT_DEV, n_dev, BASE_DEV, len(rows["dev"])))


if __name__ == "__main__":
    main()
