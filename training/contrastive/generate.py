#!/usr/bin/env python3
"""Generates SafeSpeak's authored contrastive sentences from hand-written templates, split by template.

Every template and group term below (and in round4.py, fresh.py) was written for SafeSpeak; nothing is copied from
an external test suite or data set.

Outputs (UTF-8 TSV, header line, columns lang, behaviour, group, text, TOXICITY, IDENTITY_ATTACK, INSULT, PROFANITY,
THREAT, template; a label is 1, 0 or - for "not stated"):
  training/contrastive/train.tsv              training only
  training/contrastive/train-encoder.tsv      training only, encoder heads only: the training-only round5.py to round9.py
                                              templates (read by default from round 9 to round 27; since round 28
                                              the default is train-encoder-round27.tsv, which starts with them). Earlier heads read
                                              fewer rounds; their files are in git, not regenerated here:
                                              git show c545e4c:training/contrastive/train-encoder.tsv (r7 heads,
                                              rounds 5-7), fe3e892:... (r8 heads, rounds 5-7), and
                                              fe3e892:training/contrastive/train-encoder-round8.tsv (rounds 5-8)
  training/contrastive/train-encoder-round14.tsv  the same and round14.py's training-only templates (not read by
                                              default; a run reads it with --contrastive-encoder)
  training/contrastive/train-encoder-round22.tsv  train-encoder.tsv and round22.py's training-only threats to a person
                                              and non-threats (round 22; read with --contrastive-encoder)
  training/contrastive/train-encoder-round27.tsv  train-encoder.tsv and round27.py's training-only Chinese hate and
                                              neutral mentions (round 27; read by default since round 28)
  training/contrastive/dev.tsv                calibration and thresholds only
  training/contrastive/dev-encoder.tsv        calibration, thresholds and variant selection of the encoder heads only: the
                                              dev-only round7.py and round9.py templates (outside the hash split)
  training/contrastive/dev-encoder-round22.tsv  the same and round22.py's dev-only threats to a person and non-threats
                                              (round 22; read with --contrastive-dev-encoder)
  training/contrastive/dev-encoder-round27.tsv  dev-encoder.tsv and round27.py's dev-only Chinese hate and neutral
                                              mentions (round 27; read by default since round 28)
  src/test/resources/functional/heldout.tsv   the held-out-by-template test suite, evaluation only
  src/test/resources/functional/fresh.tsv     free sentences written without templates (fresh.py), evaluation only
  training/contrastive/counts.tsv             templates and rows per language, behaviour and side

The unit of the split is the template (language, behaviour, template string; id such as en.hate.03): a template and
all its fills (every group, every obfuscated copy) are on exactly one side, so the held-out suite measures how well
a model generalises to sentence structures it never saw. The assignment is a fixed hash, so re-running gives the
same files. The script asserts that no template id and no text is on two sides and no placeholder is left unfilled.

Run from the repository root: python3 training/contrastive/generate.py
"""
import hashlib
import os

import fresh
import round5
import round6
import round7
import round8
import round9
import round14
import round22
import round27
from round4 import EN_GROUPS, ROUND4

HEADER = "lang\tbehaviour\tgroup\ttext\tTOXICITY\tIDENTITY_ATTACK\tINSULT\tPROFANITY\tTHREAT\ttemplate"

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
    # In-group, affectionate or self-referential use of a slur ("queer and proud"): not an attack. PROFANITY is
    # left unstated because some of these words are also swear words.
    "reclaimed_slur": "0 0 0 - 0",
    # Hand-written misspellings (leetspeak, spaced or missing letters) of hate; a template that misspells an
    # insult instead carries its own labels (1 0 1 - 0), see round4.py.
    "spelling_variant": "1 1 - - 0",
    # Neutral identity mentions next to negative words not aimed at the group (round9.py, dev-only and training-only):
    # PROFANITY and THREAT unstated (crime news may mention a knife); what it measures is the identity false positives.
    "neutral_identity_hard": "0 0 0 - -",
}

TEST_SHARE = 0.30
DEV_SHARE = 0.10

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

# ---------------------------------------------------------------------------------------------------------------
# Additional hand-written templates (second authoring round). They are appended to the lists above, so the
# template indices, and with them the train/held-out assignment, of every earlier row stay unchanged.
# {A} (Arabic only) is the oblique (accusative/genitive) form of the group noun, see OBLIQUE.
MORE = {}

MORE["en"] = dict(
    neutral=["The bakery on the corner opens at seven.", "We are going hiking on Saturday if it doesn't rain.",
             "Could you pass me the salt, please?", "My flight to Lisbon was delayed by two hours.",
             "The match ended in a draw.", "I finally finished painting the kitchen.",
             "Thank you so much for the lovely flowers.", "It's supposed to snow tomorrow morning.",
             "The new printer on the second floor works fine.", "She ran her first marathon last spring.",
             "We ordered pizza and watched a film.", "The museum is closed on Mondays.",
             "I need to renew my passport before the trip.", "Our team won three games in a row.",
             "The soup needs a bit more salt.", "Thanks, that was really helpful.",
             "The library has extended its opening hours."],
    non_threat=["I'm dying to see that new film.", "We're just killing time until the train comes.",
                "My feet are killing me after that walk.", "That joke absolutely killed me.",
                "I will bring the cake to your party on Sunday.", "I'm going to come over and fix your bike tomorrow.",
                "This heat is going to be the death of me.", "Let's attack this problem first thing in the morning.",
                "I'll see you at the station at eight.", "You'll knock them dead at the interview.",
                "Kill the lights when you leave, please.", "The new album is to die for.",
                "I'm going to send you the photos tonight.", "I'm starving to death, let's eat."],
    profanity_no_attack=["Fuck, it's raining again.", "This fucking printer jammed for the third time.",
                         "Shit, the shop is already closed.", "Damn, this coffee is strong.",
                         "What a fucking brilliant film that was.", "Bloody hell, the rent went up again.",
                         "Oh shit, I left the oven on.", "That was a damn good meal.", "Fuck yes, we got the tickets!",
                         "The traffic this morning was absolute shit.", "Goddamn it, my phone died again."],
    insult=["You're a complete waste of space.", "Nobody asked for your opinion, you clown.", "You are so dumb it hurts.",
            "You're a spineless coward.", "Get lost, you worthless idiot.", "You're an ignorant fool.",
            "You have the brain of a goldfish.", "You're a disgusting creep.", "Piss off, you absolute tosser.",
            "You're a lying piece of garbage.", "Everything you say is idiotic, you halfwit.",
            "You are a pathetic excuse for a human being."],
    threat_person=["I'm going to slit your throat.", "One more word and I'll smash your face in.",
                   "I will hunt you down and kill you.", "You won't live to see next week.",
                   "I'm coming for you with a knife.", "I'll put a bullet in your head.",
                   "Keep talking and I'll burn your house down with you inside.",
                   "I'm going to strangle you with my bare hands.",
                   "Sleep with one eye open, because I'm coming to hurt you.", "I will make you bleed.",
                   "I'm going to beat you until you can't stand.", "I'll shoot you the moment I see you."],
    negated_hate=["{P} are not a disease on this country.", "{P} are not subhuman.", "{P} are not parasites.",
                  "I don't think {P} are worthless.", "{P} are not filth.", "I never said {P} are trash.",
                  "{P} are not a plague.", "I have nothing against {P}."],
)

MORE["es"] = dict(
    neutral=["Mañana va a llover por la tarde.", "¿Me pasas la sal, por favor?", "El tren llegó con veinte minutos de retraso.",
             "Este fin de semana vamos a la playa.", "El partido terminó en empate.", "La panadería abre a las siete.",
             "Muchas gracias por las flores, son preciosas.", "Tengo que renovar el pasaporte antes del viaje.",
             "A la sopa le falta un poco de sal.", "Hoy he terminado de pintar la cocina.", "El museo cierra los lunes.",
             "Nuestro equipo ganó tres partidos seguidos.", "Pedimos una pizza y vimos una película.",
             "¿A qué hora sale el vuelo a Lima?", "La impresora nueva funciona muy bien.", "Te agradezco mucho el consejo."],
    non_threat=["Me muero de ganas de ver esa película.", "Estamos matando el tiempo hasta que llegue el tren.",
                "Me muero de risa con ese vídeo.", "Los pies me están matando después de la caminata.",
                "Mañana te llevo la tarta para la fiesta.", "Voy a pasar por tu casa a arreglarte la bici.",
                "Este calor me va a matar.", "Vamos a atacar este problema mañana temprano.",
                "Te veo en la estación a las ocho.", "Vas a arrasar en la entrevista.", "Esta tarta está de muerte.",
                "Te mando las fotos esta noche.", "Me muero de hambre, vamos a comer."],
    profanity_no_attack=["Joder, otra vez está lloviendo.", "La puta impresora se ha vuelto a atascar.",
                         "Mierda, la tienda ya está cerrada.", "¡Hostia, qué golazo!", "Coño, qué frío hace hoy.",
                         "Me cago en todo, se me ha roto el móvil.", "¡Joder, qué bueno está esto!",
                         "El tráfico de esta mañana era una puta pesadilla.", "Mierda, me he dejado el horno encendido.",
                         "¡Me cago en la leche, se ha ido la luz!"],
    insult=["Eres un payaso.", "Nadie te ha pedido opinión, cabeza hueca.", "Eres un cobarde sin agallas.",
            "Lárgate, inútil.", "Eres un ignorante.", "Tienes menos cerebro que un mosquito.", "Eres un asqueroso.",
            "Eres un mentiroso de mierda.", "Vete a la mierda, gilipollas.", "Eres un cretino.", "Das asco, imbécil.",
            "Eres una vergüenza de persona."],
    threat_person=["Te voy a rajar el cuello.", "Una palabra más y te parto la cara.", "Te voy a buscar y te voy a matar.",
                   "No vas a llegar vivo a la semana que viene.", "Voy a por ti con un cuchillo.",
                   "Te voy a meter un tiro en la cabeza.", "Te voy a quemar la casa contigo dentro.",
                   "Te voy a estrangular con mis propias manos.", "Te voy a dar una paliza que no vas a poder ni andar.",
                   "Te voy a hacer sangrar.", "Te pego un tiro en cuanto te vea.",
                   "Duerme con un ojo abierto, porque voy a por ti."],
    negated_hate=["{P} no son basura.", "{P} no son escoria.", "{P} no son parásitos.", "{P} no son una enfermedad.",
                  "No creo que {P} sean inútiles.", "Jamás he odiado a {P}.", "{P} no son una plaga para este país.",
                  "No tengo nada en contra de {P}."],
)

