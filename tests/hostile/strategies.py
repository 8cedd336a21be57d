"""Hypothesis strategies for hostile input: any text, log-like text built from the fragments
that the redactor and the matcher react to, and fake secrets of every shape the redactor covers."""
from __future__ import annotations

import string

from hypothesis import strategies as st

ALNUM = string.ascii_letters + string.digits
BASE64 = ALNUM + "+/"
BASE64URL = ALNUM + "_-"
HEX = "0123456789abcdef"
UPPER_ALNUM = string.ascii_uppercase + string.digits

any_character = st.characters(codec=None, exclude_categories=())
"""Every code point, lone surrogates and control characters included."""

any_text = st.text(any_character, max_size=300)

FRAGMENTS = [
    " ", "  ", "\t", "\n", "\r\n", ":", "=", "=>", "&", "?", ";", ",", '"', "'", "[", "]", "{", "}", "@", "/",
    "://", "-", "--", "_", ".", "~", "\\n", "%3D", "==",
    "password", "pwd", "secret", "token", "key", "api_key", "api-key", "apikey", "AccountKey", "Password",
    "SharedAccessSignature", "sig", "code", "signature", "sas", "name", "keyName", "value", "relay", "lat", "units",
    "Authorization", "authorization:", "Bearer", "bearer ", "Basic ", "docker login ", "-p ", "--password ",
    "--client-secret ", "https://", "http://user:", "hooks.slack.com/services/", "-----BEGIN PRIVATE KEY-----",
    "-----END PRIVATE KEY-----", "-----BEGIN RSA PRIVATE KEY-----", "eyJ", "xoxb-", "xapp-", "ghp_", "github_pat_",
    "AKIA", "AIza", "sk-", "sk-proj-", "Q~", "[REDACTED", "[REDACTED:jwt]", "ERR_1100", "err-1200", "HTTP/1.1 429",
    "status code 503", "(413)", "true", "null", "$VAR", "%ENV%", "aadsts50011", "0d1f2e3c-4b5a-6978-8a9b-0c1d2e3f4a5b",
    "2024-03-01T10:15:22.123Z", "10.0.0.4:5001", "/var/azureml-app/score.py", "한국어", "错误", "ошибка", "\u200b",
    "\x00", "\x1b[31m", "\ud800", "\udfff", "\ud83d", "\u2028", "\ufeff",
]
fragment = st.one_of(st.sampled_from(FRAGMENTS), st.text(ALNUM, min_size=1, max_size=40),
                     st.text(BASE64URL + "+/=", min_size=1, max_size=90), st.text(any_character, max_size=5))
log_like_text = st.lists(fragment, max_size=40).map("".join)
"""Text made of the pieces secrets, names, separators and error output are made of, in any order."""

hostile_text = st.one_of(any_text, log_like_text)


def _run(alphabet: str, size: int) -> st.SearchStrategy[str]:
    return st.text(alphabet, min_size=size, max_size=size)


def _mixed_run(size: int) -> st.SearchStrategy[str]:
    """A random run with upper case, lower case and digits, as generated keys are."""
    return st.tuples(_run(string.ascii_uppercase, 1), _run(string.ascii_lowercase, 1), _run(string.digits, 1),
                     _run(ALNUM, size - 3)).map(lambda parts: parts[3][:5] + "".join(parts[:3]) + parts[3][5:])


# Each strategy gives (what is pasted, the parts of it that must not survive redaction).
SECRETS: dict[str, st.SearchStrategy[tuple[str, list[str]]]] = {
    "github-token": st.builds(lambda prefix, body: (prefix + body, [prefix + body]),
                              st.sampled_from(["ghp_", "gho_", "ghu_", "ghs_", "ghr_"]), _run(ALNUM, 36)),
    "github-pat": _run(ALNUM + "_", 82).map(lambda body: ("github_pat_" + body, ["github_pat_" + body])),
    "slack-token": st.builds(lambda kind, a, b, c: (f"{kind}-{a}-{b}-{c}", [f"{a}-{b}-{c}"]),
                             st.sampled_from(["xoxb", "xoxp", "xoxa", "xoxr"]), _run(string.digits, 10),
                             _run(string.digits, 13), _run(ALNUM, 24)),
    "slack-webhook": st.builds(lambda team, bot, key: (f"https://hooks.slack.com/services/T{team}/B{bot}/{key}",
                                                       [f"T{team}/B{bot}/{key}", key]),
                               _run(UPPER_ALNUM, 8), _run(UPPER_ALNUM, 10), _run(ALNUM, 24)),
    "aws-key": _run(UPPER_ALNUM, 16).map(lambda body: ("AKIA" + body, ["AKIA" + body])),
    "google-api-key": _run(BASE64URL, 35).map(lambda body: ("AIza" + body, ["AIza" + body])),
    "jwt": st.builds(lambda payload, claims, signature: (f"eyJ{payload}.{claims}.{signature}",
                                                         [f"{payload}.{claims}", signature]),
                     _run(BASE64URL, 30), _run(BASE64URL, 60), _run(ALNUM, 43)),
    "storage-account-key": _run(BASE64, 86).map(
        lambda key: (f"DefaultEndpointsProtocol=https;AccountName=mlstore01;AccountKey={key}==", [key])),
    "sas-signature": _run(ALNUM, 43).map(
        lambda sig: (f"https://mlstore01.blob.core.windows.net/data/x.csv?sv=2022-11-02&sp=r&sig={sig}%3D", [sig])),
    "bearer-token": _mixed_run(32).map(lambda token: (f"Bearer {token}", [token])),
    "authorization-header": _mixed_run(32).map(lambda key: (f"Authorization: Bearer {key}", [key])),
    "api-key-header": _run(HEX, 32).map(lambda key: (f"api-key: {key}", [key])),
    "openai-key": st.builds(lambda prefix, body: (prefix + body, [body]),
                            st.sampled_from(["sk-", "sk-proj-"]), _mixed_run(48)),
    "azure-ad-secret": st.builds(lambda head, digit, tail: (f"{head}{digit}Q~{tail}", [f"{head}{digit}Q~{tail}"]),
                                 _run(ALNUM, 3), _run(string.digits, 1), _run(ALNUM + "_~.-", 34)),
    "private-key": st.lists(_run(BASE64, 64), min_size=2, max_size=4).map(
        lambda lines: ("-----BEGIN RSA PRIVATE KEY-----\n" + "\n".join(lines) + "\n-----END RSA PRIVATE KEY-----",
                       lines)),
}
