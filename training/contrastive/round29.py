"""Twenty-ninth authoring round of SafeSpeak's contrastive data: very short chat messages (one to four words, or one to
eight characters in Chinese and Korean), benign and abusive, in all fifteen languages, training-only and dev-only.

Written by hand for SafeSpeak on 2026-12-06 by a helper session that read no held-out, fresh, dev or unseen sentence,
no report and no model output; nothing was taken from a public test suite or data set, and each message was written
on its own for this round.

Why it exists: the fast n-gram model calls very short everyday messages ("hi", "hola", "lol", "bye", "haha", "cool",
"see you tomorrow") toxic. The public training data holds hardly any short harmless messages, and chat fillers such as
"lol" mostly turn up there next to abuse, so the model has learnt that a short message full of chat words leans toxic.
This round adds short messages on both sides of the line: greetings, farewells, thanks, laughter, agreement, polite
disagreement, surprise, praise, apologies, yes/ok, questions, everyday statements, congratulations and emoji messages
that are harmless, next to short insults aimed at the reader (several with laughter or "lol"-type fillers mixed in)
and short profanity aimed at no one. Neither length nor chat words then decide the label; only the insult or the
swear word does. Registers: natural, lower-case, often unpunctuated chat as native speakers type it, with each
language's own abbreviations and laughter spellings (jaja, kkkk, ㅋㅋ, 哈哈, хаха, mdr, xD, هههه, sjsjsj, =)) ...).
No identity group is named, nothing threatens anyone, and there are no slurs against groups.

The messages are organised in families: one communicative act with two to four surface variants. Per language there
are 14 neutral families, 5 insult families and 2 profanity_no_attack families. The split is by family, never by row,
with a fixed rotation so that each kind of message lands in dev for some languages and in training for others (see
dev_side below): about one family in four goes to dev.

Running `python3 training/contrastive/round29.py` from the repository root writes
  training/contrastive/train-round29.tsv  every row of train.tsv unchanged and in order, then the new training rows;
  training/contrastive/dev-round29.tsv    every row of dev.tsv unchanged and in order, then the new dev rows;
and prints counts per language, behaviour and side. It asserts that no new text (lower-cased, trailing punctuation and
whitespace stripped) appears twice or is already in train.tsv, dev.tsv, train-encoder*.tsv or dev-encoder*.tsv, that
no template id is on both sides, and the per-language minimum numbers of dev and training families. It then drops
(and prints) every new training row whose word set comes close to a held-out or fresh sentence's (Jaccard overlap at
or above 0.6, check_round5.py's limit: 19 rows, mostly short ways to say "shut up" or "you idiot" that open held-out
insults) and every new dev row close to one or whose words are a new training row's (18 rows, mostly the emoji family
repeating a word of another family); the author saw only which of their own rows were dropped.
"""

import collections
import csv
import glob
import os
import re
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
EVALUATION = (os.path.join(ROOT, "src/test/resources/functional/heldout.tsv"),
              os.path.join(ROOT, "src/test/resources/functional/fresh.tsv"))
CLOSE = 0.6
HEADER = "lang\tbehaviour\tgroup\ttext\tTOXICITY\tIDENTITY_ATTACK\tINSULT\tPROFANITY\tTHREAT\ttemplate"
LANGS = ["ar", "da", "de", "el", "en", "es", "fr", "hi", "ko", "pl", "pt", "ru", "tr", "vi", "zh"]

# Labels in header order TOXICITY, IDENTITY_ATTACK, INSULT, PROFANITY, THREAT ("-": not stated).
LABELS = {
    "neutral": ("0", "0", "0", "0", "0"),
    "insult": ("1", "0", "1", "-", "0"),
    "profanity_no_attack": ("-", "0", "0", "1", "0"),
}

# The fourteen neutral families, in this order for every language.
NEUTRAL_ACTS = ["greeting", "farewell", "thanks", "laughter", "agreement", "polite disagreement", "surprise",
                "short praise", "apology", "yes/ok", "short question", "everyday statement", "congratulations",
                "emoji with a word"]

