"""Azure Machine Learning topics next to deployment that the knowledge does not cover.

Many pastes are about a neighbouring part of Azure ML: a compute cluster that does not
scale, a training job's UserError, `az extension add`, the studio UI; or about Azure OpenAI,
whose "deployments" and "rate limits" sound like ours. For those the right answer is "not
covered", with the topic named and the documentation page to read.

Each topic has two case-insensitive patterns: `cues`, words and phrases that point at the
topic, and `strong`, the subset whose single hit is conclusive (every strong alternative is
also a cue). They are joined from two places: the topic's language-neutral identifiers here
(`amlcompute`, `ScriptRunConfig`, `az extension add`), and each language's words in its module
(`Language.neighbour_cues`: how English, Korean, Chinese and Russian users of the area speak),
so a new language touches one module. Words for a concept a deployment paste shares too (its
environment, its image build) are `concepts`: every language's words for one concept count as
one cue, so `conda 环境` is one hit, not two.

`neighbour_topic` picks the topic a paste is about: one with a strong hit or at least two
distinct cue hits; among several, the one with most distinct cue hits (ties: more strong hits,
then TOPICS order). The covered knowledge counts against every topic: a paste naming an
ERR_NNNN code is a deployment's, and a topic needs more distinct hits than
DEPLOYMENT_WORD_WEIGHT times the paste's distinct deployment words (endpoints, deployments,
ACI/AKS web services, scoring, inference, score.py ...). So "deployed my AutoML model to an
online endpoint: ResourceNotReady" stays a deployment question.

The stage counts as evidence. A paste without one deployment word is *outside deployment*
(training, provisioning, signing in): there a short, generic signature of an entry is the
neighbour's too, and only an ERR_NNNN code or a specific signature (a sentence of the entry's
error output) keeps the entry. Such a paste is a sighting even when no topic has two cues but
the neighbouring topics together have STAGE_CUES. The sighting is *conclusive* when, outside
deployment, the topic has a strong hit or CONCLUSIVE_CUES distinct cues, or when a strong hit
comes with STRONG_OVER_DEPLOYMENT times as many of the topic's distinct cues as deployment words:
the matcher then discounts every signature and pattern (only an ERR_NNNN code keeps its entry).
A topic's `errors` (its own exceptions, service error codes and tool messages, which no covered entry prints:
`ClientAuthenticationError`, `AADSTS50076`, the CLI's "misspelled or not recognized") say the paste failed in the
neighbour's stage: that sighting is conclusive whatever deployment words the paste has, as they say what the user
meant to do next ("signing in to deploy my model: ClientAuthenticationError").

What a paste says in passing is weighed: Kubernetes, AKS and `docker run` are where deployments run
but training jobs too, so they count as half a deployment word and do not name the stage; a studio
link to a run, or a resource id under `workspaces/<name>/computes/` or `.../jobs/`, read before
normalising strips the paths, is a strong cue of its topic (`_PATHS`), and so is a link to a page of
the Azure ML documentation about the topic (a deployment page's is a deployment word). A sighting is no
evidence against an entry whose error output the paste quotes and whose own words the neighbour's are
(`Sighting.outweighs`), unless it is conclusive in a paste without a deployment word. Where the user
works (`WORKPLACES`: a compute instance's notebook, the studio) is where a deployment's paste calls its
endpoint from: in a paste with a deployment word those topics are never conclusive and outweigh nothing.

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
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from app.matching.languages import LANGUAGES
from app.matching.languages.base import WORD_END as _E
from app.matching.languages.base import NeighbourCues
from app.matching.screen import Screened

DOCS_CHECKED = "2026-12-01"
_DOCS = "https://learn.microsoft.com/azure/machine-learning/"

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
    concepts: Mapping[str, str] = field(default_factory=dict)
    """Language-neutral words of a concept the languages also name (`NeighbourCues.concepts`)."""
    errors: tuple[str, ...] = ()
    """The names of the topic's own failures (exceptions, service error codes, the tool's messages), which no
    entry of the covered knowledge prints: strong cues that also say the paste's failure is the neighbour's."""


# Each topic's language-neutral cues: identifiers, commands, file and error names, which
# pastes in every language quote as they are. Each language's words for the topic are in its
# module (`Language.neighbour_cues`, app.matching.languages) and are joined to these.
_NEUTRAL: tuple[_Source, ...] = (
    _Source(
        "compute-cluster",
        errors=(
            r"computetargetnotfound", r"clusterresize\w*|resizeerror\w*",
            r"allocationfailed|zonalallocationfailed|overconstrainedallocationrequest",
            # creating or attaching a compute target (an AKS cluster too) is provisioning, not deploying
            r"computetargetexception",
        ),
        strong=(
            r"amlcompute", r"azuremlcompute", r"vm_priority",
            r"computetarget\.(?:create|attach)|create_aks_compute|create_aml_compute",
            r"provisioning_configuration|attach_configuration", r"compute object provisioning",
        ),
        cues=(
            r"cpu-clusters?|gpu-clusters?", r"lowpriority|dedicated" + _E, r"agent_count", r"provisioning operation",
            # the quota of the VMs a subscription creates itself; an endpoint's is OutOfQuota, "not enough quota"
            r"exceeding approved (?:total regional|\w+) cores quota|regional cores quota",
            r"min(?:_| |imum )(?:nodes|instances)" + _E + r"|max(?:_| |imum )(?:nodes|instances)" + _E,
            r"idle_seconds_before_scaledown|idle_time_before_scale_down", r"batchnodemanagement", r"vm_size",
            r"az ml compute (?:create|update|resize|list|show|delete|list-nodes|list-sizes|list-usage)|ml_client\.compute\.\w+",
            r"scale_settings|scalesettings|min_node_count|max_node_count", r"enable_node_public_ip|remote_login_port_public_access",
        ),
        page="how-to-create-attach-compute-cluster",
        title="Create an Azure Machine Learning compute cluster",
    ),
    _Source(
        "compute-instance",
        strong=(r"computeinstance\w*", r"idle_time_before_shutdown\w*"),
        cues=(r"ipykernel|nbformat|jupyterlab", r"az ml compute (?:start|stop|restart|connect-ssh)"),
        page="how-to-create-compute-instance",
        title="Create an Azure Machine Learning compute instance",
    ),
    _Source(
        "training-job",
        # SDK v1's failures of a run it waited for or submitted; MLflow's REST client failing against the tracking server
        errors=(r"activityfailedexception", r"experimentexecutionexception",
                r"api request to endpoint [^\s]+ failed with error code|mlflow\.exceptions\.restexception"),
        strong=(
            # not `User process ... exited` nor std_log.txt: a batch deployment's job writes them too
            r"az ml job create", r"scriptrunconfig", r"experiment\.submit", r"ml_client\.jobs\.create_or_update",
            r"estimator\w*", r"pytorchconfiguration|mpiconfiguration|tensorflowconfiguration", r"run\.get_context",
            r"az ml run (?:submit\w*|list|show|cancel|download-logs)", r"hyperdriveconfig|sweep_job|sweep\(",
            r"scriptrun" + _E + r"|experiment\.start_logging",
        ),
        cues=(
            # following a job, not submitting one: a batch endpoint's scoring job is followed with them too
            r"az ml job (?:stream|show|download|cancel|list|archive)",
            r"runconfiguration|run_config" + _E, r"mlflow\.(?:log|start_run|autolog|set_tracking|set_experiment)\w*", r"log_metric\w*|log_param\w*|run\.log" + _E,
            r"train\.py", r"jobs\.create_or_update|jobs\.stream", r"limits\.timeout",
            r"wait_for_completion", r"driver_log\w*|control_log\w*", r"user process '?\w*'? exited", r"std_log\w*\.txt", r"command\(", r"azureml-logs|user_logs",
            r"torch\.distributed|horovod|deepspeed|nccl" + _E, r"executionfailed", r"amlignore",
            r"rundetails|azureml\.widgets",
            r"mlflow\.(?:end_run|active_run|search_runs|get_run|get_experiment\w*|create_experiment|get_tracking_uri|set_tags?)",
            r"mlflowclient|mlflow\.tracking\w*|mlflow_tracking_uri|get_mlflow_tracking_uri", r"commandjob|command_job",
            r"sparkjob|spark_job|synapsespark\w*|pyspark",
        ),
        page="how-to-train-model",
        title="Train models with Azure Machine Learning CLI, SDK, and REST API",
    ),
    _Source(
        "environment-build",
        strong=(
            r"image_build_log\.txt", r"build failure analysis", r"az ml environment (?:create|update|build)",
            r"environment\.from_(?:conda_specification|pip_requirements|docker_build_context|dockerfile)",
        ),
        concepts={"environment": r"conda\w*"},
        cues=(
            r"resolvepackagenotfound", r"unsatisfiableerror", r"condaenvexception", r"acr" + _E,
            r"requirements\.txt", r"conda\.ya?ml|environment\.ya?ml|env\.ya?ml", r"mutated_conda_dependencies\w*",
            r"pip" + _E, r"cliv2anonymousenvironment|anonymousenvironment", r"no builds exist",
        ),
        page="how-to-troubleshoot-environments",
        title="Troubleshooting environment issues",
    ),
    _Source(
        "automl",
        strong=(r"automl\w*", r"automl ?config"),
        cues=(r"primary_metric", r"experiment_timeout\w*", r"time_column_name", r"n_cross_validations", r"get_output\(",
              r"best_run|best_model", r"forecasting_parameters|forecastingparameters", r"label_column_name",
              r"blocked_models|allowed_models|blocked_training_algorithms|allowed_training_algorithms"),
        page="how-to-troubleshoot-auto-ml?view=azureml-api-1",
        title="Troubleshoot automated ML experiments in Python",
    ),
    _Source(
        "pipelines",
        strong=(
            r"parallelrunstep|parallelrunconfig", r"pythonscriptstep|commandstep|datatransferstep|hyperdrivestep|automlstep",
            r"pipelinedata|outputfiledatasetconfig", r"steprun\w*|pipelinerun\w*", r"dsl\.pipeline",
            r"azureml\.pipeline\w*", r"pipeline_job\w*|pipelinejob\w*",
            r"publishedpipeline\w*|published_pipeline\w*", r"pipeline\.(?:submit|publish\w*)",
            # ParallelRunStep's and the v2 parallel job's settings; a batch deployment has its own names for them
            r"parallel_run_function", r"process_count_per_node|first_task_creation_timeout|run_invocation_timeout",
            r"load_component|command_component|mldesigner", r"pipelineendpoint\w*|pipelineparameter\w*",
        ),
        # ParallelRunStep's driver is the batch endpoints' too: a cue of both stages
        cues=(r"pipeline\.ya?ml", r"error_threshold", r"allow_reuse", r"amlbi_main\w*"),
        page="how-to-debug-pipelines?view=azureml-api-1",
        title="Troubleshooting machine learning pipelines",
    ),
    _Source(
        "cli-install",
        # the CLI's own messages (in English whatever the user's language): the command never ran
        errors=(r"misspelled or not recognized", r"not in the 'az' command group|is not in the 'az ml' command group",
                r"the command requires the extension", r"az: command not found"),
        strong=(r"az extension (?:add|remove|update|list|show)", r"azure-cli-ml", r"az ml (?:-h|--help)" + _E),
        cues=(r"az extension", r"az (?:--)?version|az upgrade", r"pip failed", r"azure-ai-ml|azureml-sdk"),
        page="how-to-configure-cli",
        title="Install and set up the CLI (v2)",
    ),
    _Source(
        "workspace-auth",
        # the token service's and the identity library's failures: signing in failed, whatever came next
        errors=(
            r"missingsubscriptionregistration", r"credentialunavailableerror|clientauthenticationerror|adalerror", r"aadsts\d+",
            r"invalidauthenticationtoken\w*|expiredauthenticationtoken", r"invalid_grant|invalid_client|unauthorized_client",
        ),
        strong=(
            r"interactiveloginauthentication", r"serviceprincipalauthentication", r"workspace\.(?:from_config|get|create)",
            r"machinelearningservices/workspaces/write", r"defaultazurecredential",
            r"interactivebrowsercredential|azureclicredential|managedidentitycredential|clientsecretcredential",
            r"az ml workspace (?:create|update|show|diagnose|list|delete)|ml_client\.workspaces\.\w+",
            r"subscriptionnotfound|invalidsubscriptionid",
        ),
        cues=(
            r"az login", r"az account (?:set|show)", r"devicelogin|perform_interactive_login|invalid_tenant",
            r"authenticationexception", r"authorizationfailed", r"from_config|config\.json", r"mlclient\(",
        ),
        page="how-to-setup-authentication",
        title="Set up authentication for Azure Machine Learning resources and workflows",
    ),
    _Source(
        "datastores",
        errors=(r"datasetvalidationerror|datasetexecutionerror",),
        strong=(
            r"scriptexecution\.\w+", r"streamaccess\.\w+", r"dataset\.(?:file|tabular)",
            r"from_delimited_files|from_parquet_files|to_pandas_dataframe|register_pandas_dataframe",
            r"az ml data (?:create|show|list|mount)", r"mltable", r"azureml://datastores", r"azureml-fuse|blobfuse\w*",
            r"datastore\.(?:get|register\w*|upload\w*)|register_azure_\w+", r"dataset\.get_by_\w+",
            r"as_named_input", r"ml_client\.(?:data|datastores)\.\w+", r"azureml\.fsspec|azuremlfilesystem",
        ),
        cues=(r"workspaceblobstore|workspacefilestore", r"filedataset|tabulardataset|file_dataset|tabular_dataset", r"adls" + _E + r"|gen2" + _E, r"uri_file|uri_folder",
              r"csv" + _E + r"|parquet" + _E, r"as_mount|as_download"),
        page="how-to-troubleshoot-data-access",
        title="Troubleshoot data access errors",
    ),
    _Source(
        "studio-portal",
        strong=(r"ml\.azure\.com",),
        cues=(r"model\.register",),
        page="how-to-manage-models",
        title="Work with registered models in Azure Machine Learning",
    ),
    _Source(
        "prompt-flow",
        # authoring and testing a flow (the `pf` CLI, a flow's YAML, the SDK's modules); a flow deployed to an
        # online endpoint says the deployment's words too, and those outweigh these
        strong=(r"promptflow(?:[.-]\w+)?", r"pf (?:flow|run|connection|tool|config|service) \w+|pfazure \w+",
                r"flow\.(?:dag|flex)\.ya?ml", r"pfclient"),
        cues=(r"pf\.(?:run|test|flows|connections|runs|get_details|visualize)\w*", r"customconnection|azureopenaiconnection",
              r"aoai_connection|open_ai_connection|connection_name", r"flow_runtime|runtime_name"),
        page="prompt-flow/tools-reference/troubleshoot-guidance",
        title="Troubleshoot guidance for prompt flow",
    ),
    _Source(
        "azure-openai",
        # the error code Azure OpenAI returns for a model deployment name its resource does not have (an Azure ML
        # endpoint names a missing deployment otherwise); the name alone is no deployment word of ours
        errors=(r"deploymentnotfound",),
        # with the hosts of Azure AI Foundry's serverless APIs and AI services (an ML endpoint's is inference.ml.azure.com)
        strong=(r"text-embedding\w*", r"aoai" + _E, r"openai\.\w+", r"azure_openai\w*", r"cognitiveservices\.azure\.com",
                r"ocp-apim-subscription-key", r"models\.ai\.azure\.com|services\.ai\.azure\.com|inference\.ai\.azure\.com",
                # Azure OpenAI's (and API Management's) throttling sentence and content filter; an ML endpoint says neither
                r"rate limit is exceeded\. try again in", r"responsibleaipolicyviolation|content_filter\w*",
                r"azureopenai\w*|azurechatopenai\w*|azure_deployment" + _E),
        cues=(r"insufficient_?quota", r"s0" + _E, r"deployment_id|engine=", r"max_tokens"),
        page="https://learn.microsoft.com/azure/ai-services/openai/quotas-limits",
        title="Azure OpenAI quotas and limits",
    ),
)

# Where deployments run, but training jobs too (an attached Kubernetes compute, a job's Docker
# image): deployment words of half the weight (INFRASTRUCTURE_WEIGHT), listed first.
_INFRASTRUCTURE_CUES: tuple[str, ...] = (
    r"kubernetes|kubectl|pods?" + _E, r"aks" + _E, r"docker (?:pull|run|exec|commit|stop|tag|login)",
)
# Language-neutral words of the covered knowledge: commands, files and error names of
# endpoints, deployments and web services (each language's words: `Language.deployment_cues`).
_NEUTRAL_DEPLOYMENT_CUES: tuple[str, ...] = _INFRASTRUCTURE_CUES + (
    r"--type batch", r"webserviceexception|acideploymentfailed|kubernetesdeploymentfailed", r"aci" + _E,
    r"imagebuildfailure", r"outofquota", r"inferencingclient\w*", r"inference_?config\w*", r"deploy_config\w*|deployment_config\w*",
    r"localwebservice|aciwebservice|akswebservice", r"managedonline\w*|kubernetesonline\w*", r"score\.py",
    r"get_model_path|azureml_model_dir", r"inference\.ml\.azure\.com", r"crashloopbackoff", r"invoke" + _E, r"resourcenotready",
    r"--input[-_]path|--output[-_]path", r"ptvsd|debugpy",
    r"dockerfile\.steps", r"amlbi_main\w*",
    # a batch job's unit of work in words and in its log lines (`exceeded for mini batch 17`); ParallelRunStep's
    # setting `mini_batch_size` is not counted: a pipeline step's paste quotes it
    r"mini[ -]batch(?:es)?" + _E, r"gunicorn|azureml-inference-server-http|azmlinfsrv",
    # SDK v1's image of a model (`ContainerImage.image_configuration`, `Image.create`, MLflow's `build_image`):
    # only a deployment builds one; a training run's environment image is built by the run
    r"containerimage\w*|image\.create|build_image|image_config\w*",
)


def _joined(source: _Source) -> _Source:
    """A topic's neutral cues followed by every language's words for it; its errors are its first strong cues."""
    words = [lang.neighbour_cues.get(source.id, NeighbourCues()) for lang in LANGUAGES]
    concepts: dict[str, list[str]] = defaultdict(list)
    for name, cue in [*source.concepts.items(), *(item for w in words for item in w.concepts.items())]:
        concepts[name].append(cue)
    return replace(source, strong=source.errors + source.strong + tuple(cue for w in words for cue in w.strong),
                   cues=source.cues + tuple(cue for w in words for cue in w.cues)
                   + tuple("|".join(cues) for cues in concepts.values()), concepts={})


def _languages_checked() -> None:
    """A language's words for a topic that does not exist would never be read: an error."""
    known = {source.id for source in _NEUTRAL}
    for lang in LANGUAGES:
        unknown = sorted(set(lang.neighbour_cues) - known)
        if unknown:
            raise ValueError(f"{lang.code}: neighbour cues for unknown topics: {', '.join(unknown)}")


