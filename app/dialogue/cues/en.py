"""English cue words. Patterns are searched in the lower-cased, NFKC-normalised message."""

REFERENCE = (r"\b(?:it|its|it's|that|this|these|those|there|them|the same|same thing|above|earlier|previous|"
             r"that one|also|then|instead|else)\b|\b(?:what|how) about\b|\band (?:for|on|in|with)\b")
FAMILY_SWITCH = (r"\b(?:what|how) about\b|\band (?:for|on|in|with)\b|\bsame (?:thing )?(?:on|for|with|in)\b|"
                 r"\b(?:also|instead) (?:on|for|in|with)\b|^\W*(?:on|for|in|with) \w+\W*$")
FEEDBACK = (r"\b(?:did ?n[o']?t|does ?n[o']?t|do ?n[o']?t|did not|does not|not) (?:seem to |really |quite |actually |even |exactly )?"
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
            r"healthy|ready|\w+ (?:found|named)))|\b(?:wrong|incorrect) (?:answer|one|entry|article|problem|issue|page|thing|fix|solution|topic)\b|^\W*(?:(?:no|nope),? )?(?:that'?s |this is |it'?s )?(?:wrong|incorrect)\b|\b(?:ir)?relevant\b|(?<!will )(?<!would )(?<!might )(?<!could )(?<!\bto )(?<!will it )(?<!will this )(?<!will that )(?<!would it )(?<!would this )(?<!would that )\bkeeps? (?:on )?(?:fail|crash|restart|"
            r"error|happen|timing|returning|throwing)|\bsame thing(?: happens| again| as before)?\W*$|\bi(?:'ve| have)? (?:already )?(?:did|done|tried) (?:that|it|this|those|all that|everything)\b|"
            r"\b(?:did|done|tried) (?:that|it|this|those) already\b|\balready (?:did|done|tried)\b|\bno (?:good|help|use)\b|\bpersists?\b|\bnot (?:quite|really|what i)\b|"
            r"\b(?:has|have)n'?t (?:helped|worked|changed|fixed)|\bstill\b(?! (?:need|want|wonder|have a question|valid|active|available|supported|needed|required|enabled|assigned|in use|exists?|current)\b)|"
            r"\bnot (?:the|my) (?:issue|problem|case|error)\b|\b(?:that|this|it)(?:'s| is) not (?:it|the|my|what|helpful|"
            r"relevant|working)\b|\bdoes ?n[o']?t (?:make (?:a|any) difference|do anything|address)|\bnothing (?:works|helped)\b|"
            r"\b(?:other|another|different) (?:idea|option|solution|suggestion|way|approach|fix)s?\b|\bno (?:change|difference)\b|\bdoes ?n[o']?t answer\b|\bdon'?t think (?:that|this|it)(?:'s| is)? "
            r"(?:it|right|the (?:issue|problem|cause))\b|\bnot (?:about|for) my\b|\bthat'?s not what i (?:asked|meant)\b|"
            # outcomes in other words: "didn't do it", "the fix didn't take", "that wasn't it", "exact same failure"
            r"\b(?:did|does|do|has|have|had)(?:n'?t| not) (?:\w+ ){0,2}?(?:do (?:it|anything|the trick|much)|take|matter|"
            r"change (?:a|any)thing|improve|budge)\b|\b(?:was|is)(?:n'?t| not) (?:it|the (?:issue|problem|cause|reason|fix))\b|"
            r"\b(?:does|do)(?:n'?t| not) (?:seem|look|appear) (?:to be |like )?(?:that'?s |this is |it'?s )?(?:it|the (?:issue|problem|cause|reason))\b|"
            r"\b(?:it'?s|it is|still|all) (?:exactly )?the same\b|\bexact(?:ly)? (?:the )?same\b|"
            r"\bsame (?:here|story|behaviou?r|symptoms?|failure|outcome|exception|crash|message|result|response|status|\d{3}|err_?\d{4})s?\b|"
            r"\b(?:problem|issue|error|failure|crash)s? (?:remains?|stays?|persists?|is back|came back|returns?)\b|"
            r"\b(?:remains|unchanged)\b|\b(?:no|zero|without any) (?:change|improvement|difference|effect|dice|joy|success|luck)\b|"
            r"\b(?:nothing|none of (?:it|that|this|them)) (?:changed|improved|worked|helped|happen(?:s|ed)|did anything)\b|"
            r"(?:^\W*|\b(?:it|that|this|everything|deployment|endpoint|job|container|pod|service|build|image|run|request)s?"
            r"(?:'s| is| was| has| just)? )(?:fail|crash|error|break|broke|die|restart|time)\w* (?:out )?again\b|\bagain the same\b|"
            r"\bnot (?:resolved|fixed|solved|working|helping)\b|\b(?:has|have)n'?t (?:been )?(?:resolved|fixed|solved)\b|"
            r"\b(?:didn'?t|did not|doesn'?t|does not|won'?t|will not) (?:work|help|fix|change)\b|\b(?:sadly|unfortunately|alas),? (?:no|not|nope|same)\b|"
            r"\b(?:failed|fails|crashed|errored|broke|timed out) (?:too|as well)\b|\b(?:also|too) (?:fails?|failed|crashed|errors? out)\b|"
            r"\bany (?:other )?alternatives?\b|\bplan b\b|\bmeh\b|\bnegative\b|\bno go\b|\bdead end\b|\b(?:did|does|do|changed|fixed|helped|achieved|solved) nothing\b")
VERDICT = r"\b(?:did|does|do|has|have)(?:n'?t| not) (?:\w+ )?(?:help|work|fix|solve|apply)|\bnot (?:helpful|useful|relevant|it)\b|\bwrong (?:answer|entry|article)\b|\bno help\b"
"""A verdict on the answer itself ("that didn't help"), not an outcome ("still failing"): said even beside a code."""
FEEDBACK_UNASKED = (  # the answer does not apply: nothing to see, no such option, not that problem
                    r"\bnothing (?:in (?:the |my )?logs?|shows up|gets? (?:printed|logged)|appears)\b|\b(?:logs?|it) (?:is|are) (?:empty|blank)\b|"
                    r"\bno such (?:setting|option|flag|parameter|command|field|property|button|tab|menu)\b|"
                    r"\b(?:flag|option|setting|parameter|command|button|field) (?:does ?n'?t|does not) exist\b|\bunrecognized arguments?\b|"
                    r"\bi (?:do ?n'?t|can'?t|cannot|could ?n'?t) (?:see|find|locate) (?:it|that|this|the (?:option|setting|button|tab|menu|"
                    r"page|field|flag|command|parameter))\b|\bcan'?t be (?:it|that|the (?:issue|problem|cause))\b|"
                    r"\bnot an? \w+ (?:problem|issue)\b|\bthat'?s (?:for|about) (?:v1|v2|sdk v1|the (?:old|other) (?:one|sdk|cli))\b|"
                    r"^(?!.*\b(?:works?|working|worked|fixed|solved|resolved|sorted)\b)(?=.*\b(?:still|again|same)\b)"
                    r"(?=.*(?:n't|\bnot\b|\bno\b|\bnever\b|\bnothing\b|\bnone\b))|"
                    r"\balready (?!(?:fixed|solved|resolved|sorted|working|works|exists?|in use|taken|registered)\b)(?:\w+ed|read|done|set|seen|run|ran|did|tried|"
                    r"have|had|went|been|got|there|in place|on|at|using|the|like that)\b|"
                    r"\bi (?:did|do|have|had|tried) (?:exactly|precisely|just) (?:that|this|it|so|what)\b|"
                    r"(?<!not )(?<!\bno )\b(?:plenty of|enough|sufficient|lots of) (?:quota|capacity|memory|cores|space|disk|cpu|gpu|replicas)\b|"
                    r"\b(?:quota|capacity|memory|disk|the role|permissions?) (?:is|are) (?:fine|ok|okay|enough|there|not the (?:issue|problem))\b|"
                    r"\b(?:fail|crash|error|break|time|die|restart|happen)\w* (?:out )?(?:anyway|regardless|nonetheless|all the same)\b|"
                    r"\b(?:been through|went through|gone through) (?:that|this|those|it|the)\b|"
                    r"\b(?:returns?|gives?|prints?|shows?|outputs?)(?: back| me| out)? (?:an? |just an? |only an? )?(?:empty|blank|nothing)\b|\b(?:comes? back|is|was) empty\b|"
                    r"\b(?:does|do)(?:n'?t| not) (?:match|look like|correspond to) what i (?:see|have|get)\b|\bnot what i see\b|"
                    r"\bthere(?:'s| is) no [^.?!]{0,30}?\b(?:button|option|setting|tab|menu|field|flag|command|page|link|blade)\b|"
                    r"\b(?:none|neither) of (?:these|those|the|them|that)\b(?:[^.?!]{0,30}\b(?:exists?|there|shows?|appears?|in (?:my|the)))?|"
                    r"\bthere (?:is|are)(?:n'?t| no) (?:any )?(?:such|these|those)\b|\bno such (?:file|folder|log|entry|line|tab|page|path)s?\b|"
                    r"\bi (?:do ?n'?t|did ?n'?t|don'?t) (?:have|get) (?:any (?:of )?)?(?:these|those|that|this|such)\b|"
                    r"\b(?:these|those|that|this|the) (?:files?|folders?|logs?|tabs?|options?|paths?) (?:do|does|did)(?:n'?t| not) (?:exist|show|appear)|"
                    r"\b(?:checked|verified|confirmed|read|followed|did|done|tried|applied|set) (?:that|this|those|it|all (?:of )?(?:that|those|this|it))"
                    r"(?: (?:already|before|too|as well))?\W*$|^\W*(?:sadly|unfortunately|alas)\b|^\W*(?:same|nothing|not really)\W*$")
