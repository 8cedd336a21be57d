"""Korean, and the Hangul script.

Particles and endings are glued to Korean words, so text is compared by character bigrams
(and single syllables at a discount); the bigrams of everyday grammar are stop words.
"""
from __future__ import annotations

import re
from collections.abc import Mapping

from app.matching.languages.base import Language, NeighbourCues, char_grams
from app.matching.languages.en import word_features as english_features

PREFIX = "k"

# Grammar endings and question words of everyday Korean: as bigrams they would tie any
# two chatty sentences together.
STOP_BIGRAMS = frozenset([
    "어떻", "떻게", "해요", "어요", "아요", "세요", "니다", "습니", "있어", "없어", "데요", "는데", "인데", "에서", "으로", "하고", "해서",
    "돼요", "되요", "나요", "까요", "할까", "건가", "는지", "은지", "예요", "이요", "나와", "와요", "하나", "하면", "되나", "나오", "와서",
    "려면", "하려", "는게", "이게", "그게", "뭐가", "뭔가", "있나", "없나", "같아", "같은", "아서", "어서", "지만", "어야", "아야", "해야",
    "봐요", "싶어", "어디", "디서", "왜요", "제가", "저는", "내가", "있다", "다고", "라고", "는다", "얼마", "마인", "인가", "가요",
    "을까", "는가", "은가",
    # not knowing, wondering, asking to be told (모르겠어요, 궁금해요, 알려 주세요): the question, not its subject
    "모르", "르겠", "겠어", "겠습", "궁금", "금해", "금합", "알려", "려주", "주세", "해주", "싶습", "할지", "을지", "봐야", "거예",
    # how sure the user is and how they put it (clearly, by any chance, it seems, the message talks about): not the problem
    "분명", "혹시", "도대", "무래", "느낌", "얘기", "은데",
    # chat spellings of the polite ending (나와여, 안 돼여 for 나와요, 안 돼요)
    "와여", "어여", "아여", "해여", "돼여", "되여", "나여", "네여", "까여",
    # more endings and connectives of chat (했더니, 그런데, 하죠, 일까, 같기도), and a particle after 에러
    "네요", "고요", "니까", "했더", "더니", "그런", "하죠", "하네", "걸까", "런가", "같기", "결국", "이랑", "잇나", "드리",
    "뭐예", "려볼", "러가",
    # must use or write (써야, as 해야 and 봐야): which tool to use is not the subject
    "써야",
])


# Loanwords users spell after the English word where the knowledge uses the documentation's
# Korean term (컴퓨트 for 컴퓨팅, 디플로이 for 배포, 쿼터 for 할당량), and one of two words both say
# (끝점 and 엔드포인트, 타임아웃 and 시간 초과): each → the knowledge's word, before grams.
LOANWORDS = {
    "컴퓨트": "컴퓨팅", "디플로이먼트": "배포", "디플로이": "배포", "쿼터": "할당량", "리전": "지역", "리스타트": "재시작",
    "의존성": "종속성", "리트라이": "재시도", "시크릿": "비밀", "리스폰스": "응답", "리퀘스트": "요청", "로칼": "로컬",
    "인바이런먼트": "환경", "끝점": "엔드포인트", "타임아웃": "시간초과", "크래시": "충돌", "퍼블릭": "공개", "엑세스": "액세스",
    "아웃풋": "출력", "스코어링": "채점",
    # the everyday word beside the documentation's: access (접근, 액세스), the workspace (워크스페이스, 작업 영역)
    "접근": "액세스", "워크스페이스": "작업영역",
    # blocked (막아 놓은, 막혀 있는) in the knowledge's word
    "막아": "차단", "막혀": "차단", "막힌": "차단", "막았": "차단",
    # "keeps (failing)": the everyday 자꾸 for the knowledge's 계속; ran a job (돌렸는데) for 실행
    "자꾸": "계속", "돌렸": "실행했", "돌리": "실행하",
    # to download: the native verbs (내려받기; an image a node 받아오다, fetches) beside the loanword both the knowledge
    # and users write
    "내려받": "다운로드", "받아오": "다운로드",
    # two words the knowledge writes apart and users join
    "웹서비스": "웹 서비스", "미니배치": "미니 배치",
    # a bundle of files (파일 묶음) handed to one run() call: the knowledge's mini-batch
    "묶음": "미니 배치",
    # internal and canceled as heard (인터널, 캔슬): the knowledge's 내부 and 취소
    "인터널": "내부", "캔슬": "취소",
    # a common misspelling of 역할 (a role): 역활 (역할 할당, a role assignment)
    "역활": "역할",
    # to edit a file or fix code: the everyday verb 고치다 (고쳤는데, 고친, 고쳐서) beside the knowledge's 수정하다
    "고쳤": "수정했", "고친": "수정한", "고쳐": "수정해", "고치": "수정하",
}
JOB = "작업"
_JOB_LOANWORD = r"(?:^|(?<=배치)|(?<= ))잡(?=$|[ 이을은에의도만들가])"
"""잡 (a job) at a word's start or after 배치, before a particle: not the 잡 of 복잡 (complex) or 잡다 (to catch)."""
_LOANWORD = re.compile("|".join([*LOANWORDS, _JOB_LOANWORD]))


