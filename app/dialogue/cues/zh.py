"""Chinese cue words (the sentence-final 呢 of "what about ...?" included)."""

REFERENCE = r"它|这个|那个|这里|那里|同样|一样|还有|其他|别的|呢\W*$|那么|也是|的话"
FAMILY_SWITCH = r"呢\W*$|的话|也一样|同样|换成|如果是|上也"
FEEDBACK = (r"没用|没有用|不管用|没帮助|没有帮助|没帮上|不行|还是(?:不行|失败|报错|一样|崩)|仍然|依然|没解决|"
            r"没有解决|不是这个|不对|还有(?:什么|别的|其他)(?:办法|方法)|其他办法|别的办法|试过了|没有效果|没效果|无效|不起作用|没起作用|"
            r"(?:同样|一样)的(?:错误|问题|报错)|还是报|(?:试|改|加|做|设|配|重启|部署|更新|调|换|按|照|删|装|升级|打开|关|给)\S{0,8}(?:了|过)[，,]?\s*(?:还是|却|(?:但是?|可是)(?=[^。？?]{0,20}?(?:不|没|失败|报错|错|超时|挂|崩|一样|老样子|error|fail)))|仍|依旧|照样|没变化|没有变化|无济于事|不是我要的|不是我想要|答非所问|不相关|无关|(?<![发打写输选点])错了|不正确|"
            r"还是(?:会|有|出现|那个|这样|不|没)|又(?:报|失败|崩|出现|挂)|没什么用|帮不上|不好使|没效|换个(?:办法|方法|答案)|"
            r"也不行|都不行|做过了|试过|不是这个问题|没关系|不是问这个|不是我的问题|没什么帮助|不太对|"
            r"(?:找不到|没有|看不到)你说的|你说的[^，。？?]{0,10}(?:不|没)|试了(?:也|还|都)|没有改善|毫无|问题(?:还在|依然|仍然|还是(?:没|不|一样|存在|在))|还是(?:这个|那个|同样|一样的)(?:错|报错|问题|情况)|也(?:失败|报错|挂|崩)|"
            # outcomes in other words: nothing changed, the same as before, it did not take
            r"没(?:有)?(?:任何|啥|什么)?(?:变化|改变|区别|效果|作用|改善|起色|反应|好转)|老样子|没变|不灵|没啥用|白(?:搞|弄|试|忙)|"
            r"(?:有|还有)?(?:其他|别的|其它)(?:的)?(?:方案|办法|方法|思路|原因|可能)|还(?:是)?那样|照旧|(?:不|没)(?:起|见)效|没好|还没好|一样(?:的)?(?:问题|错误|报错|结果)?\W*$|一模一样|"
            r"(?:改|试|重启|重新部署|加|调|换|设置|配置)了?(?:之后|以后)?(?:也|还|依然|仍然|照样)|(?:又|再次)(?:出现|报|失败|崩|挂|超时)|"
            r"(?:之后|以后|了|但|可|却)(?:还是|仍然|依然|照样|也还是)(?:\S{0,4})?(?:超时|报错|失败|崩|挂|错|不|没|一样|老样子|那样)")
FEEDBACK += r"|(?:加|改|试|设|配|重启|部署|更新|调|换|按|照|删|装|升级|打开|关|给|用)[^。？?!！，,]{0,12}?(?:了|过)[^。？?!！]{0,24}?(?:还是|仍然|依然|照样|又)"
"""Did something, then still the same, with the user's words between ("加了 X 还是 502")."""
VERDICT = r"没用|没有用|不管用|没帮助|没有帮助|没帮上|答非所问|不是这个"
"""A verdict on the answer itself ("that didn't help"), not an outcome ("still failing"): said even beside a code."""
FEEDBACK_UNASKED = (r"(?:日志|输出)(?:里|中)?(?:什么都没有|啥都没有|是空的|为空)|(?:找不到|没找到|看不到|没看到)(?:这个|那个|你说的|该)|"
                    r"没有(?:这个|那个|你说的)(?:选项|设置|参数|命令|按钮|菜单)|不可能是|不是\S{0,6}的问题|"
                    r"^(?=.*(?:还是|仍|依然|又|一样|照样|还在))(?=.*(?:不|没))|"
                    r"已经(?!好|解决|可以|正常|成功|搞定|能用|跑通|存在|有了|被占用)(?:\S{0,6})?(?:了|过)|早(?:就)?(?:\S{0,4})?(?:了|过)|"
                    r"(?:配额|额度|内存|磁盘|容量|权限|角色)\S{0,2}(?:够|足够|充足|没问题|有的)|"
                    r"已经是|已经(?:设置|配置|分配|给|开)|(?:看过|读过|查过|检查过|确认过|做过|弄过)|"
                    r"^\W*(?:不是|并不是|不对|没有|没)\W*$|^\W*(?:可惜|遗憾)|"
                    # what the answer points at is not there ("没有这些文件")
                    r"没有(?:这些|那些|这个|那个|这样的|那样的|你说的)(?:文件|目录|文件夹|日志|选项|菜单|标签|字段|路径)|"
                    r"(?:按钮|选项|菜单|设置项|标签页)(?:根本)?(?:不存在|没有|找不到)|(?:页面|界面)(?:上)?(?:跟|和)(?:你说的|文档)不一样|"
                    r"返回(?:的)?(?:是)?(?:空|为空|空字符串|啥都没有|什么都没有)|(?:结果|输出|日志)(?:是)?空的|"
                    r"(?:这些|那些|这个|那个)(?:文件|目录|文件夹|日志|选项|路径)(?:都|也|根本)?(?:没有|不存在|找不到|看不到)|一个都没有")
