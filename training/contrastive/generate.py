#!/usr/bin/env python3
"""Generates SafeSpeak's authored contrastive sentences from hand-written templates.

Every template and group term below was written for SafeSpeak; nothing is copied from an external
test suite. Output: training/contrastive/train.tsv (training part) and
src/test/resources/functional/heldout.tsv (held-out part, used only for evaluation and the CI suite).
The split is a fixed hash of (language, behaviour, template, group), so re-running gives the same files.

Run from the repository root: python3 training/contrastive/generate.py
"""
import hashlib
import os

HEADER = "lang\tbehaviour\tgroup\ttext\tTOXICITY\tIDENTITY_ATTACK\tINSULT\tPROFANITY\tTHREAT"

# labels: TOXICITY, IDENTITY_ATTACK, INSULT, PROFANITY, THREAT ('1', '0' or '-')
LABELS = {
    "hate": "1 1 - - 0",
    "neutral_identity": "0 0 0 0 0",
    "positive_identity": "0 0 0 0 0",
    "negated_hate": "0 0 0 0 0",
    "counter_speech": "0 0 0 0 0",
    "threat_person": "1 - - - 1",
    "threat_group": "1 1 - - 1",
    "non_threat": "0 0 0 0 0",
    "profanity_no_attack": "- 0 0 1 0",
    "insult": "1 0 1 - 0",
    "neutral": "0 0 0 0 0",
    "obfuscated_hate": "1 1 - - 0",
    "obfuscated_insult": "1 0 1 - 0",
}

HELDOUT_PERCENT = 30

L = {}

L["en"] = dict(
    groups=[("women", "women", "a woman"), ("black", "Black people", "a Black woman"),
            ("muslim", "Muslims", "a Muslim"), ("jewish", "Jews", "Jewish"), ("gay", "gay people", "gay"),
            ("trans", "trans people", "trans"), ("immigrant", "immigrants", "an immigrant"),
            ("disabled", "disabled people", "disabled"), ("asian", "Asian people", "Asian")],
    hate=["I hate {P}.", "{P} are disgusting.", "{P} are vermin.", "All {P} are worthless.",
          "{P} are a disease on this country.", "I can't stand {P}, they are filth.",
          "{P} should not be allowed to live among us.", "{P} are subhuman trash.",
          "Never trust {P}, they are all liars and parasites."],
    neutral_identity=["I am {S}.", "As {S}, I have an opinion on this.", "My neighbours are {P}.",
                      "There are many {P} in my city.", "The article is about {P}.", "I work with {P}.",
                      "This school was founded by {P}.", "Many {P} voted in the election.",
                      "My best friend is {S}."],
    positive_identity=["I love {P}.", "{P} are wonderful.", "I am proud to be {S}.", "{P} deserve respect.",
                       "{P} make our community stronger.", "I admire {P}."],
    negated_hate=["I don't hate {P}.", "{P} are not disgusting.", "{P} are not vermin.",
                  "No one should say {P} are worthless.", "I would never hate {P}."],
    counter_speech=["Saying that {P} are vermin is hateful and wrong.",
                    "It is not okay to call {P} disgusting.",
                    "People who say they hate {P} are spreading prejudice.",
                    "\"{P} are a disease\" is a racist lie and we reject it.",
                    "Stop claiming {P} are worthless, it is simply false."],
    threat_person=["I will kill you.", "I'm going to find you and break your legs.", "You will die tonight.",
                   "I know where you live and I will hurt you.", "Watch your back, I will stab you.",
                   "I'll beat you to death."],
    threat_group=["I will kill every one of the {P}.", "{P} should all be shot.", "Let's burn the homes of {P}."],
    non_threat=["I will call you tomorrow.", "I'm going to visit you next week.", "This exam is killing me.",
                "We will beat them in the final, it's just a game.", "I could kill for a coffee right now.",
                "The comedian killed it last night."],
    profanity_no_attack=["Fuck, I missed the bus again.", "Holy shit, what a goal!", "This shit is delicious.",
                         "Damn, that concert was fucking amazing.", "Oh crap, I forgot my keys."],
    insult=["You are an idiot.", "You are a stupid loser.", "Shut up, you moron.", "You're a pathetic piece of shit.",
            "What a dumb bitch.", "You are the most useless person I have ever met."],
    neutral=["The weather is nice today.", "I had pasta for dinner.", "The meeting starts at ten.",
             "Can you send me the report?", "The train was late this morning.", "Thanks for your help!"],
)

