"""Chinese, and the Han script.

Chinese is written without spaces between words, so text is compared by character bigrams
(and single characters at a discount); the bigrams of everyday question words are stop words.
"""
from __future__ import annotations

import re
from collections.abc import Mapping

from app.matching.languages.base import Language, NeighbourCues, char_grams
from app.matching.languages.en import word_features as english_features

PREFIX = "h"

# Question words and function words of everyday Chinese: as bigrams they would tie any
# two chatty sentences together.
STOP_BIGRAMS = frozenset([
    "什么", "怎么", "为什", "么样", "我的", "一个", "这个", "那个", "可以", "是不", "不是", "时候", "一下", "一直", "还是", "但是", "如果",
    "需要", "应该", "怎样", "如何", "我们", "你们", "他们", "已经", "就是", "这样", "那样", "没有", "有没", "了吗", "的时", "是什", "要怎",
    "该怎", "请问", "一些", "为啥", "多少", "多久",
    # how the user feels about what happened (it seems, it looks like, in fact), not what happened
    "好像", "看起", "感觉", "其实", "到底", "是说",
    # asking for help and chat around the problem (but, over there, could it be related, last week): not what failed
    "可是", "帮我", "那边", "这边", "会不", "有关", "么做", "么原", "么让", "上周", "昨天", "今天", "刚才",
    # how often and how soon, as 一直 (always, after a moment): not what failed
    "老是", "总是", "一会", "会儿",
])


# Chinese typos are homophones the input method offered first (bù shǔ: 部属 for 部署): each common
# slip of the area's words → the word meant, read before the text is cut into grams; so are everyday words.
TYPOS = {
    "部属": "部署", "部暑": "部署", "终节点": "终结点", "配制": "配置", "登陆": "登录", "镜象": "镜像", "依懒": "依赖",
    "报措": "报错", "日制": "日志",
    # more of the area's words and their first-offered homophones: a step, to troubleshoot, an image, a permission,
    # a path, memory, to debug, to call, a request, a response, a model, to register, a quota, a resource, a
    # subscription, to fail, an error, to install, to start, to build, a version, a key, a crash, to access
    "步揍": "步骤", "步奏": "步骤", "排察": "排查", "拍查": "排查", "布署": "部署", "镜相": "镜像", "权线": "权限", "权现": "权限",
    "路劲": "路径", "内纯": "内存", "调式": "调试", "掉用": "调用", "请球": "请求", "响因": "响应", "模形": "模型", "注侧": "注册",
    "陪额": "配额", "资原": "资源", "定阅": "订阅", "失贩": "失败", "错物": "错误", "按装": "安装", "起动": "启动", "购建": "构建",
    "板本": "版本", "密匙": "密钥", "崩馈": "崩溃", "崩愦": "崩溃", "方问": "访问", "终截点": "终结点", "环竟": "环境", "登路": "登录",
}
"""The slips that are typos (a homophone offered first), not words of their own: the encoder reads the word meant
(`mend`), as it reads a spaced script's misspelt word corrected."""
_TYPO = re.compile("|".join(TYPOS))
IME_SLIPS = {
    **TYPOS, "超限制": "超出限制",
    # everyday words of the area for the documentation's terms (在线 for 联机, 额度 for 配额, 仓库 for 注册表)
    "在线": "联机", "额度": "配额", "鉴权": "身份验证", "秘钥": "密钥", "硬盘": "磁盘", "地域": "区域", "私有": "专用",
    "挂掉": "崩溃", "挂了": "崩溃", "崩了": "崩溃", "炸了": "崩溃", "卡死": "卡住", "退出": "终止", "打分": "评分", "重新启动": "重启", "镜像仓库": "注册表", "仓库": "注册表",
    "批量": "批处理", "拿到": "收到",
    # building an image and putting a model into service, as developers say it (打镜像, 做镜像; 上线)
    "打镜像": "构建镜像", "做镜像": "构建镜像", "上线": "部署",
    # one thing, two renderings both in use: an image (the documentation's 映像, everyday 镜像), to configure (设置,
    # 配置), authentication, a credential, a managed identity, a probe
    "映像": "镜像", "设置": "配置", "认证": "身份验证", "凭证": "凭据", "托管身份": "托管标识", "探针": "探测",
    # a yes-no question asked as "A not A" (can it or not): its 不能 or 不会 says no failure, 能否 and 是否 ask
    "能不能": "能否", "可不可以": "可否", "会不会": "是否", "要不要": "是否要",
}
_SLIP = re.compile("|".join(IME_SLIPS))
_LONE_CRASH = re.compile("崩(?!溃)")
"""崩 said alone (老是崩, 又崩, 一直崩), the everyday verb of a crash: the knowledge's 崩溃, read after the slips
(崩了 is one already)."""


