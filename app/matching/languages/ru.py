"""Russian, and the Cyrillic script.

Words are stemmed (Snowball) and cut to seven letters: Russian endings vary a lot
(`перезапуск`, `перезапускается`) and the cut joins forms Snowball keeps apart
(`развертывание`, `развертывать`). Hyphenated words count by part, and a short one whole too:
users write `тайм-аут` and `таймаут`, `веб-служба` and `вебслужба` alike.
"""
from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from app.matching.languages.base import WORD_END as _E
from app.matching.languages.base import Language, NeighbourCues, snowball, synonym_features
from app.matching.languages.en import word_features as english_features

PREFIX = "r"
STEM_LENGTH = 7
JOINED_LENGTH = 10
"""A hyphenated word this short is also one word (`тайм-аут`: `таймаут`); a longer one is two words joined
(`онлайн-развертывание`), whose seven-letter cut would name neither."""

STOPWORDS = frozenset([
    "и", "в", "во", "не", "на", "я", "что", "с", "со", "как", "а", "то", "все", "она", "так", "его", "но",
    "да", "ты", "к", "у", "же", "вы", "за", "бы", "по", "только", "ее", "мне", "было", "вот", "от", "меня",
    "еще", "нет", "о", "из", "ему", "теперь", "когда", "даже", "ну", "вдруг", "ли", "если", "уже", "или",
    "ни", "быть", "был", "него", "до", "вас", "нибудь", "опять", "уж", "вам", "ведь", "там", "потом",
    "себя", "ничего", "ей", "может", "они", "тут", "где", "есть", "надо", "ней", "для", "мы", "тебя", "их",
    "чем", "была", "сам", "чтоб", "без", "будто", "чего", "раз", "тоже", "себе", "под", "будет", "ж",
    "тогда", "кто", "этот", "того", "потому", "этого", "какой", "совсем", "ним", "здесь", "этом", "один",
    "почти", "мой", "тем", "чтобы", "нее", "сейчас", "были", "куда", "зачем", "всех", "никогда", "можно",
    "при", "наконец", "два", "об", "другой", "хоть", "после", "над", "больше", "тот", "через", "эти", "нас",
    "про", "всего", "них", "какая", "много", "разве", "три", "эту", "моя", "впрочем", "хорошо", "свою",
    "этой", "перед", "иногда", "лучше", "чуть", "том", "нельзя", "такой", "им", "более", "всегда",
    "конечно", "всю", "между", "это", "почему",
    # chat around the problem: who said it and when, not what failed
    "говорит", "говорят", "пишет", "пишут", "вчера", "сегодня", "утром", "вечером", "постоянно",
    "сколько",  # as "how many" in English: the question, not its subject
    "вообще", "просто", "вроде",  # fillers: how the user feels about the problem, not what it is
    "хотя", "кажется", "похоже", "вижу", "дело",  # "although I can see it", "what's the matter": the same
    "какие", "какое", "какую", "каких",  # the other forms of `какой`: the question, not its subject
    # whose it is and when it happened (our cluster, recently), and asking to be told: not what failed
    "наш", "наша", "наше", "нашу", "наши", "нашего", "нашей", "нашем", "нашим", "наших",
    "ваш", "ваша", "ваше", "вашу", "ваши", "вашего", "вашей", "вашем", "вашим", "ваших",
    "мои", "моего", "моей", "моем", "моём", "мою", "моих", "свой", "свои", "своем", "своём", "своей", "своего",
    "недавно", "давно", "объясните", "объясни", "понять", "понимаю", "пойму",
    "пока",  # "until it fails", "for now": when, not what failed
])