UNTRIED = r"还没(?:试|做|弄|检查|来得及)|没(?:来得及|顾上)|我(?:先|再)?(?:试试|试一下|去试)"
"""Not tried yet ("还没试，我先试试"): no verdict on the answer."""
""""That didn't help" only in a message that asks nothing ("已经检查过了")."""
LANGUAGE_REQUESTS = {
    "zh": r"(?:用|换成|改成|翻译成|译成|说)(?:中文|汉语)|中文(?:的)?(?:版|回答|回复)|^\W*中文\W*$",
    "en": r"(?:用|换成|改成|翻译成|译成|说)(?:英文|英语)|(?:英文|英语)(?:的)?(?:版|回答|回复)|^\W*英文\W*$",
    "ko": r"(?:用|换成|改成|翻译成|译成|说)(?:韩语|韩文)|(?:韩语|韩文)(?:的)?(?:版|回答|回复)|^\W*韩语\W*$",
    "ru": r"(?:用|换成|改成|翻译成|译成|说)(?:俄语|俄文)|(?:俄语|俄文)(?:的)?(?:版|回答|回复)|^\W*俄语\W*$",
}
LANGUAGE_NAMES = {"en": r"英文|英语", "ko": r"韩语|韩文|韩国(?:语|话)|朝鲜语", "zh": r"中文|汉语|普通话|华语", "ru": r"俄语|俄文|俄罗斯(?:语|话)"}
GREETING = r"^\W*(?:你好|您好|嗨|哈喽|哈啰|早上好|晚上好|下午好|中午好|在吗|在不在|早安|(?:早|hello|hi)\W*$|大家好|打扰一下)"
THANKS = (r"谢|我(?:先|再)?(?:试试|试一下|去看看|看看|检查一下)|稍等|等一下|解决了|搞定了|可以了|成功了|好使了|好了|正常了|跑起来了|能用了|"
          r"^\W*(?:好的?|好吧|行|明白了?|知道了|了解|懂了|收到|太好了|完美|厉害|ok|好滴|嗯+|是的|对)\W*$|thx|"
          # a message of nothing but acknowledgements ("好的，明白", "哈哈")
          r"^\W*(?:(?:好的?|好吧|好嘞|行吧?|明白了?|知道了|了解了?|懂了|收到|太好了|完美|厉害|ok|好滴|嗯+|是的|对的?|哈+|呵+|嘿+|"
          r"棒|赞|酷|牛|谢谢?|多谢|感谢|原来如此|原来是这样|这样啊|噢+|哦+|啊+|okay|👍)\W*)+$|辛苦(?:了|啦)|给力|帮大忙|"
          r"(?:终于|现在|已经)(?:好了|可以了|正常了|成功了|跑通了|能用了|没问题了)|跑通了|没问题了")
GOODBYE = r"改天见|先下了|先撤了|告辞|再会|再见|拜拜|回头见|先这样|下次见|晚安|^\W*算了|明天再(?:看|说|试|弄)|回头再(?:看|说|试)"
META = (r"你是谁|你是什么|你能做什么|你可以做什么|你会什么|能帮我什么|机器人|你是人|你是ai|怎么用你|你能干嘛|能问什么|"
        r"叫什么名字|这是什么工具|哪些语言|什么语言|几种语言|你.{0,3}(?:能|会|可以)(?:做|干|帮)(?:我|你)?(?:做)?(?:些)?(?:什么|啥)|你是做什么的|可以问(?:你)?什么|有人吗|你好吗|"
        r"(?:能|可以|会)(?:回答|解答|解决|处理)(?:些|哪些|什么|啥)|支持(?:哪些|什么)(?:问题|内容)|你是(?:真人|人工|bot|gpt|chatgpt|人工智能)|"
        r"人工智能|谁(?:做|开发|写)的|是谁(?:做|开发)|是真人吗|是不是(?:人|机器人|ai)|你懂什么|擅长什么|大模型|语言模型|llm|gpt|chatgpt|背后(?:是|用)")
# asking who answers ("是真人在回复吗") and thanks in other words ("妥了", "得嘞")
META += r"|真人|人工(?:客服|在)?(?:回复|回答)|是人(?:在|吗)|机器(?:人)?(?:在)?(?:回复|回答)"
THANKS += r"|^\W*(?:好嘞|得嘞|妥了?|妥妥的?|没毛病|稳了|可以可以|ok了|搞定)\W*(?:搞定|了|啦|咯)?\W*$|救命恩人|帮大忙了"
# a message not meant for the assistant ("发错了"), and praise in chat slang
GOODBYE += r"|发错了|不好意思发错|请忽略|当我没说"
THANKS += r"|牛逼|牛啊|太强了|强啊|666+|yyds|大佬"
OFF_TOPIC = (r"天气|笑话|菜谱|足球|电影|唱歌|写诗|午饭|晚饭|吃什么|彩票|股票|爱你|结婚|游戏推荐|旅游|新闻|星座|电视剧|"
             r"好无聊|讲个故事|陪我聊|闲聊|几点了|脑筋急转弯")
DOMAIN = (r"azure|终结点|端点|部署|容器|docker|kubernetes|模型|评分|日志|错误|报错|失败|配额|映像|镜像|注册表|"
          r"探测|超时|批处理|批量|web ?服务|请求|令牌|密钥|环境|工作区|崩溃|命令")
FILLER = r"请|吧|再|一遍|一下|给我|显示|回答|回复|翻译|成|换|把|它|这个|刚才|的|答案|说|用|可以|吗|能|帮我|谢谢|版|解释|讲"
CHOICES = {"1": r"第(?:一|1)(?:个|条|项)?", "2": r"第(?:二|2)(?:个|条|项)?", "3": r"第(?:三|3)(?:个|条|项)?|最后(?:一|那)(?:个|条)"}
FAMILIES = {
    "batch-endpoints": r"批处理|批量",
    "docker-aci-aks": r"web ?服务|网络服务",
    "managed-online-endpoints": r"托管|联机|在线",
}
COMPARISON = r"一样|同样|同一个|类似|相同|有关系|有关联|相关吗|是一回事"
"""Asks whether something is the same as, or related to, what the conversation is about."""
NEW_TOPIC = r"另外(?:一件事|还有)|换个事|其他问题|不相干的|另一件事|另一个问题|新问题|另外一个问题|另一个错误|别的问题|换个问题|^\W*另外|还有个|还有一个(?:问题|错误)|换个话题|再问(?:一|个)|另(?:一|外一)个(?:终结点|端点|部署|工作区|服务|集群|订阅|endpoint|deployment|workspace)"
QUESTION = r"\?|？|^\W*请|告诉我|说说|讲讲|解释|吗|呢|怎么|怎样|如何|什么(?!都|也)|哪|为什么|为啥|是否|能不能|可不可以|有没有|会不会|要不要|多少"
ASPECT_BUILD_LOGS = r"构建日志|生成日志|(?:镜像|映像|环境)(?:的)?构建(?:的)?日志|构建(?:过程|时)?(?:的)?日志|build ?log"
"""The log of the image build, told by the entry about the failed build (not the container's logs)."""
ASPECT_WRITE_LOGS = (r"(?:打|写|记|输出|加|记录|添加)(?:一些|点|个)?日志|日志(?:怎么|如何)(?:写|打|输出|记录)|logging|logger|"
                     r"print(?:的)?(?:输出|内容)?.{0,6}(?:去哪|在哪|哪里|看不到|没有)")
