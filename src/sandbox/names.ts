// Word lists the sandbox builds its names, titles and texts from. Display text only: ids come
// from the pinyin and the department codes, never from the Chinese.

/** Characters common in Chinese place names, with their pinyin (each pinyin used once). */
export const PLACE_SYLLABLES: readonly (readonly [string, string])[] = [
  ['临', 'lin'], ['河', 'he'], ['兰', 'lan'], ['山', 'shan'], ['罗', 'luo'], ['庄', 'zhuang'],
  ['郯', 'tan'], ['城', 'cheng'], ['沂', 'yi'], ['莒', 'ju'], ['蒙', 'meng'], ['费', 'fei'],
  ['水', 'shui'], ['华', 'hua'], ['新', 'xin'], ['兴', 'xing'], ['龙', 'long'], ['白', 'bai'],
  ['金', 'jin'], ['玉', 'yu'], ['石', 'shi'], ['云', 'yun'], ['海', 'hai'], ['德', 'de'],
  ['武', 'wu'], ['文', 'wen'], ['永', 'yong'], ['广', 'guang'], ['高', 'gao'], ['汉', 'han'],
  ['嘉', 'jia'], ['川', 'chuan'], ['岭', 'ling'], ['桥', 'qiao'], ['源', 'yuan'], ['湾', 'wan'],
  ['塘', 'tang'], ['营', 'ying'], ['坊', 'fang'], ['集', 'ji'], ['口', 'kou'], ['门', 'men'],
  ['关', 'guan'], ['谷', 'gu'], ['田', 'tian'], ['牧', 'mu'], ['柳', 'liu'], ['梅', 'mei'],
  ['桃', 'tao'], ['芦', 'lu'], ['苍', 'cang'], ['翠', 'cui'], ['碧', 'bi'], ['黄', 'huang'],
  ['乐', 'le'], ['康', 'kang'], ['泽', 'ze'], ['渠', 'qu'], ['沙', 'sha'], ['滨', 'bin'],
  ['潍', 'wei'], ['岳', 'yue'], ['徐', 'xu'], ['邹', 'zou'], ['滕', 'teng'], ['阜', 'fu'],
  ['莱', 'lai'], ['栖', 'qi'], ['招', 'zhao'], ['蓬', 'peng'], ['延', 'yan'], ['绥', 'sui'],
  ['靖', 'jing'], ['定', 'ding'], ['通', 'tong'], ['宣', 'xuan'], ['明', 'ming'], ['顺', 'shun'],
  ['丹', 'dan'], ['洪', 'hong'], ['竹', 'zhu'], ['溧', 'li'], ['盘', 'pan'], ['秀', 'xiu'],
  ['邵', 'shao'], ['娄', 'lou'], ['湘', 'xiang'], ['孝', 'xiao'], ['麻', 'ma'], ['仙', 'xian'],
  ['芷', 'zhi'], ['凯', 'kai'], ['都', 'du'], ['榕', 'rong'], ['雷', 'lei'], ['磁', 'ci'],
  ['沁', 'qin'], ['朔', 'shuo'], ['代', 'dai'], ['霍', 'huo'], ['介', 'jie'], ['平', 'ping'],
  ['宁', 'ning'], ['阳', 'yang'], ['江', 'jiang'], ['湖', 'hu'], ['泉', 'quan'], ['州', 'zhou'],
  ['丰', 'feng'], ['宝', 'bao'], ['昌', 'chang'], ['台', 'tai'], ['清', 'qing'], ['松', 'song'],
  ['桂', 'gui'], ['南', 'nan'], ['北', 'bei'], ['东', 'dong'], ['西', 'xi'],
];

/** A province: the first two digits of admin codes and the one-character ICP/公安 prefix. */
export interface Province {
  readonly code: string;
  readonly name: string;
  readonly abbr: string;
}

export const PROVINCES: readonly Province[] = [
  { code: '37', name: '山东省', abbr: '鲁' }, { code: '13', name: '河北省', abbr: '冀' },
  { code: '14', name: '山西省', abbr: '晋' }, { code: '21', name: '辽宁省', abbr: '辽' },
  { code: '22', name: '吉林省', abbr: '吉' }, { code: '23', name: '黑龙江省', abbr: '黑' },
  { code: '32', name: '江苏省', abbr: '苏' }, { code: '33', name: '浙江省', abbr: '浙' },
  { code: '34', name: '安徽省', abbr: '皖' }, { code: '35', name: '福建省', abbr: '闽' },
  { code: '36', name: '江西省', abbr: '赣' }, { code: '41', name: '河南省', abbr: '豫' },
  { code: '42', name: '湖北省', abbr: '鄂' }, { code: '43', name: '湖南省', abbr: '湘' },
  { code: '44', name: '广东省', abbr: '粤' }, { code: '45', name: '广西壮族自治区', abbr: '桂' },
  { code: '51', name: '四川省', abbr: '川' }, { code: '52', name: '贵州省', abbr: '黔' },
  { code: '53', name: '云南省', abbr: '滇' }, { code: '61', name: '陕西省', abbr: '陕' },
  { code: '62', name: '甘肃省', abbr: '甘' }, { code: '64', name: '宁夏回族自治区', abbr: '宁' },
  { code: '65', name: '新疆维吾尔自治区', abbr: '新' },
];