_languages_checked()
_SOURCES: tuple[_Source, ...] = tuple(_joined(source) for source in _NEUTRAL)
_DEPLOYMENT_CUES: tuple[str, ...] = _NEUTRAL_DEPLOYMENT_CUES + tuple(
    cue for lang in LANGUAGES for cue in lang.deployment_cues)

# An ERR_NNNN code is the covered knowledge's own identifier: such a paste is a deployment's.
_ERROR_CODE = re.compile(r"err[ _\-]?\d{4}(?!\d)")

_WORKSPACE_CHILD = r"workspaces/[^\s/\"']+/"
# A page of the Azure ML documentation, old host or new, any locale, any folder: its name follows.
_ML_DOCS = r"(?:docs|learn)\.microsoft\.com/(?:[a-z]{2}-[a-z]{2}/)?azure/machine-learning/(?:[\w.-]+/)*"
_PATHS: tuple[tuple[str | None, str], ...] = (
    ("training-job", r"ml\.azure\.com/(?:runs|experiments)/|/experiments/[^\s/\"']+/runs/"
     + "|" + _WORKSPACE_CHILD + r"(?:jobs|experiments)/"),
    ("compute-cluster", _WORKSPACE_CHILD + r"computes/"),
    ("datastores", _WORKSPACE_CHILD + r"(?:datastores|data)/"),
    (None, _WORKSPACE_CHILD + r"(?:onlineendpoints|batchendpoints|services)(?![\w-])"),
    (None, r"https?://[^\s\"'<>]+/score(?![\w-])"),
    # the scoring container's own folders: the entry script and the inference server live there
    (None, r"/var/azureml-(?:app|server)\b"),
    (None, r"aka\.ms/(?:oe-tsg|debugimage)\b|how-to-(?:troubleshoot-(?:online-endpoints|deployment|batch-endpoints)"
     r"|debug-managed-online-endpoints)\b"),
    # a documentation page of Azure ML names its subject: the page an issue is filed on, the one an error points to
    (None, _ML_DOCS + r"[\w.-]*(?:deploy|endpoint|web-?service|inferenc|consume)"),
    ("training-job", _ML_DOCS + r"how-to-(?:train|track|log-view|use-mlflow|tune-hyperparameters|set-up-training)"),
    ("compute-cluster", _ML_DOCS + r"how-to-(?:create-attach-compute|create-compute-cluster|attach-compute)"),
    ("compute-instance", _ML_DOCS + r"how-to-create-(?:manage-)?compute-instance"),
    ("automl", _ML_DOCS + r"(?:how-to-(?:configure-auto|auto-train|troubleshoot-auto-ml)|concept-automated-ml)"),
    ("pipelines", _ML_DOCS + r"(?:how-to-(?:create-machine-learning-pipelines|create-component-pipeline|debug-pipelines"
     r"|use-parallel-run-step)|concept-ml-pipelines)"),
    ("cli-install", _ML_DOCS + r"how-to-configure-cli"),
    ("workspace-auth", _ML_DOCS + r"how-to-(?:manage-workspace|setup-authentication|create-workspace)"),
    ("datastores", _ML_DOCS + r"(?:how-to-(?:access-data|datastore|read-write-data|create-register-data|create-data-assets"
     r"|identity-based-data)|concept-data)"),
)
"""Where a paste's links and resource ids point, read in the original text (normalising keeps a
URL's host and a path's last part only): the resource type after `workspaces/<name>/` in an ARM id or
a REST call, a studio link's page, a scoring URI's `/score`, the scoring container's folders
(`/var/azureml-app`), a page of the documentation, a deployment troubleshooting guide (the
service links its own errors to their stage's guide: `aka.ms/oe-tsg#...` is a deployment's error).
Each is (topic id, pattern): a strong cue of the topic, or (topic None) a word of the covered knowledge's
stage. A studio link to a job or a run is a strong cue of the job as of the portal, and ties go to the
job (TOPICS order)."""
_PATH_PATTERNS = tuple((topic, Screened(re.compile(pattern))) for topic, pattern in _PATHS)
"""Screened (`app.matching.screen`): every paste with a slash is read with each of them."""

