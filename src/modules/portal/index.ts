// The resident portal's entry: the home page (links only to what works) and the accessibility policy.
// Owns no tables; other modules add their entries through `homeLinks`.
import { registerMessages } from '../../platform/i18n/i18n.ts';
import type { CityModule } from '../../platform/module.ts';
import { messages } from './messages.ts';
import { portalRoutes } from './routes.ts';

registerMessages('portal', messages);

export const portal: CityModule = {
  name: 'portal',
  routes: portalRoutes,
  homeLinks: [
    {
      href: '/accessibility',
      titleKey: 'portal.accessibilityLinkTitle',
      descriptionKey: 'portal.accessibilityLinkDescription',
    },
    { href: '/api/docs', titleKey: 'portal.apiLinkTitle', descriptionKey: 'portal.apiLinkDescription' },
  ],
};