/** A government department: host-name code and display name. */
export interface Dept {
  readonly code: string;
  readonly name: string;
  readonly short: string;
}

/** Departments after the 2018 institutional reform; the codes are the usual sub-domain labels. */
export const DEPTS: readonly Dept[] = [
  { code: 'jyj', name: '教育局', short: '教育' },
  { code: 'wjw', name: '卫生健康委员会', short: '卫健' },
  { code: 'czj', name: '财政局', short: '财政' },
  { code: 'gaj', name: '公安局', short: '公安' },
  { code: 'mzj', name: '民政局', short: '民政' },
  { code: 'rsj', name: '人力资源和社会保障局', short: '人社' },
  { code: 'zjj', name: '住房和城乡建设局', short: '住建' },
  { code: 'jtj', name: '交通运输局', short: '交通' },
  { code: 'sthjj', name: '生态环境局', short: '环境' },
  { code: 'nyncj', name: '农业农村局', short: '农业' },
  { code: 'swj', name: '商务局', short: '商务' },
  { code: 'whlyj', name: '文化和旅游局', short: '文旅' },
  { code: 'scjgj', name: '市场监督管理局', short: '市场监管' },
  { code: 'tjj', name: '统计局', short: '统计' },
  { code: 'yjj', name: '应急管理局', short: '应急' },
  { code: 'sfj', name: '司法局', short: '司法' },
  { code: 'fgw', name: '发展和改革委员会', short: '发改' },
  { code: 'gxj', name: '工业和信息化局', short: '工信' },
  { code: 'zrzyj', name: '自然资源和规划局', short: '自然资源' },
  { code: 'slj', name: '水利局', short: '水利' },
  { code: 'ybj', name: '医疗保障局', short: '医保' },
  { code: 'xzspj', name: '行政审批服务局', short: '审批' },
];

/** Departments merged away in 2018: their old host names no longer resolve. */
export const OLD_DEPTS: readonly Dept[] = [
  { code: 'wsj', name: '卫生局', short: '卫生' },
  { code: 'gsj', name: '工商行政管理局', short: '工商' },
  { code: 'ajj', name: '安全生产监督管理局', short: '安监' },
  { code: 'gtj', name: '国土资源局', short: '国土' },
  { code: 'hbj', name: '环境保护局', short: '环保' },
];

/**
 * Bodies a later reform renamed (content/dictionary.yaml, category reformed) and the documents they
 * issued before it: a list of such documents, and a citation of one, keep the old name rightly.
 */
export const OLD_ISSUERS: readonly { name: string; prefix: string; year: number; about: string }[] = [
  { name: '中国银行保险监督管理委员会', prefix: '银保监发', year: 2021, about: '金融支持' },
  { name: '国家卫生和计划生育委员会', prefix: '国卫办发', year: 2017, about: '家庭医生签约服务' },
];

/** Work topics used in titles. */
export const TOPICS: readonly string[] = [
  '安全生产', '森林防火', '冬季供暖', '乡村振兴', '营商环境', '文明城市创建', '医疗保障', '义务教育',
  '大气污染防治', '农村人居环境整治', '高标准农田建设', '稳就业', '消防安全', '防汛抗旱', '食品安全',
  '城乡环境卫生', '政务公开', '招商引资', '困难群众救助', '老旧小区改造', '数字政府建设', '河长制',
  '根治欠薪', '信访稳定', '秋冬季农业生产', '扫黑除恶常态化', '人口普查', '减税降费',
];

/** Historical special topics (专题): finished, never stale. */
export const OLD_TOPICS: readonly string[] = [
  '党史学习教育', '第七次全国人口普查', '不忘初心、牢记使命主题教育', '扫黑除恶专项斗争',
  '全国文明城市创建', '脱贫攻坚', '第四次全国经济普查', '“放管服”改革',
];

/** Citizens' message subjects for the 领导信箱 board. */
export const MESSAGE_SUBJECTS: readonly string[] = [
  '关于小区供暖温度不达标的问题', '咨询新生入学报名事宜', '反映道路破损需要维修', '关于农村低保申请条件的咨询',
  '咨询住房公积金提取流程', '反映夜间施工噪音扰民', '关于小区路灯长期不亮的问题', '咨询灵活就业社保缴费',
  '反映小区物业服务问题', '关于调整公交线路的建议', '咨询个体工商户办理营业执照', '反映农村饮水水压不足',
  '关于学校周边交通安全的建议', '咨询老年人高龄补贴发放', '反映企业拖欠农民工工资',
];

