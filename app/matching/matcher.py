"""The matcher: pasted text in, the entries that fit out, best first, each with a
calibrated 0-100 score and the reasons it was chosen.

Evidence, strongest first: an exact error code, a literal signature or pattern from
real error output, an HTTP status in context, then fuzzy text over titles and
aliases in every language. Scores are calibrated so that one threshold (config)
separates answers from no-answers.
"""
from __future__ import annotations

import heapq
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from app.matching.extract import error_codes, http_statuses
from app.matching.features import tokens, word_features
from app.matching.index import KnowledgeIndex
from app.matching.language import detect_language
from app.matching.lexicon import ERROR_CONTEXT, ERROR_OUTPUT, HOW_TO_QUESTION, OFF_DOMAIN, SMALL_TALK, families_in
from app.matching.normalize import normalize

# Evidence scores (0-100), calibrated against the default threshold of 50.
CODE_SCORE = 96.0             # an ERR_NNNN code the entry answers
SIGNATURE_SCORE = 84.0        # a literal signature of the entry's error output
PATTERN_SCORE = 82.0          # a regex pattern of the entry
FUZZY_SIGNATURE_SCORE = 80.0  # a signature found once misspelt words are corrected
STATUS_SCORE = 66.0           # an HTTP status the entry answers, from its context in the paste
HOWTO_IN_ERROR_SCORE = 68.0   # a how-to entry's command seen inside an error report

# Discounts for evidence that the rest of the paste contradicts.
FAMILY_MISMATCH = 0.85        # the paste names another product family
OFF_DOMAIN_FACTOR = 0.45      # the paste is about another product, or small talk
HOW_TO_MISMATCH = 0.9         # a how-to question, answered by a non-how-to entry
ERROR_REPORT_HOW_TO = 0.9     # pasted error output, answered by a how-to entry
STATUS_CONFLICT = 0.5         # the entry answers other statuses than the paste's
STATUS_ABSENT = 0.85          # the paste has a status the entry does not answer
TYPO_WEIGHT = 0.8             # a corrected word counts a little less than a typed one

# Fuzzy text: phrase coverage vs query coverage, the prose discount, the evidence needed.
TEXT = {"evidence": 3.0, "body": 0.6, "qscale": 2.0, "a": 0.35, "min_explained": 4.5}
TEXT_CANDIDATES = 40          # entries scored in full after pruning through the postings
POSTINGS_BUDGET = 4000        # postings read for common words when nothing rarer matched

_INFORMATIVE_LINE = re.compile(
    r"err[ _\-]?\d|error|exception|fail|fatal|traceback|status|http|denied|unauthori|not found|timeout|"
    r"timed out|insufficient|quota|backoff|crash|killed|oom|memory|cannot|can't|unable|invalid|refused|"
    r"오류|에러|실패|错误|失败|报错|ошибк|сбой|не удалось", re.IGNORECASE)


@dataclass
class Match:
    id: str
    score: float
    reasons: list[dict[str, Any]]


@dataclass
class MatchResult:
    matches: list[Match]
    query_lang: str | None
    codes: list[str]
    http_statuses: list[int]
    ambiguous: bool
    truncated: bool
    candidates: list[Match] = field(default_factory=list)


@dataclass
class _Evidence:
    code: float = 0.0
    status: float = 0.0
    signature: float = 0.0
    text: float = 0.0
    reasons: list[dict[str, Any]] = field(default_factory=list)

    def combined(self) -> float:
        """Independent kinds of evidence reinforce each other, never past 100."""
        parts = sorted((self.code, self.signature, self.status, self.text), reverse=True)
        score = parts[0]
        for part in parts[1:]:
            score += (100.0 - score) * 0.45 * part / 100.0
        return min(score, 100.0)


