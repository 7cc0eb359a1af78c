// The one place modules are registered: their migrations run, routes mount and jobs start in this order.
import type { CityModule } from '../platform/module.ts';
import { identity } from './identity/index.ts';
import { issuance } from './issuance/index.ts';
import { organisation } from './organisation/index.ts';
import { portal } from './portal/index.ts';
import { residents } from './residents/index.ts';

export const modules: CityModule[] = [organisation, residents, identity, issuance, portal];