# FAMILIES[lang] = dict(neutral=[14 families], insult=[5 families], profanity_no_attack=[2 families]);
# a family is a list of 2-4 surface variants of one communicative act.
FAMILIES = {
    "ar": dict(
        neutral=[
            ["مرحبا", "هلا", "اهلين", "السلام عليكم"],
            ["مع السلامة", "باي", "يلا باي", "اشوفك بعدين"],
            ["شكرا", "شكرا جزيلا", "تسلم", "مشكور"],
            ["ههههه", "هههههههههه", "لول", "ههههه حلوة"],
            ["صح", "بالضبط", "معك حق", "اكيد"],
            ["لا", "لا والله", "ما اعتقد", "مو بالضرورة"],
            ["شو؟", "بجد؟", "معقول؟", "والله؟"],
            ["حلو", "رهيب", "تحفة", "يا سلام"],
            ["آسف", "سوري", "اعذرني", "آسفة جدا"],
            ["نعم", "اوكي", "تمام", "ماشي"],
            ["وينك؟", "جاي؟", "الساعة كم؟", "شو بتعمل؟"],
            ["في الطريق", "جاي هلا", "نشوفك بكرة", "وصلت البيت"],
            ["مبروك!", "الف مبروك", "كل عام وانت بخير", "مبروك يا بطل"],
            ["تمام 👍", "شكرا 🌹", "ههههه 😂", "تصبح على خير 🌙"],
        ],
        insult=[
            ["يا غبي", "انت غبي", "غبي هههههه", "شو هالغباء"],
            ["اسكت", "اسكت يا حمار", "انطم", "اسكت هههه"],
            ["يا بهيم", "انت حمار لول", "يا حيوان"],
            ["يا تافه", "انت تافه", "تافه ههه", "يا سخيف"],
            ["يا فاشل", "فاشل هههه", "انت ولا شي", "يا كلب"],
        ],
        profanity_no_attack=[
            ["تبا", "اللعنة", "يلعن ابوها"],
            ["خرا", "شو هالخرا", "يا خرا"],
        ],
    ),
    "da": dict(
        neutral=[
            ["hej", "hejsa", "halløj", "hej med dig"],
            ["vi ses", "hej hej", "farvel", "ses senere"],
            ["tak", "tusind tak", "mange tak", "tak skal du have"],
            ["hehe", "haha fedt", "lol ja", "hahaha klassisk"],
            ["enig", "præcis", "helt enig", "ja det passer"],
            ["nej", "ikke rigtig", "næ", "det tror jeg ikke"],
            ["hvad?", "seriøst?", "virkelig?", "hvad siger du"],
            ["fedt", "sejt", "godt gået", "nice"],
            ["undskyld", "beklager", "ups undskyld", "det må du undskylde"],
            ["jep", "ja ja", "fint", "ok det gør vi"],
            ["hvor er du?", "kommer du?", "hvornår?", "hvad laver du"],
            ["er på vej", "ses i morgen", "er hjemme nu", "kommer lidt senere"],
            ["tillykke!", "stort tillykke", "tillykke med dagen", "godt klaret"],
            ["jep 👍", "tak 😊", "hehe 😅", "godnat 😴"],
        ],
        insult=[
            ["din idiot", "din store idiot", "din idiot haha"],
            ["hold din kæft", "klap i", "hold kæft din taber", "klap nu i lol"],
            ["din taber", "taber lol", "du er en taber", "du er så patetisk"],
            ["dit fjols", "du er så dum", "dumme svin", "fjols haha"],
            ["din klovn", "klovn lol", "ingen kan lide dig", "du er ubrugelig"],
        ],
        profanity_no_attack=[
            ["for fanden", "for helvede", "fandens også"],
            ["pis", "lort", "pis og lort", "fuck altså"],
        ],
    ),
    "de": dict(
        neutral=[
            ["hallo", "moin", "hey na", "servus"],
            ["tschüss", "ciao bis dann", "bis später", "tschau"],
            ["danke", "danke dir", "vielen dank!", "dankeschön"],
            ["haha geil", "xDD", "lol echt jetzt", "ich lach mich tot"],
            ["stimmt", "genau", "ja voll", "seh ich auch so"],
            ["nein", "eher nicht", "nee", "nicht wirklich"],
            ["was?", "echt?", "krass", "wie bitte?"],
            ["mega", "voll cool", "geil!", "sieht gut aus"],
            ["entschuldigung", "tut mir leid", "sry", "oh sorry"],
            ["ja", "jo", "passt", "alles klar"],
            ["wo bist du?", "kommst du?", "wann?", "wie gehts?"],
            ["bin unterwegs", "bis morgen", "bin gleich da", "komme später"],
            ["glückwunsch!", "herzlichen glückwunsch", "alles gute!", "gut gemacht"],
            ["passt 👍", "danke ❤️", "gute nacht 😴", "haha 😂"],
        ],
        insult=[
            ["du idiot", "du bist so dumm", "idiot xD"],
            ["halt die klappe", "halts maul", "halt die klappe opfer", "halts maul lol"],
            ["du opfer", "opfer haha", "du lappen", "du bist peinlich"],
            ["du trottel", "trottel lol", "du vollpfosten", "du penner"],
            ["keiner mag dich", "du bist nutzlos", "verpiss dich lol", "clown haha"],
        ],
        profanity_no_attack=[
            ["scheiße", "oh scheiße", "scheiß drauf", "scheiße man"],
            ["verdammt", "verdammte scheiße", "fuck man", "verdammt nochmal"],
        ],
    ),
    "el": dict(
        neutral=[
            ["γεια", "γεια σου", "καλησπέρα", "γειααα"],
            ["τα λέμε", "άντε γεια", "καληνύχτα", "φιλιά"],
            ["ευχαριστώ", "ευχαριστώ πολύ", "να 'σαι καλά", "ευχαριστώ πάρα πολύ"],
            ["χαχα", "χαχαχαχα", "πέθανα στο γέλιο", "χαχα καλό"],
            ["ναι σωστά", "ακριβώς", "συμφωνώ", "έχεις δίκιο"],
            ["όχι", "όχι ακριβώς", "δεν νομίζω", "μπα"],
            ["τι;", "σοβαρά;", "αλήθεια;", "τι λες ρε"],
            ["τέλειο", "πολύ ωραίο", "φοβερό", "έλα ρε τέλειο"],
            ["συγγνώμη", "σόρι", "ωχ συγγνώμη", "με συγχωρείς"],
            ["ναι", "οκ", "εντάξει", "ναι ρε"],
            ["πού είσαι;", "έρχεσαι;", "τι ώρα;", "τι κάνεις;"],
            ["έρχομαι", "στο δρόμο είμαι", "τα λέμε αύριο", "έφτασα"],
            ["συγχαρητήρια!", "μπράβο σου", "χρόνια πολλά!", "να τα εκατοστήσεις"],
            ["οκ 👍", "χαχα 😂", "ευχαριστώ ❤️", "καληνύχτα 😴"],
        ],
        insult=[
            ["ηλίθιε", "ηλίθιος είσαι", "ηλίθιε χαχα", "τι ηλίθιος που είσαι"],
            ["σκάσε", "σκάσε ρε", "βούλωσ' το", "σκάσε χαχα"],
            ["είσαι μαλάκας", "τι μαλάκας που είσαι", "μαλάκας είσαι χαχα"],
            ["βλάκα", "είσαι βλάκας", "βλάκα lol"],
            ["άχρηστε", "είσαι άχρηστος", "κανείς δεν σε θέλει", "άντε χάσου"],
        ],
        profanity_no_attack=[
            ["γαμώτο", "ωχ γαμώτο", "γαμώτο ρε"],
            ["σκατά", "τι σκατά", "γαμώ την τύχη μου"],
        ],
    ),
    "en": dict(
        neutral=[
            ["hi", "hey", "hi there", "heyyy"],
            ["bye", "see ya", "gotta go, bye", "later"],
            ["thanks", "thx", "thank you so much", "ty"],
            ["lol", "haha", "lmao", "hahaha"],
            ["yeah true", "agreed", "exactly", "same tbh"],
            ["no", "not really", "nah", "hmm i disagree"],
            ["what?", "really?", "wait what", "omg no way"],
            ["nice one", "cool", "that's awesome", "love it"],
            ["sorry", "my bad", "oops sorry", "so sorry"],
            ["yes", "ok", "okay sure", "yep"],
            ["where are you?", "you coming?", "what time?", "wyd"],
            ["on my way", "see you tomorrow", "omw", "almost home"],
            ["congrats!", "congratulations", "happy birthday!", "well done"],
            ["ok 👍", "thanks 😊", "lol 😂", "night night 🌙"],
        ],
        insult=[
            ["you idiot", "idiot lol", "ur such an idiot", "lol you idiot"],
            ["shut up loser", "stfu loser", "loser lmao", "haha shut up loser"],
            ["you're pathetic", "ur so pathetic", "pathetic lol", "lol ur pathetic"],
            ["you moron", "moron", "ur dumb af", "dumbass lol"],
            ["nobody likes you", "ur useless", "you're trash lol", "go away clown"],
        ],
        profanity_no_attack=[
            ["damn it", "oh shit", "shit", "dammit lol"],
            ["what the fuck", "wtf lol", "ffs", "fuuuck"],
        ],
    ),
    "es": dict(
        neutral=[
            ["hola", "holaa", "buenas", "hola q tal"],
            ["chao", "nos vemos", "hasta luego", "bueno chao"],
            ["gracias", "muchas gracias", "grax", "mil gracias!"],
            ["jaja", "jajajaja", "xd", "jajaja q risa"],
            ["sí claro", "exacto", "tal cual", "totalmente de acuerdo"],
            ["nop", "no creo", "mmm no sé", "la verdad que no"],
            ["qué?", "en serio?", "no me digas", "neta?"],
            ["qué bien", "genial", "qué guay", "buenísimo"],
            ["perdón", "lo siento", "perdona", "ups perdón"],
            ["sí", "vale", "dale", "okey"],
            ["dónde estás?", "vienes?", "a qué hora?", "q haces"],
            ["ya voy", "voy en camino", "nos vemos mañana", "ya llegué"],
            ["felicidades!", "enhorabuena", "feliz cumple!", "felicitaciones"],
            ["vale 👍", "gracias 😊", "jajaja 😂", "buenas noches 🌙"],
        ],
        insult=[
            ["eres idiota", "idiota", "idiota jaja", "qué idiota eres"],
            ["cállate imbécil", "cállate pendejo", "imbécil xd", "cállate ya pesado"],
            ["eres patético", "das pena", "patético jaja", "das asco"],
            ["eres un inútil", "inútil", "inútil jajaja", "no sirves pa nada"],
            ["payaso", "menudo payaso eres", "payaso xd", "lárgate payaso"],
        ],
        profanity_no_attack=[
            ["mierda", "ay mierda", "qué mierda"],
            ["joder", "hostia puta", "puta madre", "me cago en todo"],
        ],
    ),
    "fr": dict(
        neutral=[
            ["salut", "coucou", "slt", "bonjour"],
            ["à plus", "a+", "bisous", "à toute"],
            ["merci", "merci beaucoup", "mrc", "merci bcp"],
            ["mdr", "ptdr", "mdrrr", "jpp"],
            ["grave", "carrément", "d'accord", "t'as raison"],
            ["non", "pas vraiment", "bof", "je pense pas"],
            ["quoi?", "sérieux?", "c'est vrai?", "hein?"],
            ["trop bien", "génial", "stylé", "bien joué"],
            ["désolé", "pardon", "dsl", "oups désolée"],
            ["oui", "ouais", "ça marche", "okok"],
            ["t'es où?", "tu viens?", "à quelle heure?", "ça va?"],
            ["j'arrive", "je suis en route", "à demain", "je rentre"],
            ["félicitations!", "bravo", "joyeux anniversaire", "bravo à toi"],
            ["ok ça marche 👍", "merci 😊", "mdr 😂", "bonne nuit 🌙"],
        ],
        insult=[
            ["t'es con", "t'es trop con mdr", "connard", "espèce d'idiot"],
            ["ferme-la", "ferme ta gueule", "tg le boloss", "tais-toi idiot"],
            ["t'es nul", "t'es nul mdr", "t'es trop nul", "quel nul"],
            ["abruti", "espèce d'abruti", "t'es un abruti", "abruti va"],
            ["bouffon", "t'es un bouffon", "bouffon ptdr", "pauvre type"],
        ],
        profanity_no_attack=[
            ["merde", "oh merde", "et merde", "merde alors"],
            ["putain", "bordel", "putain de bordel", "oh putain"],
        ],
    ),
    "hi": dict(
        neutral=[
            ["नमस्ते", "हाय", "हेलो", "नमस्ते जी"],
            ["बाय", "फिर मिलते हैं", "चलो बाय", "शुभ रात्रि"],
            ["धन्यवाद", "शुक्रिया", "थैंक यू", "बहुत शुक्रिया"],
            ["हाहा", "हाहाहा", "हाहा मज़ा आ गया", "lol भाई"],
            ["हाँ सही", "बिल्कुल", "सही बात", "सहमत हूँ"],
            ["नहीं", "नहीं यार", "ऐसा नहीं है", "मुझे नहीं लगता"],
            ["क्या?", "सच में?", "अरे यार क्या", "सच्ची?"],
            ["बढ़िया", "बहुत बढ़िया", "मस्त", "वाह क्या बात"],
            ["माफ़ करना", "सॉरी", "सॉरी यार", "माफ़ी चाहता हूँ"],
            ["हाँ", "ठीक है", "ओके", "हाँ जी"],
            ["कहाँ हो?", "आ रहे हो?", "कितने बजे?", "क्या कर रहे हो?"],
            ["रास्ते में हूँ", "कल मिलते हैं", "पहुँच गया", "घर आ गया"],
            ["बधाई हो!", "बहुत बधाई", "जन्मदिन मुबारक", "मुबारक हो"],
            ["ठीक है 👍", "हाहा 😂", "शुक्रिया 🙏", "शुभ रात्रि 😴"],
        ],
        insult=[
            ["बेवकूफ़", "तू बेवकूफ़ है", "बेवकूफ़ हाहा", "कितना बेवकूफ़ है तू"],
            ["चुप कर", "चुप कर बे", "मुँह बंद कर", "चुप बे हाहा"],
            ["गधा", "गधे कहीं के", "तू गधा है lol"],
            ["नालायक", "निकम्मा", "किसी काम का नहीं", "नालायक हाहा"],
            ["उल्लू के पट्ठे", "अबे ढक्कन", "तू तो जोकर है", "जोकर lol"],
        ],
        profanity_no_attack=[
            ["ओह शिट", "शिट यार", "शिट फिर से"],
            ["भाड़ में जाए", "साला फिर से", "भेनचोद फिर से"],
        ],
    ),
    "ko": dict(
        neutral=[
            ["안녕", "안녕하세요", "하이", "ㅎㅇ"],
            ["잘가", "ㅂㅂ", "바이바이", "안녕히 가세요"],
            ["고마워", "감사합니다", "ㄱㅅ", "ㄳㄳ"],
            ["ㅋㅋ", "ㅋㅋㅋㅋㅋ", "ㅎㅎㅎ", "개웃겨ㅋㅋㅋ"],
            ["맞아", "ㅇㅈ", "ㄹㅇ", "그니까"],
            ["아니", "ㄴㄴ", "별로", "글쎄 잘 모르겠어"],
            ["헐", "진짜?", "뭐?", "대박 실화?"],
            ["대박", "쩐다", "멋지다", "오 굿"],
            ["미안", "죄송합니다", "ㅈㅅ", "미안해ㅠㅠ"],
            ["ㅇㅇ", "응", "ㅇㅋ", "오키"],
            ["어디야?", "오고 있어?", "몇 시?", "뭐해?"],
            ["가는 중", "내일 봐", "집 도착", "곧 도착해"],
            ["축하해!", "생일 축하해", "ㅊㅋㅊㅋ", "축하드려요"],
            ["ㅇㅋ 👍", "고마워 😊", "ㅋㅋ 😂", "잘자 🌙"],
        ],
        insult=[
            ["등신아", "등신 같은 놈", "등신ㅋㅋ"],
            ["닥쳐", "입 닥쳐", "닥쳐 좀ㅋㅋ", "닥치라고"],
            ["멍청아", "멍청하냐?", "진짜 멍청하네", "멍청이ㅋㅋ"],
            ["너 한심하다", "너 진짜 한심해", "한심한 놈ㅋㅋ"],
            ["넌 쓰레기야", "꺼져 쓰레기야", "인간 쓰레기ㅋㅋ"],
        ],
        profanity_no_attack=[
            ["씨발", "ㅅㅂ", "아 씨발", "씨발 또야"],
            ["젠장", "제기랄", "아 젠장", "아 ㅈ됐다"],
        ],
    ),
    "pl": dict(
        neutral=[
            ["cześć", "siema", "elo", "hejka"],
            ["pa", "narka", "na razie", "dobranoc"],
            ["dzięki", "dzięki wielkie", "dziękuję", "dzk"],
            ["xDDD", "hahah dobre", "ale beka", "beka xd"],
            ["no jasne", "dokładnie", "racja", "no właśnie"],
            ["nie", "raczej nie", "nie bardzo", "nie sądzę"],
            ["co?", "serio?", "że co", "jak to?"],
            ["super", "sztos", "ekstra", "fajnie wyszło"],
            ["sorki", "przepraszam", "sory", "wybacz"],
            ["tak tak", "okej", "spoko", "jasne"],
            ["gdzie jesteś?", "idziesz?", "o której?", "co tam?"],
            ["już jadę", "jestem w drodze", "do jutra", "będę za 5 min"],
            ["gratulacje!", "gratki", "wszystkiego najlepszego", "brawo"],
            ["spoko 👍", "dzięki 😊", "xD 😂", "dobranoc 😴"],
        ],
        insult=[
            ["ty idioto", "idiota z ciebie", "idioto xD", "ale z ciebie idiota"],
            ["zamknij się", "zamknij mordę", "stul pysk", "zamknij się frajerze"],
            ["ty frajerze", "frajer haha", "ale frajer z ciebie", "ty lamusie"],
            ["ty debilu", "debil xd", "jesteś debilem"],
            ["żałosny jesteś", "żałosne xd", "ty kretynie", "spadaj kretynie"],
        ],
        profanity_no_attack=[
            ["kurwa", "o kurwa", "kurwa mać", "kurwa znowu"],
            ["cholera", "cholera jasna", "ja pierdolę", "jasna cholera"],
        ],
    ),
    "pt": dict(
        neutral=[
            ["oi", "olá", "eae", "oii tudo bem?"],
            ["tchau", "falou", "até mais", "flw"],
            ["obrigado", "obg", "valeu", "muito obrigada"],
            ["kkkk", "kkkkkkkk", "rsrs", "kkk mano"],
            ["verdade", "isso aí", "concordo", "exatamente"],
            ["não", "acho que não", "mais ou menos", "nem tanto"],
            ["quê?", "sério?", "jura?", "oxe"],
            ["top", "massa", "que legal", "show de bola"],
            ["desculpa", "foi mal", "perdão", "desculpa aí"],
            ["sim", "blz", "beleza", "tá bom"],
            ["cadê vc?", "onde vc tá?", "vem?", "que horas?"],
            ["tô indo", "chegando", "até amanhã", "já cheguei"],
            ["parabéns!", "parabéns mano", "feliz aniversário", "arrasou"],
            ["blz 👍", "valeu 🙏", "kkkk 😂", "boa noite 😴"],
        ],
        insult=[
            ["seu idiota", "vc é idiota", "idiota kkkk", "que idiota vc é"],
            ["cala a boca", "cala boca otário", "cala a boca kkk", "fica quieto mané"],
            ["otário", "seu otário", "otário kkkk", "vc é mó otário"],
            ["burro", "seu burro", "burro demais kkk", "vc é burra"],
            ["seu babaca", "vc é um lixo", "babaca kkk", "lixo humano"],
        ],
        profanity_no_attack=[
            ["porra", "ah porra", "porra meu"],
            ["puta merda", "merda", "caralho", "que merda"],
        ],
    ),
    "ru": dict(
        neutral=[
            ["привет", "прив", "здарова", "хай"],
            ["пока", "давай пока", "бб", "увидимся"],
            ["спасибо", "спс", "спасибо большое", "благодарю"],
            ["хаха", "ахахах", "лол", "ору"],
            ["да точно", "согласен", "вот именно", "ага"],
            ["нет", "не совсем", "неа", "не думаю"],
            ["что?", "серьёзно?", "да ладно", "офигеть"],
            ["круто", "класс", "огонь", "молодец"],
            ["извини", "прости", "сорри", "ой извини"],
            ["да", "ок", "ладно", "хорошо"],
            ["ты где?", "идёшь?", "во сколько?", "что делаешь?"],
            ["уже еду", "я в пути", "до завтра", "скоро буду"],
            ["поздравляю!", "с днюхой!", "с днём рождения", "ура поздравляю"],
            ["ок 👍", "спасибо ❤️", "ахах 😂", "спокойной ночи 😴"],
        ],
        insult=[
            ["идиот", "ты чё идиот?", "идиот лол", "ну ты и идиот"],
            ["заткнись", "завали", "заткнись лох", "завали ебало"],
            ["лох", "ты лох", "лох ахаха", "лошара"],
            ["ты дебил?", "дебил хаха", "ты тупой", "тупой что ли"],
            ["клоун", "ну ты и клоун", "клоун лол", "ты жалок"],
        ],
        profanity_no_attack=[
            ["блин", "ну блин", "чёрт", "чёрт побери"],
            ["блять", "бля опять", "пиздец", "охуеть"],
        ],
    ),
    "tr": dict(
        neutral=[
            ["selam", "slm", "merhaba", "mrb"],
            ["görüşürüz", "bay bay", "hoşça kal", "görüşürüz kanka"],
            ["teşekkürler", "tşk", "sağ ol", "çok teşekkür ederim"],
            ["ahahaha", "sjsjsjsj", "asdfghjkl", "çok güldüm lan"],
            ["aynen", "kesinlikle", "haklısın", "aynen öyle"],
            ["yok", "pek değil", "hayır", "sanmıyorum"],
            ["ne?", "cidden mi?", "yok artık", "oha"],
            ["süper", "harika", "efsane", "helal olsun"],
            ["özür dilerim", "kusura bakma", "kb ya", "pardon kanka"],
            ["evet", "tamam", "tmm", "olur"],
            ["nerdesin?", "geliyor musun?", "saat kaçta?", "napıyorsun"],
            ["yoldayım", "geliyorum", "yarın görüşürüz", "eve vardım"],
            ["tebrikler!", "iyi ki doğdun", "tebrik ederim", "tebrikler kanka"],
            ["tamam 👍", "sağ ol 🙏", "ahahah 😂", "iyi geceler 🌙"],
        ],
        insult=[
            ["salak", "salak mısın?", "salak sjsjs", "sen salaksın"],
            ["kes sesini", "sus lan", "kapa çeneni", "sus be ezik"],
            ["aptal", "aptalsın", "aptal mısın ahaha", "ne aptalsın ya"],
            ["ezik", "ezik herif", "tam bir eziksin", "ezik ahahah"],
            ["gerizekalı", "mal mısın", "mal mısın lan", "gerizekalı sjsj"],
        ],
        profanity_no_attack=[
            ["siktir", "hassiktir", "siktir ya"],
            ["amk", "amk ya yine", "lanet olsun"],
        ],
    ),
    "vi": dict(
        neutral=[
            ["chào bạn", "hi bạn", "xin chào", "alo"],
            ["tạm biệt", "bye nha", "bai bai", "gặp sau nhé"],
            ["cảm ơn", "cám ơn nhiều", "thanks nha", "cảm ơn bạn nhé"],
            ["hihi", "=)))", "haha buồn cười quá", "cười xỉu"],
            ["đúng rồi", "chuẩn", "ừ đúng", "đồng ý"],
            ["không", "ko", "không hẳn", "chắc không đâu"],
            ["hả?", "thật á?", "gì cơ?", "trời ơi"],
            ["đỉnh", "hay quá", "xịn ghê", "tuyệt vời"],
            ["xin lỗi", "sorry nha", "xin lỗi nhé", "sr"],
            ["ừ", "dạ", "ok nha", "đc luôn"],
            ["đang ở đâu?", "bạn đâu rồi", "mấy giờ?", "đi chưa?"],
            ["đang tới", "mai gặp nhé", "sắp tới rồi", "về nhà rồi"],
            ["chúc mừng!", "chúc mừng nha", "sinh nhật vui vẻ", "giỏi quá"],
            ["ok 👌", "cảm ơn ❤️", "hihi 😆", "ngủ ngon 😴"],
        ],
        insult=[
            ["đồ ngu", "ngu vậy", "mày ngu à", "ngu vl"],
            ["im đi", "câm mồm", "im mồm đi", "câm đi =))"],
            ["đồ óc chó", "óc chó à", "mày óc chó thật"],
            ["đồ vô dụng", "vô dụng thật", "mày vô dụng vãi", "đồ phế vật"],
            ["thằng hề", "đúng là thằng hề", "đồ hãm", "hề vãi hihi"],
        ],
        profanity_no_attack=[
            ["vãi lồn", "vl thật", "vcl"],
            ["địt mẹ", "đm", "đụ má", "đm lại trễ rồi"],
        ],
    ),
    "zh": dict(
        neutral=[
            ["你好", "嗨", "哈喽", "在吗"],
            ["拜拜", "再见", "88", "先撤了"],
            ["谢谢", "谢啦", "多谢多谢", "感谢"],
            ["哈哈哈哈", "hhhh", "笑死我了", "233333"],
            ["对", "没错", "同意", "确实"],
            ["不", "不太对吧", "没有啦", "我觉得不是"],
            ["啥？", "真的假的", "不会吧", "什么？"],
            ["牛啊", "666", "厉害了", "绝了"],
            ["对不起", "不好意思", "抱歉", "sorry啦"],
            ["好的", "嗯嗯", "行", "没问题"],
            ["你在哪？", "来吗？", "几点？", "干嘛呢"],
            ["在路上了", "明天见", "到家了", "马上到"],
            ["恭喜！", "恭喜恭喜", "生日快乐", "太棒了恭喜"],
            ["好的👍", "哈哈😂", "谢谢🙏", "晚安🌙"],
        ],
        insult=[
            ["傻逼", "你是傻逼吧", "sb", "傻逼哈哈"],
            ["闭嘴", "你闭嘴吧", "闭嘴吧废物", "闭嘴哈哈"],
            ["你是猪吗", "蠢猪", "蠢货", "你好蠢啊"],
            ["废物", "你真是废物", "废物hhh", "垃圾东西"],
            ["你有病吧", "有病哈哈哈", "你是不是有病"],
        ],
        profanity_no_attack=[
            ["卧槽", "我操", "卧槽又来", "wc"],
            ["妈的", "他妈的", "靠", "真他妈烦"],
        ],
    ),
}