MORE["de"] = dict(
    neutral=["Morgen soll es regnen.", "Kannst du mir bitte das Salz geben?", "Der Zug hatte zwanzig Minuten Verspätung.",
             "Am Wochenende fahren wir an den See.", "Das Spiel endete unentschieden.",
             "Die Bäckerei an der Ecke öffnet um sieben.", "Vielen Dank für die schönen Blumen.",
             "Ich muss vor der Reise meinen Pass verlängern.", "Die Suppe braucht noch etwas Salz.",
             "Heute habe ich endlich die Küche gestrichen.", "Das Museum ist montags geschlossen.",
             "Unsere Mannschaft hat drei Spiele in Folge gewonnen.", "Wir haben Pizza bestellt und einen Film geschaut.",
             "Wann geht der Flug nach Wien?", "Der neue Drucker funktioniert prima.", "Danke, das hat mir sehr geholfen."],
    non_threat=["Ich sterbe vor Neugier, wie der Film ausgeht.", "Wir schlagen die Zeit tot, bis der Zug kommt.",
                "Meine Füße bringen mich nach der Wanderung um.", "Ich lach mich tot über dieses Video.",
                "Ich bringe dir morgen den Kuchen für die Feier vorbei.",
                "Ich komme morgen vorbei und repariere dein Fahrrad.", "Diese Hitze bringt mich noch um.",
                "Lass uns das Problem morgen früh in Angriff nehmen.", "Wir sehen uns um acht am Bahnhof.",
                "Du wirst die Prüfung rocken.", "Für diesen Kuchen könnte ich sterben.",
                "Ich schicke dir heute Abend die Fotos.", "Im Finale machen wir sie fertig, ist doch nur Fußball."],
    profanity_no_attack=["Scheiße, es regnet schon wieder.", "Der scheiß Drucker klemmt schon wieder.",
                         "Verdammt, der Laden hat schon zu.", "Heilige Scheiße, was für ein Tor!",
                         "Verdammte Scheiße, mein Handy ist schon wieder leer.", "Das Essen war verdammt lecker.",
                         "Scheiße, ich habe den Herd angelassen.", "Der Verkehr heute Morgen war einfach scheiße.",
                         "Fuck, ich habe den Termin vergessen.", "Verdammt nochmal, wir haben die Karten bekommen!"],
    insult=["Du bist so ein Clown.", "Dich hat keiner nach deiner Meinung gefragt, du Trottel.",
            "Du bist ein feiger Waschlappen.", "Verpiss dich, du Nichtsnutz.", "Du bist ein ahnungsloser Depp.",
            "Du hast das Hirn einer Amöbe.", "Du bist ein widerlicher Typ.", "Du verlogenes Stück Scheiße.",
            "Du bist so strohdumm.", "Du bist der letzte Dreck.", "Was bist du nur für ein Vollpfosten.",
            "Du bist eine Schande."],
    threat_person=["Ich schlitze dir die Kehle auf.", "Noch ein Wort und ich schlage dir die Fresse ein.",
                   "Ich finde dich und bringe dich um.", "Die nächste Woche erlebst du nicht mehr.",
                   "Ich komme mit einem Messer zu dir.", "Ich jage dir eine Kugel in den Kopf.",
                   "Ich zünde dein Haus an, während du drin bist.", "Ich erwürge dich mit bloßen Händen.",
                   "Ich prügle dich, bis du nicht mehr stehen kannst.", "Ich lasse dich bluten.",
                   "Sobald ich dich sehe, knalle ich dich ab.", "Schlaf lieber nicht zu fest, ich komme dich holen."],
    negated_hate=["{P} sind kein Abschaum.", "{P} sind keine Parasiten.", "{P} sind keine Plage für dieses Land.",
                  "{P} sind nicht widerlich.", "{P} sind kein wertloser Dreck.", "Ich finde nicht, dass {P} wertlos sind.",
                  "Ich habe {P} nie gehasst.", "Es stimmt nicht, dass {P} Ungeziefer sind."],
)

MORE["fr"] = dict(
    neutral=["Il va pleuvoir demain après-midi.", "Tu peux me passer le sel, s'il te plaît ?",
             "Le train avait vingt minutes de retard.", "Ce week-end, on va à la mer.", "Le match s'est terminé sur un nul.",
             "La boulangerie du coin ouvre à sept heures.", "Merci beaucoup pour les fleurs, elles sont magnifiques.",
             "Je dois renouveler mon passeport avant le voyage.", "La soupe manque un peu de sel.",
             "J'ai enfin fini de repeindre la cuisine.", "Le musée est fermé le lundi.",
             "Notre équipe a gagné trois matchs d'affilée.", "On a commandé une pizza et regardé un film.",
             "À quelle heure part le vol pour Montréal ?", "La nouvelle imprimante marche très bien.",
             "Merci, ça m'a beaucoup aidé."],
    non_threat=["Je meurs d'envie de voir ce film.", "On tue le temps en attendant le train.",
                "Cette randonnée m'a tué, j'ai mal aux pieds.", "Je suis mort de rire avec cette vidéo.",
                "Je t'apporte le gâteau pour la fête demain.", "Je passe chez toi demain pour réparer ton vélo.",
                "Cette chaleur va me tuer.", "On s'attaque à ce problème demain matin.",
                "On se retrouve à la gare à huit heures.", "Tu vas tout déchirer à l'entretien.",
                "Je t'envoie les photos ce soir.", "On va les écraser en finale, c'est juste du foot.",
                "Je meurs de faim, on mange ?"],
    profanity_no_attack=["Putain, il pleut encore.", "Cette putain d'imprimante est encore bloquée.",
                         "Merde, le magasin est déjà fermé.", "Putain, quel but !", "Bordel, il fait un froid de canard.",
                         "Merde, j'ai laissé le four allumé.", "C'était vachement bon, putain.",
                         "La circulation ce matin, c'était la merde.",
                         "Bordel de merde, mon téléphone est encore déchargé.", "Putain, on a eu les billets !"],
    insult=["T'es qu'un clown.", "Personne ne t'a demandé ton avis, abruti.", "Tu es un lâche.",
            "Dégage, espèce de bon à rien.", "Tu es un ignorant.", "Tu as une cervelle de moineau.",
            "Tu me dégoûtes, sale type.", "Tu es un menteur de merde.", "Va te faire foutre, pauvre con.",
            "Tu es complètement débile.", "Espèce d'imbécile.", "Tu es une honte."],
    threat_person=["Je vais t'égorger.", "Encore un mot et je te défonce la gueule.", "Je vais te retrouver et te tuer.",
                   "Tu ne verras pas la semaine prochaine.", "Je viens te chercher avec un couteau.",
                   "Je vais te mettre une balle dans la tête.", "Je vais brûler ta maison avec toi dedans.",
                   "Je vais t'étrangler de mes propres mains.",
                   "Je vais te frapper jusqu'à ce que tu ne puisses plus te relever.", "Je vais te faire saigner.",
                   "Je te tire dessus dès que je te vois.", "Dors avec un œil ouvert, je viens pour toi."],
    negated_hate=["{P} ne sont pas des ordures.", "{P} ne sont pas des parasites.", "{P} ne sont pas une plaie pour ce pays.",
                  "{P} ne sont pas de la racaille.", "Je ne pense pas que {P} soient de la vermine.",
                  "Je n'ai jamais détesté {P}.", "{P} ne sont pas un fléau.", "Je ne méprise pas {P}."],
)

MORE["pt"] = dict(
    neutral=["Amanhã vai chover à tarde.", "Pode me passar o sal, por favor?", "O trem atrasou vinte minutos.",
             "No fim de semana vamos à praia.", "O jogo terminou empatado.", "A padaria da esquina abre às sete.",
             "Muito obrigada pelas flores, são lindas.", "Preciso renovar o passaporte antes da viagem.",
             "A sopa precisa de um pouco mais de sal.", "Finalmente terminei de pintar a cozinha.",
             "O museu fecha às segundas-feiras.", "Nosso time ganhou três jogos seguidos.",
             "Pedimos uma pizza e vimos um filme.", "A que horas sai o voo para Lisboa?",
             "A impressora nova funciona muito bem.", "Valeu, isso me ajudou muito."],
    non_threat=["Estou morrendo de vontade de ver esse filme.", "Estamos matando tempo até o trem chegar.",
                "Meus pés estão me matando depois da caminhada.", "Morri de rir com esse vídeo.",
                "Amanhã levo o bolo para a sua festa.", "Passo na sua casa amanhã para consertar sua bicicleta.",
                "Esse calor vai me matar.", "Vamos atacar esse problema amanhã cedo.", "Te encontro na estação às oito.",
                "Você vai arrasar na entrevista.", "Te mando as fotos hoje à noite.",
                "Vamos massacrar eles na final, é só futebol.", "Estou morrendo de fome, vamos comer?"],
    profanity_no_attack=["Porra, está chovendo de novo.", "Essa porra de impressora travou outra vez.",
                         "Merda, a loja já fechou.", "Caralho, que golaço!", "Puta merda, que frio hoje.",
                         "Merda, deixei o forno ligado.", "Essa comida está boa pra caralho.",
                         "O trânsito hoje de manhã estava uma merda.",
                         "Puta que pariu, meu celular descarregou de novo.", "Porra, conseguimos os ingressos!"],
    insult=["Você é um palhaço.", "Ninguém pediu sua opinião, seu burro.", "Você é um covarde.", "Some daqui, seu inútil.",
            "Você é um ignorante.", "Você tem cérebro de minhoca.", "Você é nojento.", "Seu mentiroso de merda.",
            "Vai se foder, seu cretino.", "Você é um completo idiota.", "Seu imbecil.", "Você é uma vergonha."],
    threat_person=["Vou cortar sua garganta.", "Mais uma palavra e eu quebro sua cara.", "Vou te encontrar e te matar.",
                   "Você não vai chegar vivo na semana que vem.", "Vou atrás de você com uma faca.",
                   "Vou meter uma bala na sua cabeça.", "Vou queimar sua casa com você dentro.",
                   "Vou te estrangular com as minhas próprias mãos.", "Vou te bater até você não conseguir levantar.",
                   "Vou te fazer sangrar.", "Te dou um tiro assim que te vir.",
                   "Dorme de olho aberto, porque eu vou te pegar."],
    negated_hate=["{P} não são lixo.", "{P} não são parasitas.", "{P} não são vermes.", "{P} não são uma praga para este país.",
                  "Não acho que {P} sejam inúteis.", "Nunca odiei {P}.", "{P} não são uma doença.", "Eu não desprezo {P}."],
)

