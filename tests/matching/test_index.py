"""The knowledge index on small inline entries: what each entry contributes, how candidates are
found through the inverted index, how IDF weighs words, and how typos are resolved."""
import math
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.matching import index as index_module
from app.matching.features import features, token_texts, tokens
from app.matching.index import UNIGRAM_FACTOR, KnowledgeIndex
from app.matching.lexicon import SUBJECTS
from app.matching.matcher import Matcher
from app.matching.normalize import fold, normalize


def entry(entry_id, title, *, cause="Why it happens.", steps="1. Fix it.", content=None, aliases=None, **fields):
    return {"id": entry_id, "family": "managed-online-endpoints", "kind": "symptom",
            "content": content or {"en": {"title": title, "cause": cause, "steps": steps}},
            "aliases": aliases or {}, **fields}


def phrase_candidates(index, text):
    """Entries with a title, alias or signature sharing a feature with the text."""
    return {index.ids[index.phrase_entry[number]] for feature in features(normalize(text))
            for number in index.postings.get(index.feature_id(feature))}


def prose_candidates(index, text):
    """Entries whose cause, steps or command descriptions share a feature with the text."""
    return {index.ids[position] for feature in features(normalize(text))
            for position in index.body_postings.get(index.feature_id(feature))}


def phrases(index):
    return [index.phrase(number) for number in range(index.phrase_count())]


ENTRIES = [
    entry("quota", "Deployment quota exceeded",
          aliases={"ru": ["Квота превышена"], "ko": ["할당량 부족"], "zh": ["配额不足"]},
          error_codes=["ERR_1100"], http_statuses=[429],
          signatures=["QuotaExceeded: not enough cores"],
          patterns=[r"quota (?:of|for) \d+ cores"],
          cause="The subscription has no cores left.",
          commands=[{"tool": "az", "command": "az ml zebra list",
                     "description": {"en": "Lists the giraffes"}}]),
    entry("timeout", "Deployment timeout", cause="The container took too long to start.",
          http_statuses=[429, 504]),
    entry("image", "Image build failed", cause="The deployment image has a broken conda file."),
    entry("auth", "Authentication failed", aliases={"en": ["how do I", "401 unauthorized"]}),
]


@pytest.fixture(scope="module")
def index():
    return KnowledgeIndex(ENTRIES)


# --- what is indexed per entry ----------------------------------------------------------

def test_codes_and_statuses_lead_to_the_entries_that_answer_them(index):
    assert [index.ids[p] for p in index.codes["ERR_1100"]] == ["quota"]
    assert [index.ids[p] for p in index.statuses[429]] == ["quota", "timeout"]
    assert index.codes.get("ERR_1101") is None
    assert index.statuses.get(500) is None


def test_titles_aliases_and_signatures_in_every_language_are_phrases(index):
    kinds = {(p.kind, p.lang) for p in phrases(index) if index.ids[p.entry] == "quota"}
    assert kinds == {("title", "en"), ("alias", "ru"), ("alias", "ko"), ("alias", "zh"), ("signature", "en")}


@pytest.mark.parametrize("query", ["quota exceeded", "квоты превышены", "할당량이 부족해요", "配额不足",
                                   "not enough cores"])
def test_each_phrase_finds_its_entry_in_its_language(index, query):
    assert phrase_candidates(index, query) == {"quota"}


def test_only_entries_sharing_a_word_are_candidates(index):
    assert phrase_candidates(index, "deployment") == {"quota", "timeout"}
    assert phrase_candidates(index, "failed") == {"image", "auth"}
    assert phrase_candidates(index, "zzz unrelated words") == set()


def test_prose_is_indexed_apart_from_the_phrases(index):
    assert phrase_candidates(index, "subscription cores left") == {"quota"}  # "cores" is in the signature
    assert prose_candidates(index, "subscription") == {"quota"}
    assert phrase_candidates(index, "subscription") == set()
    assert prose_candidates(index, "conda") == {"image"}


