"""The semantic layer: entry vectors built once (and cached by content), fused with word evidence,
and not asked at all when a code or a signature already decides."""
from __future__ import annotations

import numpy as np
import pytest

from app.matching import semantic
from app.matching.matcher import Matcher, _Evidence
from app.matching.scoring import ScoringParams
from app.matching.semantic import SemanticIndex


class LetterEncoder:
    """A deterministic stand-in for the sentence encoder: normalised letter counts."""

    def __init__(self) -> None:
        self.calls = 0

    def encode(self, texts: list[str]) -> np.ndarray:
        self.calls += 1
        vectors = np.zeros((len(texts), 512), dtype=np.float32)
        for row, text in enumerate(texts):
            for char in text.lower():
                vectors[row, ord(char) % 512] += 1.0
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.where(norms == 0, 1, norms)


def _entry(entry_id: str, title: str, aliases: list[str], codes: list[str] | None = None) -> dict:
    return {"id": entry_id, "family": "managed-online-endpoints", "kind": "symptom", "error_codes": codes or [],
            "http_statuses": [], "signatures": [], "patterns": [], "related": [], "commands": [],
            "content": {"en": {"title": title, "cause": title, "steps": "1. Fix it."}},
            "aliases": {"en": aliases},
            "sources": [{"doc": "x.txt", "anchor": "a", "lang": "en", "date": "2021-01-01"}]}


ENTRIES = [_entry("quota", "Not enough quota", ["quota exceeded"], ["ERR_1100"]),
           _entry("crash", "Container keeps crashing", ["container crash loop"])]


@pytest.fixture(autouse=True)
def _fresh_memo(monkeypatch):
    monkeypatch.setattr(semantic, "_MEMO", {})


def test_each_entry_gets_its_closest_text(tmp_path):
    index = SemanticIndex(ENTRIES, LetterEncoder(), tmp_path)
    best, per_text = index.similarities("container keeps crashing")
    assert best.argmax() == 1 and index.closest_text(1, per_text) == "Container keeps crashing"


def test_entry_vectors_are_encoded_once_and_then_read_from_the_cache(tmp_path):
    SemanticIndex(ENTRIES, LetterEncoder(), tmp_path)
    semantic._MEMO.clear()
    encoder = LetterEncoder()
    SemanticIndex(ENTRIES, encoder, tmp_path)
    assert encoder.calls == 0 and len(list(tmp_path.glob("semantic-*.npy"))) == 1


def test_a_cache_folder_that_cannot_be_written_still_gives_vectors(tmp_path, caplog):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    index = SemanticIndex(ENTRIES, LetterEncoder(), blocked / "cache")
    best, _ = index.similarities("container keeps crashing")
    assert best.argmax() == 1
    assert "semantic vectors not cached" in caplog.text


def test_changed_knowledge_gets_new_vectors(tmp_path):
    SemanticIndex(ENTRIES, LetterEncoder(), tmp_path)
    SemanticIndex([*ENTRIES, _entry("new", "Brand new entry", ["new"])], LetterEncoder(), tmp_path)
    assert len(list(tmp_path.glob("semantic-*.npy"))) == 2


def test_a_code_decides_without_asking_the_encoder(tmp_path):
    encoder = LetterEncoder()
    matcher = Matcher(ENTRIES, encoder=encoder, cache_dir=tmp_path)
    encoder.calls = 0
    assert matcher.match("ERR_1100").matches[0].id == "quota"
    assert encoder.calls == 0


def test_semantic_evidence_is_named_in_the_reasons(tmp_path):
    matcher = Matcher(ENTRIES, encoder=LetterEncoder(), cache_dir=tmp_path)
    candidates = matcher.match("containr kepps crashng").candidates
    assert any(reason["type"] == "semantic" for reason in candidates[0].reasons)


@pytest.mark.parametrize("query", ["hello, how are you today?", "npm install fails with EACCES", "ERR_9999 containr"])
def test_the_encoder_is_not_asked_when_no_entry_could_reach_the_threshold(tmp_path, query):
    """Small talk, another product, an unknown code: discounts keep every entry below the threshold
    whatever the meaning says, so the encoder's milliseconds would change no answer."""
    encoder = LetterEncoder()
    matcher = Matcher(ENTRIES, encoder=encoder, cache_dir=tmp_path)
    encoder.calls = 0
    assert matcher.match(query).matches == []
    assert encoder.calls == 0


