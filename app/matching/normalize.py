"""Normalising pastes: one canonical text, with the noise of real logs removed.

Timestamps, GUIDs, request ids, long hex ids, IP addresses, URLs and file paths vary
from paste to paste and say nothing about the problem; codes, identifiers, file names
and host names that do carry meaning are kept.
"""
from __future__ import annotations

import re
import unicodedata

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Each pattern starts with a character (or a class of them), so the engine skips ahead to where a match can
# start instead of trying every position (at 100x knowledge, the index normalises 50 million characters): a
# word boundary before that first character is written as a look back after it (`\d(?<!\w\d)` is `\b\d`).
_TIMESTAMP = re.compile(
    r"\d(?<!\w\d)(?:\d{3}-\d{2}-\d{2}[t ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:z|[+-]\d{2}:?\d{2})?\b"
    r"|\d{3}-\d{2}-\d{2}\b|\d?:\d{2}:\d{2}(?:[.,]\d+)?\b)")
"""`2024-03-04t10:11:02,551`, `2024-03-04`, `10:11:02`."""
_GUID = re.compile(r"[0-9a-f](?<!\w[0-9a-f])[0-9a-f]{7}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b")
_REQUEST_ID = re.compile(r"(?:x(?<!\w.)-ms-(?:client-)?request-id|r(?<!\w.)equest[-_ ]?id|c(?<!\w.)orrelation[-_ ]?id"
                         r"|o(?<!\w.)peration id|t(?<!\w.)race[-_ ]?id)\s*[:=]?\s*\S+")
_HEX_ID = re.compile(r"[0-9a-f](?<![0-9a-z][0-9a-f])(?=[0-9a-f]{11})(?:(?<=\d)|(?=[0-9a-f]*\d))"
                     r"(?:(?<=[a-f])|(?=[0-9a-f]*[a-f]))[0-9a-f]{11,}(?![0-9a-z])")
"""A run of twelve or more hex digits, with a digit and a letter among them (or a digit right after)."""
_IP = re.compile(r"\d(?<!\w\d)\d{0,2}(?:\.\d{1,3}){3}(?::\d+)?\b")
_URL = re.compile(r"(?:h(?<!\w.)ttps?|w(?<!\w.)ss?|a(?<!\w.)zureml|s(?<!\w.)3|g(?<!\w.)s|a(?<!\w.)bfss?|w(?<!\w.)asbs?)"
                  r"://([^\s/\"'<>)]*)([^\s\"'<>)#]*)(?:#([\w\-]+))?")
_URL_FILE = re.compile(r"/([\w\-]+\.[a-z][a-z0-9]{0,4})(?:[?;]|[.,:]?$)")
"""A link's file name (`.../ImageLogs/<id>/build.log?sv=...` says `build.log`), kept like a path's last part."""
_PATH = re.compile(r"[a-z/\\](?<![\w.][a-z/\\])(?:(?<=[a-z]):(?:[/\\][\w.\-@]+){2,}|(?<=[/\\])[\w.\-@]+(?:[/\\][\w.\-@]+)+)"
                   r"[/\\]?")
"""A path of two parts or more, after a drive letter or none."""
_SPACES = re.compile(r"[ \t]+")
MODEL_FOLDER = "azureml-models"
"""`/var/azureml-app/azureml-models/<model>/<version>/`: where a deployment's container finds its registered models."""
_DIGIT = re.compile(r"\d")


def _url_host(match: re.Match[str]) -> str:
    """Keep the host: `inference.ml.azure.com` or `azurecr.io` tells which service answered;
    and a fragment's words: `aka.ms/oe-tsg#error-outofquota` names the troubleshooting section."""
    host = match.group(1).split("@")[-1].split(":")[0]
    fragment = (match.group(3) or "").replace("-", " ").replace("_", " ")
    file_name = _URL_FILE.search(match.group(2))
    host = f"{host} {file_name.group(1)}" if file_name else host
    return f" {host} {fragment} " if fragment else f" {host} "


def _path_tail(match: re.Match[str]) -> str:
    """Keep a path's last part: `score.py` or `70_driver_log.txt` matter, the folders do not, but for
    the folder a deployment's registered models are mounted in (`MODEL_FOLDER`): a file missing there
    is a model the scoring script looks for in the wrong place."""
    parts = [p for p in re.split(r"[/\\]", match.group(0)) if p]
    if not parts:
        return " "
    return f" {MODEL_FOLDER} {parts[-1]} " if MODEL_FOLDER in parts[:-1] else f" {parts[-1]} "


def fold(text: str) -> str:
    """Unicode NFKC (full-width forms, compatibility characters) and case folding."""
    return unicodedata.normalize("NFKC", text).casefold()


def normalize(text: str) -> str:
    """Canonical, noise-free text for extraction and matching.

    A pattern runs only when the text has what every match of it contains (`://`, `id`, a
    hyphen, a digit, a slash): most titles and aliases have none, and the index normalises
    every one of them (600,000 at 100x knowledge). Replacements only remove characters, so a
    check made on the folded text holds for the later steps."""
    text = _CONTROL.sub(" ", fold(text))
    digits = _DIGIT.search(text) is not None
    if "://" in text:
        text = _URL.sub(_url_host, text)
    if "id" in text:
        text = _REQUEST_ID.sub(" ", text)
    if "-" in text:
        text = _GUID.sub(" ", text)
    if digits:
        text = _TIMESTAMP.sub(" ", text)
        text = _IP.sub(" ", text)
    if "/" in text or "\\" in text:
        text = _PATH.sub(_path_tail, text)
    if digits:
        text = _HEX_ID.sub(" ", text)
    # runs of spaces and tabs never span a line: squeezed in one call (none to squeeze when no tab or two spaces
    # meet: a lone space stays one), and lines stripped in C loops
    if "\t" in text or "  " in text:
        text = _SPACES.sub(" ", text)
    return "\n".join(filter(None, map(str.strip, text.splitlines())))