L["es"] = dict(
    groups=[("women", "las mujeres", "una mujer"), ("black", "los negros", "una mujer negra"),
            ("muslim", "los musulmanes", "musulmán"), ("jewish", "los judíos", "judío"),
            ("gay", "los gays", "gay"), ("trans", "las personas trans", "trans"),
            ("immigrant", "los inmigrantes", "inmigrante")],
    hate=["Odio a {P}.", "{P} son una plaga.", "{P} son basura.", "{P} son escoria y deberían largarse.",
          "No soporto a {P}, son una enfermedad.", "{P} son parásitos inútiles."],
    neutral_identity=["Soy {S}.", "Mis vecinos son {P}.", "Hay muchos de {P} en mi ciudad.",
                      "El artículo habla de {P}.", "Trabajo con {P}.", "Mi mejor amigo es {S}."],
    positive_identity=["Quiero mucho a {P}.", "Estoy orgulloso de ser {S}.", "{P} merecen respeto.",
                       "Admiro a {P}."],
    negated_hate=["No odio a {P}.", "{P} no son una plaga.", "Nunca diría que {P} son basura."],
    counter_speech=["Decir que {P} son una plaga es odio y es falso.", "No está bien llamar basura a {P}.",
                    "Quien dice que odia a {P} difunde prejuicios."],
    threat_person=["Te voy a matar.", "Sé dónde vives y te voy a hacer daño.", "Vas a morir esta noche.",
                   "Te voy a romper las piernas."],
    threat_group=["Hay que matar a todos {P}.", "Vamos a quemar las casas de {P}."],
    non_threat=["Te llamo mañana.", "Voy a visitarte la semana que viene.", "Este examen me está matando.",
                "Mataría por un café ahora mismo."],
    profanity_no_attack=["Joder, otra vez perdí el autobús.", "Mierda, olvidé las llaves.",
                         "¡Qué puta maravilla de concierto!"],
    insult=["Eres un idiota.", "Eres un imbécil de mierda.", "Cállate, estúpido.", "Eres un inútil patético."],
    neutral=["Hoy hace buen tiempo.", "Cené pasta.", "La reunión empieza a las diez.", "Gracias por tu ayuda."],
)

L["de"] = dict(
    groups=[("women", "Frauen", "eine Frau"), ("black", "Schwarze", "eine schwarze Frau"),
            ("muslim", "Muslime", "Muslim"), ("jewish", "Juden", "Jude"), ("gay", "Schwule", "schwul"),
            ("trans", "trans Menschen", "trans"), ("immigrant", "Ausländer", "Ausländer"),
            ("disabled", "Behinderte", "behindert")],
    hate=["Ich hasse {P}.", "{P} sind Ungeziefer.", "{P} sind Abschaum.", "{P} sind eine Plage für dieses Land.",
          "{P} sind widerliche Parasiten.", "Alle {P} sind wertloser Dreck."],
    neutral_identity=["Ich bin {S}.", "Meine Nachbarn sind {P}.", "In meiner Stadt leben viele {P}.",
                      "Der Artikel handelt von {P}.", "Ich arbeite mit {P} zusammen.", "Mein bester Freund ist {S}."],
    positive_identity=["Ich mag {P}.", "Ich bin stolz, {S} zu sein.", "{P} verdienen Respekt.",
                       "{P} bereichern unsere Gesellschaft."],
    negated_hate=["Ich hasse {P} nicht.", "{P} sind kein Ungeziefer.", "Ich würde nie sagen, dass {P} Abschaum sind."],
    counter_speech=["Wer sagt, {P} seien Ungeziefer, verbreitet Hass.", "Es ist falsch, {P} als Abschaum zu bezeichnen.",
                    "Hört auf zu behaupten, {P} seien eine Plage."],
    threat_person=["Ich bringe dich um.", "Ich weiß, wo du wohnst, und ich werde dir wehtun.",
                   "Du wirst heute Nacht sterben.", "Ich breche dir die Beine."],
    threat_group=["Man sollte alle {P} erschießen.", "Lasst uns die Häuser der {P} anzünden."],
    non_threat=["Ich rufe dich morgen an.", "Ich besuche dich nächste Woche.", "Diese Prüfung bringt mich um.",
                "Für einen Kaffee würde ich gerade alles tun."],
    profanity_no_attack=["Scheiße, ich habe den Bus verpasst.", "Verdammt, ich habe meine Schlüssel vergessen.",
                         "Das Konzert war verdammt geil."],
    insult=["Du bist ein Idiot.", "Du bist ein dummes Arschloch.", "Halt die Klappe, du Vollidiot.",
            "Du bist ein erbärmlicher Versager."],
    neutral=["Heute ist schönes Wetter.", "Ich habe Nudeln gegessen.", "Das Treffen beginnt um zehn.",
             "Danke für deine Hilfe."],
)

