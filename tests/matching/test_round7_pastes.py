"""Real pastes, round 7: a Studio (classic) web service told by its trained-model file and its "predictive web
service"; a question that names the CLI and the SDK as the ways it works is not about installing them; and a
long report that reports no failure (a documentation request, a discussion: no error word, nor "cannot" or
"does not work") shares an error entry's words without its problem, so words alone weigh less there; a how-to
entry still answers it. The pastes are written here, in our own words."""
from __future__ import annotations

from app.matching.matcher import Matcher


def top(result) -> str | None:
    return result.matches[0].id if result.matches else None


def discounts(match) -> set[str]:
    return {reason["value"] for reason in match.reasons if reason["type"] == "discount"}


def test_a_studio_classic_trained_model_file_is_another_product(matcher: Matcher):
    paste = ("The web service keeps loading the old trained model: I uploaded a new scored.ilearner file to the "
             "storage container, but the service definition still points at the previous one. How do I fix it?")
    assert top(matcher.match(paste)) is None


def test_a_predictive_web_service_is_studio_classic(matcher: Matcher):
    paste = ("Our team set up a predictive web service from the experiment last year and now want to swap in a "
             "retrained model without changing the URL.")
    assert top(matcher.match(paste)) is None


def test_updating_an_azure_ml_web_service_is_still_answered(matcher: Matcher):
    paste = "how do I update the model of my existing ACI web service without deleting it?"
    assert top(matcher.match(paste)) == "update-the-service"


def test_naming_the_cli_and_the_sdk_is_no_cli_install_question(matcher: Matcher):
    paste = ("The docs list two ways to fetch the key of my online endpoint, the CLI and the Python SDK. "
             "Is there a REST call for it as well?")
    result = matcher.match(paste)
    assert result.out_of_scope is None or result.out_of_scope.id != "cli-install"


def test_a_cli_that_no_longer_knows_its_commands_is_still_cli_install(matcher: Matcher):
    result = matcher.match("after I upgraded the azure cli the ml commands are not recognized anymore")
    assert top(result) is None
    assert result.out_of_scope is not None and result.out_of_scope.id == "cli-install"


DOCS_REQUEST = ("Could the docs show what the JSON returned by run() looks like when the model outputs a numpy array?\n"
                "We return result.tolist() and the client gets a string with escaped quotes around it.\n"
                "An example of a clean response would help.")


def test_a_long_documentation_request_gets_no_error_entry(matcher: Matcher):
    assert top(matcher.match(DOCS_REQUEST)) is None


def test_a_long_report_without_a_failure_weakens_an_error_entry(matcher: Matcher):
    report = ("Question about the model folder: when a registered model has several files, in which folder do they "
              "end up inside the container?\nOur init() currently hardcodes the path and we would like something "
              "sturdier.\nAny pointers appreciated.")
    candidate = matcher.match(report).candidates[0]
    assert candidate.id == "function-fails-get_model_path"
    assert "long_report_words" in discounts(candidate)


def test_a_long_report_without_a_failure_still_finds_its_how_to(matcher: Matcher):
    report = ("I keep editing score.py and redeploying to ACI just to try a change, which takes ages each time.\n"
              "Is there a way to run the web service on my own machine first so I can iterate faster?\n"
              "I'm on the v1 SDK (azureml-core).")
    result = matcher.match(report)
    assert top(result) == "debug-locally"
    assert "long_report_words" not in discounts(result.matches[0])


def test_a_long_report_of_a_failure_is_not_weakened_as_a_discussion(matcher: Matcher):
    report = ("We deployed the model to ACI with the v1 SDK and the deployment went fine.\n"
              "Every POST with data now fails inside run() and the client only sees a generic error.\n"
              "How can we get the real exception text back from score.py?")
    result = matcher.match(report)
    assert all("long_report_words" not in discounts(match) for match in result.candidates)


def test_a_long_report_that_says_something_does_not_work_is_a_failure_report(matcher: Matcher):
    report = ("We moved the scoring script of our batch deployment to blob storage and pointed the deployment at it.\n"
              "Since then the deployment does not work, although the same score.py from a local folder is fine.\n"
              "Is a remote path for the scoring script supported at all?")
    result = matcher.match(report)
    assert all("long_report_words" not in discounts(match) for match in result.candidates)


def test_a_long_report_in_another_language_is_not_taken_for_a_discussion(matcher: Matcher):
    report = ("등록된 모델에 파일이 여러 개 들어 있을 때, 배포된 컨테이너 안에서는 그 파일들이 정확히 어느 폴더에 놓이는지 궁금합니다.\n"
              "지금은 score.py의 init()에서 경로를 직접 적어 두었는데, 모델 버전이 바뀔 때마다 경로가 달라져서 매번 고치고 있습니다.\n"
              "AKS에 올린 웹 서비스와 로컬 배포에서 둘 다 같은 방식으로 경로를 찾는 방법이 있을까요? 예제가 있으면 좋겠습니다.")
    assert len(report) > 200
    result = matcher.match(report)
    assert all("long_report_words" not in discounts(match) for match in result.candidates)
