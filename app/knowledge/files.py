"""Reading and writing entry files: YAML on disk <-> validated plain dicts.

Plain Python so the loader, the exporter and the tests share one canonical format:
exporting what was loaded gives back the same files.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import sys
from pathlib import Path
from typing import Any

import yaml

from app.knowledge.model import SchemaError, canonical, validate_entry

ENTRY_GLOB = "*/*.yaml"


def entry_paths(directory: str | Path) -> list[Path]:
    """Entry files in a stable order (family folder, then id)."""
    return sorted(Path(directory).glob(ENTRY_GLOB))


def fingerprint(directory: str | Path) -> str:
    """A hash of every entry file's name and bytes: it changes exactly when the knowledge does."""
    digest = hashlib.sha256()
    for path in entry_paths(directory):
        digest.update(path.relative_to(directory).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def _plain(value: Any) -> Any:
    """YAML turns unquoted dates into date objects; the schema speaks ISO strings."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def parse_entry_file(path: Path) -> tuple[dict[str, Any] | None, list[SchemaError]]:
    """Parse and validate one file; the id must equal the file name so links never drift."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        return None, [SchemaError(str(path), "(file)", f"not valid YAML: {exc}")]
    data = _plain(data)
    errors = validate_entry(data, str(path))
    if not errors and data["id"] != path.stem:
        errors.append(SchemaError(str(path), "id", f"{data['id']!r} does not match the file name {path.stem!r}"))
    if not errors and path.parent.name != data["family"]:
        errors.append(SchemaError(str(path), "family",
                                  f"{data['family']!r} but the file is in folder {path.parent.name!r}"))
    return (None if errors else data), errors


def read_entry_files(directory: str | Path) -> tuple[list[dict[str, Any]], list[SchemaError]]:
    """Read every entry file; return the valid entries and every problem found across them."""
    paths = entry_paths(directory)
    if not paths:
        return [], [SchemaError(str(directory), "(directory)", f"no entry files matching {ENTRY_GLOB}")]
    entries: list[dict[str, Any]] = []
    errors: list[SchemaError] = []
    seen: dict[str, Path] = {}
    for path in paths:
        data, problems = parse_entry_file(path)
        errors.extend(problems)
        if data is None:
            continue
        if data["id"] in seen:
            errors.append(SchemaError(str(path), "id", f"duplicate id {data['id']!r}, also in {seen[data['id']]}"))
            continue
        seen[data["id"]] = path
        entries.append(data)
    for entry in entries:
        for i, related in enumerate(entry.get("related", [])):
            if related not in seen:
                errors.append(SchemaError(str(seen[entry["id"]]), f"related[{i}]", f"unknown entry id {related!r}"))
    return entries, errors


class _Dumper(yaml.SafeDumper):
    """Readable YAML: multi-line text as literal blocks, dates unquoted."""


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_representer)


def to_yaml(data: dict[str, Any]) -> str:
    """Entry-shaped data as readable YAML: key order kept, source dates as bare dates."""
    data = {**data, "sources": [{**s, "date": dt.date.fromisoformat(s["date"])} for s in data["sources"]]}
    text: str = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100,
                          default_flow_style=False)
    return text


def dump_entry(entry: dict[str, Any]) -> str:
    """Serialise one entry in the canonical layout used by export."""
    return to_yaml(canonical(_plain(entry)))


def write_entry_files(entries: list[dict[str, Any]], directory: str | Path) -> list[Path]:
    """Write entries as `<family>/<id>.yaml` under directory; returns the paths written."""
    written = []
    for entry in entries:
        path = Path(directory) / entry["family"] / f"{entry['id']}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dump_entry(entry), encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str]) -> int:
    """Validate a directory of entry files from the command line (for curators)."""
    _, errors = read_entry_files(argv[0] if argv else "knowledge/entries")
    for error in errors:
        print(error)
    print(f"{len(errors)} problem(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