"""Writing to the logs from the user's own code, not reading the logs the service keeps."""
ASPECT_LOG_STRUCTURE = r"日志(?:的)?(?:结构|目录|文件夹|组织|布局)|哪个日志(?:文件)?|日志文件(?:都|分别)?(?:是什么|什么意思|有哪些)|日志(?:是)?怎么(?:组织|分布|划分)"
"""How the logs are laid out (which file says what), not where to fetch them."""
ASPECT_LOGS = r"日志"
ASPECT_LOCAL = r"本地(?!(?:的)?\s*(?:web ?服务|服务|localwebservice))|复现|重现"
ASPECT_BUILD = r"构建|打包镜像|生成镜像"
ASPECT_COMMAND = r"命令|指令"
ASPECT_FIX = r"(?:可以|能不能|能)(?:直接|只)|是不是只要|只要.{1,20}就(?:行|可以)|解决|修复|怎么办|怎么处理|如何处理|怎么修"
ASPECT_CAUSE = r"是\S{1,8}问题还是|为什么|原因|什么意思"
NAMED_ONE = r"(?:那|这)个\s*([^，。？?,\s][^，。？?,]{0,19}?)\s*的呢\W*$|([^，。？?,\s][^，。？?,]{0,19}?)\s*的那个呢\W*$"
"""Something named by a few of its words ("storage initializer 的那个呢"): group 1 or 2 is the name."""
ASPECT_MORE = r"详细|具体(?:点|一点|说说)|多说(?:点|一点|几句)|展开(?:说|讲)|通俗(?:点|一点|地)|简单(?:点|说)|然后呢\W*$|继续说"
ASPECT_DETAIL = (r"(?:什么|哪些|哪个|哪种|啥)(?:设置|参数|选项|配置|值|角色|权限|规格|sku|大小|资源|版本|端口|限制|字段|属性|键|模式|方式|配额|额度|内存|磁盘|实例|节点|role|setting|sku|quota|timeout)|"
                 r"(?:设置|参数|权限|角色|配置|sku)(?:是|要|给|选|用)?(?:什么|哪些|哪个|啥)|最大|最小|上限|多大|多少|多长|"
                 r"在哪(?:里|儿)?(?:设置|改|配置|调|看当前)|(?:应该|要|该)?(?:填|写|设|配|选)(?:什么|啥|哪个)|避免|防止|预防|工单|提单|技术支持|联系支持")
# how an option or a parameter is written ("input 参数到底该怎么写？", "这个配置项怎么填"): a detail of the card shown
ASPECT_DETAIL += r"|(?:参数|字段|配置项?|设置项?|选项|属性|变量)(?:到底|具体|应该|该|要){0,2}(?:怎么|如何|怎样)(?:写|填|设|配|传|给)"
# what the assistant keeps or sees ("这个助手能看到我订阅里的资源吗", "你会保存我发的内容吗"): about the assistant
META += (r"|(?:你|这个?\s*(?:助手|机器人|bot|聊天))(?:能|可以|会)(?:看到|看见|访问|读取|保存|记录|存)(?:我|我们)?")
# taking it from here ("我再查查", "应该就是这个"): no verdict on the answer, nothing more asked; chat slang for bye;
# what the assistant covers ("你只管部署啊"); still the same code ("还是 503"); works here, not there
_ON_MY_OWN = r"我(?:再|先|自己|回头|还是){0,2}(?:查查|查一下|查一查|研究一下|研究研究|确认一下|核对一下|排查一下|看一下)"
UNTRIED += "|" + _ON_MY_OWN
THANKS += "|" + _ON_MY_OWN + r"|(?:应该|肯定|估计|大概|原来)?就是(?:这个|它)(?:了|原因|问题)?\W*$"
GOODBYE += r"|(?:^|[\s,，])(?:88|886|8888)\W*$"
META += r"|你(?:只|就只)(?:管|负责|会|能|懂|处理|回答|支持)|只(?:管|负责|支持|处理)(?:部署|推理|终结点)"
FEEDBACK += r"|还是\s*(?:\d{3}|err)|本地(?:是|都)?(?:可以|正常|没问题|好的|能跑|跑得通)[^。？?]{0,12}(?:但|可是|就是|却)"
# how to tell whether the cause shown is the one ("怎么确认是不是配额不够"): about that entry
ASPECT_DETAIL += r"|(?:怎么|如何|怎样)(?:确认|检查|查看|判断|知道|看)(?:一下)?(?:是不是|是否|有没有|够不够|足不足)"
# the answer is for the other tool generation ("说的是 v1 的，我用的是 v2"); raised it to X and still
FEEDBACK_UNASKED += r"|^(?=.*v1)(?=.*v2)(?=.*我)"
FEEDBACK += r"|(?:加|改|调|设|换|升|提|增|扩)(?:到|成|为|大到)[^。？?!！，,]{0,12}?(?:还是|仍然|依然|照样|也还)"
# something done, told ("配额已经加了", "AcrPull 权限给了", "超时调到90秒了"): the statement ends on the deed
DONE = (r"(?:加|给|改|设|配|开|关|重启|部署|重建|升级|更新|申请|分配|授予|提|调|增加|扩|删|装|换|试|查|检查|确认|清)"
        r"[^。？?！!，,]{0,12}?了\W*$|(?:加|给|改|设|配|开|关|重启|部署|申请|分配|授予|调|增加|扩|删|装|换)过")