MORE["tr"] = dict(
    neutral=["Yarın öğleden sonra yağmur yağacak.", "Tuzu uzatır mısın lütfen?", "Tren yirmi dakika rötar yaptı.",
             "Hafta sonu denize gidiyoruz.", "Maç berabere bitti.", "Köşedeki fırın yedide açılıyor.",
             "Çiçekler için çok teşekkür ederim, çok güzeller.", "Seyahatten önce pasaportumu yenilemem lazım.",
             "Çorbaya biraz daha tuz lazım.", "Sonunda mutfağı boyamayı bitirdim.", "Müze pazartesi günleri kapalı.",
             "Takımımız üst üste üç maç kazandı.", "Pizza söyleyip film izledik.", "İzmir uçağı saat kaçta kalkıyor?",
             "Yeni yazıcı gayet iyi çalışıyor.", "Sağ ol, çok işime yaradı."],
    non_threat=["O filmi izlemek için can atıyorum.", "Tren gelene kadar vakit öldürüyoruz.",
                "Yürüyüşten sonra ayaklarım beni öldürüyor.", "Bu videoya gülmekten öldüm.",
                "Yarın partin için pastayı getiririm.", "Yarın sana uğrayıp bisikletini tamir edeceğim.",
                "Bu sıcak beni öldürecek.", "Yarın sabah bu sorunun üstüne hep birlikte gidelim.",
                "Saat sekizde istasyonda görüşürüz.", "Mülakatta ortalığı yıkacaksın.",
                "Fotoğrafları bu akşam sana gönderirim.", "Finalde onları ezip geçeceğiz, sadece futbol.",
                "Açlıktan ölüyorum, bir şeyler yiyelim."],
    profanity_no_attack=["Siktir, yine yağmur yağıyor.", "Bu lanet yazıcı yine sıkıştı.", "Hassiktir, dükkân kapanmış bile.",
                         "Hassiktir, ne gol ama!", "Lanet olsun, bugün hava buz gibi.", "Siktir, fırını açık unuttum.",
                         "Amına koyayım, bu yemek çok güzel olmuş.", "Sabahki trafik bok gibiydi.",
                         "Lanet olsun, telefonum yine kapandı.", "Siktir, biletleri aldık!"],
    insult=["Sen tam bir palyaçosun.", "Senin fikrini soran olmadı, mal.", "Sen korkağın tekisin.",
            "Defol git, işe yaramaz herif.", "Sen cahilin tekisin.", "Beynin bir kuş kadar.", "Sen iğrenç bir tipsin.",
            "Yalancı pislik.", "Siktir git, ahmak.", "Sen tam bir beyinsizsin.", "Ne kadar salaksın ya.",
            "Sen bir utanç kaynağısın."],
    threat_person=["Boğazını keseceğim.", "Bir kelime daha edersen suratını dağıtırım.", "Seni bulup öldüreceğim.",
                   "Gelecek haftayı göremeyeceksin.", "Bıçakla seni almaya geliyorum.", "Kafana bir kurşun sıkacağım.",
                   "Evini seninle birlikte yakacağım.", "Seni çıplak ellerimle boğacağım.",
                   "Ayakta duramayana kadar seni döveceğim.", "Seni kan içinde bırakacağım.",
                   "Seni gördüğüm yerde vururum.", "Gözünü dört aç, seni gebertmeye geliyorum."],
    negated_hate=["{P} asalak değil.", "{P} bu ülkenin belası değil.", "{P} değersiz değil.", "{P} haşere değil.",
                  "{P} hiç de iğrenç değil.", "Bence {P} pislik değil.", "{P} çöp değil, insan.", "{P} kimseye bela değil."],
)

MORE["ru"] = dict(
    neutral=["Завтра днём обещают дождь.", "Передай, пожалуйста, соль.", "Поезд опоздал на двадцать минут.",
             "На выходных мы едем на дачу.", "Матч закончился вничью.", "Булочная на углу открывается в семь.",
             "Большое спасибо за цветы, они чудесные.", "Мне нужно продлить паспорт перед поездкой.",
             "В суп надо добавить ещё соли.", "Я наконец покрасил кухню.", "Музей закрыт по понедельникам.",
             "Наша команда выиграла три матча подряд.", "Мы заказали пиццу и посмотрели фильм.",
             "Во сколько вылетает самолёт в Казань?", "Новый принтер работает отлично.", "Спасибо, ты мне очень помог."],
    non_threat=["Умираю, как хочу посмотреть этот фильм.", "Убиваем время, пока ждём поезд.",
                "Я чуть не умер со смеху от этого видео.", "Завтра привезу тебе торт на праздник.",
                "Завтра зайду к тебе и починю велосипед.", "Эта жара меня убьёт.",
                "Давай завтра утром возьмёмся за эту задачу.", "Увидимся на вокзале в восемь.",
                "Ты всех порвёшь на собеседовании.", "Вечером пришлю тебе фотографии.",
                "В финале мы их разгромим, это же просто футбол.", "Умираю с голоду, пошли поедим.",
                "Эта работа меня доконает, но я справлюсь."],
    profanity_no_attack=["Блядь, опять дождь.", "Этот чёртов принтер опять зажевал бумагу.", "Чёрт, магазин уже закрыт.",
                         "Охренеть, какой гол!", "Бля, сегодня дико холодно.", "Чёрт побери, я оставил духовку включённой.",
                         "Еда была охуенно вкусной.", "Пробки сегодня утром были просто пиздец.",
                         "Сука, телефон опять сел.", "Ни хрена себе, мы достали билеты!"],
    insult=["Ты клоун.", "Тебя никто не спрашивал, балбес.", "Ты жалкий трус.", "Вали отсюда, бездарь.", "Ты невежда.",
            "У тебя мозгов как у курицы.", "Ты мерзкий тип.", "Ты лживая мразь.", "Пошёл на хуй, урод.",
            "Ты конченый кретин.", "Какой же ты тупица.", "Ты просто позорище."],
    threat_person=["Я перережу тебе горло.", "Ещё одно слово, и я разобью тебе лицо.", "Я найду тебя и убью.",
                   "До следующей недели ты не доживёшь.", "Я приду за тобой с ножом.", "Я всажу тебе пулю в голову.",
                   "Я сожгу твой дом вместе с тобой.", "Я задушу тебя голыми руками.",
                   "Я буду бить тебя, пока ты не перестанешь вставать.", "Я пущу тебе кровь.",
                   "Пристрелю тебя, как только увижу.", "Спи с открытыми глазами, я иду за тобой."],
    negated_hate=["{P} — не отбросы.", "{P} — не чума для этой страны.", "{P} — не мерзкие паразиты.",
                  "{P} ничем не хуже других людей.", "Я не считаю, что {P} — мусор.", "{P} — не зараза.",
                  "{P} — не враги.", "Неправда, что {P} — паразиты."],
)

