"""Round 9. An image build that the registry refuses ("unauthorized" anywhere in an ImageBuildFailure paste) is the
registry authorization entry, in any language around it; an ImageBuildFailure without it keeps the general entry.
The reports are written here, in our own words."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("paste", [
    "배포가 ImageBuildFailure 로 끝났고 빌드 로그 마지막 줄에 unauthorized 가 찍혀 있어요",
    "ImageBuildFailure：构建日志最后显示 unauthorized，推送镜像到注册表被拒绝",
    "(ImageBuildFailure) Image build failed. Build log:\n#5 pushing layers\n"
    "#5 ERROR: unauthorized: access to the requested resource is not authorized",
])
def test_an_image_build_the_registry_refuses_is_the_registry_authorization_entry(matcher, paste):
    matches = matcher.match(paste).matches
    assert matches and matches[0].id == "azure-container-registry-authorization-failure"


def test_an_image_build_failure_without_a_refusal_keeps_the_general_entry(matcher):
    matches = matcher.match("ImageBuildFailure: Error building image, pip install failed for numpy==1.19").matches
    assert matches and matches[0].id != "azure-container-registry-authorization-failure"


@pytest.mark.parametrize(("question", "entry"), [
    ("our offline scoring job wrote an empty predictions file although it finished", "batch-output-already-exists"),
    ("how do I get the logs of an offline inference job that failed?", "get-logs"),
])
def test_scoring_offline_is_what_a_batch_endpoint_does(matcher, question, entry):
    """The batch endpoints' docs call their work offline scoring and inference: users do too."""
    matches = matcher.match(question).matches
    assert matches and matches[0].id == entry


def test_a_service_gone_offline_is_not_a_batch_job(matcher):
    matches = matcher.match("the AKS web service went offline after the node pool upgrade").matches
    assert not matches or not matches[0].id.startswith("batch-")
