// What issuance's use cases need beyond the platform: the city keys and where verification lives.

import path from 'node:path';
import type { Kysely } from 'kysely';
import type pg from 'pg';
import { publicOrigin } from '../../platform/config/config.ts';
import type { Events } from '../../platform/events/events.ts';
import type { PlatformDeps } from '../../platform/module.ts';
import { type CityKeys, cityKeys } from './city-key.ts';

export interface IssuanceDeps {
  db: Kysely<any>;
  pool: pg.Pool;
  events: Events;
  keys: CityKeys;
  /** Origin the QR code points to when the caller gives none, e.g. https://city.example.jp */
  publicBaseUrl: string;
}

const keysByDir = new Map<string, CityKeys>();

/** One key store per data folder, so every route and job of the process shares the loaded keys. */
export function issuanceDeps(deps: PlatformDeps): IssuanceDeps {
  const dir = path.join(deps.config.dataDir, 'issuance');
  let keys = keysByDir.get(dir);
  if (!keys) {
    keys = cityKeys(dir);
    keysByDir.set(dir, keys);
  }
  return {
    db: deps.db,
    pool: deps.pool,
    events: deps.events,
    keys,
    publicBaseUrl: publicOrigin(deps.config),
  };
}
