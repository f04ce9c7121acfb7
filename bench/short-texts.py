#!/usr/bin/env python3
"""Writes N seeded short texts (JSON lines {"id", "text"}) in 15 languages for the benchmarks: each text takes 5 to 17
words of one language's small word list (never the shared data). Usage: bench/short-texts.py OUT N [seed]"""
import json
import random
import sys

WORDS = {
    "en": "you are such a stupid idiot and I hate this game but the weather is nice today we should meet friends "
          "again tomorrow please stop trolling everyone here thanks for the help",
    "de": "du bist so dumm aber das Wetter ist heute schön wir sollten uns morgen wieder mit Freunden treffen bitte "
          "hör auf alle hier zu trollen danke für die Hilfe",
    "es": "eres un idiota pero hoy hace buen tiempo deberíamos ver a los amigos mañana otra vez por favor deja de "
          "molestar a todos aquí gracias por la ayuda",
    "fr": "tu es vraiment stupide mais il fait beau aujourd'hui on devrait revoir les amis demain arrête de troller "
          "tout le monde ici merci pour ton aide",
    "pl": "jesteś takim głupim idiotą ale dzisiaj jest ładna pogoda powinniśmy jutro spotkać przyjaciół przestań "
          "trollować wszystkich tutaj dzięki za pomoc",
    "pt": "você é tão burro mas hoje o tempo está bom devemos encontrar os amigos amanhã de novo pare de trollar "
          "todo mundo aqui obrigado pela ajuda",
    "tr": "sen çok aptal bir salaksın ama bugün hava çok güzel yarın arkadaşlarla tekrar buluşmalıyız lütfen "
          "herkesi trollemeyi bırak yardımın için teşekkürler",
    "da": "du er så dum men vejret er dejligt i dag vi skal mødes med venner igen i morgen stop med at trolle alle "
          "her tak for hjælpen",
    "vi": "bạn thật là ngu ngốc nhưng hôm nay thời tiết đẹp chúng ta nên gặp bạn bè vào ngày mai làm ơn đừng "
          "chọc phá mọi người cảm ơn vì đã giúp",
    "ru": "ты такой глупый идиот но сегодня хорошая погода давай завтра снова встретимся с друзьями перестань "
          "троллить всех здесь спасибо за помощь",
    "ar": "أنت غبي جدا لكن الطقس جميل اليوم يجب أن نلتقي بالأصدقاء غدا مرة أخرى توقف عن إزعاج الجميع هنا شكرا "
          "على المساعدة",
    "el": "είσαι τόσο ηλίθιος αλλά ο καιρός είναι ωραίος σήμερα πρέπει να δούμε τους φίλους αύριο σταμάτα να "
          "ενοχλείς όλους εδώ ευχαριστώ για τη βοήθεια",
    "hi": "तुम बहुत बेवकूफ हो लेकिन आज मौसम अच्छा है हमें कल फिर से दोस्तों से मिलना चाहिए सबको परेशान करना "
          "बंद करो मदद के लिए धन्यवाद",
    "ko": "너는 정말 바보야 하지만 오늘 날씨가 좋다 내일 친구들을 다시 만나자 여기서 모두를 괴롭히지 마 도와줘서 고마워",
    "zh": "你 真 是 个 笨蛋 但是 今天 天气 很 好 我们 明天 应该 再 见 朋友 请 不要 再 捣乱 了 谢谢 你 的 帮助",
}


def main():
    out, n = sys.argv[1], int(sys.argv[2])
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 42)
    languages = sorted(WORDS)
    words = {code: text.split() for code, text in WORDS.items()}
    with open(out, "w", encoding="utf-8") as f:
        for i in range(n):
            vocabulary = words[rng.choice(languages)]
            joiner = "" if vocabulary is words["zh"] else " "
            text = joiner.join(rng.choice(vocabulary) for _ in range(rng.randint(5, 17)))
            f.write(json.dumps({"id": str(i), "text": text}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