def test_a_word_of_both_a_phrase_and_the_prose_counts_as_a_phrase_word(index):
    """`deployment` is in the image entry's prose only, but in the quota entry's title too."""
    assert prose_candidates(index, "deployment") == {"image"}


def test_command_descriptions_are_indexed_but_command_lines_are_not(index):
    assert prose_candidates(index, "giraffes") == {"quota"}
    assert prose_candidates(index, "zebra") == set()
    assert phrase_candidates(index, "zebra") == set()


def test_a_phrase_of_only_stop_words_is_not_indexed(index):
    aliases = [p.text for p in phrases(index) if index.ids[p.entry] == "auth" and p.kind == "alias"]
    assert aliases == ["401 unauthorized"]


def test_signatures_are_found_by_their_longest_word_in_normalised_form(index):
    [number] = index.signatures_by_word["quotaexceeded"]
    signature = index.signatures[number]
    assert (index.ids[signature.entry], signature.text, signature.original) == (
        "quota", "quotaexceeded: not enough cores", "QuotaExceeded: not enough cores")


def test_a_signature_that_normalises_to_nothing_is_skipped():
    index = KnowledgeIndex([entry("e", "Title", signatures=["2024-01-02 10:00:00", "real signature"])])
    assert [s.original for s in index.signatures] == ["real signature"]


@pytest.mark.parametrize("pattern,anchor", [
    (r"quota (?:of|for) \d+ cores", "quota"),
    (r"out of memory(?: error)?", "memory"),       # words in optional parts are not required
    (r"colou?r exceeded", "exceeded"),
    (r"\bkilled\b", "killed"),
])
def test_a_pattern_runs_only_when_its_required_word_is_present(pattern, anchor):
    index = KnowledgeIndex([entry("e", "Title", patterns=[pattern])])
    assert dict(index.patterns_by_anchor) == {anchor: [0]}
    assert index.unanchored_patterns == []


@pytest.mark.parametrize("pattern", [r"oom|killed", r"(?:foo|bar)baz", r"\d+ gpus?"])
def test_a_pattern_without_a_required_word_always_runs(pattern):
    index = KnowledgeIndex([entry("e", "Title", patterns=[pattern])])
    assert index.unanchored_patterns == [0]
    assert not index.patterns_by_anchor


def test_patterns_ignore_case(index):
    assert index.patterns[0].regex.search("Quota For 24 Cores")


# --- IDF weighting ----------------------------------------------------------------------

def test_a_rarer_word_weighs_more(index):
    deploy, = features("deployment")
    quota, = features("quota")
    assert index.weight(quota) > index.weight(deploy) > 0


def test_prose_mentions_make_a_word_more_common(index):
    """`deployment` is in two titles and one entry's prose: three of four entries use it."""
    deploy, = features("deployment")
    timeout, = features("timeout")
    assert index.frequency(index.feature_id(deploy)) == 3
    assert index.weight(deploy) < index.weight(timeout)


def test_a_word_the_knowledge_never_uses_weighs_as_much_as_the_rarest(index):
    assert index.weight("w:neverseen") == index.max_idf
    assert index.weight("w:neverseen") > max(index.weight(feature) for phrase in phrases(index)
                                             for feature in features(normalize(phrase.text)))


def test_single_cjk_characters_count_at_a_discount(index):
    assert index.weight("h1:配") == pytest.approx(index.weight("h:配额") * UNIGRAM_FACTOR)
    assert index.weight("h1:未") == pytest.approx(index.max_idf * UNIGRAM_FACTOR)


def test_a_phrase_weighs_the_sum_of_its_words(index):
    for number, phrase in enumerate(phrases(index)):
        assert index.phrase_weight[number] == pytest.approx(
            sum(map(index.weight, dict.fromkeys(features(normalize(phrase.text))))))


def test_an_empty_knowledge_still_weighs_words():
    index = KnowledgeIndex([])
    assert index.weight("w:anything") == pytest.approx(math.log(2 / 0.5))
    assert index.correction("anything") is None


