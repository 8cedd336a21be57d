"""Follow-ups that refer back, feedback, language requests and small talk in our own wording (en/ko/zh/ru), read
after an answer about a crashed managed online deployment: the logs of that product, the command for it, the same on
another family or tool generation, what causes it, how to check it, a cause suspected as a question; feedback that
quotes what was run; asking which model the assistant is."""
from __future__ import annotations

import pytest

from app.dialogue.turns import TurnKind, read_turn, without_quoted_code, word_count

FAMILY = "managed-online-endpoints"
"""The conversation's product: the answer shown was about a container crashing on a managed online endpoint."""


def _read(text: str):
    return read_turn(text, in_conversation=True, family=FAMILY)


REFERRING_FOLLOW_UPS = [
    "ok so where would I pull its logs from",
    "and the az command for that one?",
    "would the same thing happen on an AKS web service?",
    "is it any different for batch endpoints",
    "what about with the old v1 SDK?",
    "and in sdk v2 how would that look",
    "what actually causes this in the first place?",
    "how would I check whether that's what's happening to us",
    "could it be the firewall on our registry?",
    "might the private endpoint be the reason for this?",
    "is it maybe because our model is too big?",
    "how do I verify the identity actually has the role",
    "where do those logs end up for a batch job",
    "can you give me the cli line to do that",
    "ok and if I want to see this from the studio UI instead of the CLI, where do I click to find those container logs?",
    "right, so for that same deployment, what exact command do I run to bump the request timeout to a bigger value?",
    "so if I redeploy it with the same image tomorrow morning, is that going to hit the same thing again or not really?",
    "how can I tell which of those reasons applies to my deployment",
    "로그는 어디서 봐요?",
    "그거 az 명령어로는 어떻게 해요?",
    "AKS에서도 똑같이 나요?",
    "배치 엔드포인트면 달라요?",
    "v1 SDK로는 어떻게 해요?",
    "이거 왜 생기는 거예요?",
    "그게 원인인지 어떻게 확인해요?",
    "혹시 방화벽 때문일 수도 있나요?",
    "레지스트리가 프라이빗이라서 그런 걸까요?",
    "모델 크기 때문인가요?",
    "권한 있는지 어디서 확인하죠?",
    "컨테이너 로그 보는 명령어 좀",
    "그럼 배치에서는 로그 어디 있어요?",
    "아까 말한 거 포털에서 어떻게 확인하는지 좀 자세히 알려줄 수 있어요? 명령어 말고 화면에서요",
    "그 로그 파일 위치가 배포마다 다른 건지 궁금해요",
    "원인 확인은 어떻게 하나요?",
    "그 설정은 어디서 바꿔요?",
    "이미지 태그가 맞는지는 어케 확인함?",
    "日志在哪看",
    "这个用命令怎么弄",
    "AKS 上也一样吗",
    "批量端点会不会不一样",
    "老版本 SDK v1 呢",
    "这是什么原因导致的",
    "会不会是防火墙的问题",
    "是不是镜像太大了",
    "难道是因为私有网络？",
    "怎么查身份有没有权限",
    "那批处理的日志在哪",
    "如果我想在门户界面里看这个容器的日志而不是用命令行，具体应该点哪里呢",
    "那同一个部署要把超时时间调大的话具体要执行什么命令，参数怎么写",
    "有没有办法确认到底是哪一个原因",
    "那个设置在哪里改",
    "是不是 key vault 权限的问题？怎么查",
    "а логи где посмотреть?",
    "какой командой это сделать?",
    "а на AKS то же самое будет?",
    "а для пакетных эндпоинтов как?",
    "а в старом SDK v1?",
    "из-за чего вообще такое бывает?",
    "как проверить, что дело именно в этом?",
    "может, это из-за файрвола?",
    "может быть, дело в приватной сети?",
    "а не из-за размера модели ли это?",
    "как убедиться, что у identity есть роль?",
    "а логи пакетного задания где лежат?",
    "дай команду для этого",
    "а если я хочу посмотреть это в портале, а не через CLI, то где там найти логи этого контейнера?",
    "слушай, а для того же деплоймента какой командой увеличить таймаут запроса, и какое значение ставить?",
    "а это в SDK v2 решается так же или там по-другому надо делать?",
    "как понять, какая из этих причин у меня?",
    "где это настраивается?",
    "его логи где?",
    "что это значит вообще?",
    "может, я не ту подписку выбрал? как это посмотреть",
]

