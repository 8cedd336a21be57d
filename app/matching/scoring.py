"""Every number the matcher scores with, named, in one frozen object.

Evidence scores are on a 0-100 scale calibrated against the answer threshold. Discounts
multiply a candidate's score when the rest of the paste contradicts it; each one applied
is named in the match's `reasons`. Defaults live in scoring_params.json beside this file,
written by `benchmarks/eval/fit.py` from the tuning set (never from the frozen test sets);
config can override single values (MATCH_PARAMS as JSON).
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

FITTED_PARAMS = Path(__file__).with_name("scoring_params.json")
EXACT_REASONS = ("signature", "fuzzy_signature", "pattern")

_OPTIONAL_GROUP = re.compile(r"\(\?:[^()]*\)[?*]")
_OTHER_ALTERNATIVES = re.compile(r"\|[^()]*(?=\))")
_ESCAPE = re.compile(r"\\[a-zA-Z]")
_WORD = re.compile(r"[^\W\d_]{3,}")


@dataclass(frozen=True)
class ScoringParams:
    # Answering.
    threshold: float = 50.0                # score an entry needs to be returned
    ambiguity_margin: float = 6.0          # top two closer than this: ambiguous
    # Evidence scores.
    code_score: float = 96.0               # an ERR_NNNN code the entry answers
    signature_score: float = 84.0          # a literal signature of the entry's error output
    pattern_score: float = 82.0            # a regex pattern of the entry
    fuzzy_signature_score: float = 80.0    # a signature found once misspelt words are corrected
    status_score: float = 66.0             # an HTTP status the entry answers, in context
    status_signature_bonus: float = 6.0    # a signature that spells the entry's own status
    howto_in_error_score: float = 68.0     # a how-to entry's command seen inside an error report
    repeat_signature_bonus: float = 4.0    # each further signature of the same entry
    signature_cap: float = 95.0            # signatures alone never reach a code's certainty
    reinforcement: float = 0.45            # how much a second kind of evidence adds
    # Discounts for evidence that the rest of the paste contradicts.
    other_code_known: float = 0.6          # the paste has a known code the entry does not answer
    unknown_code: float = 0.5              # the paste has a code no entry answers
    unknown_status: float = 0.7            # the paste has a status no entry answers
    unknown_error_name: float = 0.6        # the paste's error names (`(MissingDriverProgram)`) are none the knowledge has
    status_conflict: float = 0.5           # the entry answers other statuses than the paste's
    status_absent: float = 0.85            # the paste has a status the entry does not answer
    off_domain: float = 0.45               # the paste is about another product, or small talk
    other_product: float = 0.4             # a paste about another product that shares the entries' very lines (a
    #   gunicorn WORKER TIMEOUT under docker-compose, SageMaker's ModelError): all but an ERR_NNNN code's evidence
    long_paste_words: float = 0.92         # words and meaning alone in a report or log of several lines past what the
    #   encoder reads: its many words meet some phrase of many entries by chance; its error output decides
    long_report_words: float = 0.8         # ... and more when that paste reports no failure at all (no error words):
    #   a discussion, a request for documentation or a feature, which shares an entry's words without its problem
    unknown_term: float = 0.6              # a question in ko/zh/ru names a Latin term no entry uses
    uncovered_subject: float = 0.5         # a question names a deployment feature no entry names (a custom domain)
    how_to_mismatch: float = 0.9           # a how-to question answered by a non-how-to entry
    error_report_how_to: float = 0.9       # pasted error output answered by a how-to entry
    failure_how_to: float = 0.9            # a question reporting a failure (not asking how or where) answered by a how-to entry
    family_mismatch: float = 0.85          # the paste names another deployment family
    family_conflict: float = 0.5           # the paste is written by another family's SDK/CLI generation
    older_generation: float = 0.9          # a v1 entry hit by a line a v2 entry is hit by too, in a paste naming no family
    neighbour: float = 0.5                 # the paste is about a neighbouring Azure ML topic
    specific_signature_words: int = 5      # words a signature needs to count outside the deployment stage
    typo_weight: float = 0.8               # a corrected word counts a little less than a typed one
    # An error several entries answer (`index.cases`): the words beside its name decide between them.
    case_margin: float = 2.0               # a case's words and meaning beside the name must beat its error's by this
    # Fuzzy text: phrase coverage vs query coverage, the prose discount, the evidence needed.
    text_evidence: float = 3.0
    text_body: float = 0.6
    text_query_scale: float = 2.0
    text_phrase_share: float = 0.35
    text_min_explained: float = 4.5
    text_candidates: int = 40              # entries scored in full after pruning through the postings
    postings_budget: int = 4000            # postings read for common words when nothing rarer matched
    # Semantic layer: cosine -> score, and how it joins the word evidence.
    semantic_floor: float = 0.45           # cosine at which semantic evidence starts
    semantic_scale: float = 160.0          # score per unit of cosine above the floor
    semantic_cap: float = 80.0             # semantic evidence alone stays below a signature
    semantic_agreement: float = 0.3        # share of the weaker of word/semantic evidence added
    semantic_profile_share: float = 0.7    # share of an entry's closest language profile (the rest: its closest text)
    semantic_lead: float = 2.0             # the semantic first's lead over the second, added again this many times ...
    semantic_lead_floor: float = 0.03      # ... beyond this much lead (a question no entry answers is close to several)
    semantic_doubt_below: float = 0.42     # a question's words find an entry whose meaning is less similar than this:
    semantic_doubt_slope: float = 2.5      # ... its word evidence loses this much per unit of similarity below ...
    semantic_doubt_least: float = 0.5      # ... down to this share (the words name its context, not the question's subject)
    semantic_doubt_unexplained: float = 1.0  # ... and this much more per share of the question's words the entry
    #   leaves unexplained (spaced scripts; 1.5 and 2 lose in-scope questions)
    semantic_candidates: int = 8           # entries the semantic layer may add beyond word evidence
    semantic_skip_text: float = 75.0       # word evidence this strong ...
    semantic_skip_margin: float = 15.0     # ... and this far ahead of the next needs no encoder

    @classmethod
    def load(cls, overrides: dict[str, Any] | None = None) -> ScoringParams:
        """The fitted defaults, with `overrides` (config) on top; unknown names are an error."""
        values: dict[str, Any] = {}
        if FITTED_PARAMS.exists():
            values.update(json.loads(FITTED_PARAMS.read_text(encoding="utf-8")))
        values.update(overrides or {})
        known = {field.name for field in fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise ValueError(f"unknown scoring parameter(s): {', '.join(unknown)}")
        return replace(cls(), **values)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def signature_words(original: str) -> int:
    """Words of three letters or more a signature or pattern spells out for sure: a regex's optional
    groups and all but the first alternative of a group are left out, `\\w`-like escapes are no letters."""
    text = _OPTIONAL_GROUP.sub(" ", original)
    text = _OTHER_ALTERNATIVES.sub("", text)
    return len(_WORD.findall(_ESCAPE.sub(" ", text)))


def specific_signature(reasons: Iterable[dict[str, Any]], min_words: int) -> bool:
    """Whether an entry's signature or pattern hit is a sentence of its error output, not a name or a
    phrase a training log or a sign-in error could share (`No module named 'azureml'`, `rate limit`)."""
    return any(reason["type"] in EXACT_REASONS and signature_words(str(reason["value"])) >= min_words
               for reason in reasons)
