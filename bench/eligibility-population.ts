// `npm run bench -- eligibility-population`: the whole-population run, twice over.
//
// 1. Through the product (`seconds`): the synthetic city is loaded into PostgreSQL (the residents module's
//    COPY seed), then the eligibility module's runPopulation reads every household from the register, evaluates
//    every rule and stores the results — first run (every eligible row inserted: the baseline) and the next
//    night's run (only changes written). Next to it, the machine's own limit in the same run: a raw COPY of as
//    many ready-made result rows into a bare table, and a bare read of the register.
// 2. In memory (`evaluate_seconds`): the residents module's generator makes the
// Kawasaki-sized synthetic city in memory (RESIDENTS, default 1,550,000), mapped to the rules' household
// snapshots as a loader from the register would; then every rule is evaluated for everyone on one day, keeping
// the eligible rows (target: 60 s or less on a 2-core machine).
//
// In the same run, eight representative rules are also written for json-rules-engine and both engines decide
// them for the same sample of 20,000 people, from the same prepared facts (ages, grade, certificate grades,
// household make-up): json_rules_engine_ratio = its seconds / ours. Both must find the same people.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Engine, type RuleProperties } from 'json-rules-engine';
import { from as copyFrom } from 'pg-copy-streams';
import { findRule } from '../src/modules/eligibility/registry.ts';
import {
  catalogue,
  evaluateHousehold,
  type Household,
  type PreparedHousehold,
  type PreparedPerson,
  parseDay,
  prepareHousehold,
  type Rule,
} from '../src/modules/eligibility/rules/index.ts';
import { previewVersion } from '../src/modules/eligibility/use-cases/preview-version.ts';
import { runPopulation, startRun } from '../src/modules/eligibility/use-cases/run-population.ts';
import { generatePopulation, referenceDate } from '../src/modules/residents/generate/population.ts';
import { seedResidents } from '../src/modules/residents/index.ts';
import { loadConfig } from '../src/platform/config/config.ts';
import { loadMigrations, migrate, platformMigrations } from '../src/platform/db/migrate.ts';
import { appUrlFrom, createDatabase } from '../src/platform/db/pool.ts';
import { ensureAppRole, grantAppRole } from '../src/platform/db/roles.ts';
import { withTenant } from '../src/platform/db/tenant.ts';
import { ensureTenant, kawasaki } from '../src/platform/tenancy/tenants.ts';
import { benchServer, scratchDatabase } from './lib/database.ts';