def mend(text: str) -> str:
    """The text with its Chinese typos (`TYPOS`) replaced by the words meant."""
    return _TYPO.sub(lambda match: TYPOS[match.group(0)], text)


# Tools the knowledge writes in Latin letters and users in Han characters: the English word's features.
LATIN_NAMES = {"命令行": "cli",
               # gunicorn's worker process and its process id, as Chinese names them (工作进程, 进程号 for a pid)
               "工作进程": "worker", "进程号": "pid"}
_LATIN_FEATURES = {name: english_features(word) for name, word in LATIN_NAMES.items()}
_LATIN_NAME = re.compile("|".join(LATIN_NAMES))


def word_features(token: str) -> list[str]:
    named = [feature for name in _LATIN_NAME.findall(token) for feature in _LATIN_FEATURES[name]]
    read = _LONE_CRASH.sub("崩溃", _SLIP.sub(lambda match: IME_SLIPS[match.group(0)], token))
    if not named:
        return char_grams(PREFIX, read, STOP_BIGRAMS)
    return named + [gram for run in _LATIN_NAME.sub(" ", read).split() for gram in char_grams(PREFIX, run, STOP_BIGRAMS)]


def detect(text: str, counts: Mapping[str, int]) -> bool:
    """Two Han characters, or one in a paste without Cyrillic (Korean is asked first)."""
    return counts["zh"] >= 2 or bool(counts["zh"] and not counts["ru"])


