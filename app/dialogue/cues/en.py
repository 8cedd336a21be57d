"""English cue words. Patterns are searched in the lower-cased, NFKC-normalised message."""

REFERENCE = (r"\b(?:it|its|it's|that|this|these|those|there|them|the same|same thing|above|earlier|previous|"
             r"that one|also|then|instead|else)\b|\b(?:what|how) about\b|\band (?:for|on|in|with)\b")
FAMILY_SWITCH = (r"\b(?:what|how) about\b|\band (?:for|on|in|with)\b|\bsame (?:thing )?(?:on|for|with|in)\b|"
                 r"\b(?:also|instead) (?:on|for|in|with)\b|^\W*(?:on|for|in|with) \w+\W*$")
FEEDBACK = (r"\b(?:did ?n[o']?t|does ?n[o']?t|do ?n[o']?t|did not|does not|not) (?:seem to )?"
            r"(?:help|work|fix|solve|resolve|change)|"
            r"\bno luck\b|\bstill (?:fail|broken|crash|get|happen|the same|not|doesn|does ?n|same|there|seeing)|"
            r"\bsame (?:error|problem|issue|thing) (?:again|still|as before)|\bnot (?:helpful|useful|it)\b|"
            r"\bnot the (?:right|same) (?:one|problem|issue)\b|\bwrong (?:answer|one|entry|problem)\b|"
            r"\bthat'?s not it\b|\bwhat else\b|\banything else\b|\bother (?:ideas|options|suggestions)\b|"
            r"\b(?:useless|nope)\b|\b(?:already|i) tried (?:that|it|this|those)\b|\btried (?:that|it) already\b|"
            r"\bnot my (?:problem|issue|case)\b|\bdoes ?n[o']?t apply\b|"
            r"\bstill (?:\w+ ){0,3}?(?:fail|crash|restart|error|broken|same|not|no\b|get|see|happen|stuck|down|"
            r"time|return|throw|show|keep)|\b(?:tried|did|followed|applied|increased|changed|added|restarted|"
            r"redeployed|updated|ran)\b(?:[^.?!]|\.\S)*\bbut\b|\b(?:nothing|no) (?:changed|change|difference)\b|"
            r"\bsame (?:result|problem|error|issue)\b|\b(?:is|are)n'?t (?:working|helping)\b|\bnot working\b|"
            r"\bwon'?t work\b|^\W*(?:no|nah|nope|hmm+,? no)\b(?!\s+(?:module|such|space|match|route|handler|worries|problem|prob|thanks|need|"
            r"healthy|ready|\w+ (?:found|named)))|\b(?:wrong|incorrect) (?:answer|one|entry|article|problem|issue|page|thing|fix|solution|topic)\b|^\W*(?:(?:no|nope),? )?(?:that'?s |this is |it'?s )?(?:wrong|incorrect)\b|\b(?:ir)?relevant\b|\bkeeps? (?:on )?(?:fail|crash|restart|"
            r"error|happen|timing|returning|throwing)|\bsame thing(?: happens| again| as before)?\W*$|\bi(?:'ve| have)? (?:already )?(?:did|done|tried) (?:that|it|this|those|all that|everything)\b|"
            r"\b(?:did|done|tried) (?:that|it|this|those) already\b|\balready (?:did|done|tried)\b|\bno (?:good|help|use)\b|\bpersists?\b|\bnot (?:quite|really|what i)\b|"
            r"\b(?:has|have)n'?t (?:helped|worked|changed|fixed)|\bstill\b(?! (?:need|want|wonder|have a question))|"
            r"\bnot (?:the|my) (?:issue|problem|case|error)\b|\b(?:that|this|it)(?:'s| is) not (?:it|the|my|what|helpful|"
            r"relevant|working)\b|\bdoes ?n[o']?t (?:make (?:a|any) difference|do anything|address)|\bnothing (?:works|helped)\b|"
            r"\b(?:other|another|different) (?:idea|option|solution|suggestion|way|approach|fix)s?\b|\bno (?:change|difference)\b|\bdoes ?n[o']?t answer\b|\bdon'?t think (?:that|this|it)(?:'s| is)? "
            r"(?:it|right|the (?:issue|problem|cause))\b|\bnot (?:about|for) my\b|\bthat'?s not what i (?:asked|meant)\b")
