// What the demo data says: the three demo sellers (medical equipment, industrial
// automation, property insurance), their products, competitors, customers,
// the buying centers of those customers, and the words salespeople write about
// what happened. Chinese for Chinese customers, English for international ones.
import type { AccountSize, BudgetCycle, BuyingRole, Industry, ProcurementPolicy } from '../domain/labels';

export type Lang = 'zh' | 'en';
export type PackKey = 'medical' | 'automation' | 'insurance';
export type Bi = readonly [zh: string, en: string];

export interface Product {
  zh: string;
  en: string;
  /** Value range in CNY. */
  min: number;
  max: number;
  /** The customer department that uses it. */
  site: Bi;
}

export interface CompetitorDef {
  name: string;
  website: string;
  notes: string;
  strengths: readonly string[];
  weaknesses: readonly string[];
}

/** A position in a customer's organization, with its place in the buying center. */
export interface RoleNode {
  key: string;
  title: Bi;
  dept: Bi;
  roles: readonly BuyingRole[];
  influence: number;
  parent: string | null;
  /** Chance to be among the known contacts of an account. */
  p: number;
  concerns: Bi;
}

export interface DemoAccount {
  name: string;
  short: string;
  lang: Lang;
  industry: Industry;
  size: AccountSize;
  region: string;
  policies: readonly ProcurementPolicy[];
  budgetCycle: BudgetCycle;
  notes: string;
  domain: string;
}

export interface Pack {
  key: PackKey;
  products: readonly Product[];
  competitors: readonly CompetitorDef[];
  tree: readonly RoleNode[];
  demoAccounts: readonly DemoAccount[];
  /** Words used in the templates: {dept} the technical department, {purchasing} the purchasing body. */
  vocab: { dept: Bi; purchasing: Bi; credentials: Bi; orgStructure: Bi };
  criteria: readonly Bi[];
  specPoints: readonly Bi[];
  industries: readonly (readonly [Industry, number])[];
  /** Generated customer names for the scale mode. */
  nameParts: { zh: readonly string[]; zhSuffix: readonly string[]; en: readonly string[]; enSuffix: readonly string[] };
  /** Evidence templates that differ in this industry. */
  evidence: Partial<Record<string, readonly EvidenceTemplate[]>>;
}

export interface EvidenceTemplate {
  type: string;
  summary: Bi;
  response?: Bi;
}

const bi = (zh: string, en: string): Bi => [zh, en];

// ---------------------------------------------------------------------------
// The demo sellers and their people.

export interface DemoUser {
  email: string;
  name: string;
  role: 'owner' | 'admin' | 'manager' | 'member';
  locale: 'zh-CN' | 'en';
}

export interface DemoOrg {
  slug: string;
  name: string;
  pack: PackKey;
  mainModel: string;
  visibility: 'all' | 'own';
  riskThresholds: Record<string, unknown> | null;
  users: readonly DemoUser[];
}

export const DEMO_PASSWORD = 'demo-procura-2026';

export const DEMO_ORGS: readonly DemoOrg[] = [
  {
    slug: 'medequip',
    name: 'MedEquip 康瑞医疗设备',
    pack: 'medical',
    mainModel: 'internal-8',
    visibility: 'all',
    riskThresholds: null,
    users: [
      { email: 'li.na@medequip.demo', name: '李娜', role: 'owner', locale: 'zh-CN' },
      { email: 'zhao.min@medequip.demo', name: '赵敏', role: 'admin', locale: 'zh-CN' },
      { email: 'zhang.wei@medequip.demo', name: '张伟', role: 'manager', locale: 'zh-CN' },
      { email: 'emma.liu@medequip.demo', name: 'Emma Liu', role: 'member', locale: 'en' },
    ],
  },
  {
    slug: 'autoline',
    name: 'AutoLine 智控自动化',
    pack: 'automation',
    mainModel: 'procurement-6',
    visibility: 'own',
    riskThresholds: null,
    users: [
      { email: 'wang.lei@autoline.demo', name: '王磊', role: 'owner', locale: 'zh-CN' },
      { email: 'huang.li@autoline.demo', name: '黄丽', role: 'admin', locale: 'zh-CN' },
      { email: 'liu.yang@autoline.demo', name: '刘洋', role: 'manager', locale: 'zh-CN' },
      { email: 'david.chen@autoline.demo', name: 'David Chen', role: 'member', locale: 'en' },
    ],
  },
  {
    slug: 'shieldins',
    name: 'ShieldIns 盾安财产保险',
    pack: 'insurance',
    mainModel: 'purchasing-cycle-5',
    visibility: 'all',
    // Corporate insurance decisions go through committees: a decision stage tolerates two weeks of silence.
    riskThresholds: { informationIslandDays: { need: 30, research: 21, evaluate: 14, decide: 14, buy: 14, use: 60 } },
    users: [
      { email: 'chen.jing@shieldins.demo', name: '陈静', role: 'owner', locale: 'zh-CN' },
      { email: 'zhou.qiang@shieldins.demo', name: '周强', role: 'admin', locale: 'zh-CN' },
      { email: 'yang.fan@shieldins.demo', name: '杨帆', role: 'manager', locale: 'zh-CN' },
      { email: 'sophie.wu@shieldins.demo', name: 'Sophie Wu', role: 'member', locale: 'en' },
    ],
  },
];

// ---------------------------------------------------------------------------
// People's names.

export const SURNAMES: readonly (readonly [string, string])[] = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['黄', 'huang'], ['赵', 'zhao'],
  ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'], ['马', 'ma'], ['朱', 'zhu'], ['胡', 'hu'], ['郭', 'guo'],
  ['何', 'he'], ['高', 'gao'], ['林', 'lin'], ['罗', 'luo'], ['郑', 'zheng'], ['梁', 'liang'], ['谢', 'xie'], ['宋', 'song'],
  ['唐', 'tang'], ['韩', 'han'], ['冯', 'feng'], ['邓', 'deng'], ['曹', 'cao'], ['彭', 'peng'], ['曾', 'zeng'], ['肖', 'xiao'],
  ['田', 'tian'], ['董', 'dong'], ['潘', 'pan'], ['袁', 'yuan'], ['蒋', 'jiang'], ['蔡', 'cai'], ['余', 'yu'], ['杜', 'du'],
  ['叶', 'ye'], ['程', 'cheng'], ['魏', 'wei'], ['苏', 'su'], ['吕', 'lv'], ['丁', 'ding'], ['任', 'ren'], ['沈', 'shen'],
  ['姚', 'yao'], ['卢', 'lu'], ['傅', 'fu'], ['钟', 'zhong'], ['崔', 'cui'], ['谭', 'tan'], ['廖', 'liao'], ['范', 'fan'],
  ['金', 'jin'], ['石', 'shi'], ['戴', 'dai'], ['贾', 'jia'], ['夏', 'xia'], ['邱', 'qiu'], ['方', 'fang'], ['侯', 'hou'],
  ['邹', 'zou'], ['熊', 'xiong'], ['孟', 'meng'], ['秦', 'qin'], ['白', 'bai'], ['薛', 'xue'], ['雷', 'lei'], ['龙', 'long'],
  ['陶', 'tao'], ['顾', 'gu'], ['毛', 'mao'], ['郝', 'hao'], ['邵', 'shao'], ['钱', 'qian'], ['严', 'yan'], ['武', 'wu'],
];

export const GIVEN_NAMES: readonly (readonly [string, string])[] = [
  ['伟', 'wei'], ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['强', 'qiang'], ['磊', 'lei'],
  ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['艳', 'yan'], ['杰', 'jie'], ['娟', 'juan'], ['涛', 'tao'], ['明', 'ming'],
  ['超', 'chao'], ['秀英', 'xiuying'], ['霞', 'xia'], ['平', 'ping'], ['刚', 'gang'], ['建华', 'jianhua'], ['志强', 'zhiqiang'],
  ['海燕', 'haiyan'], ['晓东', 'xiaodong'], ['丹', 'dan'], ['鹏', 'peng'], ['辉', 'hui'], ['玲', 'ling'], ['文博', 'wenbo'],
  ['雪', 'xue'], ['宇', 'yu'], ['浩然', 'haoran'], ['思远', 'siyuan'], ['子涵', 'zihan'], ['嘉怡', 'jiayi'], ['建国', 'jianguo'],
  ['国强', 'guoqiang'], ['立新', 'lixin'], ['春梅', 'chunmei'], ['红霞', 'hongxia'], ['晨', 'chen'], ['昊', 'hao'], ['佳', 'jia'],
  ['琳', 'lin'], ['博', 'bo'], ['凯', 'kai'], ['颖', 'ying'], ['倩', 'qian'], ['婷', 'ting'], ['斌', 'bin'], ['毅', 'yi'],
  ['俊', 'jun'], ['慧', 'hui'], ['瑶', 'yao'], ['薇', 'wei'], ['振华', 'zhenhua'], ['美玲', 'meiling'], ['卫东', 'weidong'], ['晓燕', 'xiaoyan'],
];

