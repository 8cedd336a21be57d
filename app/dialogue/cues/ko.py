"""Korean cue words (follow-up endings such as -는요/-은요 included)."""

REFERENCE = (r"그거|그것|그게|그걸|이거|이것|이게|이걸|거기|그럼|그러면|그건|이 오류|같은 |마찬가지|다른 방법|"
             r"(?:는|은)요\W*$|에서는|경우는|경우에는")
FAMILY_SWITCH = r"(?:는|은)요\W*$|에서는|경우에는|경우는|에서도|(?<![데어아여해워봐])도 (?:같|똑같)|마찬가지"
FEEDBACK = (r"도움이 (?:안|되지)|도움 안|안 ?돼요|안 ?되네|안 ?됩니다|안 ?되는데|해결이 안|해결 안|여전히|아직도|"
            r"계속 (?:실패|같은|나요|떠요|죽어)|소용(?:없|이 없)|효과가 없|다른 방법|딴 거|그게 아니|아닌 ?것 ?같|틀렸|"
            r"이미 해 ?봤|해 ?봤는데|아니에요|아닌데|그대로예요|해결되지 않|안 ?됐|"
            r"(?:해 ?봤|시도했|적용했|추가했|따라 ?했|그대로 했|말씀대로 했|늘렸|바꿨|설정했|재시작했|재배포했|변경했|수정했|지웠|줬)(?:는데|지만|더니)|안 ?되(?:네|는데)|계속 (?:\S+ )?(?:나|떠|죽|실패|재시작)|"
            r"똑같은 (?:오류|에러|문제)|변화가 없|그대로|효과(?:가)? ?없|틀린|잘못된 (?:답|답변|항목)|관련(?:이)? ?없|"
            r"이미 (?:했|해 ?봤|시도)|(?:같은|동일한) (?:오류|에러|문제)|안 ?먹혀|(?<![\uac00-\ud7a3])별로|쓸모(?:가)? ?없|원하는 (?:답|게) 아니|"
            r"또 (?:실패|오류|에러|죽|나)|도 (?:실패|안 ?(?:돼|되|됨|됐)|에러|오류|죽)|다시 (?:실패|죽)|계속 (?:안|\S+[요다]\W*$)|아직 (?:안|도)|못 (?:고쳤|해결)|아니(?:요|오)\W*$|안 ?(?:됨|돼\W*$|되요|됐|되더라|먹)|(?:는데|는데도) (?:안|똑같|그대로|여전)|그게 아니라|원하는 (?:답|내용)이 아니|별 도움|"
            r"제 (?:문제|경우)(?:는|랑) (?:달라|다르|상관)|해 ?봤(?:어요|습니다|는데)|상관(?:이)? ?없|"
            # outcomes in other words: nothing changed, the same, it did not take
            r"(?:변한|달라진|바뀐|나아진|개선된) (?:게|것이|건|것도|게 하나도) ?(?:없|전혀 없)|마찬가지(?:예요|에요|입니다|네요|더라|고)?[^\w?？]*$|"
            r"다른 (?:해결책|해결 ?방법|방안|원인|대안|건 없)|또 다른 방법|똑같|(?:해도|했는데도|했지만|해봐도|바꿔도|늘려도|재시작해도|재배포해도) (?!돼|되|괜찮)|그래도 (?:안|같|똑같|실패|에러|오류|죽|계속|그대로|나)|"
            r"(?:고쳐|해결|개선)(?:지지|되지) 않|안 ?고쳐|효과(?:가|는)? (?:전혀 )?없|먹히지 않|소득(?:이)? 없|헛수고|"
            r"다시 (?:떠|나|실패|에러|오류)|(?:뒀|놨|두었|놓았)(?:는데|지만|는데도) |또 (?:같은|똑같|그|떠|나)|여전|증상(?:이|은) (?:같|똑같|그대로|여전)|결과(?:가|는) (?:같|똑같|그대로)")
VERDICT = r"도움이 (?:안|되지)|도움 안|소용(?:없|이 없)|효과가 없|틀린 답|엉뚱한"
"""A verdict on the answer itself ("that didn't help"), not an outcome ("still failing"): said even beside a code."""
FEEDBACK_UNASKED = (r"아무것도 (?:없|안 (?:나|보|찍|떠))|로그(?:가|는)? (?:비어|텅)|그런 (?:옵션|설정|명령|메뉴|항목|버튼)(?:은|이|는)? ?(?:없|안 보)|"
                    r"(?:옵션|설정|메뉴|항목|버튼)(?:이|가)? 안 보|못 찾겠|찾을 수가 없|(?:그건|그게|이건) 아닐|일 리가 없|문제가 아니|"
                    r"^(?=.*(?:여전히|아직도|또 |다시|똑같|그대로|계속))(?=.*(?:안 ?[돼되됐먹나떠]|않|못 |없))|"
                    r"이미 (?!해결|잘 |됐|되었|돼요|존재|있|사용 ?중)|(?:할당량|용량|메모리|디스크|권한)(?:은|이|는)? ?(?:충분|넉넉|남아|있어|문제 없)|벌써 (?:했|해|봤|확인)|확인했(?:어요|습니다|는데|지만)|(?:읽어|봤던|본) (?:봤|거|문서)|"
                    r"^\W*(?:아니요?|아뇨|아니오|음+,? ?아니)\W*$|^\W*(?:안타깝게도|아쉽게도)|"
                    # what the answer points at is not there ("그런 파일이 하나도 없어요")
                    r"(?:옵션|메뉴|항목|버튼|탭|명령어)(?:이|가|은|는)? ?(?:없|안 나와)|화면이 (?:달라|다르)|"
                    r"빈 (?:문자열|값|결과|응답|로그)|(?:결과|응답|로그|출력)(?:가|이)? (?:비어|텅|빈)|"
                    r"(?:그런|그|이|저|해당|말씀하신) (?:파일|폴더|로그|탭|메뉴|옵션|설정|항목|경로)(?:들)?(?:이|은|는|가)? ?(?:하나도 |전혀 |아예 )?(?:없|안 보|안 나)|하나도 없|아무(?:것도|데도) 없")