def _loanword(match: re.Match[str]) -> str:
    return LOANWORDS.get(match.group(0), JOB)


# Tools the knowledge writes in Latin letters and users in Hangul: the English word's features, as English
# text gives them (`kubernetes` is stemmed).
LATIN_NAMES = {"도커": "docker", "쿠버네티스": "kubernetes", "파이썬": "python", "콘다": "conda",
               # error names as heard, spelt in Hangul (리소스낫레디 for ResourceNotReady)
               "리소스낫레디": "resourcenotready", "오퍼레이션캔슬드": "operationcanceled", "오퍼레이션캔슬": "operationcanceled",
               "크래시루프백오프": "crashloopbackoff", "이미지풀백오프": "imagepullbackoff", "리소스낫파운드": "resourcenotfound",
               "아웃오브쿼터": "outofquota", "아웃오브캐파시티": "outofcapacity", "아웃오브캐패시티": "outofcapacity"}
_LATIN_FEATURES = {name: english_features(word) for name, word in LATIN_NAMES.items()}
_LATIN_NAME = re.compile("|".join(LATIN_NAMES))


def word_features(token: str) -> list[str]:
    named = [feature for name in _LATIN_NAME.findall(token) for feature in _LATIN_FEATURES[name]]
    rest = _LOANWORD.sub(_loanword, _LATIN_NAME.sub(" ", token) if named else token)
    grams = [gram for run in rest.split() for gram in char_grams(PREFIX, run, STOP_BIGRAMS)]
    return named + grams


def detect(text: str, counts: Mapping[str, int]) -> bool:
    """Two Hangul letters, or one that Han characters do not outnumber."""
    return counts["ko"] >= 2 or bool(counts["ko"] and counts["ko"] >= counts["zh"])


