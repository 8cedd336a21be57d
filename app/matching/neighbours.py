"""Azure Machine Learning topics next to deployment that the knowledge does not cover.

Many pastes are about a neighbouring part of Azure ML: a compute cluster that does not
scale, a training job's UserError, `az extension add`, the studio UI; or about Azure OpenAI,
whose "deployments" and "rate limits" sound like ours. For those the right answer is "not
covered", with the topic named and the documentation page to read.

Each topic has two case-insensitive patterns, written for English, Korean, Chinese and
Russian pastes: `cues`, words and phrases that point at the topic, and `strong`, the
subset whose single hit is conclusive (every strong alternative is also a cue).

`neighbour_topic` picks the topic a paste is about: one with a strong hit or at least two
distinct cue hits; among several, the one with most distinct cue hits (ties: TOPICS order).
The covered knowledge counts against every topic: a paste naming an ERR_NNNN code is a
deployment's, and a topic needs more distinct hits than the paste has distinct deployment
words (endpoints, deployments, ACI/AKS web services, score.py ...). So "deployed my AutoML
model to an online endpoint: ResourceNotReady" stays a deployment question. The sighting is
conclusive when the topic has a strong hit and the paste not one deployment word: the matcher
then discounts even an entry's literal signature (only an ERR_NNNN code would keep it).

Cues are regular expressions with two rules, checked when the module loads: a cue starts
with a literal character, and one in a script written with spaces (Latin, Cyrillic,
Hangul) matches only where a word starts, after a separator. A cue entry may list
variants separated by a top-level `|`; they count as one cue.

`neighbour_topic` does not run the per-topic patterns: eleven case-insensitive alternations of
dozens of cues cost milliseconds on a 2 KB paste. It reads the paste in one pass (two with
Han characters) of scanners precompiled from the same cues: a trie of the cues' literal
prefixes, so most positions are rejected after a character or two, each cue's remainder a
group so `match.lastindex` names the cue; the paste's scripts (seen in its UTF-8 bytes)
choose the scanner. The scanners are case-sensitive: the input is already folded (NFKC,
lower case), see `app.matching.normalize`.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

DOCS_CHECKED = "2026-12-01"
_DOCS = "https://learn.microsoft.com/azure/machine-learning/"

# A word ends where no ASCII letter, digit or underscore follows.
_E = r"(?![a-z0-9_])"
# Where a word may start: after these, or at the start of the text (and after a Han
# character, as Chinese glues Latin words to them: "使用automl训练").
_SEPARATOR_CHARS = r"\s.,;:!?()\[\]{}<>\"'`=/\\|*_\-«»“”‘’、。《》【】「」"
# Scripts of a cue's first character, for the scanners' dispatch ("latin" takes the rest: "-").
_SCRIPTS = {
    "han": "\u3400-\u4dbf\u4e00-\u9fff",
    "hangul": "\uac00-\ud7a3",
    "cyrillic": "\u0430-\u044f\u0451",
    "latin": "a-z0-9\\-",
}


@dataclass(frozen=True)
class Topic:
    """A neighbouring topic: how pastes about it look, and where its documentation is."""

    id: str
    cues: re.Pattern[str]
    strong: re.Pattern[str]
    docs_url: str
    docs_title: str
    docs_date: str


@dataclass(frozen=True)
class _Source:
    """A topic as written: its strong cues and other cues, each an entry of `|` variants."""

    id: str
    strong: tuple[str, ...]
    cues: tuple[str, ...]
    page: str
    """A page of the Azure ML documentation, or a full address for another product's."""
    title: str