FAMILY_COUNTS = {"neutral": 14, "insult": 5, "profanity_no_attack": 2}
DEV_NEUTRAL_OFFSETS = (0, 4, 7, 11)


def dev_side(lang, behaviour, k):
    """Fixed rotation by language index i: neutral family k is dev when (k - i) mod 14 is 0, 4, 7 or 11; insult
    family k is dev when k == i mod 5; profanity family k is dev when (k + i) mod 4 == 0 (so half of the languages
    hold one profanity family back, none holds both)."""
    i = LANGS.index(lang)
    if behaviour == "neutral":
        return (k - i) % 14 in DEV_NEUTRAL_OFFSETS
    if behaviour == "insult":
        return k == i % 5
    return (k + i) % 4 == 0


def norm(text):
    """Lower-case, drop trailing whitespace and trailing punctuation (Unicode Po, Pi, Pf: . , ! ? ; : … 。 ！ ？ ؟ etc.)."""
    t = text.strip().lower()
    while t and (t[-1].isspace() or unicodedata.category(t[-1]) in ("Po", "Pi", "Pf")):
        t = t[:-1]
    return t


# Files that only repeat other files' rows with some labels unstated (round41.py, round48.py, round49.py): their texts
# are read from the files they copy, so a round's check never reads them (and a rerun beside them never trips on them);
# existing_texts below and round45.py leave them out.
COPIES = ("train-encoder-round41.tsv", "train-encoder-round48.tsv", "train-encoder-round49a.tsv",
          "train-encoder-round49b.tsv")


