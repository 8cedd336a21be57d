"""Korean, and the Hangul script.

Particles and endings are glued to Korean words, so text is compared by character bigrams
(and single syllables at a discount); the bigrams of everyday grammar are stop words.
"""
from __future__ import annotations

from collections.abc import Mapping

from app.matching.languages.base import Language, char_grams

PREFIX = "k"

# Grammar endings and question words of everyday Korean: as bigrams they would tie any
# two chatty sentences together.
STOP_BIGRAMS = frozenset([
    "어떻", "떻게", "해요", "어요", "아요", "세요", "니다", "습니", "있어", "없어", "데요", "는데", "인데", "에서", "으로", "하고", "해서",
    "돼요", "되요", "나요", "까요", "할까", "건가", "는지", "은지", "예요", "이요", "나와", "와요", "하나", "하면", "되나", "나오", "와서",
    "려면", "하려", "는게", "이게", "그게", "뭐가", "뭔가", "있나", "없나", "같아", "같은", "아서", "어서", "지만", "어야", "아야", "해야",
    "봐요", "싶어", "어디", "디서", "왜요", "제가", "저는", "내가", "있다", "다고", "라고", "는다"
])


def word_features(token: str) -> list[str]:
    return char_grams(PREFIX, token, STOP_BIGRAMS)


def detect(text: str, counts: Mapping[str, int]) -> bool:
    """Two Hangul letters, or one that Han characters do not outnumber."""
    return counts["ko"] >= 2 or bool(counts["ko"] and counts["ko"] >= counts["zh"])


LANGUAGE = Language(
    code="ko",
    script="hangul",
    prefix=PREFIX,
    token=r"[\uac00-\ud7a3]+",
    word_features=word_features,
    spaced=False,
    letters=r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]",
    detect=detect,
    status_before=r"상태\s?코드|상태|코드|응답|오류|에러",
    status_after=r"에러|오류|응답|코드|상태|이|가|을|를|은|는|떠|뜨|나와|나요|나옵|반환|발생",
    family_words={
        "managed-online-endpoints": r"관리형|온라인 엔드포인트",
        "batch-endpoints": r"배치|일괄 처리|일괄처리",
        "docker-aci-aks": r"웹 ?서비스",
    },
    error_words=r"오류|에러|실패",
    informative_words=r"오류|에러|실패",
    how_to_words=r"어떻게|방법|하려면",
    small_talk_words=r"^\W*(?:안녕|감사|고마워|좋은 아침)|점심|저녁 뭐|주말 잘|날씨",
    other_products=r"엑셀|워드|파워포인트|카카오",
)
