"""Parsing docs-style articles: front matter, sections and their anchors, prose, code and tables."""
import textwrap

import pytest

from app.knowledge.articles import CodeBlock, Table, clean_inline, parse_article, prose_items, slugify


def md(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


FRONT = md("""
    ---
    title: Troubleshoot online endpoints
    ms.date: 03/07/2024
    ---
    """)


def sections(body: str):
    return parse_article(FRONT + md(body), "doc.md").sections


def section(body: str, title: str):
    return next(s for s in sections(body) if s.title == title)


# --- front matter -----------------------------------------------------------------------

def test_front_matter_gives_title_date_and_language():
    article = parse_article(md("""
        ---
        title: 온라인 엔드포인트 문제 해결
        ms.date: 03/07/2024
        ms.contentlocale: ko-KR
        ---
        # 제목
        """), "troubleshoot-online-endpoints.md")
    assert (article.filename, article.title, article.date, article.language) == (
        "troubleshoot-online-endpoints.md", "온라인 엔드포인트 문제 해결", "2024-03-07", "ko")


def test_english_originals_carry_no_locale():
    assert parse_article(FRONT, "doc.md").language == "en"


@pytest.mark.parametrize("written", ["03/07/2024", "2024-03-07", "'2024-03-07'", "3/7/2024"])
def test_dates_are_read_in_the_forms_docs_write_them(written):
    article = parse_article(f"---\nms.date: {written}\n---\n# T\n", "doc.md")
    assert article.date == "2024-03-07"


@pytest.mark.parametrize("text", ["# No front matter\n", "---\ntitle: T\n---\n# T\n",
                                  "---\nms.date: someday\n---\n# T\n"])
def test_an_article_without_a_readable_date_is_rejected(text):
    with pytest.raises(ValueError, match=r"ms\.date"):
        parse_article(text, "doc.md")


def test_title_falls_back_to_the_first_level_one_heading():
    article = parse_article("---\nms.date: 01/02/2024\n---\n## Intro\n# The [real](x.md) title\n", "doc.md")
    assert article.title == "The real title"


def test_a_byte_order_mark_does_not_hide_the_front_matter():
    assert parse_article("\ufeff" + FRONT, "doc.md").title == "Troubleshoot online endpoints"


# --- sections and anchors ---------------------------------------------------------------

def test_sections_follow_headings_with_their_levels_and_nesting():
    found = sections("""
        # Top
        intro
        ## First
        ### Detail
        ## Second
        """)
    assert [(s.title, s.level, s.has_children) for s in found] == [
        ("Top", 1, True), ("First", 2, True), ("Detail", 3, False), ("Second", 2, False)]


def test_a_heading_without_anchors_is_named_by_its_slug():
    assert sections("## Out of quota: ERR_1100!\n")[0].anchor == "out-of-quota-err_1100"


def test_an_id_on_the_heading_wins_over_a_name_and_other_anchors_are_aliases():
    found = section("""
        <a name="old-quota"></a>
        <a id="quota-link"></a>
        ## Quota is not enough <a name="quota"></a><a id="err-quota"></a>
        text
        """, "Quota is not enough")
    assert found.anchor == "err-quota"
    assert found.aliases == ("quota", "old-quota", "quota-link")


def test_a_name_on_the_heading_names_the_section():
    found = sections('## Logs <a name="dockerlog"></a>\n')[0]
    assert (found.anchor, found.title, found.aliases) == ("dockerlog", "Logs", ())


def test_text_before_the_first_heading_is_not_a_section():
    found = sections("""
        Some preamble.

        ```bash
        echo lost
        ```

        # Start
        """)
    assert [s.title for s in found] == ["Start"]
    assert found[0].code_blocks == [] and "Some preamble." not in found[0].prose


# --- prose, code and tables -------------------------------------------------------------

def test_code_blocks_keep_language_dedented_code_and_the_sentence_before_them():
    found = section("""
        ## Check quota
        Run this to see your quota:

        ```AzureCLI
            az ml quota list \\
              --location westus
        ```

        After the block.
        """, "Check quota")
    assert found.code_blocks == [CodeBlock("azurecli", "az ml quota list \\\n  --location westus",
                                           "Run this to see your quota:")]
    assert prose_items(found.prose) == ["Run this to see your quota:", "After the block."]


def test_a_fence_closes_only_on_its_own_marker():
    found = section("""
        ## Nested
        ~~~~markdown
        ```bash
        inside
        ```
        ~~~~
        """, "Nested")
    assert found.code_blocks == [CodeBlock("markdown", "```bash\ninside\n```", "")]


def test_headings_inside_code_blocks_are_code():
    found = sections("""
        ## Shell
        ```bash
        # a comment, not a heading
        ```
        """)
    assert [s.title for s in found] == ["Shell"]
    assert found[0].code_blocks[0].code == "# a comment, not a heading"


def test_tables_keep_header_and_rows_without_the_separator():
    found = section("""
        ## Codes
        | Code | Meaning |
        |------|:-------:|
        | ERR_1100 | Not enough quota |
        | ERR_1101 | Out of capacity |
        Between the tables.
        | A | B |
        |---|---|
        | 1 | 2 |
        """, "Codes")
    assert found.tables == [
        Table(["Code", "Meaning"], [["ERR_1100", "Not enough quota"], ["ERR_1101", "Out of capacity"]]),
        Table(["A", "B"], [["1", "2"]]),
    ]
    assert prose_items(found.prose) == ["Between the tables."]


def test_text_either_side_of_a_block_never_merges():
    found = section("""
        ## Steps
        Before the table
        | A |
        |---|
        after the table
        """, "Steps")
    assert prose_items(found.prose) == ["Before the table", "after the table"]


def test_prose_groups_paragraphs_and_list_items():
    lines = md("""
        A paragraph
        on two lines.

        - first item
          continued
        - second item
        1. numbered
        """).splitlines()
    assert prose_items(lines) == ["A paragraph on two lines.", "first item continued", "second item", "numbered"]


def test_prose_drops_admonition_and_media_markers_but_keeps_the_note():
    lines = md("""
        > [!NOTE]
        > Quota is per region.

        ![A screenshot](media/quota.png)
        :::image type="content" source="x.png":::
        """).splitlines()
    assert prose_items(lines) == ["Quota is per region."]


@pytest.mark.parametrize("text,clean", [
    ("See [the quota docs](https://learn.example/quota).", "See [the quota docs](https://learn.example/quota)."),
    ("See [another article](./other.md#section).", "See another article."),
    ("Jump [below](#logs).", "Jump below."),
    ("Link [with (parens)](https://x.example/a_(b)).", "Link [with (parens)](https://x.example/a_(b))."),
    ("  spaced \t out  ", "spaced out"),
])
def test_inline_links_outside_the_article_survive_only_when_absolute(text, clean):
    assert clean_inline(text) == clean


@pytest.mark.parametrize("text,slug", [
    ("Out of quota", "out-of-quota"),
    ("Ошибка: нет квоты", "ошибка-нет-квоты"),
    ("할당량 부족", "할당량-부족"),
    ("ＦＵＬＬ width", "full-width"),
])
def test_slugs_are_lowercase_and_keep_any_language(text, slug):
    assert slugify(text) == slug


def test_long_slugs_are_cut_at_a_word():
    slug = slugify("word " * 30)
    assert len(slug) <= 60 and not slug.endswith("-") and slug.endswith("word")
