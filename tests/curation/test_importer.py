"""Tests for the article importer: small fixture articles, then the five real sources."""

from pathlib import Path

import pytest
import yaml

from app.curation.catalog import load_catalog
from app.curation.importer import draft_entries, status_slug, write_drafts
from app.knowledge.articles import Article, parse_article

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures" / "articles"
SOURCES = ROOT / "knowledge" / "sources"
CATALOG = ROOT / "knowledge" / "catalog.md"

BATCH_ROW_IDS = {
    "코드 구성 또는 환경이 없습니다.": "batch-missing-code-or-environment",
    "기존 일괄 처리 엔드포인트에 대한 모델, 코드, 환경 및 컴퓨팅을 업데이트하지 못했습니다.":
        "batch-cannot-update-existing-endpoint",
    "리소스를 찾을 수 없습니다.": "batch-resource-not-found",
    "지원되지 않는 입력 데이터입니다.": "batch-unsupported-input-data",
    "제공된 엔드포인트 이름이 존재하거나 삭제되고 있습니다.": "batch-endpoint-name-exists-or-deleting",
    "출력이 이미 있습니다.": "batch-output-already-exists",
}
"""The curator's mapping for 001's problem/solution table (Korean problem text → catalog id)."""

SOURCE_DATES = {
    "000": "2021-05-13",
    "001": "2021-05-05",
    "002": "2019-10-25",
    "003": "2021-05-13",
    "004": "2020-08-06",
}


def fixture(name: str) -> Article:
    return parse_article((FIXTURES / name).read_text(encoding="utf-8"), name)


def drafts_by_id(name: str, **options) -> dict[str, dict]:
    return {draft["id"]: draft for draft in draft_entries(fixture(name), **options)}


def source_path(doc: str) -> Path:
    return next(SOURCES.glob(f"{doc}_*.txt"))


def source_drafts(doc: str) -> list[dict]:
    path = source_path(doc)
    article = parse_article(path.read_text(encoding="utf-8"), path.name)
    return draft_entries(article, row_ids=BATCH_ROW_IDS)


def catalog_ids_for(doc: str) -> set[str]:
    return {item.id for item in load_catalog(CATALOG) if doc in item.sources}


# Front matter


def test_ms_date_becomes_iso_date():
    assert fixture("tables_ko.md").date == "2021-05-13"


def test_contentlocale_becomes_language():
    assert fixture("code_ru.md").language == "ru"


def test_article_without_contentlocale_is_english():
    assert fixture("tiny_en.md").language == "en"


# Sections


def test_heading_text_is_kept_without_anchor():
    titles = [section.title for section in fixture("tiny_en.md").sections]
    assert "ERR_1234: Job failed" in titles


def test_comment_lines_in_code_blocks_are_not_headings():
    titles = [section.title for section in fixture("code_ru.md").sections]
    assert not any("service object" in title for title in titles)


def test_id_anchor_on_heading_wins_over_name():
    section = fixture("code_ru.md").sections[1]
    assert (section.anchor, section.aliases) == ("dockerlog", ("inspect-the-docker-log",))


def test_heading_with_only_an_id_anchor_is_a_section():
    assert "imagelog" in drafts_by_id("code_ru.md")


def test_anchor_on_its_own_line_aliases_the_next_heading():
    section = next(s for s in fixture("code_ru.md").sections if s.anchor == "download-the-image")
    assert section.aliases == ("editfiles",)


def test_title_prerequisites_and_next_steps_are_not_drafted():
    ids = set(drafts_by_id("tiny_en.md"))
    assert ids == {"err_1234-job-failed", "check-the-logs", "http-status-code-503"}


def test_sections_that_only_introduce_subsections_or_tables_are_not_drafted():
    ids = set(drafts_by_id("tables_ko.md"))
    assert not ids & {"common-deployment-errors", "http-status-codes", "troubleshooting-managed-online-endpoints"}


# Section drafts


def test_draft_fields_follow_schema_order():
    draft = drafts_by_id("tiny_en.md")["check-the-logs"]
    assert list(draft) == [
        "id", "family", "kind", "error_codes", "http_statuses", "signatures",
        "content", "aliases", "commands", "sources", "related",
    ]


def test_error_code_heading_makes_error_code_entry():
    draft = drafts_by_id("tiny_en.md")["err_1234-job-failed"]
    assert (draft["kind"], draft["error_codes"], draft["signatures"]) == ("error-code", ["ERR_1234"], ["ERR_1234"])


def test_http_heading_makes_http_status_entry():
    draft = drafts_by_id("tiny_en.md")["http-status-code-503"]
    assert (draft["kind"], draft["http_statuses"]) == ("http-status", [503])


def test_other_headings_make_how_to_entries():
    assert drafts_by_id("tiny_en.md")["check-the-logs"]["kind"] == "how-to"


def test_cause_is_first_sentence_of_prose():
    content = drafts_by_id("tiny_en.md")["err_1234-job-failed"]["content"]["en"]
    assert content["cause"] == "The scoring script raised an exception."