export const EN_FIRST: readonly string[] = [
  'James', 'Olivia', 'Daniel', 'Sarah', 'Michael', 'Emily', 'David', 'Grace', 'Thomas', 'Hannah', 'Andrew', 'Rachel', 'Peter',
  'Laura', 'Kevin', 'Sophie', 'Ryan', 'Natalie', 'Marcus', 'Chloe', 'Priya', 'Arjun', 'Wei Ming', 'Siti', 'Hiroshi', 'Anna',
  'Lukas', 'Mei Ling', 'Somchai', 'Nicole',
];
export const EN_LAST: readonly string[] = [
  'Tan', 'Lim', 'Wong', 'Smith', 'Brown', 'Taylor', 'Müller', 'Schmidt', 'Johnson', 'Lee', 'Ng', 'Chan', 'Kumar', 'Sharma',
  'Nakamura', 'Suzuki', 'Fischer', 'Walker', 'Hughes', 'Clarke', 'Rahman', 'Goh', 'Cheng', 'Srisuk', 'Meyer', 'Evans', 'Park',
];

// ---------------------------------------------------------------------------
// Places.

export const CITIES: readonly (readonly [city: string, province: string])[] = [
  ['北京', '北京市'], ['上海', '上海市'], ['广州', '广东省'], ['深圳', '广东省'], ['杭州', '浙江省'], ['南京', '江苏省'],
  ['苏州', '江苏省'], ['成都', '四川省'], ['武汉', '湖北省'], ['西安', '陕西省'], ['重庆', '重庆市'], ['天津', '天津市'],
  ['长沙', '湖南省'], ['郑州', '河南省'], ['青岛', '山东省'], ['济南', '山东省'], ['合肥', '安徽省'], ['福州', '福建省'],
  ['厦门', '福建省'], ['宁波', '浙江省'], ['无锡', '江苏省'], ['沈阳', '辽宁省'], ['大连', '辽宁省'], ['哈尔滨', '黑龙江省'],
  ['昆明', '云南省'], ['南宁', '广西壮族自治区'], ['贵阳', '贵州省'], ['南昌', '江西省'], ['石家庄', '河北省'], ['太原', '山西省'],
  ['兰州', '甘肃省'], ['佛山', '广东省'], ['东莞', '广东省'], ['常州', '江苏省'], ['温州', '浙江省'], ['烟台', '山东省'],
  ['徐州', '江苏省'], ['洛阳', '河南省'],
];
export const INTL_PLACES: readonly string[] = ['Singapore', 'Hong Kong', 'Bangkok', 'Kuala Lumpur', 'Jakarta', 'Ho Chi Minh City', 'Manila', 'Penang'];

// ---------------------------------------------------------------------------
// Packs.