def informative_part(text: str, limit: int) -> str:
    """For a paste too long to analyse whole: the first lines (the question), then the lines
    with codes and error words, in their original order, within `limit` characters."""
    lines = text.splitlines()
    keep: list[int] = []
    budget = limit
    head = list(range(min(3, len(lines))))
    ranked = head + [i for i, line in enumerate(lines) if i not in head and _INFORMATIVE_LINE.search(line)]
    for i in ranked:
        cost = len(lines[i]) + 1
        if cost > budget:
            continue
        keep.append(i)
        budget -= cost
    if not keep:
        return text[:limit]
    return "\n".join(lines[i] for i in sorted(keep))


class Matcher:
    """Built once from the loaded entries; `match` is pure and thread-safe."""

    def __init__(self, entries: list[dict[str, Any]], threshold: float = 50.0, ambiguity_margin: float = 6.0,
                 max_query_chars: int = 8000):
        self.index = KnowledgeIndex(entries)
        self.threshold = threshold
        self.ambiguity_margin = ambiguity_margin
        self.max_query_chars = max_query_chars

    def entry(self, entry_id: str) -> dict[str, Any] | None:
        """The entry the matcher was built from, so answers need no second database read."""
        return self.index.by_id.get(entry_id)

    def match(self, query: str, limit: int = 5) -> MatchResult:
        truncated = len(query) > self.max_query_chars
        if truncated:
            query = informative_part(query, self.max_query_chars)
        text = normalize(query)
        codes = error_codes(text)
        statuses = http_statuses(text)
        evidence: dict[int, _Evidence] = defaultdict(_Evidence)
        self._code_evidence(codes, evidence)
        self._status_evidence(statuses, evidence)
        corrections = self._corrections(text)
        self._signature_evidence(text, corrections, evidence)
        self._text_evidence(text, corrections, evidence)
        ranked = self._rank(text, codes, statuses, evidence)
        confident = [m for m in ranked if m.score >= self.threshold][:limit]
        ambiguous = (len(confident) >= 2
                     and confident[0].score - confident[1].score < self.ambiguity_margin)
        return MatchResult(matches=confident, query_lang=detect_language(query), codes=codes,
                           http_statuses=statuses, ambiguous=ambiguous, truncated=truncated,
                           candidates=ranked[:limit])

    def _code_evidence(self, codes: list[str], evidence: dict[int, _Evidence]) -> None:
        for order, code in enumerate(codes):
            for position in self.index.codes.get(code, ()):
                evidence[position].code = max(evidence[position].code, CODE_SCORE - min(order, 4) * 0.5)
                evidence[position].reasons.append({"type": "code", "value": code})

    def _status_evidence(self, statuses: list[int], evidence: dict[int, _Evidence]) -> None:
        for status in statuses:
            for position in self.index.statuses.get(status, ()):
                evidence[position].status = STATUS_SCORE
                evidence[position].reasons.append({"type": "status", "value": status})

    def _corrections(self, text: str) -> dict[str, str]:
        """Each misspelt token of the paste → the known token it resembles."""
        found = {}
        for script, token in tokens(text):
            if script in ("latin", "cyrillic") and token not in found:
                found[token] = self._corrected_token(token)
        return {token: fixed for token, fixed in found.items() if fixed != token}

    def _signature_evidence(self, text: str, corrections: dict[str, str], evidence: dict[int, _Evidence]) -> None:
        index = self.index
        words = {token for _, token in tokens(text)}
        error_context = bool(ERROR_CONTEXT.search(text))
        for word in words:
            for number in index.signatures_by_word.get(word, ()):
                signature = index.signatures[number]
                if signature.text in text:
                    self._signature_hit(evidence, signature.entry, signature.original, SIGNATURE_SCORE,
                                        "signature", error_context)
        pattern_numbers = set(index.unanchored_patterns)
        for anchor, numbers in index.patterns_by_anchor.items():
            if anchor in words or anchor in text:
                pattern_numbers.update(numbers)
        for number in pattern_numbers:
            pattern = index.patterns[number]
            if pattern.regex.search(text):
                self._signature_hit(evidence, pattern.entry, pattern.original, PATTERN_SCORE, "pattern", error_context)
        self._fuzzy_signatures(text, corrections, evidence, error_context)

    def _fuzzy_signatures(self, text: str, corrections: dict[str, str], evidence: dict[int, _Evidence],
                          error_context: bool) -> None:
        """Signatures typed with a typo (`Booting wroker with pid`): each misspelt word is
        replaced by the known word it resembles, then signatures are looked for again."""
        index = self.index
        if not corrections:
            return
        corrected_text = re.sub(r"[a-z0-9а-яё._\-/']+", lambda m: corrections.get(m.group(0), m.group(0)), text)
        for fixed in corrections.values():
            for number in index.signatures_by_word.get(fixed, ()):
                signature = index.signatures[number]
                if signature.text not in text and signature.text in corrected_text:
                    self._signature_hit(evidence, signature.entry, signature.original, FUZZY_SIGNATURE_SCORE,
                                        "fuzzy_signature", error_context)

    def _signature_hit(self, evidence: dict[int, _Evidence], position: int, original: str, score: float,
                       kind: str, error_context: bool) -> None:
        """Record a signature hit, weighed by what it proves.

        A signature that spells the entry's own HTTP status (`401 Unauthorized`) is status
        evidence, not an independent signal. A how-to entry's command pasted inside an error
        report shows what the user ran, not what went wrong.
        """
        entry = self.index.entries[position]
        item = evidence[position]
        item.reasons.append({"type": kind, "value": original})
        if any(str(status) in original for status in entry.get("http_statuses", ())):
            item.status = max(item.status, STATUS_SCORE + 6.0)
            return
        if entry["kind"] == "how-to" and error_context:
            score = min(score, HOWTO_IN_ERROR_SCORE)
        item.signature = min(max(item.signature, score) + (4.0 if item.signature else 0.0), 95.0)

    def _corrected_token(self, token: str) -> str:
        """The token as a known identifier it resembles, else with each misspelt part fixed."""
        whole = self.index.correction(token) if not token.isalpha() else None
        if whole:
            return whole
        corrected = token
        for part in re.split(r"[._\-/']", token):
            fixed = self.index.correction(part)
            if fixed:
                corrected = corrected.replace(part, fixed)
        return corrected

    def _query_features(self, text: str, corrections: dict[str, str]) -> dict[str, float]:
        """Query features with their weights; misspelt words count as the word they resemble."""
        index = self.index
        weights: dict[str, float] = {}
        typos: set[str] = set()
        for script, token in tokens(text):
            feats = word_features(script, token)
            if script in ("latin", "cyrillic"):
                corrected_token = corrections.get(token, token)
                if corrected_token != token:
                    fixed_feats = [f for f in word_features(script, corrected_token) if f not in feats]
                    for feature in fixed_feats:
                        typos.add(feature)
                    feats = feats + fixed_feats
            for feature in feats:
                if feature in typos:
                    weights.setdefault(feature, index.weight(feature) * TYPO_WEIGHT)
                else:
                    weights[feature] = index.weight(feature)
        return weights

    def _text_evidence(self, text: str, corrections: dict[str, str], evidence: dict[int, _Evidence]) -> None:
        """Fuzzy text: how well the entry's best phrase is covered by the query, and how much
        of the query the entry explains (its phrases fully, its prose at a discount).

        Query features are accumulated through the postings, rarest first; common ones
        only when nothing rarer found a candidate. The best TEXT_CANDIDATES entries then
        get the remaining features added and a full score.
        """
        index = self.index
        query = self._query_features(text, corrections)
        if not query:
            return
        query_total = sum(query.values())
        body_weight = TEXT["body"]
        explained: dict[int, float] = defaultdict(float)
        phrase_matched: dict[int, float] = defaultdict(float)
        common: dict[str, float] = {}
        budget = POSTINGS_BUDGET
        for feature in sorted(query, key=lambda f: index.document_frequency.get(f, 0)):
            weight = query[feature]
            frequency = index.document_frequency.get(feature, 0)
            if frequency > index.common_cutoff and (budget <= 0 or explained):
                common[feature] = weight
                continue
            budget -= frequency
            for number in index.postings.get(feature, ()):
                phrase_matched[number] += weight
            for position in index.entry_postings.get(feature, ()):
                explained[position] += weight
            for position in index.body_postings.get(feature, ()):
                explained[position] += weight * body_weight
        chosen = set(heapq.nlargest(TEXT_CANDIDATES, explained, key=explained.__getitem__))
        chosen.update(position for position in evidence if position in explained)
        best: dict[int, tuple[float, int]] = {}
        for number, matched in phrase_matched.items():
            phrase = index.phrases[number]
            if phrase.entry not in chosen:
                continue
            matched += sum(common[feature] for feature in phrase.features if feature in common)
            coverage = matched / index.phrase_weight[number]
            strength = coverage * min(1.0, matched / TEXT["evidence"])
            if strength > best.get(phrase.entry, (0.0, -1))[0]:
                best[phrase.entry] = (strength, number)
        for position in chosen:
            phrase_feats = index.entry_features[position]
            body_feats = index.entry_body_features[position]
            total = explained[position] + sum(
                weight if feature in phrase_feats else weight * body_weight
                for feature, weight in common.items() if feature in phrase_feats or feature in body_feats)
            strength, number = best.get(position, (0.0, -1))
            query_coverage = min(1.0, TEXT["qscale"] * total / query_total)
            score = 100.0 * (TEXT["a"] * strength + (1 - TEXT["a"]) * query_coverage) \
                * min(1.0, total / TEXT["min_explained"])
            if score <= 1.0:
                continue
            item = evidence[position]
            item.text = score
            if number >= 0:
                phrase = index.phrases[number]
                item.reasons.append({"type": "alias" if phrase.kind != "title" else "title",
                                     "value": phrase.text, "lang": phrase.lang, "score": round(score, 1)})
            else:
                item.reasons.append({"type": "fuzzy_text", "value": "entry description", "score": round(score, 1)})

    def _rank(self, text: str, codes: list[str], statuses: list[int],
              evidence: dict[int, _Evidence]) -> list[Match]:
        index = self.index
        known_codes = [code for code in codes if code in index.codes]
        unknown_code = bool(codes) and not known_codes
        known_status = any(status in index.statuses for status in statuses)
        unknown_status = bool(statuses) and not known_status
        off_domain = bool(OFF_DOMAIN.search(text))
        small_talk = bool(SMALL_TALK.search(text))
        error_report = bool(ERROR_OUTPUT.search(text))
        how_to = bool(HOW_TO_QUESTION.search(text)) and not error_report
        families = families_in(text)
        ranked = []
        for position, item in evidence.items():
            score = item.combined()
            if known_codes and not item.code and not item.signature:
                score *= 0.6
            if unknown_code and not item.signature:
                score *= 0.5
            if unknown_status and not item.signature and not item.code:
                score *= 0.7
            if known_status and not item.status and not item.signature and not item.code:
                score *= STATUS_CONFLICT if index.entries[position].get("http_statuses") else STATUS_ABSENT
            if (off_domain or small_talk) and not item.code and not item.signature:
                score *= OFF_DOMAIN_FACTOR
            is_how_to = index.entries[position]["kind"] == "how-to"
            if how_to and not is_how_to and not item.code and not item.signature:
                score *= HOW_TO_MISMATCH
            if error_report and is_how_to and not item.code:
                score *= ERROR_REPORT_HOW_TO
            if len(families) == 1 and index.entries[position]["family"] not in families and not item.code:
                score *= FAMILY_MISMATCH
            ranked.append(Match(index.ids[position], round(score, 1), item.reasons))
        ranked.sort(key=lambda m: (-m.score, m.id))
        return ranked
