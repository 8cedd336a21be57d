"""English, and the Latin script: the words of error output, identifiers and commands.

Words are stemmed (Snowball); compound identifiers (`request_timeout_ms`, `nvidia.com/gpu`)
count whole and by part. English is the fallback language: error output is English, so a
paste is English unless another script claims it.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from app.matching.languages.base import WORD_END as _E
from app.matching.languages.base import Language, NeighbourCues, snowball, synonym_features

PREFIX = "w"
_PARTS = re.compile(r"[._\-/']")
# HTTP statuses are evidence of their own (extract.py); as words they would make every
# "HTTP/1.1 <status>" alias look alike.
_STATUS_NUMBER = re.compile(r"^[2-5]\d\d$")
_LATIN_WORD = re.compile(r"[a-zA-Z]{2,}")
_CODE_ONLY = re.compile(r"^(?:\s|err(?:or)?[ _\-]?[0-9oO]{4}|http(?:/\d(?:\.\d)?)?|[0-9]{3}|[^\w])*$", re.IGNORECASE)

STOPWORDS = frozenset([
    "a", "an", "the", "and", "or", "but", "if", "then", "so", "of", "to", "in", "on", "at", "by", "for",
    "from", "with", "without", "into", "onto", "as", "is", "are", "was", "were", "be", "been", "being",
    "am", "do", "does", "did", "doing", "have", "has", "had", "having", "i", "me", "my", "we", "our", "you",
    "your", "he", "she", "it", "its", "they", "them", "their", "this", "that", "these", "those", "there",
    "here", "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "can", "could",
    "should", "would", "will", "shall", "may", "might", "must", "not", "no", "yes", "just", "also", "very",
    "too", "only", "even", "still", "again", "ever", "any", "some", "all", "each", "every", "more", "most",
    "much", "many", "other", "such", "own", "same", "than", "about", "over", "under", "up", "down", "out",
    "off", "s", "t", "d", "ll", "m", "re", "ve", "y", "get", "got", "gets", "please", "help", "thanks",
    "thank", "hi", "hello", "hey", "ok", "okay", "like", "want", "need", "tried", "try", "trying", "now",
    "after", "before", "because", "while", "i'm", "it's", "don't", "doesn't", "didn't", "can't", "isn't",
    "what's", "there's",
    # fillers of a spoken question: how the user feels about the problem, not what it is
    "actually", "really", "basically", "somehow", "anyway", "anymore", "literally", "suddenly", "seems", "seem",
    # ... hedges, amounts and times of the story around the problem: who noticed it, when, how sure the user is
    # (none of them names what went wrong; unknown to the knowledge, each would weigh as its rarest word)
    "apparently", "supposed", "supposedly", "maybe", "think", "guess", "suspect", "unsure", "obvious", "obviously",
    "strange", "weird", "said", "claims", "according", "regardless", "overall", "somewhere", "anywhere", "nowhere",
    "few", "lot", "lots", "alot", "bunch", "couple", "dozen", "dozens", "tons", "stuff", "etc", "fairly", "quite",
    "yesterday", "ago", "day", "days", "week", "weeks", "month", "months", "morning", "overnight",
    "colleague", "colleagues", "teammate", "people", "mine", "ourselves", "wants", "wanted",
    "i'd", "i've", "we're", "we've", "they're", "that's", "you're",
    # the same words typed without their apostrophe, or with a slip of the fingers
    "cant", "dont", "doesnt", "isnt", "wasnt", "arent", "havent", "hasnt", "shouldnt", "wouldnt", "couldnt",
    "im", "ive", "whats", "theres", "teh", "wiht", "waht", "wich", "wen", "evry", "somthing", "becuase", "thier",
])

TROUBLE_WORDS = (r"\b(?:cannot|can'?t|can not|unable|couldn'?t|won'?t|broken|wrong|raise[sd]?|throws?|thrown)\b"
                 r"|\b(?:doesn'?t|does not|don'?t|do not|didn'?t|did not|not|no longer|stopped) work")
"""Words a user tells a problem with that name no error (`cannot`, `doesn't work`, `raises`): a long English report
with them or with error words reports a failure; one without is a discussion or a request (the matcher's
`long_report`). Reports in the other languages tell their problems with their error words."""

# Words users type for a concept the knowledge names differently; each maps to the
# knowledge's word, so "remove" finds "delete".
SYNONYMS = {
    "remove": "delete", "erase": "delete", "teardown": "delete", "destroy": "delete",
    "reboot": "restart", "relaunch": "restart", "abort": "cancel",
    "room": "space",
    "laptop": "local", "workstation": "local",
    "malformed": "invalid",
    "webservice": "service", "websvc": "service",
    "oom": "memory", "oomkilled": "memory",
    "creds": "credentials", "apikey": "key",
    "pod": "container", "pods": "container",
    # how long something takes, in the knowledge's word: "runs forever", "takes ages" is "takes long"
    "forever": "long", "ages": "long", "endlessly": "long", "allotted": "allowed",
    # everyday words for a process that stops or stalls, in the knowledge's words: "keeps dying" is a crash,
    # "freezes" and "stalls" are a hang, a container "boots" when it starts
    "dies": "crashes", "died": "crashes", "dying": "crashes",
    "stuck": "hangs", "freezes": "hangs", "frozen": "hangs", "froze": "hangs", "stalls": "hangs", "stalled": "hangs",
    "boots": "starts", "booting": "starts",
    # size and parts in the knowledge's words: a "giant" conda file is a large one, a "chunk" of files a (mini-)batch
    "huge": "large", "giant": "large", "massive": "large", "enormous": "large",
    "chunk": "batch", "chunks": "batch", "blank": "empty", "wipe": "delete",
    # engineers' slang for the same symptoms: a "hung" or "wedged" process hangs, one that "blew up" crashed,
    # a job that "bailed" failed, a "bounced" service was restarted, workers "spawn" when they start
    "hung": "hangs", "wedged": "hangs", "sits": "hangs",
    "blew": "crashes", "blows": "crashes", "bailed": "fails", "bails": "fails",
    "bounce": "restart", "bounced": "restart", "respawn": "restart", "respawning": "restart",
    "spawn": "starts", "spawns": "starts", "spawned": "starts", "spawning": "starts",
    "nuke": "delete", "nuked": "delete",
    # a log that "complains" reports an error; "sluggish" is slow; "flaky" is intermittent; a quota "exhausted" is exceeded
    "complains": "error", "complaining": "error", "complained": "error",
    "sluggish": "slow", "laggy": "slow", "slower": "slow",
    "flaky": "intermittent", "sporadic": "intermittent", "sporadically": "intermittent",
    "exhausted": "exceeded", "outage": "unavailable", "vram": "memory", "password": "credentials",
    # Snowball stems "queued" to "queu" but "queue" to "queue"; calls made "simultaneously" are concurrent
    "queued": "queue", "queuing": "queue", "backlog": "queue",
    "simultaneous": "concurrent", "simultaneously": "concurrent",
    # a package "baked into" an image is included in it; a client "consumes" an endpoint it calls; what "vanished"
    # or "disappeared" is missing; a "knob" is a setting; shortened words in their knowledge's spelling
    "bake": "include", "consume": "call", "vanish": "missing", "disappear": "missing", "knob": "setting",
    "infra": "infrastructure", "vars": "variables",
    # a call the service "refuses" is one it rejects (the knowledge says "rejected" twenty times, "refused" thrice)
    "refuse": "rejected",
    # a function that "chokes" on its input fails on it; "concat" is pandas' short name for concatenate
    "choke": "fails", "concat": "concatenate",
    # sizes spelt out, in the knowledge's units ("a 70 gigabyte model", "1.5 MB")
    "gigabyte": "gb", "gigabytes": "gb", "gigs": "gb", "megabyte": "mb", "megabytes": "mb", "megs": "mb",
    # a subscription's or tenant's "GUID" is the knowledge's id; "governance" rules an organisation assigns are
    # Azure Policy
    "guid": "id", "uuid": "id", "governance": "policy",
    # scoring "offline" is what a batch endpoint does (its docs' word for it): an "offline scorer" is a batch one
    "offline": "batch",
}

_NOT_REGISTRY = r"(?! to [^.?!,;\n]{0,30}registr| into [^.?!,;\n]{0,30}registr| to [^.?!,;\n]{0,30}acr\b)"
"""Not signing in to a container registry ("can't log in to the workspace container registry"): an image build's or
pull's failure, where the registry is the workspace's own, not a workspace sign-in. Flat (no group inside), so a
cue's specificity (`neighbours._specificity`) leaves the lookahead out."""
_WORKSPACE_NOT_REGISTRY = r"(?! container registr|'s container registr| registr|'s registr| acr\b|'s acr\b)"
"""The workspace's own container registry is the deployment's, not a sign-in to the workspace."""

