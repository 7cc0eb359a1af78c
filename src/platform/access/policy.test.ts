import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type AccessRequest, actions, dataClasses, decide, roles } from './policy.ts';

// The specification, written independently of the rules: every combination allowed, with the
// environments it is allowed from (L = LGWAN side, V = VPN from a registered device, v = VPN from an
// unregistered device, I = internet). Every combination not listed is denied from everywhere.
const allowed = `
counter_staff    read       public    LVvI
case_worker      read       public    LVvI
department_admin read       public    LVvI
dx_admin         read       public    LVvI
auditor          read       public    LVvI
case_worker      create     public    LVvI
department_admin create     public    LVvI
dx_admin         create     public    LVvI
case_worker      update     public    LVvI
department_admin update     public    LVvI
dx_admin         update     public    LVvI
case_worker      decide     public    LVvI
department_admin decide     public    LVvI
case_worker      export     public    LVvI
department_admin export     public    LVvI
department_admin administer public    LVvI
dx_admin         administer public    LVvI
auditor          audit_read public    L
counter_staff    read       personal  LV
case_worker      read       personal  LV
department_admin read       personal  LV
counter_staff    create     personal  LV
case_worker      create     personal  LV
counter_staff    update     personal  LV
case_worker      update     personal  LV
case_worker      decide     personal  LV
department_admin decide     personal  LV
case_worker      export     personal  LV
department_admin export     personal  LV
department_admin administer personal  LV
dx_admin         administer personal  LV
auditor          audit_read personal  L
counter_staff    read       my_number L
case_worker      read       my_number L
counter_staff    create     my_number L
case_worker      create     my_number L
counter_staff    update     my_number L
case_worker      update     my_number L
auditor          audit_read my_number L
`;

const spec = new Map<string, string>();
for (const line of allowed.trim().split('\n')) {
  const [role, action, dataClass, where] = line.trim().split(/\s+/);
  spec.set(`${role} ${action} ${dataClass}`, where!);
}

const environments = [
  { code: 'L', zone: 'lgwan', deviceRegistered: false },
  { code: 'V', zone: 'vpn', deviceRegistered: true },
  { code: 'v', zone: 'vpn', deviceRegistered: false },
  { code: 'I', zone: 'internet', deviceRegistered: false },
] as const;

// 10:00 in Japan: office hours.
const officeHours = new Date('2026-11-25T01:00:00Z');

function request(
  role: (typeof roles)[number],
  action: AccessRequest['action'],
  dataClass: AccessRequest['resource']['dataClass'],
  env: { zone: AccessRequest['environment']['zone']; deviceRegistered: boolean },
  at = officeHours,
): AccessRequest {
  return {
    subject: { id: 's1', roles: [role], departments: ['ward-141313.kumin'], wards: ['141313'] },
    action,
    resource: { type: 'resident', dataClass, department: 'ward-141313.kumin', ward: '141313' },
    environment: { zone: env.zone, deviceRegistered: env.deviceRegistered, at, offHours: { from: 22, to: 7 } },
  };
}

test('every role × action × data class × environment is decided as the specification says', () => {
  let cells = 0;
  for (const role of roles)
    for (const action of actions)
      for (const dataClass of dataClasses)
        for (const env of environments) {
          const expected = (spec.get(`${role} ${action} ${dataClass}`) ?? '').includes(env.code);
          const decision = decide(request(role, action, dataClass, env));
          assert.equal(
            decision.allow,
            expected,
            `${role} ${action} ${dataClass} from ${env.zone}${env.deviceRegistered ? ' (registered device)' : ''}: ${decision.reason}`,
          );
          assert.ok(decision.reason.length > 0 && decision.message.length > 0);
          cells++;
        }
  assert.equal(cells, 5 * 7 * 3 * 4);
});

test('a refusal explains itself in Japanese', () => {
  const d = decide(request('counter_staff', 'read', 'my_number', environments[3]));
  assert.equal(d.reason, 'my_number_zone');
  assert.match(d.message, /LGWAN/);
  assert.equal(decide(request('auditor', 'read', 'personal', environments[0])).reason, 'no_rule');
});