/** Phrases for article bodies. */
export const BODY_OPENINGS: readonly string[] = [
  '会议传达学习了上级有关文件精神，听取了各单位工作进展情况汇报，研究部署下一阶段重点任务。',
  '为进一步做好相关工作，切实维护人民群众切身利益，根据上级部署要求，结合我地实际，现将有关事项通知如下。',
  '近日，相关负责同志带队深入基层一线，实地察看工作推进情况，现场协调解决存在的困难和问题。',
  '今年以来，我们坚持以人民为中心的发展思想，统筹推进各项工作，取得了阶段性成效。',
];
export const BODY_MIDDLES: readonly string[] = [
  '会议强调，各级各部门要提高政治站位，压实工作责任，细化工作措施，确保各项任务落到实处。',
  '要坚持问题导向，聚焦群众急难愁盼问题，建立问题清单、任务清单和责任清单，逐项抓好整改落实。',
  '要加强统筹协调，形成工作合力，强化督导检查，对工作推进不力的单位和个人严肃问责。',
  '要广泛宣传发动，营造浓厚氛围，引导群众积极参与，切实提高群众的知晓率和满意度。',
  '各单位要按照时间节点要求，及时报送工作进展情况，确保按期完成各项目标任务。',
];
export const BODY_CLOSINGS: readonly string[] = [
  '下一步，将持续巩固工作成果，建立健全长效机制，推动各项工作再上新台阶。',
  '特此通知。',
  '联系人及电话详见附件。',
  '本通知自印发之日起施行。',
];

/**
 * Wrong wordings the sites publish, from content/dictionary.yaml: the wrong form as printed, the
 * severity the dictionary gives it (serious ones count towards the severe-error veto) and a
 * sentence that carries it. A test checks every entry against the dictionary.
 */
export interface TypoSpec {
  readonly wrong: string;
  readonly serious: boolean;
  readonly sentence: string;
}

export const TYPOS = {
  gongfu: { wrong: '攻府', serious: true, sentence: '会议要求，各级攻府部门要切实履行主体责任，确保各项惠民措施落地见效。' },
  shehui: { wrong: '社会主意', serious: true, sentence: '坚持和发展中国特色社会主意，奋力谱写高质量发展新篇章。' },
  chuxin: { wrong: '不忘出心', serious: false, sentence: '全体党员干部要不忘出心、牢记使命，以实干实绩践行为民服务宗旨。' },
  zongli: { wrong: '国务院总里', serious: true, sentence: '会议传达学习了国务院总里在国务院常务会议上的重要讲话精神。' },
  gonghe: { wrong: '中华人民共合国', serious: true, sentence: '根据《中华人民共合国政府信息公开条例》规定，现将有关情况公开如下。' },
  guotu: { wrong: '国土资源部', serious: false, sentence: '根据国土资源部有关文件要求，进一步做好耕地保护和土地执法工作。' },
} as const satisfies Record<string, TypoSpec>;
export type TypoKey = keyof typeof TYPOS;

/**
 * Correct sentences that contain a dictionary wrong form inside another word or as a historical
 * mention: an inspector must not flag them. `looksLike` is the wrong form they contain; `spot` is
 * where a site prints them: the home headline, or the newest article of its 概况 column (history).
 */
export const TYPO_CONTROLS = {
  historical: { looksLike: '国土资源部', spot: 'home', sentence: '2018年机构改革中，原国土资源部的职责整合划入新组建的自然资源部。' },
  inWord: { looksLike: '攻府', spot: 'overview', sentence: '明崇祯年间，农民军围攻府城，城中军民坚守月余。' },
} as const satisfies Record<string, { looksLike: string; spot: 'home' | 'overview'; sentence: string }>;
export type TypoControlKey = keyof typeof TYPO_CONTROLS;

/** Invented gambling hosts for injected hidden links (the reserved .example TLD never resolves for real). */
export const HIDDEN_LINK_TARGETS: readonly (readonly [string, string])[] = [
  ['www.amxpj-yule.example', '澳门新葡京娱乐场'],
  ['www.hgty-touzhu.example', '皇冠体育在线投注'],
  ['www.bjl-zhenren.example', '真人百家乐'],
  ['www.ssc-caipiao.example', '时时彩计划网'],
];

/** Short replies a department publishes under an answered message. */
export const REPLIES: readonly string[] = [
  '您好！您反映的问题已转相关部门核实处理，感谢您对我们工作的关心和支持。',
  '您好！经核实，相关工作正在按计划推进，具体安排将及时向社会公布。',
  '您好！您咨询的事项可携带相关材料到政务服务中心窗口办理，咨询电话详见网站。',
  '您好！我们已安排工作人员现场查看，问题已督促责任单位限期整改。',
];