# What English pastes about Azure ML's neighbouring topics say (identifiers and commands are
# language-neutral: app.matching.neighbours). Words an Azure ML user of that area really uses.
NEIGHBOUR_CUES = {
    "compute-cluster": NeighbourCues(
        strong=(
            r"compute[ -]?clusters?", r"aml compute|ml compute" + _E, r"unusable nodes?", r"batch ?ai" + _E,
            r"training clusters?", r"cluster (?:is )?(?:stuck )?(?:resizing|in resizing|scaling)",
            r"resiz\w* (?:the |my )?cluster", r"nodes? (?:are |is |were |was )?(?:stuck |still )?(?:preempted|leaving|unusable)",
            r"low[- ]?priority (?:vms?|nodes?|cores?|quota)", r"allocation (?:failed|failure|state)",
        ),
        cues=(
            r"compute targets?", r"low[- ]?priority", r"preempt\w*", r"scal(?:e|es|ing)[ -]?(?:up|down|out)" + _E,
            r"resiz\w*", r"nodes?" + _E, r"dedicated (?:cores?|vms?|nodes?)", r"quota limits of core", r"clusters?" + _E,
            r"unusable", r"vm (?:sizes?|famil\w*|series)|virtual machine sizes?", r"spot (?:vms?|instances?|nodes?)",
            r"idle nodes?|node count|target nodes?", r"provision\w* (?:the |a |my )?(?:cluster|nodes?)",
        ),
    ),
    "compute-instance": NeighbourCues(
        strong=(r"compute[ -]?instances?", r"notebook vms?", r"idle[ _-]?shutdown", r"auto[ -]?shutdown"),
        cues=(
            r"jupyter\w*", r"terminals?(?! state)" + _E, r"kernel\w*", r"idle" + _E, r"on behalf of",
            r"setup script|creation script|startup script", r"rstudio|posit workbench", r"vs ?code (?:remote|desktop)",
            r"start schedules?|stop schedules?|schedul\w* (?:start|stop)", r"notebooks?" + _E, r"ssh" + _E,
            r"restart\w* (?:the |my )?(?:compute|instance|vm)" + _E,
        ),
    ),
    "training-job": NeighbourCues(
        strong=(
            r"command jobs?", r"sweep jobs?", r"training (?:jobs?|runs?|scripts?|pipelines?)" + _E,
            r"train(?:ing)? (?:a |the |my )?models? (?:on|with|in|using)", r"training (?:failed|fails|crashed|crashes)|train (?:failed|fails|crashed|crashes)",
            r"distributed training", r"fine[- ]?tun\w* (?:job|run)s?",
        ),
        cues=(
            r"usererror" + _E, r"mlflow (?:tracking|runs?|ui|experiments?)" + _E + r"|tracking (?:uri|server)" + _E,
            r"log(?:s|ged|ging)? (?:the |my )?(?:metrics?|params?|parameters)" + _E + r"|autolog\w*|run history", r"metrics?" + _E, r"hyperdrive|hyperparameter\w*",
            r"epochs?" + _E, r"training" + _E, r"experiments?" + _E, r"losses|loss" + _E + r"|accuracy",
            # (not a batch endpoint's job: "batch job failed" is the covered batch deployment's)
            r"j(?<!batch j)(?<!batch-j)(?<!scoring j)obs? (?:failed|fails|failing|is stuck|stuck|queued|is queued|completed|canceled|cancelled)" + _E,
            r"runs? (?:failed|fails|failing|is stuck|stuck|queued|is queued)" + _E, r"submit\w*",
            r"checkpoints?" + _E, r"fine[- ]?tun\w*", r"cuda out of memory|out of memory on gpu",
            r"dataloader|data loader", r"train(?:ed|s)? (?:a |the |my )?models?" + _E,
            r"snapshots?" + _E + r"|project size",
        ),
    ),
    "environment-build": NeighbourCues(
        strong=(
            r"environment (?:image )?builds?", r"environment images?|env images?", r"curated environments?",
            r"environment (?:definition|build) (?:failed|failure)",
        ),
        concepts={"image-build": r"image[ -]build(?:ing)?|build (?:logs?|failed|failure)" + _E, "environment": r"environments?" + _E},
        cues=(
            r"pip subprocess|pip failed|pip install", r"dockerfile", r"build[ _]context", r"azure container registry",
            r"preparing" + _E, r"failed to solve", r"base images?", r"docker build",
            r"dependenc\w*", r"no matching distribution|could not find a version", r"packages? (?:conflict|not found)",
        ),
    ),
    "automl": NeighbourCues(
        strong=(
            r"auto ?ml (?:runs?|jobs?|experiments?|errors?|models?)" + _E,
            r"automated ml (?:runs?|jobs?|experiments?)|automated machine learning (?:runs?|jobs?|experiments?)",
            r"featuri[sz]\w*", r"guardrails?",
        ),
        cues=(
            r"auto ?ml", r"automated ml|automated machine learning", r"child runs?", r"iterations?" + _E,
            r"forecast\w*", r"cross[- ]validations?", r"best (?:run|model|pipeline)" + _E,
            r"classification|regression" + _E, r"ensembl\w*", r"time series",
        ),
    ),
    "pipelines": NeighbourCues(
        strong=(
            r"pipeline (?:jobs?|runs?|steps?|components?|endpoints?|drafts?)" + _E, r"published pipelines?",
            r"ml pipelines?", r"designer",
        ),
        cues=(
            r"pipelines?" + _E, r"components?" + _E,
            r"previous steps?|next steps?|first steps?|second steps?|downstream steps?|upstream steps?",
            r"error 00\d\d", r"schedules?" + _E, r"input ports?|output ports?",
        ),
    ),
    "cli-install": NeighbourCues(
        strong=(
            r"ml extensions?", r"extensions? (?:--name |-n )?ml" + _E, r"no azureml cli installed", r"cli extensions?",
        ),
        # the tools themselves: "with the CLI or the SDK" is how a user says how they deploy, one word, not two
        concepts={"tools": r"cli" + _E + r"|sdk" + _E},
        cues=(
            r"extensions?" + _E, r"azure cli", r"cli ?v[12]" + _E, r"not recognized", r"renamed",
            r"install\w*", r"command (?:group|module)s?" + _E, r"did you mean", r"upgrad\w*",
            r"deprecat\w*", r"not a command|not a valid command|command not found|unrecognized arguments?",
        ),
    ),
    "workspace-auth": NeighbourCues(
        strong=(
            r"creat\w* (?:the |a |my |new |an )?(?:ml |machine learning |azure ml )?workspaces?" + _E
            + r"|provision\w* (?:the |a |my |new |an )?(?:ml |machine learning |azure ml )?workspaces?" + _E,
            r"workspace creation", r"private ?link", r"sign[- ]?in to (?:the )?workspace" + _WORKSPACE_NOT_REGISTRY + r"|log ?in to (?:the )?workspace" + _WORKSPACE_NOT_REGISTRY,
            r"multi-factor|mfa" + _E, r"conditional access",
        ),
        cues=(
            # not an ARM path's segment: .../workspaces/onlineendpoints/write
            r"workspaces?(?!/)" + _E + _WORKSPACE_NOT_REGISTRY, r"tenant\w*", r"interactive login|interactive authentication",
            r"does not have authorization", r"guest account|guest user", r"public network", r"private endpoints?",
            r"subscriptions?" + _E, r"sign[- ]?in" + _NOT_REGISTRY + r"|log[- ]?in" + _E + _NOT_REGISTRY + r"|logged in" + _NOT_REGISTRY + r"|login" + _E + _NOT_REGISTRY,
            r"service principal", r"credentials?" + _E, r"authenticat\w*" + _NOT_REGISTRY, r"refresh token",
            r"resource providers?",
        ),
    ),
    "datastores": NeighbourCues(
        strong=(r"datastores?", r"data ?assets?", r"data stores?" + _E,
                r"regist\w* (?:a |the |my |our |new |an? new )?(?:tabular |file )?datasets?" + _E),
        cues=(
            r"datasets?" + _E, r"mount\w*", r"storage accounts?", r"sas(?: tokens?)?" + _E, r"account key|shared key",
            r"identity[- ]based (?:data )?access", r"data lake|blobs?" + _E, r"not authorized to perform this operation",
            r"file share|azure files" + _E, r"regist\w* (?:the |a |my )?(?:data|dataset)" + _E + r"(?! ?assets?)|upload\w* (?:the |a |my )?(?:data|dataset)" + _E,
        ),
    ),
    # (not the Azure portal alone: where users look at any resource, "the subscription is there in the portal",
    # not the studio's UI)
    "studio-portal": NeighbourCues(
        strong=(
            r"studio (?:ui|web ?ui|notebooks?)" + _E,
            r"azure ?ml studio(?! \(classic\))|machine learning studio(?! \(classic\))",
        ),
        cues=(
            r"studio" + _E, r"browser|chrome|edge" + _E + r"|firefox|safari", r"upload\w*",
            r"regist\w* (?:[\w\-]+ ){0,2}models?" + _E + r"|model regist\w*|models? > register", r"ajax" + _E,
            r"notebooks? (?:ui|page|tab|editor|pane|view)", r"cors" + _E, r"console",
            r"blank page|page is blank|spinner|spinning", r"click\w*", r"buttons?" + _E, r"ui" + _E, r"refresh\w* the page",
        ),
    ),
    "prompt-flow": NeighbourCues(
        strong=(r"prompt flows?" + _E,),
        cues=(r"llm (?:tools?|nodes?)|python (?:tools?|nodes?)|prompt (?:tools?|nodes?)" + _E, r"compute sessions?|automatic runtimes?",
              r"chat flows?|standard flows?|evaluation flows?" + _E, r"bulk (?:tests?|runs?)" + _E,
              r"flow (?:authoring|inputs?|outputs?|nodes?|tests?|runs?)" + _E),
    ),
    "azure-openai": NeighbourCues(
        strong=(r"azure openai|openai" + _E, r"chat ?completions?\w*", r"tokens per minute", r"gpt-?(?:4|35|3\.5|4o)\w*",
                r"invalid subscription key", r"serverless (?:apis?|endpoints?|deployments?)|models as a service|maas" + _E),
        cues=(
            r"tpm" + _E, r"pricing tier", r"completions?" + _E, r"embeddings?" + _E, r"prompts?" + _E,
            r"ai foundry|ai studio|cognitive ?services|ai services", r"models? quota",
        ),
    ),
}