UNTRIED = (r"\b(?:haven'?t|have not|didn'?t|did not|not) (?:yet )?(?:tried|done|checked|applied|had a chance)\b|\bnot yet\b|"
           r"\b(?:let me|i'?ll|i will|gonna|going to) (?:try|check|test|do)\b")
"""Not tried yet ("haven't tried that yet, will do"): no verdict on the answer, whatever negation it has."""
""""That didn't help" only in a message that asks nothing: "already checked that" is a verdict,
"already deployed it, how do I call it?" a question."""
LANGUAGE_REQUESTS = {
    "en": r"\b(?:in|into|to) english\b|\benglish (?:please|pls|version)\b|^\W*english\W*$",
    "ko": r"\b(?:in|into|to) korean\b|\bkorean (?:please|pls|version)\b|^\W*korean\W*$",
    "zh": r"\b(?:in|into|to) (?:chinese|mandarin)\b|\bchinese (?:please|pls|version)\b|^\W*chinese\W*$",
    "ru": r"\b(?:in|into|to) russian\b|\brussian (?:please|pls|version)\b|^\W*russian\W*$",
}
for _lang, _name in (("en", "english"), ("ko", "korean"), ("zh", "chinese"), ("ru", "russian")):
    LANGUAGE_REQUESTS[_lang] += (rf"|\b(?:speak|switch to|answer in|reply in|respond in) {_name}\b"
                                 rf"|\btranslat\w*\b[^.?!]{{0,40}}\b{_name}\b")
LANGUAGE_NAMES = {"en": r"\benglish\b", "ko": r"\bkorean\b", "zh": r"\b(?:chinese|mandarin)\b",
                  "ru": r"\brussian\b"}
# the short names people type for a language ("ru pls", "eng?"): a request only in a message that is little else
for _lang, _codes in (("en", "en|eng"), ("ko", "ko|kor|kr"), ("zh", "zh|cn|chn"), ("ru", "ru|rus")):
    LANGUAGE_NAMES[_lang] += rf"|^\W*(?:in )?(?:{_codes})\b(?=\W*(?:please|pls|plz|pl[sz]e?|version|\?|$))"
    # asked for outright by the short name ("reply in ru pls", "switch to kr"), not a locale ("switch to en-us")
    LANGUAGE_REQUESTS[_lang] += (rf"|\b(?:reply|answer|respond|write|switch|talk|speak|continue)(?: \w+)? (?:in|to|into) "
                                 rf"(?:{_codes})(?![\w.-])")
GREETING = (r"^\W*(?:hi|hello|hey|hiya|heya|yo|howdy|sup|wassup|what'?s up|good (?:morning|afternoon|evening|day)|"
            r"(?:morning|evening|afternoon)\W*$|greetings|hallo|hola|salut|g'?day)\b")
THANKS = (r"\b(?:thanks?|thank you|thx|ty|cheers|much appreciated|appreciate it|appreciated)\b|"
          r"\b(?:that|it) (?:worked|fixed it|helped|solved it|did it)\b|\bworks now\b|\bproblem solved\b|"
          r"^\W*(?:great|perfect|awesome|ok|okay|cool|nice|got it|understood|makes sense|all good|sure|yes|yep|yeah|"
          r"alright|right|fine|noted)\W*$|\bno (?:worries|problem)\b|\blet me (?:try|check|see|test|look)\b|"
          r"\bi'?ll (?:try|check|test|give it a (?:try|go|shot)|look)\b|\bwill (?:try|do)\b|\btrying (?:it |that |this )?now\b|"
          r"\bone (?:sec|second|moment|minute)\b|\bbrb\b|"
          r"\b(?:got it|makes sense)\b|\b(?:works|working|running|runs|is up|succeeded|deployed|fine|ok|good) now\b|"
          r"\bup and running\b|\b(?:all |it'?s |now )?(?:fixed|solved|resolved|sorted)(?: now| it)?\W*$|"
          r"\b(?:good|great|nice) (?:job|work|bot)\b|\bwell done\b|\byou(?:'re| are) (?:awesome|great|the best|amazing|helpful)\b|"
          r"^\W*(?:wow|whoa|oh|ah|i see|lol|haha|interesting)\W*$|^[\s\U0001F44D\U0001F64F\U0001F44C\u2764\u263A\U0001F600-\U0001F60F!.]+$|"
          # a message of nothing but acknowledgements ("okay cool", "sweet, thx!")
          r"^\W*(?:(?:ok|okay|k|kk|cool|great|nice|sweet|awesome|perfect|good|fine|sure|yes|yep|yeah|yup|alright|right|"
          r"thanks?|thank you|thx|ty|tysm|got it|gotcha|understood|noted|roger|wow|neat|excellent|brilliant|lovely|"
          r"fantastic|super|yay|hooray|woo+|splendid|ah|oh|i see|lol|haha|hehe|sounds good|will do|makes sense|"
          r"much obliged|many thanks|cheers|amazing|legend|works|worked|nice one|hmm+|hm+|okie|oki|okey|ah ok|oh ok)\b\W*)+$|"
          r"\bmuch obliged\b|\btysm\b|\b(?:yay|hooray|woohoo)\b|\ball (?:green|set|good) now\b|"
          r"\b(?:it|that|this|everything|all|the \w+) (?:works|worked|is working|is up|is fixed|is green)(?: now| again)?\W*$|"
          r"\bhaven'?t (?:tried|done|checked) (?:it|that|this|those)?(?: yet)?\W*$|^\W*not yet\b|\b(?:did|does) the trick\b|\blife ?saver\b|\bsaved my (?:day|life|bacon|weekend)\b|\byou rock\b|\byou(?:'re| are) a (?:legend|star|hero|genius)\b|\bthat (?:was|is) it\W*$|"
          r"^(?=.*[\u2600-\u27bf\U0001F000-\U0001FAFF])[\s!.,:;()^\u2600-\u27bf\U0001F000-\U0001FAFF\ufe0f\u200d]+$")
GOODBYE = (r"\b(?:bye|goodbye|see you|that'?s all|have a (?:nice|good) (?:day|one)|good night|no more questions|"
           r"nothing else|see ya|cya|later|take care|that'?s it for (?:now|today))\b")