UNTRIED = r"안 해 ?봤|아직 안 해|못 해 ?봤|아직 (?:시도|확인)(?:를|을)? ?(?:안|못)|해 ?볼게|해 ?보겠|확인해 ?볼게|시도해 ?볼게"
"""Not tried yet ("아직 안 해봤어요, 해볼게요"): no verdict on the answer."""
""""That didn't help" only in a message that asks nothing ("이미 확인했어요")."""
LANGUAGE_REQUESTS = {
    "ko": r"한국어로|한글로|한국말로|한국어 ?(?:버전|답변)",
    "en": r"영어로|영문으로|영어 ?(?:버전|판|답변)|영문 ?(?:버전|판)",
    "zh": r"중국(?:어|말)로|중국어 ?(?:버전|판|답변)|중문으로",
    "ru": r"러시아(?:어|말)로|러시아어 ?(?:버전|판|답변)|노어로",
}
LANGUAGE_NAMES = {"en": r"영어|영문", "ko": r"한국어|한글|한국말", "zh": r"중국(?:어|말)", "ru": r"러시아(?:어|말)"}
GREETING = r"^\W*(?:ㅎㅇ|ㅎ2|하이요|안녕|반가워|반갑습니다|반가워요|하이|헬로|좋은 (?:아침|저녁|오후)|여보세요)"
THANKS = (r"감사|고마워|고맙|땡큐|덕분에|해결됐|해결되었|해결했|잘 되네|잘 돼요|잘 됩니다|이제 돼요|이제 됩니다|이제 되네|"
          r"^\W*(?:좋아요|좋네요|좋습니다|알겠(?:어요|습니다|어)|네|넵|오케이|ㅇㅋ|확인했(?:어요|습니다)|이해했(?:어요|습니다)|"
          r"최고|완벽해요|훌륭해요|굿)\W*$|ㄳ|ㄱㅅ|ㄱㅅㄱㅅ|"
          # a message of nothing but acknowledgements ("넵 알겠습니다", "ㅎㅎ 좋네요")
          r"^\W*(?:(?:네+|넵|예|응|ㅇㅇ|ㅇㅋ|오케이|오키|알겠(?:어요|습니다|어)|알았어요?|좋아요|좋네요|좋습니다|확인했(?:어요|습니다)|"
          r"이해했(?:어요|습니다)|감사(?:합니다|해요|드려요)?|고마워요?|고맙습니다|ㅎ+|ㅋ+|ㅠ+|ㅜ+|아하|오+|와+|우와|굿|최고|대박|"
          r"그렇군요|그렇구나|아 ?그렇|그래요|잘 알겠|멋져요|좋아|음+|흠+|오호)\W*)+$|됐(?:어요|습니다|네요|다)\W*$|해결(?:됐|되었|했)|잘 (?:돌아|작동|동작)|"
          r"(?:이제|드디어) (?:되|돼|작동|동작|성공|잘)|"
          r"성공했|(?<!안 )(?<!못 )작동해요|해 ?볼게|확인해 ?볼게|시도해 ?볼게|잠시만|잠깐만|(?<!안 )(?<!못 )(?:작동합니다|돌아가요)|정상(?:이에요|적으로)|"
          # a short "I see" ending ("아 그렇구나", "그렇군요"): taking the answer in, asking nothing
          r"^\W*(?:아+|아하|오+|음+|흠+|헐|그럼|그렇다면)?\W*[^?？]{0,16}(?:구나|군요|군|구만|구먼|구요)\W*$")
GOODBYE = r"잘 (?:가|있어)|좋은 (?:밤|저녁|주말)|안녕히|잘 있어|수고하세요|수고하셨|수고 ?많으셨|수고해|바이바이|그럼 이만|좋은 하루|다음에 (?:봐|뵙)|이만 (?:갈게|가볼게)"
META = (r"누구(?:세요|야|니|신가요|예요)|넌 뭐|너는 뭐|뭘 할 수 있|무엇을 할 수|뭐 할 수|뭘 도와|무엇을 도와|"
        r"봇이(?:에요|야|죠|니)|봇인가|사람이(?:에요|야|니)|로봇|챗봇|ai(?:야|예요|인가)|뭘 물어볼 수|(?:^\W*|너|넌|당신|네|봇)(?:의 )?(?: ?이름이) 뭐|"
        r"도와줄 수 있(?:어|나|니)|어떤 언어|무슨 언어|몇 개 언어|물어봐도|질문해도|뭘 할 줄|무엇을 하는|뭐 ?하는 (?:봇|거)|"
        r"어떻게 도와|무엇을 물어|뭐 물어|무슨 질문|어떤 (?:질문|문제|걸|것을)(?:을|를)? ?(?:도와|물어|해결|답|다루)|"
        r"인공지능|ai (?:인가|예요|야|에요|죠)|gpt|사람(?:인가요|이세요|이에요|이랑)|봇(?:이랑|인가요|이세요)|누가 만들|뭐 하는 (?:곳|서비스)|"
        r"누구야|누구니|사람이야|사람인가|(?:주말|밤|휴일|24시간)(?:에도|에)? ?(?:답|운영|대답)")
# asking who answers ("사람이 답하는 건가요?") and thanks in other words
META += r"|사람이 (?:답|대답|응답|보내|쓰|하는)|(?:실제|진짜) 사람|상담원|사람 맞|봇 맞"
THANKS += r"|살았(?:어요|습니다|다)|구세주|은인"
# a message not meant for the assistant, and good nights
GOODBYE += r"|잘못 (?:보냈|올렸)|무시해 ?주세요|잘 ?자(?:요)?\W*$|주무세요"
# outcomes told as "no change" or "tried X, the same" in any verb ("바꿔봤는데 같은 메시지", "아무 변화 없어요"),
# and asking what kind of service this is
FEEDBACK += (r"|변함(?:이|은)? ?없|(?:아무|별) (?:변화|변함|차이|효과|소용)|(?:안|못) 통하|통하지 않|"
             r"(?:안|못) (?:달라|나아|좋아)|(?:달라|나아|좋아)지지 않|"
             r"(?:었|았|였|했|봤|줬|꿨|렸|웠|쳤|냈|됐)(?:는데|지만|더니|는데도|어도)[,\s]*(?:\S+\s){0,2}?"
             r"(?:같|똑같|그대로|여전|변화|변함|달라진|계속|그래도|자꾸|아직|또 )")