MORE["pl"] = dict(
    neutral=["Jutro po południu ma padać.", "Podasz mi sól?", "Pociąg spóźnił się dwadzieścia minut.",
             "W weekend jedziemy nad jezioro.", "Mecz zakończył się remisem.", "Piekarnia na rogu otwiera się o siódmej.",
             "Bardzo dziękuję za kwiaty, są piękne.", "Przed wyjazdem muszę odnowić paszport.",
             "Zupa potrzebuje trochę więcej soli.", "W końcu pomalowałem kuchnię.",
             "Muzeum jest zamknięte w poniedziałki.", "Nasza drużyna wygrała trzy mecze z rzędu.",
             "Zamówiliśmy pizzę i obejrzeliśmy film.", "O której jest lot do Gdańska?",
             "Nowa drukarka działa bez zarzutu.", "Dzięki, bardzo mi pomogłeś."],
    non_threat=["Umieram z ciekawości, jak skończy się ten film.", "Zabijamy czas, czekając na pociąg.",
                "Umarłem ze śmiechu przy tym filmiku.", "Jutro przywiozę ci tort na imprezę.",
                "Jutro wpadnę i naprawię ci rower.", "Ten upał mnie zabije.", "Zabierzmy się za ten problem jutro rano.",
                "Widzimy się na dworcu o ósmej.", "Pozamiatasz na rozmowie kwalifikacyjnej.", "Wieczorem wyślę ci zdjęcia.",
                "W finale ich zmiażdżymy, to tylko piłka.", "Umieram z głodu, chodźmy coś zjeść.",
                "Ta robota mnie dobija, ale dam radę."],
    profanity_no_attack=["Kurwa, znowu pada.", "Ta cholerna drukarka znowu się zacięła.", "Cholera, sklep jest już zamknięty.",
                         "O kurwa, co za gol!", "Ja pierdolę, ale dzisiaj zimno.", "Kurde, zostawiłem włączony piekarnik.",
                         "To jedzenie było zajebiste.", "Korki dziś rano to była masakra, kurwa mać.",
                         "Szlag by to trafił, telefon znowu padł.", "Kurwa, mamy bilety!"],
    insult=["Jesteś klaunem.", "Nikt cię nie pytał o zdanie, matole.", "Jesteś tchórzem.", "Spadaj, nieudaczniku.",
            "Jesteś ignorantem.", "Masz mózg wielkości orzecha.", "Jesteś obrzydliwym typem.", "Ty kłamliwy gnoju.",
            "Spierdalaj, palancie.", "Jesteś skończonym kretynem.", "Ale z ciebie tępak.", "Jesteś żałosny."],
    threat_person=["Poderżnę ci gardło.", "Jeszcze jedno słowo i rozwalę ci twarz.", "Znajdę cię i zabiję.",
                   "Nie dożyjesz przyszłego tygodnia.", "Przyjdę po ciebie z nożem.", "Wpakuję ci kulkę w łeb.",
                   "Spalę ci dom razem z tobą w środku.", "Uduszę cię gołymi rękami.", "Będę cię bił, aż nie wstaniesz.",
                   "Pobiję cię do krwi.", "Zastrzelę cię, jak tylko cię zobaczę.",
                   "Śpij z jednym okiem otwartym, bo przyjdę po ciebie."],
    negated_hate=["{P} to nie śmiecie.", "{P} to nie pasożyty.", "{P} to nie robactwo.", "{P} nie są zarazą dla tego kraju.",
                  "Nie uważam, że {P} to zaraza.", "{P} to nie plaga.", "{P} to nie wrogowie.",
                  "To nieprawda, że {P} to pasożyty."],
)

MORE["da"] = dict(
    neutral=["I morgen eftermiddag kommer der regn.", "Vil du række mig saltet?", "Toget var tyve minutter forsinket.",
             "I weekenden tager vi til stranden.", "Kampen endte uafgjort.", "Bageren på hjørnet åbner klokken syv.",
             "Tusind tak for blomsterne, de er smukke.", "Jeg skal have fornyet mit pas før rejsen.",
             "Suppen mangler lidt salt.", "Jeg er endelig færdig med at male køkkenet.", "Museet har lukket om mandagen.",
             "Vores hold har vundet tre kampe i træk.", "Vi bestilte pizza og så en film.",
             "Hvornår letter flyet til Aalborg?", "Den nye printer virker fint.", "Tak, det hjalp mig rigtig meget."],
    non_threat=["Jeg er ved at dø af nysgerrighed.", "Vi slår tiden ihjel, mens vi venter på toget.",
                "Mine fødder slår mig ihjel efter den tur.", "Jeg døde af grin over den video.",
                "Jeg tager kagen med til din fest i morgen.", "Jeg kommer forbi i morgen og ordner din cykel.",
                "Den her varme slår mig ihjel.", "Lad os tage fat på problemet i morgen tidlig.",
                "Vi ses på stationen klokken otte.", "Du kommer til at smadre den jobsamtale.",
                "Jeg sender dig billederne i aften.", "Vi knuser dem i finalen, det er bare fodbold.",
                "Jeg dør af sult, skal vi spise?"],
    profanity_no_attack=["Fuck, det regner igen.", "Den forbandede printer sidder fast igen.", "Pis, butikken er allerede lukket.",
                         "For helvede, sikke et mål!", "Satans, det er koldt i dag.", "Lort, jeg har glemt at slukke ovnen.",
                         "Maden var fandens god.", "Trafikken i morges var noget lort.",
                         "For fanden, min telefon er død igen.", "Fuck ja, vi fik billetterne!"],
    insult=["Du er en klovn.", "Ingen spurgte om din mening, dit fjols.", "Du er en kujon.", "Skrid, din uduelige nar.",
            "Du er så uvidende.", "Du har hjerne som en guldfisk.", "Du er et ulækkert svin.", "Din løgnagtige lort.",
            "Skrid med dig, din tåbe.", "Du er en komplet idiot.", "Hvor er du bare dum.", "Du er en skændsel."],
    threat_person=["Jeg skærer halsen over på dig.", "Et ord mere, og jeg smadrer dit ansigt.",
                   "Jeg finder dig og slår dig ihjel.", "Du lever ikke til næste uge.", "Jeg kommer efter dig med en kniv.",
                   "Jeg skyder en kugle gennem hovedet på dig.", "Jeg brænder dit hus ned med dig indenfor.",
                   "Jeg kvæler dig med mine bare hænder.", "Jeg tæsker dig, til du ikke kan stå.",
                   "Jeg får dig til at bløde.", "Jeg skyder dig, så snart jeg ser dig.",
                   "Sov med det ene øje åbent, for jeg kommer efter dig."],
    negated_hate=["{P} er ikke affald.", "{P} er ikke en plage for landet.", "{P} er ikke snyltere.", "{P} er ikke ulækre.",
                  "Jeg synes ikke, at {P} er utøj.", "Jeg har aldrig hadet {P}.", "{P} er ikke værdiløse.",
                  "Det passer ikke, at {P} er snyltere."],
)

MORE["el"] = dict(
    neutral=["Αύριο το απόγευμα θα βρέξει.", "Μου δίνεις το αλάτι, σε παρακαλώ;", "Το τρένο είχε είκοσι λεπτά καθυστέρηση.",
             "Το Σαββατοκύριακο πάμε για μπάνιο στη θάλασσα.", "Ο αγώνας έληξε ισόπαλος.",
             "Ο φούρνος στη γωνία ανοίγει στις επτά.", "Ευχαριστώ πολύ για τα λουλούδια, είναι πανέμορφα.",
             "Πρέπει να ανανεώσω το διαβατήριό μου πριν το ταξίδι.", "Η σούπα θέλει λίγο ακόμα αλάτι.",
             "Επιτέλους τελείωσα το βάψιμο της κουζίνας.", "Το μουσείο είναι κλειστό τις Δευτέρες.",
             "Η ομάδα μας κέρδισε τρία παιχνίδια στη σειρά.", "Παραγγείλαμε πίτσα και είδαμε μια ταινία.",
             "Τι ώρα φεύγει η πτήση για τη Θεσσαλονίκη;", "Ο καινούργιος εκτυπωτής δουλεύει μια χαρά.",
             "Ευχαριστώ, με βοήθησες πολύ."],
    non_threat=["Πεθαίνω να δω αυτή την ταινία.", "Σκοτώνουμε την ώρα μας μέχρι να έρθει το τρένο.",
                "Πέθανα στα γέλια με αυτό το βίντεο.", "Αύριο θα σου φέρω την τούρτα για το πάρτι.",
                "Θα περάσω αύριο να σου φτιάξω το ποδήλατο.", "Αυτή η ζέστη θα με σκοτώσει.",
                "Ας πιάσουμε αυτό το πρόβλημα αύριο το πρωί.", "Τα λέμε στον σταθμό στις οκτώ.",
                "Θα τους σκίσεις στη συνέντευξη.", "Θα σου στείλω τις φωτογραφίες απόψε.",
                "Στον τελικό θα τους διαλύσουμε, μπάλα είναι.", "Πεθαίνω της πείνας, πάμε να φάμε;",
                "Αυτή η δουλειά θα με πεθάνει, αλλά θα τα καταφέρω."],
    profanity_no_attack=["Γαμώτο, βρέχει πάλι.", "Ο γαμημένος εκτυπωτής κόλλησε πάλι.", "Σκατά, το μαγαζί έκλεισε ήδη.",
                         "Ρε γαμώτο, τι γκολ ήταν αυτό!", "Γαμώτο, ξέχασα τον φούρνο αναμμένο.", "Το φαγητό ήταν γαμάτο.",
                         "Η κίνηση σήμερα το πρωί ήταν σκατά.", "Γαμώ την τύχη μου, έκλεισε πάλι το κινητό.",
                         "Σκατά, χάλασε η ομπρέλα μου.", "Γαμάτο, πήραμε τα εισιτήρια!"],
    insult=["Είσαι κλόουν.", "Κανείς δεν σε ρώτησε, ρε χαζέ.", "Είσαι δειλός.", "Άντε χάσου, άχρηστε.", "Είσαι αγράμματος.",
            "Έχεις μυαλό κότας.", "Είσαι σιχαμένος τύπος.", "Ψεύτη και κάθαρμα.", "Άντε γαμήσου, μαλάκα.",
            "Είσαι εντελώς κρετίνος.", "Πόσο βλάκας είσαι.", "Είσαι ντροπή."],
    threat_person=["Θα σου κόψω τον λαιμό.", "Μία λέξη ακόμα και θα σου σπάσω τα μούτρα.", "Θα σε βρω και θα σε σκοτώσω.",
                   "Δεν θα ζήσεις ως την άλλη εβδομάδα.", "Έρχομαι για σένα με ένα μαχαίρι.",
                   "Θα σου φυτέψω μια σφαίρα στο κεφάλι.", "Θα κάψω το σπίτι σου με σένα μέσα.",
                   "Θα σε πνίξω με τα ίδια μου τα χέρια.", "Θα σε δέρνω μέχρι να μην μπορείς να σταθείς.",
                   "Θα σε κάνω να ματώσεις.", "Θα σε πυροβολήσω μόλις σε δω.",
                   "Κοιμήσου με το ένα μάτι ανοιχτό, έρχομαι για σένα."],
    negated_hate=["{P} δεν είναι πληγή για τη χώρα.", "{P} δεν είναι βρωμιά.", "{P} δεν είναι απόβρασμα.",
                  "Δεν πιστεύω ότι {P} είναι σκουπίδια.", "Ποτέ δεν είπα ότι {P} είναι παράσιτα.",
                  "{P} δεν είναι μίασμα.", "{P} δεν είναι εχθροί.", "Δεν είναι αλήθεια ότι {P} είναι πληγή."],
)