META = (r"\b(?:who are you|what are you|what can you do|what do you (?:do|know|cover)|how do(?:es)? (?:you|this) work|"
        r"are you (?:a |an )?(?:bot|human|robot|real|ai|person|machine)|is this a bot|what can i ask|"
        r"what (?:do|can|could) you (?:\w+ )?help(?: me)? with|what is this (?:tool|bot|assistant|thing|site|page)|how old are you|"
        r"what(?:'s| is) your name|who (?:made|built|created) you|what languages|which languages|chatgpt|you(?:'re| are) (?:a |an )?(?:bot|human|robot|ai|person|machine))\b|^\W*(?:help|can you help(?: me)?)\W*$|\bhow (?:can|could|do) you help\b|\bwhat(?:'s| is) your (?:purpose|job)\b|"
        r"\bwhat are you for\b|\bis (?:this|it) (?:an? )?(?:ai|bot|chatbot|human|person|robot|automated|gpt|llm|chatgpt)\b|"
        r"\bwho (?:made|built|wrote|created|runs|maintains|develops|programmed) (?:this|you|it)\b|"
        r"\bwhat (?:topics|kinds? of (?:questions|problems|errors|issues|things)|sorts? of (?:questions|problems|errors|issues|things)|"
        r"questions|errors|problems|issues|products|services|things) (?:do|can|should|could) (?:you|i)\b|"
        r"\b(?:talking|speaking|chatting) (?:to|with) (?:a |an )?(?:human|bot|person|machine|real|robot|ai)\b|"
        r"\bwhat do you (?:support|handle|answer)\b|\bdo you (?:know (?:anything )?about|cover|support|handle|do)\b|\bwhat(?:'s| is) (?:this|it) (?:for|about)\b|\bcan you help (?:me )?with\b|\bare you (?:a |an )?(?:\w+ )?(?:bot|assistant|ai)\b|\b(?:anyone|anybody|somebody) (?:there|here)\b|\bhow are you\b")
# asking who answers ("is this a real person?", "human or bot?") and thanks in other words ("you saved me hours")
META += (r"|\b(?:is (?:this|it|that)|are you|am i (?:talking|speaking|chatting) (?:to|with)) (?:an? )?(?:real |actual |live )?"
         r"(?:human|person|bot|robot|ai|machine|chatbot|people)\b|\b(?:real|actual|live) (?:human|person|people|agent)\b|"
         r"\b(?:human|person) or (?:an? )?(?:bot|machine|ai|robot)\b")
THANKS += (r"|\byou(?:'ve| have)? (?:just )?saved (?:me|us)\b|^\W*(?:legend|lifesaver|hero|champ)\b|"
           r"\b(?:that|it|this) (?:fixed|solved|sorted|resolved) (?:it|the \w+|my \w+|everything)\W*$")
# a message not meant for the assistant ("sorry, wrong chat", "never mind")
GOODBYE += r"|\bwrong (?:chat|window|channel|thread|tab)\b|\bnever ?mind\b|\bnvm\b|\bignore (?:that|this|me)\b"
OFF_TOPIC = (r"\b(?:weather|joke|recipe|football|soccer|movie|song|poem|lottery|horoscope|stock price|bitcoin|"
             r"capital of|president|pizza|dinner|lunch|sing|love you|marry|meaning of life|tell me a story|"
             r"who won|what time is it|^\W*(?:what(?:'s| is) |calculate )?\d+ ?[-+*/x] ?\d+\W*$|math|homework|news|vacation|holiday|sports?|basketball|baseball|"
             r"music|crypto|breakfast|video games?|birthday|girlfriend|boyfriend|bored|chat with me|favou?rite (?:colou?r|food|movie|song)|"
             r"what day is it|how(?:'s| is) your (?:day|week|weekend|morning|evening)|tell me something (?:fun|funny|interesting)|riddle|fun fact)\b")
DOMAIN = (r"azure|\baml\b|endpoint|deploy|container|docker|kubernetes|\baks\b|\baci\b|model|scor|\blogs?\b|error|"
          r"fail|crash|quota|image|registry|\bcli\b|\bsdk\b|probe|timeout|batch|webservice|request|http|\bapi\b|"
          r"token|\bvm\b|gpu|cpu|memory|disk|conda|environment|workspace|command|"
          # Azure ML's neighbouring areas: asked about, they are out of the knowledge's scope, not off-topic chatter
          r"\bcompute\b|cluster|pipeline|training|dataset|datastore|notebook|studio|\bsweep|automl|mlflow|prompt ?flow")
FILLER = (r"\b(?:please|pls|plz|can|could|would|you|show|give|me|it|this|that|the|answer|reply|again|same|one|and|"
          r"now|switch|translate|version|to|into|in|say|write|respond|ok|okay|also|thanks|thank|a|an|of|what|how|"
          r"about|explain|repeat|tell|here|is|there|same|language|instead)\b")
_ALONE = r"(?<![a-z0-9])(?:{})(?![a-z0-9])"
"""A Latin word on its own, also right next to Hangul or Han ("aks에서는요", "aks上"), where \\b sees no edge."""
CHOICES = {
    "1": r"\b(?:first|1st)\b|\b(?:option|number|no\.?|#) ?(?:1|one)\b|^\W*1\W*$",
    "2": r"\b(?:second|2nd)\b|\b(?:option|number|no\.?|#) ?(?:2|two)\b|^\W*2\W*$",
    "3": r"\b(?:third|3rd|last)\b|\b(?:option|number|no\.?|#) ?(?:3|three)\b|^\W*3\W*$",
}
"""Which of the entries offered as a choice a short message picks ("the second one", "option 3")."""
# products by name; a package (azureml-core) names none: "add azureml-core to the conda file?" asks about the fix shown
FAMILIES = {
    "batch-endpoints": _ALONE.format("batch"),
    "docker-aci-aks": _ALONE.format(r"aks|aci|kubernetes service|container instances?|web ?services?|sdk v1|v1 sdk|"
                                    r"v1|k8s"),
    "managed-online-endpoints": _ALONE.format(r"online|managed(?! identit)|v2|instance ?types?|attach(?:ed|한|된)? ?(?:aks|kubernetes)"),
}
COMPARISON = r"\bsame (?:thing|problem|issue|error|cause)\b|\bthe same as\b|\bsimilar\b|\brelated\b|\b(?:like|as) (?:this|that|before)\b|\bconnected\b|\bsame root\b|\b(?:be|is|it'?s|are|look|work) (?:\w+ )?the same\b"
"""Asks whether something is the same as, or related to, what the conversation is about."""
NEW_TOPIC = (r"\b(?:another|a new|a different|different|new|other|second|separate|next|unrelated) (?:problem|issue|error|question|topic)\b|"
             r"\bunrelated\b|\bdifferent (?:topic|thing|one)\b|\banother (?:one|thing)\b|\bone more (?:question|thing|problem|issue)\b|"
             r"\bsomething else\b|\bseparately\b|\b(?:another|a different|a second|a separate) (?:endpoint|deployment|workspace|model|service|cluster|subscription)s?\b|\bchanging (?:the )?(?:topic|subject)\b")
QUESTION = (r"\?|^\W*(?:(?:ok|okay|right|so|fine|and|but|then)\W+)*(?:how|what|where|why|when|which|who|whats|hows|wheres|can|could|"
            r"is|are|do|does|did(?! (?:that|it|this|those|all|so|everything)\b)|should|would|will|any ?(?:way|idea)|"
            r"(?:please )?(?:tell|show|explain|give|walk|help))\b")
ASPECT_BUILD_LOGS = (r"\b(?:image|docker|environment|env|conda) build(?:ing)? (?:\w+ )?logs?\b|\bbuild(?:ing)? logs?\b|"
                     r"\blogs? (?:of|for|from) (?:the |my )?(?:image |docker |environment )?build\b|image_build_log")
"""The log of the image build, told by the entry about the failed build (not the container's logs)."""
ASPECT_WRITE_LOGS = (r"\b(?:write|add|emit|print|send|output|put) (?:\w+ ){0,4}?(?:to (?:the |a |my |our )?)?(?:logs?|log messages|log lines)\b|"
                     r"\blog (?:from|in|inside|within) (?:my |the |a )?(?:own )?(?:script|score|scoring|run|init|code)|"
                     r"\b(?:use|set up|configure|do) (?:python )?logging\b|\blogging (?:from|in|inside|level|module)\b|\blogger\b|"
                     r"\bmy (?:own )?(?:log|logging|print) (?:messages|statements|lines|calls|output)\b|"
                     r"\b(?:logging\.\w+|print\(?\)?|print statements?)\b[^.?!]{0,40}\b(?:go|end up|show|appear|land)")
"""Writing to the logs from the user's own code, not reading the logs the service keeps."""
ASPECT_LOG_STRUCTURE = (r"\blogs? (?:structure|layout|folders?|directory|directories|hierarchy|tree)\b|\bwhich log(?: file)?s?\b|"
                        r"\b(?:structure|layout|organi[sz]ation) of (?:the |all )?(?:these |those )?logs\b|"
                        r"\blogs? (?:are|is) (?:organi[sz]ed|structured|laid out|arranged)\b|"
                        r"\bwhat (?:are|is|do) (?:all )?(?:these|those|the|each) (?:log )?(?:files|folders)\b|\bhow are (?:the )?logs\b")
