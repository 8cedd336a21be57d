"""Chinese, and the Han script.

Chinese is written without spaces between words, so text is compared by character bigrams
(and single characters at a discount); the bigrams of everyday question words are stop words.
"""
from __future__ import annotations

from collections.abc import Mapping

from app.matching.languages.base import Language, char_grams

PREFIX = "h"

# Question words and function words of everyday Chinese: as bigrams they would tie any
# two chatty sentences together.
STOP_BIGRAMS = frozenset([
    "什么", "怎么", "为什", "么样", "我的", "一个", "这个", "那个", "可以", "是不", "不是", "时候", "一下", "一直", "还是", "但是", "如果",
    "需要", "应该", "怎样", "如何", "我们", "你们", "他们", "已经", "就是", "这样", "那样", "没有", "有没", "了吗", "的时", "是什", "要怎",
    "该怎", "请问", "一些", "为啥"
])


def word_features(token: str) -> list[str]:
    return char_grams(PREFIX, token, STOP_BIGRAMS)


def detect(text: str, counts: Mapping[str, int]) -> bool:
    """Two Han characters, or one in a paste without Cyrillic (Korean is asked first)."""
    return counts["zh"] >= 2 or bool(counts["zh"] and not counts["ru"])


LANGUAGE = Language(
    code="zh",
    script="han",
    prefix=PREFIX,
    token=r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+",
    word_features=word_features,
    spaced=False,
    letters=r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]",
    detect=detect,
    status_before=r"状态码|狀態碼|状态|返回(?:了)?|报(?:错)?|报了|出现|错误码?|錯誤|响应码?",
    status_after=r"错误|錯誤|报错|状态码|响应|了",
    family_words={
        "managed-online-endpoints": r"托管|联机终结点|联机端点|在线终结点|在线端点",
        "batch-endpoints": r"批处理|批量",
        "docker-aci-aks": r"web ?服务",
    },
    error_words=r"错误|失败|报错|异常",
    informative_words=r"错误|失败|报错",
    how_to_words=r"怎么|如何|怎样",
    small_talk_words=r"^\W*(?:你好|您好|谢谢|早上好|晚上好)|在吗|天气|吃饭|周末",
    other_products=r"微信",
)