def test_the_encoder_is_asked_when_meaning_could_decide(tmp_path):
    encoder = LetterEncoder()
    matcher = Matcher(ENTRIES, encoder=encoder, cache_dir=tmp_path)
    encoder.calls = 0
    matcher.match("containr kepps crashng")
    assert encoder.calls == 1


def test_blas_runs_one_thread_once_the_encoder_is_loaded():
    """With the default thread count, the similarity product left OpenBLAS threads waiting for a core
    on a busy machine: tens of milliseconds for a sub-millisecond product."""
    from threadpoolctl import threadpool_info

    semantic.default_encoder()
    assert all(pool["num_threads"] == semantic.ENCODER_THREADS for pool in threadpool_info()
               if pool["user_api"] == "blas")


def test_a_text_shared_by_entries_is_encoded_once(tmp_path):
    encoded: list[str] = []

    class Recording(LetterEncoder):
        def encode(self, texts: list[str]) -> np.ndarray:
            encoded.extend(texts)
            return super().encode(texts)

    twins = [*ENTRIES, _entry("twin", "Not enough quota", ["quota exceeded"])]
    index = SemanticIndex(twins, Recording(), tmp_path)
    assert sorted(encoded) == sorted(set(index.texts)) and len(encoded) < len(index.texts)
    best, _ = index.similarities("not enough quota")
    assert best[0] == best[2]


def test_the_encoder_reads_a_misspelt_word_as_meant_but_keeps_a_word_of_its_own(tmp_path):
    """`containr` and `crahsing` are slips of known words: the encoder, which knows no misspelling, reads
    the words meant. `containers` is a known word with a letter more, as often another real word
    (`least`, `выход`): the word features try both, the encoder reads it as typed."""
    encoded: list[str] = []

    class Recording(LetterEncoder):
        def encode(self, texts: list[str]) -> np.ndarray:
            encoded.extend(texts)
            return super().encode(texts)

    matcher = Matcher(ENTRIES, encoder=Recording(), cache_dir=tmp_path)
    encoded.clear()
    matcher.match("my containr is crahsing again")
    matcher.match("all containers crash at start")
    assert encoded == ["my container is crashing again", "all containers crash at start"]


def test_workers_map_the_cached_vectors_instead_of_copying_them(tmp_path):
    """A mapped file's pages are shared by every worker: at 100x knowledge the vectors are a gigabyte."""
    built = SemanticIndex(ENTRIES, LetterEncoder(), tmp_path)
    semantic._MEMO.clear()
    mapped = SemanticIndex(ENTRIES, LetterEncoder(), tmp_path)
    assert isinstance(built.vectors, np.memmap) and isinstance(mapped.vectors, np.memmap)
    assert np.array_equal(built.vectors, mapped.vectors)


def test_a_query_seen_before_is_not_encoded_again(tmp_path):
    """Encoding is most of a match that needs meaning: the same problem pasted again costs no encoder run."""
    encoder = LetterEncoder()
    matcher = Matcher(ENTRIES, encoder=encoder, cache_dir=tmp_path)
    encoder.calls = 0
    first = matcher.match("containr kepps crashng")
    again = matcher.match("containr kepps crashng")
    assert encoder.calls == 1
    assert [(m.id, m.score, m.reasons) for m in again.candidates] == [(m.id, m.score, m.reasons)
                                                                     for m in first.candidates]


def test_pastes_that_differ_only_in_long_numbers_share_one_encoding(tmp_path):
    """Retry delays, process ids and counters vary with every paste of the same error."""
    encoder = LetterEncoder()
    matcher = Matcher(ENTRIES, encoder=encoder, cache_dir=tmp_path)
    encoder.calls = 0
    first = matcher.match("containr kepps crashng after 73742 restarts")
    again = matcher.match("containr kepps crashng after 10290 restarts")
    assert encoder.calls == 1
    assert [m.id for m in again.candidates] == [m.id for m in first.candidates]
    assert semantic.encoder_text("retry-after: 72419 (attempt 12)") == "retry-after: (attempt 12)"
    assert semantic.encoder_text("err_10001 on port 8080") == "err_10001 on port 8080"


def _described(entry_id: str, title: str, cause: str, aliases: list[str]) -> dict:
    entry = _entry(entry_id, title, aliases)
    entry["content"]["en"]["cause"] = cause
    return entry