# a yes-or-no question ("是按区域算的吗", "能不能超过"), without 什么, 怎么, 哪, 如果
POLAR = (r"^(?!.*(?:什么|啥|怎么|怎样|如何|哪|为什么|为啥|多少|几|谁|如果|的话))"
         r"(?:.*吗\W*$|.*(?:是不是|能不能|可不可以|有没有|会不会|要不要|对不对))")
BECAUSE = r"因为|由于|导致|引起|造成|原因"
# the colloquial 为啥 for 为什么, asking to have it put another way, and how to change it
ASPECT_CAUSE += r"|为啥"
ASPECT_MORE += r"|换(?:个|种)(?:说法|方式(?:说|讲))"
ASPECT_FIX += r"|怎么改|如何改"
FEEDBACK_UNASKED += r"|^\W*(?:什么|啥)都没(?:有|看到|找到)?\W*$"
# a new topic announced before a colon or dash ("还有一个：", "此外——"), and another thing of the same kind named
NEW_TOPIC += (r"|^\W*(?:还有|另外|此外|再有|然后还有|顺便)(?:一个|一件事|个事|一点|一下|问一下)?\s*[:：\u2014\u2013]|"
              r"还有一件事|顺便问(?:一下|下)?|(?:另外|还有)(?:一个|个)(?:终结点|端点|部署|服务|作业|管道|集群|工作区)")
# "also" or "by the way" opening a message that goes on to describe something ("还有，注册模型的时候提示名称已被占用", "对了
# 部署时怎么指定基础镜像"): another matter, as "그리고 ..." in Korean; a few words after it ("还有呢？") or a pronoun for the
# problem at hand ("对了 这个在本地也会出现吗") ask on
NEW_TOPIC += r"|^\W*(?:还有|对了)[\s,，、]+(?!(?:这|那)(?:个|些|种|样)|同样|一样)(?=[^?？]{10,})"
COMPARED_WITH = r"(?:和|跟|与|同)[^，,。？?]{1,40}?(?:一样|相同|一回事|同一个|类似|有关|有关系|有什么区别|有啥区别|区别)|还是说"
THANKS += r"|(?:你|这个?(?:机器人|工具|助手))(?:还)?(?:挺|真|很|蛮|太|好)(?:有用|好用|厉害|靠谱|聪明|方便)"
ASPECT_LOGS += r"|堆栈|调用栈|栈信息|traceback(?! (?:points|says|shows|mentions|ends|leads|goes))|异常信息|报错信息(?:在哪|去哪)"
ASPECT_DETAIL += (r"|(?:哪个|哪些|什么)(?:包|库|模块|依赖|名字|名称|路径|目录|变量)|(?:参数|设置|配置|变量)(?:项)?(?:的)?(?:名字|名称)|叫什么")
# did something, then (but) it still fails: the told outcome after the deed ("已经改成 X 了，还是 not found",
# "跑起来了，但是一直连不上")
FEEDBACK_UNASKED += (r"|了[，,\s]*(?:但是?|可是|不过|然而|却|结果)[^。？?]{0,30}?(?:不|没|失败|报错|错误|超时|挂|崩|一样|error|fail)|"
                     r"了[，,\s]*(?:还是|仍然|依然|照样|仍旧|依旧)|(?:日志|输出|控制台)(?:里|中|上)?(?:也)?(?:没|看不到|找不到)(?:看到|有)?(?:任何)?(?:报错|错误|异常|东西|内容|输出)")
OFF_TOPIC += r"|下班|周末|放假|加班|摸鱼"
# whom to turn to ("一直这样的话找谁？") and a way to tell that the cause shown is the one ("有没有办法确认是不是到上限了")
ASPECT_DETAIL += (r"|找谁|联系谁|问谁|向谁(?:反馈|报告|求助)|(?:去|到)?哪(?:里|儿)?(?:反馈|报告|提交工单|提工单|投诉|求助)|"
                  r"(?:有没有|有什么|有)(?:办法|方法)(?:能|可以)?(?:确认|知道|判断|看出|看到|检查|查看)")
QUESTION += r"|谁"
# chat shorthand for 怎么 ("咋回事", "咋办", "咋整"): a question
QUESTION += r"|咋"
# proposing something not tried yet ("直接重启不行吗？" = can't I just restart?): a question, no verdict
UNTRIED += r"|(?:不行|不可以|不能)吗|(?:行不行|可不可以|能不能)(?:呢)?\s*[?？]"
LOCAL_ASKED = (r"(?:在)?(?:本地|本机|自己(?:的)?(?:电脑|机器|笔记本))(?:上)?(?:怎么|如何|怎样)(?:跑|运行|调试|测试|复现|启动)|"
               r"(?:怎么|如何|怎样)(?:在)?(?:本地|本机)")
# a cause proposed as a question ("是不是权限不对？", "会不会是配额不够"): asked, not a verdict on the answer
UNTRIED += r"|(?:是不是|是否|会不会|难道|可能是|该不会|莫非)[^。？?]{0,30}?(?:不对|不正确|错了|配错|不够|不足|没(?:有|配|加|给|开)|不行)"
# still failing, told after a comma in the user's own words ("token 重新拿了，还是 not allowed", "，依然 403"); again a code
FEEDBACK_UNASKED += (r"|[，,]\s*(?:还是|仍然|依然|照样|依旧|仍旧)(?:报|是|会|有|出|显示|提示|返回)?\s*"
                     r"(?:[a-z]|\d{3}|不|没|失败|报错|错误|超时|一样)")
FEEDBACK += r"|(?:又|再次)(?:是|报|返回|出现)?\s*(?:\d{3}|err)"
# fine in one place, failing in another ("本地好好的，一到 ACI 就挂", "测试环境正常，生产却报错")
FEEDBACK += (r"|(?:可以|正常|没问题|能跑|跑得通|能用|好好的)[，,]?[^。？?]{0,16}?(?:但|可是|却|一到|到了)[^。？?]{0,12}?"
             r"(?:不行|失败|报错|挂|崩|不能|不可以|出错)")