L["fr"] = dict(
    groups=[("women", "les femmes", "une femme"), ("black", "les Noirs", "une femme noire"),
            ("muslim", "les musulmans", "musulman"), ("jewish", "les juifs", "juif"), ("gay", "les gays", "gay"),
            ("trans", "les personnes trans", "trans"), ("immigrant", "les immigrés", "immigré")],
    hate=["Je déteste {P}.", "{P} sont de la vermine.", "{P} sont des ordures.", "{P} sont une plaie pour ce pays.",
          "{P} sont des parasites répugnants."],
    neutral_identity=["Je suis {S}.", "Mes voisins sont {P}.", "Il y a beaucoup de personnes parmi {P} dans ma ville.",
                      "L'article parle de {P}.", "Je travaille avec {P}.", "Mon meilleur ami est {S}."],
    positive_identity=["J'aime {P}.", "Je suis fier d'être {S}.", "{P} méritent le respect.", "J'admire {P}."],
    negated_hate=["Je ne déteste pas {P}.", "{P} ne sont pas de la vermine.", "Je ne dirais jamais que {P} sont des ordures."],
    counter_speech=["Dire que {P} sont de la vermine, c'est de la haine.", "Ce n'est pas acceptable de traiter {P} d'ordures.",
                    "Arrêtez de prétendre que {P} sont une plaie."],
    threat_person=["Je vais te tuer.", "Je sais où tu habites et je vais te faire du mal.", "Tu vas mourir ce soir.",
                   "Je vais te casser les jambes."],
    threat_group=["Il faut tuer tous {P}.", "Brûlons les maisons de {P}."],
    non_threat=["Je t'appelle demain.", "Je viens te voir la semaine prochaine.", "Cet examen me tue.",
                "Je tuerais pour un café."],
    profanity_no_attack=["Putain, j'ai encore raté le bus.", "Merde, j'ai oublié mes clés.", "Ce concert était putain de génial."],
    insult=["Tu es un idiot.", "Tu es un connard.", "Ta gueule, crétin.", "Tu es un pauvre minable."],
    neutral=["Il fait beau aujourd'hui.", "J'ai mangé des pâtes.", "La réunion commence à dix heures.", "Merci pour ton aide."],
)

L["pt"] = dict(
    groups=[("women", "as mulheres", "uma mulher"), ("black", "os negros", "uma mulher negra"),
            ("muslim", "os muçulmanos", "muçulmano"), ("jewish", "os judeus", "judeu"), ("gay", "os gays", "gay"),
            ("trans", "as pessoas trans", "trans"), ("immigrant", "os imigrantes", "imigrante")],
    hate=["Eu odeio {P}.", "{P} são uma praga.", "{P} são lixo.", "{P} são vermes nojentos.", "{P} são parasitas inúteis."],
    neutral_identity=["Eu sou {S}.", "Meus vizinhos são {P}.", "O artigo fala sobre {P}.", "Eu trabalho com {P}.",
                      "Meu melhor amigo é {S}."],
    positive_identity=["Eu amo {P}.", "Tenho orgulho de ser {S}.", "{P} merecem respeito.", "Eu admiro {P}."],
    negated_hate=["Eu não odeio {P}.", "{P} não são uma praga.", "Eu nunca diria que {P} são lixo."],
    counter_speech=["Dizer que {P} são uma praga é discurso de ódio.", "Não é certo chamar {P} de lixo.",
                    "Parem de dizer que {P} são vermes."],
    threat_person=["Vou te matar.", "Sei onde você mora e vou te machucar.", "Você vai morrer hoje à noite.",
                   "Vou quebrar suas pernas."],
    threat_group=["Tem que matar todos {P}.", "Vamos queimar as casas de {P}."],
    non_threat=["Te ligo amanhã.", "Vou te visitar semana que vem.", "Essa prova está me matando.", "Eu mataria por um café."],
    profanity_no_attack=["Porra, perdi o ônibus de novo.", "Merda, esqueci as chaves.", "Caralho, que show incrível!"],
    insult=["Você é um idiota.", "Seu otário de merda.", "Cala a boca, imbecil.", "Você é um babaca patético."],
    neutral=["O tempo está bom hoje.", "Comi macarrão no jantar.", "A reunião começa às dez.", "Obrigado pela ajuda."],
)