META += r"|(?:이건|여긴|여기는|이곳은|이 (?:봇|챗봇|채팅)(?:은|는)) (?:뭐|무슨|어떤) |질문 ?(?:하나 ?|좀 ?)?(?:해도|드려도) |무슨 서비스(?:예요|에요|인가요|야|죠)"
OFF_TOPIC = (r"날씨|농담|레시피|축구|야구|영화|노래|시 (?:써|지어)|점심|저녁 메뉴|메뉴 추천|로또|주식|사랑해|결혼|"
             r"게임 추천|여행|연애|운세|맛집|뉴스|드라마|웃긴 (?:얘기|이야기)|재밌는 (?:얘기|이야기)|심심|수수께끼|몇 시")
DOMAIN = (r"azure|엔드포인트|배포|컨테이너|도커|쿠버네티스|모델|점수|로그|오류|에러|실패|할당량|이미지|레지스트리|"
          r"프로브|시간 초과|배치|웹 ?서비스|요청|토큰|환경|작업 영역|크래시|충돌|명령")
FILLER = (r"보여 ?주세요|보여줘|알려 ?주세요|알려줘|주세요|해 ?주세요|해줘|다시|답변|대답|그거|그걸|이거|이걸|좀|"
          r"으로|번역|바꿔|부탁|합니다|해요|그리고|설명|답해|말해|요\b")
CHOICES = {"1": r"첫 ?번째|1 ?번", "2": r"두 ?번째|2 ?번", "3": r"세 ?번째|3 ?번|마지막"}
FAMILIES = {
    "batch-endpoints": r"배치|일괄",
    "docker-aci-aks": r"웹 ?서비스",
    "managed-online-endpoints": r"관리형|온라인",
}
COMPARISON = r"같은 (?:문제|원인|오류|에러|거)|같은 거|똑같|비슷|관련(?:이|된|있)|마찬가지|연관"
"""Asks whether something is the same as, or related to, what the conversation is about."""
NEW_TOPIC = r"다른 (?:건|거|것)(?:인데|이요|도)|다른 (?:이야기|주제)|주제를 바꿔|별도로|그리고 또|다른 문제|새 문제|새로운 문제|다른 오류|다른 에러|다른 질문|별개|또 다른 (?:문제|오류|에러|질문)|다른 얘기|하나 더 (?:물어|질문)|다른 (?:엔드포인트|배포|워크스페이스|작업 영역|서비스|클러스터|구독|endpoint|deployment|workspace)(?:에서|는|은|도|에)"
_N_FINAL = "".join(chr(syllable) for syllable in range(0xAC00, 0xD7A4) if (syllable - 0xAC00) % 28 == 4)
"""Hangul syllables ending in ㄴ (인, 은, 는, 건, 뭔, 큰): "-ㄴ가요" asks ("괜찮은가요", "뭔가요"); a bare "-가요" is
mostly the verb 가다 in a statement ("잘 돌아가요", "배포가 넘어가요"), as "-나요" after a space is 나다 ("500 에러도 나요")
while "되나요", "있나요" ask."""
QUESTION = (r"\?|알려|설명해|(?<!안 )(?<!안)보여|어떻게|어디|뭐|뭘|무엇|무슨|어떤|몇|얼마|왜|언제|어느|해야 (?:돼|되|하)\w*\W*$|(?:(?<!\s)나요|까요|"
            rf"[{_N_FINAL}]가요|는지|려면|려면요|ㄹ까|을까|할까|되나|있나|없나|"
            r"인가|건가|는가|니|죠|어요\?)\W*$")
ASPECT_BUILD_LOGS = r"빌드 ?로그|빌드.{0,12}로그|로그.{0,6}빌드|image_build_log"
"""The log of the image build, told by the entry about the failed build (not the container's logs)."""
ASPECT_WRITE_LOGS = (r"로그(?:를|을)? ?(?:남기|남겨|찍|쓰|써|출력|기록)|로깅|logger|print(?:문|한|로)?.{0,12}(?:어디|안 ?(?:보|나|찍))|"
                     r"로그 ?메시지(?:가|를)?.{0,8}(?:어디|안 ?보)")
"""Writing to the logs from the user's own code, not reading the logs the service keeps."""
ASPECT_LOG_STRUCTURE = r"로그 ?(?:구조|폴더|디렉터리|디렉토리)|어떤 로그 ?파일|로그 ?파일(?:들)?(?:이|은|은요)? ?(?:각각|뭐|어떤|무슨)|로그.{0,6}(?:구성|어떻게 (?:나뉘|구성|되어))"
"""How the logs are laid out (which file says what), not where to fetch them."""
ASPECT_LOGS = r"로그"
ASPECT_LOCAL = r"로컬(?! ?(?:웹 ?서비스|서비스|localwebservice))|내 (?:pc|컴퓨터)|재현"
ASPECT_BUILD = r"빌드"
ASPECT_COMMAND = r"명령|커맨드"
ASPECT_FIX = r"(?:그냥|만) [^?]{0,24}(?:하면|해도) (?:되나요|돼요|될까요|되죠|되는 거)|해결|고치(?!면)|(?:어떻게|뭘|뭐를|무엇을|어디를) 고치면|고쳐|(?<!려면 )어떻게 해야|(?<!려면 )뭘 해야|조치"
"""What to do about the failure; "X 하려면 어떻게 해야" asks how to do X, a how-to of its own subject."""
ASPECT_CAUSE = r"문제(?:인가요|예요|야|인지)?,? ?아니면|왜|원인|이유|무슨 뜻"
NAMED_ONE = r"(?<![\w-])(?!(?:그|이|저|다른|딴|같은|마지막|첫|두|세)(?:\s|$))([\w-]+(?: [\w-]+){0,2}) (?:쪽|거)(?:은|는)요?\W*$"
"""Something named by a few of its words ("storage initializer 쪽은요?"): group 1 is the name."""
ASPECT_MORE = r"자세히|더 알려|좀 더 (?:설명|알려|자세)|쉽게 설명|풀어서 설명|그리고요\W*$|그 ?다음(?:은|에는)?요?\W*$"
ASPECT_DETAIL = (r"(?:어떤|무슨|어느) (?:[\w-]+ )?(?:설정|파라미터|매개변수|옵션|값|역할|권한|sku|크기|사이즈|리소스|버전|포트|한도|제한|모드|방식|role|setting|option|permission|sku|port|version|timeout|quota)|"
                 r"(?:설정|값|파라미터|옵션|권한|역할|sku|한도)(?:을|를|은|는|이|가)? ?(?:뭘|뭐|무엇|어떤|어디|얼마)|"
                 r"(?:뭘로?|뭐(?:를|라고|로)?) (?:넣|써|입력|적)|(?:포트|버전|리소스)(?:는|은|가|이)? ?(?:뭐|몇|어떤|어디)|최대|최소|최댓값|한도|얼마나|몇 개|티켓|지원 요청|어디서 (?:설정|바꾸|바꿔|변경|늘리|늘려|줄이|줄여|확인)|방지|피하|피할|막으려면|막을 수")
