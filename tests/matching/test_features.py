"""Features of any text: tokens by script, each token's features from its language's module
(tests/matching/languages/ has each language's own), and no text that makes them fail."""
from hypothesis import given, settings
from hypothesis import strategies as st

from app.matching.features import features, tokens, word_features
from app.matching.languages import BY_SCRIPT, UNIGRAM
from app.matching.normalize import normalize

PREFIXES = {lang.prefix for lang in BY_SCRIPT.values()} | {
    lang.prefix + UNIGRAM for lang in BY_SCRIPT.values() if not lang.spaced}


def test_tokens_name_the_script_of_each_run_in_order():
    assert tokens("deploy упал 배포 部署") == [
        ("latin", "deploy"), ("cyrillic", "упал"), ("hangul", "배포"), ("han", "部署")]


def test_identifiers_stay_one_token():
    assert tokens("request_timeout_ms nvidia.com/gpu 70_driver_log.txt") == [
        ("latin", "request_timeout_ms"), ("latin", "nvidia.com/gpu"), ("latin", "70_driver_log.txt")]


def test_punctuation_and_emoji_are_not_tokens():
    assert tokens("!!! ??? 🙂 — ☃") == []


def test_each_token_gets_the_features_of_its_language():
    assert features("deploy 배포") == BY_SCRIPT["latin"].word_features("deploy") + BY_SCRIPT["hangul"].word_features("배포")


def test_unknown_script_label_gives_no_features():
    assert word_features("greek", "λάθος") == []


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_any_text_gives_tokens_and_features_without_error(text):
    for source in (text, normalize(text)):
        for script, token in tokens(source):
            assert script in BY_SCRIPT
            assert token and token in source
        for feature in features(source):
            prefix, _, value = feature.partition(":")
            assert prefix in PREFIXES and value


WORDS = st.sampled_from(["deploy", "упал", "배포", "部署", "request_timeout_ms", "ошибка", "quota", "the", "502"])


@settings(max_examples=100, deadline=None)
@given(st.lists(WORDS, max_size=6), st.lists(WORDS, max_size=6))
def test_joining_two_texts_joins_their_features(first, second):
    a, b = " ".join(first), " ".join(second)
    assert features(f"{a}\n{b}") == features(a) + features(b)
