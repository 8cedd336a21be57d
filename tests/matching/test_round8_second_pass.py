"""Round 8, second pass. Questions in each language about a problem an entry answers, worded the way users put
it rather than the entry's title: an environment image whose build outlasts the time an online deployment gives
it, a model too large for the instance's local storage, a batch mini-batch stopped for taking too long, an
image build refused by the workspace registry, the container's output read from the CLI, and whether a
successful status proves the model ran. A plain image build failure still finds the general entry, not the
time-out. The reports are written here, in our own words."""
from __future__ import annotations

import pytest

from app.matching.matcher import Matcher


def top(result) -> str | None:
    return result.matches[0].id if result.matches else None


@pytest.mark.parametrize("question, expected", [
    # an online deployment's environment image that takes too long to build (Korean, Chinese)
    ("conda 의존성이 너무 많아서 온라인 배포의 환경 이미지 빌드가 제한 시간을 넘기고 실패합니다",
     "image-build-timing-out"),
    ("环境太大，在线部署时映像构建超出了时间限制，怎么办？", "image-build-timing-out"),
    # the model does not fit on the instance's local storage
    ("Our checkpoints add up to 150 GB and the instance's local storage is too small to hold them during deployment",
     "err_1350-unable-to-download-user-model-not-enough-space-on-the-disk"),
    # one batch mini-batch runs too long and is stopped (English, Korean)
    ("In my batch deployment each chunk of input files runs for minutes in run() and the job stops it; "
     "can it be given more time?", "batch-process-times-out"),
    ("배치 엔드포인트에서 미니 배치 하나가 오래 걸려 제한 시간에 걸려 중단돼요. 허용 시간을 어디서 바꾸나요?",
     "batch-process-times-out"),
    # the image build of a deployment is refused by the workspace registry (Chinese, with 镜像)
    ("部署时镜像构建失败，提示没有权限登录工作区的容器注册表", "azure-container-registry-authorization-failure"),
    # the container's output, read from the CLI (Korean)
    ("관리형 온라인 배포 컨테이너에서 출력된 내용을 CLI로 보려면 어떻게 하나요?", "get-container-logs"),
    # a successful status and whether the model really ran (Chinese)
    ("终结点返回了成功的状态码，能说明模型确实执行了吗？", "http-200-ok"),
])
def test_a_native_or_paraphrased_question_finds_its_entry(matcher: Matcher, question: str, expected: str):
    assert top(matcher.match(question)) == expected


def test_a_plain_image_build_failure_of_an_online_deployment_is_not_the_time_out(matcher: Matcher):
    question = "관리형 온라인 엔드포인트에 배포하는데 환경 이미지 빌드가 실패했어요. 무엇부터 확인해야 하나요?"
    assert top(matcher.match(question)) == "error-imagebuildfailure"