CONCLUSIVE_CUES = 3
"""Distinct cues of one topic that are conclusive without a strong one: three different words of
compute clusters (nodes, low priority, resizing) in a paste without a deployment word are no accident."""
STRONG_OVER_DEPLOYMENT = 3
"""A strong cue with this many of its topic's distinct cues per deployment word is conclusive too: a
deployment word said in passing ("an auto-deploy script fails to provision the compute cluster") does
not make a paste full of a neighbour's words a deployment's."""
STAGE_CUES = 2
"""Distinct words of the neighbouring topics, whichever, that place a paste without a deployment
word in their stage (training, provisioning, signing in) though no single topic has two: "the
experiment failed: image build failed" is a training job's (two spellings of one word count once)."""
WORKPLACES = frozenset({"compute-instance", "studio-portal"})
"""Topics of where a user works, not of a stage: a paste naming the deployment stage calls its endpoint from a
notebook on a compute instance, or tests it in the studio, so their words are its setting, not its subject."""
INFRASTRUCTURE_WEIGHT = 0.5
"""What a word of where deployments run (Kubernetes, AKS, `docker run`) counts as a deployment word: a
training job submitted to an attached Kubernetes cluster says it too, so it is half a word of the stage."""
DEPLOYMENT_WORD_WEIGHT = 1.5
"""A topic needs more than this many distinct cues per distinct deployment word of the paste: a
deployment question that mentions its notebook and its workspace in passing stays a deployment's."""


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
    """One case-insensitive pattern of the entries, with the word-start rule spelled out after each cue's first
    character (`a(?<![^SEP]a)`: nothing or a separator before it), so that every branch starts with a literal and
    the engine skips ahead to the cues' first characters instead of trying each branch at every position."""
    inside_word = f"[^{_SEPARATOR_CHARS}{_SCRIPTS['han']}]"
    variants = [_checked(v) for entry in entries for v in _variants(entry)]
    return re.compile("|".join(v if _is_han(v[0]) else f"{v[0]}(?<!{inside_word}{re.escape(v[0])}){v[1:]}"
                               for v in variants), re.IGNORECASE)


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
    cues: Mapping[str, frozenset[int]] = field(default_factory=dict)
    """Every topic's distinct cues the paste says, by topic id (as `topic_cues` gives them)."""
    deployment_words: float = 0.0
    """The paste's distinct words of the covered knowledge's stage, weighed (`INFRASTRUCTURE_WEIGHT`)."""
    stage_words: int = 0
    """Those of them that name the stage itself (deploying, scoring), not where it runs (Kubernetes)."""

    @property
    def outside_deployment(self) -> bool:
        """Not one word of deploying or scoring: the paste is in another stage (training, provisioning,
        signing in), so a short, generic signature of an entry (`No module named`, `timed out`) is no
        evidence either; only an ERR_NNNN code or a specific signature keeps its entry. Kubernetes, AKS or
        `docker run` alone do not place a paste in the deployment stage: training jobs run there too."""
        return not self.stage_words

    def outweighs(self, own_cues: Mapping[str, frozenset[int]], quoted: bool = False) -> bool:
        """Whether a topic still outweighs the paste's deployment words once the cues an entry says
        itself (`own_cues`: its titles, causes and aliases) are set aside. The knowledge covers a deployment
        in a private workspace, a batch job that cannot mount its dataset, a browser calling an endpoint:
        there the workspace, the dataset and the browser are the entry's words, not another topic's.
        A conclusive sighting in a paste without a deployment word outweighs every entry. A conclusive one
        in a deployment's paste, or any in a paste without a deployment word, outweighs every entry but one
        whose error output the paste quotes (`quoted`: a signature or pattern) and that says the neighbour's
        words itself: "BadArgument: subscription doesn't exist" names the subscription because the error
        does, not because the user is signing in; a batch job that cannot mount its datastore quotes the
        batch entry's mount error. Where the user works (`WORKPLACES`: a notebook on a compute instance, the
        studio) is where a paste naming the deployment stage calls its endpoint from: there those topics outweigh nothing."""
        if (self.conclusive and self.outside_deployment) or (
                not quoted and (self.conclusive or self.outside_deployment)):
            return True
        return any(len(cues - own_cues.get(topic, frozenset())) > DEPLOYMENT_WORD_WEIGHT * self.deployment_words
                   for topic, cues in self.cues.items() if topic not in WORKPLACES or self.outside_deployment)


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
_ERROR_COUNTS: tuple[int, ...] = tuple(len(source.errors) for source in _SOURCES)
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