L["tr"] = dict(
    groups=[("women", "kadınlar", "bir kadın"), ("black", "siyahlar", "siyahi bir kadın"),
            ("muslim", "Müslümanlar", "Müslüman"), ("jewish", "Yahudiler", "Yahudi"), ("gay", "eşcinseller", "eşcinsel"),
            ("kurdish", "Kürtler", "Kürt"), ("immigrant", "göçmenler", "göçmen"), ("syrian", "Suriyeliler", "Suriyeli")],
    hate=["Bütün {P} iğrenç.", "{P} pislik.", "{P} bu ülkenin belası.", "{P} iğrenç asalaklar.", "Bütün {P} çöp."],
    neutral_identity=["Ben {S}.", "Komşularım {P}.", "Şehrimde çok sayıda {P} yaşıyor.", "Makale {P} hakkında.",
                      "En iyi arkadaşım {S}."],
    positive_identity=["{P} harika insanlar.", "{S} olmaktan gurur duyuyorum.", "{P} saygıyı hak ediyor."],
    negated_hate=["{P} iğrenç değil.", "{P} pislik değil.", "{P} asla çöp değildir."],
    counter_speech=["{P} pislik demek nefret söylemidir.", "{P} bela diyenler önyargı yayıyor."],
    threat_person=["Seni öldüreceğim.", "Nerede oturduğunu biliyorum, sana zarar vereceğim.", "Bu gece öleceksin.",
                   "Bacaklarını kıracağım."],
    threat_group=["Bütün {P} öldürmek lazım.", "{P} evlerini yakalım."],
    non_threat=["Yarın seni ararım.", "Gelecek hafta seni ziyaret edeceğim.", "Bu sınav beni öldürüyor."],
    profanity_no_attack=["Siktir, otobüsü yine kaçırdım.", "Lanet olsun, anahtarlarımı unuttum."],
    insult=["Sen bir aptalsın.", "Salak herif.", "Kapa çeneni, gerizekalı.", "Sen tam bir şerefsizsin."],
    neutral=["Bugün hava güzel.", "Akşam makarna yedim.", "Toplantı onda başlıyor.", "Yardımın için teşekkürler."],
)

L["ru"] = dict(
    groups=[("women", "женщины", "женщина"), ("black", "чернокожие", "чернокожая женщина"),
            ("muslim", "мусульмане", "мусульманин"), ("jewish", "евреи", "еврей"), ("gay", "геи", "гей"),
            ("immigrant", "мигранты", "мигрант")],
    hate=["Ненавижу, когда рядом {P}.", "{P} — мерзкие паразиты.", "{P} — это мусор.", "{P} — чума для этой страны.",
          "Все {P} — отбросы."],
    neutral_identity=["Я {S}.", "Мои соседи — {P}.", "В моём городе живут {P}.", "Статья о том, как живут {P}.",
                      "Мой лучший друг — {S}."],
    positive_identity=["Я уважаю то, что делают {P}.", "Я горжусь, что я {S}.", "{P} заслуживают уважения."],
    negated_hate=["{P} — не мусор.", "{P} — не паразиты.", "Я никогда не скажу, что {P} — отбросы."],
    counter_speech=["Говорить, что {P} — паразиты, это ненависть.", "Нельзя называть людей мусором только потому, что они {P}."],
    threat_person=["Я тебя убью.", "Я знаю, где ты живёшь, и сделаю тебе больно.", "Ты сдохнешь сегодня ночью.",
                   "Я сломаю тебе ноги."],
    threat_group=["Надо убить всех, кто {P}.", "Сожжём дома, где живут {P}."],
    non_threat=["Я позвоню тебе завтра.", "Я приеду к тебе на следующей неделе.", "Этот экзамен меня убивает."],
    profanity_no_attack=["Блин, опять опоздал на автобус.", "Чёрт, забыл ключи.", "Охуенный концерт был вчера!"],
    insult=["Ты идиот.", "Ты тупой дебил.", "Заткнись, придурок.", "Ты жалкое ничтожество."],
    neutral=["Сегодня хорошая погода.", "Я ел макароны на ужин.", "Встреча начинается в десять.", "Спасибо за помощь."],
)

L["pl"] = dict(
    groups=[("women", "kobiety", "kobietą"), ("black", "czarni", "czarną kobietą"), ("muslim", "muzułmanie", "muzułmaninem"),
            ("jewish", "Żydzi", "Żydem"), ("gay", "geje", "gejem"), ("immigrant", "imigranci", "imigrantem")],
    hate=["{P} to zaraza.", "{P} to śmiecie.", "{P} to obrzydliwe pasożyty.", "Wszyscy {P} to robactwo."],
    neutral_identity=["Jestem {S}.", "Moi sąsiedzi to {P}.", "W moim mieście mieszkają {P}.", "Mój najlepszy przyjaciel jest {S}."],
    positive_identity=["Jestem dumny, że jestem {S}.", "{P} zasługują na szacunek."],
    negated_hate=["{P} to nie zaraza.", "{P} nie są śmieciami.", "Nigdy nie powiem, że {P} to robactwo."],
    counter_speech=["Mówienie, że {P} to zaraza, to mowa nienawiści.", "Nie wolno nazywać ich śmieciami tylko dlatego, że {P} są inni."],
    threat_person=["Zabiję cię.", "Wiem, gdzie mieszkasz, i zrobię ci krzywdę.", "Zginiesz dziś w nocy.", "Połamię ci nogi."],
    threat_group=["Trzeba wystrzelać wszystkich, bo {P} to zaraza."],
    non_threat=["Zadzwonię do ciebie jutro.", "Odwiedzę cię w przyszłym tygodniu.", "Ten egzamin mnie wykończy."],
    profanity_no_attack=["Kurwa, znowu spóźniłem się na autobus.", "Cholera, zapomniałem kluczy."],
    insult=["Jesteś idiotą.", "Ty głupi debilu.", "Zamknij się, kretynie.", "Jesteś żałosnym frajerem."],
    neutral=["Dzisiaj jest ładna pogoda.", "Zjadłem makaron na obiad.", "Spotkanie zaczyna się o dziesiątej.", "Dziękuję za pomoc."],
)