FEEDBACK_TOLD = [
    "nope, still crashing after that",
    "gave it the role, no change whatsoever",
    "that wasn't the problem unfortunately",
    "I ran `az ml online-deployment update --name blue` and it's still crashlooping",
    "set request_timeout_ms: 90000 in the yaml, same timeouts",
    "tried pip install azureml-inference-server-http==0.8.4 but it still dies",
    "redeployed twice, same story",
    "we don't even use a private registry, so no",
    "still 502 after bumping the instance size",
    "doesn't help, container exits right away",
    "alas, it's unchanged",
    "ran az ml online-deployment get-logs -n blue -e myep --lines 200 and it's empty",
    "안 되네요",
    "여전히 똑같아요",
    "역할 줬는데도 계속 실패해요",
    "재배포 했는데 그대로예요",
    "그거 해봤어요 소용없어요",
    "`az ml online-deployment update` 돌렸는데 여전히 안 돼요",
    "그 옵션이 안 보이는데요",
    "효과 없음",
    "전혀 달라진 게 없네",
    "그 방법 아닌 것 같아요",
    "没用",
    "还是不行",
    "照着做了还是报错",
    "重新部署了，一样的问题",
    "试过了，没效果",
    "跑了 `az ml online-deployment update` 还是崩",
    "门户里没有这个选项啊",
    "不是这个问题",
    "加了权限还是老样子",
    "не помогло, всё так же падает",
    "роль выдал, а толку нет",
    "передеплоил — та же фигня",
    "это не то, у нас нет приватной сети",
    "пробовал, не вышло",
    "запустил `az ml online-deployment update`, всё равно падает",
    "ничего не поменялось",
    "увы, по-прежнему падает",
    "поставил таймаут больше, всё равно 504",
]

FEEDBACK_WITH_CODE = [
    "tried this:\n```\naz ml online-deployment update -f deployment.yml\n```\nstill crashing",
    "I changed score.py to\n```python\ndef init():\n    global model\n    model = joblib.load(path)\n```\nbut it still fails the same way",
    "这样改了：\n```\nrequest_settings:\n  request_timeout_ms: 90000\n```\n还是不行",
    "сделал так:\n```\naz ml online-deployment update --name blue --set instance_type=Standard_DS4_v2\n```\nвсё равно падает",
    "이렇게 했어요\n```\naz role assignment create --role AcrPull --assignee me --scope /subscriptions/x\n```\n그래도 똑같아요",
]

LANGUAGE_ASKED = [
    "could you say that again in Korean",
    "switch to Chinese please",
    "russian pls",
    "can I get this in english? my teammate doesn't read russian",
    "한국어로 보여줘",
    "영어로 다시 부탁해요",
    "중국어로 해줄 수 있어?",
    "러시아어로 번역해 주세요",
    "请用英文回答",
    "换成韩语吧",
    "能用俄语说一遍吗",
    "中文回答",
    "переведи на английский",
    "давай на корейском",
    "а можно по-китайски?",
    "ответь по-русски, пожалуйста",
]

SMALL_TALK_SAID = [
    "cheers mate",
    "you're a lifesaver",
    "ur pretty helpful tbh",
    "good night, talk tomorrow",
    "what LLM are you running on?",
    "which model powers you?",
    "are you a real person",
    "고마워요!",
    "덕분에 해결됐어요 감사",
    "너 사람이야?",
    "너 무슨 모델 써?",
    "안녕하세요",
    "谢谢啊",
    "搞定了，多谢",
    "你是机器人吗",
    "你用的什么模型",
    "你背后是哪个大模型",
    "你还挺靠谱",
    "这个助手有两把刷子",
    "拜拜",
    "спасибо огромное",
    "всё заработало, благодарю",
    "ты бот или человек?",
    "на какой модели ты работаешь?",
    "ты прям полезный",
    "до завтра",
    "привет!",
]