# taking it from here ("나머진 제가 볼게요", "직접 찾아볼게요"): no verdict on the answer, nothing more asked; what
# the assistant covers ("배포만 도와주는 거예요?"); did something and still ("늘렸는데도 408"); works here, not there
_ON_MY_OWN = (r"(?:나머지(?:는)?|나머진|이후(?:는)?|그 ?다음(?:은)?) ?(?:제가|직접|혼자)|"
              r"(?:제가|직접|혼자) (?:더 )?(?:볼게|봐 ?볼게|해 ?볼게|알아볼게|찾아볼게|확인할게|확인해 ?볼게|할게|처리할게)")
UNTRIED += "|" + _ON_MY_OWN
THANKS += "|" + _ON_MY_OWN
META += r"|만 (?:다루|도와|도와주|답하|취급|지원)(?:는|나|시나)"
FEEDBACK += (r"|(?:었|았|였|했|렸|웠|꿨|줬|봤|췄|뒀|냈|쳤)는데도|"
             r"로컬(?:에서(?:는)?|에선) (?:잘 )?(?:되는데|돼요|됩니다|돌아가는데|작동하는데|문제 없는데)")
# how to tell whether the cause shown is the one ("충분한지 어떻게 확인해요?"): about that entry
ASPECT_DETAIL += r"|(?:인지|는지|한지|은지|된지|있는지|없는지) (?:어떻게|어디서|뭘로) (?:확인|알 수|알아|체크|봐)"
# the answer is for the other tool generation ("그건 v1 얘기고 저는 v2"); the setting named is already in place
FEEDBACK_UNASKED += (r"|^(?=.*v1)(?=.*v2)(?=.*(?:저는|전 |제가|저희|제 ))|"
                     r"(?:역할|권한|role|롤|할당량|쿼터|quota|키|시크릿|secret)(?:은|는|이|가|도)? 이미 (?:있|줬|부여|할당|설정|들어)")
# something done, told ("AcrPull 줬어요", "쿼터 늘렸어요", "재시작했습니다"): the statement ends on the deed
DONE = (r"(?:해 ?뒀|해 ?놨|해 ?두었|해 ?놓았|줬|주었|드렸|(?<!발생)(?<!실패)(?<!생각)했|늘렸|올렸|바꿨|바꾸었|지웠|켰|껐|넣었|깔았|만들었|돌렸|받았|열었|풀었|옮겼|비웠)"
        r"(?:어요|습니다|어|는데요|고요|음|요|다|죠)?\W*$")
# a yes-or-no question ("리전별인가요?", "넘게는 안 되나요?"), without 뭐, 어떻게, 어디, 왜, -면요
POLAR = (r"^(?!.*(?:뭐|뭘|무엇|무슨|어떻게|어디|왜|언제|어느|어떤|몇|얼마|누가|누구|면요|면\W*$))"
         r".*(?:나요|가요|까요|죠|니|냐|ㄹ까|을까|습니까|[요어]\?)\W*$")
BECAUSE = r"때문|탓|원인|으로 인해|로 인해"
# it works now, said in the clipped chat style ("해결됨", "이제 됨", "해결 완료")
THANKS += r"|해결 ?(?:됨|완료)|(?:이제|잘|드디어|다시) 됨\W*$"
# a new topic announced before a colon or dash ("그리고 하나 더:", "추가로 —"), and another thing of the same kind named
NEW_TOPIC += (r"|^\W*(?:아\W+)?(?:그리고 )?(?:추가로|참고로|그 ?외에|하나 더|또 하나)\s*[:：\u2014\u2013]|"
              r"(?:또 (?:하나|다른)|다른 하나) (?:배포|엔드포인트|서비스|파이프라인|작업|잡|클러스터|워크스페이스|모델|구독)")
COMPARED_WITH = r"(?:랑|이랑|하고|과|와|이나|나) (?:같은|똑같은|동일한|비슷한|관련|다른|차이)|(?:랑|이랑|과|와) (?:\S+ )?(?:같|똑같|동일|비슷|다르)\w*"
THANKS += r"|(?:봇|챗봇|너)(?:이|가|은|는)? (?:꽤|진짜|정말|되게|완전|엄청)? ?(?:유용|쓸만|편하|똑똑)\w*"
OFF_TOPIC += r"|칼퇴|퇴근|야근|주말|휴가|회식"
ASPECT_LOGS += r"|스택 ?트레이스|트레이스백|호출 스택|예외 (?:메시지|내용)"
ASPECT_DETAIL += (r"|(?:어떤|무슨|어느) (?:[\w-]+ )?(?:패키지|라이브러리|모듈|의존성|이름|경로|폴더|변수)|"
                  r"(?:설정|옵션|파라미터|매개변수|환경 ?변수|변수|키) ?(?:이름|명)(?:이|은|는|가)? ?(?:뭐|뭘|무엇|어떻게)")
# did something, then it fails anyway, told ("로그인 했는데 pull 하면 unauthorized 나요", "새로 만들었는데 안 바뀌어요")
FEEDBACK_UNASKED += (r"|(?:었|았|였|했|렸|웠|꿨|줬|봤|췄|뒀|냈|쳤)는데[,\s][^.?!？]{0,40}?"
                     r"(?:\s(?:안|못) ?\S|않|에러|오류|실패|[a-z]\w* (?:나요|나와요|떠요|뜨네요|납니다|떠서|나네요)|"
                     r"죽(?:어|네|습|음)|멈(?:춰|추|췄)|뻗(?:어|네|음)|터(?:져|지|졌)|튕(?:겨|기)|크래시|재시작(?:돼|되|해))")
# whom to turn to ("계속 그러면 어디에 문의해요?") and a way to tell that the cause shown is the one ("한도에 걸렸는지 알 방법 있나요?")
ASPECT_DETAIL += (r"|어디(?:에|로)? (?:문의|연락|신고|요청)|누구(?:에게|한테) (?:문의|연락|물어)|"
                  r"(?:확인|알|판단|체크)(?:할|하는) (?:방법|수)")