# Words users type for a concept the knowledge names differently; each maps to the
# knowledge's word, so "сервис" finds "служба".
SYNONYMS = {
    "сервис": "служба", "сервиса": "служба", "сервисе": "служба", "сервисом": "служба",
    "деплой": "развертывание", "деплоя": "развертывание", "деплое": "развертывание",
    "деплоймент": "развертывание",  # the deployment as a resource; its stem covers every case form
    "задеплоить": "развернуть", "задеплоил": "развернуть", "выкатить": "развернуть",
    "эндпоинт": "конечная", "эндпоинта": "конечная", "эндпойнт": "конечная",
    "снести": "удалить", "грохнуть": "удалить",
    # Snowball cuts the nominative `журнал` to `журна`, its other cases to `журнал`: every form → the latter
    "логи": "журналы", "логов": "журналы", "лог": "журналы", "журнал": "журналы", "лимит": "лимиты",
    "вызов": "вызова",  # likewise `вызов` (`выз`) and `вызова` (`вызов`)
    "окружение": "среда",  # the environment: users' word for the documentation's
    "настройка": "настроить", "настраивать": "настроить",  # setting up: the noun and both aspects of the verb
    # loanwords of the area for the knowledge's Russian terms
    "рестарт": "перезапуск", "нода": "узлы", "ноды": "узлы", "инстанс": "экземпляр", "инстансы": "экземпляр",
    "батч": "пакетный", "джоба": "задание", "джобы": "задание", "джоб": "задание", "дебаг": "отладка",
    "дебажить": "отладка", "билд": "сборка", "имидж": "образ", "регистри": "реестр",
    "ядер": "ядра",
    "ребут": "перезапуск", "перезагружается": "перезапускается",
    # everyday verbs for a crash, a hang and a start, whose stems Snowball keeps apart from the knowledge's
    # (`упал` and `падает`, `зависло` and `зависает` are one verb's aspects and tenses)
    "упал": "падает", "упала": "падает", "упало": "падает", "упали": "падает",
    "валится": "падает", "свалился": "падает", "свалилось": "падает", "вылетает": "падает", "вылетел": "падает",
    "вылетело": "падает", "крашится": "падает", "крашнулся": "падает",
    "висит": "зависает", "виснет": "зависает", "завис": "зависает", "зависло": "зависает", "зависла": "зависает",
    "зависли": "зависает",
    "отваливается": "падает", "отвалился": "падает", "отвалилось": "падает",
    # a log or a tool that "swears" (ругается) reports an error, as in English "complains"
    "ругается": "ошибка", "ругнулся": "ошибка", "ругнулось": "ошибка",
    "стартует": "запускается", "стартовал": "запускается",  # not `поднимается`: its stem is `поднять` (a quota) too
    # users' words for the documentation's: a web service (its hyphenated form joined), the workspace
    "вебсервис": "вебслужба", "воркспейс": "область",
    # pulling an image or a log to one's machine: everyday verbs, and the other aspect of the knowledge's `скачать`
    "вытащить": "скачать", "вытянуть": "скачать", "стянуть": "скачать", "стянул": "скачать", "спулить": "скачать",
    "скачивать": "скачать",
}