const MEDICAL: Pack = {
  key: 'medical',
  products: [
    { zh: '彩色多普勒超声诊断系统', en: 'colour Doppler ultrasound system', min: 800_000, max: 3_000_000, site: bi('超声医学科', 'ultrasound department') },
    { zh: '1.5T磁共振成像系统', en: '1.5T MRI system', min: 8_000_000, max: 15_000_000, site: bi('放射科', 'radiology department') },
    { zh: '64排螺旋CT', en: '64-slice CT scanner', min: 5_000_000, max: 10_000_000, site: bi('放射科', 'radiology department') },
    { zh: '数字化X射线摄影系统（DR）', en: 'digital radiography system', min: 1_000_000, max: 2_500_000, site: bi('放射科', 'radiology department') },
    { zh: '多参数监护系统', en: 'patient monitoring system', min: 600_000, max: 3_000_000, site: bi('重症医学科', 'ICU') },
    { zh: '高端呼吸机', en: 'ICU ventilators', min: 1_000_000, max: 4_000_000, site: bi('重症医学科', 'ICU') },
    { zh: '麻醉工作站', en: 'anaesthesia workstations', min: 800_000, max: 2_500_000, site: bi('麻醉科', 'anaesthesiology department') },
    { zh: '电子内窥镜系统', en: 'video endoscopy system', min: 1_500_000, max: 4_000_000, site: bi('消化内镜中心', 'endoscopy centre') },
    { zh: '全自动生化免疫流水线', en: 'clinical chemistry and immunoassay line', min: 3_000_000, max: 8_000_000, site: bi('检验科', 'laboratory') },
    { zh: '数字化手术室整体方案', en: 'integrated digital operating room', min: 4_000_000, max: 12_000_000, site: bi('手术室', 'operating theatres') },
  ],
  competitors: [
    { name: '迈瑞医疗 Mindray', website: 'https://www.mindray.com', notes: '国产龙头，监护、超声、检验线全面，价格有优势', strengths: ['价格低', '本地服务网点多', '产品线全'], weaknesses: ['高端影像经验少'] },
    { name: 'GE医疗 GE HealthCare', website: 'https://www.gehealthcare.com', notes: '影像与超声强，三甲医院装机量大', strengths: ['品牌认可度高', '高端影像技术强'], weaknesses: ['价格高', '配件周期长'] },
    { name: '西门子医疗 Siemens Healthineers', website: 'https://www.siemens-healthineers.com', notes: '影像、检验全线，注重科研合作', strengths: ['科研合作资源', '检验流水线成熟'], weaknesses: ['报价高', '付款条件严格'] },
    { name: '联影医疗 United Imaging', website: 'https://www.united-imaging.com', notes: '国产高端影像，政策支持国产替代', strengths: ['国产替代政策', '高端影像性价比'], weaknesses: ['超声产品线较新'] },
    { name: '飞利浦医疗 Philips Healthcare', website: 'https://www.philips.com.cn/healthcare', notes: '监护、超声、影像', strengths: ['监护产品口碑好'], weaknesses: ['近年本地团队调整'] },
    { name: '东软医疗 Neusoft Medical', website: 'https://www.neusoftmedical.com', notes: '国产CT、DR，基层医院覆盖广', strengths: ['价格灵活', '基层渠道广'], weaknesses: ['三甲医院案例少'] },
  ],
  tree: [
    { key: 'president', title: bi('院长', 'Chief Executive'), dept: bi('院办', 'Executive Office'), roles: ['decision_maker'], influence: 5, parent: null, p: 0.75, concerns: bi('学科建设和医院整体效益', 'Overall benefit to the hospital and its departments') },
    { key: 'vp_equipment', title: bi('副院长（分管医学装备）', 'Deputy Director, Medical Equipment'), dept: bi('院办', 'Executive Office'), roles: ['decision_maker'], influence: 5, parent: 'president', p: 0.7, concerns: bi('合规采购、全生命周期成本', 'Compliant purchasing and lifetime cost') },
    { key: 'vp_medical', title: bi('副院长（分管医疗）', 'Medical Director'), dept: bi('院办', 'Executive Office'), roles: ['decision_maker', 'influencer'], influence: 4, parent: 'president', p: 0.35, concerns: bi('临床质量与患者安全', 'Clinical quality and patient safety') },
    { key: 'equip_head', title: bi('设备科科长', 'Head of Biomedical Engineering'), dept: bi('设备科', 'Biomedical Engineering'), roles: ['influencer', 'purchaser'], influence: 4, parent: 'vp_equipment', p: 0.9, concerns: bi('设备可靠性、维保响应和配件供应', 'Reliability, service response and spare parts') },
    { key: 'equip_engineer', title: bi('设备科工程师', 'Biomedical Engineer'), dept: bi('设备科', 'Biomedical Engineering'), roles: ['influencer'], influence: 2, parent: 'equip_head', p: 0.5, concerns: bi('维修培训和技术资料', 'Service training and technical documents') },
    { key: 'procurement_head', title: bi('采购中心主任', 'Procurement Manager'), dept: bi('采购中心', 'Procurement'), roles: ['purchaser'], influence: 3, parent: 'vp_equipment', p: 0.7, concerns: bi('价格、交货期和合同条款', 'Price, delivery time and contract terms') },
    { key: 'dept_head', title: bi('科主任', 'Head of Department'), dept: bi('临床科室', 'Clinical department'), roles: ['user', 'influencer'], influence: 4, parent: 'vp_medical', p: 0.9, concerns: bi('图像质量和临床功能', 'Image quality and clinical functions') },
    { key: 'head_nurse', title: bi('护士长', 'Nurse Manager'), dept: bi('临床科室', 'Clinical department'), roles: ['user'], influence: 2, parent: 'dept_head', p: 0.45, concerns: bi('易用性和培训', 'Ease of use and training') },
    { key: 'finance_head', title: bi('财务处处长', 'Finance Director'), dept: bi('财务处', 'Finance'), roles: ['influencer'], influence: 3, parent: 'president', p: 0.35, concerns: bi('预算执行和付款节奏', 'Budget execution and payment schedule') },
    { key: 'it_engineer', title: bi('信息科工程师', 'IT Systems Engineer'), dept: bi('信息科', 'Information Technology'), roles: ['influencer'], influence: 2, parent: 'vp_equipment', p: 0.35, concerns: bi('PACS/HIS 接口和信息安全', 'PACS/HIS integration and security') },
    { key: 'supervisor', title: bi('纪检监察室主任', 'Compliance Officer'), dept: bi('纪检监察室', 'Compliance'), roles: ['supervisor'], influence: 3, parent: 'president', p: 0.3, concerns: bi('招标程序合规', 'A compliant tender procedure') },
  ],
  demoAccounts: [
    { name: '华康医科大学附属第一医院', short: '华康附一', lang: 'zh', industry: 'medical', size: 'enterprise', region: '上海市', policies: ['centralized_tender', 'quality_first'], budgetCycle: 'annual', notes: '三级甲等综合医院，床位3,200张；医学装备委员会每季度论证一次大型设备。', domain: 'hkfy.example.cn' },
    { name: '明仁中心医院', short: '明仁中心', lang: 'zh', industry: 'medical', size: 'large', region: '浙江省 杭州市', policies: ['centralized_tender', 'value_for_money'], budgetCycle: 'annual', notes: '三甲医院，新院区2025年启用，设备需求集中。', domain: 'mingren-hosp.example.cn' },
    { name: '钟山第一人民医院', short: '钟山一院', lang: 'zh', industry: 'medical', size: 'large', region: '江苏省 南京市', policies: ['centralized_tender', 'local_supplier_preference'], budgetCycle: 'annual', notes: '三甲医院，影像科年检查量超过60万人次。', domain: 'zsyy.example.cn' },
    { name: '天府安和医院', short: '天府安和', lang: 'zh', industry: 'medical', size: 'large', region: '四川省 成都市', policies: ['centralized_tender', 'quality_first'], budgetCycle: 'annual', notes: '三甲医院，正在创建国家区域医疗中心。', domain: 'tfah.example.cn' },
    { name: '楚天医科大学附属同心医院', short: '同心医院', lang: 'zh', industry: 'medical', size: 'enterprise', region: '湖北省 武汉市', policies: ['centralized_tender', 'quality_first'], budgetCycle: 'annual', notes: '大学附属三甲医院，科研型采购多，重视合作研究。', domain: 'tongxin-hosp.example.cn' },
    { name: '珠江妇女儿童医院', short: '珠江妇儿', lang: 'zh', industry: 'medical', size: 'large', region: '广东省 广州市', policies: ['centralized_tender', 'value_for_money'], budgetCycle: 'annual', notes: '三甲专科医院，新生儿重症监护床位扩建中。', domain: 'zjfe.example.cn' },
    { name: '鹏城肿瘤医院', short: '鹏城肿瘤', lang: 'zh', industry: 'medical', size: 'large', region: '广东省 深圳市', policies: ['centralized_tender', 'quality_first'], budgetCycle: 'annual', notes: '三甲肿瘤专科医院，影像与内镜需求大。', domain: 'pczl.example.cn' },
    { name: '长安心血管病医院', short: '长安心血管', lang: 'zh', industry: 'medical', size: 'medium', region: '陕西省 西安市', policies: ['centralized_tender', 'lowest_price'], budgetCycle: 'annual', notes: '三级专科医院，重症和手术室设备为主。', domain: 'caxxg.example.cn' },
    { name: '泉城骨科医院', short: '泉城骨科', lang: 'zh', industry: 'medical', size: 'medium', region: '山东省 济南市', policies: ['lowest_price', 'local_supplier_preference'], budgetCycle: 'semiannual', notes: '三级骨科专科医院，民营资本参股，决策链短。', domain: 'qcgk.example.cn' },
    { name: '滨海新区人民医院', short: '滨海人医', lang: 'zh', industry: 'medical', size: 'medium', region: '天津市', policies: ['centralized_tender', 'lowest_price'], budgetCycle: 'annual', notes: '区域医疗中心，纳入市级集中采购。', domain: 'bhrmyy.example.cn' },
    { name: '岭南中医院', short: '岭南中医', lang: 'zh', industry: 'medical', size: 'medium', region: '广东省 佛山市', policies: ['framework_agreement', 'value_for_money'], budgetCycle: 'annual', notes: '三甲中医院，检验与内镜设备更新。', domain: 'lnzyy.example.cn' },
    { name: 'Lakeside General Hospital', short: 'Lakeside', lang: 'en', industry: 'medical', size: 'large', region: 'Singapore', policies: ['value_for_money', 'quality_first'], budgetCycle: 'annual', notes: 'Public hospital cluster member, 1,100 beds; tenders run on GeBIZ.', domain: 'lakeside-hospital.example.sg' },
    { name: "St. Aidan's Medical Centre", short: "St. Aidan's", lang: 'en', industry: 'medical', size: 'medium', region: 'Hong Kong', policies: ['quality_first'], budgetCycle: 'annual', notes: 'Private hospital; the board approves capital items above HKD 2 million.', domain: 'staidans.example.hk' },
    { name: 'Riverside Heart Institute', short: 'Riverside Heart', lang: 'en', industry: 'medical', size: 'medium', region: 'Bangkok', policies: ['value_for_money'], budgetCycle: 'project_based', notes: 'Cardiac centre expanding its cath lab and ICU.', domain: 'riversideheart.example.th' },
  ],
  vocab: {
    dept: bi('设备科', 'biomedical engineering team'),
    purchasing: bi('采购中心', 'procurement office'),
    credentials: bi('医疗器械注册证', 'device registration certificates'),
    orgStructure: bi(
      '院长—分管副院长—医学装备部／设备科—临床科室；大型设备须经医学装备委员会论证，采购中心组织公开招标，纪检监察室全程监督。',
      'CEO – deputy director – biomedical engineering – clinical departments; large items go through the equipment committee, procurement runs the tender, compliance oversees it.',
    ),
  },
  criteria: [
    bi('技术 60%、商务 30%、服务 10%；须具备NMPA医疗器械注册证', 'technical 60%, commercial 30%, service 10%; registered medical device required'),
    bi('技术参数 42 项（★条款 6 项），价格分 30 分，售后 10 分', '42 technical items (6 mandatory), price 30 points, service 10 points'),
    bi('综合评分法：技术 55%、价格 35%、业绩与服务 10%', 'weighted scoring: technical 55%, price 35%, references and service 10%'),
  ],
  specPoints: [bi('图像后处理工作站', 'a post-processing workstation'), bi('远程运维接口', 'a remote service interface'), bi('三年原厂保修', 'a three-year manufacturer warranty'), bi('与PACS系统的DICOM接口', 'a DICOM interface to PACS')],
  industries: [['medical', 1]],
  nameParts: {
    zh: ['仁和', '安康', '博爱', '同济', '明德', '康宁', '济民', '华山', '新华', '瑞金', '长庚', '中山', '广仁', '协济', '福康', '惠民', '和平', '东方'],
    zhSuffix: ['医院', '中心医院', '人民医院', '第一人民医院', '中医院', '妇幼保健院', '肿瘤医院', '儿童医院', '医科大学附属医院'],
    en: ['Harbourview', 'Northpoint', 'Eastgate', 'Greenfield', 'Bayside', 'Hillcrest', 'Parkway', 'Seaview'],
    enSuffix: ['General Hospital', 'Medical Centre', 'Specialist Hospital', "Children's Hospital"],
  },
  evidence: {
    demo_or_trial_requested: [
      { type: 'trial', summary: bi('{product}样机进驻{site}开展为期两周的临床试用。', 'A {product} demo unit went into the {site} for a two-week clinical trial.'), response: bi('{contact}反馈图像质量满意，希望增加一个探头配置。', '{contact} liked the image quality and asked for one more probe.') },
      { type: 'demo', summary: bi('应{contact}要求，在{site}现场演示{product}。', 'Demonstrated the {product} in the {site} at the request of {contact}.'), response: bi('医生对操作流程比较认可。', 'The doctors found the workflow convincing.') },
    ],
    delivery_accepted: [
      { type: 'visit', summary: bi('{product}完成安装调试和操作培训，{site}验收合格。', 'The {product} is installed, staff trained, and the {site} signed the acceptance.'), response: bi('科室对培训安排满意。', 'The department was satisfied with the training.') },
    ],
  },
};