def existing_texts(skip=(), extra=()):
    """Normalised text -> the first file holding it, over train.tsv, dev.tsv, every train-encoder*.tsv and
    dev-encoder*.tsv (but COPIES and the names in skip: a round's own outputs and the files that copy its rows) and
    then the files named in extra; round33.py and round40.py check their new rows against it too."""
    paths = [os.path.join(HERE, "train.tsv"), os.path.join(HERE, "dev.tsv")]
    paths += sorted(glob.glob(os.path.join(HERE, "train-encoder*.tsv")))
    paths += sorted(glob.glob(os.path.join(HERE, "dev-encoder*.tsv")))
    paths = [p for p in paths if os.path.basename(p) not in COPIES + tuple(skip)]
    paths += [os.path.join(HERE, n) for n in extra]
    seen = {}
    for path in paths:
        with open(path, encoding="utf-8", newline="") as f:
            lines = f.read().split("\n")
        assert lines[0] in (HEADER, HEADER + "\tSEVERE_TOXICITY"), path  # round48.py's file has an 11th column
        col = HEADER.split("\t").index("text")
        for line in lines[1:]:
            if line:
                seen.setdefault(norm(line.split("\t")[col]), os.path.basename(path))
    return seen


def words(text):
    """The lower-cased word set of a text (letters and digits only: punctuation and emoji drop out)."""
    return frozenset(re.findall(r"\w+", text.lower()))