# What Chinese pastes about Azure ML's neighbouring topics say (see app.matching.neighbours).
NEIGHBOUR_CUES = {
    "compute-cluster": NeighbourCues(
        strong=(r"计算群集|计算集群", r"训练群集|训练集群", r"节点(?:被)?抢占"),
        # not the 节点 of a mistyped 终节点 (终结点, an endpoint) nor the 分配 of a role assignment (角色分配)
        cues=(r"群集|集群", r"低优先级", r"抢占", r"节(?<!终节)点", r"缩放|扩容|缩容|纵向扩展|横向扩展", r"调整大小", r"分(?<!角色分)配",
              r"专用核心|核心配额", r"虚拟机大小|虚拟机系列", r"现成|竞价"),
    ),
    "compute-instance": NeighbourCues(
        strong=(r"计算实例", r"空闲关闭", r"自动关机|自动关闭"),
        cues=(r"终端", r"内核", r"空闲", r"正在启动|停止计划|启动计划", r"笔记本(?!电脑)", r"设置脚本"),
    ),
    "training-job": NeighbourCues(
        strong=(r"训练(?:作业|任务|脚本|运行)", r"命令作业", r"扫描作业", r"分布式训练", r"模型训练",
                # fine-tuning a model (微调 alone also means nudging a setting: "微调一下超时")
                r"模型(?:的|做|进行)?微调|微调(?:一个|一下)?(?:大?模型|llm|作业|任务)", r"llm ?微调|大语言模型微调"),
        cues=(r"训练", r"指标", r"超参数", r"实验", r"轮次", r"损失", r"准确率|精度", r"作业(?:失败|提交|排队)",
              r"提交", r"检查点", r"微调"),
    ),
    "environment-build": NeighbourCues(
        strong=(r"训练环境", r"环境的?(?:映像|镜像)", r"环境(?:生成|构建)", r"特选环境|策划环境"),
        concepts={"image-build": r"映像生成|镜像生成|映像构建|镜像构建|构建日志|构建失败", "environment": r"环境"},
        cues=(r"构建上下文", r"依赖项?", r"包冲突|安装包",
              r"基础(?:映像|镜像)"),
    ),
    "automl": NeighbourCues(
        strong=(r"自动化机器学习(?:作业|实验|运行)", r"特征化"),
        cues=(r"自动化机器学习|自动化 ?ml|自动 ?ml", r"子运行", r"时间序列", r"分类", r"回归", r"迭代"),
    ),
    "pipelines": NeighbourCues(
        strong=(r"管道(?:作业|运行|步骤|组件|终结点)", r"设计器", r"流水线(?:作业|运行|步骤)"),
        cues=(r"管道|流水线", r"组件", r"步骤", r"调度"),
    ),
    "cli-install": NeighbourCues(
        strong=(r"ml ?扩展", r"cli ?扩展", r"扩展(?:安装|添加|删除)|安装扩展|添加扩展|删除扩展"),
        # a command group, or a command the CLI does not know, as in English: not any question of which command to run
        cues=(r"扩展", r"命令组|命令模块|命令(?:无法识别|不能识别|未被识别|未识别|找不到|不存在)|不是有效的?命令", r"安装", r"升级",
              r"重命名|改名",
              # the CLI's defaults (az configure --defaults): the resource group or workspace every command assumes
              r"默认的?(?:资源组|工作区)"),
    ),
    "workspace-auth": NeighbourCues(
        strong=(r"创建(?:机器学习)?工作区|新建(?:机器学习)?工作区|工作区创建|创建 ?workspace|新建 ?workspace", r"专用链接", r"登录(?:到)?工作区", r"多重身份验证"),
        cues=(r"工作区", r"租户", r"订阅", r"专用终结点", r"登录", r"身份验证|认证", r"凭据", r"服务主体"),
    ),
    "datastores": NeighbourCues(
        strong=(r"数据存储", r"数据资产", r"注册数据集|数据集注册"),
        cues=(r"数据集", r"挂载", r"存储帐户|存储账户", r"凭据", r"数据湖", r"文件共享", r"上传数据|注册数据(?!资产)"),
    ),
    # (not the Azure portal alone: where users look at any resource, "the subscription is there in the portal",
    # not the studio's UI)
    "studio-portal": NeighbourCues(
        strong=(r"机器学习工作室|工作室(?:ui|界面|中|里)", r"ml 工作室"),
        cues=(r"浏览器", r"上传", r"注册模型|注册了模型|模型注册", r"笔记本(?:界面|页面|编辑器)", r"转圈", r"页面", r"界面",
              r"按钮", r"点击"),
    ),
    "prompt-flow": NeighbourCues(strong=(r"提示流",)),
    "azure-openai": NeighbourCues(
        strong=(r"每分钟令牌", r"聊天补全|聊天完成"),
        cues=(r"提示词", r"补全", r"嵌入"),
    ),
}

