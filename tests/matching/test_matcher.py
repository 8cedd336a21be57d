"""The matcher on the shipped knowledge: right entry first, honest no-match, explained."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.matching.matcher import Matcher


def top(matcher, query):
    result = matcher.match(query)
    return result.matches[0].id if result.matches else None


def test_exact_code_wins_with_a_code_reason(matcher):
    result = matcher.match("az ml online-deployment create failed: ERR_1101")
    assert result.matches[0].id == "err_1101-out-of-capacity"
    assert {"type": "code", "value": "ERR_1101"} in result.matches[0].reasons


def test_code_never_answers_its_neighbour(matcher):
    ids = [m.id for m in matcher.match("ERR_1101").matches]
    assert "err_1100-not-enough-quota" not in ids[:1]


@pytest.mark.parametrize("query", ["ERR_9999", "deployment failed with ERR_4242", "HTTP 418",
                                   "HTTP/1.1 402 Payment Required"])
def test_codes_the_knowledge_does_not_hold_get_no_match(matcher, query):
    assert matcher.match(query).matches == []


@pytest.mark.parametrize("query", [
    "good morning, how are you today?",
    "좋은 아침이에요, 주말 잘 보내셨어요?",
    "今天天气怎么样？",
    "Доброе утро, как прошли выходные?",
    "git push rejected: non-fast-forward, fetch first",
    "Excel keeps crashing when I open a large csv file",
])
def test_unrelated_text_gets_no_match(matcher, query):
    assert matcher.match(query).matches == []


def test_status_shared_by_two_entries_keeps_the_other_as_close_second(matcher):
    result = matcher.match("HTTP 429 while max_concurrent_requests_per_instance is 1 and instance_count is 1")
    ids = [m.id for m in result.matches]
    assert ids[:2] == ["http-429-too-many-pending-requests", "http-429-rate-limiting"]


def test_bare_shared_status_is_flagged_ambiguous(matcher):
    result = matcher.match("429")
    assert result.ambiguous
    assert {m.id for m in result.matches[:2]} == {"http-429-rate-limiting", "http-429-too-many-pending-requests"}


def test_signature_in_a_log_is_named_as_the_reason(matcher):
    log = ("Events:\n  Warning  BackOff  kubelet  Back-off restarting failed container\n"
           "pod/scoring-7d9f status: CrashLoopBackOff\n")
    result = matcher.match(log)
    assert result.matches[0].id == "service-launch-fails"
    assert any(r["type"] == "signature" and r["value"] == "CrashLoopBackOff" for r in result.matches[0].reasons)


def test_misspelt_signature_still_matches(matcher):
    assert top(matcher, "0/4 nodes are available: 4 Insufficent nvidia.com/gpu") == "container-cannot-be-scheduled"


def test_scores_are_calibrated_and_sorted(matcher):
    scores = [m.score for m in matcher.match("container keeps crashing after deployment").candidates]
    assert all(0 <= s <= 100 for s in scores) and scores == sorted(scores, reverse=True)


def test_long_paste_is_truncated_to_its_informative_lines(shipped_entries):
    small = Matcher(shipped_entries, max_query_chars=2000)
    noise = "\n".join(f"INFO worker heartbeat ok {i}" for i in range(400))
    result = small.match(noise + "\nDeployment failed: ERR_1350 not enough space on the disk\n" + noise)
    assert result.truncated
    assert result.matches[0].id.startswith("err_1350")


@pytest.mark.parametrize("query,expected", [
    ("할당량이 부족해서 배포가 안 돼요", "err_1100-not-enough-quota"),
    ("托管终结点部署时报错，说磁盘空间不够放模型", "err_1350-unable-to-download-user-model-not-enough-space-on-the-disk"),
    ("AKS кластер не может запланировать контейнер: нет свободных GPU", "container-cannot-be-scheduled"),
    ("How do I see the logs of the storage initializer container?", "get-container-logs"),
])
def test_questions_in_each_language_find_their_entry(matcher, query, expected):
    assert top(matcher, query) == expected


def test_other_products_status_is_not_ours(matcher):
    assert matcher.match("Azure App Service web app returns 502 Bad Gateway after slot swap").matches == []


def test_a_status_reason_phrase_is_status_evidence_not_a_signature(matcher):
    """`Request Entity Too Large` only spells 413: in a studio upload it must not outweigh the topic."""
    result = matcher.match("Registering a model from local files in the Azure ML studio: the browser upload "
                           "ends with Request Entity Too Large.")
    assert result.matches == [] and result.out_of_scope is not None
    scoring = matcher.match("POST to my online endpoint: Request Entity Too Large")
    assert scoring.matches[0].id == "http-413-payload-too-large"


def _entry(entry_id: str, alias: str) -> dict:
    return {"id": entry_id, "family": "managed-online-endpoints", "kind": "how-to", "error_codes": [],
            "http_statuses": [], "signatures": [], "patterns": [], "related": [], "commands": [],
            "content": {"en": {"title": alias, "cause": alias, "steps": "1. Do it."}},
            "aliases": {"en": [alias]},
            "sources": [{"doc": "x.txt", "anchor": "a", "lang": "en", "date": "2021-01-01"}]}


def test_entries_tied_at_the_cap_are_ordered_by_their_uncapped_evidence(tmp_path):
    """Two entries whose words both reach 100 are told apart by meaning, not by the alphabet."""
    class WordOrder:
        """Meaning, as a stand-in: only the text written in the query's word order is close to it."""

        def encode(self, texts):
            import numpy as np
            vectors = np.zeros((len(texts), 512), dtype=np.float32)
            for row, text in enumerate(texts):
                vectors[row, 0 if text.lower() == "lantern harbor meadow zebra quilt" else 1] = 1.0
            return vectors

    entries = [_entry("a-same-words", "zebra quilt lantern harbor meadow"),
               _entry("b-same-words", "lantern harbor meadow zebra quilt")]
    entries += [_entry(f"other-{word}", f"{word} kettle") for word in ("apple", "river", "pencil", "violin")]
    result = Matcher(entries, encoder=WordOrder(), cache_dir=tmp_path).match("lantern harbor meadow zebra quilt")
    assert [m.score for m in result.matches] == [100.0, 100.0]
    assert result.matches[0].id == "b-same-words"


_REASONS_IN_A_FRESH_PROCESS = """
import json, sys
from pathlib import Path
from app.knowledge.files import read_entry_files
from app.matching.matcher import Matcher
entries, _ = read_entry_files(Path("knowledge/entries"))
match = Matcher(entries, cache_dir=Path(sys.argv[1])).match(sys.argv[2])
print(json.dumps([(m.id, m.reasons) for m in match.matches]))
"""


def test_reasons_come_in_the_same_order_in_every_worker(tmp_path):
    """Workers are processes with their own string-hash seeds: a bot comparing two answers to one paste
    must see the same reasons in the same order, whichever worker served each."""
    paste = ("ERR_1100: Not enough quota. Current usage/limit: 8/10, Additional needed: 4. "
             "OSError: [Errno 28] No space left on device")
    root = Path(__file__).resolve().parents[2]
    outputs = {
        subprocess.run([sys.executable, "-c", _REASONS_IN_A_FRESH_PROCESS, str(tmp_path), paste], cwd=root,
                       env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, text=True, check=True).stdout
        for seed in ("1", "2", "3", "4")}
    assert len(outputs) == 1
    assert len(json.loads(outputs.pop())[0][1]) > 2