def _hits(text: str) -> tuple[list[set[int]], set[tuple[_Credit, ...]]]:
    """The distinct cues a folded text says, by topic number (the last: the covered knowledge's
    deployment words), and the distinct neighbour words among them: a word is known by the cues it
    credits, so two spellings of one cue ("image build", "build log"; 빌드 and "build") are one word."""
    hits: list[set[int]] = [set() for _ in range(_COVERED + 1)]
    neighbour_words: set[tuple[_Credit, ...]] = set()
    for scanner, credits in _scanners_for(text):
        for match in scanner.finditer(" " + text):
            credited = credits[match.lastindex or 0]
            for topic_number, cue_number in credited:
                hits[topic_number].add(cue_number)
            neighbours = tuple(credit for credit in credited if credit[0] != _COVERED)
            if neighbours:
                neighbour_words.add(neighbours)
    return hits, neighbour_words


def _by_topic(hits: list[set[int]]) -> dict[str, frozenset[int]]:
    return {topic.id: frozenset(cues) for topic, cues in zip(TOPICS, hits, strict=False) if cues}


def topic_cues(text: str) -> dict[str, frozenset[int]]:
    """The cues of each neighbouring topic a folded text says (an entry's own words, for `Sighting.outweighs`)."""
    return _by_topic(_hits(text)[0])