# proposing something not tried yet ("그냥 재시작하면 안 돼요?" = can't I just restart?): a question, no verdict
UNTRIED += r"|(?:면|해도|하면|으면) 안 ?(?:돼|되|될)\w*\s*\?|(?:면|해도|하면|으면) 안 ?(?:되나요|될까요|되죠|되는지|되는 거)"
LOCAL_ASKED = (r"(?:로컬|내 (?:pc|컴퓨터|노트북)|제 (?:pc|컴퓨터|노트북))(?:에서|로|환경에서)? ?(?:[\w-]+ ){0,5}?"
               r"(?:돌리|돌려|실행|디버깅|디버그|테스트|재현|띄우|띄워)\w*(?:려면|는 방법|는 법|할 수 있)")
# a cause proposed as a question ("권한이 잘못된 건가요?", "용량이 부족한 거 아닐까요?"): asked, not a verdict on the answer
UNTRIED += (r"|(?:틀린|틀렸|잘못된|잘못 된|부족한|모자란|안 맞는|맞지 않는|빠진) ?(?:건가|걸까|거 아닌가|거 아닐까|건 아닐까|게 아닐까|"
            r"거예요\?|거죠\?|건지)")
# a circumstance offered as the cause, asked ("보관 기간을 줄여놨는데 그 때문일까요?"), and wanting to check whether
# something happens ("스테이징에서도 똑같은 오류가 뜨는지 보고 싶어요"): still to find out, no verdict on the answer
UNTRIED += (r"|때문(?:일|인) ?(?:수도|수|까|가|지|건가|거)|"
            r"(?:는지|은지|인지) ?(?:확인|체크|테스트|보)(?:하고|해 ?보고|고) 싶")
# again the same code ("또 503", "다시 ERR_5000"); fine in one place, failing in another ("테스트에선 잘 되는데 운영에선 에러")
FEEDBACK += (r"|(?:또|다시|계속) (?:\d{3}|err)|(?:에서는|에선) (?:잘 )?(?:되는데|돼요|됩니다|돌아가는데|작동하는데|문제 없는데)"
             r"[^.?]{0,30}?(?:안 ?돼|안 ?되|실패|에러|오류|죽|안 ?돌아)")
# a new topic announced as unrelated before a colon ("별개로:", "상관없는 질문인데 —")
NEW_TOPIC += r"|^\W*(?:별개로|별개 ?질문|상관없는 (?:질문|얘기|이야기)(?:인데)?|다른 얘기(?:인데)?)\s*[:：\u2014\u2013]"
# "I see, got it" after the news ("ㅋㅋ 범위 밖이구나 알겠어요", a short sentence of it before): taking the answer in,
# asking nothing
THANKS += (r"|^\W*(?:ㅋ+|ㅎ+|아+|오+)?\W*[^?？]{0,30}(?:구나|군요|군|구만|구먼)\W+(?:알겠(?:어요|습니다|어)|알았어요?|네+|넵|"
           r"ㅇㅋ|오케이|감사(?:합니다|해요)?|ㅎ+|ㅋ+)\W*$")
# where to see why it failed ("왜 죽었는지 어디서 봐요?", "에러 내용은 어디서 확인해요?"): the logs
ASPECT_LOGS += (r"|(?:왜|원인|에러 내용|오류 내용|무슨 (?:에러|오류))[^?]{0,16}(?:어디서|어디에서|어디서든) (?:봐|보|확인|찾)|"
                r"어디서 (?:봐야|보면|확인해야|확인하면) [^?]{0,10}(?:왜|원인|에러 내용|오류 내용)")
# a greeting that only announces a question ("안녕하세요, 질문 하나만요"): the question is still to come
QUESTION_AHEAD = (r"질문 ?(?:하나|한 ?개|몇 개|좀)?(?:만|만요|만 할게요|있어요|있습니다|드려도 될까요|드릴게요|해도 돼요)?\W*$|물어볼 게 있(?:어요|는데요?)\W*$|"
                  r"(?:여쭤|여쭈어|물어) ?(?:볼게요?|보겠습니다|봐도 (?:될까요|되나요|돼요)|보려고요?|보고 싶어요)\W*$")
# a circumstance offered as the possible cause, asked ("vnet 때문에 그런 걸까요?", "구독이 달라서 그런 건가요?", "영향이 있나요?")
BECAUSE += r"|(?:아|어|여|해|워|져|러|라)서 그런 ?(?:걸|건|거|게)|영향(?:이|을)? ?(?:있|줄|주|받)|(?:상관|관련)(?:이)? ?있(?:나|을|는|어|습)"
# getting a limit raised ("한도 늘리려면?"): a detail of the card shown
ASPECT_DETAIL += r"|(?:한도|제한|할당량|쿼터|quota|limit)(?:을|를|는|은|도)? ?(?:좀 )?(?:늘리|늘려|올리|올려|상향|증가|풀)"
# the build's log named in English ("build 로그")
ASPECT_BUILD_LOGS += r"|build ?로그"
# asking for a way to run it locally ("로컬에서 띄워서 디버깅해 볼 방법")
LOCAL_ASKED += (r"|(?:로컬|내 (?:pc|컴퓨터|노트북)|제 (?:pc|컴퓨터|노트북))(?:에서|로|환경에서)? ?(?:[\w-]+ ){0,5}?"
                r"(?:돌리|돌려|실행|디버깅|디버그|테스트|재현|띄우|띄워)\w*(?: ?볼| ?할)? (?:방법|수 있)")
# asking whether the assistant is free ("봇아 바쁘니?", "잠깐 시간 돼요?"); praise of the replies ("답이 빠르네")
GREETING += (r"|^\W*(?:\S+(?:아|야)\s+)?(?:혹시 |지금 )?(?:바쁘|바빠|시간 (?:있|괜찮|되|돼|좀)|잠깐 (?:시간|괜찮|되|돼))"
             r"[^.!]{0,6}?\W*(?:[ㅎㅋ]+\W*)?$")