MORE["ar"] = dict(
    neutral=["ستمطر غدا بعد الظهر.", "هل يمكنك أن تناولني الملح من فضلك؟", "تأخر القطار عشرين دقيقة.",
             "سنذهب إلى البحر في عطلة نهاية الأسبوع.", "انتهت المباراة بالتعادل.", "يفتح المخبز الذي على الزاوية في السابعة.",
             "شكرا جزيلا على الورود، إنها جميلة جدا.", "يجب أن أجدد جواز سفري قبل الرحلة.", "الحساء يحتاج إلى قليل من الملح.",
             "أخيرا انتهيت من دهان المطبخ.", "المتحف مغلق يوم الاثنين.", "فاز فريقنا بثلاث مباريات متتالية.",
             "طلبنا بيتزا وشاهدنا فيلما.", "متى تقلع الطائرة إلى القاهرة؟", "الطابعة الجديدة تعمل بشكل ممتاز.",
             "شكرا، لقد ساعدتني كثيرا."],
    non_threat=["أموت شوقا لمشاهدة هذا الفيلم.", "نقتل الوقت حتى يصل القطار.", "مت من الضحك على هذا الفيديو.",
                "سأحضر لك الكعكة إلى الحفلة غدا.", "سأمر عليك غدا لأصلح دراجتك.", "هذا الحر سيقتلني.",
                "لنبدأ بحل هذه المشكلة غدا صباحا.", "نلتقي في المحطة الساعة الثامنة.", "ستبهرهم في المقابلة.",
                "سأرسل لك الصور الليلة.", "سنسحقهم في النهائي، إنها مجرد كرة قدم.", "أموت من الجوع، هيا نأكل.",
                "هذا العمل يقتلني من التعب، لكنني سأنجزه."],
    profanity_no_attack=["تبا، إنها تمطر مرة أخرى.", "هذه الطابعة اللعينة علقت مرة أخرى.", "اللعنة، المحل مغلق بالفعل.",
                         "تبا، يا له من هدف رائع!", "اللعنة، نسيت الفرن مشتعلا.", "الزحمة هذا الصباح كانت زفت.",
                         "تبا لهذا الحظ، تعطل هاتفي مرة أخرى.", "اللعنة على هذا البرد.", "يلعن هالطقس، ما في شمس أبدا.",
                         "اللعنة، خسرنا المباراة مرة أخرى."],
    insult=["أنت مهرج.", "لم يسألك أحد عن رأيك يا غبي.", "أنت جبان.", "انقلع يا فاشل.", "أنت جاهل.", "عقلك مثل عقل دجاجة.",
            "أنت شخص مقرف.", "أنت كذاب وحقير.", "اخرس يا تافه.", "أنت معتوه تماما.", "كم أنت غبي.", "أنت عار على نفسك."],
    threat_person=["سأذبحك.", "كلمة أخرى وسأكسر وجهك.", "سأجدك وأقتلك.", "لن تعيش حتى الأسبوع القادم.", "أنا قادم إليك بسكين.",
                   "سأضع رصاصة في رأسك.", "سأحرق بيتك وأنت فيه.", "سأخنقك بيدي.", "سأضربك حتى لا تستطيع الوقوف.",
                   "سأجعلك تنزف.", "سأطلق عليك النار حالما أراك.", "نم وعين مفتوحة، فأنا قادم لأؤذيك."],
    negated_hate=["لا أعتقد أن {A} وباء.", "لم أقل يوما إن {A} طفيليات.", "لا أحتقر {A}.", "ليس صحيحا أن {A} حشرات قذرة.",
                  "لا أرى أن {A} زبالة.", "لا أكره أحدا لأنه من {A}.", "لم أكره {A} يوما.", "لا أظن أن {A} خطر على هذا البلد."],
)

MORE["hi"] = dict(
    neutral=["कल दोपहर को बारिश होगी।", "ज़रा नमक देना, प्लीज़।", "ट्रेन बीस मिनट लेट थी।", "इस वीकेंड हम समुद्र किनारे जा रहे हैं।",
             "मैच बराबरी पर ख़त्म हुआ।", "कोने वाली बेकरी सात बजे खुलती है।", "फूलों के लिए बहुत-बहुत शुक्रिया, ये बहुत सुंदर हैं।",
             "यात्रा से पहले मुझे अपना पासपोर्ट रिन्यू करवाना है।", "दाल में थोड़ा और नमक चाहिए।",
             "आख़िरकार मैंने रसोई की पुताई पूरी कर ली।", "संग्रहालय सोमवार को बंद रहता है।", "हमारी टीम ने लगातार तीन मैच जीते।",
             "हमने पिज़्ज़ा मँगवाया और फ़िल्म देखी।", "दिल्ली की फ़्लाइट कितने बजे है?", "नया प्रिंटर बढ़िया चल रहा है।",
             "शुक्रिया, इससे मेरी बहुत मदद हुई।"],
    non_threat=["मैं वो फ़िल्म देखने के लिए मरा जा रहा हूँ।", "ट्रेन आने तक हम बस समय काट रहे हैं।",
                "इस वीडियो को देखकर हँसते-हँसते मर गया।", "कल मैं पार्टी के लिए केक ले आऊँगा।",
                "कल आकर तुम्हारी साइकिल ठीक कर दूँगा।", "यह गर्मी मेरी जान ले लेगी।", "भूख से मेरी जान निकल रही है।",
                "आठ बजे स्टेशन पर मिलते हैं।", "इंटरव्यू में तुम सबकी छुट्टी कर दोगे।", "आज रात मैं तुम्हें फ़ोटो भेज दूँगा।",
                "फ़ाइनल में हम उन्हें धूल चटा देंगे, ये तो बस खेल है।", "यह परीक्षा मेरी जान ले रही है।",
                "इस काम ने मुझे मार डाला, बहुत थक गया हूँ।"],
    profanity_no_attack=["धत्त, फिर से बारिश हो रही है।", "ये साला प्रिंटर फिर अटक गया।", "भाड़ में जाए ये ट्रैफ़िक।",
                         "बहनचोद, क्या गोल मारा है!", "साला, ओवन चालू छोड़ आया।", "खाना एकदम कमाल का था, साला मज़ा आ गया।",
                         "भेनचोद, फ़ोन फिर से बंद हो गया।", "धत तेरे की, चाबियाँ घर पर रह गईं।",
                         "साली ये गर्मी जान ले रही है।", "भाड़ में जाए ये बारिश, फिर से भीग गया।"],
    insult=["तुम एक जोकर हो।", "तुमसे किसी ने राय नहीं माँगी, बेवकूफ़।", "तू डरपोक है।", "निकल यहाँ से, निकम्मे।", "तुम जाहिल हो।",
            "तेरे दिमाग़ में भूसा भरा है।", "तू घटिया इंसान है।", "तू झूठा और नीच है।", "भाड़ में जा, उल्लू के पट्ठे।",
            "तू पूरा गधा है।", "कितने मूर्ख हो तुम।", "तुझे शर्म आनी चाहिए, नालायक।"],
    threat_person=["मैं तेरा गला काट दूँगा।", "एक शब्द और बोला तो तेरा मुँह तोड़ दूँगा।", "मैं तुझे ढूँढकर मार डालूँगा।",
                   "तू अगला हफ़्ता नहीं देख पाएगा।", "मैं चाकू लेकर तेरे पास आ रहा हूँ।", "तेरे सिर में गोली मार दूँगा।",
                   "तेरे घर को तेरे साथ आग लगा दूँगा।", "अपने हाथों से तेरा गला घोंट दूँगा।",
                   "तुझे इतना मारूँगा कि तू खड़ा नहीं हो पाएगा।", "तेरा ख़ून बहा दूँगा।", "देखते ही तुझे गोली मार दूँगा।",
                   "संभल कर रहना, मैं तुझे ज़िंदा नहीं छोड़ूँगा।"],
    negated_hate=["{P} कीड़े नहीं हैं।", "{P} इस देश पर बोझ नहीं हैं।", "{P} गंदे नहीं हैं।", "{P} किसी से कम नहीं हैं।",
                  "मैं नहीं मानता कि {P} कचरा हैं।", "मैंने कभी नहीं कहा कि {P} गंदे कीड़े हैं।", "{P} देश के दुश्मन नहीं हैं।",
                  "यह सच नहीं है कि {P} बोझ हैं।"],
)