_SOURCES: tuple[_Source, ...] = (
    _Source(
        "compute-cluster",
        strong=(
            r"compute[ -]?clusters?", r"amlcompute", r"azuremlcompute", r"aml compute|ml compute" + _E, r"unusable nodes?",
            r"batch ?ai" + _E,
            r"컴퓨팅 ?클러스터", r"계산 ?클러스터", r"计算群集|计算集群", r"вычислительн\w* кластер\w*",
        ),
        cues=(
            r"computetargetnotfound", r"compute targets?", r"cpu-clusters?|gpu-clusters?", r"low[- ]?priority|lowpriority",
            r"preempt\w*", r"min(?:_| |imum )(?:nodes|instances)" + _E + r"|max(?:_| |imum )(?:nodes|instances)" + _E, r"idle_seconds_before_scaledown",
            r"scal(?:e|es|ing)[ -]?(?:up|down|out)" + _E, r"resiz\w*", r"nodes?" + _E, r"dedicated cores?",
            r"quota limits of core", r"batchnodemanagement", r"clusters?" + _E, r"unusable",
            r"클러스터", r"저우선 ?순위|낮은 우선 ?순위|우선 ?순위가 낮은", r"선점", r"스케일 ?(?:업|다운|아웃)", r"노드",
            r"群集|集群", r"低优先级", r"抢占", r"节点", r"缩放|扩容|纵向扩展|横向扩展",
            r"кластер\w*", r"низкоприоритетн\w*|низк\w* приоритет\w*", r"вытесн\w*", r"узл\w*|узел", r"масштабир\w*",
        ),
        page="how-to-create-attach-compute-cluster",
        title="Create an Azure Machine Learning compute cluster",
    ),
    _Source(
        "compute-instance",
        strong=(
            r"compute[ -]?instances?", r"computeinstance\w*", r"notebook vms?", r"idle[ _-]?shutdown",
            r"idle_time_before_shutdown\w*", r"컴퓨팅 ?인스턴스", r"유휴 ?(?:시 )?종료", r"计算实例", r"空闲关闭",
            r"вычислительн\w* экземпляр\w*",
            r"выключ\w* (?:\w+ )?при простое|отключ\w* (?:\w+ )?при простое|заверш\w* (?:\w+ )?при простое",
        ),
        cues=(
            r"jupyter\w*", r"terminals?(?! state)" + _E, r"kernel\w*", r"idle" + _E, r"on behalf of", r"setup script",
            r"rstudio|posit workbench", r"vs ?code (?:remote|desktop)",
            r"start schedules?|stop schedules?|schedul\w* (?:start|stop)",
            r"터미널", r"커널", r"주피터", r"유휴", r"시작 중|중지됨|중지 중",
            r"终端", r"内核", r"空闲", r"正在启动|停止计划|启动计划",
            r"терминал\w*", r"простое|простоя",
        ),
        page="how-to-create-compute-instance",
        title="Create an Azure Machine Learning compute instance",
    ),
    _Source(
        "training-job",
        strong=(
            r"command jobs?", r"sweep jobs?", r"training (?:jobs?|runs?|scripts?)", r"az ml job (?:create|stream|show|download)",
            r"user process '?\w*'? exited", r"std_log\.txt", r"scriptrunconfig", r"experiment\.submit",
            r"학습 ?(?:작업|잡|스크립트)|훈련 ?(?:작업|잡|스크립트)", r"训练(?:作业|任务|脚本)",
            r"задани\w* обучени\w*|скрипт\w* обучени\w*|запуск\w* обучени\w*",
        ),
        cues=(
            r"usererror" + _E, r"mlflow\.(?:log|start_run|autolog|set_tracking)\w*|mlflow tracking",
            r"log_metric\w*|log_param\w*|run\.log" + _E, r"metrics?" + _E, r"hyperdrive|hyperparameter\w*", r"epochs?" + _E,
            r"train\.py", r"training" + _E, r"jobs\.create_or_update", r"limits\.timeout", r"distributed training",
            r"experiment\w*", r"activityfailedexception", r"wait_for_completion", r"driver_log\w*|control_log\w*",
            r"학습", r"훈련", r"메트릭", r"에포크", r"训练", r"指标", r"超参数",
            r"обучени\w*", r"метрик\w*", r"гиперпараметр\w*", r"эпох\w*",
        ),
        page="how-to-train-model",
        title="Train models with Azure Machine Learning CLI, SDK, and REST API",
    ),
    _Source(
        "environment-build",
        strong=(
            r"image_build_log\.txt", r"environment (?:image )?builds?", r"environment images?|env images?",
            r"build failure analysis", r"az ml environment (?:create|update)",
            r"환경 ?(?:이미지|빌드)", r"训练环境|环境的?(?:映像|镜像)", r"образ\w* сред\w*|сборк\w* сред\w*",
        ),
        cues=(
            # an image build as such is also a deployment's (ACI/AKS): all its words are one cue
            r"image[ -]build(?:ing)?|build (?:logs?|failed|failure)" + _E + r"|이미지 ?빌드|빌드 ?(?:로그|실패)"
            r"|映像生成|镜像生成|映像构建|镜像构建|构建日志|构建失败|сборк\w*",
            # a Python environment as such is also a deployment's (its inference environment): one cue
            r"conda\w*|environments?" + _E + r"|환경|环境|сред(?:а|ы|е|у|ой|ам|ами|ах)?(?![а-яё])",
            r"pip subprocess|pip failed", r"resolvepackagenotfound", r"unsatisfiableerror", r"condaenvexception",
            r"dockerfile", r"build[ _]context|빌드 ?컨텍스트|构建上下文", r"acr" + _E, r"azure container registry",
            r"preparing" + _E, r"failed to solve", r"образ\w*",
        ),
        page="how-to-troubleshoot-environments",
        title="Troubleshooting environment issues",
    ),
    _Source(
        "automl",
        strong=(
            r"automl\w*", r"automl ?config", r"auto ?ml (?:runs?|jobs?|experiments?|errors?)" + _E,
            r"automated ml (?:runs?|jobs?|experiments?)|automated machine learning (?:runs?|jobs?|experiments?)",
            r"featuri[sz]\w*", r"guardrails?", r"자동화된 ?ml ?(?:실험|작업|실행)", r"기능화", r"가드레일",
            r"自动化机器学习(?:作业|实验|运行)", r"特征化", r"эксперимент\w* automl|эксперимент\w* автоматизированн\w*",
        ),
        cues=(
            r"auto ?ml", r"automated ml|automated machine learning", r"child runs?", r"primary_metric",
            r"experiment_timeout\w*", r"iterations?" + _E, r"forecast\w*", r"time_column_name",
            r"n_cross_validations|cross[- ]validations?",
            r"자동화된 ?ml|자동 ?ml", r"자식 ?실행", r"自动化机器学习|自动化 ?ml|自动 ?ml", r"子运行", r"时间序列",
            r"автоматизированн\w* (?:машинн\w* )?обучени\w*", r"дочерн\w* запуск\w*",
        ),
        page="how-to-troubleshoot-auto-ml?view=azureml-api-1",
        title="Troubleshoot automated ML experiments in Python",
    ),
    _Source(
        "pipelines",
        strong=(
            r"parallelrunstep|parallelrunconfig", r"pythonscriptstep", r"pipelinedata", r"steprun\w*|pipelinerun\w*",
            r"pipeline (?:jobs?|runs?|steps?|components?)" + _E, r"published pipelines?", r"ml pipelines?",
            r"dsl\.pipeline", r"designer", r"파이프라인 ?(?:작업|실행|단계)", r"디자이너", r"管道(?:作业|运行|步骤)", r"设计器",
            r"задани\w* конвейер\w*|шаг\w* конвейер\w*|запуск\w* конвейер\w*",
        ),
        cues=(
            r"pipelines?" + _E, r"pipeline\.ya?ml", r"components?" + _E,
            r"previous steps?|next steps?|first steps?|second steps?|downstream steps?|upstream steps?",
            r"error_threshold", r"error 00\d\d",
            r"파이프라인", r"컴포넌트|구성 요소", r"단계", r"管道", r"组件", r"步骤",
            r"конвейер\w*", r"компонент\w*", r"шаг\w*",
        ),
        page="how-to-debug-pipelines?view=azureml-api-1",
        title="Troubleshooting machine learning pipelines",
    ),
    _Source(
        "cli-install",
        strong=(
            r"az extension (?:add|remove|update|list|show)", r"misspelled or not recognized", r"azure-cli-ml",
            r"ml extensions?", r"extensions? (?:--name |-n )?ml" + _E, r"the command requires the extension",
            r"not in the 'az' command group", r"no azureml cli installed",
            r"ml ?확장", r"ml ?扩展", r"расширени\w* ml" + _E,
        ),
        cues=(
            r"az extension", r"extensions?" + _E, r"azure cli", r"az (?:--)?version", r"cli ?v[12]" + _E,
            r"not recognized", r"renamed", r"az ml (?:-h|--help)", r"pip failed", r"cli" + _E, r"install\w*",
            r"command (?:group|module)s?" + _E, r"did you mean", r"sdk" + _E + r"|azure-ai-ml|azureml-sdk",
            r"확장", r"명령어?", r"설치", r"扩展", r"命令", r"安装",
            r"расширени\w*", r"не распозна[её]тся", r"установ\w*",
        ),
        page="how-to-configure-cli",
        title="Install and set up the CLI (v2)",
    ),
    _Source(
        "workspace-auth",
        strong=(
            r"interactiveloginauthentication", r"serviceprincipalauthentication", r"workspace\.(?:from_config|get|create)",
            r"machinelearningservices/workspaces/write", r"missingsubscriptionregistration",
            r"creat\w* (?:the |a |my |new |an )?(?:ml |machine learning |azure ml )?workspaces?" + _E
            + r"|provision\w* (?:the |a |my |new |an )?(?:ml |machine learning |azure ml )?workspaces?" + _E,
            r"workspace creation", r"private ?link", r"작업 ?영역(?:을|를)? ?(?:만들|생성)", r"프라이빗 ?링크",
            r"创建(?:机器学习)?工作区|新建(?:机器学习)?工作区|工作区创建", r"专用链接", r"созда\w* рабоч\w* област\w*",
            r"приватн\w* ссылк\w*|приватн\w* канал\w*",
        ),
        cues=(
            # not an ARM path's segment: .../workspaces/onlineendpoints/write
            r"workspaces?(?!/)" + _E, r"tenant\w*", r"az login", r"az account set",
            r"adalerror|aadsts\d+|devicelogin|perform_interactive_login|invalid_tenant",
            r"interactive login|interactive authentication", r"authenticationexception", r"authorizationfailed",
            r"does not have authorization", r"from_config|config\.json", r"guest account|guest user", r"public network",
            r"private endpoints?",
            r"작업 ?영역", r"워크스페이스", r"테넌트", r"구독", r"프라이빗 ?엔드포인트",
            r"工作区", r"租户", r"订阅", r"专用终结点",
            r"рабоч\w* област\w*", r"воркспейс\w*", r"тенант\w*", r"подписк\w*",
        ),
        page="how-to-setup-authentication",
        title="Set up authentication for Azure Machine Learning resources and workflows",
    ),
    _Source(
        "datastores",
        strong=(
            r"datastores?", r"scriptexecution\.\w+", r"streamaccess\.\w+", r"data ?assets?", r"dataset\.(?:file|tabular)",
            r"from_delimited_files|from_parquet_files", r"az ml data (?:create|show|list|mount)", r"mltable",
            r"데이터 ?저장소", r"데이터 ?자산", r"数据存储", r"数据资产", r"хранилищ\w* данных",
        ),
        cues=(
            r"workspaceblobstore|workspacefilestore", r"datasets?" + _E, r"mount\w*", r"storage accounts?",
            r"sas(?: tokens?)?" + _E, r"account key|shared key", r"identity[- ]based (?:data )?access",
            r"adls" + _E + r"|data lake|blobs?" + _E, r"uri_file|uri_folder", r"not authorized to perform this operation",
            r"csv" + _E + r"|parquet" + _E,
            r"데이터 ?세트|데이터셋", r"마운트", r"스토리지 계정|저장소 계정", r"계정 키",
            r"数据集", r"挂载", r"存储帐户|存储账户", r"凭据",
            r"набор\w* данных", r"монтир\w*", r"учетн\w* запис\w* хранени\w*|учётн\w* запис\w* хранени\w*",
        ),
        page="how-to-troubleshoot-data-access",
        title="Troubleshoot data access errors",
    ),
    _Source(
        "studio-portal",
        strong=(
            r"ml\.azure\.com", r"studio (?:ui|web ?ui|notebooks?)" + _E,
            r"azure ?ml studio(?! \(classic\))|machine learning studio(?! \(classic\))", r"스튜디오",
            r"机器学习工作室|工作室(?:ui|界面|中|里)", r"ml 工作室",
            r"студи\w* azure ml|студи\w* машинн\w*", r"azure ml студи\w*",
        ),
        cues=(
            r"studio" + _E, r"browser|chrome|edge" + _E + r"|firefox|safari", r"portal", r"upload\w*",
            r"regist\w* (?:[\w\-]+ ){0,2}models?" + _E + r"|model regist\w*|models? > register", r"model\.register",
            r"ajax" + _E,
            r"notebooks? (?:ui|page|tab|editor|pane|view)", r"cors" + _E, r"console",
            r"blank page|page is blank|spinner|spinning",
            r"브라우저|크롬", r"포털", r"업로드", r"모델 ?등록", r"노트북 ?(?:화면|편집기|탭)",
            r"浏览器", r"门户", r"上传", r"注册模型|注册了模型|模型注册", r"笔记本(?:界面|页面|编辑器)", r"转圈",
            r"студи\w*", r"браузер\w*", r"портал\w*", r"загруз\w*", r"регистрац\w* модел\w*", r"пуст\w* экран",
        ),
        page="how-to-manage-models",
        title="Work with registered models in Azure Machine Learning",
    ),
    _Source(
        "azure-openai",
        strong=(
            r"azure openai|openai" + _E, r"chat ?completions?\w*", r"tokens per minute", r"gpt-?(?:4|35|3\.5)\w*",
            r"text-embedding\w*", r"aoai" + _E, r"토큰 ?(?:수 )?(?:분당|/분)|분당 ?토큰", r"每分钟令牌", r"токен\w* в минуту",
        ),
        cues=(
            r"tpm" + _E, r"pricing tier", r"insufficientquota", r"completions?" + _E, r"embeddings?" + _E,
            r"prompts?" + _E, r"ai foundry|ai studio|cognitive ?services|ai services", r"s0" + _E,
            r"프롬프트", r"提示词", r"промпт\w*",
        ),
        page="https://learn.microsoft.com/azure/ai-services/openai/quotas-limits",
        title="Azure OpenAI quotas and limits",
    ),
)

