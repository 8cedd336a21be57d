"""Ready-to-post Markdown for chat bots: title, cause, numbered steps, fenced commands, source.

Plain functions over the API's JSON shapes, so a bot gets exactly what the JSON says,
laid out for Teams, Slack or a GitHub comment. Labels follow the answer's language.
"""
from __future__ import annotations

import re

from app.i18n import t

LABELS = {
    "en": {"details": "Details", "others": "Other possible matches",
           "no_match": "No entry matches this text confidently. Add the exact error code (for example "
                       "ERR_1100) or the HTTP status, or describe what you did and what failed.",
           "ambiguous": "Several entries fit about equally well; the closest one comes first.",
           "truncated": "The text was long, so only its most informative lines were analysed.",
           "fallback": "Not available in the requested language; shown in English."},
    "ko": {"details": "자세히 보기", "others": "다른 후보",
           "no_match": "이 내용과 확실히 일치하는 항목이 없습니다. 정확한 오류 코드(예: ERR_1100)나 HTTP 상태 코드를 "
                       "추가하거나, 무엇을 했고 무엇이 실패했는지 적어 주세요.",
           "ambiguous": "비슷하게 들어맞는 항목이 여러 개 있습니다. 가장 가까운 항목을 먼저 보여 드립니다.",
           "truncated": "내용이 길어서 가장 중요한 줄만 분석했습니다.",
           "fallback": "요청한 언어로 된 내용이 없어 영어로 보여 드립니다."},
    "zh": {"details": "详细信息", "others": "其他可能的匹配",
           "no_match": "没有与此内容可靠匹配的条目。请补充确切的错误代码（例如 ERR_1100）或 HTTP 状态码，"
                       "或说明您执行了什么操作以及哪里失败了。",
           "ambiguous": "有多个条目同样符合，最接近的条目排在最前面。",
           "truncated": "内容较长，仅分析了其中最有信息量的几行。",
           "fallback": "没有所请求语言的内容，以英文显示。"},
    "ru": {"details": "Подробнее", "others": "Другие возможные совпадения",
           "no_match": "Ни одна статья не подходит к этому тексту уверенно. Добавьте точный код ошибки "
                       "(например, ERR_1100) или HTTP-статус либо опишите, что вы делали и что не сработало.",
           "ambiguous": "Несколько статей подходят примерно одинаково; ближайшая показана первой.",
           "truncated": "Текст длинный, поэтому проанализированы только самые информативные строки.",
           "fallback": "На запрошенном языке статьи нет; показана английская версия."},
}
_FENCE_LANGUAGE = {"az": "bash", "docker": "bash", "kubectl": "bash", "python": "python"}
_ORDERED_ITEM = re.compile(r"^\d+[.)]\s")
_BACKTICK_RUN = re.compile(r"`+")


def _labels(lang: str | None) -> dict[str, str]:
    """Bot-message labels, with the card labels shared with the web pages."""
    lang = lang if lang in LABELS else "en"
    return {**LABELS[lang], **{key: t(lang, key) for key in ("cause", "steps", "commands", "source")}}


def _absolute(base_url: str, path: str) -> str:
    return f"{base_url.rstrip('/')}{path}" if base_url else path


def numbered_steps(steps: str) -> str:
    """The steps as an ordered list: kept as written when they are one, numbered line by line if not."""
    lines = [line.rstrip() for line in steps.strip().splitlines()]
    if any(_ORDERED_ITEM.match(line) for line in lines):
        return "\n".join(lines)
    items = [line.strip() for line in lines if line.strip()]
    return "\n".join(f"{number}. {item}" for number, item in enumerate(items, start=1))


def fenced(code: str, language: str) -> str:
    """A fenced block whose fence is longer than any run of backticks inside the code."""
    longest = max((len(run) for run in _BACKTICK_RUN.findall(code)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{language}\n{code}\n{fence}"


def _source_line(source: dict) -> str:
    return f"`{source['doc']}` § {source['anchor']} ({source['lang']}, {source['date']})"


def entry_markdown(entry: dict, base_url: str = "", heading: str = "###") -> str:
    """One entry (the API's entry or match shape) as a message: everything a user needs to act."""
    labels = _labels(entry["lang"])
    parts = [f"{heading} {entry['title']}"]
    if entry.get("fallback"):
        parts.append(f"_{labels['fallback']}_")
    parts.append(f"**{labels['cause']}:** {entry['cause']}")
    parts.append(f"**{labels['steps']}**\n\n{numbered_steps(entry['steps'])}")
    if entry["commands"]:
        blocks = [f"{command['description']}\n\n{fenced(command['command'], _FENCE_LANGUAGE.get(command['tool'], ''))}"
                  for command in entry["commands"]]
        parts.append(f"**{labels['commands']}**\n\n" + "\n\n".join(blocks))
    references = [f"{labels['source']}: {_source_line(source)}" for source in entry["sources"]]
    references.append(f"{labels['details']}: {_absolute(base_url, entry['url'])}")
    parts.append("\n".join(f"_{line}_  " for line in references).rstrip())
    return "\n\n".join(parts) + "\n"


def match_markdown(result: dict, base_url: str = "") -> str:
    """The answer to a paste: the best entry in full, the runners-up by title, and any caveat."""
    labels = _labels(result.get("answer_lang"))
    notes = []
    if result.get("truncated"):
        notes.append(f"> {labels['truncated']}")
    matches = result["matches"]
    if not matches:
        return "\n\n".join(notes + [labels["no_match"]]) + "\n"
    if result.get("ambiguous"):
        notes.append(f"> {labels['ambiguous']}")
    parts = notes + [entry_markdown(matches[0], base_url).rstrip()]
    if len(matches) > 1:
        others = "\n".join(f"- {match['title']} (`{match['id']}`, {round(match['score'])}) "
                           f"{_absolute(base_url, match['url'])}" for match in matches[1:])
        parts.append(f"**{labels['others']}**\n\n{others}")
    return "\n\n".join(parts) + "\n"


def lookup_markdown(lookup: dict, base_url: str = "") -> str:
    """Every entry that answers a code, one after another."""
    return "\n---\n\n".join(entry_markdown(entry, base_url) for entry in lookup["entries"])