def test_the_rarer_shared_word_decides_the_match():
    entries = [entry(name, f"Deployment {word}") for name, word in
               [("quota", "quota exceeded"), ("timeout", "timeout"), ("image", "image build failed"),
                ("auth", "authentication failed"), ("logs", "logs missing")]]
    result = Matcher(entries).match("deployment quota")
    assert [m.id for m in result.candidates][:1] == ["quota"]
    # a word every entry shares says nothing: no entry stands out
    assert len({m.score for m in Matcher(entries).match("deployment").candidates}) == 1


# --- typo vocabulary --------------------------------------------------------------------

@pytest.mark.parametrize("typo,word", [
    ("deploymnet", "deployment"),   # swapped letters
    ("deploymen", "deployment"),    # missing letter
    ("quotaa", "quota"),            # extra letter
    ("imaeg", "image"),
    ("timeont", "timeout"),         # a wrong letter, in a word of seven letters
    ("quotaexcedded", "quotaexceeded"),
])
def test_a_misspelt_word_is_corrected_to_a_known_one(index, typo, word):
    assert index.correction(typo) == word


@pytest.mark.parametrize("word", [
    "deployment",   # already known
    "xeployment",   # the first letter differs
    "quotq",        # a wrong letter in a short word could be another real word
    "imag",         # too short to correct
    "deplymnt",     # two slips in a word of eight letters
])
def test_words_that_are_not_corrected(index, word):
    assert index.correction(word) is None


def test_a_missing_letter_is_found_though_a_wrong_letter_would_also_fit():
    """`stags` is `stage` with a wrong letter (not allowed in a short word) and `stages` with a letter
    left out: the known word with the letter left out is the one meant."""
    staged = KnowledgeIndex([entry("stuck", "Stage stuck", aliases={"en": ["the stages of a rollout"]})])
    assert staged.correction("stags") == "stages"


# --- the saved index ----------------------------------------------------------------------

QUERIES = ["ERR_1100", "Quota For 24 Cores", "deploymnet quota", "квоты превышены", "配额不足", "401 unauthorized",
           "the container took too long", "zzz unrelated"]


def answers(matcher):
    return [[(m.id, m.score, m.reasons) for m in matcher.match(query).candidates] for query in QUERIES]


def test_a_saved_index_answers_exactly_as_a_built_one(tmp_path, monkeypatch):
    built = answers(Matcher(ENTRIES))
    assert answers(Matcher(ENTRIES, cache_dir=tmp_path)) == built  # builds, saves, maps the saved arrays
    monkeypatch.setattr(index_module, "_Build", None)  # a second process reads it, building nothing
    assert answers(Matcher(ENTRIES, cache_dir=tmp_path)) == built
    assert len(list(tmp_path.glob("index-*"))) == 1


