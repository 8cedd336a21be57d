"""English and the Latin script: stems, stop words, identifiers, synonyms, detection, cue words."""
import pytest

from app.matching.features import features
from app.matching.language import detect_language
from app.matching.languages import en
from app.matching.normalize import normalize

W = en.PREFIX


def feats(text: str) -> list[str]:
    return features(normalize(text))


def test_english_word_forms_share_one_stem():
    assert set(feats("deploying deployed deployments deploy")) == {f"{W}:deploy"}


def test_english_stop_words_and_single_letters_give_nothing():
    assert feats("what is the a b c of it") == []
    assert feats("the endpoint is not working") == [f"{W}:endpoint", f"{W}:work"]


def test_contractions_listed_as_stop_words_give_nothing():
    """They were once compared only by part (`it`, `s`), so `w:it's` tied chatty sentences together."""
    assert feats("it's don't can't") == []


def test_bare_http_status_numbers_are_not_words():
    """Statuses are extracted as evidence of their own; as words they would tie every alias together."""
    assert feats("HTTP/1.1 504 500 404") == [f"{W}:http"]
    assert feats("port 2045") == [f"{W}:port", f"{W}:2045"]


def test_compound_identifier_counts_whole_and_by_part():
    assert feats("request_timeout_ms") == [f"{W}:request_timeout_ms", f"{W}:request", f"{W}:timeout", f"{W}:ms"]
    assert feats("nvidia.com/gpu") == [f"{W}:nvidia.com/gpu", f"{W}:nvidia", f"{W}:com", f"{W}:gpu"]


def test_code_like_token_with_one_word_part_is_not_kept_whole():
    assert feats("err_1100") == [f"{W}:err", f"{W}:1100"]


def test_alphanumeric_parts_are_not_stemmed():
    assert feats("k8s v2") == [f"{W}:k8s", f"{W}:v2"]


@pytest.mark.parametrize("user_word,knowledge_word", [
    ("remove", "delete"), ("reboot", "restart"), ("pods", "container"), ("oomkilled", "memory")])
def test_user_words_meet_the_knowledge_word(user_word, knowledge_word):
    assert feats(user_word) == feats(knowledge_word)


def test_synonyms_apply_to_other_forms_of_the_word():
    assert feats("removed") == feats("remove") == feats("delete")


def test_synonyms_apply_inside_identifiers():
    assert f"{W}:delet" in feats("remove_endpoint")


def test_word_without_synonym_is_unchanged():
    assert feats("quota") == [f"{W}:quota"]


def test_a_long_start_up_time_is_not_a_timeout():
    """`timed` once mapped to `timeout`, and stemming made every `time` a timeout."""
    assert "timeout" not in " ".join(feats("the deployment takes a long time to start"))


def test_english_is_the_language_of_plain_latin_text():
    assert detect_language("Deployment failed with an internal error") == "en"


@pytest.mark.parametrize("text", ["ERR_1100", "429", "HTTP 504", "   "])
def test_code_only_pastes_have_no_language(text):
    assert detect_language(text) is None


@pytest.mark.parametrize("word,target", sorted(en.SYNONYMS.items()))
def test_every_synonym_row_maps_to_a_different_stem(word, target):
    """A row whose word already stems like its target (`restarting`) changes nothing."""
    assert en.stem(word) != en.stem(target)


@pytest.mark.parametrize("text", [
    "apparently my colleague said so a few weeks ago",
    "i think we're supposed to, maybe overnight",
    "cant dont doesnt wich teh",
])
def test_the_story_around_a_problem_gives_no_words(text):
    """Hedges, times and people the knowledge never names would each weigh as its rarest word."""
    assert feats(text) == []


def test_a_story_word_does_not_hide_the_problem():
    assert feats("apparently the endpoint returns nothing since yesterday") == [
        f"{W}:endpoint", f"{W}:return", f"{W}:noth", f"{W}:sinc"]