_DIAGNOSIS = (r"[^.?!\n]*\b(?:why|what (?:went wrong|failed|broke|happened|caused)|what(?:'s| is| was) (?:wrong|failing|broken)"
              r"|the (?:real|actual|underlying|root|original|true) (?:error|cause|reason|exception|problem)s?)\b")
"""The rest of a how-question that asks for the cause of a failure ("how do I find out why", "where can I see what
went wrong"): the failure's own entry answers it, not a how-to entry (`how_to_words`)."""

_FIRST_PERSON = r"(?<![\w/.-])(?:my|our|i)(?![\w/.-])"
"""The user speaking ("my job failed", "our build failed"): a line that says it is their own account, not a line of
the service's output (not a name: `my-endpoint`)."""

# Words of the covered knowledge's stage, deploying and scoring: a paste with them is a deployment's.
DEPLOYMENT_CUES = (
    r"managed online(?: endpoints?)?", r"online[ -]?endpoints?|online[ -]?deployments?",
    # a batch job is a batch run too ("the batch run failed"); calling an endpoint is invoking it (its invocation URI)
    r"batch[ -]?(?:endpoints?|deployments?|scoring|jobs?|runs?)" + _E, r"invocations?" + _E, r"e(?<!private e)(?<!private-e)ndpoints?" + _E,
    r"deploy(?:s|ed|ing|ment|ments)?" + _E + r"(?! operations?)", r"webservices?|web services?", r"container instances?",
    r"inference config|inferenc\w*", r"scoring" + _E + r"|score script|scoring[ _](?:scripts?|uri|files?)",
    r"c(?<!blob c)(?<!storage c)ontainers?(?! ?registr)" + _E,  # not a storage account's blob container
    r"real[- ]?time (?:endpoints?|inference)", r"serving" + _E,
    r"re-?deploy\w*",  # "redeploys the template"
    r"offline (?:scor\w*|inferenc\w*|predictions?)",  # a batch endpoint's work, in its docs' words
)