L["da"] = dict(
    groups=[("women", "kvinder", "kvinde"), ("black", "sorte", "en sort kvinde"), ("muslim", "muslimer", "muslim"),
            ("jewish", "jøder", "jøde"), ("gay", "bøsser", "bøsse"), ("immigrant", "indvandrere", "indvandrer")],
    hate=["Jeg hader {P}.", "{P} er utøj.", "{P} er affald.", "{P} er en plage for landet.", "{P} er ulækre snyltere."],
    neutral_identity=["Jeg er {S}.", "Mine naboer er {P}.", "Der bor mange {P} i min by.", "Artiklen handler om {P}."],
    positive_identity=["Jeg er stolt af at være {S}.", "{P} fortjener respekt.", "Jeg beundrer {P}."],
    negated_hate=["Jeg hader ikke {P}.", "{P} er ikke utøj.", "Jeg ville aldrig sige, at {P} er affald."],
    counter_speech=["At kalde {P} for utøj er had.", "Stop med at sige, at {P} er en plage."],
    threat_person=["Jeg slår dig ihjel.", "Jeg ved, hvor du bor, og jeg vil gøre dig fortræd.", "Du dør i nat."],
    threat_group=["Alle {P} burde skydes."],
    non_threat=["Jeg ringer til dig i morgen.", "Jeg besøger dig i næste uge.", "Denne eksamen slår mig ihjel."],
    profanity_no_attack=["Fuck, jeg missede bussen igen.", "Pis, jeg glemte mine nøgler."],
    insult=["Du er en idiot.", "Din dumme klovn.", "Hold kæft, din spasser.", "Du er en patetisk taber."],
    neutral=["Det er godt vejr i dag.", "Jeg spiste pasta til aftensmad.", "Mødet starter klokken ti.", "Tak for hjælpen."],
)

L["el"] = dict(
    groups=[("women", "οι γυναίκες", "γυναίκα"), ("black", "οι μαύροι", "μαύρη γυναίκα"),
            ("muslim", "οι μουσουλμάνοι", "μουσουλμάνος"), ("jewish", "οι Εβραίοι", "Εβραίος"),
            ("gay", "οι ομοφυλόφιλοι", "ομοφυλόφιλος"), ("immigrant", "οι μετανάστες", "μετανάστης")],
    hate=["Μισώ όταν έρχονται {P}.", "{P} είναι σκουπίδια.", "{P} είναι παράσιτα.", "{P} είναι μια πληγή για τη χώρα."],
    neutral_identity=["Είμαι {S}.", "Οι γείτονές μου είναι {P}.", "Το άρθρο είναι για το πώς ζουν {P}.",
                      "Ο καλύτερός μου φίλος είναι {S}."],
    positive_identity=["Είμαι περήφανος που είμαι {S}.", "{P} αξίζουν σεβασμό."],
    negated_hate=["{P} δεν είναι σκουπίδια.", "{P} δεν είναι παράσιτα."],
    counter_speech=["Το να λες ότι {P} είναι σκουπίδια είναι μίσος.", "Σταματήστε να λέτε ότι {P} είναι παράσιτα."],
    threat_person=["Θα σε σκοτώσω.", "Ξέρω πού μένεις και θα σε πονέσω.", "Θα πεθάνεις απόψε."],
    threat_group=["Πρέπει να σκοτώσουμε όλους, {P} δεν έχουν θέση εδώ."],
    non_threat=["Θα σε πάρω τηλέφωνο αύριο.", "Θα σε επισκεφτώ την επόμενη εβδομάδα."],
    profanity_no_attack=["Γαμώτο, έχασα πάλι το λεωφορείο.", "Σκατά, ξέχασα τα κλειδιά μου."],
    insult=["Είσαι ηλίθιος.", "Είσαι ένας μαλάκας.", "Σκάσε, βλάκα.", "Είσαι αξιολύπητος."],
    neutral=["Σήμερα έχει ωραίο καιρό.", "Έφαγα μακαρόνια για βραδινό.", "Η συνάντηση αρχίζει στις δέκα.",
             "Ευχαριστώ για τη βοήθεια."],
)