def names_deployment(text: str) -> bool:
    """Whether a folded text says a word of the covered knowledge's stage (deploying, scoring) or an ERR_NNNN code."""
    return bool(_ERROR_CODE.search(text)) or bool(_hits(text)[0][_COVERED])


def _path_hits(original: str, hits: list[set[int]], neighbour_words: set[tuple[_Credit, ...]]) -> None:
    """Add the cues of the paste's links and resource ids (`_PATHS`) to `hits`: a topic's as a strong
    cue (numbered below every topic's own, as strong cues come first), the stage's past its own words."""
    if "/" not in original:
        return
    for number, (topic, pattern) in enumerate(_PATH_PATTERNS):
        if not pattern.search(original):
            continue
        if topic is None:
            hits[_COVERED].add(len(_DEPLOYMENT_CUES) + number)
            continue
        credit = (TOPIC_IDS.index(topic), -1 - number)
        hits[credit[0]].add(credit[1])
        neighbour_words.add((credit,))


def neighbour_topic(text: str, original: str = "") -> Sighting | None:
    """The neighbouring topic a folded paste is about, or None (a deployment's, or nothing clear).
    `original`: the paste folded but not normalised, whose links and resource ids still have their paths."""
    if any(not text[max(0, match.start() - 1):match.start()].isalpha() for match in _ERROR_CODE.finditer(text)):
        return None  # an ERR_NNNN code ("stderr 2024" is none)
    hits, neighbour_words = _hits(text)
    _path_hits(original, hits, neighbour_words)
    stage = sum(not cue < len(_INFRASTRUCTURE_CUES) for cue in hits[_COVERED])
    floor = stage + INFRASTRUCTURE_WEIGHT * (len(hits[_COVERED]) - stage)
    count, strong, number = max(
        (len(cues), sum(cue < _STRONG_COUNTS[n] for cue in cues), -n) for n, cues in enumerate(hits[:_COVERED]))
    topic = TOPICS[-number]
    failed = {n for n, cues in enumerate(hits[:_COVERED]) if any(0 <= cue < _ERROR_COUNTS[n] for cue in cues)}
    if failed:  # the paste's failure is a neighbour's own; its deployment words say what was meant next
        # named after the neighbour it says most (a pipeline step's run failing), never where the user works
        _, _, named = max((len(cues), n in failed, -n) for n, cues in enumerate(hits[:_COVERED])
                          if n in failed or TOPICS[n].id not in WORKPLACES)
        return Sighting(TOPICS[-named], conclusive=True, cues=_by_topic(hits), deployment_words=floor,
                        stage_words=stage)
    if count <= DEPLOYMENT_WORD_WEIGHT * floor:
        return None
    if count >= 2 or strong:
        conclusive = (stage == 0 and (strong > 0 or count >= CONCLUSIVE_CUES)) or (
            strong > 0 and count >= STRONG_OVER_DEPLOYMENT * floor and topic.id not in WORKPLACES)
        return Sighting(topic, conclusive=conclusive, cues=_by_topic(hits), deployment_words=floor, stage_words=stage)
    if stage == 0 and len(neighbour_words) >= STAGE_CUES:
        return Sighting(topic, conclusive=False, cues=_by_topic(hits), deployment_words=floor)
    return None