const residents = Number(process.env.RESIDENTS ?? 1_550_000);
const sampleSize = Number(process.env.SAMPLE ?? 20_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const seed = 1;

function loadPopulation(): Household[] {
  const out: Household[] = [];
  for (const { household, members } of generatePopulation({ residents, seed })) {
    out.push({
      id: String(household.id),
      wardCode: household.wardCode,
      incomeBand: household.incomeBand,
      members: members.map((r) => ({
        id: String(r.id),
        birthDate: r.birthDate,
        sex: r.sex,
        relationship: r.relationship,
        nationality: r.nationality,
        disability: r.disabilityType ? { type: r.disabilityType, grade: r.disabilityGrade! } : null,
      })),
    });
  }
  return out;
}

// The same eight rules for json-rules-engine. Ages and grades are facts (the engine has no calendar); the
// conditions are the catalogue's, operator for operator.
const comparedIds = [
  'kaigo-hoken-1go',
  'koki-korei-iryo',
  'judo-shogai-iryo',
  'yobo-bcg',
  'yobo-hpv',
  'yobo-taijo',
  'nyuyoji-kenshin-3-4m',
  'jido-teate',
];
const between = (fact: string, min: number, max: number) => ({
  all: [
    { fact, operator: 'greaterThanInclusive', value: min },
    { fact, operator: 'lessThanInclusive', value: max },
  ],
});
const moderateOrSevere = {
  any: [
    between('shintaiGrade', 1, 3),
    { fact: 'ryoiku', operator: 'equal', value: 'A' },
    between('seishinGrade', 1, 2),
  ],
};
const personRulesForJre: RuleProperties[] = [
  {
    name: 'kaigo-hoken-1go',
    conditions: { all: [{ fact: 'ageReached', operator: 'greaterThanInclusive', value: 65 }] },
    event: { type: 'kaigo-hoken-1go' },
  },
  {
    name: 'koki-korei-iryo',
    conditions: {
      any: [
        { fact: 'age', operator: 'greaterThanInclusive', value: 75 },
        { all: [{ fact: 'age', operator: 'greaterThanInclusive', value: 65 }, moderateOrSevere] },
      ],
    },
    event: { type: 'koki-korei-iryo' },
  },
  {
    name: 'judo-shogai-iryo',
    conditions: {
      any: [
        between('shintaiGrade', 1, 2),
        { fact: 'ryoiku', operator: 'equal', value: 'A' },
        { fact: 'seishinGrade', operator: 'equal', value: 1 },
      ],
    },
    event: { type: 'judo-shogai-iryo' },
  },
  {
    name: 'yobo-bcg',
    conditions: {
      all: [
        { fact: 'ageDays', operator: 'greaterThanInclusive', value: 0 },
        { fact: 'age', operator: 'lessThan', value: 1 },
      ],
    },
    event: { type: 'yobo-bcg' },
  },
  {
    name: 'yobo-hpv',
    conditions: { all: [{ fact: 'sex', operator: 'equal', value: '2' }, between('grade', 6, 10)] },
    event: { type: 'yobo-hpv' },
  },
  {
    name: 'yobo-taijo',
    conditions: {
      all: [{ fact: 'fiscalYearEndAge', operator: 'in', value: [65, 70, 75, 80, 85, 90, 95, 100] }],
    },
    event: { type: 'yobo-taijo' },
  },
  {
    name: 'nyuyoji-kenshin-3-4m',
    conditions: { all: [{ fact: 'ageDays', operator: 'greaterThanInclusive', value: 0 }, between('ageMonths', 3, 4)] },
    event: { type: 'nyuyoji-kenshin-3-4m' },
  },
];
const householdRulesForJre: RuleProperties[] = [
  {
    name: 'jido-teate',
    conditions: { all: [{ fact: 'childrenUpTo18', operator: 'greaterThan', value: 0 }] },
    event: { type: 'jido-teate' },
  },
];

function personFacts(p: PreparedPerson) {
  return {
    age: p.age,
    ageReached: p.ageReached,
    ageMonths: p.ageMonths,
    ageDays: p.ageDays,
    fiscalYearEndAge: p.fiscalYearEndAge,
    grade: p.grade,
    sex: p.person.sex,
    shintaiGrade: p.shintaiGrade,
    ryoiku: p.ryoiku,
    seishinGrade: p.seishinGrade,
  };
}

function householdFacts(h: PreparedHousehold) {
  let childrenUpTo18 = 0;
  for (const c of h.children) if (c.grade <= 12) childrenUpTo18++;
  return { childrenUpTo18, incomeBand: h.incomeBand };
}

type Counts = Record<string, number>;

function ours(sample: Household[], rules: readonly Rule[], day: ReturnType<typeof parseDay>): Counts {
  const counts: Counts = {};
  for (const h of sample) {
    for (const row of evaluateHousehold(h, day, rules, { eligibleOnly: true })) {
      counts[row.ruleId] = (counts[row.ruleId] ?? 0) + 1;
    }
  }
  return counts;
}

async function jre(sample: Household[], day: ReturnType<typeof parseDay>): Promise<Counts> {
  const personEngine = new Engine(personRulesForJre);
  const householdEngine = new Engine(householdRulesForJre);
  const counts: Counts = {};
  const count = (events: { type: string }[]) => {
    for (const e of events) counts[e.type] = (counts[e.type] ?? 0) + 1;
  };
  for (const household of sample) {
    const h = prepareHousehold(household, day);
    for (const p of h.members) count((await personEngine.run(personFacts(p))).events);
    count((await householdEngine.run(householdFacts(h))).events);
  }
  return counts;
}

async function best<T>(work: () => T | Promise<T>): Promise<{ seconds: number; result: T }> {
  let seconds = Number.POSITIVE_INFINITY;
  let result!: T;
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    result = await work();
    seconds = Math.min(seconds, (performance.now() - started) / 1000);
  }
  return { seconds, result };
}

