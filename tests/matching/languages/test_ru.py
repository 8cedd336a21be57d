"""Russian and the Cyrillic script: stems cut at seven letters, stop words, synonyms, detection."""
import pytest

from app.matching.extract import http_statuses
from app.matching.features import features
from app.matching.language import detect_language
from app.matching.languages import ru
from app.matching.neighbours import names_deployment
from app.matching.normalize import fold, normalize

R = ru.PREFIX


def feats(text: str) -> list[str]:
    return features(normalize(text))


@pytest.mark.parametrize("forms", [
    ("перезапуск", "перезапускается"),
    ("развертывание", "развертывать"),   # Snowball keeps these apart; the 7-letter cut joins them
    ("ошибка", "ошибки", "ошибкой"),
])
def test_russian_word_forms_share_one_stem(forms):
    assert len({tuple(feats(form)) for form in forms}) == 1
    assert all(feature.startswith(f"{R}:") for feature in feats(forms[0]))


def test_russian_stems_are_cut_at_seven_letters():
    assert all(len(feature.split(":", 1)[1]) <= ru.STEM_LENGTH for feature in feats("перезапускается развертывание"))


def test_yo_and_ye_spellings_meet():
    assert feats("Ёлка") == feats("елка")


def test_russian_stop_words_are_dropped_and_hyphenated_words_split():
    assert feats("что-то не работает") == [f"{R}:работа"]
    assert feats("онлайн-служба") == [f"{R}:онлайн", f"{R}:служб"]


@pytest.mark.parametrize("user_word,knowledge_word", [
    ("сервис", "служба"), ("деплой", "развертывание"), ("логи", "журнал"), ("ребут", "перезапуск")])
def test_user_words_meet_the_knowledge_word(user_word, knowledge_word):
    assert feats(user_word) == feats(knowledge_word)


def test_synonyms_apply_to_other_forms_of_the_word():
    assert feats("сервисы") == feats("служба")


@pytest.mark.parametrize("form", ["деплоймент", "деплойментов", "деплойменте"])
def test_the_deployment_resource_in_slang_meets_the_knowledge_word_in_every_case(form):
    assert feats(form) == feats("развертываний")


@pytest.mark.parametrize("text", ["Развертывание падает с ошибкой", "ERR_1102 что делать?"])
def test_cyrillic_text_is_russian(text):
    assert detect_language(text) == "ru"


def test_one_cyrillic_letter_is_not_enough():
    assert detect_language("deployment failed я") == "en"


@pytest.mark.parametrize("text,status", [("эндпоинт отвечает 502", 502), ("получаю 429 ошибку", 429)])
def test_russian_words_around_a_status_mark_it(text, status):
    assert http_statuses(normalize(text)) == [status]


@pytest.mark.parametrize("word,target", sorted(ru.SYNONYMS.items()))
def test_every_synonym_row_maps_to_a_different_stem(word, target):
    """A row whose word already stems like its target (`удалить`) changes nothing."""
    assert ru.stem(word) != ru.stem(target)


@pytest.mark.parametrize("text", ["упало при деплое модели", "логи деплоя пустые", "проблема с деплоем",
                                  "не понимаю, что случилось с деплоем вчера", "задеплоили новую версию",
                                  "разворачиваю модель на кластере"])
def test_every_form_of_the_russian_deploy_words_names_the_deployment_stage(text):
    """`деплое`, `деплоя`, `деплоем` are the same word as `деплой`, and `разворачивать` is `развернуть` in progress:
    a paste that says them is a deployment's."""
    assert names_deployment(fold(text))


def test_a_short_hyphenated_word_also_counts_whole():
    assert f"{R}:таймаут" in feats("тайм-аут") and feats("таймаут") == [f"{R}:таймаут"]
    assert f"{R}:онлайнр" not in feats("онлайн-развертывание")  # two words joined: their cut names neither


@pytest.mark.parametrize(("everyday", "knowledge"), [
    ("веб-сервиса", "веб-службы"),      # the hyphenated word's joined form too
    ("воркспейсе", "области"),
])
def test_everyday_russian_words_give_the_knowledge_words_features(everyday, knowledge):
    assert feats(everyday) == feats(knowledge)


def test_whose_it_is_when_it_happened_and_asking_to_understand_give_no_features():
    assert feats("на нашем кластере недавно, как понять") == feats("на кластере, как")