"""How the logs are laid out (which file says what), not where to fetch them."""
ASPECT_LOGS = _ALONE.format(r"logs?|logging|traceback(?! (?:points|says|shows|mentions|ends|leads|goes))|stdout|stderr|printed|print output|console output")
ASPECT_LOCAL = _ALONE.format(r"locally|localhost|local(?! ?(?:web ?services?|services?|localwebservice))") + r"|\bon my (?:machine|laptop|pc)\b|--local|\brepro(?:duce)?\b"
ASPECT_BUILD = _ALONE.format(r"build|building|built|build[- ]?time")
ASPECT_COMMAND = _ALONE.format(r"commands?|cli command") + r"|\bwhat (?:do i|should i|to) (?:run|type)\b|\bsyntax\b"
ASPECT_FIX = (r"\b(?:can|could|should) i (?:just|simply)\b|\bis it enough to\b|\bwould it (?:work|help|be enough) (?:if|to)\b|"
              r"\b(?:fix|solve|resolve|repair)\b|\bwhat (?:should|do|can) i do\b|\bnext steps?\b|"
              r"\bhow (?:do|can) i get (?:it|this|that) (?:working|to work)\b")
ASPECT_CAUSE = r"\bis (?:it|this|that) (?:an? )?(?:\w+ )?\w+ (?:issue|problem) or\b|\bwhy\b|\bcause[sd]?\b|\breason\b|\bwhat does (?:it|that|this) mean\b"
ASPECT_DETAIL = (r"\b(?:which|what)(?:'s| is| are)? (?:[\w-]+ ){0,4}?(?:settings?|parameters?|params?|options?|flags?|"
                 r"propert(?:y|ies)|fields?|variables?|knobs?|dials?)\b|"
                 r"\b(?:which|what)(?:'s| is| are)? (?:the |that |this )?(?:\w+ )?(?:values?|roles?|permissions?|rights|size|limits?|skus?|"
                 r"instance types?|resources?|keys?|versions?|ports?|timeouts?|quotas?|modes?|tiers?)\b|\b(?:maximum|minimum|upper limit|lower limit)\b|(?<!\d )\b(?:max|min) (?!ago\b)\w+|\b(?:max|min)\W*$|"
                 r"\b(?:ticket|support (?:request|case)|contact support)\b|"
                 r"\bwhat (?:goes|should go|do i (?:put|fill|enter|write)|should i (?:put|fill|enter|write|set)|to put) (?:in|into|for|as)\b|"


                 r"\bhow (?:big|large|many|much|long)\b|\bwhere (?:do|can|should) (?:i|we) (?:set|change|configure|increase|raise|lower|"
                 r"adjust|check|see|bump|tweak|modify|edit|specify|override)\b|\b(?:avoid|prevent)\b")
"""A detail of the problem shown (which setting, which role, the limit, how to avoid it): asked about that entry."""
NAMED_ONE = (r"(?:\b(?:and|what about|how about|also|now) |^\W*)the (?!(?:same|other|new|old|previous|next|right|wrong|"
             r"last|first|latest|original|only|correct|better|best|\w+est)\b)((?:[\w-]+ ){0,2}[\w-]+) ones?\b")
"""Something named by a few of its words ("and the storage initializer one?", "the rps one"): group 1 is the name."""
ASPECT_MORE = (r"\bmore (?:details?|info(?:rmation)?)\b|\btell me more\b|\belaborate\b|\bexplain (?:more|further|again|in detail)\b|"
               r"\bin (?:more )?detail\b|\bgo on\b|\bthen what\b|\bwhat(?:'s| is)? (?:next|now)\W*$|\b(?:simpler|in simple (?:words|terms)|eli5)\b|^\W*(?:and|next|then|so|details)\W*$")
"""More about the entry shown ("tell me more", "in simple words?"): that entry again."""
# taking it from here ("I'll dig into it myself", "that saves a lot of time", "not your department"): no verdict on
# the answer, nothing more asked; and remarks on what the assistant covers ("so you only do deployments?")
_ON_MY_OWN = r"\b(?:i'?ll|i will|let me|gonna|going to) (?:dig|figure (?:it|this|that) out|look into|investigate|sort (?:it|this|that) out|handle|take it from here|manage)\b"
UNTRIED += "|" + _ON_MY_OWN
THANKS += ("|" + _ON_MY_OWN + r"|\b(?:saves?|saved|saving) (?:me |us )?(?:a lot of |lots of |so much |some |tons of |hours of )?(?:time|hours|effort|work)\b|"
           r"\bnot (?:your|the bot'?s) (?:department|area|thing|field|job|scope|domain)\b")
META += r"|\byou (?:only|just) (?:do|handle|cover|know|help with|answer|support)\b"
# it works in one place and not in the other ("works fine locally but not in the cloud"): the answer did not settle it
FEEDBACK += (r"|\b(?:works|runs|working|running) (?:fine |ok |okay |perfectly |great )?(?:locally|on my (?:machine|laptop|pc))\b"
             r"[^.?!]{0,30}\b(?:but|not|fails?|crash\w*|breaks?)\b")
# how to tell whether the cause shown is the one ("how do I check if the cluster has enough cores?"): about that entry
ASPECT_DETAIL += r"|\bhow (?:do|can|could|would|should) (?:i|we|you) (?:check|verify|confirm|tell|know|see) (?:if|whether|that|which|what|how)\b"
# the answer is for the other tool generation ("that's for v1, I'm on v2"); did it, "nothing"; it worked outright
FEEDBACK_UNASKED += r"|^(?=.*\bv1\b)(?=.*\bv2\b)(?=.*\b(?:i'?m|i am|i use|we'?re|we use|my|our|mine)\b)|[,.;:]\s*(?:still |just )?nothing(?: changed| happened)?\W*$"
THANKS += r"|\b(?:works?|worked) (?:like a charm|perfectly)\b"
# something done, told ("already gave it AcrPull", "we bumped the timeout", "the role is assigned already"): what an
# answer suggests is mostly granting, raising, setting or redoing something
DONE = (r"^\W*(?:(?:ok|okay|so|well|yeah|yes|yep|hmm+|but|and)\W+)?(?:(?:i|we)(?:'ve| have)? )?(?:already |just |also |even )?"
        r"(?:gave|granted|assigned|added|increased|raised|bumped|doubled|set(?! up)|enabled|disabled|turned (?:on|off)|restarted|"
        r"rebooted|redeployed|recreated|rebuilt|re-?ran|updated|upgraded|downgraded|changed|switched|removed|deleted|"
        r"installed|pinned|requested|asked for|checked|verified|confirmed|applied|followed|configured|scaled|moved|"
        r"regenerated|rotated|reinstalled|reset|cleared|purged|opened|allowed|whitelisted)\b|"
        r"\b(?:is|are|was|were|has been|have been) (?:already )?(?:assigned|granted|set|enabled|increased|added|configured|"
        r"in place|approved|raised|installed|pinned)\b")
# a yes-or-no question ("is it per region?", "can I raise it above 180s?"), without what, how, where or "if"
POLAR = (r"^\W*(?:(?:and|so|but|ok|okay|then|also|hm+)\W+)*(?:is|isn'?t|are|aren'?t|was|does|doesn'?t|do|don'?t|did|can|"
         r"can'?t|could|will|would|should|must|has|have|may|might)\b(?!.*\b(?:how|what|where|why|when|which|who|if)\b)")
BECAUSE = r"\b(?:because|due to|caused by)\b"
# a new topic announced before a colon or dash ("one more:", "also -"), and another thing of the same kind named
NEW_TOPIC += r"|^\W*(?:(?:and|oh|ah|ok|okay|also|plus)\W+)*(?:one more|another|next|btw|by the way)\s*[:\u2014\u2013]"
# naming what the conversation's problem is measured against ("isn't it the same as too many pending requests?")
COMPARED_WITH = r"\b(?:same|similar|related|identical|different)(?: \w+)? (?:as|to|from) \w|\bvs\.? \w|\bversus\b|\bcompared (?:to|with)\b"
# compliments ("you're pretty handy", "this bot is useful"): thanks in other words
THANKS += (r"|\b(?:you(?:'re| are)|this (?:bot|thing|tool) is|that(?:'s| was)) (?:pretty |really |very |so |quite |super |actually )?"
           r"(?:handy|useful|helpful|good|smart|clever|fast|quick|neat|cool|nice|great)\b")