@pytest.mark.parametrize("text", REFERRING_FOLLOW_UPS)
def test_referring_follow_ups(text):
    assert _read(text).kind is TurnKind.FOLLOW_UP


@pytest.mark.parametrize("text", FEEDBACK_TOLD)
def test_feedback_told(text):
    assert _read(text).kind is TurnKind.FEEDBACK


@pytest.mark.parametrize("text", FEEDBACK_WITH_CODE)
def test_code_in_feedback_is_what_was_tried(text):
    """A code block quoting what was run or changed is not a paste of output: the message is still feedback."""
    reading = _read(text)
    assert reading.kind is TurnKind.FEEDBACK and not reading.strong


@pytest.mark.parametrize("text", LANGUAGE_ASKED)
def test_language_asked(text):
    assert _read(text).kind is TurnKind.LANGUAGE


@pytest.mark.parametrize("text", SMALL_TALK_SAID)
def test_small_talk_said(text):
    assert _read(text).kind is TurnKind.SMALL_TALK


@pytest.mark.parametrize("text", ["is it possible to deploy this model to a kubernetes cluster?", "무슨 모델을 배포해야 돼요?",
                                  "какую модель ты советуешь задеплоить?", "你能部署什么模型"])
def test_a_model_to_deploy_is_not_the_assistants_model(text):
    """Asking which model to deploy is about the product, not which model the assistant runs on."""
    assert _read(text).small_talk != "meta"


@pytest.mark.parametrize("text", ["runs fine locally but the endpoint gives 502", "로컬에선 잘 되는데 엔드포인트에서만 502 떠요",
                                  "本地没问题，放到 AKS 就 502", "локально всё ок, а на эндпоинте 502",
                                  "在本地跑得好好的，一部署就崩", "도커에선 문제없이 도는데 배포하면 죽어요"])
def test_works_here_fails_there_is_a_verdict_beside_a_status(text):
    """It works in one place and fails in another: the answer did not settle it, whatever status it names."""
    assert _read(text).kind is TurnKind.FEEDBACK


@pytest.mark.parametrize("text", ["改完以后部署那步过了，一到推理还是挂", "重启了还是卡住"])
def test_still_dying_in_chinese_slang(text):
    assert _read(text).kind is TurnKind.FEEDBACK


@pytest.mark.parametrize("text", ["az로 배포 상태 확인하는 방법 있어?", "cli로는 어떻게 해요?", "用 az 怎么看部署状态",
                                  "用cli能删掉吗"])
def test_the_tool_named_asks_for_the_command(text):
    assert _read(text).aspect == "command"


@pytest.mark.parametrize("text", ["how can I find out what the model actually returned?", "뭐가 잘못됐는지 어떻게 봐요?",
                                  "怎么知道到底哪里出错了", "как узнать, почему именно упало?",
                                  "как понять, что конкретно скрипт вернул"])
def test_what_exactly_went_wrong_is_in_the_logs(text):
    assert _read(text).aspect == "logs"


@pytest.mark.parametrize("text", ["will it keep happening after we scale out?", "is it going to keep failing on every restart?"])
def test_asking_whether_it_will_keep_happening_is_not_a_verdict(text):
    assert _read(text).kind is TurnKind.FOLLOW_UP


def test_it_keeps_failing_told_is_still_feedback():
    assert _read("it keeps failing after the redeploy").kind is TurnKind.FEEDBACK


@pytest.mark.parametrize("text", ["ran\naz ml online-deployment update -n blue -e myep --file dep.yml\nstill the same crash",
                                  "did this:\n$ az acr login -n myregistry\nno change",
                                  "выполнил\naz role assignment create --assignee x --role AcrPull\nне помогло",
                                  "执行了\npip install azureml-inference-server-http\n还是不行",
                                  "이렇게 실행했어요\nkubectl get pods -n azureml\n그래도 안 돼요"])
