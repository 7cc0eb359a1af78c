import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createZoneClassifier } from './zones.ts';

test('addresses are classified by the configured ranges; the rest is the internet', () => {
  const zoneOf = createZoneClassifier('lgwan=10.0.0.0/8, 192.168.10.0/24, fd00:1::/32; vpn=172.16.0.0/12');
  assert.equal(zoneOf('10.20.30.40'), 'lgwan');
  assert.equal(zoneOf('::ffff:10.1.2.3'), 'lgwan');
  assert.equal(zoneOf('192.168.10.99'), 'lgwan');
  assert.equal(zoneOf('192.168.11.1'), 'internet');
  assert.equal(zoneOf('fd00:1:2::3'), 'lgwan');
  assert.equal(zoneOf('172.20.0.1'), 'vpn');
  assert.equal(zoneOf('203.0.113.5'), 'internet');
  assert.equal(zoneOf('not-an-ip'), 'internet');
  assert.equal(createZoneClassifier('')('10.0.0.1'), 'internet');
  // A single address without a prefix is that address alone; IPv4-mapped IPv6 in upper case too.
  const single = createZoneClassifier('vpn=203.0.113.7, 2001:db8::1');
  assert.equal(single('203.0.113.7'), 'vpn');
  assert.equal(single('::FFFF:203.0.113.7'), 'vpn');
  assert.equal(single('203.0.113.8'), 'internet');
  assert.equal(single('2001:db8::1'), 'vpn');
  assert.equal(single('2001:db8::2'), 'internet');
});

test('a bad range names itself', () => {
  assert.throws(() => createZoneClassifier('lgwan=10.0.0.0/33'), /10\.0\.0\.0\/33/);
  assert.throws(() => createZoneClassifier('office=10.0.0.0/8'), /office=10\.0\.0\.0\/8/);
  assert.throws(() => createZoneClassifier('lgwan=banana'), /banana/);
  // An empty or doubled prefix must not become /0 (the whole internet) or be half read.
  assert.throws(() => createZoneClassifier('lgwan=10.0.0.0/'), /10\.0\.0\.0\//);
  assert.throws(() => createZoneClassifier('lgwan=10.0.0.0/8/9'), /10\.0\.0\.0\/8\/9/);
  assert.throws(() => createZoneClassifier('vpn=fd00::/129'), /fd00::\/129/);
  assert.throws(() => createZoneClassifier('lgwan=10.0.0.0/-1'), /10\.0\.0\.0\/-1/);
});
