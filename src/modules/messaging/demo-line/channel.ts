// Which LINE channel this process talks to: LINE_* when configured; in a demo process (marked by messaging's
// demo seeder) without them, the LINE stand-in, started in-process on its own port on first use with a
// channel access token and secret derived from the server secret; otherwise none. Everything else (the
// client in channels/line.ts, the webhook's signature check) is the production code either way.
import type { PlatformDeps } from '../../../platform/module.ts';
import { type LineStandIn, startLineStandIn } from './stand-in.ts';

export interface LineChannel {
  apiBaseUrl: string;
  channelAccessToken: string;
  channelSecret: string;
}

/** What a demo LINE user did on /demo/line (the phone shows it beside what the city sent). */
export interface DemoLineAction {
  userId: string;
  at: Date;
  kind: 'follow' | 'unfollow' | 'text';
  text?: string;
}

export interface DemoLine {
  standIn: LineStandIn;
  channel: LineChannel;
  actions: DemoLineAction[];
}

// Keyed by the process's deps object: only the demo seeder marks it, so a production start never gets it.
const demoProcesses = new WeakSet<PlatformDeps>();
const closed = new WeakSet<PlatformDeps>();
const running = new WeakMap<PlatformDeps, Promise<DemoLine | undefined>>();

export function markLineDemo(deps: PlatformDeps): void {
  demoProcesses.add(deps);
}

/** A demo process without a LINE channel of its own: it uses the stand-in (and has /demo/line). */
export const usesDemoLine = (deps: PlatformDeps): boolean => !deps.config.line && demoProcesses.has(deps);

/** The demo's LINE users, 「デモ利用者A」…: IDs in LINE's form, the same on every start of this data folder. */
export const demoLineUserKeys = ['A', 'B', 'C'] as const;
export type DemoLineUserKey = (typeof demoLineUserKeys)[number];

export function demoLineUserId(deps: PlatformDeps, key: DemoLineUserKey): string {
  return `U${deps.secrets.derive(`line-demo-user-${key}`).toString('hex').slice(0, 32)}`;
}

export async function demoLineFor(deps: PlatformDeps): Promise<DemoLine | undefined> {
  if (!usesDemoLine(deps) || closed.has(deps)) return undefined;
  let started = running.get(deps);
  if (!started) {
    started = (async () => {
      const channel = {
        channelAccessToken: deps.secrets.derive('line-demo-access-token').toString('base64url'),
        channelSecret: deps.secrets.derive('line-demo-channel-secret').toString('hex').slice(0, 32),
      };
      const standIn = await startLineStandIn(channel);
      // Stopped while it was starting (the server closing during the demo seed): no channel after all.
      if (closed.has(deps)) {
        await standIn.close();
        return undefined;
      }
      deps.log.info({ url: standIn.url }, 'デモ用の LINE（スタンドイン）を起動しました（実際の LINE には送りません）');
      return { standIn, channel: { ...channel, apiBaseUrl: standIn.url }, actions: [] };
    })();
    running.set(deps, started);
  }
  return started;
}

export async function lineChannelFor(deps: PlatformDeps): Promise<LineChannel | undefined> {
  return deps.config.line ?? (await demoLineFor(deps))?.channel;
}

/** Stops the demo's stand-in with the server (the routes' onClose hook). */
export async function closeDemoLine(deps: PlatformDeps): Promise<void> {
  closed.add(deps);
  const started = running.get(deps);
  running.delete(deps);
  await (await started)?.standIn.close();
}