# One alias of "lucky" happens to be the query; every text of "steady" says nearly what it says.
LUCKY_AND_STEADY = [_described("lucky", "qqqq", "qqqq", ["abc", "zzzz", "yyyy"]),
                    _described("steady", "abcd", "abce", ["abcf"])]


def test_an_entry_whose_texts_agree_outweighs_one_alias_close_by_chance(tmp_path):
    """A generic alias close to a question says less than an entry whose texts all are: the language
    profile (the mean direction of an entry's texts) carries `profile_share` of the similarity."""
    index = SemanticIndex(LUCKY_AND_STEADY, LetterEncoder(), tmp_path)
    by_text, _ = index.similarities("abc")
    blended, closeness = index.similarities("abc", profile_share=0.7)
    assert by_text.argmax() == 0 and blended.argmax() == 1
    assert closeness.closest[0] == pytest.approx(1.0) and closeness.profile[1] > closeness.profile[0]


def test_profiles_come_from_the_cached_vectors_without_encoding(tmp_path):
    SemanticIndex(LUCKY_AND_STEADY, LetterEncoder(), tmp_path)
    semantic._MEMO.clear()
    encoder = LetterEncoder()
    index = SemanticIndex(LUCKY_AND_STEADY, encoder, tmp_path)
    assert encoder.calls == 0 and index.profiles.shape == (2, 512)
    assert np.allclose(np.linalg.norm(index.profiles, axis=1), 1.0)


def test_only_the_first_entry_gets_its_lead_and_the_reasons_say_so(tmp_path):
    """A question an entry answers stands out from the rest; one no entry answers is close to several."""
    index = SemanticIndex(ENTRIES, LetterEncoder(), tmp_path)
    plain, _ = index.similarities("container keeps crashing")
    led, closeness = index.similarities("container keeps crashing", lead=1.0, lead_floor=0.01)
    margin = float(plain[1] - plain[0])
    assert led[1] == pytest.approx(plain[1] + margin - 0.01) and led[0] == pytest.approx(plain[0])
    assert index.explain(1, closeness)["lead"] == pytest.approx(margin - 0.01, abs=1e-3)
    assert "lead" not in index.explain(0, closeness)
    assert index.explain(1, closeness)["value"] == "Container keeps crashing"


def test_semantic_reasons_name_the_closest_text_its_cosine_the_profile_and_the_similarity(tmp_path):
    matcher = Matcher(ENTRIES, encoder=LetterEncoder(), cache_dir=tmp_path)
    reason = next(reason for reason in matcher.match("containr kepps crashng").candidates[0].reasons
                  if reason["type"] == "semantic")
    assert {"value", "cosine", "profile", "similarity", "score"} <= set(reason)


@pytest.mark.parametrize("query", ["Traceback: containr kepps crashng", "containr kepps crashng " * 10])
def test_pasted_error_output_and_long_pastes_are_compared_by_their_closest_text(tmp_path, query):
    """The encoder reads a paste's first lines, a log's header: close to a whole stage's entries."""
    matcher = Matcher(ENTRIES, encoder=LetterEncoder(), cache_dir=tmp_path)
    reasons = [reason for match in matcher.match(query).candidates
               for reason in match.reasons if reason["type"] == "semantic"]
    assert reasons and all("lead" not in reason and reason["similarity"] == reason["cosine"] for reason in reasons)


def test_a_question_read_whole_gets_the_lead(tmp_path):
    matcher = Matcher(ENTRIES, encoder=LetterEncoder(), cache_dir=tmp_path)
    reasons = [reason for match in matcher.match("containr kepps crashng").candidates
               for reason in match.reasons if reason["type"] == "semantic"]
    assert any("lead" in reason for reason in reasons)


def test_doubt_keeps_words_close_in_meaning_and_discounts_far_ones_down_to_a_floor():
    params = ScoringParams(semantic_doubt_below=0.4, semantic_doubt_slope=2.0, semantic_doubt_least=0.5)
    assert semantic.doubt(0.4, params) == 1.0 and semantic.doubt(0.9, params) == 1.0
    assert semantic.doubt(0.3, params) == pytest.approx(0.8)
    assert semantic.doubt(-0.5, params) == 0.5