# the traceback the service printed is in its logs
ASPECT_LOGS += r"|\bstack ?traces?\b|\bcall ?stack\b|\bexception (?:details|message|output)\b"
# which package or module ("which package goes in the conda yml?"), a detail of the fix shown
ASPECT_DETAIL += (r"|\b(?:which|what)(?:'s| is| are)? (?:\w+ )?(?:packages?|modules?|librar(?:y|ies)|dependenc(?:y|ies)|"
                  r"names?|paths?|folders?|urls?|headers?|env(?:ironment)? vars?)\b")
# a question asked after a clause ("after I edit it do I have to redeploy?", "..., or is there a faster way")
QUESTION += r"|\b(?:do|does|should|must|can|could|would|will) (?:i|we)\b|\bor is there\b"
OFF_TOPIC += r"|\b(?:weekend|friday|go home early|leave early|day off)\b"
# whom to turn to ("who do I contact if it keeps happening?") and how to tell that the cause shown is the one ("is there
# a way to tell if we hit that limit?"): details of the entry shown
ASPECT_DETAIL += (r"|\bwho (?:do|should|can) (?:i|we) (?:contact|ask|write to|email|call|escalate to)\b|\bwho to (?:contact|ask|write to)\b|"
                  r"\bwhere (?:do|should|can) (?:i|we) (?:report|escalate|file|raise|open)\b|"
                  r"\b(?:a )?way to (?:check|verify|confirm|tell|know|see|find out|detect) (?:if|whether|that|which|what|how)\b")
# asking how to run or debug it locally, at any length ("how do I run the same thing on my laptop so I can step through it?")
LOCAL_ASKED = (r"\bhow (?:do|can|could|would|should) (?:i|we|you) (?:\w+ ){0,2}?(?:run|debug|test|reproduce|repro|try|start|host|serve|"
               r"step through)\b[^.?!]{0,40}?(?:\blocally\b|\bon (?:my|our|a) (?:laptop|machine|pc|computer|box|workstation)\b|\blocalhost\b)")
ASPECT_LOCAL += r"|\bon (?:my|our|a) (?:laptop|pc|desktop|workstation|dev box)\b|\bon (?:my|our) (?:own )?(?:machine|computer)\b"
COMPARISON += r"|\bsame (?:result|outcome|behaviou?r|message|response|story|symptoms?)\b"
# again the same code ("503 again", "again ERR_5000"); leaving for the day ("heading home", "gotta run")
FEEDBACK += r"|\b(?:\d{3}|err_?\d{4})\s+again\b|\bagain\s+(?:an? |the )?(?:\d{3}|err_?\d{4})\b"
GOODBYE += (r"|\b(?:heading|going|off|leaving)\s+(?:home|to (?:lunch|bed|sleep)|for (?:lunch|the day|today|the weekend))\b|"
            r"\bgotta (?:go|run|bounce)\b|\bcalling it a (?:day|night)\b|\b(?:signing|logging) off\b")
# asked outright whether it can be run locally ("can I repro it on my laptop instead of redeploying?")
LOCAL_ASKED += (r"|\b(?:can|could|may) (?:i|we|you) (?:\w+ ){0,2}?(?:run|debug|test|reproduce|repro|try|start|host|serve|spin)\b"
                r"[^.?!]{0,40}?(?:\blocally\b|\bon (?:my|our|a) (?:laptop|machine|pc|computer|box|workstation)\b|\blocalhost\b)")
# where to see why it failed ("where do I see why it crashed?"): the logs
ASPECT_LOGS += (r"|\bwhere (?:do|can|could|should|would) (?:i|we|you) (?:\w+ ){0,2}?(?:see|find|look|check|read|view|get)\b"
                r"[^.?!]{0,30}?\b(?:why|what (?:happened|went wrong|failed|broke)|the (?:actual |real )?(?:error|reason|cause|exception))\b")
# where to see what exactly came back or was printed ("where can I see what the service actually returned?"): the
# logs, as when asked how to see it
WHERE_RETURNED_OUTPUT_EN = (r"\bwhere (?:do|can|could|should|would) (?:i|we|you) (?:\w+ ){0,2}?(?:see|find|look|check|read|view)\b"
                            r"[^.?!]{0,10}?\bwhat (?:[^\s?!]+ ){0,3}?(?:returned|printed|output|threw|raised|sent back)\b")
ASPECT_LOGS += "|" + WHERE_RETURNED_OUTPUT_EN
# a greeting that only announces a question ("morning! quick q about our endpoint"): the question is still to come
QUESTION_AHEAD = (r"\b(?:(?:a|one|quick|small|short|got a|have a|another)\s+)+(?:q|qq|question)\b(?:\s+(?:about|on|re|regarding|for)"
                  r"\s+[^.?!:]{0,30})?\W*$")
GREETING += r"|^\W*(?:morning|evening|afternoon)\s*[!,.]"
# a circumstance offered as the possible cause, asked ("could that be why?", "does that change anything?", "anything to
# do with the proxy?"): a question about the conversation's problem
BECAUSE += (r"|\b(?:could|can|might|would|is|was) (?:that|this|it) (?:be )?(?:why|the (?:cause|reason|culprit|problem|issue))\b|"
            r"\bcould it be (?:that|because)\b|\b(?:does|do|did|would|could|might|will) (?:that|this|it) (?:matter|change anything|"
            r"make (?:a|any) difference|explain (?:it|this|that)|affect (?:it|this|that|anything))\b|\b(?:anything|something) to do with\b")
# getting a limit raised ("how do I get that quota bumped?", "can the cap be lifted?"): a detail of the card shown
ASPECT_DETAIL += (r"|\b(?:raise|raising|increase|increasing|bump|bumping|lift|lifting|extend|extending) (?:the |that |this |my |our |its )?"
                  r"(?:\w+ )?(?:limits?|quotas?|caps?|ceiling)\b|\b(?:limits?|quotas?|caps?|ceiling) (?:\w+ )?(?:raised|increased|bumped|lifted|extended)\b")
# how to make the thing at fault usable ("how do I make the registry reachable from the endpoint?"): the fix shown
ASPECT_FIX += (r"|\bhow (?:do|can|could|should) (?:i|we) make (?:it|this|that|the \w+|my \w+|our \w+)(?: \w+)? "
               r"(?:accessible|reachable|visible|available|work)\b")
# whose side the fault is on ("is it my code or the platform?"): the cause of the card shown
ASPECT_CAUSE += r"|\b(?:my|our) (?:side|end|code|script|fault) or\b|\bor (?:on )?(?:the )?(?:azure|microsoft|platform|service)(?:'s)? (?:side|end)\b"
# asking for a moment ("got a sec?", "you around?"), alone or before the question to come; praise of the replies
GREETING += (r"|^\W*(?:(?:hey|hi|yo|morning)\W+)?(?:(?:you )?got|do you have|have you got|you have) a (?:sec|second|minute|min|moment)\b|"
             r"^\W*(?:are )?you (?:busy|around|there|free)\W*$")
QUESTION_AHEAD += r"|\b(?:got|have|do you have|you have) (?:a )?(?:sec|second|minute|min|moment)\b[^.?!]{0,40}\W*$"
THANKS += (r"|\b(?:exactly|just) what i (?:needed|need|wanted|was (?:missing|looking for|after|hoping for))\b|"
           r"\b(?:you|this (?:bot|thing|tool)) (?:\w+ )?(?:answers?|replies|responds?|reply|respond) (?:pretty |really |very |so |quite |super )?"
           r"(?:fast|quick(?:ly)?)\b")
# thanks although nothing helped ("cheers anyway", "oh well, thanks"): a closing
RESIGNED = (r"\b(?:thanks?|thank you|thx|cheers|ty)\b[^.?!]{0,12}\b(?:anyway|anyways|all the same|regardless|though)\b|"
            r"\b(?:anyway|anyways|oh well),? (?:thanks?|thank you|thx|cheers)\b")
# the same outcome told after what was tried ("got a new token and retried, same rejection")
FEEDBACK_UNASKED += r"|[,;]\s*(?:but |and )?(?:still )?(?:the )?same (?:\w+ )?\w+\W*$"
# the first problem solved, a new one told ("fixed that one, now the build times out"): a new topic
NEW_TOPIC += (r"|\b(?:fixed|solved|sorted|resolved|got past) (?:that|this|it|the \w+)(?: one)?(?: out)?\W+(?:but |and )?now\b"
              r"(?!\W*(?:it |everything |all )?(?:works|working|runs|running|fine|good|ok))")
