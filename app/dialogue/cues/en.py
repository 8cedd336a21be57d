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
            r"redeployed|updated|ran)\b[^.?!]*\bbut\b|\b(?:nothing|no) (?:changed|change|difference)\b|"
            r"\bsame (?:result|problem|error|issue)\b|\b(?:is|are)n'?t (?:working|helping)\b|\bnot working\b|"
            r"\bwon'?t work\b")
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
          r"^\W*(?:great|perfect|awesome|ok|okay|cool|nice|got it|understood|makes sense|all good)\W*$|"
          r"\b(?:got it|makes sense)\b")
GOODBYE = (r"\b(?:bye|goodbye|see you|that'?s all|have a (?:nice|good) (?:day|one)|good night|no more questions|"
           r"nothing else)\b")
META = (r"\b(?:who are you|what are you|what can you do|what do you (?:do|know|cover)|how do(?:es)? (?:you|this) work|"
        r"are you (?:a |an )?(?:bot|human|robot|real|ai|person|machine)|is this a bot|what can i ask|"
        r"what (?:do|can) you help with|what is this (?:tool|bot|assistant|thing|site|page)|how old are you|"
        r"what(?:'s| is) your name|who (?:made|built|created) you|what languages|which languages|chatgpt|you(?:'re| are) (?:a |an )?(?:bot|human|robot|ai|person|machine))\b|^\W*(?:help|can you help(?: me)?)\W*$")
OFF_TOPIC = (r"\b(?:weather|joke|recipe|football|soccer|movie|song|poem|lottery|horoscope|stock price|bitcoin|"
             r"capital of|president|pizza|dinner|lunch|sing|love you|marry|meaning of life|tell me a story|"
             r"who won|what time is it)\b")
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
             r"\bunrelated\b|\bdifferent topic\b")
ASPECT_LOGS = r"\blogs?\b|\blogging\b|\btraceback\b"
ASPECT_LOCAL = r"\blocal(?:ly)?\b|\bon my (?:machine|laptop|pc)\b|--local|\breproduce\b"
ASPECT_COMMAND = r"\bcommands?\b|\bwhat (?:do i|should i|to) (?:run|type)\b|\bsyntax\b"
ASPECT_FIX = (r"\b(?:fix|solve|resolve|repair)\b|\bwhat (?:should|do|can) i do\b|\bnext steps?\b|"
              r"\bhow (?:do|can) i get (?:it|this|that) (?:working|to work)\b")
ASPECT_CAUSE = r"\bwhy\b|\bcause[sd]?\b|\breason\b|\bwhat does (?:it|that|this) mean\b"