# What Korean pastes about Azure ML's neighbouring topics say (see app.matching.neighbours).
NEIGHBOUR_CUES = {
    "compute-cluster": NeighbourCues(
        strong=(r"컴퓨(?:팅|트) ?클러스터", r"계산 ?클러스터", r"학습 ?클러스터", r"노드(?:가|를)? ?(?:할당|선점)"),
        cues=(r"클러스터", r"저우선 ?순위|낮은 우선 ?순위|우선 ?순위가 낮은", r"선점", r"스케일 ?(?:업|다운|아웃)", r"노드",
              # not the 할당 of a role assignment (역할 할당)
              r"크기 ?조정", r"할(?<!역할 할)(?<!역할할)당(?!량)", r"전용 ?코어|코어 ?할당량", r"가상 ?머신 ?크기|vm ?크기", r"스팟"),
    ),
    "compute-instance": NeighbourCues(
        strong=(r"컴퓨(?:팅|트) ?인스턴스", r"유휴 ?(?:시 )?종료", r"자동 ?종료"),
        cues=(r"터미널", r"커널", r"주피터", r"유휴", r"시작 중|중지됨|중지 중", r"노트북 ?(?:vm|가상 ?머신)", r"설정 ?스크립트"),
    ),
    "training-job": NeighbourCues(
        strong=(r"학습 ?(?:작업|잡|스크립트|실행)|훈련 ?(?:작업|잡|스크립트|실행)", r"모델(?:을|를)? ?(?:학습|훈련)",
                r"명령 ?작업", r"스윕 ?작업", r"분산 ?학습|분산 ?훈련",
                # fine-tuning a model: the loanword is only ever that (미세 조정 alone may be of a setting)
                r"파인 ?튜닝", r"모델(?:을|를)? ?미세 ?조정"),
        cues=(r"학습", r"훈련", r"메트릭", r"에포크", r"실험", r"손실", r"정확도", r"하이퍼 ?파라미터|하이퍼 ?매개 ?변수",
              r"작업(?:이|을)? ?(?:실패|제출|대기)", r"제출", r"체크 ?포인트", r"미세 ?조정|파인 ?튜닝"),
    ),
    "environment-build": NeighbourCues(
        strong=(r"환경 ?(?:이미지|빌드)", r"큐레이팅된 ?환경", r"환경(?:을|를|이)? ?(?:만들|빌드|구성)"),
        concepts={"image-build": r"이미지 ?빌드|빌드 ?(?:로그|실패)", "environment": r"환경|콘다"},
        # a package that conflicts or is missing, as in English: the install step of a deployment's image build is its own
        cues=(r"빌드 ?컨텍스트", r"패키지 ?(?:버전 ?)?충돌|패키지를? 찾을 수 없", r"의존성|종속성", r"기본 ?이미지"),
    ),
    "automl": NeighbourCues(
        strong=(r"자동화된 ?ml ?(?:실험|작업|실행)", r"기능화", r"가드레일"),
        cues=(r"자동화된 ?ml|자동 ?ml", r"자식 ?실행", r"분류", r"회귀", r"시계열"),
    ),
    "pipelines": NeighbourCues(
        strong=(r"파이프라인 ?(?:작업|실행|단계|구성 ?요소|엔드포인트)", r"디자이너"),
        cues=(r"파이프라인", r"컴포넌트|구성 ?요소", r"단계", r"일정|스케줄"),
    ),
    "cli-install": NeighbourCues(
        strong=(r"ml ?확장", r"cli ?확장", r"확장(?:을|를)? ?(?:설치|추가|제거)"),
        # a command group, or a command the CLI does not know, as in English: not any question of which command to run
        cues=(r"확장", r"명령 ?그룹|명령어?(?:를|가|이)? ?(?:찾을 수 없|인식(?:되지|할 수 없|이 안|을 못))", r"설치",
              r"업그레이드|업데이트", r"이름이 ?바뀐|이름 ?변경",
              # the CLI's defaults (az configure --defaults): the resource group or workspace every command assumes
              r"기본 ?(?:리소스 ?그룹|작업 ?영역|워크스페이스)(?:을|를|은|는|이|가)? ?(?:[^ ]+ )?(?:설정|지정|구성)"),
    ),
    "workspace-auth": NeighbourCues(
        strong=(r"작업 ?영역(?:을|를)? ?(?:새로 ?)?(?:만들|생성)|워크스페이스(?:을|를)? ?(?:새로 ?)?(?:만들|생성)"
                r"|workspace(?:을|를)? ?(?:새로 ?)?(?:만들|생성)", r"프라이빗 ?링크", r"작업 ?영역에 ?로그인", r"다단계 ?인증"),
        cues=(r"작업 ?영역", r"워크스페이스", r"테넌트", r"구독", r"프라이빗 ?엔드포인트", r"로그인", r"인증", r"자격 ?증명(?! ?모음)",
              r"서비스 ?주체"),
    ),
    "datastores": NeighbourCues(
        strong=(r"데이터 ?저장소", r"데이터 ?자산", r"데이터 ?(?:세트|셋)(?:을|를)? ?(?:새로 ?)?등록"),
        cues=(r"데이터 ?세트|데이터셋", r"마운트", r"스토리지 ?계정|저장소 ?계정", r"계정 ?키", r"데이터 ?레이크", r"파일 ?공유",
              r"데이터(?:를|을)? ?(?:업로드|등록)"),
    ),
    # (not the Azure portal alone, 포털: where users look at any resource, not the studio's UI)
    "studio-portal": NeighbourCues(
        strong=(r"스튜디오",),
        cues=(r"브라우저|크롬", r"업로드", r"모델 ?등록", r"노트북 ?(?:화면|편집기|탭)", r"화면", r"버튼", r"클릭",
              r"페이지"),
    ),
    "prompt-flow": NeighbourCues(strong=(r"프롬프트 ?(?:플로우|흐름)",)),
    "azure-openai": NeighbourCues(
        strong=(r"토큰 ?(?:수 )?(?:분당|/분)|분당 ?토큰", r"오픈 ?ai"),
        cues=(r"프롬프트", r"채팅 ?완성", r"임베딩"),
    ),
}