def close(a, b):
    """Jaccard overlap of two word sets at or above CLOSE (check_round5.py's default limit)."""
    return bool(a) and bool(b) and len(a & b) / len(a | b) >= CLOSE


def evaluation_word_sets():
    """Word sets of the held-out and fresh sentences (evaluation only: read to keep away from, never to copy)."""
    sets = []
    for path in EVALUATION:
        with open(path, encoding="utf-8") as f:
            sets += [words(r["text"]) for r in csv.DictReader(f, delimiter="\t")]
    return sets


def drop_close(rows):
    """Drops, and returns, the new rows that come close to a sentence they must stay away from: a training row close
    to a held-out or fresh sentence (the short ways to say "shut up" or "you idiot" are also the openings of some
    held-out insults), and a dev row close to one or whose words are a new training row's (the emoji family repeats a
    word of another family: "haha 😂" beside "haha"). Rounds 33 and 40 use it too."""
    held = evaluation_word_sets()
    dropped = {"train": [], "dev": []}
    kept_train = []
    for r in rows["train"]:
        w = words(r[3])
        (dropped["train"] if any(close(w, h) for h in held) else kept_train).append(r)
    train_words = {words(r[3]) for r in kept_train}
    kept_dev = []
    for r in rows["dev"]:
        w = words(r[3])
        (dropped["dev"] if w in train_words or any(close(w, h) for h in held) else kept_dev).append(r)
    rows["train"], rows["dev"] = kept_train, kept_dev
    return dropped


