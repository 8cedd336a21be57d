"""A long paste is decided by its error output: its words alone meet some entry's phrase by chance."""
from app.matching.matcher import SEMANTIC_QUERY_CHARS
from app.matching.scoring import ScoringParams

LONG_REPORT = (
    "We roll out a new version every week. This time the pipeline printed the steps as usual, registered the\n"
    "model and the code, created the deployment green next to blue and then sat there for an hour before the\n"
    "portal showed the deployment as still creating; the endpoint kept serving blue the whole time.\n"
    "Nothing in the logs we can see. Has anyone seen this?"
)


def discounts(match):
    return {reason["value"]: reason["factor"] for reason in match.reasons if reason["type"] == "discount"}


def test_words_alone_weigh_less_in_a_long_paste(matcher):
    assert len(LONG_REPORT) > SEMANTIC_QUERY_CHARS
    candidates = matcher.match(LONG_REPORT).candidates
    assert candidates
    for match in candidates:
        assert not {reason["type"] for reason in match.reasons} & {"code", "signature", "pattern", "status"}
        assert discounts(match)["long_paste_words"] == ScoringParams().long_paste_words


def test_a_short_question_keeps_its_words(matcher):
    for match in matcher.match("blue deployment created but the endpoint traffic is not updated").candidates:
        assert "long_paste_words" not in discounts(match)


def test_a_long_message_on_one_line_keeps_its_words(matcher):
    """A conversation reads a short message with its topic: one line of the user's words, not a paste."""
    for match in matcher.match(LONG_REPORT.replace("\n", " ")).candidates:
        assert "long_paste_words" not in discounts(match)


def test_a_long_paste_with_its_error_output_keeps_the_entry(matcher):
    paste = LONG_REPORT + "\nError: (ResourceNotReady) User container has crashed or terminated. ERR_2200"
    result = matcher.match(paste)
    assert result.matches and result.matches[0].id == "err_2200-user-container-has-crashedterminated"
    assert "long_paste_words" not in discounts(result.matches[0])