# Features of a deployment that users ask about, in Korean (see `SUBJECT_TERMS` in en.py).
SUBJECT_TERMS = {
    "custom-domain": r"(?:사용자 ?지정|커스텀|자체|회사|우리|내) ?도메인|도메인 ?(?:이름|연결)",
    "tls-certificate": r"인증서",
    "traffic-mirroring": r"미러링|미러 ?트래픽|섀도 ?(?:트래픽|배포)",
    "ip-allow-list": r"허용 ?(?:목록|리스트)|허용(?:된|할)? ?ip ?(?:목록|리스트)|화이트 ?리스트|ip ?(?:제한|필터|범위|대역)|특정 ?ip",
    "scale-to-zero": r"0 ?(?:개|대)로 ?(?:줄|축소)|0으로 ?(?:줄|축소|스케일)|인스턴스 ?0 ?개|인스턴스 ?수(?:를|을|가)? ?0(?:으로|개)",
    "pricing": r"비용|요금|가격|과금|청구",
    "drift": r"드리프트",
    "model-catalog": r"모델 ?카탈로그",
    "streaming": r"스트리밍 ?(?:응답|출력|방식)|(?:응답|토큰)(?:을|를)? ?(?:\w+ )?스트리밍",  # not a log's streaming
    "rename": r"이름(?:을|를)? ?(?:[^\s]+ ){0,3}(?:변경|바꾸|바꿀|수정)",
    "migration": (r"다른 ?(?:작업 ?영역|워크스페이스|구독|workspace|테넌트)(?:으로|로) ?(?:옮기|옮길|이동|이전|복사|마이그레이션)"
                  # a region only with what is moved: "다른 지역으로 옮길지" is also where a capacity error's deployment goes
                  r"|(?:엔드포인트|배포)(?:를|을)? ?다른 ?(?:지역|리전)(?:으로|로) ?(?:옮기|옮길|이동|이전|마이그레이션)"),
    "multi-model": (r"여러 ?(?:개의? )?모델(?:을|를)? ?(?:하나의?|한|같은) ?(?:\w+ )?(?:배포|엔드포인트|컨테이너)"
                    r"|(?:하나의?|한|같은) ?(?:배포|엔드포인트|컨테이너)\S* ?여러 ?(?:개의? )?모델"),
    "rollback": r"롤백",
    "notifications": r"알림",
    "responsible-ai": r"책임 ?(?:있는|감 ?있는) ?ai|rai ?대시보드",
    # switching on model data collection (asked how: not an entry's "데이터 수집 켜면", the permission it needs once on),
    # or collecting a deployment's inputs and outputs
    "data-collection-setup": (r"데이터 ?수집(?:을|를)? ?(?:켜려면|켜는|활성화하려면|활성화하는|설정하려면|설정하는|구성하려면|구성하는)"
                              r"|(?:입력|요청)값?(?:과|와|이랑|하고)? ?(?:모델 ?)?(?:출력|응답)값?(?:을|를)? ?(?:\S+ ){0,2}(?:수집|저장|기록|로깅)"),
    "mlflow-flavors": r"(?:mlflow|모델) ?(?:flavou?rs?|플레이버|플래이버)",
    # an MLflow model's signature named in Latin letters inside a Korean question, a particle glued to it
    "model-signature": r"시그니처|(?:모델|mlflow) ?서명|(?<![a-z])signature ?(?:가|를|이|을|는|도|정보)(?![a-z])",
    # how a deployment is watched: its latency and request-count metrics on a dashboard or in an alert
    "latency-metrics": (r"(?:지연 ?시간|응답 ?시간|요청 ?수|호출 ?수|처리량) ?(?:메트릭|지표)"
                        r"|(?:지연|응답) ?시간(?:이나|나|과|와|이랑|랑|하고|,| 및) ?(?:요청|호출) ?(?:수|횟수|건수)"
                        r"|(?:요청|호출) ?(?:수|횟수|건수)(?:나|이나|와|과|랑|이랑|하고|,| 및) ?(?:지연|응답) ?시간"),
    # scaling a deployment's instance count by a metric: the rules of Azure Monitor's autoscale, not AKS's own autoscaler
    "metric-autoscale": (r"(?:cpu|메모리|gpu) ?(?:사용률|사용량|이용률|부하)(?:을|를|에)? ?(?:기준|기반|따라)"
                         r"|자동 ?(?:크기 ?조정|스케일\S*) ?규칙|오토 ?스케일\S* ?규칙"
                         r"|인스턴스 ?수(?:를|을|가)? ?자동(?:으로)? ?(?:늘|줄|조정)"
                         r"|(?:관리형|온라인) ?(?:엔드포인트|배포)\S* ?(?:\S+ )?자동 ?(?:크기 ?조정|스케일)"),
    # which VM sizes a deployment may use, and how many instances at most: limits to look up, not a failure
    "supported-sizes": (r"지원(?:되는|하는|가능한) ?(?:gpu ?)?(?:vm|인스턴스|가상 ?머신|sku)(?: ?(?:크기|타입|유형|종류))?"
                        r"|(?:vm|인스턴스|가상 ?머신|sku) ?(?:크기|타입|유형|종류) ?(?:목록|리스트)"),
    "instance-limits": (r"(?:인스턴스|instance_count)(?: ?수| ?개수)?(?:의)? ?(?:최대|최댓값|최대값|상한)"
                        r"|최대 ?(?:몇 ?개|인스턴스 ?수|instance_count)|(?:인스턴스|instance_count)(?:를|을)? ?몇 ?개까지"),
    # the Azure ML extension a Kubernetes (Arc) cluster needs before it can host deployments: installing it, not deploying
    "cluster-extension": r"(?:클러스터|arc|aks|쿠버네티스)\S* ?(?:azure ?ml ?|ml ?)?확장(?:을|를)? ?(?:설치|배포|추가)",
    # the other Azure services and platform parts of `SUBJECT_TERMS` in en.py, in Hangul
    "app-insights": r"(?:애플리케이션|어플리케이션|앱) ?인사이트",
    "triton": r"트리톤",
    "front-door": r"프[런론]트 ?도어|웹 ?(?:애플리케이션|앱) ?방화벽",
    # not the green deployment of one traffic split ("green 배포만 테스트"): the way of rolling out itself
    "staged-rollout": (r"블루[- /]?그린|카나리(?:아)? ?(?:배포|릴리스|방식)|a/b ?테스트"
                       r"|(?:점진적|단계적)(?:인|으로)? ?(?:배포|롤아웃|트래픽 ?(?:전환|이동))"),
    # running an endpoint's job at set times (a batch job that failed overnight is not about its schedule)
    "schedule": (r"(?:일정|스케줄|예약)(?:에 따라|대로|으로|를 ?걸어|을 ?걸어) ?(?:\S+ )?(?:실행|호출|돌리|돌려)"
                 r"|(?:정기적|주기적)으로 ?(?:\S+ )?(?:실행|호출|돌리|돌려)|크론"),
    # Azure Monitor's charts and logs of an endpoint: watching it, not fixing it
    "monitoring-setup": r"애저 ?모니터|메트릭 ?탐색기|로그 ?분석 ?(?:작업 ?영역|워크스페이스)|진단 ?설정",
    "feature-store": r"(?:기능|피처|특성) ?(?:저장소|스토어)",
    "data-labeling": r"데이터 ?(?:레이블링|라벨링|레이블 ?지정)|(?:레이블링|라벨링) ?(?:프로젝트|작업|도구)",
    "spark": r"(?:서버리스|시냅스|synapse) ?(?:spark|스파크)|(?:spark|스파크) ?(?:풀|작업|잡|클러스터|컴퓨팅|세션)",
    "soft-delete": (r"(?:일시|소프트) ?삭제"
                    r"|삭제(?:된|한|했던) ?(?:작업 ?영역|워크스페이스|엔드포인트|모델)\S* ?(?:\S+ )?(?:복구|복원|되살리)"),
    "image-scanning": r"취약(?:점|성)|보안 ?(?:검사|스캔)|cve",
    "spot-capacity": r"스팟 ?(?:vm|인스턴스|노드|가상 ?머신|용량|가격)|(?:저|낮은) ?우선 ?순위 ?(?:vm|노드|인스턴스|가상 ?머신|컴퓨팅)",
    "ml-registry": r"(?:azure ?ml|azureml|머신 ?러닝|기계 ?학습|공유|중앙|조직) ?(?:모델 ?)?레지스트리(?! ?자격)",
    # tags on an endpoint or a deployment, not an image's tag
    "resource-tags": (r"(?:엔드포인트|배포)(?:에|의)? ?태그(?:를|을)? ?(?:\S+ )?(?:달|붙|추가|지정|설정|넣)"
                      r"|태그(?:를|을)? ?(?:\S+ )?(?:엔드포인트|배포)에 ?(?:\S+ )?(?:달|붙|추가|지정|설정|넣)"),
}

