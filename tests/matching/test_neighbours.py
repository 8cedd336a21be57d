"""Which neighbouring topic a folded paste is about, and whether that is beyond doubt."""
import pytest

from app.i18n import STRINGS
from app.matching.neighbours import TOPICS, neighbour_topic
from app.matching.normalize import normalize


def sighting(text):
    return neighbour_topic(normalize(text))


def test_a_conclusive_cue_without_deployment_words_is_beyond_doubt():
    found = sighting("AutoML child run failed during featurization")
    assert found is not None and found.topic.id == "automl" and found.conclusive


def test_deployment_words_keep_a_sighting_from_being_conclusive():
    found = sighting("the AutoML run and the environment image build both failed before I deployed to an online endpoint")
    assert found is None or not found.conclusive


def test_a_deployment_paste_naming_a_neighbour_is_no_sighting():
    assert sighting("deployed my AutoML model to a managed online endpoint: ResourceNotReady") is None


@pytest.mark.parametrize("text", ["'ml' is misspelled or not recognized by the system",
                                  "Did you mean 'online-endpoint'? az ml service list is not a command group"])
def test_cli_renames_are_the_cli_topic(text):
    found = sighting(text)
    assert found is not None and found.topic.id == "cli-install"


def test_every_topic_is_named_in_every_language_and_links_its_documentation():
    for topic in TOPICS:
        assert topic.docs_url.startswith("https://learn.microsoft.com/")
        for strings in STRINGS.values():
            assert strings[f"topic_{topic.id}"]