# done as the answer said ("gave it AcrPull like you said, still failing"): what it brings is what was tried
ADVISED = (r"\b(?:like|as) (?:you|u) (?:said|suggested|told me|wrote|described|recommended)\b|"
           r"\bas (?:suggested|described|recommended|instructed)\b|\bfollowed (?:your|the) (?:steps|advice|suggestion|instructions)")
# a greeting to a room ("morning all", "hi folks"); the command or the answer's step reported failing, told
GREETING += r"|^\W*(?:good )?(?:morning|evening|afternoon)\s+(?:all|everyone|everybody|folks|team|guys|y'?all|people)\W*$"
FEEDBACK_UNASKED += (r"|\b(?:command|cmd|it|that)\b[^.?!]{0,30}\b(?:errors? out|errored|throws|threw|returns? (?:an )?error|"
                     r"gives? (?:me )?(?:an )?error)|unrecognized (?:argument|option|arguments)|command not found")
# none of what was suggested worked ("tried both, neither worked"); the same outcome in slang ("same crap"), told
FEEDBACK += r"|\b(?:neither|none)\b[^.?!]{0,20}\b(?:work\w*|help\w*|fix\w*|did (?:anything|it))"
FEEDBACK_UNASKED += r"|^\W*(?:(?:still|yeah|nope|nah|meh|ugh)\W+)*same (?:shit|crap|junk|mess|story|deal|old)\b"
# the logs typed with a doubled letter ("loggs?")
ASPECT_LOGS += r"|\bloggs\b"
# what was run printed or returned nothing ("it printed nothing", "returns an empty list"), told
FEEDBACK_UNASKED += (r"|\b(?:printed|prints|printing|returned|returns|shows|showed|gave|gives|outputs|outputted|spits out)\s+"
                     r"(?:me\s+|back\s+)?(?:nothing|an? (?:empty|blank)|blank)\b")
# "ain't" for "isn't" ("that ain't working either"); British thanks ("ta")
FEEDBACK += r"|\bain'?t (?:\w+ )?(?:work\w*|help\w*|fix\w*|do\w* (?:anything|nothing|it))"
THANKS += r"|^\W*ta(?: very much| muchly)?\W*$"
FEEDBACK_UNASKED += r"|\b(?:command|cmd)s?\b[^.?!]{0,20}\b(?:fails|failed|doesn'?t run|won'?t run|not found)"
# the command by its chat abbreviation ("cmd pls")
ASPECT_COMMAND += r"|\bcmds?\b"
# which model or LLM the assistant runs on ("what model are you running on?", "which llm powers you?"): about the assistant
META += (r"|\b(?:what|which) (?:\w+ )?(?:model|llm|ai|gpt)s? (?:are|do|is|powers?|runs?|drives?) (?:you|this bot|behind you)\b|"
         r"\b(?:what|which) (?:\w+ )?(?:model|llm)s? (?:\w+ ){0,2}(?:behind|under the hood|powering)\b")
# compliments typed fast ("ur actually useful": "ur" is read as "your", "youre" without the apostrophe)
THANKS += (r"|\byou(?:r|re) (?:pretty |really |very |so |quite |super |actually |kinda |genuinely )?"
           r"(?:handy|useful|helpful|smart|clever|fast|quick|great|good|awesome|legit|the best)\b")
# what was run came back empty ("ran it and it's empty", "they're blank"), told
FEEDBACK_UNASKED += r"|\b(?:it|they|that|the output|the result)(?:'s|'re| is| are| was| were) (?:completely |totally |just |still )?(?:empty|blank)\b"
# a circumstance named as the possible cause, asked ("could the registry firewall be the reason?")
BECAUSE += r"|\b(?:could|can|might|would|is|was) (?:the |our |my |a )?(?:[\w-]+ ){1,3}?(?:be )?(?:why|the (?:cause|reason|culprit))\b"
# the answer's premise ruled out, then "so no" ("we don't use a private registry, so no")
FEEDBACK_UNASKED += r"|[,;]\s*so (?:no|nope|nah|not that|that'?s not it)\W*$"
# the problem at hand pointed at by a pronoun ("does that matter for this?", "will it keep happening?"): a question
# about it, however long, that nothing answers surely stays in the conversation
POINTS_BACK = r"\b(?:it|its|it's|this|that|these|those|the same (?:error|problem|issue|thing|crash|failure))\b"
# it works in one place and fails in the other, said beside the status it gets there ("fine locally, but 502 on
# AKS"): what the answer offered did not settle it, a verdict even beside a code
_HERE_NOT_THERE = (r"\b(?:works|runs|working|running|fine) (?:fine |ok |okay |perfectly |great )?(?:locally|on my (?:machine|laptop|pc)|"
                   r"in (?:local )?docker|on my box)\b[^.?!]{0,30}\b(?:but|not|fails?|crash\w*|breaks?|only)\b")
FEEDBACK += "|" + _HERE_NOT_THERE
VERDICT += "|" + _HERE_NOT_THERE
# the problem itself named ("the same crash", "that error"): after a how-to, a family switch asks for the problem there
PROBLEM = r"\b(?:crash\w*|errors?|failures?|failing|problems?|issues?|exceptions?|bug)\b"
# how to see what exactly went wrong or came back ("how can I find out what the model actually returned?"): the logs
ASPECT_LOGS += (r"|\bhow (?:do|can|could|would) (?:i|we) (?:see|find out|figure out|tell|know) (?:what|why) "
                r"(?:[^\s?!]+ ){0,3}?(?:happened|went wrong|failed|broke|crashed|returned|printed|blew up|threw|raised|thrown)\b")
# the older tool generation by name ("the old SDK", "cli v1"; not the azureml-core package, which batch scoring
# environments install too): only the AKS/ACI web services are v1
FAMILIES["docker-aci-aks"] += r"|\b(?:old(?:er)?|legacy|previous) (?:python )?(?:sdk|cli)\b|\bcli ?v1\b|\bv1 cli\b"
# whether something proposed would help ("would splitting the input help with this?"): the fix of the card shown
ASPECT_FIX += r"|\b(?:would|will|does|could) (?:\w+ ){1,6}?(?:help|fix (?:it|this|that)|solve (?:it|this|that)|make (?:a|any) difference)\b"
# a cause offered as "could it be a ...?" ("could it be a numpy version mismatch?", "might it be our proxy?"; not a
# comparison: "would it be the same on ACI?")
BECAUSE += r"|\b(?:could|might|can) (?:it|this|that) be (?:a|an|the(?! same\b)|some|my|our|due)\b"
# how to find out whether the cause shown is the one ("how do I figure out if it's the init() that blows up?")
ASPECT_DETAIL += r"|\bhow (?:do|can|could|would|should) (?:i|we|you) (?:figure out|find out|work out) (?:if|whether|that|which)\b"
# whether what was said holds elsewhere too ("does the same quota apply to batch?", "or is that separate?")
COMPARISON += r"|\b(?:does|do|would|will) (?:the same|this|that|it) (?:\w+ )?(?:apply|hold|carry over)\b|\bor is (?:that|it) (?:separate|different)\b"
# a question asked after what sets the scene ("the image is in ACR, what exactly does the endpoint need?")
QUESTION += (r"|[,;:\u2014-]\s*(?:(?:so|and|but|then|ok)\s+)?(?:how|what|where|which|why)\s+(?:exactly\s+|actually\s+)?"
             r"(?:do|does|did|is|are|can|should|would|will)\b")
# a language not wanted ("I can't read English", "not in English", "instead of Korean"): not the one asked for
LANGUAGE_UNWANTED_BEFORE = (r"(?:\bnot|n'?t (?:read|understand|speak|know|get)|\bcannot (?:read|understand|speak)|"
                            r"\binstead of|\brather than|\bother than|\bbesides)\W+(?:in\W+|the\W+|any\W+|much\W+)?$")
LANGUAGE_UNWANTED_AFTER = r"\W*(?:isn'?t|is not|is hard|is difficult|is tough)\b"
# asking for a translation without naming the language ("translate pls", "rewrite it?"): into the message's own
TRANSLATE = r"\b(?:translat\w*|re-?word\w*|rewrite)\b"
# text in a language, not the answer's language ("Korean characters in the input", "a Chinese file name")
LANGUAGE_UNWANTED_AFTER += (r"|\s+(?:characters?|chars?|text|input|letters|words|file ?names?|names?|paths?|encoding|"
                            r"locale|data|strings?|tokens?|content|labels?)\b")
