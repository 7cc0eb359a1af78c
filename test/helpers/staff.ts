// Signs staff in as a person would: password, then the TOTP code (enrolling on first use by reading the
// key from the page), from a network address of the chosen zone (give the test city NETWORK_ZONES with lgwan=10.0.0.0/8).
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { base32Decode, totpCode, totpStep } from '../../src/modules/identity/totp.ts';
import { Agent } from './agent.ts';

const secrets = new WeakMap<FastifyInstance, Map<string, Buffer>>();
const lastStep = new WeakMap<FastifyInstance, Map<string, number>>();

async function nextStep(app: FastifyInstance, email: string): Promise<number> {
  const steps = lastStep.get(app) ?? new Map<string, number>();
  lastStep.set(app, steps);
  for (;;) {
    // The current window (a previous window's code may expire on the way); never a code already used.
    const step = Math.max((steps.get(email) ?? -Infinity) + 1, totpStep());
    if (step <= totpStep()) {
      steps.set(email, step);
      return step;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

export async function staffSignIn(app: FastifyInstance, email: string, from = '10.1.2.3'): Promise<Agent> {
  const known = secrets.get(app) ?? new Map<string, Buffer>();
  secrets.set(app, known);
  const agent = new Agent(app);
  agent.remoteAddress = from;
  await agent.get('/staff/sign-in');
  const first = await agent.post('/staff/sign-in', { email, password: 'cityhall-staff-demo' });
  assert.equal(first.statusCode, 303, 'staff password accepted');
  const page = await agent.get('/staff/sign-in/totp');
  const shown = /data-totp-secret>([A-Z2-7 ]+)</.exec(page.body);
  if (shown) known.set(email, base32Decode(shown[1]!));
  const step = await nextStep(app, email);
  const done = await agent.post('/staff/sign-in/totp', { code: totpCode(known.get(email)!, step) });
  assert.equal(done.statusCode, 303, 'second factor accepted');
  return agent;
}