def test_a_command_on_a_line_of_its_own_is_what_was_tried(text):
    """Three lines with a command between them are a report of what was run, not a pasted log."""
    reading = _read(text)
    assert reading.kind is TurnKind.FEEDBACK and not reading.strong


@pytest.mark.parametrize("text", ["tried\n```\nERROR: ResourceNotReady: User container has crashed\n```\nagain",
                                  "2026-01-02 10:00:01 ERROR worker exited\n2026-01-02 10:00:02 ERROR boot failed\nrestarting"])
def test_output_quoted_is_still_a_paste(text):
    assert _read(text).strong


@pytest.mark.parametrize("text", ["and with the old SDK?", "what if we deploy with the legacy sdk instead", "예전 SDK로는요?",
                                  "구버전 cli에서도 같아요?", "旧版 SDK 呢", "老版本的 cli 怎么弄", "а через старый SDK?",
                                  "а в старой версии cli?"])
def test_the_older_tool_generation_is_the_web_services(text):
    reading = _read(text)
    assert reading.kind is TurnKind.FOLLOW_UP and reading.families == {"docker-aci-aks"}


@pytest.mark.parametrize("text", ["az acr login 했는데 docker pull 하면 unauthorized 나요", "conda yaml에 뭐 추가해야 돼?",
                                  "az account set 过了还是这个错", "az ml batch-endpoint update로 해봤는데 실패함"])
def test_a_message_starting_with_a_tools_name_is_read_whole(text):
    """Only a line that is nothing but a command, among other lines, is set aside as quoted code."""
    assert word_count(without_quoted_code(text)) == word_count(text)


@pytest.mark.parametrize("text", ["would splitting the input into smaller files help with this?", "does lowering the batch size help?",
                                  "поможет, если разбить вход на файлы поменьше?", "파일을 더 잘게 나누면 도움이 될까요?",
                                  "把输入拆小一点会有帮助吗"])
def test_whether_a_proposal_would_help_asks_for_the_fix(text):
    reading = _read(text)
    assert reading.kind is TurnKind.FOLLOW_UP and reading.aspect == "fix"


@pytest.mark.parametrize("text", ["how would I confirm the token I'm sending is still valid",
                                  "is the role still assigned after a redeploy?"])
def test_still_of_a_state_is_asked_not_told(text):
    assert _read(text).kind is TurnKind.FOLLOW_UP


@pytest.mark.parametrize("text", ["перегенерировал ключи, тот же 401", "пересоздал деплоймент — та же ошибка"])
def test_the_same_after_what_was_done_in_russian(text):
    assert _read(text).kind is TurnKind.FEEDBACK


@pytest.mark.parametrize("text", ["how do i see what the model actually threw", "как посмотреть, что именно выбросила модель?",
                                  "모델이 뭘 던졌는지 어떻게 봐요?", "怎么看模型抛了什么异常"])
def test_what_the_model_threw_is_in_the_logs(text):
    assert _read(text).aspect == "logs"


@pytest.mark.parametrize("text", ["could it be a numpy version mismatch in the env?", "might it be our corporate proxy?"])
def test_could_it_be_offers_a_cause(text):
    from app.dialogue.cues import CUES
    assert _read(text).kind is TurnKind.FOLLOW_UP and CUES.because.search(text.casefold())


@pytest.mark.parametrize("text", ["would it be the same on ACI?", "could it be the same on batch?"])
def test_a_comparison_is_not_a_suspected_cause(text):
    from app.dialogue.cues import CUES
    assert not CUES.because.search(text.casefold())


@pytest.mark.parametrize("text", ["the image is in ACR, what exactly does the endpoint need to pull it",
                                  "we use a private vnet, so how do we reach the registry"])
def test_a_question_after_the_scene_is_set(text):
    assert _read(text).question