# a new topic announced as unrelated before a colon ("不相关：", "题外话——")
NEW_TOPIC += r"|^\W*(?:不相关|无关|题外话|跟这个无关|和这个没关系|与此无关)(?:的)?(?:问题|事|话)?\s*[:：\u2014\u2013]"
# where to see why it failed ("在哪看具体报错", "去哪里看原因"): the logs
ASPECT_LOGS += r"|(?:在|去|到)?哪(?:里|儿)?(?:能)?(?:看|查|找)(?:到)?(?:具体|详细)?(?:的)?(?:报错|错误信息|原因|为什么|怎么回事|出了什么问题)"
# how to check which one is in effect ("怎么确认当前登录的是哪个订阅", "怎么查是不是 ACR 权限问题")
ASPECT_DETAIL += (r"|(?:怎么|如何|怎样)(?:确认|检查|查看|查|核实|验证|判断|知道|看)(?:一下)?[^，。？?]{0,16}?"
                  r"(?:是不是|是否|有没有|哪个|哪些|多少|够不够|足不足)")
# a greeting that only announces a question ("你好，问个问题"): the question is still to come
QUESTION_AHEAD = r"(?:问|请教|咨询)(?:个|一个|一下|几个)(?:问题|事)?\W*$|有(?:个|一个)问题(?:想)?(?:问|请教)?(?:一下)?\W*$"
# a circumstance offered as the possible cause, asked ("会不会跟这个有关", "有没有影响", "是不是这个原因")
BECAUSE += r"|(?:跟|和|与)(?:这个|这|它|此)(?:问题|错误|报错)?(?:有关|有关系|相关)|(?:有没有|会不会有|会有)影响|影响(?:吗|大不大)|是不是(?:这个|这)(?:原因|导致)"
# getting a limit raised ("配额怎么提高"): a detail of the card shown
ASPECT_DETAIL += (r"|(?:提高|提升|增加|调高|调大|放宽|扩大)(?:一下)?(?:这个|那个)?(?:限制|上限|配额|额度|限额|quota|limit)|"
                  r"(?:限制|上限|配额|额度|限额)(?:怎么|如何|能不能|可以)?(?:提高|提升|增加|调高|调大|放宽)")
# mixed writing puts a space before the English word ("哪些 role", "什么 setting")
ASPECT_DETAIL += r"|(?:什么|哪些|哪个|哪种|啥)\s+(?:roles?|settings?|skus?|quotas?|timeouts?|ports?|versions?|options?|parameters?|permissions?)\b"
# where to see the error, said object first ("具体异常去哪看", "报错信息在哪查"): the logs; the build's log named in English
ASPECT_LOGS += r"|(?:异常|报错|错误|错误信息|堆栈|原因)[^，。？?,]{0,4}(?:去|在|到|从)哪(?:里|儿)?(?:能|可以)?(?:看|查|找)"
ASPECT_BUILD_LOGS += r"|build\s*(?:的)?\s*日志"
# how to make the thing at fault usable ("怎么让 endpoint 能访问 ACR"): the fix shown
ASPECT_FIX += r"|(?:怎么|如何)(?:才能)?(?:让|使)[^，。？?]{0,16}(?:能访问|可以访问|访问得到|能拉取|可以拉取|能用|可用)"
# praise of the replies ("这个 bot 回得挺快")
THANKS += (r"|(?:你|这个?\s*(?:机器人|工具|助手|bot))\s*(?:回(?:得|复得|答得)|答得|反应)?(?:还)?(?:挺|真|很|蛮|太|好)"
           r"(?:快|及时|有用|好用|厉害|靠谱|聪明|方便|专业)")
# thanks although nothing helped ("还是谢谢", "总之谢谢")
RESIGNED = r"(?:还是|总之|无论如何|不管怎样|不管怎么说|反正)(?:还是|也)?(?:要)?(?:谢谢|感谢|多谢)"
# checked, nothing is wrong ("都核对过了，没写错"), told
FEEDBACK_UNASKED += r"|没(?:写|填|配|拼|设|打)错|(?:核对|核实|检查|确认|对)过了"
# the first problem solved, a new one told ("那个解决了，现在又卡在构建"): a new topic
NEW_TOPIC += (r"|(?:那个|这个|上一个|刚才那个|之前那个)(?:问题)?(?:已经)?(?:解决了|搞定了|修好了)[，,。\s]*(?:但是?|可是)?"
              r"(?:现在|这回|这次|接着)(?!(?:好了|可以了|正常了|没问题|能用了))")
# no use at all, said colloquially ("一点用都没有", "白搭", "还是老样子"), and asking for another approach ("换个思路")
FEEDBACK += r"|一点(?:儿)?(?:用|效果|作用)?都没(?:有|用)|没(?:卵|鸟)用|白搭|还是老(?:问题|毛病|样子|错)|换(?:个|种)(?:思路|方案|做法)"
# it works now, said in slang ("搞定", "妥了"), after a word of praise ("牛，搞定")
THANKS += r"|(?:^|[，,\s!！])(?:搞定|弄好|修好)(?:了|啦|咯)?\W*$"
# why, and what to do, said colloquially ("咋回事", "咋办", "怎么弄")
ASPECT_CAUSE += r"|咋回事|怎么回事|啥原因|为何"
ASPECT_FIX += r"|^\W*(?:那|那么|所以|现在)?(?:我)?(?:该|要)?(?:咋(?:办|整|弄|搞)|怎么(?:弄|搞|整|做))(?:呢|啊|呀)?\W*$"
# asking whether the assistant is free ("现在有空吗", "忙不忙")
GREETING += r"|^\W*(?:你)?(?:现在)?(?:有空|有时间|忙)(?:吗|不忙|没)\W*$|^\W*(?:你)?(?:现在)?忙不忙\W*$"
# thanks and leaving in chat slang ("3q", "感恩", "溜了", "下线了")
THANKS += r"|\b3q\b|感恩"
GOODBYE += r"|(?:^|[，,\s我])(?:先)?(?:溜|撤|闪|下线)(?:了|啦)\W*$"
# done as the answer said ("按你说的给了权限"); an alternative question without a mark ("是平台的bug还是我代码的问题");
# the command reported failing or printing nothing
ADVISED = r"(?:按|照|按照|根据)(?:你|您)(?:说|讲|写|给)的|按(?:照)?(?:步骤|文档|说明|上面)"
QUESTION += r"|是[^。！？,，]{1,20}还是"
FEEDBACK_UNASKED += (r"|命令[^。！？]{0,10}(?:报错|出错|失败|错误)|参数错误|(?:什么|啥)(?:都|也)没(?:有)?(?:输出|显示|出来|打印|返回)|"
                     r"没有(?:任何)?输出")