const AUTOMATION: Pack = {
  key: 'automation',
  products: [
    { zh: 'PLC控制系统升级', en: 'PLC control system upgrade', min: 500_000, max: 3_000_000, site: bi('总装车间', 'assembly shop') },
    { zh: '机器人焊接工作站', en: 'robotic welding cells', min: 2_000_000, max: 8_000_000, site: bi('焊装车间', 'welding shop') },
    { zh: 'MES制造执行系统', en: 'manufacturing execution system (MES)', min: 1_500_000, max: 6_000_000, site: bi('生产管理部', 'production planning') },
    { zh: '伺服驱动与运动控制系统', en: 'servo drives and motion control', min: 800_000, max: 3_000_000, site: bi('机加车间', 'machining shop') },
    { zh: '机器视觉检测系统', en: 'machine-vision inspection system', min: 600_000, max: 2_500_000, site: bi('质检部', 'quality control') },
    { zh: 'AGV智能物流系统', en: 'AGV intralogistics system', min: 2_000_000, max: 7_000_000, site: bi('仓储物流部', 'warehouse') },
    { zh: 'DCS集散控制系统', en: 'distributed control system (DCS)', min: 3_000_000, max: 12_000_000, site: bi('动力车间', 'utilities plant') },
    { zh: '产线数字化改造', en: 'production line digital retrofit', min: 5_000_000, max: 20_000_000, site: bi('制造部', 'manufacturing') },
  ],
  competitors: [
    { name: '西门子 Siemens', website: 'https://www.siemens.com', notes: 'PLC、DCS、MES全线，外资大客户首选', strengths: ['品牌和标准化', 'PLC装机量大'], weaknesses: ['价格高', '定制响应慢'] },
    { name: 'ABB', website: 'https://new.abb.com', notes: '机器人、DCS、电气', strengths: ['机器人与DCS成熟'], weaknesses: ['交期长'] },
    { name: '发那科 FANUC', website: 'https://www.fanuc.co.jp', notes: '数控与机器人', strengths: ['机器人可靠性高'], weaknesses: ['系统集成依赖合作伙伴'] },
    { name: '汇川技术 Inovance', website: 'https://www.inovance.com', notes: '国产伺服、PLC，性价比高', strengths: ['价格有优势', '响应快'], weaknesses: ['大型项目案例少'] },
    { name: '罗克韦尔自动化 Rockwell Automation', website: 'https://www.rockwellautomation.com', notes: '北美标准工厂常用', strengths: ['外资工厂标准'], weaknesses: ['国内服务网点少'] },
    { name: '库卡 KUKA', website: 'https://www.kuka.com', notes: '汽车焊装机器人', strengths: ['汽车行业案例多'], weaknesses: ['报价偏高'] },
    { name: '施耐德电气 Schneider Electric', website: 'https://www.se.com', notes: '配电与过程控制', strengths: ['能效方案'], weaknesses: ['运动控制较弱'] },
  ],
  tree: [
    { key: 'gm', title: bi('总经理', 'Managing Director'), dept: bi('总经办', 'Management'), roles: ['decision_maker'], influence: 5, parent: null, p: 0.75, concerns: bi('投资回报和产能目标', 'Return on investment and capacity targets') },
    { key: 'vp_ops', title: bi('生产副总经理', 'VP Operations'), dept: bi('生产中心', 'Operations'), roles: ['decision_maker'], influence: 5, parent: 'gm', p: 0.65, concerns: bi('停线风险和上线时间', 'Downtime risk and go-live date') },
    { key: 'plant_mgr', title: bi('厂长', 'Plant Manager'), dept: bi('制造部', 'Manufacturing'), roles: ['user', 'influencer'], influence: 4, parent: 'vp_ops', p: 0.6, concerns: bi('产量、良率和人员效率', 'Output, yield and labour efficiency') },
    { key: 'maint_mgr', title: bi('设备部经理', 'Maintenance Manager'), dept: bi('设备部', 'Maintenance'), roles: ['influencer', 'user'], influence: 4, parent: 'plant_mgr', p: 0.9, concerns: bi('可维护性、备件和技术支持', 'Maintainability, spare parts and support') },
    { key: 'engineer', title: bi('电气工程师', 'Electrical Engineer'), dept: bi('设备部', 'Maintenance'), roles: ['user'], influence: 2, parent: 'maint_mgr', p: 0.55, concerns: bi('编程环境和培训', 'Programming environment and training') },
    { key: 'workshop', title: bi('车间主任', 'Production Supervisor'), dept: bi('生产车间', 'Production'), roles: ['user'], influence: 3, parent: 'plant_mgr', p: 0.45, concerns: bi('改造期间不影响生产', 'No production loss during the retrofit') },
    { key: 'process_mgr', title: bi('工艺部经理', 'Process Engineering Manager'), dept: bi('工艺部', 'Process Engineering'), roles: ['influencer'], influence: 3, parent: 'vp_ops', p: 0.35, concerns: bi('工艺参数和质量追溯', 'Process parameters and traceability') },
    { key: 'cfo', title: bi('财务总监', 'Finance Director'), dept: bi('财务部', 'Finance'), roles: ['influencer'], influence: 4, parent: 'gm', p: 0.35, concerns: bi('投资回收期和付款条件', 'Payback period and payment terms') },
    { key: 'purchasing', title: bi('采购部主任', 'Purchasing Manager'), dept: bi('采购部', 'Purchasing'), roles: ['purchaser'], influence: 3, parent: 'gm', p: 0.8, concerns: bi('价格、交期和供应商资质', 'Price, lead time and supplier qualification') },
    { key: 'buyer', title: bi('采购工程师', 'Buyer'), dept: bi('采购部', 'Purchasing'), roles: ['purchaser'], influence: 2, parent: 'purchasing', p: 0.35, concerns: bi('比价和流程合规', 'Price comparison and process compliance') },
    { key: 'it_mgr', title: bi('信息化部经理', 'IT Manager'), dept: bi('信息化部', 'IT'), roles: ['influencer'], influence: 3, parent: 'gm', p: 0.3, concerns: bi('与ERP的集成和数据安全', 'ERP integration and data security') },
    { key: 'supervisor', title: bi('项目监理', 'Project Supervisor'), dept: bi('工程管理部', 'Project Management'), roles: ['supervisor'], influence: 3, parent: 'vp_ops', p: 0.25, concerns: bi('按规范施工和验收', 'Work to standard and proper acceptance') },
  ],
  demoAccounts: [
    { name: '华东汽车零部件有限公司', short: '华东汽配', lang: 'zh', industry: 'manufacturing', size: 'enterprise', region: '江苏省 苏州市', policies: ['centralized_tender', 'quality_first'], budgetCycle: 'annual', notes: '主机厂一级供应商，四个生产基地，正在推进智能工厂。', domain: 'ec-autoparts.example.cn' },
    { name: '恒锐精密机械股份有限公司', short: '恒锐精密', lang: 'zh', industry: 'manufacturing', size: 'large', region: '浙江省 宁波市', policies: ['value_for_money', 'framework_agreement'], budgetCycle: 'annual', notes: '上市公司，数控机床零部件，设备更新以框架协议采购为主。', domain: 'hengrui-pm.example.cn' },
    { name: '南方动力电池科技有限公司', short: '南方电池', lang: 'zh', industry: 'energy', size: 'enterprise', region: '广东省 东莞市', policies: ['centralized_tender', 'lowest_price'], budgetCycle: 'quarterly', notes: '动力电池产能快速扩张，新产线项目多、节奏快。', domain: 'sbattery.example.cn' },
    { name: '长江特钢集团', short: '长江特钢', lang: 'zh', industry: 'manufacturing', size: 'enterprise', region: '湖北省 武汉市', policies: ['centralized_tender', 'local_supplier_preference'], budgetCycle: 'annual', notes: '国有特钢企业，集团集中招标，决策链长。', domain: 'cjsteel.example.cn' },
    { name: '东海家电制造有限公司', short: '东海家电', lang: 'zh', industry: 'manufacturing', size: 'large', region: '山东省 青岛市', policies: ['lowest_price', 'centralized_tender'], budgetCycle: 'annual', notes: '白色家电，线上招标平台采购，供应商须预先认证。', domain: 'donghai-appl.example.cn' },
    { name: '北辰重工机械有限公司', short: '北辰重工', lang: 'zh', industry: 'manufacturing', size: 'large', region: '辽宁省 沈阳市', policies: ['local_supplier_preference', 'value_for_money'], budgetCycle: 'annual', notes: '工程机械，焊装自动化改造需求大。', domain: 'beichen-hi.example.cn' },
    { name: '金穗食品饮料有限公司', short: '金穗食品', lang: 'zh', industry: 'manufacturing', size: 'medium', region: '河南省 郑州市', policies: ['value_for_money'], budgetCycle: 'semiannual', notes: '饮料灌装线，关注食品安全追溯。', domain: 'jinsui-food.example.cn' },
    { name: '瑞丰制药股份有限公司', short: '瑞丰制药', lang: 'zh', industry: 'manufacturing', size: 'large', region: '河北省 石家庄市', policies: ['quality_first', 'centralized_tender'], budgetCycle: 'annual', notes: 'GMP车间改造，系统需满足数据完整性要求。', domain: 'ruifeng-pharma.example.cn' },
    { name: '蓝海光伏科技有限公司', short: '蓝海光伏', lang: 'zh', industry: 'energy', size: 'large', region: '安徽省 合肥市', policies: ['lowest_price'], budgetCycle: 'quarterly', notes: '光伏组件，新基地建设中。', domain: 'lanhai-pv.example.cn' },
    { name: '中联电子元器件有限公司', short: '中联电子', lang: 'zh', industry: 'manufacturing', size: 'medium', region: '广东省 深圳市', policies: ['value_for_money'], budgetCycle: 'project_based', notes: 'SMT贴片与检测，视觉检测需求多。', domain: 'zl-elec.example.cn' },
    { name: '西部新材料有限公司', short: '西部新材', lang: 'zh', industry: 'manufacturing', size: 'small', region: '四川省 成都市', policies: ['lowest_price'], budgetCycle: 'project_based', notes: '民营企业，老板直接拍板。', domain: 'xbxc.example.cn' },
    { name: 'Apex Packaging (Taicang) Co., Ltd.', short: 'Apex Taicang', lang: 'en', industry: 'manufacturing', size: 'large', region: 'Taicang, Jiangsu', policies: ['quality_first', 'framework_agreement'], budgetCycle: 'annual', notes: 'German-owned packaging plant; group standards require global approval above EUR 500k.', domain: 'apex-packaging.example.com' },
    { name: 'Nordwind Components Thailand', short: 'Nordwind', lang: 'en', industry: 'manufacturing', size: 'medium', region: 'Rayong', policies: ['value_for_money'], budgetCycle: 'annual', notes: 'Automotive electronics plant in the Eastern Seaboard.', domain: 'nordwind.example.co.th' },
  ],
  vocab: {
    dept: bi('设备部', 'maintenance team'),
    purchasing: bi('采购部', 'purchasing department'),
    credentials: bi('CE/UL认证和同行业案例', 'CE/UL certificates and references'),
    orgStructure: bi(
      '总经理—生产副总—厂长／设备部—车间；采购部负责供应商认证和招标，财务总监审核投资回报，集团投资委员会审批大额项目。',
      'Managing director – VP operations – plant manager / maintenance – shops; purchasing qualifies suppliers and runs the tender; finance reviews the payback; the group investment committee approves large projects.',
    ),
  },
  criteria: [
    bi('技术方案 50%、价格 35%、交付与服务 15%；要求本地化服务团队', 'technical 50%, price 35%, delivery and service 15%; local service team required'),
    bi('须通过供应商认证（品质、交期、资信），最低评标价法', 'qualified suppliers only (quality, delivery, credit); lowest evaluated price'),
    bi('技术 45%、商务 40%、业绩 15%；交期不超过 120 天', 'technical 45%, commercial 40%, references 15%; lead time at most 120 days'),
  ],
  specPoints: [bi('OPC UA 数据接口', 'an OPC UA data interface'), bi('安全等级 PL d', 'safety level PL d'), bi('关键备件本地库存', 'local stock of critical spares'), bi('与现有ERP的接口', 'an interface to the existing ERP')],
  industries: [['manufacturing', 6], ['energy', 2], ['retail', 1]],
  nameParts: {
    zh: ['恒通', '宏达', '鑫源', '华瑞', '中科', '天成', '永盛', '金鼎', '东方', '远大', '新航', '瑞丰', '海诚', '博远', '联创', '正泰'],
    zhSuffix: ['精密机械有限公司', '汽车零部件有限公司', '电子科技有限公司', '新能源科技有限公司', '食品有限公司', '重工股份有限公司', '智能装备有限公司', '材料科技有限公司'],
    en: ['Pacific', 'Meridian', 'Summit', 'Vertex', 'Orion', 'Atlas', 'Keystone', 'Sterling'],
    enSuffix: ['Components Ltd.', 'Manufacturing Co.', 'Packaging Ltd.', 'Precision Industries'],
  },
  evidence: {
    demo_or_trial_requested: [
      { type: 'demo', summary: bi('在我司苏州演示中心为{contact}一行演示{product}。', 'Demonstrated the {product} to {contact} and team at our Suzhou showroom.'), response: bi('对节拍和换型时间比较满意。', 'They liked the cycle time and changeover time.') },
      { type: 'trial', summary: bi('在{site}搭建样机进行为期三周的试运行。', 'Ran a three-week pilot of the {product} in the {site}.'), response: bi('{contact}要求补充故障自诊断功能。', '{contact} asked for self-diagnostics to be added.') },
    ],
    delivery_accepted: [
      { type: 'visit', summary: bi('{product}完成调试和72小时连续运行，{site}签署终验收。', 'The {product} passed commissioning and a 72-hour run; the {site} signed the final acceptance.'), response: bi('{contact}对上线进度满意。', '{contact} was pleased with the go-live.') },
    ],
  },
};