_NOT_TIME = (r"(?! (?:me |us |you )?(?:(?:~|about |around |roughly |almost |nearly |over |like )?\d+|an?|one|two|a few|several"
             r"|many|hours of|minutes of)? ?(?:seconds?|minutes?|mins?|hours?|days?|time)" + _E + ")")
"""What a cost measured in time says ("costs me 15 minutes", "costs us hours"): a delay, not a price."""

# Features of an online or batch deployment that users ask about (app.matching.lexicon.SUBJECTS): a question
# naming one that no entry names asks about something the knowledge does not cover, whatever else it shares.
SUBJECT_TERMS = {
    "custom-domain": (r"custom (?:domains?|host ?names?|dns names?)|(?:own|company|our|vanity) (?:domain|host ?name)s?"
                      r"|domain names?|(?<![\w-])cname" + _E),
    "tls-certificate": r"certificates?|(?<![\w-])(?:tls|ssl)" + _E,
    "traffic-mirroring": r"mirror\w*|shadow (?:traffic|deployments?)",
    "ip-allow-list": (r"allow[- ]?lists?|white[- ]?list\w*|(?<![\w-])ips? (?:ranges?|rules?|restrictions?|filter\w*|allow\w*)"
                      r"|(?:client|office|corporate|company|caller|source) ip(?: address(?:es)?)?s?" + _E),
    "scale-to-zero": r"scal\w* (?:\w+ ){0,2}(?:down )?to (?:zero|0)" + _E + r"|(?<![\w./-])(?:zero|0) (?:instances|replicas)|scale-to-zero"
                     r"|(?:instance_count|min_instances|min_replicas) (?:to|=|of|at) ?(?:0|zero)(?![\w.])",
    # not the time something costs: "each attempt costs me 15 minutes" asks no price
    "pricing": r"(?<![\w-])(?:costs?" + _E + _NOT_TIME + r"|pric(?:e|es|ing)|billing|billed|invoices?)" + _E,
    "drift": r"(?<![\w-])drift" + _E,
    "app-insights": r"application insights|app insights|appinsights",
    "triton": r"triton",
    # the catalog's serverless models (not a model of the user's own that is a Llama or a Mistral: "my 60 GB llama
    # checkpoint won't fit on the deployment's disk" is a deployment's failure)
    "model-catalog": r"model catalog|pay[- ]as[- ]you[- ]go",
    "streaming": r"server[- ]sent events?|(?<![\w-])(?:sse|grpc)" + _E + r"|websockets?|stream\w* (?:back )?(?:the )?(?:tokens|responses?|output)",
    "front-door": r"front door|(?<![\w-])waf" + _E,
    "rename": r"renam\w*",
    "migration": (r"(?:move|moving|migrat\w*|transfer\w*|relocat\w*|copy|copying|clone|cloning) (?:\w+ ){0,6}(?:to|into|between)"
                  r" (?:another|a different|other|the other|a new|different) (?:workspaces?|subscriptions?|tenants?|resource groups?"
                  r"|regions?)" + _E),
    # an MLflow model's input and output schema (`infer_signature`): not a request's credentials, not an entry's signature
    "model-signature": r"(?:model|mlflow|input|output) signatures?" + _E + r"|signature (?:of|for|to) (?:the |my |an? )?(?:mlflow )?models?|infer_signature",
    "multi-model": (r"multi[- ]?models?|(?:multiple|several|two|three|many) (?:different |separate )?models (?:\w+ ){0,5}"
                    r"(?:one|a single|the same)"
                    r" (?:\w+ )?(?:endpoint|deployment|container)"),
    "rollback": r"(?<![\w-])roll(?:s|ed|ing)?[ -]?back" + _E + r"|rollbacks?|revert\w* (?:\w+ ){0,4}to (?:the )?(?:previous|prior|older|earlier|last)",
    # scaling a deployment's instance count by a metric: the rules of Azure Monitor's autoscale, not AKS's own autoscaler
    # (nor autoscaling too slow for a spike of 429s: a status the paste reports is its subject)
    "metric-autoscale": (r"(?:based on|according to|driven by|depending on|tied to) (?:the |average |avg )?(?:cpu|memory|gpu)"
                         r" (?:utili[sz]ation|usage|load|percent\w*)" + _E
                         + r"|autoscal\w* (?:rules?|profiles?|conditions?)" + _E
                         + r"|(?:set\w* up|configur\w*|enabl\w*|add\w*|creat\w*|turn\w* on|defin\w*) (?:an? |the )?autoscal\w*"
                         r" (?:\w+ ){0,3}(?:managed|online|kubernetes online) (?:endpoints?|deployments?)" + _E),
    # how a deployment is watched: its latency and request-count metrics on a chart or dashboard
    "latency-metrics": (r"(?:latency|response[- ]time|request[- ]count|requests per (?:second|minute)|throughput)"
                        r" (?:metrics?|charts?|graphs?|dashboards?)" + _E
                        + r"|(?:metrics?|charts?|graphs?|dashboards?) (?:for|of|showing|with) (?:the |our |my )?"
                        r"(?:latency|response[- ]times?|request[- ]counts?)" + _E),
    # which VM sizes a deployment may use, and how many instances at most: limits to look up, not a failure
    "supported-sizes": (r"(?:which|what) (?:vm |gpu |instance )?(?:sizes|skus|instance types|vm series|vm families)"
                        r" (?:\w+ ){0,4}(?:supported|allowed|available)" + _E
                        + r"|(?:list|table) of (?:the )?(?:supported |allowed |available )?(?:vm sizes|skus|instance types)" + _E
                        + r"|supported (?:vm sizes|skus|instance types)" + _E),
    "instance-limits": (r"max(?:imum)? (?:number of |count of )?(?:instances|replicas)" + _E
                        + r"|(?:instance|replica) count limits?" + _E + r"|limits? (?:on|for|of) (?:the )?(?:number of )?(?:instances|replicas)" + _E
                        + r"|how many (?:instances|replicas) (?:\w+ ){0,4}(?:at most|max(?:imum)?)" + _E),
    # the Azure ML extension a Kubernetes (Arc) cluster needs before it can host deployments: installing it, not deploying
    "cluster-extension": (r"(?:install|add|deploy)\w* (?:the )?(?:azure ?ml |azureml |ml |machine learning )?extension"
                          r" (?:on|to|in|into|for) (?:\w+ ){0,3}(?:clusters?|arc|aks|kubernetes)" + _E),
    "notifications": (r"notif(?:y|ies|ied|ications?)" + _E + r"|(?:e-?mail|sms|teams|slack) (?:alerts?|me)" + _E
                      + r"|alert(?:s|ing)? (?:rules?|when|if|me)" + _E + r"|(?<![\w-])alerts? on" + _E),
    # the Responsible AI dashboard and scorecard of a registered model: assessing a model, not serving it
    "responsible-ai": r"responsible ai|(?<![\w-])rai (?:dashboards?|insights|scorecards?)" + _E + r"|fairness (?:assessments?|metrics?)",
    # switching on a deployment's model data collection (MDC) to keep what it receives and returns: a feature to set
    # up, not the storage permission it needs once on (an entry's cause, "with data collection enabled")
    "data-collection-setup": (r"(?:enabl\w*|turn\w* on|switch\w* on|set\w* up|configur\w*|add\w*) (?:the |a |model |production )*"
                              r"data collect(?:ors?|ion)" + _E
                              + r"|collect\w* (?:the |my |our |all )?(?:model |scoring |inference )?(?:inputs? and outputs?"
                              r"|requests? and responses?|payloads|inference data|production (?:data|traffic))" + _E),
    # which kinds of MLflow model (its flavors: sklearn, pytorch, pyfunc) deploy as they are
    "mlflow-flavors": (r"(?:mlflow|models?|pyfunc|sklearn|pytorch|tensorflow|keras|transformers) flavou?rs?" + _E
                       + r"|flavou?rs? (?:of|for) (?:an? |the |my |our )?(?:mlflow|models?)" + _E),
    # shifting traffic step by step from one deployment to another (a safe rollout), or testing two side by side
    "staged-rollout": (r"blue[- /]green|canary|(?<![\w-])a/b test\w*|(?:safe|staged|gradual|progressive) (?:rollouts?|roll outs?)"
                       r"|gradual\w* (?:shift|mov|switch)\w*"),
    # running an endpoint's job at set times (a job that fails at night is not about its schedule)
    "schedule": (r"(?:on|with|using|set up|create|add|via) an? (?:recurring |cron )?schedules?" + _E
                 + r"|(?<![\w-])cron" + _E + r"|recurrence (?:trigger|pattern)s?" + _E),
    # Azure Monitor's charts and logs of an endpoint: watching it, not fixing it
    "monitoring-setup": r"azure monitor|metrics explorer|log analytics|diagnostic settings?" + _E,
    # other parts of the Azure ML platform a question names as its subject
    "feature-store": r"feature stores?|feature sets? materiali[sz]\w*",
    "data-labeling": r"label(?:l)?ing (?:projects?|jobs?|tasks?|tools?)" + _E + r"|data label(?:l)?ing",
    # (not a scoring script's own package: "No module named 'pyspark'" is a deployment's failure)
    "spark": r"(?:serverless |synapse |apache )spark|spark (?:pools?|jobs?|clusters?|compute|sessions?)" + _E,
    "soft-delete": r"soft[- ]?delet\w*|recover\w* (?:a |the |my |our )?deleted (?:workspace|endpoint|model)s?" + _E,
    "image-scanning": r"vulnerabilit\w*|(?<![\w-])cves?" + _E + r"|security scan\w*|defender for (?:cloud|containers)",
    "spot-capacity": r"spot (?:vms?|instances?|nodes?|capacity|pricing)" + _E + r"|low[- ]priority (?:vms?|nodes?|compute|instances?)" + _E,
    "ml-registry": r"(?:azure ?ml|machine learning|shared|central|organi[sz]ation(?:al)?) registr(?:y|ies)" + _E,
    "resource-tags": r"(?<![\w-])tag(?:s|ged|ging)? (?:on |for |to )?(?:my |the |our |all )?(?:online |batch )?(?:endpoints?|deployments?)" + _E,
}