# Words of the covered knowledge: endpoints, deployments, web services, their commands and files.
_DEPLOYMENT_CUES: tuple[str, ...] = (
    r"managed online(?: endpoints?)?", r"online[ -]?endpoints?|online[ -]?deployments?",
    r"batch[ -]?(?:endpoints?|deployments?|scoring|jobs?)" + _E + r"|--type batch",
    r"kubernetes|kubectl|pods?" + _E, r"e(?<!private e)(?<!private-e)ndpoints?" + _E,
    r"deploy(?:s|ed|ing|ment|ments)?" + _E, r"webservices?|web services?|webserviceexception", r"aci" + _E + r"|aks" + _E
    + r"|acideploymentfailed", r"imagebuildfailure", r"outofquota", r"inferencingclient\w*",
    r"container instances?", r"inference_?config\w*|inference config", r"deploy_config\w*|deployment_config\w*",
    r"localwebservice", r"score\.py|scoring[ _](?:scripts?|uri|files?)", r"inference\.ml\.azure\.com",
    r"crashloopbackoff", r"invoke" + _E, r"resourcenotready", r"--input[-_]path|--output[-_]path",
    r"docker (?:pull|run|exec|commit|stop|tag|login)", r"ptvsd|debugpy", r"dockerfile\.steps",
    r"containers?(?! ?registr)" + _E + r"|컨테이너(?! ?레지스트리)|容器(?!注册)|к(?<!реестр к)онтейнер\w*",
    r"엔(?<!프라이빗 엔)드포인트", r"배포", r"웹 ?서비스", r"추론", r"배치|일괄 ?처리",
    r"终(?<!专用终)结点|端(?<!专用端)点|联机", r"部署", r"web ?服务", r"推理", r"批处理|批量",
    r"к(?<!частная к)(?<!частной к)(?<!частную к)онечн\w* точк\w*", r"эндпо[ийі]нт\w*",
    r"развертыван\w*|развёртыван\w*|разв[её]рнут\w*|деплой\w*", r"веб-?служб\w*|веб-?сервис\w*", r"пакетн\w*",
)