const INSURANCE: Pack = {
  key: 'insurance',
  products: [
    { zh: '企业财产综合险', en: 'commercial property insurance', min: 300_000, max: 3_000_000, site: bi('风险管理部', 'risk management') },
    { zh: '工程一切险', en: "contractors' all risks insurance", min: 500_000, max: 4_000_000, site: bi('工程管理部', 'project management') },
    { zh: '货物运输险', en: 'cargo insurance', min: 200_000, max: 1_500_000, site: bi('物流部', 'logistics') },
    { zh: '公众责任险', en: 'public liability insurance', min: 100_000, max: 800_000, site: bi('行政部', 'administration') },
    { zh: '产品责任险', en: 'product liability insurance', min: 200_000, max: 1_500_000, site: bi('质量部', 'quality') },
    { zh: '营业中断险', en: 'business interruption insurance', min: 300_000, max: 2_000_000, site: bi('风险管理部', 'risk management') },
    { zh: '雇主责任险', en: "employers' liability insurance", min: 200_000, max: 1_200_000, site: bi('人力资源部', 'human resources') },
    { zh: '董监高责任险', en: 'directors and officers liability insurance', min: 300_000, max: 1_500_000, site: bi('董事会办公室', 'board office') },
    { zh: '网络安全保险', en: 'cyber insurance', min: 200_000, max: 1_200_000, site: bi('信息技术部', 'IT') },
  ],
  competitors: [
    { name: '中国人保财险 PICC P&C', website: 'https://www.epicc.com.cn', notes: '市场份额第一，国企客户关系深', strengths: ['国企关系', '偿付能力强'], weaknesses: ['理赔流程长'] },
    { name: '平安产险 Ping An P&C', website: 'https://property.pingan.com', notes: '综合金融，线上理赔快', strengths: ['理赔速度快', '交叉销售'], weaknesses: ['定价激进'] },
    { name: '太保产险 CPIC P&C', website: 'https://www.cpic.com.cn', notes: '工程险、货运险见长', strengths: ['工程险经验'], weaknesses: ['条款灵活度低'] },
    { name: '安联财险 Allianz', website: 'https://www.allianz.com.cn', notes: '外资客户全球保单', strengths: ['全球保单网络'], weaknesses: ['费率偏高'] },
    { name: '美亚保险 AIG', website: 'https://www.aig.com.cn', notes: '责任险、董责险强', strengths: ['责任险专业'], weaknesses: ['国内网点少'] },
    { name: '苏黎世保险 Zurich', website: 'https://www.zurich.com.cn', notes: '外资制造业客户', strengths: ['风险工程服务'], weaknesses: ['本地决策慢'] },
    { name: '大地保险 China Continent', website: 'https://www.ccic-net.com.cn', notes: '中小企业和地方国企', strengths: ['价格灵活'], weaknesses: ['大型风险承保能力有限'] },
  ],
  tree: [
    { key: 'chair', title: bi('董事长', 'Chairman'), dept: bi('董事会', 'Board'), roles: ['decision_maker'], influence: 5, parent: null, p: 0.4, concerns: bi('公司整体风险与合规', 'Overall risk and compliance') },
    { key: 'ceo', title: bi('总裁', 'Chief Executive'), dept: bi('总裁办', 'Executive Office'), roles: ['decision_maker'], influence: 5, parent: 'chair', p: 0.6, concerns: bi('经营连续性', 'Business continuity') },
    { key: 'cfo', title: bi('首席财务官', 'Chief Financial Officer'), dept: bi('财务部', 'Finance'), roles: ['decision_maker', 'influencer'], influence: 4, parent: 'ceo', p: 0.75, concerns: bi('保费预算和风险转移效率', 'Premium budget and efficient risk transfer') },
    { key: 'risk_head', title: bi('风险管理部总监', 'Head of Risk Management'), dept: bi('风险管理部', 'Risk Management'), roles: ['influencer', 'user'], influence: 4, parent: 'cfo', p: 0.9, concerns: bi('保障范围、免赔额和理赔服务', 'Coverage, deductibles and claims service') },
    { key: 'ins_officer', title: bi('保险专员', 'Insurance Officer'), dept: bi('风险管理部', 'Risk Management'), roles: ['user', 'purchaser'], influence: 2, parent: 'risk_head', p: 0.55, concerns: bi('报案和理赔流程是否顺畅', 'Smooth claims handling') },
    { key: 'procurement', title: bi('行政采购部经理', 'Procurement Manager'), dept: bi('行政采购部', 'Procurement'), roles: ['purchaser'], influence: 3, parent: 'ceo', p: 0.6, concerns: bi('询价比价和合同条款', 'Quotes, comparison and contract terms') },
    { key: 'legal', title: bi('法务总监', 'General Counsel'), dept: bi('法务部', 'Legal'), roles: ['influencer'], influence: 3, parent: 'ceo', p: 0.35, concerns: bi('条款措辞与除外责任', 'Policy wording and exclusions') },
    { key: 'hse', title: bi('安全环保部经理', 'HSE Manager'), dept: bi('安全环保部', 'HSE'), roles: ['user'], influence: 3, parent: 'ceo', p: 0.35, concerns: bi('风险查勘与防灾建议', 'Risk surveys and loss prevention') },
    { key: 'audit', title: bi('内审部总监', 'Head of Internal Audit'), dept: bi('内审部', 'Internal Audit'), roles: ['supervisor'], influence: 3, parent: 'chair', p: 0.25, concerns: bi('采购程序合规', 'A compliant purchasing procedure') },
    { key: 'broker', title: bi('保险经纪顾问', 'Insurance Broker'), dept: bi('外部顾问（保险经纪）', 'External adviser (broker)'), roles: ['influencer'], influence: 3, parent: null, p: 0.4, concerns: bi('方案性价比和市场比价', 'Value for money against the market') },
  ],
  demoAccounts: [
    { name: '顺通物流集团', short: '顺通物流', lang: 'zh', industry: 'other', size: 'enterprise', region: '上海市', policies: ['centralized_tender', 'value_for_money'], budgetCycle: 'annual', notes: '全国干线物流，车队2,000辆，货运险和财产险每年续保。', domain: 'shuntong-log.example.cn' },
    { name: '华润达化工股份有限公司', short: '华润达化工', lang: 'zh', industry: 'manufacturing', size: 'large', region: '江苏省 南京市', policies: ['centralized_tender', 'quality_first'], budgetCycle: 'annual', notes: '化工园区企业，重视风险查勘和防灾服务。', domain: 'hrd-chem.example.cn' },
    { name: '远航港务集团', short: '远航港务', lang: 'zh', industry: 'government', size: 'enterprise', region: '浙江省 宁波市', policies: ['centralized_tender', 'local_supplier_preference'], budgetCycle: 'annual', notes: '地方国企，保险服务采用公开招标，共保体常见。', domain: 'yhport.example.cn' },
    { name: '星河商业地产有限公司', short: '星河地产', lang: 'zh', industry: 'retail', size: 'large', region: '广东省 深圳市', policies: ['value_for_money'], budgetCycle: 'annual', notes: '12个购物中心，公众责任险和财产险统保。', domain: 'xinghe-cre.example.cn' },
    { name: '金桥建设工程集团', short: '金桥建设', lang: 'zh', industry: 'other', size: 'enterprise', region: '湖南省 长沙市', policies: ['lowest_price', 'framework_agreement'], budgetCycle: 'project_based', notes: '工程一切险按项目投保，经纪人影响大。', domain: 'jinqiao-cg.example.cn' },
    { name: '绿源新能源发电有限公司', short: '绿源新能源', lang: 'zh', industry: 'energy', size: 'large', region: '甘肃省 兰州市', policies: ['centralized_tender', 'quality_first'], budgetCycle: 'annual', notes: '风电和光伏电站，营业中断险需求明确。', domain: 'lvyuan-ne.example.cn' },
    { name: '海川冷链食品有限公司', short: '海川冷链', lang: 'zh', industry: 'retail', size: 'medium', region: '福建省 厦门市', policies: ['value_for_money'], budgetCycle: 'annual', notes: '冷链仓储，关注货损和产品责任。', domain: 'haichuan-cc.example.cn' },
    { name: '云帆软件科技有限公司', short: '云帆软件', lang: 'zh', industry: 'software', size: 'medium', region: '浙江省 杭州市', policies: ['value_for_money'], budgetCycle: 'annual', notes: 'SaaS企业，准备上市，关注网络安全险和董责险。', domain: 'yunfan-soft.example.cn' },
    { name: '鼎盛连锁超市有限公司', short: '鼎盛超市', lang: 'zh', industry: 'retail', size: 'large', region: '四川省 成都市', policies: ['lowest_price'], budgetCycle: 'annual', notes: '300家门店，公众责任险统保。', domain: 'dingsheng-mart.example.cn' },
    { name: '天和制药有限公司', short: '天和制药', lang: 'zh', industry: 'manufacturing', size: 'medium', region: '河北省 石家庄市', policies: ['quality_first'], budgetCycle: 'annual', notes: '出口欧美，产品责任险需全球保单。', domain: 'tianhe-pharma.example.cn' },
    { name: '明德教育集团', short: '明德教育', lang: 'zh', industry: 'education', size: 'medium', region: '江苏省 无锡市', policies: ['centralized_tender', 'lowest_price'], budgetCycle: 'annual', notes: '民办学校集团，校方责任险与财产险。', domain: 'mingde-edu.example.cn' },
    { name: 'Pacific Rim Trading Ltd.', short: 'Pacific Rim', lang: 'en', industry: 'retail', size: 'medium', region: 'Hong Kong', policies: ['value_for_money'], budgetCycle: 'annual', notes: 'Trading house shipping to 40 countries; marine cargo is the main line.', domain: 'pacificrim.example.hk' },
    { name: 'Westlake Data Centres Pte. Ltd.', short: 'Westlake DC', lang: 'en', industry: 'software', size: 'large', region: 'Singapore', policies: ['quality_first'], budgetCycle: 'annual', notes: 'Three data centres; property, business interruption and cyber in one programme.', domain: 'westlakedc.example.sg' },
  ],
  vocab: {
    dept: bi('风险管理部', 'risk management team'),
    purchasing: bi('行政采购部', 'procurement department'),
    credentials: bi('偿付能力报告和理赔案例', 'solvency report and claims references'),
    orgStructure: bi(
      '董事长—总裁—首席财务官—风险管理部；保险方案由风险管理部与经纪人比选，行政采购部组织询价或招标，总裁办公会批准。',
      'Chairman – CEO – CFO – risk management; risk management and the broker compare programmes, procurement runs the quotation or tender, the executive committee approves.',
    ),
  },
  criteria: [
    bi('保障范围 40%、费率 35%、理赔服务 25%；偿付能力充足率≥150%', 'coverage 40%, rate 35%, claims service 25%; solvency ratio at least 150%'),
    bi('综合评分：条款 30 分、价格 40 分、服务方案 30 分', 'weighted scoring: wording 30, price 40, service plan 30'),
    bi('共保体首席承保人须具备当地理赔网点', 'the lead insurer of the co-insurance panel must have a local claims office'),
  ],
  specPoints: [bi('营业中断扩展条款', 'a business-interruption extension'), bi('分级免赔额', 'tiered deductibles'), bi('附加地震风险', 'earthquake cover'), bi('24小时理赔响应承诺', 'a 24-hour claims response commitment')],
  industries: [['manufacturing', 3], ['retail', 2], ['energy', 1], ['software', 1], ['government', 1], ['education', 1], ['other', 2]],
  nameParts: {
    zh: ['顺达', '安泰', '华通', '鸿运', '中信', '瑞和', '锦程', '新世纪', '海天', '银河', '天宇', '宏图', '盛世', '华夏', '聚源'],
    zhSuffix: ['物流集团', '化工股份有限公司', '商业地产有限公司', '建设工程集团', '新能源有限公司', '连锁超市有限公司', '制药有限公司', '教育集团', '港务有限公司'],
    en: ['Harbour', 'Crescent', 'Evergreen', 'Silverline', 'Lotus', 'Coastal', 'Northstar', 'Unity'],
    enSuffix: ['Trading Ltd.', 'Logistics Pte. Ltd.', 'Holdings Ltd.', 'Data Centres Ltd.'],
  },
  evidence: {
    demo_or_trial_requested: [
      { type: 'visit', summary: bi('应{contact}邀请，派风险工程师到厂区开展风险查勘。', 'Sent our risk engineer for a site survey at the invitation of {contact}.'), response: bi('客户希望查勘报告附防灾改进建议。', 'They want loss-prevention advice in the survey report.') },
      { type: 'meeting', summary: bi('向{contact}介绍承保方案和理赔服务流程。', 'Presented the programme and claims service to {contact}.'), response: bi('对24小时理赔响应很感兴趣。', 'Interested in the 24-hour claims response.') },
    ],
    order_placed: [
      { type: 'document_received', summary: bi('客户确认投保，收到盖章投保单。', 'The customer confirmed cover; signed application received.'), response: bi('要求下周出具正式保单。', 'Asked for the policy to be issued next week.') },
    ],
    contract_signed: [
      { type: 'meeting', summary: bi('保险合同签订，保单正式出具，年保费{price}。', 'Policy issued and contract signed; annual premium {price}.'), response: bi('{contact}对承保效率满意。', '{contact} was happy with how fast it went.') },
    ],
    delivery_accepted: [
      { type: 'visit', summary: bi('完成保单交付和承保说明会，建立理赔绿色通道。', 'Delivered the policy, held the briefing and set up the claims fast track.'), response: bi('客户对服务方案认可。', 'The customer approved the service plan.') },
    ],
    tender_notice_published: [
      { type: 'tender_notice', summary: bi('{account}发布{product}保险服务采购公告，响应截止{date}。', '{account} published the {product} procurement notice; responses due {date}.') },
    ],
  },
};