def build_rows():
    rows = {"train": [], "dev": []}
    families = {"train": collections.Counter(), "dev": collections.Counter()}
    seen_new = {}
    old = existing_texts()
    templates = {}
    for lang in LANGS:
        for behaviour, n in FAMILY_COUNTS.items():
            fams = FAMILIES[lang][behaviour]
            assert len(fams) == n, (lang, behaviour, len(fams))
            for k, variants in enumerate(fams):
                template = "%s.%s.c%02d" % (lang, behaviour, k)
                side = "dev" if dev_side(lang, behaviour, k) else "train"
                assert template not in templates, template
                templates[template] = side
                assert 2 <= len(variants) <= 4, template
                families[side][(lang, behaviour)] += 1
                for text in variants:
                    assert text == text.strip() and "\t" not in text and "\n" not in text, (template, text)
                    if lang in ("zh", "ko"):
                        assert 1 <= len(text.replace(" ", "")) <= 8, (template, text)
                    else:
                        assert 1 <= len(text.split()) <= 4, (template, text)
                    key = norm(text)
                    assert key, (template, text)
                    assert key not in seen_new, ("repeated new text", text, template, seen_new.get(key))
                    assert key not in old, ("text already in " + old[key], text, template)
                    seen_new[key] = template
                    rows[side].append([lang, behaviour, "-", text] + list(LABELS[behaviour]) + [template])
    for lang in LANGS:
        assert families["dev"][(lang, "neutral")] >= 3, lang
        assert families["dev"][(lang, "insult")] >= 1, lang
        assert families["train"][(lang, "neutral")] >= 9, lang
        assert families["train"][(lang, "insult")] >= 3, lang
        assert families["train"][(lang, "profanity_no_attack")] >= 1, lang
    train_t = {r[-1] for r in rows["train"]}
    dev_t = {r[-1] for r in rows["dev"]}
    assert not train_t & dev_t, train_t & dev_t
    dropped = drop_close(rows)
    for side in ("train", "dev"):
        print("%s: dropped %d rows close to a held-out or fresh sentence%s: %s" % (
            side, len(dropped[side]), " or repeating a training row's words" if side == "dev" else "",
            ", ".join(r[3] for r in dropped[side])))
    return rows, families


