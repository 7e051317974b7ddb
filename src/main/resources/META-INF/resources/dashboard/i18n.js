// Labels of the dashboard page in Chinese (the default) and English. Codes the page does not
// know (a new measurement kind or service) are shown as they are.

const LABELS = {
  zh: {
    title: '健康云 · 区级看板',
    signingIn: '正在登录…',
    loading: '正在加载…',
    logout: '退出登录',
    language: 'English',
    live: '实时',
    reconnecting: '重连中',
    asOf: '数据时间',
    scope: '范围',
    allDistricts: '全市（16 区）',
    window: '统计时段',
    today: '今日',
    last7Days: '近 7 天',
    last30Days: '近 30 天',
    headline: '主要指标',
    readings: '测量次数',
    residents: '服务居民',
    abnormalRate: '异常率',
    urgentAlerts: '紧急预警',
    acknowledged: '已处理',
    kiosksOnline: '在线健康小屋',
    online: '在线',
    offline: '离线',
    registered: '已登记',
    newSignings: '家庭医生新签约',
    newInPriorityGroups: '其中重点人群',
    totalSignings: '家庭医生签约总数',
    priorityShare: '重点人群占比',
    trend: '近 30 天趋势',
    trendSummary: '每日测量次数（柱）与异常率（线）',
    day: '日期',
    assessed: '已评估',
    abnormal: '异常',
    showTable: '查看数据表',
    appointments: '预约使用',
    service: '服务',
    booked: '已预约',
    capacity: '号源',
    use: '使用率',
    noShows: '爽约',
    byKind: '各项测量异常率',
    kind: '测量项目',
    rate: '异常率',
    kiosks: '健康小屋',
    kioskMap: '健康小屋分布（绿色为在线）',
    station: '站点',
    status: '状态',
    districts: '各区概况（今日）',
    district: '区',
    noData: '暂无数据',
    notPermitted: '您的账号无权查看看板：需要“区卫生健康官员”或“市级管理员”角色。',
    forbidden: '无权查看该范围的数据。',
    loginFailed: '登录失败',
    loginAgain: '重新登录',
    loadFailed: '数据加载失败',
    needsSecureContext: '此页面需要通过 HTTPS（或 localhost）打开，才能安全登录。',
  },
  en: {
    title: 'Health Cloud · district dashboard',
    signingIn: 'Signing in…',
    loading: 'Loading…',
    logout: 'Log out',
    language: '中文',
    live: 'live',
    reconnecting: 'reconnecting',
    asOf: 'As of',
    scope: 'Scope',
    allDistricts: 'Whole city (16 districts)',
    window: 'Period',
    today: 'Today',
    last7Days: 'Last 7 days',
    last30Days: 'Last 30 days',
    headline: 'Headline figures',
    readings: 'Readings',
    residents: 'Residents served',
    abnormalRate: 'Abnormal rate',
    urgentAlerts: 'Urgent alerts raised',
    acknowledged: 'acknowledged',
    kiosksOnline: 'Kiosks online',
    online: 'online',
    offline: 'offline',
    registered: 'registered',
    newSignings: 'New family-doctor signings',
    newInPriorityGroups: 'of them in priority groups',
    totalSignings: 'Signed with a family doctor',
    priorityShare: 'share in priority groups',
    trend: 'Last 30 days',
    trendSummary: 'Readings per day (bars) and abnormal rate (line)',
    day: 'Day',
    assessed: 'Assessed',
    abnormal: 'Abnormal',
    showTable: 'Show the data',
    appointments: 'Appointments by service',
    service: 'Service',
    booked: 'Booked',
    capacity: 'Capacity',
    use: 'Use',
    noShows: 'No-shows',
    byKind: 'Abnormal rate by measurement',
    kind: 'Measurement',
    rate: 'Abnormal rate',
    kiosks: 'Kiosks',
    kioskMap: 'Where the kiosks are (green: online)',
    station: 'Station',
    status: 'Status',
    districts: 'Districts today',
    district: 'District',
    noData: 'No data yet',
    notPermitted: 'Your account may not see the dashboards: it needs the district-officer or city-admin role.',
    forbidden: 'You may not see the figures of this scope.',
    loginFailed: 'Login failed',
    loginAgain: 'Log in again',
    loadFailed: 'Could not load the figures',
    needsSecureContext: 'Open this page over HTTPS (or on localhost) to log in securely.',
  },
};

const KINDS = {
  'blood-pressure': ['血压', 'Blood pressure'],
  glucose: ['血糖', 'Glucose'],
  'body-composition': ['人体成分', 'Body composition'],
  'height-weight': ['身高体重', 'Height and weight'],
  'waist-hip': ['腰臀围', 'Waist and hip'],
  ecg: ['心电', 'ECG'],
  spo2: ['血氧', 'SpO₂'],
  temperature: ['体温', 'Temperature'],
  'vital-capacity': ['肺活量', 'Vital capacity'],
  'grip-strength': ['握力', 'Grip strength'],
  'sit-and-reach': ['坐位体前屈', 'Sit and reach'],
  'reaction-time': ['反应时', 'Reaction time'],
  'single-leg-stand': ['闭眼单脚站立', 'Single-leg stand, eyes closed'],
};

const SERVICES = {
  'general-practice': ['全科', 'General practice'],
  'family-doctor': ['家庭医生签约', 'Family doctor'],
  pediatrics: ['儿科', 'Paediatrics'],
  tcm: ['中医', 'TCM'],
  acupuncture: ['针灸', 'Acupuncture'],
  tuina: ['推拿', 'Tuina'],
  rehabilitation: ['康复', 'Rehabilitation'],
  nursing: ['护理', 'Nursing'],
  'minor-surgery': ['门诊小手术', 'Minor surgery'],
  vaccination: ['预防接种', 'Vaccination'],
  'chronic-disease-follow-up': ['慢病随访', 'Chronic disease follow-up'],
  'health-self-check': ['健康自检', 'Health self-check'],
  'fitness-test': ['体质监测', 'Fitness test'],
  'psychological-counselling': ['心理咨询', 'Psychological counselling'],
  'home-hospital-bed': ['家庭病床', 'Home hospital bed'],
};

const STORE_KEY = 'healthcloud.dashboard.lang';
let lang = localStorage.getItem(STORE_KEY) === 'en' ? 'en' : 'zh';

export const currentLang = () => lang;
export const locale = () => (lang === 'zh' ? 'zh-CN' : 'en-GB');
export const t = (key) => LABELS[lang][key] ?? key;
const named = (table, code) => table[code]?.[lang === 'zh' ? 0 : 1] ?? code;
export const kindName = (code) => named(KINDS, code);
export const serviceName = (code) => named(SERVICES, code);

export function setLang(value) {
  lang = value === 'en' ? 'en' : 'zh';
  localStorage.setItem(STORE_KEY, lang);
  applyLabels();
}

// Static labels carry data-i18n="key"; everything else is rendered with t().
export function applyLabels(root = document) {
  document.documentElement.lang = locale();
  document.title = t('title');
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
}