THANKS += r"|(?:봇|챗봇|너|답변?|대답)(?:이|가|은|는|도)? (?:꽤|진짜|정말|되게|완전|엄청|생각보다)? ?(?:빠르|빨라|빠릿|친절)\w*"
# thanks although nothing helped ("그래도 감사해요")
RESIGNED = r"(?:그래도|어쨌든|아무튼|암튼|어쨌거나) (?:\S+ )?(?:감사|고마|땡큐|ㄳ)"
# checked and it is all correct ("오타 없어요", "다 맞게 했어요"), told
FEEDBACK_UNASKED += r"|오타(?:는|도)? (?:없|하나도 없)|(?:다|모두|전부) 맞(?:게|아요|습니다|는데)"
# the first problem solved, a new one told ("그건 해결됐는데 이번엔 빌드가 ..."): a new topic
NEW_TOPIC += (r"|(?:그건|그거는|그거|그 문제는|이건|첫 번째 건) (?:이제 )?(?:해결(?:됐|했|되었)|고쳤)\w*[^?]{0,6}?"
              r"(?:근데|그런데|이번엔|이번에는|이제는)\s(?!(?:잘|돼|됩|되네|정상))")
# what to do now, asked in the spoken forms ("어떡해요?", "어쩌죠", "어떻게 하죠?"): the fix of the answer shown
ASPECT_FIX += r"|^\W*(?:\S+\s)?(?:어떡(?:해|하)|어쩌(?:죠|지|나요|면)|어떻게 하(?:죠|나요|지|면 (?:돼|되|좋)))\w*\W*$"
# a terse outcome ("실패함", "에러 뜸")
FEEDBACK += r"|(?:실패|에러|오류)(?:함|했음|임|남|뜸)\W*$"
# clipped and playful greetings and goodbyes ("안뇽", "수고요", "담에 봐요", "빠이")
GREETING += r"|^\W*(?:안뇽|하이루|방가(?:방가|워요?)?)"
GOODBYE += r"|^\W*수고(?:요|욤|용)?\W*$|(?:다음|담)에 (?:봐|봬|뵈|뵙)|^\W*(?:(?:ok|okay|네|넵|ㅇㅋ|그럼)\W+)?(?:빠이|바이|ㅂㅂ|ㅃㅃ)\W*$|먼저 (?:갈게|들어갈게|퇴근)"
# a language named in English, with a Korean particle ("english로", "eng로")
LANGUAGE_REQUESTS["en"] += r"|(?:english|eng)\s?(?:로|으로)\b"
LANGUAGE_REQUESTS["zh"] += r"|chinese\s?(?:로|으로)\b"
LANGUAGE_REQUESTS["ru"] += r"|russian\s?(?:로|으로)\b"
LANGUAGE_REQUESTS["ko"] += r"|korean\s?(?:로|으로)\b"
ASPECT_LOCAL += r"|(?:내|제|우리) (?:노트북|랩탑|로컬 ?pc|데스크톱)"
# what the problem is, asked plainly ("뭐가 문제예요?", "이게 무슨 에러예요?")
ASPECT_CAUSE += r"|뭐가 문제|무슨 (?:에러|오류|문제)(?:예요|에요|인가요|야|죠)"
# not my case ("제 상황이랑 안 맞아요", "우리 환경과는 달라요")
FEEDBACK += r"|(?:제|저희|우리|내) (?:상황|경우|케이스|환경)(?:이랑|하고|과|와|에는|에|엔)?(?:은|는)? ?(?:안 ?맞|맞지 않|다르|달라)"
# done as the answer said ("말씀하신 대로 역할 줬는데"); asking what may be asked; the command reported failing
ADVISED = r"(?:말씀하신|말한|알려준|알려주신|안내(?:해 ?준|해 ?주신|된)|시킨|적힌|나온) ?대로"
META += r"|(?:뭘|뭐를|무엇을|어떤 ?(?:거|것|걸|질문)(?:을|를)?) ?물어(?:봐|보|볼)"
FEEDBACK_UNASKED += r"|명령(?:어)?[^.?!？]{0,20}(?:오류|에러|실패)|인자 (?:오류|에러)"
# none at all in slang ("효과 1도 없음", "변화 1도 없어요")
FEEDBACK += r"|(?:효과|변화|차이|소용|진전)(?:가|는|이|도)? ?1 ?도 (?:없|안)"
# which model the assistant runs on ("너 무슨 모델 써?", "넌 어떤 AI야?"): about the assistant, said to it
META += r"|(?:^|\s)(?:너|넌|니가|네가|너는|봇은|챗봇은)\s(?:[^?？.\s]+\s){0,2}(?:무슨|어떤|뭔) ?(?:모델|llm|gpt|ai|인공지능)"
# how to check whether something holds, the particle after 지 and the colloquial 어케 too ("경로 맞는지는 어케 확인함?")
ASPECT_DETAIL += r"|(?:인지|는지|한지|은지|된지|있는지|없는지)(?:는|도|를|부터)? ?(?:어떻게|어케|어떡해|어디서|뭘로) ?(?:확인|알 수|알아|체크|봐|보)"
# the problem at hand pointed at ("이게 계속 생기나요?", "그게 이 문제랑 상관 있어요?"): a question about it stays in the conversation
POINTS_BACK = r"그거|그것|그게|그걸|그건|이거|이것|이게|이걸|이건|(?:이|그|같은) ?(?:오류|에러|문제|증상|현상)"
# it works in one place and fails in the other ("로컬에선 멀쩡하게 도는데 AKS에서만 502"): a verdict even beside a code
_HERE_NOT_THERE = (r"(?:에서는|에선|에서) [^.?!]{0,12}?(?:잘 |멀쩡하게 |멀쩡히 |문제 ?없이 |정상(?:적으로)? )?"
                   r"(?:되|도|돌아가|작동하|멀쩡하|괜찮|문제 ?없)\w*(?:는데|지만|던데)[^.?!]{0,30}?"
                   r"(?:에서만|만 |안 ?돼|안 ?되|실패|에러|오류|죽|안 ?돌아|\d{3})")