L["ar"] = dict(
    groups=[("women", "النساء", "امرأة"), ("black", "السود", "امرأة سوداء"), ("muslim", "المسلمون", "مسلم"),
            ("jewish", "اليهود", "يهودي"), ("christian", "المسيحيون", "مسيحي"), ("immigrant", "المهاجرون", "مهاجر"),
            ("shia", "الشيعة", "شيعي")],
    hate=["أكره {P}.", "{P} حشرات قذرة.", "{P} زبالة.", "{P} وباء على هذا البلد.", "كل {P} طفيليات حقيرة."],
    neutral_identity=["أنا {S}.", "جيراني من {P}.", "يعيش الكثير من {P} في مدينتي.", "المقال يتحدث عن {P}.",
                      "صديقي المفضل {S}."],
    positive_identity=["أحب {P}.", "أنا فخور بأنني {S}.", "{P} يستحقون الاحترام."],
    negated_hate=["لا أكره {P}.", "{P} ليسوا حشرات.", "لن أقول أبدا إن {P} زبالة."],
    counter_speech=["القول بأن {P} حشرات هو خطاب كراهية.", "توقفوا عن وصف {P} بالزبالة."],
    threat_person=["سأقتلك.", "أعرف أين تسكن وسأؤذيك.", "ستموت الليلة.", "سأكسر رجليك."],
    threat_group=["يجب قتل كل {P}.", "لنحرق بيوت {P}."],
    non_threat=["سأتصل بك غدا.", "سأزورك الأسبوع القادم.", "هذا الامتحان يقتلني."],
    profanity_no_attack=["تبا، فاتني الباص مرة أخرى.", "اللعنة، نسيت مفاتيحي."],
    insult=["أنت غبي.", "يا حمار.", "اسكت يا أحمق.", "أنت حقير وتافه."],
    neutral=["الجو جميل اليوم.", "أكلت المعكرونة على العشاء.", "الاجتماع يبدأ في العاشرة.", "شكرا على مساعدتك."],
)

L["hi"] = dict(
    groups=[("women", "औरतें", "एक औरत"), ("muslim", "मुसलमान", "मुसलमान"), ("dalit", "दलित", "दलित"),
            ("christian", "ईसाई", "ईसाई"), ("hindu", "हिंदू", "हिंदू"), ("gay", "समलैंगिक लोग", "समलैंगिक")],
    hate=["मुझे {P} से नफ़रत है।", "{P} गंदे कीड़े हैं।", "{P} कचरा हैं।", "{P} इस देश पर बोझ हैं।"],
    neutral_identity=["मैं {S} हूँ।", "मेरे पड़ोसी {P} हैं।", "मेरे शहर में बहुत से {P} रहते हैं।", "यह लेख {P} के बारे में है।"],
    positive_identity=["मुझे {S} होने पर गर्व है।", "{P} सम्मान के हक़दार हैं।"],
    negated_hate=["मुझे {P} से नफ़रत नहीं है।", "{P} कचरा नहीं हैं।"],
    counter_speech=["यह कहना कि {P} कीड़े हैं, नफ़रत फैलाना है।", "{P} को कचरा कहना बंद करो।"],
    threat_person=["मैं तुम्हें मार डालूँगा।", "मुझे पता है तुम कहाँ रहते हो, मैं तुम्हें चोट पहुँचाऊँगा।", "आज रात तुम मरोगे।"],
    threat_group=["सारे {P} को मार डालो।"],
    non_threat=["मैं तुम्हें कल फ़ोन करूँगा।", "मैं अगले हफ़्ते तुमसे मिलने आऊँगा।"],
    profanity_no_attack=["धत्त तेरी, फिर से बस छूट गई।"],
    insult=["तुम बेवकूफ़ हो।", "तू गधा है।", "चुप कर, कमीने।", "तुम एक नालायक हो।"],
    neutral=["आज मौसम अच्छा है।", "मैंने रात को खाना खाया।", "बैठक दस बजे शुरू होगी।", "मदद के लिए धन्यवाद।"],
)

