// /demo/line and its forms, only in a demo process whose LINE is the stand-in (anywhere else: 404). A form
// acts as one demo LINE user through the stand-in's signed webhook to this server's own /webhooks/line,
// then comes back (303) with a notice of what the city made of it; an empty or too long message re-renders
// with 400 and an error summary linked to the field. Stops the stand-in when the server closes.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/http/errors.ts';
import { ownOrigin } from '../../../platform/http/own-origin.ts';
import { seeOther, sendPage } from '../../../platform/http/respond.ts';
import { t } from '../../../platform/i18n/i18n.ts';
import type { PlatformDeps } from '../../../platform/module.ts';
import { pageContext } from '../../../platform/pages/server-pages.ts';
import { closeDemoLine, type DemoLine, type DemoLineUserKey, demoLineFor, demoLineUserKeys } from './channel.ts';
import { k } from './messages.ts';
import { type DemoLineState, demoLinePage, demoLinePath } from './page.ts';
import { readDemoPhones } from './read-demo-phones.ts';
import { type DemoLineOutcome, demoTextMax, sendAsDemoUser } from './send-as-demo-user.ts';

const page = { hide: true };
const outcomes: DemoLineOutcome[] = ['follow', 'unfollow', 'linked', 'codeRejected', 'stopped', 'sent'];
const actions = ['follow', 'unfollow', 'text'] as const;
type ActionParams = { Params: { user: string; action: string } };

const isUser = (user: unknown): user is DemoLineUserKey => demoLineUserKeys.includes(user as DemoLineUserKey);

/** Where this server listens: the stand-in posts its webhooks there, as LINE posts to the city's address. */
function ownWebhookUrl(app: FastifyInstance): string {
  const origin = ownOrigin(app);
  if (!origin) {
    throw new AppError('unavailable', 'このサーバーはポートで待ち受けていないため、デモの LINE から送れません。');
  }
  return `${origin}/webhooks/line`;
}

export async function demoLineRoutes(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  app.addHook('onClose', async () => closeDemoLine(deps));

  /**
   * The demo's LINE, or 404. Only for the deployment's default tenant: the stand-in's webhooks go to this
   * server's own address, which is the default tenant's (LINE itself has one webhook address per channel).
   */
  async function demoLine(request: FastifyRequest): Promise<DemoLine> {
    const line = request.tenant.id === deps.config.defaultTenant ? await demoLineFor(deps) : undefined;
    if (!line) throw new AppError('not_found', 'ページが見つかりません。');
    return line;
  }

  async function render(request: FastifyRequest, line: DemoLine, state: DemoLineState) {
    const phones = await readDemoPhones(deps, { tenantId: request.tenant.id, line });
    return demoLinePage(pageContext(request), phones, state);
  }

  app.get<{ Querystring: { notice?: string; user?: string } }>(
    demoLinePath,
    { schema: page },
    async (request, reply) => {
      const line = await demoLine(request);
      const { notice, user } = request.query;
      const shown = outcomes.includes(notice as DemoLineOutcome) && isUser(user);
      return sendPage(
        reply,
        await render(request, line, shown ? { notice: { outcome: notice as DemoLineOutcome, user } } : {}),
      );
    },
  );

  app.post<ActionParams>(`${demoLinePath}/:user/:action`, { schema: page }, async (request, reply) => {
    const line = await demoLine(request);
    const { user, action } = request.params;
    if (!isUser(user) || !actions.includes(action as (typeof actions)[number])) {
      throw new AppError('not_found', 'ページが見つかりません。');
    }
    let act: Parameters<typeof sendAsDemoUser>[1]['act'];
    if (action === 'text') {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const text = typeof body.text === 'string' ? body.text : '';
      const problem = !text.trim()
        ? t(request.lang, k('textRequired'))
        : text.length > demoTextMax
          ? t(request.lang, k('textTooLong'), { max: demoTextMax.toLocaleString('ja-JP') })
          : undefined;
      if (problem) {
        return sendPage(reply, await render(request, line, { error: { user, text, message: problem } }), 400);
      }
      act = { kind: 'text', text };
    } else {
      act = { kind: action as 'follow' | 'unfollow' };
    }
    const outcome = await sendAsDemoUser(deps, {
      tenantId: request.tenant.id,
      line,
      webhookUrl: ownWebhookUrl(app),
      user,
      act,
    });
    return seeOther(reply, `${demoLinePath}?notice=${outcome}&user=${user}`);
  });
}