# one's own machine named ("在自己电脑上跑一下"): the local aspect, as 本地 is
ASPECT_LOCAL += r"|(?:本机|自己(?:的)?(?:电脑|机器|笔记本|机子))(?:上)?"
# the same error told without a verb ("一样的错", "同样的报错")
FEEDBACK += r"|^\W*(?:还是|又是|依然是|仍然是)?(?:一样|同样|相同)的(?:错|错误|报错|问题|结果)\W*$"
# which model the assistant runs on ("你用的什么模型", "你背后是哪个大模型"): about the assistant
META += r"|你(?:用的|是|基于|背后(?:是)?|跑的|底层(?:是)?)(?:的)?(?:是)?\s?(?:什么|哪个|哪种|啥)\s?(?:模型|大模型|llm|gpt|ai)"
# the same asked with "是...的" ("你是基于哪个模型的"); a question offering two alternatives ("重试是自动退避还是马上重发?"),
# closed like a yes-or-no question: about the problem at hand
META += r"|你是(?:用|基于)(?:的)?\s?(?:什么|哪个|哪种|啥)\s?(?:模型|大模型|llm|gpt|ai)"
POLAR += r"|^(?!.*(?:什么|啥|怎么|怎样|如何|哪|为什么|为啥|多少|几|谁))[^。]*是[^，,。？?]{1,20}还是[^，,。？?]{1,20}[?？]?\W*$"
# a suspected cause, asked ("是不是 storage 权限的问题？", "会不会是密钥配错了", "难道是网络？"): not a new problem
BECAUSE += r"|是不是[^，,。？?]{1,24}?(?:的)?(?:问题|原因|导致|引起|造成|搞的)|会不会是|难道是|该不会是|莫非是"
# praise in slang ("有点东西", "有两把刷子"): thanks in other words
THANKS += r"|(?:你|这个?\s*(?:机器人|工具|助手|bot))[^，。？?]{0,4}有(?:点东西|两下子|两把刷子)"
# the problem at hand pointed at ("这个会一直出现吗", "跟这个问题有关系吗"): a question about it stays in the conversation
POINTS_BACK = r"这个|那个|这种|这样|它|此(?:问题|错误)|(?:同样|一样)的(?:问题|错误|报错)"
# it works in one place and fails in the other ("本地跑得好好的，一上端点就崩", "本地没问题，放到 AKS 就 502"): a verdict
# even beside a code; still failing in slang ("还是挂", "还是卡住")
_HERE_NOT_THERE = (r"(?:可以|正常|没问题|能跑|跑得通|能用|好好的|没毛病)[，,]?[^。？?]{0,16}?(?:但|可是|却|一到|到了|一上|一部署|"
                   r"一放到|放到|部署到|上了)[^。？?]{0,12}?(?:不行|失败|报错|挂|崩|不能|不可以|出错|\d{3})")
FEEDBACK += "|" + _HERE_NOT_THERE + r"|还是(?:挂|死|卡|超时|不通|起不来|跑不起来)"
VERDICT += "|" + _HERE_NOT_THERE
# the problem itself named ("同样的崩溃", "这个错误"): after a how-to, a family switch asks for the problem there
PROBLEM = r"错误|报错|问题|崩溃|崩|失败|异常"
# the command asked for by its tool ("用 az 怎么看状态", "az 命令呢"): the command of the entry shown
ASPECT_COMMAND += r"|用\s?(?:az|cli)(?![a-z])"
# how to see what exactly went wrong ("怎么知道到底哪里出错了", "怎么看它具体返回了什么"): the logs
ASPECT_LOGS += (r"|(?:怎么|如何)(?:看|查|知道|确认|判断)[^，。？?]{0,6}?(?:到底|具体|究竟)[^，。？?]{0,6}?"
                r"(?:哪里|什么|为什么|为啥)[^，。？?]{0,4}?(?:出错|报错|挂|崩|失败|错|返回)")