@pytest.mark.parametrize("most", [1, 65_535, 65_536, (1 << 24) - 1, 1 << 24, (1 << 31) + 5])
def test_packed_numbers_read_back_as_written(most):
    numbers = np.unique(np.array([0, 1, 255, 256, 65_535, 65_536, most // 2, most - 1, most], dtype=np.int64))
    numbers = numbers[numbers <= most]
    packed = index_module.Packed(*index_module.Packed.arrays(numbers))
    assert len(packed) == len(numbers)
    assert packed[:].tolist() == numbers.tolist()
    assert packed[1:3].tolist() == numbers[1:3].tolist()
    picks = np.array([len(numbers) - 1, 0, 1])
    assert packed[picks].tolist() == numbers[picks].tolist()
    assert packed.low.dtype == np.uint16 and packed.high.dtype.itemsize == (1 if most < 1 << 24 else 2 if most < 1 << 32 else 4)


def test_the_unsaid_status_keeps_count_the_status_as_one_more_word():
    starts = np.array([0, 3, 4, 4, 9])  # phrases of 3, 1, 0 and 5 features
    keeps = index_module.UnsaidStatusKeeps(np.array([3, 1, 3]), starts)  # phrase 3 names two statuses
    assert keeps[np.array([0, 1, 2, 3, 1])].tolist() == [1.0, 1 / 2, 1.0, 5 / 6, 1 / 2]
    assert keeps[np.array([], dtype=np.int64)].tolist() == []
    assert index_module.UnsaidStatusKeeps(np.array([], dtype=np.int64), starts)[np.array([0, 3])].tolist() == [1.0, 1.0]


def test_changed_knowledge_gets_a_new_index(tmp_path):
    KnowledgeIndex(ENTRIES, tmp_path)
    changed = [*ENTRIES[:-1], entry("auth", "Authentication failed", aliases={"en": ["403 forbidden"]})]
    assert phrase_candidates(KnowledgeIndex(changed, tmp_path), "forbidden") == {"auth"}
    assert len(list(tmp_path.glob("index-*"))) == 2


def test_only_the_newest_saved_indexes_are_kept(tmp_path):
    versions = [[*ENTRIES, entry(f"extra{number}", f"Extra entry {number}")] for number in range(5)]
    for version in versions:
        KnowledgeIndex(version, tmp_path)
    assert len(list(tmp_path.glob("index-*"))) == index_module.KEPT_INDEXES
    assert (tmp_path / f"index-{index_module.index_key(versions[-1])}").exists()


def test_a_damaged_saved_index_is_built_again(tmp_path):
    KnowledgeIndex(ENTRIES, tmp_path)
    [folder] = tmp_path.glob("index-*")
    (folder / "idf.npy").write_bytes(b"not an array")
    assert phrase_candidates(KnowledgeIndex(ENTRIES, tmp_path), "quota") == {"quota"}


def test_a_cache_folder_that_cannot_be_written_still_gives_an_index(tmp_path, caplog):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    assert phrase_candidates(KnowledgeIndex(ENTRIES, blocked / "cache"), "quota") == {"quota"}
    assert "index not cached" in caplog.text  # the operator learns why workers do not share it


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("abz09_-./' ёжы 배포부 配额署\n"), max_size=40))
def test_the_build_reads_text_as_the_matcher_does(text):
    """The build finds tokens and features its own faster way; they must be the query's."""
    normalised = normalize(text)
    assert token_texts(normalised) == [token for _, token in tokens(normalised)]
    built = KnowledgeIndex([entry("e", text or "x")])
    expected = [built.feature_id(feature) for feature in dict.fromkeys(features(normalised))]
    assert [list(phrase.features) for phrase in phrases(built)] == ([expected] if expected else [])


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("abdiz09_-./':?\t ёжыЁ 배포부 配额署\n\ue000ＩＤ①"), max_size=30),
                max_size=8))
def test_every_alias_is_read_as_the_matcher_reads_it(aliases):
    """The build normalises plain aliases (letters and punctuation) together, the rest one by one."""
    built = KnowledgeIndex([entry("e", "Title", aliases={"en": aliases})])
    indexed = [(phrase.text, list(phrase.features)) for phrase in phrases(built) if phrase.kind == "alias"]
    expected = [(alias, [built.feature_id(feature) for feature in dict.fromkeys(features(normalize(alias)))])
                for alias in aliases]
    assert indexed == [(alias, ids) for alias, ids in expected if ids]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["Trace ID:", "request-id =", "operation id", "Correlation_Id", "ＩＤ",
                                          "\n", " ",
                                          "2024-05-01 10:00:00", "err_1100", "https://x.azurecr.io/#trace-id",
                                          "/var/log/x.txt", "DNS", "클러스터", "集群", "кластер", "0xdeadbeefcafe1234",
                                          "-", ":"]),
                         min_size=1, max_size=6).map("".join), min_size=2, max_size=5))