def test_steps_are_the_rest_of_the_prose_as_ordered_list_without_code():
    content = drafts_by_id("tiny_en.md")["err_1234-job-failed"]["content"]["en"]
    assert content["steps"] == "1. Read the error log first.\n2. Then see Check the logs for where it lives.\n"


def test_admonition_markers_are_dropped_from_steps():
    steps = drafts_by_id("tiny_en.md")["check-the-logs"]["content"]["en"]["steps"]
    assert steps == "1. The studio shows the same files.\n"


def test_content_is_keyed_by_article_language():
    assert set(drafts_by_id("code_ru.md")["dockerlog"]["content"]) == {"ru"}


def test_aliases_are_empty_lists_for_all_four_languages():
    assert drafts_by_id("tiny_en.md")["check-the-logs"]["aliases"] == {"en": [], "ko": [], "zh": [], "ru": []}


def test_sources_cite_doc_anchor_language_and_date():
    draft = drafts_by_id("code_ru.md")["dockerlog"]
    assert draft["sources"] == [{"doc": "code_ru.md", "anchor": "dockerlog", "lang": "ru", "date": "2020-08-06"}]


def test_related_resolves_links_through_anchor_aliases():
    assert drafts_by_id("code_ru.md")["service-launch-fails"]["related"] == ["dockerlog", "download-the-image"]


def test_related_ignores_links_to_sections_that_are_not_entries():
    assert drafts_by_id("tiny_en.md")["err_1234-job-failed"]["related"] == ["check-the-logs"]


# Family


def test_family_is_guessed_from_title():
    assert drafts_by_id("code_ru.md")["dockerlog"]["family"] == "docker-aci-aks"


def test_family_passed_in_wins_over_guess():
    draft = drafts_by_id("code_ru.md", family="batch-endpoints")["dockerlog"]
    assert draft["family"] == "batch-endpoints"


def test_unknown_family_is_todo():
    article = parse_article((FIXTURES / "tiny_en.md").read_text(encoding="utf-8").replace("batch", "misc"), "x.md")
    assert {draft["family"] for draft in draft_entries(article)} == {"TODO"}


# Commands


def test_shell_block_lines_become_cli_commands_by_first_word():
    commands = drafts_by_id("code_ru.md")["download-the-image"]["commands"]
    assert [(c["tool"], c["command"]) for c in commands] == [
        ("az", "az acr login --name myregistry"),
        ("docker", "docker pull myregistry.azurecr.io/myimage:1"),
    ]


def test_multiline_python_block_becomes_one_python_item():
    commands = drafts_by_id("code_ru.md")["dockerlog"]["commands"]
    assert [(c["tool"], c["command"]) for c in commands] == [(
        "python",
        "# if you already have the service object handy\n"
        "print(service.get_logs())\n\n"
        "print(ws.webservices['mysvc'].get_logs())",
    )]


def test_python_block_that_does_not_parse_is_not_a_command():
    assert drafts_by_id("code_ru.md")["imagelog"]["commands"] == []


def test_command_description_carries_the_introducing_prose():
    command = drafts_by_id("code_ru.md")["download-the-image"]["commands"][0]
    assert command["description"] == {"en": "", "ru": "Войдите в реестр и скачайте образ."}


def test_inline_cli_span_in_prose_becomes_command():
    commands = drafts_by_id("tiny_en.md")["err_1234-job-failed"]["commands"]
    assert commands[0]["command"] == "az ml job stream --name <job-name>"


# Status-code tables


def test_status_rows_use_standard_english_reason_phrase():
    assert "http-200-ok" in drafts_by_id("tables_ko.md")


def test_duplicate_status_codes_are_named_by_known_reason_phrases():
    ids = set(drafts_by_id("tables_ko.md"))
    assert {
        "http-424-model-error",
        "http-424-response-payload-too-large",
        "http-429-rate-limiting",
        "http-429-too-many-pending-requests",
    } <= ids


def test_repeated_status_ids_are_numbered_in_order():
    drafts = drafts_by_id("tables_ko.md")
    assert drafts["http-503-service-unavailable-2"]["content"]["ko"]["cause"] == "복제본이 아직 시작 중입니다."


def test_nonstandard_code_falls_back_to_localized_phrase_slug():
    assert "http-499-클라이언트-연결-끊김" in drafts_by_id("tables_ko.md")


def test_status_row_draft_is_http_status_entry_citing_table_section():
    draft = drafts_by_id("tables_ko.md")["http-200-ok"]
    assert (draft["kind"], draft["http_statuses"], draft["sources"][0]["anchor"]) == (
        "http-status", [200], "http-status-codes",
    )


def test_status_row_title_keeps_localized_phrase():
    assert drafts_by_id("tables_ko.md")["http-429-rate-limiting"]["content"]["ko"]["title"] == "429 속도 제한"


