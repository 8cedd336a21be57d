"""Removing secrets from pasted text before anything is stored.

Pasted logs carry bearer tokens, keys, SAS signatures, connection strings and
passwords; each is replaced by `[REDACTED:<kind>]`. The rules run in order, the most
specific first, and never match a marker again, so redacting twice changes nothing.
What the support desk needs stays: error codes, HTTP statuses, GUIDs, host names,
command names and the error text itself.

Every pattern is bounded and free of nested quantifiers, so the cost stays linear on
hostile input (the text is up to MAX_CONTENT_LENGTH bytes from anyone). Where a
regular expression alone would have to backtrack (does this name end in `key`?), it
matches the plain shape and a small predicate decides.
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
_SEP = r"[ \t]{0,3}"
_SECRET_NAME_END = re.compile(
    r"(?:password|passwd|pwd|pass|secret|token|key|credentials?|signature|sas|apikey)[12]?$", re.I)


def _secret_name(match: re.Match) -> bool:
    """client_secret, AccountKey, primaryKey, AWS_SECRET_ACCESS_KEY, sas-token, key1: yes.
    keyName, tokenType, SharedAccessKeyName, --generate-ssh-keys: no."""
    return bool(_SECRET_NAME_END.search(match.group("name")))


def _char_class(char: str) -> int:
    return 0 if char.isdigit() else 1 if char.isupper() else 2


def _opaque(match: re.Match) -> bool:
    """A long random run of letters and digits, like an endpoint key. Random text switches
    between upper case, lower case and digits at about every other character; identifiers
    people write (CamelCase words, lowercase hex ids) switch far less often."""
    token = match.group(0)
    classes = [_char_class(c) for c in token]
    switches = sum(a != b for a, b in zip(classes, classes[1:]))
    return all(classes.count(kind) >= 2 for kind in (0, 1, 2)) and switches >= len(token) / 3


def _tokenish(match: re.Match) -> bool:
    """After `Bearer`: a credential has digits and no `name=value` inside (unlike `realm="..."`)."""
    token = match.group("token")
    return any(c.isdigit() for c in token) and "=" not in token.rstrip("=")


@dataclass(frozen=True)
class _Rule:
    kind: str
    pattern: re.Pattern
    applies: Callable[[re.Match], bool] | None = None


_RULES: tuple[_Rule, ...] = (
    _Rule("private-key", re.compile(
        r"-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----"
        r"(?:(?:\s|\\n){0,4}[A-Za-z-]{1,20}: [^\n\\]{0,200}){0,4}"
        r"[A-Za-z0-9+/=\s\\]{0,20000}"
        r"(?:-----END (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----)?")),
    _Rule("authorization-header", re.compile(
        rf"(?P<keep>\b(?:proxy-)?authorization[\"']?{_SEP}[:=]{_SEP}[\"']?)(?![ \t]*\[REDACTED)[^\"'\r\n]{{4,4096}}",
        re.I)),
    _Rule("connection-string", re.compile(
        rf"(?P<keep>\b(?:AccountKey|SharedAccessKey|SharedAccessSignature|Password|Pwd|ClientSecret|AccessKey)"
        rf"{_SEP}={_SEP})(?![ \t]*\[REDACTED)[^;,\s\"']{{1,4096}}", re.I)),
    _Rule("url-credentials", re.compile(
        r"(?P<keep>\b[a-z][a-z0-9+.\-]{1,20}://[^\s/:@\"'<>\[\]]{0,256}:)(?![ \t]*\[REDACTED)[^\s/\"'<>]{1,256}(?=@)",
        re.I)),
    _Rule("sas-signature", re.compile(
        r"(?P<keep>[?&;](?:sig|code|signature)=)(?![ \t]*\[REDACTED)[^&\s\"'<>]{1,4096}", re.I)),
    _Rule("jwt", re.compile(r"\beyJ[A-Za-z0-9_-]{8,4096}\.[A-Za-z0-9_-]{8,8192}\.[A-Za-z0-9_-]{0,4096}")),
    _Rule("bearer-token", re.compile(
        r"(?P<keep>\bbearer\s{1,3})(?![ \t]*\[REDACTED)(?P<token>[A-Za-z0-9._~+/=-]{8,4096})", re.I), _tokenish),
    _Rule("login-password", re.compile(
        rf"(?P<keep>\b(?:docker|podman|nerdctl|buildah|skopeo|oras|registry|acr|az)[ \t]{{1,3}}login\b"
        rf"[^\n]{{0,300}}?[ \t](?:-p|--password)(?:[ \t]{{1,3}}|=)){_VALUE}", re.I)),
    _Rule("cli-secret", re.compile(
        rf"(?P<keep>(?<![\w-])--?(?P<name>[A-Za-z][A-Za-z0-9-]{{0,60}})(?:[ \t]{{1,3}}|=)){_VALUE}"),
        _secret_name),
    _Rule("name-value-secret", re.compile(
        rf"(?P<keep>[\"'](?:name|keyName)[\"']{_SEP}:{_SEP}[\"'](?P<name>[^\"'\n]{{1,60}})[\"']{_SEP},\s{{0,20}}"
        rf"(?:[\"'][A-Za-z]{{1,30}}[\"']{_SEP}:{_SEP}[\"'][^\"'\n]{{0,60}}[\"']{_SEP},\s{{0,20}})?"
        rf"[\"']value[\"']{_SEP}:{_SEP}){_VALUE}"),
        _secret_name),
    _Rule("secret-assignment", re.compile(
        rf"(?P<keep>(?<![\w-])[\"']?(?P<name>[A-Za-z_][A-Za-z0-9_.\-]{{0,60}})[\"']?{_SEP}(?::|=>|=){_SEP}){_VALUE}"),
        _secret_name),
    _Rule("github-token", re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{30,255}|github_pat_[A-Za-z0-9_]{30,255})\b")),
    _Rule("aws-key", re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b")),
    _Rule("azure-ad-secret", re.compile(r"(?<![\w~.-])[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![\w~.-])")),
    _Rule("azure-key", re.compile(
        r"(?<![A-Za-z0-9+/=])(?:[A-Za-z0-9+/]{43}=|[A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])")),
    _Rule("opaque-key", re.compile(r"(?<![A-Za-z0-9+/=_.\-])[A-Za-z0-9]{32,256}(?![A-Za-z0-9+/=_.\-])"), _opaque),
)


def _replacer(rule: _Rule) -> Callable[[re.Match], str]:
    def replace(match: re.Match) -> str:
        if rule.applies is not None and not rule.applies(match):
            return match.group(0)
        keep = match.groupdict().get("keep") or ""
        return f"{keep}[REDACTED:{rule.kind}]"
    return replace


def redact(text: str) -> str:
    """The text with every recognised secret replaced by `[REDACTED:<kind>]`."""
    for rule in _RULES:
        text = rule.pattern.sub(_replacer(rule), text)
    return text