L["zh"] = dict(
    groups=[("women", "女人", "女人"), ("black", "黑人", "黑人"), ("muslim", "穆斯林", "穆斯林"),
            ("gay", "同性恋", "同性恋"), ("henan", "河南人", "河南人"), ("immigrant", "外国人", "外国人")],
    hate=["我讨厌{P}。", "{P}都是垃圾。", "{P}是社会的毒瘤。", "{P}就是一群寄生虫。", "{P}都该滚出去。"],
    neutral_identity=["我是{S}。", "我的邻居是{P}。", "我们城市有很多{P}。", "这篇文章是关于{P}的。", "我最好的朋友是{S}。"],
    positive_identity=["我为自己是{S}而骄傲。", "{P}值得尊重。", "我很欣赏{P}。"],
    negated_hate=["我不讨厌{P}。", "{P}不是垃圾。", "我从来没说过{P}是寄生虫。"],
    counter_speech=["说{P}是垃圾是一种歧视。", "不要再说{P}是毒瘤了，这是偏见。"],
    threat_person=["我要杀了你。", "我知道你住哪，我会弄死你。", "你今晚就会死。"],
    threat_group=["应该把{P}全部杀光。"],
    non_threat=["我明天给你打电话。", "我下周去看你。", "这个考试要累死我了。"],
    profanity_no_attack=["卧槽，我又错过公交车了。", "妈的，我忘带钥匙了。"],
    insult=["你是个白痴。", "你这个傻逼。", "闭嘴，蠢货。", "你真是个废物。"],
    neutral=["今天天气很好。", "我晚饭吃了面条。", "会议十点开始。", "谢谢你的帮助。"],
)

L["ko"] = dict(
    groups=[("women", "여자들", "여자"), ("black", "흑인들", "흑인"), ("muslim", "무슬림들", "무슬림"),
            ("gay", "동성애자들", "동성애자"), ("immigrant", "외국인 노동자들", "외국인 노동자"), ("chinese", "중국인들", "중국인")],
    hate=["{P} 정말 싫어.", "{P}은 쓰레기야.", "{P}은 사회의 암덩어리야.", "{P}은 다 벌레 같은 기생충이야."],
    neutral_identity=["나는 {S}입니다.", "우리 이웃은 {P}이에요.", "우리 도시에는 {P}이 많이 살아요.", "이 기사는 {P}에 관한 거예요."],
    positive_identity=["나는 {S}인 것이 자랑스러워요.", "{P}도 존중받아야 해요."],
    negated_hate=["나는 {P}을 싫어하지 않아.", "{P}은 쓰레기가 아니야."],
    counter_speech=["{P}을 쓰레기라고 부르는 건 혐오야.", "{P}이 기생충이라는 말은 편견이야."],
    threat_person=["죽여버릴 거야.", "너 어디 사는지 알아, 가만 안 둬.", "오늘 밤 넌 죽는다."],
    threat_group=["{P}은 다 죽여야 해."],
    non_threat=["내일 전화할게.", "다음 주에 너 보러 갈게.", "이 시험 때문에 죽겠다."],
    profanity_no_attack=["씨발, 또 버스 놓쳤네.", "젠장, 열쇠를 두고 왔어."],
    insult=["너는 바보야.", "이 병신아.", "닥쳐, 멍청아.", "넌 진짜 한심한 놈이야."],
    neutral=["오늘 날씨가 좋네요.", "저녁으로 국수를 먹었어요.", "회의는 열 시에 시작해요.", "도와줘서 고마워요."],
)

L["vi"] = dict(
    groups=[("women", "phụ nữ", "phụ nữ"), ("black", "người da đen", "người da đen"), ("gay", "người đồng tính", "người đồng tính"),
            ("northern", "người Bắc", "người Bắc"), ("chinese", "người Trung Quốc", "người Trung Quốc")],
    hate=["Tôi ghét {P}.", "{P} là lũ rác rưởi.", "{P} là bọn ký sinh.", "{P} là cái ung nhọt của đất nước này."],
    neutral_identity=["Tôi là {S}.", "Hàng xóm của tôi là {P}.", "Thành phố tôi có nhiều {P}.", "Bài báo viết về {P}."],
    positive_identity=["Tôi tự hào là {S}.", "{P} xứng đáng được tôn trọng."],
    negated_hate=["Tôi không ghét {P}.", "{P} không phải là rác rưởi."],
    counter_speech=["Nói {P} là rác rưởi là phân biệt đối xử.", "Đừng gọi {P} là bọn ký sinh nữa."],
    threat_person=["Tao sẽ giết mày.", "Tao biết nhà mày ở đâu, tao sẽ xử mày.", "Tối nay mày chết."],
    threat_group=["Phải giết hết {P}."],
    non_threat=["Mai tôi gọi cho bạn.", "Tuần sau tôi sẽ đến thăm bạn.", "Bài thi này làm tôi mệt chết mất."],
    profanity_no_attack=["Đm, lại lỡ xe buýt rồi.", "Vãi, quên chìa khóa rồi."],
    insult=["Mày là thằng ngu.", "Đồ óc chó.", "Im đi, thằng khốn.", "Mày đúng là đồ vô dụng."],
    neutral=["Hôm nay trời đẹp.", "Tối qua tôi ăn phở.", "Cuộc họp bắt đầu lúc mười giờ.", "Cảm ơn bạn đã giúp đỡ."],
)