export const PACKS: Readonly<Record<PackKey, Pack>> = { medical: MEDICAL, automation: AUTOMATION, insurance: INSURANCE };

// ---------------------------------------------------------------------------
// What salespeople write. Placeholders: {contact} {title} {product} {account}
// {site} {dept} {purchasing} {budget} {date} {price} {percent} {n} {days}
// {score} {criteria} {specPoint} {credentials} {incumbent} {competitor}.

export const EVIDENCE_TEMPLATES: Readonly<Record<string, readonly EvidenceTemplate[]>> = {
  need_expressed: [
    { type: 'visit', summary: bi('拜访{contact}（{title}），了解到现有{product}使用多年、故障率上升，{site}提出更新需求。', 'Visited {contact} ({title}): the current {product} is ageing and failing more often; the {site} wants to replace it.'), response: bi('希望我们先提供初步方案和价格区间。', 'Asked for an outline proposal and a price range first.') },
    { type: 'call', summary: bi('{contact}来电咨询{product}，表示{site}今年有新增需求。', '{contact} called about a {product}: the {site} has a new requirement this year.'), response: bi('约定下周上门详细交流。', 'Agreed to meet next week for details.') },
  ],
  dissatisfaction_with_incumbent: [
    { type: 'visit', summary: bi('{contact}抱怨{incumbent}售后响应慢、配件周期长，影响正常使用。', '{contact} complained that {incumbent} is slow to respond and spare parts take weeks.'), response: bi('愿意比较其他品牌，但担心切换成本。', 'Open to other brands, but worried about switching costs.') },
  ],
  feasibility_study: [
    { type: 'meeting', summary: bi('参加{account}{product}项目可行性论证会，介绍配置方案和效益测算。', 'Joined the feasibility review of the {product} project at {account}; presented configurations and a benefit estimate.'), response: bi('{dept}牵头编写可行性报告，要求提供同级别客户案例。', 'The {dept} is writing the feasibility report and wants references from similar customers.') },
  ],
  budget_known: [
    { type: 'call', summary: bi('{contact}透露项目预算约{budget}。', '{contact} mentioned a budget of about {budget}.'), response: bi('预算尚需上级审批。', 'The budget still needs approval.') },
    { type: 'visit', summary: bi('与{contact}面谈，了解到项目预算约{budget}，资金来源为自筹。', 'Met {contact}: the budget is about {budget}, self-funded.'), response: bi('希望我们的方案控制在预算以内。', 'Wants our proposal to stay within the budget.') },
  ],
  budget_approved: [
    { type: 'meeting', summary: bi('获悉{account}已批准项目预算{budget}。', 'Learned that {account} approved a budget of {budget}.'), response: bi('{contact}确认资金已列入本年度预算。', '{contact} confirmed the money is in this year\'s budget.') },
  ],
  project_approved: [
    { type: 'document_received', summary: bi('收到立项批复文件，{product}项目正式立项。', 'Received the approval document: the {product} project is officially approved.'), response: bi('{contact}提醒近期将成立采购小组。', '{contact} said a purchasing team will be formed soon.') },
  ],
  purchasing_team_named: [
    { type: 'meeting', summary: bi('采购小组成立，由{contact}牵头，成员包括{dept}、{purchasing}和使用部门代表。', 'The purchasing team is formed, led by {contact}, with the {dept}, the {purchasing} and user representatives.'), response: bi('小组要求各供应商两周内提交技术资料。', 'The team wants technical documents from every supplier within two weeks.') },
  ],
  information_requested: [
    { type: 'email', summary: bi('{contact}来邮件索取{product}技术白皮书、{credentials}。', '{contact} emailed for the {product} white paper and {credentials}.'), response: bi('资料已发送，对方表示收到。', 'Sent; receipt confirmed.') },
  ],
  decision_date_set: [
    { type: 'call', summary: bi('{contact}确认计划于{date}前完成采购决策。', '{contact} confirmed the decision is planned before {date}.'), response: bi('时间表可能随审批进度调整。', 'The timetable may move with the approvals.') },
  ],
  criteria_draft_received: [
    { type: 'document_received', summary: bi('收到采购标准草稿：{criteria}。', 'Received the draft criteria: {criteria}.'), response: bi('{contact}欢迎我们对技术参数提出意见。', '{contact} welcomed our comments on the specification.') },
  ],
  specification_discussed: [
    { type: 'meeting', summary: bi('与{contact}逐条讨论技术规格，建议补充{specPoint}。', 'Went through the specification with {contact}; suggested adding {specPoint}.'), response: bi('对方同意把{specPoint}写入参数。', 'They agreed to include {specPoint}.') },
  ],
  tender_notice_published: [
    { type: 'tender_notice', summary: bi('{account}发布{product}招标公告，投标截止{date}。', '{account} published the tender notice for the {product}; bids due {date}.') },
  ],
  invitation_received: [
    { type: 'document_received', summary: bi('收到{account}的投标邀请函和招标文件。', 'Received the invitation to bid and the tender documents from {account}.'), response: bi('招标文件要求提供原厂授权。', 'The documents require a manufacturer\'s authorisation.') },
  ],
  bid_submitted: [
    { type: 'bid_submitted', summary: bi('按时递交投标文件（技术标+商务标），投标报价{price}。', 'Submitted our bid on time (technical and commercial), priced at {price}.') },
  ],
  shortlisted: [
    { type: 'email', summary: bi('初步评审结果：{n}家投标人中我方进入前三名短名单。', 'First screening: we are on the shortlist of three out of {n} bidders.'), response: bi('下一轮将进行技术答辩。', 'A technical Q&A round comes next.') },
  ],
  demo_or_trial_requested: [
    { type: 'demo', summary: bi('应{contact}要求演示{product}。', 'Demonstrated the {product} at the request of {contact}.'), response: bi('对演示效果满意。', 'Happy with the demonstration.') },
  ],
  preferred_supplier_notified: [
    { type: 'call', summary: bi('{purchasing}通知我方为首选供应商，进入商务谈判。', 'The {purchasing} told us we are the preferred supplier; negotiation is next.'), response: bi('要求一周内提交最终报价。', 'Final price due within a week.') },
  ],
  negotiation_meeting: [
    { type: 'meeting', summary: bi('与{purchasing}进行商务谈判，讨论价格、交货期和付款方式。', 'Negotiated with the {purchasing} on price, delivery and payment terms.'), response: bi('对方希望再降价并延长质保。', 'They want a lower price and a longer warranty.') },
  ],
  price_concession: [
    { type: 'meeting', summary: bi('同意在投标价基础上优惠{percent}%，并延长质保一年。', 'Agreed a {percent}% discount on the bid price and one more year of warranty.'), response: bi('{contact}表示可以向领导汇报。', '{contact} will take it to management.') },
  ],
  payment_terms_agreed: [
    { type: 'email', summary: bi('付款条件谈定：预付30%，验收合格后付60%，质保金10%。', 'Payment terms agreed: 30% advance, 60% on acceptance, 10% retention.'), response: bi('合同文本进入法务审核。', 'The contract goes to legal review.') },
  ],
  contract_signed: [
    { type: 'meeting', summary: bi('正式签订合同，合同金额{price}。', 'Contract signed for {price}.'), response: bi('{contact}希望尽快安排交付计划。', '{contact} wants the delivery plan soon.') },
  ],
  order_placed: [
    { type: 'document_received', summary: bi('客户下达采购订单，约定{days}天内交货。', 'Purchase order received; delivery within {days} days.') },
  ],
  delivery_accepted: [
    { type: 'visit', summary: bi('完成交付和培训，{site}验收合格。', 'Delivered and trained; the {site} signed the acceptance.'), response: bi('客户对交付过程满意。', 'The customer was satisfied with the delivery.') },
  ],
  survey_answered: [
    { type: 'email', summary: bi('客户完成满意度调查，总体评分{score}/5。', 'The customer answered our satisfaction survey: {score}/5 overall.'), response: bi('建议加强本地培训。', 'Suggested more local training.') },
  ],
  repurchase_intent: [
    { type: 'visit', summary: bi('回访{contact}，对方表示明年计划追加采购。', 'Follow-up visit to {contact}: they plan to buy more next year.'), response: bi('愿意为我们推荐兄弟单位。', 'Willing to refer us to sister organisations.') },
  ],
  budget_cut: [
    { type: 'call', summary: bi('{contact}告知受预算调整影响，项目预算被削减约{percent}%，需重新做可行性论证。', '{contact} said the budget was cut by about {percent}%; the feasibility case has to be redone.'), response: bi('希望我们提供分期实施的方案。', 'Asked us for a phased proposal.') },
  ],
  tender_failed: [
    { type: 'tender_notice', summary: bi('开标后有效投标不足三家，本次招标流标，{account}将重新招标。', 'Fewer than three valid bids at opening: the tender failed and {account} will re-tender.') },
  ],
  preferred_supplier_lost: [
    { type: 'call', summary: bi('获悉评标结果被投诉复核，我方首选供应商资格暂停，项目退回评审。', 'The award was challenged: our preferred-supplier status is suspended and evaluation reopens.'), response: bi('{contact}建议我们补充资质证明材料。', '{contact} advised us to add more qualification documents.') },
  ],
  project_suspended: [
    { type: 'call', summary: bi('{contact}通知项目因内部调整暂停，重启时间待定。', '{contact} told us the project is on hold after a reorganisation; no restart date yet.'), response: bi('表示明年可能重新启动。', 'It may restart next year.') },
  ],
};