_STEMMER = snowball("russian")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Snowball, less an imperative's ending, then the seven-letter cut: Snowball keeps `проверьте` (`проверьт`)
    apart from `проверить` (`провер`), where steps say the one and users the other."""
    stemmed = _STEMMER.stemWord(word)
    stemmed = stemmed[:-2] if stemmed.endswith(("ьт", "йт")) else stemmed.removesuffix("ь")
    return stemmed[:STEM_LENGTH]


# Tools the knowledge writes in Latin letters and users in Cyrillic: the English word's feature, as English
# text gives it (`kubernetes` is stemmed).
LATIN_NAMES = {"докер": "docker", "кубернетес": "kubernetes", "питон": "python", "конда": "conda"}
_SYNONYM_FEATURES = synonym_features(PREFIX, SYNONYMS, stem) | {f"{PREFIX}:{stem(word)}": english_features(latin)[0]
                                                                for word, latin in LATIN_NAMES.items()}


_HOMOGLYPHS = str.maketrans("aceopxy", "асеорху")
"""Latin letters drawn like Cyrillic ones, typed between Cyrillic letters when the keyboard layout slips
(`рееcтр`: the Latin `c` shares the Russian `с`'s key)."""
_WORD = r"[а-яё]+(?:[aceopxy]+[а-яё]+)*"
TOKEN = rf"{_WORD}(?:-{_WORD})*"


def word_features(token: str) -> list[str]:
    found = []
    parts = token.translate(_HOMOGLYPHS).replace("ё", "е").split("-")  # "ещё" and "еще" alike (Snowball folds ё itself)
    for part in parts:
        if part in STOPWORDS or len(part) <= 1:
            continue
        feature = f"{PREFIX}:{stem(part)}"
        found.append(_SYNONYM_FEATURES.get(feature, feature))
    whole = "".join(parts)
    if len(found) == len(parts) > 1 and len(whole) <= JOINED_LENGTH:  # stop words (`что-то`) join nothing
        joined = f"{PREFIX}:{stem(whole)}"
        joined = _SYNONYM_FEATURES.get(joined, joined)
        found += [joined] if joined not in found else []
    return found


def detect(text: str, counts: Mapping[str, int]) -> bool:
    return counts["ru"] >= 2


# What Russian pastes about Azure ML's neighbouring topics say (see app.matching.neighbours).
NEIGHBOUR_CUES = {
    "compute-cluster": NeighbourCues(
        strong=(r"вычислительн\w* кластер\w*", r"кластер\w* обучени\w*", r"кластер\w* (?:не )?масштабир\w*"),
        cues=(r"кластер\w*", r"низкоприоритетн\w*|низк\w* приоритет\w*", r"вытесн\w*", r"узл\w*|узел", r"масштабир\w*",
              r"выделени\w* (?:узл|ресурс)\w*", r"размер\w* (?:вм|виртуальн\w*)", r"выделенн\w* ядр\w*"),
    ),
    "compute-instance": NeighbourCues(
        strong=(r"вычислительн\w* экземпляр\w*",
                r"выключ\w* (?:\w+ )?при простое|отключ\w* (?:\w+ )?при простое|заверш\w* (?:\w+ )?при простое"),
        cues=(r"терминал\w*", r"простое|простоя", r"ноутбук\w*|блокнот\w*", r"ядр\w* jupyter", r"скрипт\w* настройк\w*"),
    ),
    "training-job": NeighbourCues(
        strong=(r"задани\w* обучени\w*|скрипт\w* обучени\w*|запуск\w* обучени\w*", r"обуч\w* модел\w*", r"распределенн\w* обучени\w*",
                # fine-tuning a model: дообучение is only ever that (тонкая настройка alone may be of a setting)
                r"дообуч\w*|файнтюн\w*"),
        cues=(r"обучени\w*", r"метрик\w*", r"гиперпараметр\w*", r"эпох\w*", r"эксперимент\w*", r"тренировк\w*",
              r"задани\w* (?:упал\w*|завис\w*|в очереди)", r"отправ\w* задани\w*", r"точност\w*", r"контрольн\w* точк\w*",
              r"тонк\w* настройк\w*"),
    ),
    "environment-build": NeighbourCues(
        strong=(r"образ\w* сред\w*|сборк\w* сред\w*", r"курируем\w* сред\w*"),
        concepts={"image-build": r"сборк\w*", "environment": r"сред(?:а|ы|е|у|ой|ам|ами|ах)?(?![а-яё])"},
        # a base image, as in English: not the image of "сборка образа", which is the image-build concept itself
        cues=(r"базов\w* образ\w*", r"зависимост\w*",
              r"пакет(?:ы|а|ов|ом|ами|ах)?(?![а-яё])"),
    ),
    "automl": NeighbourCues(
        strong=(r"эксперимент\w* automl|эксперимент\w* автоматизированн\w*",),
        cues=(r"автоматизированн\w* (?:машинн\w* )?обучени\w*", r"дочерн\w* запуск\w*", r"прогноз\w*", r"классификац\w*",
              r"регресси\w*", r"временн\w* ряд\w*"),
    ),
    "pipelines": NeighbourCues(
        strong=(r"задани\w* конвейер\w*|шаг\w* конвейер\w*|запуск\w* конвейер\w*", r"дизайнер\w*"),
        cues=(r"конвейер\w*|пайплайн\w*", r"компонент\w*", r"шаг\w*", r"расписани\w*"),
    ),
    "cli-install": NeighbourCues(
        strong=(r"расширени\w* ml" + _E, r"установ\w* расширени\w*|постав\w* расширени\w*"),
        cues=(r"расширени\w*", r"не распозна[её]тся", r"установ\w*", r"переименова\w*",
              # the CLI's defaults (az configure --defaults): the resource group or workspace every command assumes
              r"групп\w* ресурсов по умолчанию|по умолчанию (?:\w+ )?(?:групп\w* ресурсов|рабоч\w* област\w*)"),
    ),
    "workspace-auth": NeighbourCues(
        strong=(r"созда\w* (?:\w+ )?(?:рабоч\w* област\w*|workspace|воркспейс\w*)", r"приватн\w* ссылк\w*|приватн\w* канал\w*", r"многофакторн\w*"),
        cues=(r"рабоч\w* област\w*", r"воркспейс\w*", r"тенант\w*|клиент\w* entra", r"подписк\w*", r"вход(?:а|е|ом|у)?(?![а-яё])|войти",
              r"аутентификац\w*", r"учетн\w* данн\w*|учётн\w* данн\w*", r"субъект\w* служб\w*"),
    ),
    "datastores": NeighbourCues(
        strong=(r"хранилищ\w* данных", r"ресурс\w* данных", r"зарегистрир\w* (?:\w+ )?(?:набор\w* данных|датасет\w*)"),
        cues=(r"набор\w* данных|датасет\w*", r"монтир\w*", r"учетн\w* запис\w* хранени\w*|учётн\w* запис\w* хранени\w*",
              r"озер\w* данных", r"общ\w* папк\w*|файлов\w* ресурс\w*"),
    ),
    # (not the Azure portal alone: where users look at any resource, "the subscription is there in the portal",
    # not the studio's UI)
    "studio-portal": NeighbourCues(
        strong=(r"студи\w* azure ml|студи\w* машинн\w*",),
        cues=(r"студи\w*", r"браузер\w*", r"загруз\w*", r"регистрац\w* модел\w*", r"пуст\w* экран",
              r"страниц\w*", r"кнопк\w*", r"нажим\w*|нажат\w*"),
    ),
    "azure-openai": NeighbourCues(
        strong=(r"токен\w* в минуту",),
        cues=(r"промпт\w*", r"эмбеддинг\w*|встраивани\w*"),
    ),
}

# Features of a deployment that users ask about, in Russian (see `SUBJECT_TERMS` in en.py).
SUBJECT_TERMS = {
    "custom-domain": r"(?:сво\w*|собственн\w*|пользовательск\w*|корпоративн\w*|кастомн\w*) домен\w*|доменн\w* им\w*",
    "tls-certificate": r"сертификат\w*",
    "traffic-mirroring": r"зеркал\w*|тенев\w* (?:трафик|развертыван|развёртыван)\w*",
    "ip-allow-list": (r"бел\w* спис\w*|спис\w* (?:разреш[её]нн\w*|ip)|разреш[её]нн\w* ip|диапазон\w* ip|ip-диапазон\w*"
                      r"|определ[её]нн\w* ip|только (?:с|для) (?:\w+ )?ip"),
    "scale-to-zero": (r"до (?:нуля|0)(?![\w.])|(?<![\w.])(?:ноль|0) экземпляр\w*"
                      r"|(?:instance_count|числ\w* экземпляр\w*|количеств\w* экземпляр\w*) (?:в|на|до|=) ?(?:0|ноль)(?![\w.])"),
    "pricing": r"стоимост\w*|сколько стоит|(?<![а-яё])цен(?:а|ы|у|е|ой)?(?![а-яё])|тариф\w*|оплат\w*",
    "drift": r"дрейф\w*",
    "model-catalog": r"каталог\w* модел\w*",
    "streaming": r"потоков\w* ответ\w*|ответ\w* (?:\w+ )?потоком|стриминг\w* (?:ответ|токен)\w*",  # not a log's streaming
    "rename": r"переименова\w*",
    "migration": (r"(?:перен\w*|перемест\w*|мигр\w*|скопир\w*) .{0,60}(?:в|на) (?:друг\w*|нов\w*) (?:рабоч\w* област|workspace|подписк|тенант|регион)\w*"
                  r"|из одн\w* (?:рабоч\w* област\w*|workspace|подписк\w*|тенант\w*) в друг\w*"),
    "multi-model": r"нескольк\w* модел\w* (?:в|на) одн\w* (?:\w+[ -])?(?:развертыван|развёртыван|деплойм|эндпоинт|конечн|контейнер)\w*",
    "rollback": r"откат\w*",
    # or the input schema an MLflow model declares (its signature, in the words of a user who does not know the term)
    "model-signature": r"сигнатур\w*|схем\w* (?:\w+ ){0,3}mlflow-?модел\w*|mlflow-?модел\w* (?:\w+ ){0,2}схем\w*",
    "notifications": r"уведомлени\w*|уведомля\w*|оповещени\w*|алерт\w*",
    "responsible-ai": r"ответственн\w* (?:ии|ai|искусственн\w* интеллект\w*)",
    # switching on model data collection (asked with an infinitive or an imperative: not the participle of an entry's
    # "при включенном сборе данных", the permission it needs once on), or collecting a deployment's inputs and outputs
    "data-collection-setup": (r"(?:включить|включать|включи|настроить|настраивать|настрой|добавить|подключить) (?:\w+ ){0,2}"
                              r"сбор\w* (?:\w+ ){0,3}(?:данн|запрос|ответ|вход)\w*"
                              r"|(?:сбор\w*|собирать|сохранять|логировать) (?:\w+ ){0,2}(?:входн\w* и выходн\w*|запрос\w* и ответ\w*)"),
    "mlflow-flavors": r"фл[еэ]йвор\w*|(?<![\w-])flavou?rs? (?:mlflow|модел\w*)",
    # how a deployment is watched: its latency and request-count metrics on a dashboard or in an alert
    "latency-metrics": (r"(?:метрик|график|дашборд|панел)\w* (?:\w+ ){0,2}(?:задержк|латентн|времен\w* ответ"
                        r"|(?:числ|количеств)\w* (?:запрос|вызов))\w*"
                        r"|(?:задержк|латентност|времен\w* ответ)\w* (?:\w+ )?и (?:числ|количеств)\w* (?:запрос|вызов)\w*"),
    # scaling a deployment's instance count by a metric: the rules of Azure Monitor's autoscale, not AKS's own autoscaler
    "metric-autoscale": (r"(?:по|в зависимости от|на основе|исходя из) (?:загрузк|нагрузк|утилизац|использовани)\w* "
                         r"(?:cpu|цп|процессор|памят|gpu)\w*|автомасштабир\w* (?:\w+ ){0,2}(?:онлайн|управляем)\w*"
                         r"|правил\w* (?:авто)?масштабир\w*|автоматическ\w* (?:\w+ ){0,2}(?:увелич|уменьш|меня)\w* "
                         r"(?:\w+ ){0,2}(?:числ|количеств)\w* (?:экземпляр|инстанс)\w*"),
    # which VM sizes a deployment may use, and how many instances at most: limits to look up, not a failure
    "supported-sizes": (r"как\w* (?:\w+ ){0,3}(?:размер\w*|sku|тип\w* (?:вм|виртуальн\w*|инстанс\w*|экземпляр\w*)|сери\w*) "
                        r"(?:\w+ ){0,5}поддержива\w*|спис\w* (?:поддерживаем\w* )?(?:размер\w*|sku) (?:вм|виртуальн\w*)"),
    "instance-limits": (r"максимальн\w* (?:\w+ ){0,2}(?:instance_count|(?:числ|количеств)\w* (?:экземпляр|инстанс)\w*)"
                        r"|(?:предел|лимит|максимум)\w* (?:\w+ ){0,1}(?:числ|количеств)\w* (?:экземпляр|инстанс)\w*"
                        r"|сколько максим\w* (?:экземпляр|инстанс)\w*|сколько (?:экземпляр|инстанс)\w* (?:\w+ ){0,2}максим\w*"
                        r"|до скольк\w* (?:экземпляр|инстанс)\w*"),
    # the Azure ML extension a Kubernetes (Arc) cluster needs before it can host deployments: installing it, not deploying
    "cluster-extension": (r"расширени\w* (?:azure ?ml |azureml |ml |машинн\w* обучени\w* )?(?:\w+ ){0,2}(?:на|в|для) "
                          r"(?:\w+ ){0,3}(?:кластер\w*|arc|aks|kubernetes|кубернетес\w*)"),
    # the other Azure services and platform parts of `SUBJECT_TERMS` in en.py, in Cyrillic
    "triton": r"тритон\w*",
    "front-door": r"фронт-?дор\w*|брандмауэр\w* веб-приложени\w*",
    "staged-rollout": (r"сине-?зел[её]н\w*|канареечн\w*|a/b-?тест\w*"
                       r"|(?:поэтапн|постепенн)\w* (?:выкатк|развертыван|развёртыван|переключени|перевод|выпуск)\w*"),
    # running an endpoint's job at set times (a batch job that failed overnight is not about its schedule)
    "schedule": r"по расписанию|(?:запуск|вызов)\w* (?:\w+ ){0,2}по cron|(?<![а-яё])крон(?![а-яё])",
    # Azure Monitor's charts and logs of an endpoint: watching it, not fixing it
    "monitoring-setup": r"параметр\w* диагностик\w*|настро\w* диагностик\w*|обозревател\w* метрик\w*",
    "feature-store": r"хранилищ\w* (?:признаков|функций|фич)\w*",
    "data-labeling": r"разметк\w* данных|проект\w* разметки|маркировк\w* данных",
    "spark": r"(?:бессерверн\w*|synapse) spark|spark-?(?:пул|задани|кластер|вычислени|сеанс)\w*|спарк\w*",
    "soft-delete": (r"(?:обратим|мягк)\w* удалени\w*"
                    r"|восстанов\w* (?:\w+ )?удал[её]нн\w* (?:рабоч|workspace|эндпоинт|конечн|модел)\w*"),
    "image-scanning": r"уязвимост\w*|сканировани\w* (?:\w+ )?безопасност\w*|(?<![\w-])cve(?![\w-])",
    "spot-capacity": r"спотов\w* (?:вм|виртуальн|экземпляр|узл|инстанс|мощност)\w*|низкоприоритетн\w* (?:вм|виртуальн|узл|экземпляр)\w*",
    "ml-registry": r"реестр\w* (?:azure ?ml|azureml|машинного обучения)|(?:общ|централизованн|корпоративн)\w* реестр\w* модел\w*",
    # tags on an endpoint or a deployment, not an image's tag
    "resource-tags": (r"тег\w* (?:на|для|к) (?:\w+ )?(?:эндпоинт|конечн|развертыван|развёртыван)\w*"
                      r"|(?:эндпоинт|конечн\w* точк|развертыван|развёртыван)\w* (?:\w+ )?тег(?:и|ами|ов|ом)?(?![а-яё])"),
}

# Words of the covered knowledge's stage in Russian: deploying and scoring.
DEPLOYMENT_CUES = (
    r"к(?<!реестр к)(?<!blob-к)(?<!blob к)онтейнер\w*", r"к(?<!частная к)(?<!частной к)(?<!частную к)онечн\w* точк\w*", r"эндпо[ийі]нт\w*",
    r"развертыван\w*|развёртыван\w*|разв[её]рнут\w*|разворачива\w*|депло[йеюяи]\w*", r"веб-?служб\w*|веб-?сервис\w*", r"пакетн\w*",
    r"инференс\w*|вывод\w* модел\w*", r"скоринг\w*",
    r"задепло\w*|передепло\w*|редепло\w*",  # "задеплоили шаблон": deploying, with a prefix
)


LANGUAGE = Language(
    clear_cache=stem.cache_clear,
    code="ru",
    script="cyrillic",
    prefix=PREFIX,
    token=TOKEN,
    word_features=word_features,
    spaced=True,
    letters=r"[\u0400-\u04ff]",
    detect=detect,
    synonyms=SYNONYMS,
    status_before=(r"код(?:ом)?(?: состояния| ответа)?|статус(?:ом)?|ошибк[аиуое]|ошибкой|отвечает|возвращает"
                   r"|вернул(?:а|о|и|ся|ась)?|верн[её]т|получа(?:ю|ем|ет)|получил[аи]?|выда[её]т|отда[её]т|отдают"
                   r"|пада(?:ет|ют) с|прилета(?:ет|ют)|в ответ"),
    status_after=r"ошибк\w*|статус\w*|код\w*|ответ\w*",
    count_words=r"(?:строк|запис|файл|штук|раз|секунд|мс|минут|элемент|изображени|токен|узл|ядер|реплик)[а-яё]*",
    status_joiners=r"и|или|либо",
    family_words={
        "managed-online-endpoints": r"управляем\w*|онлайн-?\w*",
        "batch-endpoints": r"пакетн\w*",
        "docker-aci-aks": r"веб-?служб\w*|веб-?сервис\w*",
    },
    error_words=r"ошибк|исключени|сбой|упал|падает",
    informative_words=r"ошибк|сбой|не удалось",
    # "как исправить" asks for the fix of a failure, not how to do something
    how_to_words=r"\bкак\b(?! (?:это )?(?:исправить|починить|решить|побороть|избавиться|обойти|быть)\b)|каким образом|можно ли",
    other_products=r"1с|1c:|битрикс|яндекс|телеграм\w*|вконтакте",
    client_apps=r"(?<![а-яё])(?:эксел[ьея]\w*|андроид\w*|айфон\w*|мобильн\w* приложени\w*)",
    # a self-hosted MLflow server, Studio (classic) in Cyrillic; "not Azure ML", "without Azure ML"
    other_serving=(r"(?:сво\w*|собственн\w*) (?:сервер\w* )?mlflow(?: сервер\w*)?|сервер\w* mlflow"
                   r"|классическ\w* (?:верси\w* )?(?:ml )?studio|studio \(классическ"
                   r"|(?<![\w-])(?:без|не через|не используя|вместо) (?:azure ?ml|azureml|azure machine learning)" + _E),
    azure_ml_words=(r"машинного обучения azure|azure машинного обучения|(?:онлайн|пакетн\w*)[- ](?:эндпоинт|конечн)\w*"
                    r"|управляем\w* (?:онлайн[- ])?(?:эндпоинт|конечн)\w*"),
    where_words=r"\bгде\b|\bкуда\b|в как\w+ (?:файл|лог|журнал|папк)\w*|как\w+ (?:файл|лог|журнал)\w*",
    small_talk_words=(r"^\W*(?:привет|здравствуй|добр\w+ (?:утро|день|вечер)|спасибо)|как дела"
                      r"|как прошл\w* выходн|погод"
                      r"|как тебя зовут|кто ты|ты кто|ты (?:бот|робот|человек)|что ты умеешь"),  # the assistant itself
    neighbour_cues=NEIGHBOUR_CUES,
    deployment_cues=DEPLOYMENT_CUES,
    subject_terms=SUBJECT_TERMS,
)