LANGUAGE_REQUESTS = {
    "en": r"\b(?:in|into|to) english\b|\benglish (?:please|pls|version)\b|^\W*english\W*$",
    "ko": r"\b(?:in|into|to) korean\b|\bkorean (?:please|pls|version)\b|^\W*korean\W*$",
    "zh": r"\b(?:in|into|to) (?:chinese|mandarin)\b|\bchinese (?:please|pls|version)\b|^\W*chinese\W*$",
    "ru": r"\b(?:in|into|to) russian\b|\brussian (?:please|pls|version)\b|^\W*russian\W*$",
}
for _lang, _name in (("en", "english"), ("ko", "korean"), ("zh", "chinese"), ("ru", "russian")):
    LANGUAGE_REQUESTS[_lang] += rf"|\b(?:speak|switch to|answer in|reply in|respond in) {_name}\b"
LANGUAGE_NAMES = {"en": r"\benglish\b", "ko": r"\bkorean\b", "zh": r"\b(?:chinese|mandarin)\b",
                  "ru": r"\brussian\b"}
GREETING = r"^\W*(?:hi|hello|hey|hiya|yo|good (?:morning|afternoon|evening)|greetings)\b"
THANKS = (r"\b(?:thanks?|thank you|thx|ty|cheers|much appreciated|appreciate it)\b|"
          r"\b(?:that|it) (?:worked|fixed it|helped|solved it|did it)\b|\bworks now\b|\bproblem solved\b|"
          r"^\W*(?:great|perfect|awesome|ok|okay|cool|nice|got it|understood|makes sense|all good|sure|yes|yep|yeah|"
          r"alright|right|fine|noted)\W*$|\bno (?:worries|problem)\b|\blet me (?:try|check|see|test|look)\b|"
          r"\bi'?ll (?:try|check|test|give it a (?:try|go|shot)|look)\b|\bwill (?:try|do)\b|\btrying (?:it |that |this )?now\b|"
          r"\bone (?:sec|second|moment|minute)\b|\bbrb\b|"
          r"\b(?:got it|makes sense)\b|\b(?:works|working|running|runs|is up|succeeded|deployed|fine|ok|good) now\b|"
          r"\bup and running\b|\b(?:all |it'?s |now )?(?:fixed|solved|resolved|sorted)(?: now| it)?\W*$|"
          r"\b(?:good|great|nice) (?:job|work|bot)\b|\bwell done\b|\byou(?:'re| are) (?:awesome|great|the best|amazing|helpful)\b|"
          r"^\W*(?:wow|whoa|oh|ah|i see|lol|haha|interesting)\W*$|^[\s\U0001F44D\U0001F64F\U0001F44C\u2764\u263A\U0001F600-\U0001F60F!.]+$")
GOODBYE = (r"\b(?:bye|goodbye|see you|that'?s all|have a (?:nice|good) (?:day|one)|good night|no more questions|"
           r"nothing else|see ya|cya|later|take care|that'?s it for (?:now|today))\b")
META = (r"\b(?:who are you|what are you|what can you do|what do you (?:do|know|cover)|how do(?:es)? (?:you|this) work|"
        r"are you (?:a |an )?(?:bot|human|robot|real|ai|person|machine)|is this a bot|what can i ask|"
        r"what (?:do|can) you help with|what is this (?:tool|bot|assistant|thing|site|page)|how old are you|"
        r"what(?:'s| is) your name|who (?:made|built|created) you|what languages|which languages|chatgpt|you(?:'re| are) (?:a |an )?(?:bot|human|robot|ai|person|machine))\b|^\W*(?:help|can you help(?: me)?)\W*$|\bhow (?:can|could|do) you help\b|\bwhat(?:'s| is) your (?:purpose|job)\b|"
        r"\bwhat are you for\b|\bcan you help (?:me )?with\b|\bare you (?:a |an )?(?:\w+ )?(?:bot|assistant|ai)\b|\b(?:anyone|anybody|somebody) (?:there|here)\b|\bhow are you\b")
