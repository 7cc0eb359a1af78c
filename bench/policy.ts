// `npm run bench -- policy`: policy decisions per second in process, on a realistic mix of staff
// requests, next to the same loop calling a function that only reads its input (the loop's own cost).
import { type AccessRequest, actions, dataClasses, decide, roles } from '../src/platform/access/policy.ts';

function mix(): AccessRequest[] {
  const zones = ['lgwan', 'lgwan', 'lgwan', 'vpn', 'internet'] as const;
  const out: AccessRequest[] = [];
  let i = 0;
  for (const role of roles)
    for (const action of actions)
      for (const dataClass of dataClasses)
        for (const zone of zones) {
          i++;
          out.push({
            subject: { id: `s${i}`, roles: [role], departments: ['ward-141313.kumin'], wards: ['141313'] },
            action,
            resource: {
              type: 'resident',
              dataClass,
              department: i % 7 === 0 ? 'kodomo' : 'ward-141313.kumin',
              ward: '141313',
            },
            environment: { zone, deviceRegistered: i % 3 === 0, at: new Date(Date.UTC(2026, 10, 25, i % 24)) },
          });
        }
  return out;
}

function rate(fn: (r: AccessRequest) => unknown, requests: AccessRequest[], ms: number): number {
  let n = 0;
  let sink = 0;
  const end = performance.now() + ms;
  while (performance.now() < end) {
    for (let j = 0; j < 1000; j++) {
      if (fn(requests[(n + j) % requests.length]!)) sink++;
    }
    n += 1000;
  }
  if (sink < 0) console.log(sink);
  return Math.round(n / (ms / 1000));
}

export async function run() {
  const requests = mix();
  rate(decide, requests, 300); // warm up the JIT
  const decisions = rate(decide, requests, 3000);
  const baseline = rate((r) => r.subject.roles.length > 0 && r.resource.dataClass !== 'public', requests, 3000);
  const allowed = requests.filter((r) => decide(r).allow).length;
  return {
    decisions_per_s: decisions,
    target_per_s: 200_000,
    loop_baseline_per_s: baseline,
    share_of_baseline: Number((decisions / baseline).toFixed(3)),
    mix: { requests: requests.length, allowed },
  };
}