# Features of a deployment that users ask about, in Chinese (see `SUBJECT_TERMS` in en.py). 镜像 alone is an
# image; mirrored traffic is 流量镜像 or 镜像 of a share of the traffic.
SUBJECT_TERMS = {
    "custom-domain": r"自定义域名?|自有域名|自己的域名|域名",
    "tls-certificate": r"证书",
    "traffic-mirroring": r"流量镜像|镜像流量|镜像(?:一部分|部分|\d+ ?%)|影子(?:部署|流量)",
    "ip-allow-list": r"白名单|允许列表|ip ?(?:限制|过滤|范围|地址段)|(?:特定|指定|某些)的? ?ip",
    "scale-to-zero": r"(?:缩容|缩减|缩放|缩|降)到 ?(?:0|零)|(?<![\d.])(?:0|零) ?个实例|实例数(?:设为|设置为|设成|调到|改成|降到) ?(?:0|零)(?![\d.])",
    "pricing": r"费用|价格|计费|收费|多少钱|账单",
    "drift": r"漂移",
    "model-catalog": r"模型目录",
    "streaming": r"流式(?:返回|响应|推理)|(?:支持|能|可以|实现)流式",  # not a log's 流式输出
    "rename": r"重命名|改名",
    "migration": r"(?:迁移|移动|移|复制|搬)到(?:另一个|其他|别的|另外的?|新的?)(?:工作区|订阅|租户|workspace|区域|地域)",
    # (or named in Latin letters inside a Chinese question)
    "model-signature": (r"(?:模型|mlflow) ?签名|签名(?:信息)?(?:schema|架构)"
                        r"|(?:添加|定义|指定|需要|没有|缺少|加上?) ?signature|signature ?(?:怎么|信息|要|该)"),
    "multi-model": r"多个模型(?:部署)?(?:到|在|放在)?(?:同一个|一个)(?:部署|终结点|容器)|多模型部署",
    "rollback": r"回滚",
    "notifications": r"告警|邮件通知|短信通知",
    "responsible-ai": r"负责任(?:的)? ?ai|rai ?仪表板",
    # switching on model data collection (asked how, or named as the feature: not an entry's "启用模型数据收集需要",
    # the permission it needs once on), or collecting a deployment's inputs and outputs
    "data-collection-setup": (r"(?:如何|怎么|怎样|想要?|需要)(?:开启|启用|打开|配置|设置)(?:模型的?)?数据收集|数据收集(?:功能|器)"
                              r"|(?:收集|采集|保存|记录)(?:模型的?|部署的?|线上的?|在线的?)?(?:输入和输出|输入输出|请求和响应|请求与响应|推理数据)"),
    "mlflow-flavors": r"(?:mlflow|模型|哪些|哪种|什么)(?:的)? ?(?:flavou?rs?|风味)",
    # how a deployment is watched: its latency and request-count metrics on a dashboard or in an alert
    "latency-metrics": (r"(?:延迟|延时|响应时间|请求数|请求量|调用量|调用次数|吞吐量)的? ?(?:指标|仪表板|图表)"
                        r"|(?:延迟|延时|响应时间)(?:和|与|、|以及)(?:请求数|请求量|调用量|调用次数)"),
    # scaling a deployment's instance count by a metric: the rules of Azure Monitor's autoscale, not AKS's own autoscaler
    "metric-autoscale": (r"(?:基于|根据|按照?) ?(?:cpu|内存|gpu) ?(?:使用率|利用率|负载|占用)|自动(?:缩放|扩缩容?|伸缩|扩展)规则"
                         r"|实例数量?自动(?:增减|扩缩|调整|增加|减少)"
                         r"|(?:托管|在线|联机)(?:终结点|端点|部署)[^，。？！,.?!\n]{0,6}自动(?:缩放|扩缩容?|伸缩|扩展)"),
    # which VM sizes a deployment may use, and how many instances at most: limits to look up, not a failure
    "supported-sizes": (r"支持(?:哪些|的) ?(?:gpu ?)?(?:虚拟机|vm|实例|sku) ?(?:大小|类型|规格|型号)?"
                        r"|(?:虚拟机|vm|实例)(?:大小|类型|规格)(?:列表|清单)"),
    "instance-limits": (r"(?:instance_count|实例数量?)(?:的)? ?(?:最大|上限)|实例数?上限|实例(?:数量?)?最多"
                        r"|最多(?:能|可以)?(?:设置|配置|开|用)?(?:几个|多少个?)实例"),
    # the Azure ML extension a Kubernetes (Arc) cluster needs before it can host deployments: installing it, not deploying
    "cluster-extension": r"(?:集群|群集|arc|aks|kubernetes|k8s) ?上?(?:安装|部署|添加) ?(?:azure ?ml ?|ml ?)?扩展",
    # the other Azure services and platform parts of `SUBJECT_TERMS` in en.py, in Han
    "app-insights": r"应用(?:程序)?(?:见解|洞察)",
    "front-door": r"web ?应用(?:程序)?防火墙",
    "staged-rollout": (r"蓝绿|金丝雀|灰度(?:发布|部署|上线)|a/b ?测试"
                       r"|(?:逐步|渐进式?|分阶段)(?:地)?(?:发布|上线|切换流量|迁移流量|切流量)"),
    # running an endpoint's job at set times (a batch job that failed overnight is not about its schedule)
    "schedule": r"(?:定时|按计划|按时|定期|周期性地?)(?:地)?(?:调用|运行|触发|执行|跑)|计划触发|cron",
    # Azure Monitor's charts and logs of an endpoint: watching it, not fixing it
    "monitoring-setup": r"azure ?监视器|指标资源管理器|日志分析工作区|诊断设置",
    "feature-store": r"特征(?:存储|商店|库)",
    "data-labeling": r"数据(?:标注|标记)|(?:标注|标记)(?:项目|工具|任务)",
    "spark": r"(?:无服务器|synapse) ?spark|spark ?(?:池|作业|集群|计算|会话)",
    "soft-delete": r"软删除|(?:恢复|找回|还原)(?:已|被)?删除(?:了)?的?(?:工作区|终结点|端点|模型)",
    "image-scanning": r"漏洞|安全扫描|cve",
    "spot-capacity": r"(?:低优先级|竞价|现成|spot) ?(?:虚拟机|vm|节点|实例)",
    "ml-registry": r"(?:azure ?ml|azureml|机器学习|共享|中央|组织)的? ?(?:模型)?注册表",
    # tags on an endpoint or a deployment, not an image's tag
    "resource-tags": r"给(?:终结点|端点|部署)(?:添加|加上?|打上?|设置)(?:标记|标签)|(?:终结点|端点|部署)(?:上)?(?:添加|加上?|打上?)(?:标记|标签)",
}

