"""Twenty-seventh authoring round of SafeSpeak's contrastive templates: Chinese (Simplified) hateful statements about a
group and neutral sentences that mention a group, each with the group slot {P}, training-only and dev-only.

Written by hand on 2026-12-06 by a helper session that opened no training data, no held-out, fresh or dev set, no
unseen set, no report and no model output; nothing was taken from a public test suite or data set, and each sentence
was written on its own. Every template holds the slot {P} exactly once and is meant to read naturally with each of the
six Chinese group nouns (女人, 黑人, 穆斯林, 同性恋, 河南人, 外国人). Registers used for hate: forum and Weibo-style
comments, group-chat messages, short personal stories ("我上次去……"), rental and hiring notices, residents' group
polls, rhetorical questions, clearly hateful sarcasm, internet slang (恶心, 滚, 垃圾, 废物, 蛆), implicit hate without
swear words, and colloquial lines without punctuation; themes are dehumanisation, contempt, dirt, disease, stupidity,
dishonesty, crime, exclusion and segregation, denial of rights, housing and hiring refusal, and marriage refusal, with
no threats of violence. Registers used for neutral identity mentions: news and survey reports, statistics, questions
and requests for advice, everyday life and personal stories, history, culture, food, work, school, sport, health,
policy and court reporting, reports about discrimination, and casual chat; none judges the group negatively.
"""

# (first id, end id, templates by language and behaviour) of each training-only block.
TRAIN_ONLY = [
    (20, 50, {"zh": dict(hate=[
        "我上次去那边办事，碰到几个{P}，果然又脏又吵，真恶心。",
        "说真的，{P}就不配跟正常人在同一个食堂吃饭。",
        "{P}根本不算人，跟畜生没什么两样。",
        "租房广告写清楚了：{P}免谈，给多少钱都不租。",
        "我们公司招人有个不成文的规矩，{P}一律不要，省得惹麻烦。",
        "我绝不会让自己的孩子跟{P}结婚，这是底线。",
        "{P}滚出我们的城市，这里不欢迎这种垃圾。",
        "凭什么给{P}投票权？这种人根本不配享有任何权利。",
        "每次新闻里出了偷抢的案子，八成都是{P}干的，还用查吗？",
        "楼主说得对，{P}就是社会的蛆，走到哪儿脏到哪儿。",
        "哈哈，{P}也配讲尊严？笑死，先学会怎么做人吧。",
        "医院就该给{P}单独开个门，免得把病传给我们正常人。",
        "{P}脑子都不好使，教多少遍都学不会，别浪费教育资源了。",
        "群里谁再拉{P}进来我就退群，看一眼都想吐。",
        "我就直说了，{P}都是废物，活着就是浪费粮食。",
        "小区业主群发起投票：禁止把房子卖给{P}，请大家踊跃支持！",
        "{P}懂什么叫文明吗？一群没进化好的东西。",
        "公共泳池就应该禁止{P}入内，谁知道身上带着什么脏东西。",
        "{P}嘴里没一句实话，谁跟这帮人打交道谁倒霉。",
        "我奶奶常说{P}都不是好东西，以前我不信，现在我信了。",
        "{P}有什么资格当老师？让这种人教书简直是误人子弟。",
        "每次看到{P}在街上晃我就浑身不舒服，能不能都待在家里别出来丢人。",
        "我交的税全拿去养{P}这种吃白饭的了，凭什么？",
        "{P}真的好恶心啊能不能别出现在我面前",
        "评论区一堆{P}在洗白 滚吧 没人想听",
        "哇，{P}今天居然没给大家添麻烦，真是值得放鞭炮庆祝的奇迹呢。",
        "外卖平台就该让顾客选择不要{P}送餐，看着就倒胃口。",
        "{P}生来就带着劣根性，再怎么教育也改不了。",
        "早就说了不该放{P}进来，现在满大街都是，治安全毁了。",
        "微博热评：又是{P}闹事？建议全部赶出去，眼不见心不烦。",
    ], neutral_identity=[
        "一项新调查显示，不少{P}在求学过程中曾遭遇不公平对待。",
        "请问有没有{P}在这边住过？想了解一下租房的情况。",
        "据统计，今年报名参加马拉松的{P}比去年多了两成。",
        "我大学室友是{P}，我们现在还经常约着一起吃火锅。",
        "这部纪录片讲述了几位{P}在大城市打拼的故事。",
        "市政府召开座谈会，听取{P}对公共服务的意见和建议。",
        "老师让我们采访一位{P}，了解对方的日常生活，再写成小报告。",
        "社区下周六办文化节，欢迎{P}和其他居民一起来参加。",
        "有人知道那本讲{P}历史的书在哪里能买到吗？",
        "律师表示，针对{P}的仇恨言论在很多地方是违法的。",
        "我们部门新来的同事是{P}，做事特别细心。",
        "研究人员对两千多名{P}做了问卷调查，结果将在下个月公布。",
        "周末的读书会上，一位{P}分享了自己最近在读的小说。",
        "昨天在公园遇到一群{P}在跳广场舞，气氛挺热闹的。",
        "这家面馆的老板是{P}，店里的手擀面很好吃。",
        "hh我表哥说他们公司一半员工是{P}，平时都挺好相处的",
        "讲座的主题是{P}在近代社会中的地位变化。",
        "新出台的政策会不会影响{P}申请住房补贴，目前还不清楚。",
        "有没有{P}博主推荐？想多看看不同人的生活vlog。",
        "法院判决那家公司拒绝录用{P}的做法构成歧视，需赔偿损失。",
        "我奶奶年轻时在纺织厂里跟很多{P}一起干过活。",
        "这期播客请了三位{P}，聊聊各自的童年。",
        "学校的交流项目里有不少{P}，我们一起做了个小组展示。",
        "下个月的招聘会专门设了面向{P}的咨询台，欢迎前来了解。",
        "今晚辩论赛的题目是如何减少社会对{P}的刻板印象。",
    ])}),
]