FEEDBACK += "|" + _HERE_NOT_THERE
VERDICT += "|" + _HERE_NOT_THERE
# the problem itself named ("그 오류", "같은 에러"): after a how-to, a family switch asks for the problem there
PROBLEM = r"오류|에러|문제|크래시|증상|실패"
# the command asked for by its tool ("az로 상태 보는 거 있어?", "cli로는요?"): the command of the entry shown
ASPECT_COMMAND += r"|(?<![a-z])(?:az|cli)(?: cli| ml)?(?:로|으로)"
# what exactly went wrong, how to see it ("뭐가 잘못됐는지 어떻게 봐요?"): the logs
ASPECT_LOGS += r"|(?:왜|뭐가|무엇이|어디서) [^.?!]{0,12}?(?:죽었|실패했|터졌|잘못됐|잘못되었|에러 났|오류 났)\w*(?:는지|지) (?:어떻게|어디서) (?:봐|보|확인|알)"
# the older tool generation by name ("예전 SDK", "구버전 cli"): only the AKS/ACI web services are v1
FAMILIES["docker-aci-aks"] += r"|(?:구|옛날|예전|이전|옛) ?(?:버전 ?)?(?:sdk|cli)|구버전"
# whether something proposed would help ("파일을 나누면 도움이 될까요?", "줄이면 나아지나요?"): the fix of the card shown;
# what exactly the model threw: its logs
ASPECT_FIX += r"|도움이 (?:될까|되나|돼요\?|될지)|나아지(?:나|려나)|나아질까|해결될까|해결되나"
ASPECT_LOGS += r"|(?:뭘|무엇을|뭐를|무슨 (?:에러|오류|예외)를?) ?(?:던졌|뱉었|냈)\w*(?:는지|지) (?:어떻게|어디서) (?:봐|보|확인|알)"
# a language not wanted ("영어 말고", "영어는 잘 몰라서요", "영어를 못 읽어요"): not the one asked for
LANGUAGE_UNWANTED_AFTER = (r"\s*(?:은|는|을|를|이|가|로|으로)?\s*(?:말고|대신|잘 ?몰라|잘 ?모르|잘 ?못|못 ?(?:읽|알아|하)|모르|"
                           r"몰라|어려워|어렵|힘들)")
# asking for a translation without naming the language ("번역해 주세요"): into the message's own
TRANSLATE = r"번역"
# a language name typed with a space before 말/어 ("러시아 말로", "중국 어로")
LANGUAGE_REQUESTS["ru"] += r"|러시아 (?:어|말)로"
LANGUAGE_REQUESTS["zh"] += r"|중국 (?:어|말)로"
LANGUAGE_REQUESTS["ko"] += r"|한국 말로"
# text in a language, not the answer's language ("한글 파일명", "중국어 텍스트 입력")
LANGUAGE_UNWANTED_AFTER += r"|\s*(?:문자|텍스트|입력|데이터|파일 ?명|파일 ?이름|경로|인코딩|글자|토큰|문장)"
LANGUAGE_NAMES["zh"] += r"|중문"
# "and also" or "by the way" opening a message that goes on to describe something ("그리고 배치 쪽은 update가 안 먹어요",
# "근데 혹시 metric이 안 보이는 건 왜 그래요?"): another matter; a few words after it ("그리고 로그는요?") or a pronoun for the
# problem at hand ("근데 그거 로컬에서도 나요?") ask on
NEW_TOPIC += (r"|^\W*(?:아\W+|참\W+|아 참\W+)?(?:그리고|근데|그런데)(?: 혹시)?\s+"
              r"(?!(?:그|이|저)(?:거|것|게|걸|건|런|렇)|같은|똑같|마찬가지)(?=(?:\S+\s+){4,}\S)")
# told in passing that something else fails too ("참고로 파이프라인도 안 돼요", "아 그리고 참, 잡도 실패해요")
ASIDE = r"^\W*(?:(?:아|그리고|근데)\W+)?(?:참고로|덧붙여|덧붙이자면|참)\W(?!.*(?:해 ?봤|했는데|했지만|해도|그래도|여전히))[^?？]*?[가-힣a-z0-9]도\s"
# who answers, a person or a bot ("상담원이세요 아니면 봇이에요?")
WHO_ANSWERS = r"(?:봇|챗봇|로봇|사람|상담원|ai|인공지능)(?:이야|이에요|인가요|예요|이세요|이신가요|입니까|이지)"
# a question announced about something ("배포 관련해서 여쭤볼 게 있어요", "도움이 좀 필요해요"): after a greeting, still to come
QUESTION_AHEAD += r"|(?:여쭤|여쭈어|물어) ?(?:볼|보고 싶은) ?(?:게|것이|거|것) (?:좀 )?있(?:어요|습니다|는데요?|어)\W*$|도움이 (?:좀 )?필요(?:해요|합니다|해)\W*$"
# a language told as how something shows up ("에러가 중국어로 떠요"): described, not asked for
LANGUAGE_UNWANTED_AFTER += r"|\s*(?:로|으로)?\s*(?:나와|나오|떠요|떠서|뜨|표시되|출력되|찍혀|찍히|깨져|깨지)"
# handed over to support, told ("서포트에 문의해볼게요"; a ticket opened, "그럼 지원 티켓 열게요", below): closing the conversation
GOODBYE += r"|(?:지원팀|서포트|고객 ?지원|기술 ?지원)(?:에|에게|한테) ?(?:문의|연락|물어)(?:해 ?볼게요|할게요|하겠습니다|해볼게)\W*$"
# the right way to do what the card is about ("그럼 올바른 방법은 뭐예요?"): its fix
ASPECT_FIX += r"|올바른 (?:방법|방식|절차|순서)|제대로 (?:하려면|하는 방법)|맞는 방법"
# a ticket or case opened, in any ending ("지원 티켓 열게요", "일단 지원 티켓 열어볼게요", "케이스 올려볼게요"); coming back
# another time ("다음에 또 올게요")
GOODBYE += (r"|(?:티켓|케이스|지원 ?요청)(?:을|를)? ?(?:열|올리|올려|넣|만들|남기|남겨)\w{0,3}(?:게요|께요|겠습니다|게|께)\W*$|"
            r"(?:다음|담|나중)에 (?:또 )?(?:올게|올께|찾아올|찾아 ?뵐|들를|물어볼게|여쭤볼게)|(?:또|다시) (?:올게|올께|찾아올게|물어볼게|여쭤볼게)")
# the alternative offered after a comparison ("ERR_1100 이랑 같은 건가요, 아니면 다른 문제예요?"): not another problem announced
OR_ELSE = r"아니면\s*(?:혹시\s*)?$"
# an untried change proposed as a question ("큰 SKU 로 바꾸면 해결되나요?", "limit 보다 크게 잡으면 그것도 에러 나나요?"): asking
# whether it would work or fail, no verdict on the answer (not "그러면", "아니면", "안 되면")
UNTRIED += (r"|(?<!그러)(?<!아니)(?<!그렇다)(?<!안\x20되)(?<!안되)면 [^.?？!]{0,30}?(?:나나요|나요|되나요|될까요|되요|돼요|날까요|건가요|"
            r"거예요|까요|되는 거죠|되는 건가요)\s*[?？]")