# What only one deployment family's SDK/CLI generation writes: SDK/CLI v1 (azureml-core) deploys web
# services to ACI, AKS or local Docker; SDK/CLI v2 (azure-ai-ml) has the endpoint and deployment classes
# and the `az ml online-*`/`batch-*` commands. Not what both write: `azureml-core` in a batch
# environment, `Booting worker` from any gunicorn, `get_logs`, and the first managed endpoints' server
# in /var/azureml-server (aml_blueprint.py) that v1 web services ran too, and the
# <name>.<region>.inference.ml.azure.com host, which batch endpoints' invocation URLs (/jobs) share.
FAMILY_MARKERS = {
    "managed-online-endpoints": (
        r"(?:managed|kubernetes)online(?:endpoint|deployment)|online_(?:endpoint|deployment)s\.|"
        r"az ml online-(?:endpoint|deployment)" + _E),
    "batch-endpoints": r"batch(?:endpoint|deployment)\(|batch_(?:endpoint|deployment)s\.|az ml batch-(?:endpoint|deployment)" + _E,
    "docker-aci-aks": (
        r"(?:aci|aks|local)webservice|deploy_configuration|wait_for_deployment|model\.deploy\(|inferenceconfig\(|"
        r"azure-cli-ml|az ml (?:model deploy|service )|"
        r"(?:aci|aks|kubernetes)deploymentfailed|webservice\.get_logs|ws\.webservices|azureml\.core\.webservice|"
        r"\.azurecontainer\.io"),  # an ACI web service's scoring host: v2 deploys nothing to ACI
}