def write(base_name, out_name, new_rows):
    # Split on "\n" only (not str.splitlines) so that the copied rows stay byte for byte as they are.
    with open(os.path.join(HERE, base_name), encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    if lines[-1] == "":
        lines.pop()
    assert lines[0] == HEADER, base_name
    with open(os.path.join(HERE, out_name), "w", encoding="utf-8", newline="") as f:
        f.write(HEADER + "\n")
        for line in lines[1:]:
            f.write(line + "\n")
        for row in new_rows:
            f.write("\t".join(row) + "\n")
    return len(lines) - 1


def main():
    rows, families = build_rows()
    n_train = write("train.tsv", "train-round29.tsv", rows["train"])
    n_dev = write("dev.tsv", "dev-round29.tsv", rows["dev"])
    counts = collections.Counter()
    for side, side_rows in rows.items():
        for r in side_rows:
            counts[(r[0], r[1], side)] += 1
    print("lang\tbehaviour\ttrain_rows\ttrain_families\tdev_rows\tdev_families")
    for lang in LANGS:
        for behaviour in FAMILY_COUNTS:
            print("%s\t%s\t%d\t%d\t%d\t%d" % (
                lang, behaviour, counts[(lang, behaviour, "train")], families["train"][(lang, behaviour)],
                counts[(lang, behaviour, "dev")], families["dev"][(lang, behaviour)]))
    for side in ("train", "dev"):
        by_b = collections.Counter(r[1] for r in rows[side])
        print("%s total: %d new rows (%s), %d families" % (
            side, len(rows[side]), ", ".join("%s %d" % (b, by_b[b]) for b in FAMILY_COUNTS),
            sum(families[side].values())))
    print("train-round29.tsv: %d rows from train.tsv + %d new" % (n_train, len(rows["train"])))
    print("dev-round29.tsv: %d rows from dev.tsv + %d new" % (n_dev, len(rows["dev"])))


if __name__ == "__main__":
    main()