# a question announced with what it will be about ("배포 관련해서 질문 좀 할게요", "몇 가지 여쭤볼게요"): still to come
QUESTION_AHEAD += (r"|질문 ?(?:하나 ?|좀 ?|몇 ?개 ?|몇 ?가지 ?)?(?:할게요|할께요|하려고요|하려구요|하고 싶어요|하고 싶은데요?|드릴게요|드릴께요|"
                   r"드리려고요|드리고 싶어요)\W*$|(?:여쭤|물어)(?:볼게요|볼께요|보려고요|봐도 될까요)\W*$")
# the conversation ended for now ("일단 여기까지", "오늘은 여기까지요"): a closing
GOODBYE += r"|(?:^|\s)(?:(?:일단|오늘은|그럼|우선|이제|지금은)\s?){0,2}여기까지\s?(?:요|만|만요|할게요|할께요|입니다|하겠습니다|예요|에요)?\W*$"
# whether the assistant reads what one would paste ("로그 붙여넣으면 봐줄 수 있어요?"): about the assistant
PASTE_OFFER = (r"(?:로그|에러|오류|트레이스백|출력)\w{0,2} ?(?:붙여 ?넣|붙여|올리|보내|복붙)\w{0,3} ?(?:봐|읽어|확인해|분석해)(?:줄 수|주실 수|줄수)|"
               r"(?:로그|에러|오류|트레이스백|출력)\w{0,2} ?(?:붙여 ?넣어도|붙여도|올려도|보내도|복붙해도) (?:되|돼)\w*\W*$")
# keeps crashing, said with the loanword ("계속 크래시 나요", "여전히 계속 터져요"): the outcome
FEEDBACK += r"|계속 (?:\S+ )?(?:크래시|크래쉬|터지|터져|뻗)"
# a question opened as the next one in the same talk ("그럼 ...?", "그러면 ...?"): asking on
ASKS_ON = r"^\W*(?:그럼|그러면|그렇다면)\s"
# how to stop or remove something once done with it ("컨테이너는 어떻게 멈추나요?"): the conversation's entry about taking it down
TEARDOWN = r"어떻게 (?:\S+ )?(?:지우|지워|삭제|멈추|멈춰|중지|정지|종료|정리|내리|내려)"
# what one understood, asked back ("그럼 앞에 프록시를 둬야 한다는 거죠?", "결국 버전을 고정하면 되는 건가요?"): a check of the
# answer shown, asking no what, how or where
CHECK_BACK = (r"^\W*(?:그럼|그러면|그러니까|결국|즉|아 그럼)\s(?!.*(?:뭐|뭘|무엇|무슨|어떻게|어디|왜|언제|어느|어떤|몇|얼마))"
              r".*(?:거죠|건가요|거네요|거군요|거예요|거에요|건가|거지|거야|말이죠|말인가요|뜻인가요)\W*$")
# a question drawn from what was said ("그럼 디버거는 어떻게 붙여요?")
ASKS_THEN = r"^\W*(?:그럼|그러면|그렇다면)\s"
# something fetched to one's machine ("이미지를 로컬로 받으려면?", "로컬에 pull"): where it goes, not running or debugging there
FETCHED_HERE = r"로컬(?:로|에) ?(?:받|다운|내려 ?받|가져|pull)"
# what the assistant can do, asked in the plain "what can you do" ("너 뭐 할 줄 알아?", "뭘 할 줄 아세요")
META += r"|(?:뭐|뭘|무엇을) 할 줄 (?:알|아)"
# how one is, asked ("잘 지내요?", "잘 지내셨어요?"), or whether anyone is there ("계세요?", "거기 누구 계세요?"): a greeting
GREETING += r"|^\W*(?:요즘 )?잘 (?:지내|지냈|지내셨|있었|계셨)\S*\W*$|^\W*(?:거기 |혹시 |아직 )?(?:누구 )?(?:계세요|계신가요)\W*$"
# back in the chat ("저 다시 왔어요", "돌아왔습니다"): a greeting
GREETING += r"|^\W*(?:저 |제가 )?(?:다시 |또 )?(?:왔어요|왔습니다|왔어|돌아왔어요|돌아왔습니다|돌아왔어)\W*$"
# the default of what the card sets ("기본값은요?", "디폴트는 얼마예요?"): a detail of the card shown
ASPECT_DETAIL += r"|기본 ?값|디폴트"
# the same code still coming back, now and then ("아직 가끔 429 나요", "여전히 종종 503 떠요"): the answer did not settle it
FEEDBACK += r"|(?:아직|여전히|계속)(?:도)? ?(?:가끔|종종|간간이|자주|때때로)? ?(?:\d{3}|err)"
# the problem said to be gone ("ERR_1100 이제 안 나요", "사라졌어요"): with thanks, a closing even beside its code
RESOLVED = r"(?:이제|더 ?이상) 안 (?:나|떠|뜨)|사라졌|없어졌|해결(?:됐|되었|했)|안 나네요|고쳐졌"
# round 8 --------------------------------------------------------------------------------------------------------------
# whether the assistant understands a language ("한국어 알아들어?"): about the assistant
LANGUAGE_ABILITY = r"알아 ?들|알아 ?듣|이해(?:해|하|할|돼|되)|할 줄 (?:알|아)|읽을 줄"
# where to look in what the card names ("score.py에서 어디를 봐야 하죠?"): a detail of the card shown
ASPECT_DETAIL += r"|(?:어디를|어딜|어디부터|뭘|뭐를|무엇을) (?:봐야|살펴봐야|확인해야|체크해야)"
# what to ask of whoever can change it ("정책 담당자한테 뭐라고 요청하면 돼요?"): a detail of the card shown
ASPECT_DETAIL += r"|(?:한테|에게|께|쪽에) (?:뭐라고|무엇을|뭘|뭐를|어떻게) (?:요청|말|부탁|문의|얘기|전달)"

# 무언가 들어간 이미지 ("ptvsd 들어간 이미지", "ptvsd 포함된 이미지"): 그런 이미지를 만드는 것, 빌드 단계가 아님
IMAGE_WITH = r"(?:들어간|들어있는|들어 있는|포함된|포함한|포함되는|넣은|깔린|설치된) ?(?:\S+ )?(?:이미지|image)"
