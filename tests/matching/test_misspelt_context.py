"""Typos in the words that set a question's context: the matcher reads the words meant, so a misspelt
deployment word or family name, a look-alike letter from the other keyboard layout, or a slip that one
entry's alias happens to spell leaves the answer where the well-spelt question has it."""
from __future__ import annotations


def _discounts(match) -> list[str]:
    return [str(reason["value"]) for reason in match.reasons if reason["type"] == "discount"]


def test_a_swapped_letter_in_the_deployment_word_does_not_make_it_a_neighbours_question(matcher):
    clean = matcher.match("развертывание падает с ResourceNotFound: образ в приватном реестре другой подписки, нет доступа")
    typed = matcher.match("развретывание падает с ResourceNotFound: образ в приватном реестре другой подписки, нет доступа")
    assert typed.matches and typed.matches[0].id == clean.matches[0].id
    assert not any(value.startswith("neighbour:") for value in _discounts(typed.matches[0]))
    assert abs(typed.matches[0].score - clean.matches[0].score) < 1.0


def test_a_latin_look_alike_letter_inside_a_russian_word_reads_as_the_word(matcher):
    clean = matcher.match("почему онлайн-развертывание не видит образ в частном реестре")
    typed = matcher.match("почему онлайн-развертывание не видит образ в частном рее\u0063тре")  # Latin c
    assert [(m.id, m.score) for m in typed.candidates] == [(m.id, m.score) for m in clean.candidates]


def test_a_misspelt_endpoint_still_names_the_batch_family(matcher):
    result = matcher.match("my batch endpiont has no valid deployments to route to")
    assert result.matches[0].id == "batch-no-valid-deployments-to-route"
    assert not result.ambiguous
    others = {match.id: match for match in result.candidates[1:]}
    assert "family_mismatch" in _discounts(others["http-404-not-found"])


def test_a_slip_spelt_in_one_entrys_alias_is_still_corrected_for_every_other_entry(matcher):
    for typed, meant in [("endpiont", "endpoint"), ("contianer", "container"), ("downlaod", "download")]:
        assert matcher._token_correction(typed) == meant


def test_a_short_real_word_is_not_read_as_its_swap(matcher):
    assert matcher._token_correction("exits") == "exits"