# Words of the insult/hate vocabulary to obfuscate per Latin-script language (leet, spacing, homoglyphs).
OBFUSCATE = {
    "en": ["idiot", "moron", "loser", "stupid", "disgusting", "vermin", "worthless", "filth", "trash", "bitch"],
    "es": ["idiota", "imbécil", "estúpido", "basura", "plaga", "escoria"],
    "de": ["Idiot", "Arschloch", "Abschaum", "Ungeziefer", "Vollidiot"],
    "fr": ["idiot", "connard", "ordures", "vermine", "crétin"],
    "pt": ["idiota", "otário", "lixo", "praga", "imbecil"],
    "tr": ["aptalsın", "Salak", "pislik", "gerizekalı"],
    "pl": ["idiotą", "debilu", "zaraza", "śmiecie"],
    "da": ["idiot", "affald", "utøj", "taber"],
    "vi": ["ngu", "rác", "khốn"],
}

LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7"}
CYRILLIC = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "i": "і"}


def cap(s):
    return s[0].upper() + s[1:] if s and s[0].islower() else s


def expand(lang, data):
    rows = []
    for behaviour in ["hate", "neutral_identity", "positive_identity", "negated_hate", "counter_speech", "threat_group"]:
        for t_index, template in enumerate(data.get(behaviour, [])):
            for gid, plural, single in data["groups"]:
                text = template.replace("{P}", plural).replace("{S}", single)
                if template.startswith("{P}"):
                    text = cap(text)
                rows.append((lang, behaviour, gid, text, f"{behaviour}:{t_index}:{gid}"))
    for behaviour in ["threat_person", "non_threat", "profanity_no_attack", "insult", "neutral"]:
        for t_index, text in enumerate(data.get(behaviour, [])):
            rows.append((lang, behaviour, "-", text, f"{behaviour}:{t_index}"))
    return rows


def obfuscations(word, seed):
    lower = word.lower()
    variants = []
    leet = "".join(LEET.get(c, c) if k % 2 == seed % 2 else c for k, c in enumerate(lower))
    if leet != lower:
        variants.append(("leet", leet))
    variants.append(("spaced", " ".join(lower)))
    variants.append(("dotted", ".".join(lower)))
    homo = "".join(CYRILLIC.get(c, c) for c in lower)
    if homo != lower:
        variants.append(("homoglyph", homo))
    vowel = next((k for k, c in enumerate(lower) if c in "aeiouy"), None)
    if vowel is not None:
        variants.append(("stretched", lower[:vowel + 1] + lower[vowel] * 4 + lower[vowel + 1:]))
    variants.append(("zero_width", "\u200b".join(lower)))
    return variants


def obfuscated_rows(lang, data):
    rows = []
    words = OBFUSCATE.get(lang, [])
    sources = [("obfuscated_insult", "-", t) for t in data.get("insult", [])]
    for template in data.get("hate", []):
        for gid, plural, single in data["groups"][:3]:
            text = template.replace("{P}", plural).replace("{S}", single)
            sources.append(("obfuscated_hate", gid, cap(text) if template.startswith("{P}") else text))
    for behaviour, gid, text in sources:
        for word in words:
            if word in text or word.lower() in text:
                target = word if word in text else word.lower()
                for n, (kind, variant) in enumerate(obfuscations(target, len(text))):
                    rows.append((lang, behaviour, gid, text.replace(target, variant, 1), f"{behaviour}:{kind}:{text}"))
                break
    return rows


def is_heldout(key):
    digest = hashlib.sha256(("safespeak-contrastive-v1|" + key).encode("utf-8")).digest()
    return digest[0] * 100 // 256 < HELDOUT_PERCENT


def main():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    train, heldout = [], []
    for lang, data in L.items():
        for lang_, behaviour, gid, text, key in expand(lang, data) + obfuscated_rows(lang, data):
            labels = "\t".join(LABELS[behaviour].split())
            line = f"{lang_}\t{behaviour}\t{gid}\t{text}\t{labels}"
            (heldout if is_heldout(lang_ + "|" + key) else train).append(line)
    with open(os.path.join(root, "training/contrastive/train.tsv"), "w", encoding="utf-8") as f:
        f.write(HEADER + "\n" + "\n".join(train) + "\n")
    with open(os.path.join(root, "src/test/resources/functional/heldout.tsv"), "w", encoding="utf-8") as f:
        f.write(HEADER + "\n" + "\n".join(heldout) + "\n")
    print(f"train {len(train)} heldout {len(heldout)}")


if __name__ == "__main__":
    main()
