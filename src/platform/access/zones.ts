// Network zones from configured address ranges (NETWORK_ZONES), e.g.
//   lgwan=10.0.0.0/8,192.168.10.0/24;vpn=172.16.0.0/12
// Anything else is the internet. Zero trust: the zone is one input to every staff decision.
import { BlockList, isIP } from 'node:net';

export const zones = ['lgwan', 'vpn', 'internet'] as const;
export type Zone = (typeof zones)[number];

export class ZoneConfigError extends Error {
  override name = 'ZoneConfigError';
}

export type ZoneClassifier = (ip: string) => Zone;

function unmapped(ip: string): string {
  // ::ffff:10.1.2.3 is an IPv4 client on a dual-stack socket.
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return m ? m[1]! : ip;
}

export function createZoneClassifier(spec: string): ZoneClassifier {
  const lists = new Map<Zone, BlockList>();
  for (const part of spec
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const eq = part.indexOf('=');
    const name = part.slice(0, eq).trim() as Zone;
    if (eq < 0 || (name !== 'lgwan' && name !== 'vpn')) {
      throw new ZoneConfigError(
        `環境変数 NETWORK_ZONES の「${part}」が不正です。lgwan=… または vpn=… の形で指定してください。`,
      );
    }
    const list = lists.get(name) ?? new BlockList();
    for (const range of part
      .slice(eq + 1)
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean)) {
      const [address = '', bits, ...extra] = range.split('/');
      const family = isIP(address);
      const prefix = bits === undefined ? (family === 6 ? 128 : 32) : Number(bits);
      // Number('') is 0: a stray '10.0.0.0/' must not quietly make the whole internet LGWAN.
      const badBits = bits !== undefined && !/^\d{1,3}$/.test(bits);
      if (family === 0 || badBits || extra.length > 0 || prefix > (family === 6 ? 128 : 32)) {
        throw new ZoneConfigError(
          `環境変数 NETWORK_ZONES のアドレス範囲「${range}」が不正です（例: 10.0.0.0/8, fd00::/8）。`,
        );
      }
      list.addSubnet(address, prefix, family === 6 ? 'ipv6' : 'ipv4');
    }
    lists.set(name, list);
  }
  return (ip) => {
    const address = unmapped(ip);
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (isIP(address) === 0) return 'internet';
    if (lists.get('lgwan')?.check(address, family)) return 'lgwan';
    if (lists.get('vpn')?.check(address, family)) return 'vpn';
    return 'internet';
  };
}
