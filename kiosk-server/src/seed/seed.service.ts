import { Inject, Injectable, Logger } from '@nestjs/common';
import { seedDemoStore, type SeedSummary, type SeedTarget } from '@kiosk/seed';
import { join } from 'node:path';
import { ActivitiesService } from '../activities/activities.service';
import { cardNumberFrom } from '../cards/card-number';
import { CatalogService } from '../catalog/catalog.service';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { WriteQueue } from '../database/write-queue';
import { LedgerService } from '../ledger/ledger.service';
import { MemberRepository } from '../members/member.repository';
import { MembersService } from '../members/members.service';
import { CardsService } from '../cards/cards.service';
import { StaffService } from '../staff/staff.service';
import { writeCardFilesApart, writePrivateFile } from './card-files';
import { SEED_ACTOR } from './seed-actor';

/** Fills an empty store with the demo data of `seed/`, through the same services the API uses. */
@Injectable()
export class SeedService {
  private readonly logger = new Logger('Seed');

  constructor(
    private readonly writes: WriteQueue,
    private readonly activities: ActivitiesService,
    private readonly catalog: CatalogService,
    private readonly members: MembersService,
    private readonly memberRows: MemberRepository,
    private readonly cards: CardsService,
    private readonly staff: StaffService,
    private readonly ledger: LedgerService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async isEmpty(): Promise<boolean> {
    const [members, activitiesEmpty] = await Promise.all([this.memberRows.count(), this.activities.isEmpty()]);
    return members === 0 && activitiesEmpty;
  }

  async seedDemo(): Promise<SeedSummary> {
    const target: SeedTarget = {
      createActivity: (activity) => this.activities.create(activity),
      createProduct: (product) => this.catalog.create(product, SEED_ACTOR),
      registerMember: async ({ name, household, cardSerial }) => {
        const registered = await this.members.register(
          name,
          household ?? undefined,
          SEED_ACTOR,
          cardNumberFrom(String(cardSerial)),
        );
        return { accountId: registered.account.id };
      },
      award: async ({ accountId, points, activityId, at }) => {
        await this.writes.run(async (tx) => {
          const activity = await this.activities.find(tx, activityId);
          await this.ledger.post(tx, {
            accountId,
            delta: points,
            kind: points > 0 ? 'award' : 'adjust',
            reason: activity.name,
            actor: SEED_ACTOR,
            refId: `activity:${activity.id}`,
            at,
          });
        });
      },
    };
    const summary = await seedDemoStore(target);
    await this.writeCardImages();
    this.logger.log(
      `demo store seeded: ${summary.products} products, ${summary.members} members in ${summary.accounts} accounts, ${summary.awards} awards`,
    );
    return summary;
  }

  /**
   * Card PNGs, an A4 sheet to print, and an index with each card's QR text, in DATA_DIR/cards/;
   * the staff cards (admin, volunteer) in DATA_DIR/cards/staff/.
   */
  async writeCardImages(): Promise<string> {
    const dir = join(this.config.dataDir, 'cards');
    const faces = await this.cards.activeFaces();
    await writeCardFilesApart(dir, faces);
    await writeCardFilesApart(join(dir, 'staff'), await this.staff.cardFaces());
    const balances = await this.memberRows.activeCardBalances();
    const balanceOf = new Map(balances.map((row) => [row.cardNo, row.balance]));
    const index = faces.map((face) => ({
      cardNo: face.cardNo,
      name: face.memberName,
      household: face.household,
      balance: balanceOf.get(face.cardNo),
      qr: face.qr,
    }));
    // every card's QR text: for trying the demo store only (this is written by the demo seed alone)
    await writePrivateFile(join(dir, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
    return dir;
  }
}