# Dev-only blocks: never trained on.
DEV_ONLY = [
    (50, 60, {"zh": dict(hate=[
        "刷到个视频，{P}又在那博眼球，评论区一堆人捧，我只想说这群人就是社会的累赘。",
        "打车要是碰上{P}当司机，我宁愿下车走路，谁知道会不会绕路坑你。",
        "公司年会抽奖凭什么让{P}也参加？给这种人发奖品我看着都恶心。",
        "我们班有个规定，谁跟{P}玩谁就是叛徒。",
        "排了半小时队被{P}插了，果然这帮人素质就这样，没救了。",
        "小说里只要主角是{P}我就弃书，这种人也配当主角？",
        "建议游戏里加个功能，自动把{P}踢出房间，跟这种人组队纯属受罪。",
        "看到{P}上了热搜我就知道又没好事，除了丢人现眼还会干什么。",
        "我家狗都比{P}懂规矩。",
        "{P}扎堆的地方房价一辈子都涨不起来，谁买谁亏，真晦气。",
    ], neutral_identity=[
        "博物馆新开了一个展厅，展示{P}在过去一百年里的服饰变化。",
        "这次摄影比赛的一等奖得主是一名{P}。",
        "社区卫生站这个月为{P}提供免费体检，预约电话贴在门口。",
        "小区图书角最近收到一批{P}捐赠的旧书。",
        "写毕业论文想研究{P}的消费习惯，有什么数据来源可以推荐吗？",
        "年夜饭桌上，表姐讲起她认识的一位{P}学包饺子的趣事，全家都笑了。",
        "环保协会招募了一批{P}志愿者，负责周末清理河岸垃圾。",
        "调查报告指出，{P}在租房时被拒绝的比例偏高，呼吁有关部门介入。",
        "坐高铁时邻座是个{P}，我们聊了一路各自家乡的小吃。",
        "这款手机的新功能是根据{P}用户的反馈改进的。",
    ])}),
]