# the language named first, then what to say in it ("Russian: what's the command?", "korean - the fix")
for _lang, _name in (("en", "english"), ("ko", "korean"), ("zh", "chinese|mandarin"), ("ru", "russian")):
    LANGUAGE_REQUESTS[_lang] += rf"|^\W*(?:{_name})\s*[:\-\u2014,]"
# the problem at hand imagined elsewhere ("what if it's the old AKS service returning 504?"): measured against it
COMPARISON += r"|\bwhat if (?:it'?s|it is|this is|that'?s|we'?re|i'?m|we are|i am) (?:on |in |with |from )?(?:the |an? |our |my )?(?:old|legacy|v1|v2|other)\b"
# told in passing that something else fails too ("btw, the pipeline also won't start", "fyi the job fails as well")
ASIDE = (r"^\W*(?:(?:oh|ah|and|also)\W+)?(?:btw|by the way|fyi|side note|on a side note|unrelated,?)\b(?!\W*(?:i|we)\b)(?!.*\b(?:still|(?:did|does)n'?t help|no luck)\b)[^?]*"
         r"\b(?:also|too|either|as well)\b")
# who answers, a person or a bot, however it is put ("are you actual support or only a bot?", "is a real engineer on the other end?")
WHO_ANSWERS = (r"\b(?:are you|is (?:this|it)|am i (?:talking|speaking|chatting) (?:to|with)) (?:just |only |simply |really |actually )?"
               r"(?:an? )?(?:bot|chatbot|robot|ai|human|person)(?![-\w]| (?:error|mistake|factor))|\b(?:real|actual|live|human) (?:\w+ )?(?:support|engineer|agent|person)\b")
# help asked for before the question ("hi! could use some help with our endpoint"): after a greeting, the question is to come
QUESTION_AHEAD += (r"|\b(?:need|want|could use|looking for|hoping for|after) (?:some |a little |a bit of |your )?"
                   r"(?:help|assistance|advice|a hand)\b(?:\s+(?:with|on|about|regarding|for)\s+[^.?!:]{0,30})?\W*$")
# a language told as how something shows up ("the error comes back in Chinese"): described, not asked for
LANGUAGE_UNWANTED_BEFORE += (r"|\b(?:shows? up|showing up|comes? (?:back|out)|coming (?:back|out)|appears?|appearing|displayed|"
                             r"printed|returned|logged|rendered|output)\W+(?:in\W+)?$")
# trouble announced without saying what it is ("hi, got an endpoint misbehaving", "have a problem with batch"): after a
# greeting, the question is still to come
QUESTION_AHEAD += (r"|\b(?:got|have|having) (?:an? |some |one |our |my )?(?:[\w-]+ ){0,3}?(?:acting up|misbehaving|playing up|"
                   r"acting weird|giving (?:me |us )?(?:trouble|grief|a headache))\W*$|"
                   r"\b(?:got|have|having) (?:an? |some )?(?:issue|problem|trouble)s?(?: with (?:an? |my |our |the )?[^.?!:]{0,30})?\W*$")
# handed over to support, told ("I'll open a ticket", "ok, raising a support case then"): closing the conversation
GOODBYE += (r"|\b(?:i'?ll|i will|gonna|going to|let me|i'?m|we'?ll|off to) (?:just |go |then )?(?:open|raise|file|log|create|contact|"
            r"ping|email|write to|reach out to|call|opening|raising|filing|contacting|writing to)(?: a| an| the)? (?:azure |microsoft )?"
            r"(?:support|ticket|case)\b(?! (?:for|about|on)\b)[^?]*$")
# the same outcome told as a sentence of its own after what was tried ("re-ran it. same SecretsInjectionError")
FEEDBACK_UNASKED += r"|[.!]\s+(?:but |and )?(?:still )?(?:the )?same (?:\w+ )?\w+\W*$"
# where to see which item or step failed ("where can I see which mini-batch failed?"): which log tells it
ASPECT_LOG_STRUCTURE += (r"|\bwhere (?:do|can|could|should|would) (?:i|we|you) (?:\w+ ){0,2}?(?:see|find|tell|check|look up|spot) which\b"
                r"[^.?!]{0,40}?\b(?:fail\w*|crash\w*|broke|hit|timed out|errored|threw)\b")
# asking for more of what the card limits ("where do I request more of it?", "how to apply for a higher quota?"): a detail
ASPECT_DETAIL += (r"|\b(?:(?:ask|apply) for|request) (?:more (?:of (?:it|that|this|them|those)|quota|capacity|cores)|"
                  r"a (?:higher|bigger|larger) (?:\w+ )?(?:limit|quota|cap))\b")
# the right way to do what the card is about ("so what's the proper way then?"): its fix
ASPECT_FIX += (r"|\bwhat(?:'s| is) the (?:right|correct|proper|recommended|supported) way\b|"
               r"\b(?:right|correct|proper) way to (?:do|handle|fix|go about) (?:it|this|that)\b")
# "later" as a farewell ("ok, later", "back later"), not inside a question ("somewhere I can read later?")
GOODBYE = GOODBYE.replace("|later|", r"|later(?![^?]*\?)|")
# a question announced as off the subject ("off-topic question: ...", "quick off topic q")
NEW_TOPIC += r"|\boff[- ]?topic (?:question|q)\b|^\W*(?:(?:quick|small|slightly|bit of an?)\s+)*off[- ]?topic\s*[:\u2014\u2013]"
# the alternative offered after a comparison ("is it the same as ERR_1100 or a different problem?"): the message asks
# whether it is the conversation's problem, it does not announce another one
OR_ELSE = r"\bor\s+(?:(?:is|was)\s+(?:it|that|this)\s+|just\s+|maybe\s+|rather\s+)?(?:an?\s+|the\s+|some\s+)?$"
# an untried change proposed as a question ("if I switch to a bigger SKU, will that fix it?", "would moving regions help?"):
# asking whether it would work, no verdict on the answer (even beside "or is there another way?")
UNTRIED += (r"|\bif (?:i|we) [^.?!]{1,40}?\b(?:will|would|does|do) (?:it|that|this|the \w+) (?:\w+ )?(?:help|fix|solve|work|go away)\b[^.!]*\?|"
            r"\bwould (?:\w+ing|a (?:bigger|larger|different|newer) \w+) [^.?!]{0,30}?\b(?:help|fix (?:it|this|that)|solve (?:it|this|that))\b[^.!]*\?")
# help hoped for, or a thing announced, before the question ("morning, got a deployment thing, hope you can help"):
# after a greeting, the question is still to come
QUESTION_AHEAD += (r"|\b(?:hope|hoping) (?:you|someone|somebody|anyone) (?:can|could|will|might) help(?: me| us)?(?: out)?\W*$|"
                   r"\b(?:got|have) (?:an? |one )(?:quick |small |little )?(?:[\w-]+ )?thing(?: for you)?\W*$")
# whether the assistant reads what one would paste ("can you read logs if I paste them?", "can I paste a traceback here?"):
# about the assistant, not about the logs of a problem
PASTE_OFFER = (r"\b(?:can|could|will|do) you (?:\w+ ){0,2}?(?:read|look at|check|parse|understand|analy[sz]e|handle|go through)\b"
               r"[^.?!]{0,30}\bif (?:i|we) (?:paste|send|share|post|upload|drop|attach)\b|"
               r"^\W*(?:(?:hi|hey|hello|ok|so)\W+)?(?:can|could|may|should) (?:i|we) (?:just )?(?:paste|send|share|post|upload|drop|attach) "
               r"(?:you )?(?:a |an |the |my |our |some )?(?:logs?|tracebacks?|stack ?traces?|output|errors?|screenshots?)(?: here| in here)?\W*$")