def test_an_entrys_own_words_are_read_as_one_text(parts):
    """The build normalises an entry's titles, causes and aliases one by one; what it keeps of them
    (the error names it knows, the neighbours' cues it says itself) is that of the whole text."""
    title, cause, *aliases = parts
    built = KnowledgeIndex([entry("e", title, cause=cause, aliases={"en": aliases})])
    whole = normalize(index_module.own_words(built.entries[0]))
    assert built.known_word_keys.tolist() == sorted(map(index_module._name_key, set(re.findall(r"[a-z0-9_]+", whole))))
    assert built.own_cues == [dict(index_module.topic_cues(whole))]


def test_plain_characters_are_only_lower_cased_by_folding():
    """What lets the build normalise plain texts together (see index_module.PLAIN_CHARACTERS)."""
    plain = re.compile(f"[{index_module.PLAIN_CHARACTERS}]")
    characters = [chr(code) for code in range(0x10000) if plain.fullmatch(chr(code))]
    assert len(characters) > 30000
    assert all(fold(character) == character.lower() and plain.fullmatch(character.lower())
               for character in characters)


def test_features_are_found_by_their_text_and_unknown_ones_are_not(index):
    known = {feature for text in ("Deployment quota exceeded", "Квота превышена", "할당량 부족", "配额不足",
                                  "QuotaExceeded: not enough cores", "authentication")
             for feature in features(normalize(text))}
    assert any(len(feature.encode()) > index_module.PACKED_BYTES for feature in known)
    assert any(len(feature.encode()) <= index_module.PACKED_BYTES for feature in known)
    numbers = {index.feature_id(feature) for feature in known}
    assert index_module.NO_FEATURE not in numbers and len(numbers) == len(known)
    for unknown in ("w:quot", "w:quotas", "k:량부", "h1:未", "w:authenticationx", "", "w"):
        assert index.feature_id(unknown) == index_module.NO_FEATURE


_SUBJECT_WORDS = ["custom", "domain", "host", "name", "s", " ", " ", "\n", "-", "cname", "tls", "scale", "to", "zero",
                  "down", "0", "instances", "ip", "allow", "list", "롤백", "도메인", "0으로", "줄", "缩容到", "零",
                  "до", "нуля", "перенести", "в", "другую", "подписку", "alert", "on", "roll", "back", "x"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_SUBJECT_WORDS), max_size=12).map("".join), min_size=1, max_size=8),
       st.integers(min_value=1, max_value=4))
def test_subjects_are_found_in_chunks_of_lines_as_in_the_whole_text(lines, chunk):
    """The build reads the deployment features its entries name a chunk at a time, each feature's pattern only on
    the lines with one of its needles: what it finds is what the patterns find in the whole text."""
    scan = index_module._SubjectScan()
    assert not scan.whole
    for first in range(0, len(lines), chunk):
        scan.add("\n".join(lines[first:first + chunk]))
    whole = "\n".join(lines)
    assert frozenset(scan.unnamed) == {concept for concept, pattern in SUBJECTS.items() if not pattern.search(whole)}


def test_the_build_keeps_the_uncovered_subjects_and_spelled_names_the_whole_knowledge_has():
    entries = [entry(f"e{number}", title, cause=cause) for number, (title, cause) in enumerate([
        ("The endpoint cannot use a custom", "Domains are not set.\nMODEL NOT FOUND in the registry"),
        ("Rollback of a deployment failed", "Ｆｕｌｌ－ｗｉｄｔｈ Scoring Image Was Not Found"),
        *[(f"Quota {number}", "Not enough cores") for number in range(index_module.CHUNK_ENTRIES)]])]
    built = KnowledgeIndex(entries)
    assert built.uncovered_subjects == index_module.uncovered_subjects(entries)
    assert "rollback" not in built.uncovered_subjects and "custom-domain" in built.uncovered_subjects
    keys = sorted(map(index_module._name_key, index_module._spelled_names(
        [fold(text) for each in entries for text in index_module._own_parts(each)])))
    assert built.spelled_name_keys.tolist() == keys
    assert built.spells_error_name("modelnotfound") and built.spells_error_name("scoringimagewasnot")