# Words of the covered knowledge's stage in Chinese: deploying and scoring.
DEPLOYMENT_CUES = (
    r"容(?<!blob 容)(?<!blob容)(?<!存储容)器(?!注册)", r"终(?<!专用终)[结节]点|端(?<!专用端)点|联机", r"部署|部属", r"web ?服务", r"推理", r"批处理|批量", r"评分",
    # the English name of the product before a Chinese word for its job ("batch 作业失败"): a batch endpoint's job
    r"batch ?(?:作业|任务|推理|评分|终结点|端点|部署|作业的)",
)


LANGUAGE = Language(
    code="zh",
    script="han",
    prefix=PREFIX,
    token=r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+",
    word_features=word_features,
    spaced=False,
    letters=r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]",
    detect=detect,
    mend=mend,
    status_before=r"状态码|狀態碼|状态|返回(?:了)?|报(?:错)?|报了|出现|错误码?|錯誤|响应码?|[收得]到了?|提示|[遇碰]到了?",
    status_after=r"(?:模型|服务器|内部) ?(?:错误|錯誤)|错误|錯誤|报错|状态码|响应|了",
    count_words=r"条|个|行|次|张|份|秒|毫秒|分钟|小时|多|个?文件|个?节点|个?实例",
    status_joiners=r"和|或|或者|与|及",
    family_words={
        "managed-online-endpoints": r"托管|(?:联机|在线) ?(?:终结点|端点|部署|endpoint|deployment)",
        "batch-endpoints": r"批处理|批量",
        "docker-aci-aks": r"web ?服务",
    },
    error_words=r"错误|失败|报错|异常",
    informative_words=r"错误|失败|报错",
    # 怎么办 (what do I do), 怎么回事 (what happened), 如何解决 (how to fix), 怎么排查 (how to track the fault down):
    # a failure's question, not a how-to
    how_to_words=r"怎么(?!办|回事|了|解决|修复|处理|排查)|如何(?!解决|修复|处理|排查)|怎样(?!解决|修复|处理|排查)",
    where_words=r"哪里|哪儿|在哪|哪个(?:文件|目录|日志)",
    small_talk_words=r"^\W*(?:你好|您好|谢谢|早上好|晚上好)|在吗|天气|吃饭|周末|你(?:是谁|叫什么|的名字)|^\W*你能做什么\W*$|你是(?:机器人|真人)",
    other_products=r"微信|钉钉|飞书|阿里云|腾讯云|华为云|百度智能云",
    # a self-built MLflow server, Amazon's and Google's clouds, Studio (classic) in Han; "not Azure ML"
    other_serving=(r"(?:自建|自托管|自己搭建?)的? ?mlflow|mlflow ?(?:跟踪|追踪)?服务器|亚马逊|谷歌云|经典版? ?(?:工作室|studio)"
                   r"|studio ?[(（]?经典|(?:不是|并非|没有?用|不用|不通过|没有通过)(?:的)? ?(?:azure ?ml|azureml|azure ?机器学习)"),
    azure_ml_words=r"azure ?机器学习|机器学习工作区|(?:在线|联机|批处理|批量|托管)(?:的)?终结点|(?:在线|联机|批处理|批量)端点",
    client_apps=r"安卓|苹果手机|小程序",
    neighbour_cues=NEIGHBOUR_CUES,
    deployment_cues=DEPLOYMENT_CUES,
    subject_terms=SUBJECT_TERMS,
)