MORE["zh"] = dict(
    neutral=["明天下午会下雨。", "请把盐递给我。", "火车晚点了二十分钟。", "周末我们去海边。", "比赛打成了平局。", "街角的面包店七点开门。",
             "非常感谢你送的花，太漂亮了。", "出发前我得去换护照。", "汤里再加点盐就好了。", "我终于把厨房刷完了。", "博物馆周一闭馆。",
             "我们队连赢了三场。", "我们点了披萨，看了一部电影。", "去上海的航班几点起飞？", "新打印机很好用。", "谢谢，这对我帮助很大。"],
    non_threat=["那部电影我想看得要死。", "我们在车站消磨时间等火车。", "这个视频笑死我了。", "明天我把蛋糕带到你的聚会上。",
                "明天我去你家帮你修自行车。", "这天气热死了。", "饿死我了，我们去吃饭吧。", "八点车站见。", "你面试肯定能秒杀全场。",
                "今晚我把照片发给你。", "决赛我们要把他们打爆，只是比赛而已。", "这道菜好吃到爆炸。", "累死我了，今天加班到十点。"],
    profanity_no_attack=["靠，又下雨了。", "这破打印机又卡纸了，操。", "妈的，商店已经关门了。", "卧槽，这球进得太漂亮了！",
                         "他妈的，今天冷死了。", "靠，我忘了关烤箱。", "这顿饭他妈的太好吃了。", "今天早上的交通真他妈烂。",
                         "操，手机又没电了。", "卧槽，我们抢到票了！"],
    insult=["你就是个小丑。", "没人问你意见，蠢蛋。", "你是个胆小鬼。", "滚开，没用的东西。", "你真是无知。", "你的脑子跟金鱼一样。",
            "你真恶心。", "你这个骗子，人渣。", "滚蛋，傻叉。", "你简直是个脑残。", "你怎么这么蠢。", "你真丢人。"],
    threat_person=["我要割断你的喉咙。", "再多说一句我就打烂你的脸。", "我会找到你然后杀了你。", "你活不过下周。", "我拿着刀来找你了。",
                   "我要一枪打爆你的头。", "我要把你和你的房子一起烧了。", "我要亲手掐死你。", "我要把你打到站不起来。", "我要让你流血。",
                   "一见到你我就开枪打死你。", "晚上睡觉小心点，我会来收拾你。"],
    negated_hate=["{P}不是寄生虫。", "{P}不是社会的毒瘤。", "我不认为{P}是垃圾。", "{P}不应该被赶出去。", "我从来不讨厌{P}。",
                  "{P}并不低人一等。", "{P}不是敌人。", "{P}一点也不讨厌。"],
)

MORE["ko"] = dict(
    neutral=["내일 오후에 비가 온대요.", "소금 좀 건네줄래요?", "기차가 이십 분 늦었어요.", "주말에 바다에 가요.", "경기는 무승부로 끝났어요.",
             "모퉁이 빵집은 일곱 시에 문을 열어요.", "꽃 정말 고마워요, 너무 예뻐요.", "여행 전에 여권을 갱신해야 해요.",
             "국에 소금을 조금 더 넣어야겠어요.", "드디어 부엌 페인트칠을 끝냈어요.", "박물관은 월요일에 쉬어요.",
             "우리 팀이 세 경기 연속으로 이겼어요.", "피자 시켜서 영화 봤어요.", "부산 가는 비행기는 몇 시에 출발해요?",
             "새 프린터 아주 잘 돼요.", "덕분에 정말 큰 도움이 됐어요."],
    non_threat=["그 영화 보고 싶어 죽겠어.", "기차 올 때까지 시간 때우는 중이야.", "그 영상 보고 웃겨 죽는 줄 알았어.",
                "내일 파티에 케이크 가져갈게.", "내일 가서 자전거 고쳐 줄게.", "더워 죽겠다.", "배고파 죽겠어, 밥 먹으러 가자.",
                "여덟 시에 역에서 보자.", "면접에서 다 찢어 버려!", "오늘 밤에 사진 보내 줄게.", "결승전에서 걔네 박살 내자, 그냥 게임이잖아.",
                "이 떡볶이 맛있어 죽겠어.", "야근 때문에 죽을 것 같아."],
    profanity_no_attack=["씨발, 또 비 오네.", "이 망할 프린터 또 종이 걸렸어.", "젠장, 가게 벌써 문 닫았네.", "와 씨발, 골 미쳤다!",
                         "오늘 존나 춥네.", "젠장, 오븐 켜 놓고 나왔어.", "이거 존나 맛있다.", "오늘 아침 출근길 교통 진짜 개판이었어.",
                         "아 씨, 폰 또 꺼졌어.", "씨발, 우리 표 구했다!"],
    insult=["너 완전 광대네.", "아무도 네 의견 안 물어봤어, 멍청이야.", "넌 겁쟁이야.", "꺼져, 쓸모없는 놈아.", "넌 무식해.",
            "네 머리는 붕어 수준이야.", "넌 역겨운 놈이야.", "이 거짓말쟁이 쓰레기야.", "꺼져, 개새끼야.", "넌 완전 머저리야.",
            "너 진짜 멍청하구나.", "넌 인간 망신이야."],
    threat_person=["네 목을 따 버릴 거야.", "한마디만 더 하면 얼굴을 박살 내 줄 거야.", "널 찾아내서 죽일 거야.", "넌 다음 주까지 못 살아.",
                   "칼 들고 너 찾아간다.", "네 머리에 총알을 박아 줄 거야.", "네가 안에 있을 때 네 집에 불 지를 거야.",
                   "맨손으로 네 목을 졸라 죽일 거야.", "일어서지도 못하게 패 줄 거야.", "피 보게 해 줄게.", "보이는 즉시 쏴 버릴 거야.",
                   "밤길 조심해, 내가 너 찾아갈 거야."],
    negated_hate=["{P}은 기생충이 아니야.", "{P}은 사회의 암덩어리가 아니야.", "{P}은 벌레가 아니야.", "나는 {P}이 쓰레기라고 생각하지 않아.",
                  "{P}을 미워한 적 없어.", "{P}은 적이 아니야.", "{P}도 똑같은 사람이야.", "{P}이 싫다고 한 적 없어."],
)

MORE["vi"] = dict(
    neutral=["Chiều mai trời sẽ mưa.", "Đưa giúp mình lọ muối với.", "Tàu bị trễ hai mươi phút.", "Cuối tuần này bọn mình đi biển.",
             "Trận đấu kết thúc với tỉ số hòa.", "Tiệm bánh ở góc đường mở cửa lúc bảy giờ.", "Cảm ơn bạn nhiều vì bó hoa, đẹp lắm.",
             "Mình phải gia hạn hộ chiếu trước chuyến đi.", "Canh cần thêm chút muối.", "Cuối cùng mình cũng sơn xong nhà bếp.",
             "Bảo tàng đóng cửa vào thứ Hai.", "Đội mình thắng ba trận liên tiếp.", "Bọn mình gọi pizza rồi xem phim.",
             "Chuyến bay đi Đà Nẵng mấy giờ cất cánh?", "Máy in mới chạy rất tốt.", "Cảm ơn nhé, giúp mình nhiều lắm."],
    non_threat=["Mình muốn xem phim đó muốn chết luôn.", "Bọn mình đang giết thời gian chờ tàu.", "Xem video đó cười muốn chết.",
                "Mai mình mang bánh kem đến bữa tiệc của bạn.", "Mai mình qua sửa xe đạp cho bạn.", "Trời nóng chết mất.",
                "Đói chết đi được, đi ăn thôi.", "Tám giờ gặp nhau ở ga nhé.", "Buổi phỏng vấn cứ quẩy tung lên, bạn làm được mà.",
                "Tối nay mình gửi ảnh cho bạn.", "Trận chung kết mình sẽ đè bẹp họ, chỉ là trò chơi thôi.", "Món này ngon muốn xỉu.",
                "Tăng ca đến mười giờ, mệt muốn chết."],
    profanity_no_attack=["Đm, lại mưa nữa rồi.", "Cái máy in chết tiệt lại kẹt giấy.", "Vãi, cửa hàng đóng cửa rồi.",
                         "Vãi lồn, bàn thắng đẹp quá!", "Đéo hiểu sao hôm nay lạnh thế.", "Chết tiệt, quên tắt lò nướng rồi.",
                         "Món này ngon vãi.", "Sáng nay tắc đường như cứt.", "Đm, điện thoại lại hết pin.", "Vãi cả chưởng, mua được vé rồi!"],
    insult=["Mày đúng là thằng hề.", "Không ai hỏi ý kiến mày, đồ ngốc.", "Mày là đồ hèn.", "Cút đi, đồ ăn hại.", "Mày dốt nát thật.",
            "Não mày bằng quả nho.", "Mày thật kinh tởm.", "Đồ dối trá khốn nạn.", "Cút mẹ mày đi, thằng ngu.", "Mày đúng là đồ đần.",
            "Sao mày ngu thế.", "Mày là đồ mất mặt."],
    threat_person=["Tao sẽ cắt cổ mày.", "Nói thêm câu nữa là tao đập nát mặt mày.", "Tao sẽ tìm ra mày và giết mày.",
                   "Mày không sống nổi đến tuần sau đâu.", "Tao đang cầm dao đến tìm mày.", "Tao sẽ bắn vỡ sọ mày.",
                   "Tao sẽ đốt nhà mày khi mày còn ở trong.", "Tao sẽ bóp cổ mày bằng tay không.",
                   "Tao sẽ đánh mày đến khi mày không đứng dậy nổi.", "Tao sẽ cho mày đổ máu.", "Thấy mày là tao bắn.",
                   "Ra đường cẩn thận, tao sẽ tìm mày."],
    negated_hate=["{P} không phải là bọn ký sinh.", "{P} không phải là ung nhọt của đất nước này.", "Tôi không nghĩ {P} là rác rưởi.",
                  "Tôi chưa bao giờ ghét {P}.", "{P} không hề thấp kém.", "{P} không phải là kẻ thù.", "{P} không đáng bị khinh miệt.",
                  "Không có chuyện {P} là lũ rác rưởi."],
)

# Oblique (accusative/genitive) form of a group noun where it differs from the nominative, for {A}.
OBLIQUE = {"ar": {"المسلمون": "المسلمين", "المسيحيون": "المسيحيين", "المهاجرون": "المهاجرين"}}

for _lang, _more in MORE.items():
    for _behaviour, _templates in _more.items():
        L[_lang].setdefault(_behaviour, [])
        L[_lang][_behaviour] = L[_lang][_behaviour] + _templates