test('personal data of another department or ward is out of scope; public data is not', () => {
  const base = request('case_worker', 'read', 'personal', environments[0]);
  assert.equal(
    decide({ ...base, resource: { ...base.resource, department: 'ward-141330.kumin', ward: '141330' } }).reason,
    'out_of_scope',
  );
  assert.equal(decide({ ...base, resource: { ...base.resource, ward: '141330' } }).reason, 'out_of_scope');
  assert.equal(
    decide({ ...base, resource: { ...base.resource, dataClass: 'public', department: 'kodomo' } }).allow,
    true,
  );
  // Staff without a ward (city hall bureaus) see every ward of their department.
  assert.equal(
    decide({ ...base, subject: { ...base.subject, wards: [] }, resource: { ...base.resource, ward: '141330' } }).allow,
    true,
  );
});

test('outside office hours personal data needs a registered device, even on the LGWAN side', () => {
  const night = new Date('2026-11-25T14:30:00Z'); // 23:30 JST
  const early = new Date('2026-11-24T21:59:00Z'); // 06:59 JST
  assert.equal(decide(request('case_worker', 'read', 'personal', environments[0], night)).reason, 'off_hours_device');
  assert.equal(decide(request('case_worker', 'read', 'personal', environments[0], early)).reason, 'off_hours_device');
  assert.equal(
    decide(request('case_worker', 'read', 'personal', { zone: 'lgwan', deviceRegistered: true }, night)).allow,
    true,
  );
  assert.equal(decide(request('case_worker', 'read', 'public', environments[3], night)).allow, true);
  assert.equal(
    decide(request('case_worker', 'read', 'personal', environments[0])).allow,
    true,
    '10:00 is office hours',
  );
});

test('a city sets its own off hours, or has none', () => {
  const night = request('case_worker', 'read', 'personal', environments[0], new Date('2026-11-25T14:30:00Z'));
  assert.equal(decide({ ...night, environment: { ...night.environment, offHours: undefined } }).allow, true);
  // 12:00–13:00 JST (a window that does not cross midnight): 12:30 is inside, 13:00 is not.
  const lunch = { from: 12, to: 13 };
  const at = (iso: string) => ({ ...night, environment: { ...night.environment, at: new Date(iso), offHours: lunch } });
  assert.equal(decide(at('2026-11-25T03:30:00Z')).reason, 'off_hours_device');
  assert.equal(decide(at('2026-11-25T04:00:00Z')).allow, true);
  assert.equal(decide(at('2026-11-25T02:59:00Z')).allow, true);
});

test('several roles: the union of what each allows, but deny rules still win', () => {
  const both: AccessRequest = {
    ...request('counter_staff', 'decide', 'personal', environments[0]),
    subject: {
      id: 's',
      roles: ['counter_staff', 'department_admin'],
      departments: ['ward-141313.kumin'],
      wards: ['141313'],
    },
  };
  assert.equal(decide(both).allow, true);
  assert.equal(
    decide({ ...both, action: 'export', resource: { ...both.resource, dataClass: 'my_number' } }).allow,
    false,
  );
});

test('a department administrator administers their own department only, never city-wide resources', () => {
  const own = request('department_admin', 'administer', 'public', { zone: 'lgwan', deviceRegistered: false });
  assert.equal(decide(own).allow, true);
  assert.equal(decide({ ...own, resource: { type: 'device', dataClass: 'public' } }).allow, false);
  assert.equal(decide({ ...own, resource: { ...own.resource, department: 'kodomo' } }).allow, false);
  assert.equal(
    decide({
      ...own,
      subject: { ...own.subject, roles: ['dx_admin'] },
      resource: { type: 'device', dataClass: 'public' },
    }).allow,
    true,
  );
});

test('nobody may change the audit log, whatever their role, zone or device', () => {
  for (const role of roles)
    for (const action of actions)
      for (const dataClass of dataClasses) {
        const d = decide({
          subject: { id: 's', roles: [role], departments: ['ward-141313.kumin'], wards: ['141313'] },
          action,
          resource: { type: 'audit_log', dataClass },
          environment: { zone: 'lgwan', deviceRegistered: true, at: officeHours },
        });
        const expected = role === 'auditor' && action === 'audit_read';
        assert.equal(d.allow, expected, `${role} ${action} audit_log (${dataClass}): ${d.reason}`);
        if (action !== 'audit_read') assert.equal(d.reason, 'audit_read_only');
      }
});