def test_status_row_links_become_related():
    assert drafts_by_id("tables_ko.md")["http-429-too-many-pending-requests"]["related"] == ["err_1100-not-enough-quota"]


def test_known_reason_phrases_match_in_english():
    assert status_slug(429, "Too many pending requests") == "too-many-pending-requests"


# Problem/solution tables


def test_problem_rows_get_slug_ids_by_default():
    assert "리소스를-찾을-수-없습니다" in drafts_by_id("tables_ko.md")


def test_problem_rows_take_ids_from_row_id_mapping():
    drafts = drafts_by_id("tables_ko.md", row_ids={"출력이 이미 있습니다.": "batch-output-already-exists"})
    assert "batch-output-already-exists" in drafts


def test_problem_row_draft_splits_solution_into_cause_and_steps():
    content = drafts_by_id("tables_ko.md")["리소스를-찾을-수-없습니다"]["content"]["ko"]
    assert (content["cause"], content["steps"]) == (
        "CLI 명령에서 `--type batch`를 사용하는지 확인합니다.",
        "1. 이 인수를 지정하지 않으면 기본 `online` 형식이 사용됩니다.\n",
    )


def test_problem_rows_are_symptom_entries():
    assert drafts_by_id("tables_ko.md")["리소스를-찾을-수-없습니다"]["kind"] == "symptom"


# Writing drafts


def test_write_drafts_writes_one_yaml_file_per_draft(tmp_path):
    drafts = draft_entries(fixture("tables_ko.md"))
    paths = write_drafts(drafts, tmp_path)
    assert sorted(path.name for path in paths) == sorted(f"{draft['id']}.yaml" for draft in drafts)


def test_written_yaml_loads_back_with_unicode_text(tmp_path):
    draft = drafts_by_id("tables_ko.md")["http-429-rate-limiting"]
    (path,) = write_drafts([draft], tmp_path)
    assert "속도 제한" in path.read_text(encoding="utf-8")
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["content"] == draft["content"]


def test_written_source_date_is_a_yaml_date_like_hand_written_entries(tmp_path):
    (path,) = write_drafts([drafts_by_id("tiny_en.md")["check-the-logs"]], tmp_path)
    assert "  date: 2022-01-02\n" in path.read_text(encoding="utf-8")


def test_write_drafts_refuses_to_overwrite(tmp_path):
    drafts = [drafts_by_id("tiny_en.md")["check-the-logs"]]
    write_drafts(drafts, tmp_path)
    with pytest.raises(FileExistsError):
        write_drafts(drafts, tmp_path)


def test_write_drafts_overwrites_when_asked(tmp_path):
    drafts = [drafts_by_id("tiny_en.md")["check-the-logs"]]
    (path,) = write_drafts(drafts, tmp_path)
    path.write_text("edited", encoding="utf-8")
    write_drafts(drafts, tmp_path, overwrite=True)
    assert path.read_text(encoding="utf-8").startswith("id: check-the-logs")


# The real sources against the catalog

DOCS = sorted(SOURCE_DATES)


@pytest.mark.parametrize("doc", DOCS)
def test_every_catalog_id_is_drafted_from_each_doc_listing_it(doc):
    drafted = {draft["id"] for draft in source_drafts(doc)}
    assert catalog_ids_for(doc) - drafted == set()


@pytest.mark.parametrize("doc", DOCS)
def test_real_sources_draft_nothing_outside_the_catalog(doc):
    drafted = {draft["id"] for draft in source_drafts(doc)}
    assert drafted - catalog_ids_for(doc) == set()


@pytest.mark.parametrize("doc", DOCS)
def test_real_source_language_matches_catalog(doc):
    expected = {item.sources[doc] for item in load_catalog(CATALOG) if doc in item.sources}
    assert {lang for draft in source_drafts(doc) for lang in draft["content"]} == expected


@pytest.mark.parametrize("doc", DOCS)
def test_real_source_date_comes_from_ms_date(doc):
    assert {draft["sources"][0]["date"] for draft in source_drafts(doc)} == {SOURCE_DATES[doc]}


@pytest.mark.parametrize("doc", DOCS)
def test_real_source_family_guess_matches_catalog(doc):
    families = {item.id: item.family for item in load_catalog(CATALOG)}
    wrong = {d["id"]: d["family"] for d in source_drafts(doc) if d["family"] != families.get(d["id"])}
    assert wrong == {}


def test_dockerlog_in_2019_article_has_only_an_id_anchor():
    path = source_path("002")
    article = parse_article(path.read_text(encoding="utf-8"), path.name)
    section = next(s for s in article.sections if s.anchor == "dockerlog")
    assert section.aliases == ()


def test_dockerlog_in_2020_article_also_carries_a_name_anchor():
    path = source_path("004")
    article = parse_article(path.read_text(encoding="utf-8"), path.name)
    section = next(s for s in article.sections if s.anchor == "dockerlog")
    assert section.aliases == ("inspect-the-docker-log",)