OFF_TOPIC = (r"\b(?:weather|joke|recipe|football|soccer|movie|song|poem|lottery|horoscope|stock price|bitcoin|"
             r"capital of|president|pizza|dinner|lunch|sing|love you|marry|meaning of life|tell me a story|"
             r"who won|what time is it|\d+ ?[-+*/x] ?\d+|math|homework|news|vacation|holiday)\b")
DOMAIN = (r"azure|\baml\b|endpoint|deploy|container|docker|kubernetes|\baks\b|\baci\b|model|scor|\blogs?\b|error|"
          r"fail|crash|quota|image|registry|\bcli\b|\bsdk\b|probe|timeout|batch|webservice|request|http|\bapi\b|"
          r"token|\bvm\b|gpu|cpu|memory|disk|conda|environment|workspace|command")
FILLER = (r"\b(?:please|pls|plz|can|could|would|you|show|give|me|it|this|that|the|answer|reply|again|same|one|and|"
          r"now|switch|translate|version|to|into|in|say|write|respond|ok|okay|also|thanks|thank|a|an|of|what|how|"
          r"about|explain|repeat|tell|here|is|there|same|language|instead)\b")
_ALONE = r"(?<![a-z0-9])(?:{})(?![a-z0-9])"
"""A Latin word on its own, also right next to Hangul or Han ("aks에서는요", "aks上"), where \\b sees no edge."""
FAMILIES = {
    "batch-endpoints": _ALONE.format("batch"),
    "docker-aci-aks": _ALONE.format(r"aks|aci|kubernetes service|container instances?|web ?services?|sdk v1|v1 sdk|"
                                    r"azureml-core|v1"),
    "managed-online-endpoints": _ALONE.format("online|managed|v2"),
}
NEW_TOPIC = (r"\b(?:another|a new|a different|new|other|second|separate) (?:problem|issue|error|question)\b|"
             r"\bunrelated\b|\bdifferent (?:topic|thing|one)\b|\banother (?:one|thing)\b|\bone more (?:question|thing|problem|issue)\b|"
             r"\bsomething else\b|\bseparate(?:ly)?\b|\bchanging (?:the )?(?:topic|subject)\b")
QUESTION = (r"\?|^\W*(?:(?:ok|okay|right|so|fine|and|but|then)\W+)*(?:how|what|where|why|when|which|who|can|could|"
            r"is|are|do|does|did|should|would|will|any ?(?:way|idea)|(?:please )?(?:tell|show|explain|give|walk|help))\b")
ASPECT_LOGS = _ALONE.format(r"logs?|logging|traceback|stdout|stderr|printed|print output|console output")
ASPECT_LOCAL = _ALONE.format(r"local(?:ly)?|localhost") + r"|\bon my (?:machine|laptop|pc)\b|--local|\breproduce\b"
ASPECT_COMMAND = _ALONE.format(r"commands?|cli command") + r"|\bwhat (?:do i|should i|to) (?:run|type)\b|\bsyntax\b"
ASPECT_FIX = (r"\b(?:fix|solve|resolve|repair)\b|\bwhat (?:should|do|can) i do\b|\bnext steps?\b|"
              r"\bhow (?:do|can) i get (?:it|this|that) (?:working|to work)\b")
ASPECT_CAUSE = r"\bwhy\b|\bcause[sd]?\b|\breason\b|\bwhat does (?:it|that|this) mean\b"
