// The one place modules are registered: their migrations run, routes mount and jobs start in this order.
import type { CityModule } from '../platform/module.ts';
import { applications } from './applications/index.ts';
import { eligibility } from './eligibility/index.ts';
import { identity } from './identity/index.ts';
import { integration } from './integration/index.ts';
import { issuance } from './issuance/index.ts';
import { messaging } from './messaging/index.ts';
import { openData } from './open-data/index.ts';
import { organisation } from './organisation/index.ts';
import { payments } from './payments/index.ts';
import { portal } from './portal/index.ts';
import { procedures } from './procedures/index.ts';
import { publicComment } from './public-comment/index.ts';
import { residents } from './residents/index.ts';

export const modules: CityModule[] = [
  organisation,
  residents,
  identity,
  procedures,
  payments,
  issuance,
  applications,
  integration,
  publicComment,
  openData,
  messaging,
  eligibility,
  portal,
];
