"""Removing secrets from pasted text before anything is stored.

Pasted logs carry bearer tokens, keys, SAS signatures, connection strings and
passwords; each is replaced by `[REDACTED:<kind>]`. The rules run in order, the most
specific first, and never match a marker again; `redact` repeats them until nothing
changes, so redacting twice changes nothing. What the support desk needs stays: error
codes, HTTP statuses, GUIDs, host names, command names and the error text itself.

Every candidate is examined. A rule whose predicate turns a candidate down (`relay:` is
not a secret's name, `lat=1` is not a key) consumes only the part it judged, the name,
never the value that follows: in `relay: SLACK_BOT_TOKEN=xoxb-...` or
`?lat=1&api_key=...&units=metric`, the scan goes on right after `relay:` or `lat=` and
finds the real name behind it. Rules with a name and a value match the name first and
read the value only once the name is accepted.

Every pattern is bounded and cannot backtrack far (no nested quantifiers, except the
private key's repeated lines, whose inner run is possessive), and the scan never steps
back, so the cost stays linear on hostile input (the text is up to MAX_CONTENT_LENGTH
bytes from anyone; tests/test_privacy.py times 256 KB bodies). Where a regular
expression alone would have to backtrack (does this name end in `key`?), it matches the
plain shape and a small predicate decides.

Most pastes hold no secret, and most rules have a word every one of their matches contains
(`bearer`, `eyJ`, `@`...): a rule whose words are all missing from the text is not run at
all, which spares most of the twenty regular-expression scans of an ordinary paste. The
words only skip work: they are necessary, never sufficient, so the output is the same.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

# Values that are never secrets although they follow a secret-looking name: markers from an
# earlier rule, the next CLI flag, shell variables, and the error codes the desk needs.
_VALUE_START = r"(?![ \t]*\[REDACTED|-|\$|%|(?i:err_\d|aadsts\d|(?:true|false|null|none)\b))"
_VALUE = (rf"{_VALUE_START}(?:\"[^\"\n]{{1,4096}}\"|'[^'\n]{{1,4096}}'"
          r"|[^\s\"',;}\]]{3,4096})")
_VALUE_RE = re.compile(_VALUE)
_SEP = r"[ \t]{0,3}"
_SECRET_NAME_END = re.compile(
    r"(?:password|passwd|pwd|pass|secret|token|key|credentials?|signature|sas|apikey)[12]?$", re.I)
_SECRET_NAME_WORDS = ("pass", "pwd", "secret", "token", "key", "credential", "signature", "sas")
"""A part of every ending `_SECRET_NAME_END` accepts: a rule judged by `_secret_name` needs one of them."""
_FOLDED_TO_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
"""The only characters outside ASCII that a case-insensitive pattern matches to an ASCII letter
(İ and ı to i, the long s to s, the Kelvin sign to k); `str.lower` alone would turn İ into two."""


def _folded(text: str) -> str:
    """The text as a case-insensitive pattern sees its ASCII letters: a word such a pattern
    matches appears, in lower case, in the folded text."""
    return text.lower() if text.isascii() else text.translate(_FOLDED_TO_ASCII).lower()


def _secret_name(match: re.Match[str]) -> bool:
    """client_secret, AccountKey, primaryKey, AWS_SECRET_ACCESS_KEY, sas-token, key1: yes.
    keyName, tokenType, SharedAccessKeyName, --generate-ssh-keys: no."""
    return bool(_SECRET_NAME_END.search(match.group("name")))


def _char_class(char: str) -> int:
    return 0 if char.isdigit() else 1 if char.isupper() else 2


def _opaque(match: re.Match[str]) -> bool:
    """A long random run of letters and digits, like an endpoint key. Random text switches
    between upper case, lower case and digits at about every other character; identifiers
    people write (CamelCase words, lowercase hex ids) switch far less often."""
    token = match.group(0)
    classes = [_char_class(c) for c in token]
    switches = sum(a != b for a, b in zip(classes, classes[1:]))
    return all(classes.count(kind) >= 2 for kind in (0, 1, 2)) and switches >= len(token) / 3


def _tokenish(match: re.Match[str]) -> bool:
    """After `Bearer`: a credential has digits and no `name=value` inside (unlike `realm="..."`)."""
    token = match.group("token")
    return any(c.isdigit() for c in token) and "=" not in token.rstrip("=")


@dataclass(frozen=True)
class _Rule:
    """`pattern` finds a candidate; `applies` (when given) decides whether it is a secret.

    Without `value`, the match is the secret, less its `keep` group (the name or header
    before it, which stays). With `value`, `pattern` matches only the part that stays (a
    name and its separator), `applies` judges that part, and `value` is the secret that
    must follow it right away.

    `needs`: words of which every match contains one (as written, or in lower case in the
    folded text when `pattern` or `applies` ignores case, `any_case`); without any of them in
    the text the rule cannot apply and is skipped. Empty: always run.
    """

    kind: str
    pattern: re.Pattern[str]
    applies: Callable[[re.Match[str]], bool] | None = None
    value: re.Pattern[str] | None = None
    needs: tuple[str, ...] = ()
    any_case: bool = False


def _random_segment(match: re.Match[str]) -> bool:
    """`sk-...` keys: some part between hyphens is a long random run (upper, lower and digits);
    `sk-learn-2023-release-notes` has none."""
    return any(len(part) >= 16 and any(c.isdigit() for c in part) and any(c.isupper() for c in part)
               and any(c.islower() for c in part) for part in match.group(0).split("-"))


_RULES: tuple[_Rule, ...] = (
    # The body is whole base64 words (lines), each ending where a line would: a key cut off
    # mid-paste stops before the next token (`xoxb-...`) instead of eating its first letters.
    _Rule("private-key", re.compile(
        r"-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----"
        r"(?:(?:\s|\\n){0,4}[A-Za-z-]{1,20}: [^\n\\]{0,200}){0,4}"
        r"(?:(?:\s|\\n){0,8}[A-Za-z0-9+/=]{1,200}+(?=[\s\"'\\,;)\]}]|-----END|\Z)){0,1000}"
        r"(?:(?:\s|\\n){0,8}-----END (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----)?"),
        needs=("PRIVATE KEY",)),
    _Rule("authorization-header", re.compile(
        rf"(?P<keep>\b(?:proxy-)?authorization[\"']?{_SEP}[:=]{_SEP}[\"']?)(?![ \t]*\[REDACTED)[^\"'\r\n]{{4,4096}}",
        re.I), needs=("authorization",), any_case=True),
    # Key headers (Azure ML and Azure OpenAI `api-key`, APIM, Functions) before the generic
    # name/value rules, so a flag in front (`-p api-key: ...`) cannot take the header's name as its value.
    _Rule("api-key-header", re.compile(
        rf"(?P<keep>(?<![\w-])[\"']?(?:x-api-key|api-key|ocp-apim-subscription-key|x-functions-key)[\"']?"
        rf"{_SEP}:{_SEP}){_VALUE}", re.I), needs=("-key",), any_case=True),
    _Rule("connection-string", re.compile(
        rf"(?P<keep>\b(?:AccountKey|SharedAccessKey|SharedAccessSignature|Password|Pwd|ClientSecret|AccessKey)"
        rf"{_SEP}={_SEP})(?![ \t]*\[REDACTED)[^;,\s\"']{{1,4096}}", re.I),
        needs=("key", "signature", "password", "pwd", "secret"), any_case=True),
    _Rule("url-credentials", re.compile(
        r"(?P<keep>\b[a-z][a-z0-9+.\-]{1,20}://[^\s/:@\"'<>\[\]]{0,256}:)(?![ \t]*\[REDACTED)[^\s/\"'<>]{1,256}(?=@)",
        re.I), needs=("@",)),
    # The path of a Slack incoming webhook is its credential: anyone holding it can post.
    _Rule("slack-webhook", re.compile(
        r"(?P<keep>\bhttps?://hooks\.slack(?:-gov)?\.com/(?:services|workflows|triggers)/)(?![ \t]*\[REDACTED)"
        r"[A-Za-z0-9_/\-]{8,512}", re.I), needs=("hooks.slack",), any_case=True),
    _Rule("sas-signature", re.compile(
        r"(?P<keep>[?&;](?:sig|code|signature)=)(?![ \t]*\[REDACTED)[^&\s\"'<>]{1,4096}", re.I),
        needs=("sig=", "code=", "signature="), any_case=True),
    _Rule("jwt", re.compile(r"\beyJ[A-Za-z0-9_-]{8,4096}\.[A-Za-z0-9_-]{8,8192}\.[A-Za-z0-9_-]{0,4096}"),
          needs=("eyJ",)),
    _Rule("bearer-token", re.compile(
        r"(?P<keep>\bbearer\s{1,3})(?![ \t]*\[REDACTED)(?P<token>[A-Za-z0-9._~+/=-]{8,4096})", re.I), _tokenish,
        needs=("bearer",), any_case=True),
    _Rule("login-password", re.compile(
        rf"(?P<keep>\b(?:docker|podman|nerdctl|buildah|skopeo|oras|registry|acr|az)[ \t]{{1,3}}login\b"
        rf"[^\n]{{0,300}}?[ \t](?:-p|--password)(?:[ \t]{{1,3}}|=)){_VALUE}", re.I),
        needs=("login",), any_case=True),
    _Rule("cli-secret", re.compile(
        r"(?<![\w-])--?(?P<name>[A-Za-z][A-Za-z0-9-]{0,60})(?:[ \t]{1,3}|=)"),
        _secret_name, _VALUE_RE, _SECRET_NAME_WORDS, any_case=True),
    _Rule("name-value-secret", re.compile(
        rf"[\"'](?:name|keyName)[\"']{_SEP}:{_SEP}[\"'](?P<name>[^\"'\n]{{1,60}})[\"']{_SEP},\s{{0,20}}"
        rf"(?:[\"'][A-Za-z]{{1,30}}[\"']{_SEP}:{_SEP}[\"'][^\"'\n]{{0,60}}[\"']{_SEP},\s{{0,20}})?"
        rf"[\"']value[\"']{_SEP}:{_SEP}"),
        _secret_name, _VALUE_RE, _SECRET_NAME_WORDS, any_case=True),
    _Rule("secret-assignment", re.compile(
        rf"(?<![\w-])[\"']?(?P<name>[A-Za-z_][A-Za-z0-9_.\-]{{0,60}})[\"']?{_SEP}(?::|=>|=){_SEP}"),
        _secret_name, _VALUE_RE, _SECRET_NAME_WORDS, any_case=True),
    _Rule("github-token", re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{30,255}|github_pat_[A-Za-z0-9_]{30,255})\b"),
          needs=("gh", "github_pat_")),
    _Rule("slack-token", re.compile(r"(?<![\w-])(?:xox[abposr]|xapp)-[A-Za-z0-9-]{10,4096}"),
          needs=("xox", "xapp-")),
    _Rule("aws-key", re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"), needs=("AKIA", "ASIA")),
    _Rule("google-api-key", re.compile(r"\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])"), needs=("AIza",)),
    _Rule("openai-key", re.compile(r"(?<![\w-])sk-[A-Za-z0-9_-]{20,255}(?![\w-])"), _random_segment, needs=("sk-",)),
    _Rule("azure-ad-secret", re.compile(r"(?<![\w~.-])[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![\w~.-])"),
          needs=("Q~",)),
    _Rule("azure-key", re.compile(
        r"(?<![A-Za-z0-9+/=])(?:[A-Za-z0-9+/]{43}=|[A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])"), needs=("=",)),
    _Rule("opaque-key", re.compile(r"(?<![A-Za-z0-9+/=_.\-])[A-Za-z0-9]{32,256}(?![A-Za-z0-9+/=_.\-])"), _opaque),
)
MAX_PASSES = 4
"""`redact` repeats the rules until the text stops changing (a marker can free a neighbour
for an earlier rule); real pastes settle in one or two passes."""


def _apply(rule: _Rule, text: str) -> str:
    """One rule over the whole text: every candidate is judged, and a rejected one gives back
    everything after the part that was judged, so a secret right behind it is still found."""
    match = rule.pattern.search(text)
    if match is None:  # most rules on most pastes: nothing to build
        return text
    marker = f"[REDACTED:{rule.kind}]"
    pieces: list[str] = []
    copied = 0  # text[:copied] is in pieces already
    position = 0  # where the next search starts
    keeps = "keep" in rule.pattern.groupindex
    while match is not None:
        accepted = rule.applies is None or rule.applies(match)
        if rule.value is not None:
            secret = rule.value.match(text, match.end()) if accepted else None
            if secret is not None and secret.end() > match.end():
                pieces += [text[copied:match.end()], marker]
                copied = position = secret.end()
            else:
                position = match.end()
        elif accepted:
            kept = (match.group("keep") or "") if keeps else ""
            pieces += [text[copied:match.start()], kept, marker]
            copied = position = match.end()
        else:
            position = match.end("keep") if keeps and match.group("keep") else match.end()
        position = max(position, match.start() + 1)
        match = rule.pattern.search(text, position)
    pieces.append(text[copied:])
    return "".join(pieces)


def _redact_once(text: str) -> str:
    folded = _folded(text)
    for rule in _RULES:
        if rule.needs:
            haystack = folded if rule.any_case else text
            for word in rule.needs:
                if word in haystack:
                    break
            else:
                continue  # none of the rule's words: it cannot match
        redacted = _apply(rule, text)
        if redacted is not text:  # a marker went in: the words are looked for in the new text
            text, folded = redacted, _folded(redacted)
    return text


def redact(text: str) -> str:
    """The text with every recognised secret replaced by `[REDACTED:<kind>]`; idempotent."""
    for _ in range(MAX_PASSES):
        redacted = _redact_once(text)
        if redacted == text:
            break
        text = redacted
    return text