# An ERR_NNNN code is the covered knowledge's own identifier: such a paste is a deployment's.
_ERROR_CODE = re.compile(r"err[ _\-]?\d{4}(?!\d)")


def _variants(entry: str) -> list[str]:
    """Split a cue entry at its top-level `|` (not inside a group or a character class)."""
    parts: list[str] = []
    depth, start, i, in_class = 0, 0, 0, False
    while i < len(entry):
        char = entry[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(entry[start:i])
            start = i + 1
        i += 1
    parts.append(entry[start:])
    return parts


def _checked(variant: str) -> str:
    """A variant as the scanners need it: a literal first character, lower case, no capturing group."""
    if not variant or variant[0] in "\\[(.^$*+?{|)" or variant[1:2] in ("?", "*", "+", "{"):
        raise ValueError(f"a cue must start with a literal character: {variant!r}")
    if variant != variant.lower():
        raise ValueError(f"a cue must be written in lower case: {variant!r}")
    if re.search(r"(?<!\\)\((?!\?)", variant):
        raise ValueError(f"a cue must not capture: {variant!r}")
    re.compile(variant)
    return variant


def _is_han(char: str) -> bool:
    return re.match(f"[{_SCRIPTS['han']}]", char) is not None


def _pattern(entries: tuple[str, ...]) -> re.Pattern[str]:
    """One case-insensitive pattern of the entries, with the word-start rule spelled out."""
    starts = f"(?:^|(?<=[{_SEPARATOR_CHARS}{_SCRIPTS['han']}]))"
    variants = [_checked(v) for entry in entries for v in _variants(entry)]
    return re.compile("|".join(v if _is_han(v[0]) else starts + v for v in variants), re.IGNORECASE)


def _topic(source: _Source) -> Topic:
    return Topic(
        id=source.id,
        cues=_pattern(source.strong + source.cues),
        strong=_pattern(source.strong),
        docs_url=source.page if source.page.startswith("https://") else _DOCS + source.page,
        docs_title=source.title,
        docs_date=DOCS_CHECKED,
    )


@dataclass(frozen=True)
class Sighting:
    """The neighbouring topic a paste is about, and whether that is beyond doubt: a conclusive
    cue of the topic and not one word of the covered knowledge. Then even a literal signature
    of an entry is the neighbour's (a training job's `rate limit`, a portal's `payload too large`)."""

    topic: Topic
    conclusive: bool


TOPICS: tuple[Topic, ...] = tuple(_topic(source) for source in _SOURCES)
TOPIC_IDS: tuple[str, ...] = tuple(topic.id for topic in TOPICS)

# What a cue credits: (topic number, cue number); topic number len(TOPICS) is the covered knowledge.
_Credit = tuple[int, int]


def _specificity(variant: str) -> int:
    """Longer cues first, so "pipeline.yml" is tried before "pipeline"; lookarounds do not count."""
    return len(re.sub(r"\(\?<?[=!][^)]*\)", "", variant))


def _literal_prefix(variant: str) -> tuple[str, str]:
    """Split a variant into the literal characters every match starts with, and the rest."""
    prefix: list[str] = []
    i = 0
    while i < len(variant):
        char = variant[i]
        width = 1
        if char == "\\":
            if i + 1 >= len(variant) or variant[i + 1].isalnum():
                break  # \w, \d, \s ...: a class, not a literal
            char, width = variant[i + 1], 2
        elif char in ".^$*+?{}[]()|":
            break
        if variant[i + width:i + width + 1] in ("?", "*", "+", "{"):
            break  # a repeated or optional character ends the prefix
        prefix.append(char)
        i += width
    return "".join(prefix), variant[i:]


class _Node:
    """A trie node over literal prefixes: children by next character, and the remainders of
    the variants whose prefix ends here."""

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.leaves: list[tuple[int, int, str, tuple[_Credit, ...]]] = []  # (-specificity, order, rest, credits)

    def pattern(self, groups: list[tuple[_Credit, ...]]) -> str:
        """The node's pattern; appends the credits of each group it writes, in writing order."""
        parts = [re.escape(char) + child.pattern(groups) for char, child in sorted(self.children.items())]
        for _, _, rest, credits in sorted(self.leaves):
            parts.append(f"({rest})")
            groups.append(credits)
        return parts[0] if len(parts) == 1 and not self.leaves else "(?:" + "|".join(parts) + ")"


_Scanner = tuple[re.Pattern[str], tuple[tuple[_Credit, ...], ...]]


def _roots(variants: list[tuple[str, _Credit]]) -> dict[str, _Node]:
    """A trie per script of the variants' literal prefixes, the credits at the leaves."""
    credits: dict[str, list[_Credit]] = defaultdict(list)
    for variant, credit in variants:
        credits[variant].append(credit)
    roots: dict[str, _Node] = defaultdict(_Node)
    for order, (variant, credit_list) in enumerate(credits.items()):
        literal, rest = _literal_prefix(variant)
        node = roots[next(name for name, chars in _SCRIPTS.items() if re.match(f"[{chars}]", literal[0]))]
        for char in literal:
            node = node.children.setdefault(char, _Node())
        node.leaves.append((-_specificity(variant), order, rest, tuple(credit_list)))
    return roots


def _scanner(roots: dict[str, _Node], scripts: tuple[str, ...], prefix: str) -> _Scanner:
    """One pattern over the tries of some scripts, so the engine rejects most positions with a
    few character comparisons; each variant's remainder is a group. A position's first character
    is checked against the cues' first characters (one class per script, the paste's main one first).
    Returns the pattern and, by group number, the cues a match credits."""
    groups: list[tuple[_Credit, ...]] = [()]
    firsts = {name: "".join(re.escape(char) for char in sorted(roots[name].children)) for name in scripts}
    if len(scripts) == 1 and not prefix:
        body = roots[scripts[0]].pattern(groups)  # starts with literals: the engine skips to their first characters
    elif len(scripts) == 1:
        body = f"(?=[{firsts[scripts[0]]}]){roots[scripts[0]].pattern(groups)}"
    else:
        branches = [f"(?=[{firsts[name]}]){roots[name].pattern(groups)}" for name in scripts]
        body = f"(?=[{''.join(firsts.values())}])(?:{'|'.join(branches)})"
    compiled = re.compile(prefix + body)
    if compiled.groups != len(groups) - 1:
        raise ValueError("a cue must not capture")
    return compiled, tuple(groups)


def _scanners() -> dict[str, _Scanner]:
    """The scanners, by the kind of paste they read: Latin only, or led by Hangul, Cyrillic or Han."""
    words: list[tuple[str, _Credit]] = []
    han: list[tuple[str, _Credit]] = []
    entry_lists = [source.strong + source.cues for source in _SOURCES] + [_DEPLOYMENT_CUES]
    for topic_number, entries in enumerate(entry_lists):
        for cue_number, entry in enumerate(entries):
            for variant in _variants(entry):
                (han if _is_han(variant[0]) else words).append((_checked(variant), (topic_number, cue_number)))
    roots = _roots(words)
    # a word cue follows a separator (the text is read with a space in front); Chinese glues
    # Latin words to Han characters, so they separate too where there are any
    separators = f"[{_SEPARATOR_CHARS}]"
    separators_han = f"[{_SEPARATOR_CHARS}{_SCRIPTS['han']}]"
    return {
        "latin": _scanner(roots, ("latin",), separators),
        "hangul": _scanner(roots, ("hangul", "latin", "cyrillic"), separators),
        "cyrillic": _scanner(roots, ("cyrillic", "latin", "hangul"), separators),
        "han": _scanner(roots, ("latin", "hangul", "cyrillic"), separators_han),
        "han-characters": _scanner(_roots(han), ("han",), ""),
    }


_SCANNERS = _scanners()
_STRONG_COUNTS: tuple[int, ...] = tuple(len(source.strong) for source in _SOURCES)
_COVERED = len(TOPICS)


def _scanners_for(text: str) -> tuple[_Scanner, ...]:
    """The scanners a paste needs, from the UTF-8 lead bytes of its scripts (a fast C search)."""
    if text.isascii():
        return (_SCANNERS["latin"],)
    data = text.encode()
    if any(lead in data for lead in (b"\xe4", b"\xe5", b"\xe6", b"\xe7", b"\xe8", b"\xe9")):  # U+4000-U+9FFF
        return _SCANNERS["han"], _SCANNERS["han-characters"]
    if any(lead in data for lead in (b"\xea", b"\xeb", b"\xec", b"\xed")):  # U+A000-U+DFFF
        return (_SCANNERS["hangul"],)
    if b"\xd0" in data or b"\xd1" in data:  # U+0400-U+047F
        return (_SCANNERS["cyrillic"],)
    return (_SCANNERS["latin"],)


def neighbour_topic(text: str) -> Sighting | None:
    """The neighbouring topic a folded paste is about, or None (a deployment's, or nothing clear)."""
    if any(not text[max(0, match.start() - 1):match.start()].isalpha() for match in _ERROR_CODE.finditer(text)):
        return None  # an ERR_NNNN code ("stderr 2024" is none)
    hits: list[set[int]] = [set() for _ in range(_COVERED + 1)]
    for scanner, credits in _scanners_for(text):
        for match in scanner.finditer(" " + text):
            for topic_number, cue_number in credits[match.lastindex or 0]:
                hits[topic_number].add(cue_number)
    floor = len(hits[_COVERED])
    best: Sighting | None = None
    best_count = 0
    for number, topic in enumerate(TOPICS):
        count = len(hits[number])
        strong = bool(hits[number]) and min(hits[number]) < _STRONG_COUNTS[number]
        if count > max(best_count, floor) and (count >= 2 or strong):
            best, best_count = Sighting(topic, conclusive=strong and floor == 0), count
    return best
