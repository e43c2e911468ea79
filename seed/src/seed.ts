import { DEMO_ACTIVITIES, DEMO_CARD_BASE, DEMO_HOUSEHOLDS, DEMO_PRODUCTS, type DemoActivity } from './demo-data';
import { seededRandom } from './random';

/** What the seeding program needs from the store: implemented by the kiosk server's services. */
export interface SeedTarget {
  createActivity(activity: { name: string; defaultPoints: number }): Promise<{ id: string }>;
  createProduct(product: {
    name: string;
    category: string;
    pricePoints: number;
    stock: number;
    imageUrl: string;
    monthlyLimit: number | null;
    lowStockThreshold: number;
  }): Promise<{ id: string }>;
  registerMember(member: {
    name: string;
    household: string | null;
    cardSerial: number;
  }): Promise<{ accountId: string }>;
  award(award: { accountId: string; points: number; activityId: string; reason: string; at: Date }): Promise<void>;
}

export interface SeedSummary {
  products: number;
  activities: number;
  members: number;
  accounts: number;
  awards: number;
}

interface PlannedAward {
  accountId: string;
  activity: DemoActivity & { id: string };
  points: number;
  at: Date;
}

/** The same store every time: fixed goods and people, and three months of awards from a fixed seed. */
export async function seedDemoStore(target: SeedTarget, now = new Date()): Promise<SeedSummary> {
  const activities: (DemoActivity & { id: string })[] = [];
  for (const activity of DEMO_ACTIVITIES) {
    activities.push({ ...activity, ...(await target.createActivity(activity)) });
  }
  for (const product of DEMO_PRODUCTS) {
    await target.createProduct({ ...product, imageUrl: `/images/products/${product.key}.svg` });
  }

  const accounts: string[] = [];
  let serial = DEMO_CARD_BASE;
  for (const household of DEMO_HOUSEHOLDS) {
    let accountId = '';
    for (const name of household.members) {
      ({ accountId } = await target.registerMember({ name, household: household.label, cardSerial: serial++ }));
    }
    accounts.push(accountId);
  }

  const plan = planAwards(accounts, activities, now);
  for (const award of plan) {
    await target.award({
      accountId: award.accountId,
      points: award.points,
      activityId: award.activity.id,
      reason: '',
      at: award.at,
    });
  }
  const members = DEMO_HOUSEHOLDS.reduce((sum, household) => sum + household.members.length, 0);
  return {
    products: DEMO_PRODUCTS.length,
    activities: activities.length,
    members,
    accounts: accounts.length,
    awards: plan.length,
  };
}

/**
 * Three months of history in date order: monthly yard base scores with the odd deduction,
 * weighted everyday activities and one outstanding deed. The last account keeps only 5 points
 * ("I only have 5, can I get a bag of eggs?") to show the minimum balance to redeem.
 */
function planAwards(accounts: string[], activities: (DemoActivity & { id: string })[], now: Date): PlannedAward[] {
  const random = seededRandom(20261122);
  const byName = (name: string) => activities.find((activity) => activity.name === name)!;
  const everyday = activities.filter((activity) => activity.weight > 0);
  const totalWeight = everyday.reduce((sum, activity) => sum + activity.weight, 0);
  const pick = () => {
    let roll = random() * totalWeight;
    return everyday.find((activity) => (roll -= activity.weight) < 0) ?? everyday[0]!;
  };
  const dayIn = (monthsAgo: number) => {
    const start = new Date(now.getFullYear(), now.getMonth() - monthsAgo, 1);
    const dayOffset = Math.floor(random() * 28) * 86_400_000;
    const hourOffset = (9 + Math.floor(random() * 8)) * 3_600_000;
    if (monthsAgo > 0) return new Date(start.getTime() + dayOffset + hourOffset);
    // this month's awards fall between the 1st and now, even early on the 1st
    const elapsed = now.getTime() - start.getTime();
    return new Date(start.getTime() + ((dayOffset + hourOffset) / (28 * 86_400_000)) * elapsed * 0.95);
  };

  const plan: PlannedAward[] = [];
  const lowAccount = accounts[accounts.length - 1];
  accounts.forEach((accountId, index) => {
    if (accountId === lowAccount) {
      plan.push({ accountId, activity: byName('社区任务'), points: 5, at: dayIn(1) });
      return;
    }
    for (let monthsAgo = 2; monthsAgo >= 0; monthsAgo--) {
      if (monthsAgo > 0) {
        const base = byName('门前三包月度基础分');
        const baseAt = dayIn(monthsAgo);
        plan.push({ accountId, activity: base, points: base.defaultPoints, at: baseAt });
        if (random() < 0.3) {
          const deduction = byName('门前三包检查扣分');
          const at = new Date(baseAt.getTime() + 86_400_000);
          plan.push({ accountId, activity: deduction, points: deduction.defaultPoints, at });
        }
      }
      const count = 1 + Math.floor(random() * 4);
      for (let i = 0; i < count; i++) {
        const activity = pick();
        plan.push({ accountId, activity, points: activity.defaultPoints, at: dayIn(monthsAgo) });
      }
    }
    if (index === 2) {
      const deed = byName('见义勇为 / 拾金不昧');
      plan.push({ accountId, activity: deed, points: deed.defaultPoints, at: dayIn(1) });
    }
  });
  // A deduction is dated a day after its month's base score, so no balance dips below zero.
  return plan.sort((a, b) => a.at.getTime() - b.at.getTime() || b.points - a.points);
}