# ---------------------------------------------------------------------------------------------------------------
# Third authoring round: hateful sentences that contain a negation ("{P} are not human."), labelled `hate`. Without
# them every authored sentence with a negation and a group term was non-hateful (negated_hate outnumbered hate about
# two to one), so a model could learn "negation means not toxic". Appended after the earlier hate templates, so the
# template indices, and the train/held-out assignment, of every earlier row stay unchanged. The sentences keep the
# group term in a case and position where its form is right for every group of the language (nominative subject, or
# {A} in Arabic); they were written for SafeSpeak, not taken from any test suite.
NEGATED_HATEFUL = {
    "en": ["{P} are not human.", "{P} don't deserve to live.", "{P} should never be allowed to vote.",
           "I will never accept {P} as equals.", "{P} are no better than animals.",
           "There is no place for {P} in this country.", "I don't want {P} anywhere near my children."],
    "es": ["{P} no son seres humanos.", "{P} no merecen vivir.", "{P} nunca deberían tener derecho a votar.",
           "Nunca aceptaré a {P} como iguales.", "{P} no son mejores que los animales.",
           "No hay sitio para {P} en este país."],
    "de": ["{P} sind keine Menschen.", "{P} verdienen es nicht zu leben.", "{P} sollten niemals wählen dürfen.",
           "Ich werde {P} niemals als gleichwertig akzeptieren.", "{P} sind nicht besser als Tiere.",
           "Für {P} gibt es in diesem Land keinen Platz."],
    "fr": ["{P} ne sont pas des êtres humains.", "{P} ne méritent pas de vivre.",
           "{P} ne devraient jamais avoir le droit de voter.",
           "Jamais je n'accepterai que {P} aient les mêmes droits que nous.",
           "{P} ne valent pas mieux que des animaux.", "Il n'y a pas de place pour {P} dans ce pays."],
    "pt": ["{P} não são seres humanos.", "{P} não merecem viver.", "{P} nunca deveriam ter direito de votar.",
           "Nunca vou aceitar que {P} tenham os mesmos direitos que nós.", "{P} não são melhores que animais.",
           "Não há lugar para {P} neste país."],
    "tr": ["{P} insan değil.", "{P} yaşamayı hak etmiyor.", "{P} asla oy kullanmamalı.",
           "{P} hiçbir zaman bizimle eşit olamaz.", "{P} hayvanlardan daha iyi değil.", "Bu ülkede {P} için yer yok."],
    "ru": ["{P} — не люди.", "{P} не заслуживают права на жизнь.", "{P} никогда не должны получать право голоса.",
           "Я никогда не признаю, что {P} равны нам.", "{P} ничем не лучше животных.",
           "{P} здесь не нужны, им нет места в этой стране."],
    "pl": ["{P} to nie są ludzie.", "{P} nie zasługują na to, żeby żyć.", "{P} nigdy nie mogą mieć prawa głosu.",
           "Nigdy nie zaakceptuję, że {P} mają takie same prawa jak my.", "{P} to nic innego jak zwierzęta.",
           "{P} nie mają czego szukać w tym kraju."],
    "da": ["{P} er ikke mennesker.", "{P} fortjener ikke at leve.", "{P} burde aldrig have lov til at stemme.",
           "Jeg vil aldrig acceptere {P} som ligeværdige.", "{P} er ikke bedre end dyr.",
           "Der er ingen plads til {P} i dette land."],
    "el": ["{P} δεν είναι άνθρωποι.", "{P} δεν αξίζουν να ζουν.", "{P} δεν πρέπει ποτέ να έχουν δικαίωμα ψήφου.",
           "Δεν θα δεχτώ ποτέ να έχουν {P} τα ίδια δικαιώματα με εμάς.", "{P} δεν διαφέρουν σε τίποτα από τα ζώα.",
           "{P} δεν έχουν καμία θέση σε αυτή τη χώρα."],
    "ar": ["لا أعتبر {A} بشرا.", "حياة {A} لا قيمة لها.", "لا يجوز أبدا منح {A} حق التصويت.",
           "لن أقبل أبدا بالمساواة بيننا وبين {A}.", "ما {P} إلا حيوانات.", "لا مكان لأمثال {A} في هذا البلد."],
    "hi": ["{P} इंसान नहीं हैं।", "{P} जीने के लायक़ नहीं हैं।", "{P} कभी भी वोट देने के हक़दार नहीं हैं।",
           "मैं कभी नहीं मानूँगा कि {P} हमारे बराबर हैं।", "{P} जानवरों से बेहतर नहीं हैं।", "हमें इस देश में {P} नहीं चाहिए।"],
    "zh": ["{P}根本不是人。", "{P}不配活着。", "{P}永远不应该有投票权。", "我永远不会承认{P}和我们是平等的。",
           "{P}跟畜生没什么两样。", "这个国家没有{P}的容身之地。"],
    "ko": ["{P}은 사람이 아니야.", "{P}은 살 가치가 없어.", "{P}한테는 절대 투표권을 주면 안 돼.",
           "나는 절대 {P}을 우리와 동등하게 인정하지 않을 거야.", "{P}은 짐승보다 나을 게 없어.",
           "이 나라에 {P}이 있을 자리는 없어."],
    "vi": ["{P} không phải là con người.", "{P} không đáng được sống.", "Không bao giờ nên cho {P} quyền bầu cử.",
           "Tôi sẽ không bao giờ chấp nhận {P} ngang hàng với chúng ta.", "{P} chẳng khác gì súc vật.",
           "Đất nước này không có chỗ cho {P}."],
}

for _lang, _templates in NEGATED_HATEFUL.items():
    L[_lang]["hate"] = L[_lang]["hate"] + _templates

# Fourth authoring round (issue 9): counter-speech, reclaimed slurs, spelling variants, idioms against threats and
# more identity contexts, mostly English and Chinese; see round4.py. Appended, so earlier template ids stay.
L["en"]["groups"] = L["en"]["groups"] + EN_GROUPS
for _lang, _more in ROUND4.items():
    for _behaviour, _templates in _more.items():
        L[_lang][_behaviour] = L[_lang].get(_behaviour, []) + _templates


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


def entry(template):
    """A template is a string, or a tuple (text, group id) / (text, group id, labels) for a fixed sentence that
    concerns one group (reclaimed slurs, spelled-out slurs) or carries labels other than its behaviour's."""
    if isinstance(template, tuple):
        text, gid = template[0], template[1]
        return text, gid, (template[2] if len(template) > 2 else None)
    return template, None, None


def fill(lang, template, gid, plural, single):
    oblique = OBLIQUE.get(lang, {}).get(plural, plural)
    text = template.replace("{P}", plural).replace("{S}", single).replace("{A}", oblique)
    return cap(text) if template.startswith(("{P}", "{A}", "{S}")) else text


def has_slot(template):
    return any(slot in template for slot in ("{P}", "{S}", "{A}"))


def expand_template(lang, behaviour, template, tid):
    """Rows of one template: filled with every group of the language when it has a group slot, else one sentence."""
    text, fixed_gid, labels = entry(template)
    if has_slot(text):
        return [(lang, behaviour, gid, fill(lang, text, gid, plural, single), tid, labels)
                for gid, plural, single in L[lang]["groups"]]
    return [(lang, behaviour, fixed_gid or "-", text, tid, labels)]


def expand(lang, data):
    """Rows (lang, behaviour, group, text, template id, labels or None). A template with a group slot is filled
    with every group of the language; a template without one is a single sentence."""
    rows = []
    for behaviour in LABELS:
        if behaviour.startswith("obfuscated_"):
            continue
        for t_index, template in enumerate(data.get(behaviour, [])):
            rows.extend(expand_template(lang, behaviour, template, f"{lang}.{behaviour}.{t_index:02d}"))
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
    """Machine-obfuscated copies of insult and hate sentences. Each copy keeps the template id of the sentence
    it was derived from, so it always lands on the same side of the split as its source."""
    rows = []
    words = OBFUSCATE.get(lang, [])
    sources = [("obfuscated_insult", "-", t, f"{lang}.insult.{k:02d}") for k, t in enumerate(data.get("insult", []))]
    for k, template in enumerate(data.get("hate", [])):
        for gid, plural, single in data["groups"][:3]:
            sources.append(("obfuscated_hate", gid, fill(lang, template, gid, plural, single), f"{lang}.hate.{k:02d}"))
    for behaviour, gid, text, tid in sources:
        for word in words:
            if word in text or word.lower() in text:
                target = word if word in text else word.lower()
                for kind, variant in obfuscations(target, len(text)):
                    rows.append((lang, behaviour, gid, text.replace(target, variant, 1), tid, None))
                break
    return rows