# writing one's own messages into the logs ("怎么往日志里写自己的信息", "打印到日志"): writing logs from the script
ASPECT_WRITE_LOGS += r"|(?:往|向)[^，。？?]{0,8}日志(?:里|中)?(?:写|打|输出|记录)|(?:写|打印?|输出|记录)(?:到|进|入)[^，。？?]{0,6}日志"
# the older tool generation by name ("旧版 SDK", "老版本的 cli"): only the AKS/ACI web services are v1
FAMILIES["docker-aci-aks"] += r"|(?:旧|老)(?:版|版本)?\s?(?:的)?\s?(?:sdk|cli)|旧版本|老版本"
# whether something proposed would help ("拆小一点会有帮助吗", "这样能解决吗"): the fix of the card shown
ASPECT_FIX += r"|(?:会|能)(?:不会)?有(?:帮助|用)吗|能(?:不能)?解决(?:吗|问题)|会(?:不会)?好(?:一些|点)?吗"
ASPECT_LOGS += r"|(?:怎么|如何)(?:看|查|知道)[^，。？?]{0,6}?(?:抛|报)了?(?:什么|啥)(?:异常|错误|错)"
# a language not wanted ("看不懂英文", "不要英文", "英文我不懂"): not the one asked for
LANGUAGE_UNWANTED_BEFORE = r"(?:不是|不要|不用|别用|别|看不懂|听不懂|读不懂|不懂|不会|不太懂|不太会|而不是|不看|除了)\s*(?:用\s*)?$"
LANGUAGE_UNWANTED_AFTER = r"\s*(?:我|的)?(?:看不懂|不懂|不太懂|不太好|不好|不行|太难)"
# asking for a translation without naming the language ("翻译一下"): into the message's own
TRANSLATE = r"翻译|翻成|译成"
# text in a language, not the answer's language ("中文字符", "中文路径", "英文文本")
LANGUAGE_UNWANTED_AFTER += r"|\s*(?:字符|文本|输入|数据|文件名|编码|路径|字|乱码|内容|标签)"
# the problem at hand imagined elsewhere ("如果是老的 AKS 返回 504 呢", "换成批处理呢"): measured against the conversation
COMPARISON += r"|(?:如果|要是|假如|换成)[^，。？?,]{1,30}呢"
# told in passing that something else fails too ("顺便说一下，pipeline 也跑不起来", "另外，批处理作业也失败了")
ASIDE = r"^\W*(?:顺便(?:说|提|讲)?(?:一下|一句)?|另外|对了|还有(?:就是)?)[，,：:\s][^?？吗]*?也(?!没(?:用|效果|有用)|不行|一样|还是)"
# who answers, a person or a bot ("你是人工客服还是机器人？")
WHO_ANSWERS = r"(?:你|您|这)是(?:不是)?[^。！？?]{0,12}(?:机器人|真人|人工|ai|客服)"
# a question announced about something ("想问一下部署的问题", "需要帮忙"): after a greeting, the question is still to come
QUESTION_AHEAD += r"|(?:想|要)?(?:问|请教|咨询)(?:个|一个|一下|几个)[^。？?！!]{0,12}(?:的)?(?:问题|事)\W*$|(?:需要|求)(?:帮助|帮忙|支援)\W*$"
# a language told as how something shows up ("报错显示的全是俄文"): described, not asked for
LANGUAGE_UNWANTED_BEFORE += r"|(?:显示|输出|打印|返回|报)(?:出来)?的(?:是|都是|全是)\s*$"
# what was fetched or run came back empty ("拉下来什么都没有", "结果是空的"): told, not asked
FEEDBACK_UNASKED += r"|(?:下来|出来|回来|到)[^。？?，,]{0,4}?(?:什么|啥)(?:都|也)没(?:有)?|(?:[，,]\s*|^\W*)(?:是|都是|全是|结果是)空的\W*$"
# handed over to support, told ("那我去提工单了", "我找技术支持吧"): closing the conversation
GOODBYE += r"|(?:我|那我)(?:就|还是)?(?:去)?(?:提|开|发|提交)(?:个|一个)?工单(?:了|吧|去)?\W*$|(?:我|那我)(?:就|还是)?(?:去)?(?:找|联系)(?:一下)?(?:技术)?支持(?:了|吧|去)?\W*$"
# the right way to do what the card is about ("那正确的流程是什么"): its fix
ASPECT_FIX += r"|正确(?:的)?(?:做法|方法|方式|姿势|流程)|(?:应该|该)怎么(?:做|弄|办)"
# coming back another time ("下次再来问", "有问题再来找你"): a goodbye
GOODBYE += r"|下次再(?:来|问|聊|找你)|有(?:问题|事)再(?:来|问|找你)|回头再(?:来|问|找你)|改天再(?:来|问|聊)"
# the alternative offered after a comparison ("和 ERR_1100 是一回事，还是别的问题？"): not another problem announced
OR_ELSE = r"还是\s*(?:说\s*)?$"
# an untried change proposed as a question ("如果换成大磁盘的 SKU 能解决吗？", "加大超时的话会不会好"): asking whether it would work
UNTRIED += (r"|如果[^。？?]{1,30}?(?:会不会|能不能|是不是就?|就能|能|会|可以)[^。？?]{0,12}(?:吗|么|呢)?\s*[?？]|"
            r"的话[^。？?]{0,20}?(?:会不会|能不能|就能|能|会|可以)[^。？?]{0,12}(?:吗|么)")
# a model named as what the assistant is ("你是 GPT 吗", "背后是什么大模型"), not as the subject of a question ("怎么用 Azure ML 做 LLM
# 微调", "LLM 部署到 online endpoint"): only beside "you", "the bot", "behind", or asked outright
META = META.replace("|大模型|语言模型|llm|gpt|chatgpt|",
                    r"|(?:你|您|机器人|助手|bot|背后|底层|是)[^，,。？?]{0,8}?(?:大模型|语言模型|llm|gpt|chatgpt)|"
                    r"(?:大模型|语言模型|llm|gpt|chatgpt)\s*(?:吗|么|嘛)|")
# "还有怎么…": another how-to announced ("还有怎么把日志导出来"), not asking what else there is ("还有什么办法")
NEW_TOPIC += r"|^\W*还有(?=(?:怎么|如何)(?!办)[^?？]{6,})"
# whether the assistant reads what one would paste ("我贴日志你能看吗", "可以贴日志吗"): about the assistant
PASTE_OFFER = (r"(?:贴|发|粘贴)(?:一下|一段|个|点)?(?:日志|报错|错误|堆栈|输出)[^。？?]{0,4}(?:你)?(?:能|可以|会)(?:看|读|分析)(?:吗|不|懂吗)|"
               r"^\W*(?:我)?(?:能|可以)(?:直接)?(?:贴|发|粘贴)(?:一下|一段|个|点)?(?:日志|报错|错误|堆栈|输出)(?:吗|不|么)\W*$")
# leave-takings and thanks in Japanese, typed now and then in a Chinese chat ("さようなら", "ありがとう"): small talk
GOODBYE += r"|さようなら|さよなら|じゃあね|またね|バイバイ|お疲れ(?:様)?(?:でした|です)?"
THANKS += r"|ありがとう|どうも(?:ありがとう)?|助かりました"
# a question opened as the next one in the same talk ("那 ...？", "那么 ...？"): asking on
ASKS_ON = r"^\W*(?:那么?|那这个|然后)(?!个|些|种|样|边|里)"
# a change made, then an error told in its own (Latin) words ("改了配置以后又报 QuotaExceeded"): the next failure,
# told on its own, a new topic whatever its length (the policy reads it as feedback when it names the card shown again)
ASIDE += (r"|(?:改|换|加|设|配|调|装|删|升级|更新|切)[^。？?!！]{0,14}?(?:完|了|好)?(?:以后|之后|后)[，,\s]*"
              r"(?:又|就|却)?(?:报|提示|返回|出现)(?:了)?\s*(?=[a-z0-9_])(?!(?:一样|同样|相同))")