async function throughTheProduct() {
  const server = await benchServer();
  const scratch = await scratchDatabase(server.url, 'bench_eligibility');
  const config = loadConfig({ DATABASE_URL: scratch.url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
  const owner = createDatabase(scratch.url, { max: 2 });
  const app = createDatabase(appUrlFrom(scratch.url, config.appDbRole, config.appDbPassword), { max: 4 });
  try {
    const dir = (name: string) => ({
      module: name,
      dir: new URL(`../src/modules/${name}/migrations/`, import.meta.url),
    });
    await ensureAppRole(owner.pool, config.appDbRole, config.appDbPassword);
    await migrate(owner.pool, await loadMigrations([platformMigrations, dir('residents'), dir('eligibility')]));
    await grantAppRole(owner.pool, config.appDbRole);
    await ensureTenant(owner.db, kawasaki);
    let started = performance.now();
    await seedResidents({ ownerPool: owner.pool }, { tenantId: 'kawasaki', residents, seed });
    const seedSeconds = (performance.now() - started) / 1000;
    await owner.pool.query('vacuum analyze');
    const deps = { db: app.db, pool: app.pool };
    const first = await runPopulation(deps, { tenantId: 'kawasaki', on: referenceDate, triggeredBy: 'bench' });
    const nextDay = new Date(Date.parse(referenceDate) + 86_400_000).toISOString().slice(0, 10);
    const nightly = await runPopulation(deps, { tenantId: 'kawasaki', on: nextDay, triggeredBy: 'bench' });
    // 「差分を確認する」 over the whole register, as its job does it: the proposed スマホ教室 v2 against v1.
    const proposed = findRule('sumaho-kyoshitsu', 2)!;
    const previewRunId = await withTenant(app.db, 'kawasaki', (trx) =>
      startRun(trx, { tenantId: 'kawasaki', kind: 'preview', on: nextDay, rules: [proposed], triggeredBy: 'bench' }),
    );
    const preview = await previewVersion(deps, { tenantId: 'kawasaki', runId: previewRunId });
    if (!preview) throw new Error('the preview run was not computed');

    // The machine's limit, same server, same run: a bare read of the register and a raw COPY of as many rows.
    started = performance.now();
    await owner.pool.query(
      `select count(*), sum(extract(year from r.birth_date)) from households h join residents r
         on r.tenant_id = h.tenant_id and r.household_id = h.id`,
    );
    const rawReadSeconds = (performance.now() - started) / 1000;
    const client = await owner.pool.connect();
    await client.query(
      'create temp table raw_results (rule_id text, version int, person_id bigint, household_id bigint)',
    );
    started = performance.now();
    await pipeline(
      Readable.from(
        (function* () {
          for (let i = 0; i < first.eligible; i += 5000) {
            let chunk = '';
            for (let j = i; j < Math.min(i + 5000, first.eligible); j++) chunk += `kaigo-hoken-1go\t1\t${j}\t${j}\n`;
            yield chunk;
          }
        })(),
      ),
      client.query(copyFrom('copy raw_results from stdin')),
    );
    const rawCopySeconds = (performance.now() - started) / 1000;
    client.release(true);
    return {
      seed_seconds: Number(seedSeconds.toFixed(1)),
      first_run: first,
      nightly_run: nightly,
      preview_job: {
        seconds: preview.seconds,
        gained: preview.difference.gained,
        lost: preview.difference.lost,
        eligible: preview.difference.eligible,
      },
      raw_read_register_seconds: Number(rawReadSeconds.toFixed(2)),
      raw_copy_results_seconds: Number(rawCopySeconds.toFixed(2)),
    };
  } finally {
    await app.pool.end();
    await owner.pool.end();
    await scratch.drop();
    await server.stop();
  }
}

export async function run() {
  const db = await throughTheProduct();
  const day = parseDay(referenceDate);

  let started = performance.now();
  const population = loadPopulation();
  const generateSeconds = (performance.now() - started) / 1000;
  const people = population.reduce((n, h) => n + h.members.length, 0);

  // Warm up the rules on a slice, then the whole population once, keeping the eligible rows.
  for (let i = 0; i < 20_000 && i < population.length; i++) evaluateHousehold(population[i]!, day);
  started = performance.now();
  let eligibleTotal = 0;
  const byRule: Record<string, number> = {};
  for (const h of population) {
    const rows = evaluateHousehold(h, day, catalogue, { eligibleOnly: true });
    eligibleTotal += rows.length;
    for (const row of rows) byRule[row.ruleId] = (byRule[row.ruleId] ?? 0) + 1;
  }
  const seconds = (performance.now() - started) / 1000;

  // The comparison: the first households holding `sampleSize` people.
  const sample: Household[] = [];
  let sampled = 0;
  for (const h of population) {
    if (sampled >= sampleSize) break;
    sample.push(h);
    sampled += h.members.length;
  }
  const compared = comparedIds.map((id) => catalogue.find((r) => r.id === id)!);
  await jre(sample.slice(0, 200), day); // warm-up
  ours(sample.slice(0, 200), compared, day);
  const ourRun = await best(() => ours(sample, compared, day));
  const jreRun = await best(() => jre(sample, day));
  for (const id of comparedIds) {
    if ((ourRun.result[id] ?? 0) !== (jreRun.result[id] ?? 0)) {
      throw new Error(`${id}: ours ${ourRun.result[id]} vs json-rules-engine ${jreRun.result[id]}`);
    }
  }

  const round = (r: { seconds: number }) => ({ ...r, seconds: Number(r.seconds.toFixed(2)) });
  return {
    residents: db.first_run.residents,
    households: db.first_run.households,
    rules: db.first_run.rules,
    // The first run is the heavier one: every eligible person is written.
    seconds: Number(db.first_run.seconds.toFixed(2)),
    nightly_seconds: Number(db.nightly_run.seconds.toFixed(2)),
    preview_seconds: Number(db.preview_job.seconds.toFixed(2)),
    database: {
      ...db,
      first_run: round(db.first_run),
      nightly_run: round(db.nightly_run),
      preview_job: round(db.preview_job),
    },
    in_memory_residents: people,
    evaluate_seconds: Number(seconds.toFixed(3)),
    generate_seconds: Number(generateSeconds.toFixed(3)),
    json_rules_engine_ratio: Number((jreRun.seconds / ourRun.seconds).toFixed(1)),
    eligible_total: eligibleTotal,
    eligible_by_rule: byRule,
    comparison: {
      people: sampled,
      households: sample.length,
      rules: comparedIds,
      ours_seconds: Number(ourRun.seconds.toFixed(4)),
      json_rules_engine_seconds: Number(jreRun.seconds.toFixed(3)),
      same_people: true,
      eligible: ourRun.result,
    },
    day: day.iso,
    seed,
    rounds,
  };
}