def unit_hash(key):
    """A stable number in [0, 1) for a template: sha256 of (language, behaviour, template string)."""
    digest = hashlib.sha256(("safespeak-contrastive-v2|" + key).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") / 2.0 ** 64


def assign_splits(lang, data):
    """Maps every template id of a language to train, dev or test. The unit is the template: a template and all
    its fills (every group, every obfuscated copy) go to one side. Within each (language, behaviour) the templates
    are ordered by a hash of their string; the first round(TEST_SHARE * n) go to test (at least one when n >= 3),
    the next round(DEV_SHARE * n) to dev and the rest, at least one, to train. Of two templates the first goes to
    test and the other to train; a single template goes by its hash value alone. The order of a template never depends on its position in the list, so
    adding templates moves at most a few earlier ones across the split boundaries."""
    splits = {}
    for behaviour in LABELS:
        templates = data.get(behaviour, [])
        if not templates:
            continue
        units = sorted((unit_hash(f"{lang}|{behaviour}|{entry(t)[0]}"), f"{lang}.{behaviour}.{k:02d}")
                       for k, t in enumerate(templates))
        n = len(units)
        if n == 1:
            h, tid = units[0]
            splits[tid] = "test" if h < TEST_SHARE else "dev" if h < TEST_SHARE + DEV_SHARE else "train"
            continue
        if n == 2:
            splits[units[0][1]], splits[units[1][1]] = "test", "train"
            continue
        n_test = max(1, round(TEST_SHARE * n))
        n_dev = min(round(DEV_SHARE * n), n - n_test - 1)
        for rank, (_, tid) in enumerate(units):
            splits[tid] = "test" if rank < n_test else "dev" if rank < n_test + n_dev else "train"
    return splits


def check_split(parts):
    """Fails when a text is generated twice, a template id or a text appears on two sides, or a placeholder is
    left unfilled."""
    text_side, template_side = {}, {}
    for part, rows in parts.items():
        for lang, behaviour, gid, text, tid, _ in rows:
            assert "{" not in text and "}" not in text, f"unfilled placeholder in {tid}: {text}"
            if text in text_side:
                raise AssertionError(f"text generated twice ({text_side[text]} and {part}/{tid}): {text}")
            text_side[text] = f"{part}/{tid}"
            if template_side.setdefault(tid, part) != part:
                raise AssertionError(f"template {tid} is on two sides: {template_side[tid]} and {part}")


def line(row):
    lang, behaviour, gid, text, tid, labels = row
    assert "\t" not in text and "\n" not in text, f"tab or newline in {tid}"
    return "\t".join([lang, behaviour, gid, text] + (labels or LABELS[behaviour]).split() + [tid])


def write(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEADER + "\n" + "".join(line(r) + "\n" for r in rows))


def write_counts(path, parts, fresh_rows):
    """Templates and rows per (language, behaviour) on each side, so the size of every cell can be read at a
    glance. Obfuscated copies are counted under their own behaviour but their templates are their source's."""
    cells = {}
    for part, rows in list(parts.items()) + [("fresh", fresh_rows)]:
        for lang, behaviour, _, _, tid, _ in rows:
            templates, count = cells.setdefault((lang, behaviour), {}).setdefault(part, (set(), [0]))
            templates.add(tid)
            count[0] += 1
    sides = ["train", "dev", "test", "fresh"]
    with open(path, "w", encoding="utf-8") as f:
        f.write("lang\tbehaviour\t" + "\t".join(f"{s}_templates\t{s}_rows" for s in sides[:3]) + "\tfresh_rows\n")
        for (lang, behaviour), by_side in sorted(cells.items()):
            cols = []
            for side in sides[:3]:
                templates, count = by_side.get(side, (set(), [0]))
                cols += [str(len(templates)), str(count[0])]
            cols.append(str(by_side.get("fresh", (set(), [0]))[1][0]))
            f.write(f"{lang}\t{behaviour}\t" + "\t".join(cols) + "\n")


def main():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    parts = {"train": [], "dev": [], "test": []}
    for lang, data in L.items():
        splits = assign_splits(lang, data)
        for row in expand(lang, data) + obfuscated_rows(lang, data):
            parts[splits[row[4]]].append(row)
    # Fifth round: training-only templates (round5.py), outside the hash split, so no held-out or dev template moves.
    # They go to their own file, which only the encoder heads train on (the n-gram model keeps train.tsv).
    earlier = {row[4] for rows in parts.values() for row in rows}
    fifth = round5.rows(expand_template)
    assert not earlier & {row[4] for row in fifth}, "a round-5 template id is also an earlier template's"
    # Sixth round (round6.py): the same, ids 40-59, appended after round 5's rows.
    sixth = round6.rows(expand_template)
    assert not (earlier | {row[4] for row in fifth}) & {row[4] for row in sixth}, \
        "a round-6 template id is also an earlier template's"
    # Seventh round (round7.py): training-only templates appended after round 6's, and dev-only templates in a file of
    # their own (dev-encoder.tsv), so dev.tsv, which the fast model also reads, and the held-out suite stay as they were.
    seventh, seventh_dev = round7.rows(expand_template), round7.dev_rows(expand_template)
    known = earlier | {row[4] for row in fifth + sixth}
    assert not known & {row[4] for row in seventh + seventh_dev}, "a round-7 template id is also an earlier template's"
    # Eighth round (round8.py): training-only identity mentions. The heads chosen in round 8 did not use them
    # (training/dev-variants.md); until round 9 they went to a file of their own, train-encoder-round8.tsv (rounds 5
    # to 8; git show fe3e892:training/contrastive/train-encoder-round8.tsv).
    eighth = round8.rows(expand_template)
    known = known | {row[4] for row in seventh + seventh_dev}
    assert not known & {row[4] for row in eighth}, "a round-8 template id is also an earlier template's"
    # Ninth round (round9.py): hard neutral identity mentions, dev-only (appended to dev-encoder.tsv, after round 7's
    # rows) and training-only. The heads chosen in round 9 read rounds 5 to 9 (training/dev-variants.md), so
    # train-encoder.tsv holds them all since then. The earlier heads' training files (rounds 5-7, rounds 5-8) were
    # exact prefixes of it and are no longer written: a run of an earlier round also needs that round's
    # dev-encoder.tsv, so it is repeated from git (training/dev-variants.md names the commits).
    ninth, ninth_dev = round9.rows(expand_template), round9.dev_rows(expand_template)
    known = known | {row[4] for row in eighth}
    assert not known & {row[4] for row in ninth + ninth_dev}, "a round-9 template id is also an earlier template's"
    # Fourteenth round (round14.py): training-only English hate, obfuscated and misspelled hate, insults aimed at a
    # person and contrasts. Not yet chosen by any heads, so, like round 8 before its rows were adopted, they go to a
    # file of their own, train-encoder-round14.tsv (rounds 5 to 9 and 14), which a run reads with
    # --contrastive-encoder training/contrastive/train-encoder-round14.tsv; train-encoder.tsv and counts.tsv stay as
    # they were.
    fourteenth = round14.rows(expand_template)
    known = known | {row[4] for row in ninth + ninth_dev}
    assert not known & {row[4] for row in fourteenth}, "a round-14 template id is also an earlier template's"
    # Twenty-second round (round22.py): English threats to a person and non-threats, training-only and dev-only (the
    # English dev had 4 threats to a person and 4 non-threats). Their own files, train-encoder-round22.tsv (rounds 5 to
    # 9 and 22) and dev-encoder-round22.tsv (rounds 7, 9 and 22), read with --contrastive-encoder and
    # --contrastive-dev-encoder; the default files stay as they were.
    twentysecond = round5.blocks_rows(round22.TRAIN_ONLY, expand_template)
    twentysecond_dev = round5.blocks_rows(round22.DEV_ONLY, expand_template)
    known = known | {row[4] for row in fourteenth}
    assert not known & {row[4] for row in twentysecond + twentysecond_dev}, \
        "a round-22 template id is also an earlier template's"
    # Twenty-seventh round (round27.py): Chinese hate and neutral identity mentions with a group slot, training-only
    # and dev-only (the Chinese training rows held 11 short hate templates). Their own files, as round 22's:
    # train-encoder-round27.tsv (rounds 5 to 9 and 27) and dev-encoder-round27.tsv (rounds 7, 9 and 27).
    twentyseventh = round5.blocks_rows(round27.TRAIN_ONLY, expand_template)
    twentyseventh_dev = round5.blocks_rows(round27.DEV_ONLY, expand_template)
    known = known | {row[4] for row in twentysecond + twentysecond_dev}
    assert not known & {row[4] for row in twentyseventh + twentyseventh_dev}, \
        "a round-27 template id is also an earlier template's"
    fifth = fifth + sixth + seventh
    seventh_dev = seventh_dev + ninth_dev
    check_split(dict(parts, train=parts["train"] + fifth + eighth + ninth + fourteenth + twentysecond + twentyseventh,
                     dev=parts["dev"] + seventh_dev + twentysecond_dev + twentyseventh_dev))
    write(os.path.join(root, "training/contrastive/train.tsv"), parts["train"])
    write(os.path.join(root, "training/contrastive/train-encoder.tsv"), fifth + eighth + ninth)
    write(os.path.join(root, "training/contrastive/train-encoder-round14.tsv"), fifth + eighth + ninth + fourteenth)
    write(os.path.join(root, "training/contrastive/dev.tsv"), parts["dev"])
    write(os.path.join(root, "training/contrastive/train-encoder-round22.tsv"), fifth + eighth + ninth + twentysecond)
    write(os.path.join(root, "training/contrastive/dev-encoder.tsv"), seventh_dev)
    write(os.path.join(root, "training/contrastive/dev-encoder-round22.tsv"), seventh_dev + twentysecond_dev)
    write(os.path.join(root, "training/contrastive/train-encoder-round27.tsv"), fifth + eighth + ninth + twentyseventh)
    write(os.path.join(root, "training/contrastive/dev-encoder-round27.tsv"), seventh_dev + twentyseventh_dev)
    write(os.path.join(root, "src/test/resources/functional/heldout.tsv"), parts["test"])
    fresh_rows = fresh.rows(LABELS)
    seen = {r[3] for rows in list(parts.values()) + [fifth, eighth, ninth, fourteenth, seventh_dev, twentysecond,
                                                     twentysecond_dev, twentyseventh, twentyseventh_dev] for r in rows}
    overlap = [r[3] for r in fresh_rows if r[3] in seen]
    assert not overlap, f"fresh sentences also generated from templates: {overlap[:3]}"
    assert len({r[3] for r in fresh_rows}) == len(fresh_rows), "a fresh sentence is written twice"
    write(os.path.join(root, "src/test/resources/functional/fresh.tsv"), fresh_rows)
    write_counts(os.path.join(root, "training/contrastive/counts.tsv"),
                 dict(parts, train=parts["train"] + fifth + eighth + ninth, dev=parts["dev"] + seventh_dev), fresh_rows)
    print(" ".join(f"{k} {len(v)}" for k, v in parts.items()) + f" fresh {len(fresh_rows)}")


if __name__ == "__main__":
    main()
