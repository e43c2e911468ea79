/** The demo store: goods, point values and people as they appear in real community programmes. */

export interface DemoProduct {
  key: string;
  name: string;
  category: string;
  pricePoints: number;
  stock: number;
  monthlyLimit: number | null;
  lowStockThreshold: number;
}

export const DEMO_PRODUCTS: DemoProduct[] = [
  {
    key: 'oil',
    name: '食用油 5L',
    category: '粮油',
    pricePoints: 30,
    stock: 12,
    monthlyLimit: 1,
    lowStockThreshold: 3,
  },
  {
    key: 'rice',
    name: '大米 5kg',
    category: '粮油',
    pricePoints: 25,
    stock: 15,
    monthlyLimit: 2,
    lowStockThreshold: 3,
  },
  {
    key: 'eggs',
    name: '鸡蛋 10 个',
    category: '粮油',
    pricePoints: 5,
    stock: 40,
    monthlyLimit: 4,
    lowStockThreshold: 10,
  },
  {
    key: 'soy-sauce',
    name: '酱油 500ml',
    category: '粮油',
    pricePoints: 8,
    stock: 3,
    monthlyLimit: null,
    lowStockThreshold: 5,
  },
  {
    key: 'detergent',
    name: '洗衣液 2kg',
    category: '日化',
    pricePoints: 15,
    stock: 20,
    monthlyLimit: 2,
    lowStockThreshold: 5,
  },
  { key: 'soap', name: '香皂', category: '日化', pricePoints: 3, stock: 50, monthlyLimit: null, lowStockThreshold: 10 },
  {
    key: 'toothpaste',
    name: '牙膏',
    category: '日化',
    pricePoints: 5,
    stock: 30,
    monthlyLimit: null,
    lowStockThreshold: 8,
  },
  {
    key: 'tissues',
    name: '抽纸 (3 包)',
    category: '生活用品',
    pricePoints: 8,
    stock: 60,
    monthlyLimit: null,
    lowStockThreshold: 10,
  },
  {
    key: 'slippers',
    name: '拖鞋',
    category: '生活用品',
    pricePoints: 10,
    stock: 25,
    monthlyLimit: 2,
    lowStockThreshold: 5,
  },
  {
    key: 'towel',
    name: '毛巾',
    category: '生活用品',
    pricePoints: 6,
    stock: 30,
    monthlyLimit: null,
    lowStockThreshold: 8,
  },
];

export interface DemoActivity {
  name: string;
  defaultPoints: number;
  /** How often residents do it, for the generated history. */
  weight: number;
}

/** Points per PRODUCT.md §1; the negative one is the yard inspection's deduction per problem found. */
export const DEMO_ACTIVITIES: DemoActivity[] = [
  { name: '参加组织活动', defaultPoints: 1, weight: 6 },
  { name: '志愿服务', defaultPoints: 2, weight: 8 },
  { name: '模范表现', defaultPoints: 1, weight: 2 },
  { name: '见义勇为 / 拾金不昧', defaultPoints: 20, weight: 0 },
  { name: '其他贡献', defaultPoints: 2, weight: 2 },
  { name: '门前三包月度基础分', defaultPoints: 10, weight: 0 },
  { name: '门前三包检查扣分', defaultPoints: -1, weight: 0 },
  { name: '社区任务', defaultPoints: 4, weight: 4 },
  { name: '河道巡查', defaultPoints: 3, weight: 2 },
  { name: '矛盾调解', defaultPoints: 5, weight: 1 },
];

export interface DemoHousehold {
  label: string | null;
  members: string[];
}

/** 20 members: 9 households of one or two people and 3 people on their own (12 accounts). */
export const DEMO_HOUSEHOLDS: DemoHousehold[] = [
  { label: '幸福里1栋101', members: ['王小明', '李秀英'] },
  { label: '幸福里1栋302', members: ['张建国', '刘桂兰'] },
  { label: '幸福里2栋201', members: ['陈志强', '杨丽'] },
  { label: '幸福里2栋502', members: ['赵德福', '钱秀梅'] },
  { label: '幸福里3栋101', members: ['黄美华', '周伟'] },
  { label: '幸福里3栋402', members: ['吴淑珍', '徐海'] },
  { label: '幸福里4栋201', members: ['孙玉兰', '马军'] },
  { label: '幸福里5栋103', members: ['朱文静', '胡国平'] },
  { label: '幸福里5栋301', members: ['欧阳春华'] },
  { label: null, members: ['林晓燕'] },
  { label: null, members: ['郭大爷'] },
  { label: null, members: ['何奶奶'] },
];

/** Card numbers of the demo members, in the order above: nine digits + Luhn check digit. */
export const DEMO_CARD_BASE = 320_100_001;