# still refused, said in the passive ("换了 scope 还是被拒", "依然被拦"): the answer did not help
FEEDBACK += r"|(?:还是|仍然|依然|照样|又)被(?:拒|拦|挡|禁|阻止|限制|拒绝)"
# how to stop or remove something once done with it ("容器怎么停掉"): the conversation's entry about taking it down
TEARDOWN = r"(?:怎么|如何|怎样)(?:才能)?(?:停|删|关掉|清理|销毁|移除)"
# what one understood, asked back ("所以我得在前面加一层代理？", "也就是说要固定版本吧"): a check of the answer shown, asking no
# what, how or where
CHECK_BACK = (r"^\W*(?:所以|也就是说|就是说|意思是|那就是说|那我(?:们)?(?:就)?(?:得|要|需要|应该))"
              r"(?![^？?]*(?:什么|啥|怎么|怎样|如何|哪|为什么|为啥|多少|几|谁))[^？?]*(?:[吗吧]|对吧|对吗|是吧)?\W*[?？]\W*$")
# a question drawn from what was said ("那我该怎么挂调试器？", "所以要看哪个日志？")
ASKS_THEN = r"^\W*(?:那么?|所以)(?!个|些|种|样|边|里)"
# something fetched to one's machine ("镜像怎么拉到本地", "下载到本地"): where it goes, not running or debugging there
FETCHED_HERE = r"(?:拉|下载|拷贝|复制|pull)(?:取)?(?:到|回)本地"
# what the assistant solves for one, asked ("你能帮我解决哪些问题", "可以帮忙处理什么"): about the assistant
META += r"|(?:能|可以|会)帮(?:我|忙|你)?(?:们)?(?:解决|处理|回答|解答|搞定)(?:些|哪些|什么|啥)"
# whether the assistant is still there, or how it is ("你还在吗", "还在不", "最近好吗"): a greeting
GREETING += r"|^\W*(?:你|您)?(?:还|仍然)在(?:吗|么|嘛|不|不在)\W*$|^\W*(?:你|您)?最近(?:还)?好(?:吗|么|嘛)\W*$"
# the outcome still the same, told at the start ("还是空的", "依然没有输出", "还是老样子"): what was shown did not help
FEEDBACK_UNASKED += (r"|^\W*(?:还是|仍然|依然|照样|依旧|仍旧)(?:是|很)?(?:空|空白|没(?:有)?(?:输出|结果|东西|日志|内容|数据|反应|变化)|"
                     r"老样子|那样|这样|一样)")
# none of what was offered ("都不是", "两个都不对", "全都没用"): a verdict on the answers shown
FEEDBACK_UNASKED += r"|^\W*(?:(?:这|那)?(?:两|几|三)个|全|全部)?都(?:不是|不对|没用|不行|不管用)\W*$"
# back in the chat ("我又回来了", "我回来啦"): a greeting
GREETING += r"|^\W*我(?:又|再)?(?:回来|来)(?:了|啦|咯)\W*$"
# the problem said to be gone ("ERR_1100 没了", "不再报 429 了"): with thanks, a closing even beside its code
RESOLVED = r"没了|消失了|解决了|不(?:再)?报了|不再(?:报|出现)|好了"
# round 8 --------------------------------------------------------------------------------------------------------------
# still cancelled, killed, throttled, said in the passive ("等它跑完再部署，还是被取消"): the answer did not help
FEEDBACK += r"|(?:还是|仍然|依然|照样|又)被(?:取消|杀|终止|中断|停|限流|节流|踢|驱逐|抢占|kill|oom)"
# input passed, a job run or a call made, then an error told in its own (Latin) words ("输入传进去以后又报 unsupported ..."):
# the next failure, told on its own (as after a change, above)
ASIDE += (r"|(?:传|跑|运行|调用|提交|invoke)[^。？?!！]{0,14}?(?:完|了|好|进去|上去)?(?:以后|之后|后)[，,\s]*"
          r"(?:又|就|却)(?:报|提示|返回|出现)(?:了)?\s*(?=[a-z0-9_])(?!(?:一样|同样|相同))")
# the log of the failed build ("构建失败的详细日志"): the build log
ASPECT_BUILD_LOGS += r"|构建(?:失败|出错|报错)(?:时)?(?:的)?(?:详细|完整|具体)?(?:的)?日志"
# whether a circumstance told matters ("镜像在另一个订阅里，这个有关系吗？"): a suspected cause, asked
BECAUSE += r"|(?:这个|这|它|此|那个)(?:也)?(?:有没有关系|有关系吗|有关吗|相关吗|有影响吗|有没有影响)"
# whether the assistant understands a language ("你懂中文吗"): about the assistant
LANGUAGE_ABILITY = r"(?:你|您)(?:能|会)?(?:懂|看得懂|听得懂|会说|会讲|能说|能看懂)"
# where to look ("score.py 里该看哪里？"): a detail of the card shown
ASPECT_DETAIL += r"|(?:该|要|应该)看哪(?:里|儿|部分)?|看哪(?:里|儿)"
# what to ask of whoever can change it ("找策略管理员要什么？", "跟管理员怎么说"): a detail of the card shown
ASPECT_DETAIL += r"|(?:跟|向|找|和)[^，。？?]{1,10}(?:管理员|负责人|运维|同事|admin)(?:申请|要|说|提)(?:什么|啥)|(?:跟|向|和)[^，。？?]{1,10}(?:管理员|负责人|运维|admin)怎么(?:说|提|申请)"

# 带某个东西的镜像（"带 ptvsd 的镜像"、"包含 ptvsd 的镜像"）：做这样一个镜像，不是构建阶段
IMAGE_WITH = r"(?:带|带有|带上|包含|含有|装了|装有|加了|集成了?)\s*[^，。？！,.?!\s]{1,20}\s*(?:的)?\s*(?:镜像|映像|image)"