_STEMMER = snowball("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _STEMMER.stemWord(word) if word.isalpha() else word


_SYNONYM_FEATURES = synonym_features(PREFIX, SYNONYMS, stem)


def word_features(token: str) -> list[str]:
    if token in STOPWORDS:  # contractions (it's, don't) are stop words as a whole, not by part
        return []
    parts = [p for p in _PARTS.split(token) if p]
    found = []
    if sum(part.isalpha() for part in parts) >= 2:
        found.append(f"{PREFIX}:{token}")
    for part in parts:
        if part in STOPWORDS or len(part) < 2 or _STATUS_NUMBER.match(part):
            continue
        feature = f"{PREFIX}:{stem(part)}"
        found.append(_SYNONYM_FEATURES.get(feature, feature))
    return found


def detect(text: str, counts: Mapping[str, int]) -> bool:
    """A paste with a real English word that is not only a code or a number."""
    return not _CODE_ONLY.match(text) and bool(_LATIN_WORD.search(text))


LANGUAGE = Language(
    clear_cache=stem.cache_clear,
    code="en",
    script="latin",
    prefix=PREFIX,
    token=r"[a-z0-9]+(?:[._\-/'][a-z0-9]+)*",
    word_features=word_features,
    spaced=True,
    detect=detect,
    fallback=True,
    synonyms=SYNONYMS,
    status_before=(
        r"http/\d(?:\.\d)?|https?|httperror|status(?:[ _]?code)?|statuscode|status_code|response code|error code|code"
        r"|(?:returns?|returned|returning)(?: an?)?|responds? with|responded(?: with)?|answer(?:s|ed|ing)?(?: with)?"
        r"|got(?: back)?(?: an?)?|gets(?: back)?(?: an?)?|(?:comes?|came|coming) back(?: with)?(?: an?)?|(?:see|sees|seeing|saw)(?: an?)?"
        r"|gives?(?: me)?|receiv(?:e|es|ed|ing) an?"
        r"|getting(?: an?)?|throws?|error|errors|fail(?:s|ed|ing)? with(?: an?)?|rejected with(?: an?)?"),
    # ... or says where it came from: "404 from the scoring uri", "a 502 back from the endpoint"
    status_after=(r"error|errors|status|response|responses|code|(?:client|server|model) errors?|http"
                  r"|(?:back )?from (?:the |my |our )?(?:scoring|endpoint|online endpoint|server|service|api"
                  r"|deployment|web ?service|gateway|container)"),
    count_words=(r"(?:rows?|records?|results?|files?|items?|lines?|images?|documents?|samples?|seconds?|secs?|ms|milliseconds?"
                 r"|minutes?|mins?|hours?|times|tokens?|characters?|chars?|bytes?|[kmg]i?b|nodes?|cores?|replicas?"
                 r"|instances?|workers?|threads?|epochs?|pixels?|px|columns?|mini[ -]?batch(?:es)?)(?![a-z])"),
    status_joiners=r"and|or|and/or",
    family_words={
        "managed-online-endpoints": (
            r"online[ -]?endpoints?|online[ -]deployments?|managed (?:online )?endpoints?|managed online|"
            r"inference\.ml\.azure\.com|instance_type|instance_count|request_settings|scale_settings"
            r"|instance types?|kubernetes online|attached (?:aks|kubernetes)"),
        "batch-endpoints": (r"batch[ -]?endpoints?|--type batch|mini_batch|batch scoring|batch (?:job|deployment)s?"
                            r"|mini[ -]?batch(?:es)?|batch inferenc\w*|batch predictions?"
                            # what batch endpoints are for, in the words of their docs: scoring offline
                            r"|offline (?:scor\w*|inferenc\w*|predictions?|jobs?)"),
        "docker-aci-aks": (
            r"\baks\b|\baci\b|webservice|web service|azureml-core|azureml\.core|sdk v1|v1 sdk|model\.deploy|"
            r"(?:old|older|legacy) (?:python )?sdk|"
            r"inferenceconfig|inference_config|deploy_configuration|container instances?"),
    },
    family_markers=FAMILY_MARKERS,
    error_words=(r"traceback|exception|error|fail|fatal|crash|denied|unauthori[sz]ed|not found|backoff|refused"
                 r"|timed? ?out|\bkilled\b|\bdie[sd]\b|\bdying\b"),  # "gets killed", "keeps dying": a failure told in words
    # "failed" on a line with a question is a word of the question ("the job just says Failed, where are its logs?",
    # "where are the logs? the job just says Failed"), not a line of output; so is one asking where or how without
    # its question mark ("the job shows failed, where do I read its logs"), and one the user tells in the first person
    # ("my batch job failed before any of my code ran": an account, not output)
    error_output=(r"traceback(?![^\n]*\?)|exception:|error:|\berror\b[^\n?]*:"
                  r"|(?m:^(?![^\n]*\b(?:where (?:do|can|are|is)|how (?:do|can|to))\b)(?![^\n]*" + _FIRST_PERSON + r")"
                  r"[^?\n]*\bfailed\b(?![^\n]*\?))"),
    informative_words=(
        r"error|exception|fail|fatal|traceback|status|http|denied|unauthori|not found|timeout|"
        r"timed out|insufficient|quota|backoff|crash|killed|oom|memory|cannot|can't|unable|invalid|refused"),
    # "how do I fix it" asks for the fix of what went wrong, not how to do something
    # nor "how do I confirm that it is X": the cause of a failure, the user's guess to check; "is there an easy
    # way" asks how, as "is there a way" does
    # nor "how do I find out why it failed", "where can I see what went wrong": the cause of a failure
    how_to_words=(r"\bhow (?:do|can|to|should)\b(?! (?:i |we |you )?(?:fix|solve|resolve|get rid|avoid|prevent|stop"
                  r"|work ?around|deal with|handle|confirm (?:that|it)|verify (?:that|it)|prove (?:that|it))\b)"
                  r"(?!" + _DIAGNOSIS + r")|\bis there an? (?:\w+ )?way\b|\bcan i\b(?!" + _DIAGNOSIS + r")"),
    where_words=r"\bwhere\b|\bwhich (?:file|folder|log)s?\b",
    small_talk_words=(
        r"^\W*(?:hi|hello|hey|good (?:morning|afternoon|evening)|thanks?|thank you|how are you|bye)\b|"
        r"how (?:are you|was your)|have a nice|what'?s up|"
        # the assistant itself: its name, who it is, what it can do
        r"what(?:'?s| is) your name|who (?:are|made|built) you|are you (?:a |an )?(?:bot|robot|human|real person|ai)\b"
        r"|^\W*what can you do\W*$"),
    other_products=(
        # (not the Azure SDK's credential chain naming "App Service managed identity" in any Azure log); an Azure
        # Function deployed to is another product, one that calls an endpoint or a batch job a client (`client_apps`)
        "(?:" + "|".join(f"(?<={word} )" for word in ("to", "into", "in", "on", "onto", "в", "на")) + r")azure functions?"
        r"|azure functions? apps?"
        r"|function app|app service(?! managed identity)|web app|static web app|cosmos|sql database|mysql|"
        r"postgres|mongodb|redis cache|\bnpm\b|\byarn\b|wordpress|"
        r"windows update|\boffice\b|outlook|kakao|wechat|"
        r"\baws\b|lambda|\bgcp\b|heroku|vercel|netlify|cloudflare|service bus|event hub|"
        r"api management|teapot|visual c\+\+|c\+\+ build tools|building wheel|setup\.py|\bgcc\b|cmake|"
        r"\bmaven\b|gradle|\bcargo\b|nuget|\bjdk\b|"
        # other data and cloud platforms, CI services and chat apps
        r"databricks|tableau|snowflake|bigquery|vertex ai|\bgke\b|\beks\b|\bec2\b|runinstances|"
        r"\bs3 bucket|dynamodb|firebase|supabase|\bjira\b|sharepoint|onedrive|"
        r"\bslack\b|discord|telegram|dingtalk|yandex|alibaba cloud|aliyun|tencent cloud|"
        # other ML services: Amazon's, and Azure ML Studio (classic), retired, with its own web services
        r"sagemaker|services\.azureml\.net|studio \(classic\)|scored probabilities|"
        # Azure ML Workbench and its CLI (2017-2018, retired): another product with its own web services
        r"workbench|az ml service create realtime|az ml env setup|"
        # the user's own word that the problem is not Azure's
        r"(?:unrelated|not related) to azure|nothing to do with azure|not an azure (?:ml )?(?:issue|problem|question)"),
    other_serving=(
        # a web app served by its own process manager, on a VM or with docker-compose (Azure ML's images run gunicorn
        # too, under their own inference server: gunicorn alone says nothing)
        r"docker[- ]compose|compose\.ya?ml|systemctl|systemd|supervisord|(?<![\w-])uwsgi" + _E + r"|gunicorn\.service"
        r"|behind (?:an? |my )?nginx|nginx (?:reverse )?proxy"
        # MLflow's own server and scoring server, run by the user (Azure ML deploys MLflow models itself)
        r"|mlflow models (?:serve|build-docker)|mlflow (?:server|ui)" + _E + r"|mlflow tracking server"
        r"|--backend-store-uri|--default-artifact-root|self[- ]hosted mlflow"
        # other clouds' and platforms' model serving
        r"|sagemaker|vertex ai|databricks|(?<![\w-])bedrock" + _E + r"|bentoml|(?<![\w-])kserve|seldon"
        # Azure's other hosting, deployed with its own commands (an ACI web service of Azure ML is `.azurecontainer.io`)
        r"|(?<![\w-])az (?:container create|containerapp|webapp|functionapp) |func azure functionapp|azurewebsites\.net"
        r"|didn'?t respond to http pings|azurecontainerapps\.io|container apps?" + _E +
        r"|helm (?:install|upgrade|charts?|releases?)" + _E + r"|with helm" + _E + r"|kubectl apply"
        # a Kubernetes cluster's own system pods (its DNS, its proxy), not a model's deployment on it
        r"|(?<![\w-])(?:kube-system|coredns|kube-proxy)(?![a-z0-9_])"
        # Azure ML Studio (classic), retired, with its own request-response and batch execution web services
        # (its whole name, which names Azure ML too: `azure_ml_words` reads the paste without it)
        r"|(?:(?:azure )?(?:ml|machine learning) )?studio (?:\(classic\)|classic)|classic (?:ml )?studio"
        r"|azure ?ml classic|request[- ]response (?:api|service)|batch execution service|(?:services|studio)\.azureml\.net"
        # the file a Studio (classic) experiment saves its trained model in, and the web service it sets up from
        # a predictive experiment
        r"|ilearner" + _E + r"|predictive (?:web services?|experiments?)" + _E +
        # the user's own word that the deployment is not Azure ML's
        # (not "could not deploy to Azure ML", "works locally but not in Azure ML": those are its deployments)
        r"|(?<![\w-])(?:without|not using|not through|not via|instead of|\(not) (?:using )?(?:azure ?ml|azureml|azure machine learning)" + _E
        + r"|(?<![\w-])not (?:deployed|created|managed|hosted|attached|connected|related) (?:by|to|through|with|from|via|in|using)"
        r" (?:azure ?ml|azureml|azure machine learning|aml)" + _E),
    azure_ml_words=(
        r"(?<![\w-])(?:azure ?ml|aml|az ml)" + _E + r"|azureml|azure machine learning|machine learning (?:workspace|studio)"
        r"|ml workspace|(?:online|batch)[ -]?(?:endpoints?|deployments?)|managed online|kubernetes online|instance_?types?"
        r"|ml\.azure\.com|azmlinfsrv|score\.py|scoring script"
        r"|ml_client|mlclient|workspace connections?" + _E),
    # (a Logic App that posts to an endpoint or starts a batch job calls it, like any other client; so does a CI
    # pipeline's job that deploys a model or invokes an endpoint)
    client_apps=(r"github actions|gitlab|jenkins|node\.?js|\breact(?:\.?js)?\b|\bangular\b|\bvue(?:\.?js)?\b|\bexcel\b|power ?bi\b|iphone|\bios app|android"
                 r"|logic apps?\b|azure functions?\b"),
    neighbour_cues=NEIGHBOUR_CUES,
    deployment_cues=DEPLOYMENT_CUES,
    subject_terms=SUBJECT_TERMS,
)