# Words of the covered knowledge's stage in Korean: deploying and scoring.
DEPLOYMENT_CUES = (
    r"컨(?<!blob 컨)(?<!blob컨)(?<!스토리지 컨)테이너(?! ?레지스트리)", r"엔(?<!프라이빗 엔)드포인트", r"배포", r"웹 ?서비스", r"추론", r"배치|일괄 ?처리",
    r"스코어링|점수 ?매기기", r"서빙",
    # the English name of the product before a Korean word for its job ("batch 작업이 실패"): a batch endpoint's job
    r"batch ?(?:작업|잡|엔드포인트|배포|추론|스코어링)",
)


LANGUAGE = Language(
    code="ko",
    script="hangul",
    prefix=PREFIX,
    token=r"[\uac00-\ud7a3]+",
    word_features=word_features,
    spaced=False,
    letters=r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]",
    detect=detect,
    status_before=r"상태\s?코드|상태|코드|응답|오류|에러",
    count_words=r"개|건|줄|행|초|분|번째|번|장|시간",
    status_joiners=r"와|과|및|또는|이나|나",
    status_after=r"(?:모델|서버|내부) ?(?:오류|에러)|에러|오류|응답|코드|상태|이|가|을|를|은|는|떠|뜨|나와|나요|나옵|반환|발생",
    family_words={
        "managed-online-endpoints": r"관리형|온라인 ?(?:엔드포인트|배포|endpoint|deployment)",
        "batch-endpoints": r"배치|일괄 처리|일괄처리",
        "docker-aci-aks": r"웹 ?서비스",
    },
    error_words=r"오류|에러|실패",
    informative_words=r"오류|에러|실패",
    # 어떻게 해결 / 해결 방법 / 어떻게 해야 하나요 ask for the fix of a failure, not how to do something
    how_to_words=r"어떻게(?! ?(?:해결|고치|고쳐|해야|하죠|하나요|해요))|(?<!해결 )(?<!해결)방법|하려면",
    where_words=r"어디|어느 ?(?:파일|폴더|로그)",
    small_talk_words=(r"^\W*(?:안녕|감사|고마워|좋은 아침|이름이 ?뭐)|점심|저녁 뭐|주말 잘|날씨"
                      r"|(?:너|넌|당신)(?:의|은|는)? ?(?:이름|누구|뭘 할 수)|너 ?누구"),  # the assistant itself
    other_products=r"워드|파워포인트|카카오|네이버 ?클라우드|깃허브 ?액션|젠킨스|슬랙",
    # docker-compose, SageMaker, Databricks, Vertex and a self-hosted MLflow server in Hangul; "not Azure ML"
    other_serving=(r"도커 ?컴포즈|세이지 ?메이커|데이터 ?브릭스|버텍스 ?ai|자체 ?호스팅\S* mlflow|mlflow ?(?:추적 ?)?서버"
                   r"|스튜디오 ?\(?클래식|클래식 ?스튜디오"
                   r"|(?:azure ?ml|애저 ?ml|azureml|애저 머신 ?러닝)\S* (?:아닌|아니라|아니고|아닙니다|아니에요|없이"
                   r"|안 쓰|쓰지 않|사용하지 않|거치지 않)"),
    azure_ml_words=r"애저 ?ml|애저 머신 ?러닝|머신 ?러닝 (?:작업 ?영역|워크스페이스|스튜디오)|온라인 엔드포인트|배치 엔드포인트|관리형 (?:온라인 )?엔드포인트",
    client_apps=r"엑셀|파워 ?bi|리액트|안드로이드|아이폰",
    neighbour_cues=NEIGHBOUR_CUES,
    deployment_cues=DEPLOYMENT_CUES,
    subject_terms=SUBJECT_TERMS,
)