# what was changed told, then that its result appears nowhere ("switched to the logger, the lines show up nowhere")
FEEDBACK_UNASKED += r"|\b(?:shows?|showed|showing|turns?|turned) up nowhere\b|\bnowhere to be (?:found|seen)\b"
# a question opened as the next one in the same talk ("and ...?", "so ...?", "then ...?"): asking on
ASKS_ON = r"^\W*(?:and|so|then)\b"
# what was done told, then that the outcome did not change: nothing of one's own shows ("added print calls, not one of
# the lines turns up"), the resources stay in the failed state ("added two nodes, the pods remain pending"), the
# error is word for word the one before ("granted the role, the exact same failure")
FEEDBACK_UNASKED += (r"|\b(?:none|not one|nothing|not a single one) of (?:my|the|our) (?:own )?(?:\w+ )?"
                     r"(?:messages?|lines?|logs?|entries|changes?|prints?|output)\b[^.?!]{0,20}?\b(?:appears?|shows? up|"
                     r"turns? up|gets? (?:printed|logged|written)|made it|(?:is|are) (?:there|visible))|"
                     r"\b(?:stays?|stayed|remains?|remained|keeps?|kept|are still|is still) (?:stuck |sitting )?(?:in )?"
                     r"(?:pending|unschedulable|stuck)\b|"
                     r"\b(?:identical|the exact same|exactly the same|same old) (?:\w+ )?(?:error|failure|message|result|problem)\b")
# how to stop or remove something once done with it ("how do I stop the debug container?"): the conversation's entry about taking it down
TEARDOWN = r"\bhow (?:do|can|could|should|would) (?:i|we|you) (?:\w+ )?(?:delete|remove|stop|tear (?:\w+ )?down|clean (?:\w+ )?up|shut (?:\w+ )?down|get rid of)\b"
# what one understood, asked back ("so I'd need a proxy in front of it?", "so we should pin the version instead?"): a
# check of the answer shown, worded as a statement, asking no what, how or where
CHECK_BACK = (r"^\W*(?:(?:ok|okay|right|and|ah|oh|hm+)\W+)*(?:so|then|meaning|in other words)\W+(?:basically\W+)?"
              r"(?:i|we|you|it|that|this|they)(?:'d|'ll|'m|'re|'s|'ve)?\s(?![^?]*\b(?:how|what|where|why|when|which|who)\b)"
              r"[^?]*\?\W*$")
# a question drawn from what was said ("so how do I attach a debugger then?", "then which port?")
ASKS_THEN = r"^\W*(?:(?:ok|okay|alright|right|fine)\W+)?(?:so|then)\b"
# something fetched to one's machine ("how do I pull the image locally?", "download it to my laptop"): where it goes,
# not running or debugging there
FETCHED_HERE = (r"\b(?:pull|pulling|download|downloading|fetch|fetching|copy|copying)\b(?: \S+){0,5}? "
                r"(?:locally|to (?:my|our) (?:machine|laptop|pc|computer))\b")
# the same outcome in chat shorthand ("same err", "same msg again"): the answer did not help
FEEDBACK += r"|\bsame (?:old )?(?:err|errs|msg|msgs)\b"
# the problem said to be gone ("ERR_1100 is gone now", "no more 429s"): with thanks, a closing even beside its code
RESOLVED = (r"\b(?:is|are|'s|has|have|got)? ?(?:gone|fixed|resolved|solved|sorted)\b|\bwent away\b|\bdisappeared\b|"
            r"\bno (?:more|longer)\b")
# round 8 --------------------------------------------------------------------------------------------------------------
# "that's what I needed" without "exactly"/"just": thanks
THANKS += r"|\bthat(?:'s| is| was) (?:\w+ )?what i (?:needed|need|wanted|was (?:missing|looking for|after|hoping for))\b"
# a question announced as another one in chat shorthand ("different q: ...", "another q -"); another error reported by its
# code at the start ("also ERR_2101 on the attached cluster ...", "also got 413 when ..."): a report of its own
NEW_TOPIC += (r"|\b(?:another|a new|a different|different|new|other|separate|unrelated) (?:q|qn|ques)\b(?=\s*[:\u2014\u2013-])|"
              r"^\W*(?:(?:oh|ah|and|ok|okay)\W+)?also\W+(?:(?:got|getting|seeing|saw|hit|hitting|seen)\W+)?(?:an?\W+)?"
              r"(?:err_?\d{4}|http\W*\d{3}|[45]\d\d)\b(?=(?:\W+\w+){3})")
# whether the limit shown can be changed ("is that cap configurable anywhere?"): a detail of the card shown
ASPECT_DETAIL += r"|\b(?:configurable|adjustable|tunable|changeable)\b"
# what a part of the message or the card means ("what does that bit mean?", "what does the Insufficient part mean?"):
# a detail asked, not a verdict (the meaning of the whole, "what does it mean?", asks the cause)
ASPECT_DETAIL += r"|\bwhat does (?:that|this|the) (?:[\w./-]+ ){0,2}?(?:bit|part|line|word|bits|parts) (?:\w+ )?mean\b"
# the same code again after what was tried ("moved regions, same 1101 there too"): the answer did not help
FEEDBACK_UNASKED += r"|\bsame (?:(?:err_?)?\d{4}|[45]\d\d)\b(?! (?:means?|is)\b)(?=[^?]*$)"
# what the assistant keeps or sees ("does this chat keep what I send?", "can you see my subscription?"): about it
META += (r"|\b(?:do(?:es)?|will|would) (?:you|this (?:chat|bot|assistant|thing)|the (?:chat|bot|assistant)) "
         r"(?:keep|store|save|log|record|remember|retain|see|read|access)\b|\bcan (?:you|this (?:chat|bot|assistant)) "
         r"(?:see|read|access|look at) (?:my|our) (?:subscription|resources|workspace|data|files|account)\b")
# acknowledging what was learnt ("ok good to know", "noted, thanks"): thanks in other words
THANKS += r"|^\W*(?:(?:ok|okay|ah|oh|cool|great)\W+)?good to know\W*$"
# which value a setting or an option takes ("what --resource should the token be for?", "what role do we need?")
ASPECT_DETAIL += (r"|\bwhat (?!else\b|other\b|now\b|next\b|then\b|steps?\b|exactly\b)-{0,2}[\w.-]+ (?:should|must|"
                  r"do (?:i|we) (?:need|use|set|pass|put|give|grant))\b")
# the container's own output ("the raw output of the container", "the pod's stdout"): its logs
ASPECT_LOGS += (r"|\b(?:container|pod|service)(?:'s)? (?:own |raw |full |console )?output\b|"
                r"\b(?:raw|full|console) output of (?:the |my |our )?(?:container|pod|service)\b|\boutput of the (?:container|pod)\b")
# what typically goes wrong there ("what usually blows up in init?"): the cause of the card shown
ASPECT_CAUSE += r"|\bwhat (?:\w+ )?(?:blows up|goes wrong|breaks|tends to (?:fail|break|crash))\b"
# where to see what was going on inside ("where can I see what was going on inside the model?"): the logs
ASPECT_LOGS += (r"|\bwhere (?:do|can|could|should|would) (?:i|we|you) (?:\w+ ){0,2}?(?:see|find|look|check|read|view)\b"
                r"[^.?!]{0,20}?\bwhat(?:'s| is| was| were)? (?:\w+ ){0,3}?(?:going on|happening|happened)\b")
# where to look in what the card names ("where should I look in score.py?"): a detail of the card shown
ASPECT_DETAIL += r"|\bwhere (?:do|should|must) (?:i|we) (?:even )?look\b"
# whether the assistant understands a language ("do you even understand English?"): about the assistant
LANGUAGE_ABILITY = r"\b(?:do|can|could) you (?:\w+ ){0,2}?(?:speak|understand|read|know)\b"
# what to ask of whoever can change it ("what do I ask the policy admin for?"): a detail of the card shown
ASPECT_DETAIL += r"|\bwhat (?:do|should|would) (?:i|we) (?:ask|tell|request from) (?:the|our|my|an?) (?:[\w-]+ ){0,2}?(?:admins?|administrators?|owners?|team|it|ops|person|people)\b"

# an image with something in it ("build an image with ptvsd", "a debug image that includes ptvsd"): making that image
IMAGE_WITH = (r"\bimages? (?:with|that (?:has|includes|contains)|including|containing)\b(?! (?:the )?(?:same|error|failure)\b)|"
              r"\b(?:with|including) \S+ (?:\w+ )?(?:inside|in it|baked in)\b")
# trying it out without waiting on the cloud each time ("how do I test this without waiting on ACI every time?"): a local run
_WITHOUT_THE_CLOUD = (r"\b(?:test|debug|try|iterate|run|check)\w* (?:\w+ ){0,3}?without (?:waiting (?:on|for) (?:aci|aks|azure|the cloud|"
                      r"(?:a |the )?(?:re)?deploy\w*)|(?:re-?)?deploying)\b")
ASPECT_LOCAL += "|" + _WITHOUT_THE_CLOUD
LOCAL_ASKED += "|" + _WITHOUT_THE_CLOUD