/** Interactions that carry no evidence, by type. */
export const FILLER_TEMPLATES: readonly EvidenceTemplate[] = [
  { type: 'visit', summary: bi('例行拜访{contact}，了解项目最新进展。', 'Routine visit to {contact} to hear the latest on the project.') },
  { type: 'visit', summary: bi('陪同技术专家拜访{site}，了解使用中的问题。', 'Visited the {site} with our specialist to learn about day-to-day problems.') },
  { type: 'call', summary: bi('电话跟进{contact}，对方表示仍在内部讨论。', 'Followed up with {contact} by phone; still under internal discussion.') },
  { type: 'call', summary: bi('与{contact}电话沟通，确认下次会面时间。', 'Called {contact} to fix the next meeting.') },
  { type: 'email', summary: bi('向{contact}发送{product}产品资料和参考配置。', 'Sent {contact} the {product} brochure and a reference configuration.') },
  { type: 'email', summary: bi('发送会议纪要和后续行动计划。', 'Sent the meeting minutes and next steps.') },
  { type: 'meeting', summary: bi('与{dept}召开技术交流会，介绍最新解决方案。', 'Held a technical exchange with the {dept} on our latest solutions.') },
  { type: 'meeting', summary: bi('参加{account}组织的供应商沟通会。', 'Attended the supplier briefing organised by {account}.') },
  { type: 'demo', summary: bi('在我司展厅为{contact}一行演示{product}。', 'Demonstrated the {product} to {contact} and colleagues in our showroom.') },
  { type: 'trial', summary: bi('样机在{site}试用，收集使用反馈。', 'Demo unit in use at the {site}; collected feedback.') },
  { type: 'other', summary: bi('邀请{contact}参加行业研讨会。', 'Invited {contact} to an industry seminar.') },
  { type: 'other', summary: bi('组织{contact}参观样板客户。', 'Took {contact} to visit a reference customer.') },
  { type: 'document_received', summary: bi('收到{contact}发来的{site}使用情况统计。', 'Received usage statistics of the {site} from {contact}.') },
];