def test_doubted_words_lose_score_and_the_reasons_say_by_how_much():
    """An entry the words found but the encoder reads as another subject keeps part of its word score."""
    params = ScoringParams(semantic_doubt_below=0.4, semantic_doubt_slope=2.0, semantic_doubt_least=0.5)
    evidence = {0: _Evidence(text=60.0), 1: _Evidence(text=60.0), 2: _Evidence(semantic=30.0)}
    semantic.doubt_words(np.asarray([0.3, 0.5, 0.1], dtype=np.float32), evidence, params)
    assert evidence[0].text == pytest.approx(48.0) and evidence[1].text == 60.0
    assert evidence[0].reasons == [{"type": "discount", "value": "semantic_doubt", "factor": 0.8, "similarity": 0.3}]
    assert not evidence[1].reasons and not evidence[2].reasons


def test_words_strong_enough_to_spare_the_encoder_are_not_doubted():
    """Else an entry's score would depend on whether another one came close enough to ask the encoder."""
    params = ScoringParams(semantic_doubt_below=0.4, semantic_skip_text=75.0)
    evidence = {0: _Evidence(text=80.0)}
    semantic.doubt_words(np.asarray([0.0], dtype=np.float32), evidence, params)
    assert evidence[0].text == 80.0 and not evidence[0].reasons


def test_words_too_weak_to_answer_are_not_doubted():
    """They answer nothing anyway; a conversation reads a short follow-up's few words as they are."""
    params = ScoringParams(semantic_doubt_below=0.4, threshold=45.0)
    evidence = {0: _Evidence(text=40.0)}
    semantic.doubt_words(np.asarray([0.0], dtype=np.float32), evidence, params)
    assert evidence[0].text == 40.0 and not evidence[0].reasons


@pytest.mark.parametrize("query", ["Traceback: containr kepps crashng", "containr kepps crashng " * 10])
def test_pasted_error_output_and_long_pastes_are_not_doubted(tmp_path, query):
    """The encoder reads only a paste's first lines: too little of it to doubt its words."""
    params = ScoringParams(semantic_doubt_below=2.0, threshold=5.0)
    matcher = Matcher(ENTRIES, params=params, encoder=LetterEncoder(), cache_dir=tmp_path)
    assert not any(reason["value"] == "semantic_doubt" for match in matcher.match(query).candidates
                   for reason in match.reasons if reason["type"] == "discount")


def test_a_question_read_whole_is_doubted_where_meaning_is_far(tmp_path):
    params = ScoringParams(semantic_doubt_below=2.0, threshold=5.0)
    matcher = Matcher(ENTRIES, params=params, encoder=LetterEncoder(), cache_dir=tmp_path)
    assert any(reason["value"] == "semantic_doubt" for match in matcher.match("containr kepps crashng").candidates
               for reason in match.reasons if reason["type"] == "discount")


def test_doubt_grows_with_the_share_of_the_question_the_entry_leaves_unexplained():
    params = ScoringParams(semantic_doubt_below=0.4, semantic_doubt_slope=2.0, semantic_doubt_least=0.5,
                           semantic_doubt_unexplained=2.0)
    assert semantic.doubt(0.3, params, unexplained=0.0) == pytest.approx(0.8)
    assert semantic.doubt(0.3, params, unexplained=0.5) == pytest.approx(0.7)
    assert semantic.doubt(0.5, params, unexplained=1.0) == 1.0  # meaning close enough: no doubt at all


def test_an_entry_that_explains_half_the_question_keeps_less_of_its_words_than_one_that_explains_it_all():
    """A question whose subject the entry never names asks about something else than the entry."""
    params = ScoringParams(semantic_doubt_below=0.4, semantic_doubt_slope=1.0, semantic_doubt_least=0.5,
                           semantic_doubt_unexplained=2.0)
    evidence = {0: _Evidence(text=60.0, explained=1.0), 1: _Evidence(text=60.0, explained=0.5)}
    semantic.doubt_words(np.asarray([0.3, 0.3], dtype=np.float32), evidence, params)
    assert evidence[1].text < evidence[0].text == pytest.approx(54.0)


def test_a_question_with_words_no_entry_uses_is_doubted_more(tmp_path):
    params = ScoringParams(semantic_doubt_below=2.0, semantic_doubt_slope=0.01, semantic_doubt_least=0.0,
                           threshold=5.0, semantic_doubt_unexplained=0.2)
    matcher = Matcher(ENTRIES, params=params, encoder=LetterEncoder(), cache_dir=tmp_path)

    def factor(query: str) -> float:
        return next(reason["factor"] for match in matcher.match(query).candidates if match.id == "quota"
                    for reason in match.reasons if reason.get("value") == "semantic_doubt")

    assert factor("quota exceeded marmalade xylophone zeppelin") < factor("quota exceeded")