export const ACCOUNT_TEMPLATES: readonly EvidenceTemplate[] = [
  { type: 'visit', summary: bi('年度回访{account}，了解明年的投资规划。', 'Annual visit to {account} to hear next year\'s investment plans.') },
  { type: 'call', summary: bi('与{contact}电话沟通，维护客户关系。', 'Keep-in-touch call with {contact}.') },
  { type: 'meeting', summary: bi('邀请{contact}参加我司客户答谢会。', 'Hosted {contact} at our customer appreciation event.') },
];

export const CUSTOMER_RESPONSES: readonly Bi[] = [
  bi('反应积极，希望尽快看到方案。', 'Positive; wants to see the proposal soon.'),
  bi('对价格比较敏感，要求提供分期方案。', 'Price-sensitive; asked for a phased option.'),
  bi('表示需要内部再讨论。', 'Needs to discuss internally.'),
  bi('关注售后响应时间和本地备件。', 'Focused on service response and local spares.'),
  bi('希望我们提供更多同级别客户案例。', 'Wants more references from similar customers.'),
  bi('暂无明确反馈。', 'No clear feedback yet.'),
  bi('提醒注意合规要求，所有沟通须留痕。', 'Reminded us of compliance: every exchange must be on record.'),
  bi('对我方方案认可度较高。', 'Rates our proposal well.'),
];

export const COMPETITOR_RESPONSES: readonly Bi[] = [
  bi('{competitor}报价比我方低约{percent}%。', '{competitor} is about {percent}% cheaper than us.'),
  bi('{competitor}邀请{title}参观其总部。', '{competitor} invited the {title} to visit its headquarters.'),
  bi('{competitor}承诺免费延长质保两年。', '{competitor} offered two extra years of warranty for free.'),
  bi('{competitor}在{site}安排了样机。', '{competitor} placed a demo unit in the {site}.'),
  bi('{competitor}正在游说{purchasing}调整技术参数。', '{competitor} is lobbying the {purchasing} to change the specification.'),
  bi('{competitor}表示可以接受更长账期。', '{competitor} accepts longer payment terms.'),
];

export const LOST_REASONS: readonly Bi[] = [
  bi('价格高于中标方约{percent}%', 'Our price was about {percent}% above the winner'),
  bi('★号技术条款有一项不满足', 'One mandatory technical item not met'),
  bi('客户最终选择本地供应商', 'The customer chose a local supplier'),
  bi('对手承诺更长的质保和免费培训', 'The competitor offered a longer warranty and free training'),
  bi('决策层倾向竞争对手，我方高层关系不到位', 'Management favoured the competitor; our senior relationships were weak'),
];

export const ABANDON_REASONS: readonly Bi[] = [
  bi('客户预算取消，项目终止', 'Budget withdrawn; project cancelled'),
  bi('客户组织调整，项目无限期搁置', 'Reorganisation; project shelved indefinitely'),
  bi('客户决定继续使用现有设备', 'The customer decided to keep the existing equipment'),
];

export const MANUAL_TASKS: readonly Bi[] = [
  bi('发送报价单', 'Send the quotation'),
  bi('预约拜访决策者', 'Book a meeting with the decision maker'),
  bi('准备投标保证金', 'Prepare the bid bond'),
  bi('安排参观样板客户', 'Arrange a reference visit'),
  bi('整理同级客户案例', 'Collect references from similar customers'),
  bi('确认技术参数偏离表', 'Confirm the specification deviation table'),
];

export const SET_AHEAD_REASONS: readonly Bi[] = [
  bi('客户口头通知即将进入下一阶段', 'The customer told us verbally the next step is imminent'),
  bi('据内部教练消息，评审已经结束', 'Our coach says the evaluation is over'),
];
export const SET_BACK_REASONS: readonly Bi[] = [
  bi('客户要求修改技术参数，重新论证', 'The customer wants the specification revised and reviewed again'),
  bi('预算被削减，项目退回可行性研究', 'Budget cut: the project went back to feasibility'),
  bi('流标，等待重新招标', 'The tender failed; waiting for the re-tender'),
  bi('首选供应商资格被复核，回到评审阶段', 'Our preferred status is under review; back to evaluation'),
];
