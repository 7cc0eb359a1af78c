// A test city whose four channels are real protocols against local stand-ins: LINE (the Messaging API
// stand-in), SMTP and a Web Push service, with no subscribers or messages but the test's own.
import { startTestCityHall, type TestCityHall } from '../../../../test/helpers/app.ts';
import { type LineStandIn, startLineStandIn } from '../../../../test/helpers/line-stand-in.ts';
import { type PushService, startPushService } from '../../../../test/helpers/push-service.ts';
import { type SmtpStandIn, startSmtpStandIn } from '../../../../test/helpers/smtp.ts';

export interface ChannelCity {
  city: TestCityHall;
  line: LineStandIn;
  smtp: SmtpStandIn;
  push: PushService;
  /** The LINE channel access token the city uses (to build a client of its own against the stand-in). */
  token: string;
  close(): Promise<void>;
}

export async function startChannelCity(name: string): Promise<ChannelCity> {
  const token = `token-${name}`;
  const secret = `secret-${name}`;
  const [line, smtp, push] = await Promise.all([
    startLineStandIn({ channelAccessToken: token, channelSecret: secret }),
    startSmtpStandIn(),
    startPushService(),
  ]);
  const city = await startTestCityHall({
    demoResidents: 5,
    env: {
      SMTP_URL: smtp.url,
      LINE_CHANNEL_ACCESS_TOKEN: token,
      LINE_CHANNEL_SECRET: secret,
      LINE_API_BASE_URL: line.url,
    },
  });
  // This file's subscribers and messages only: whatever the demo seeded for the tenant goes first.
  await city.database.ownerDb.deleteFrom('msg_messages').where('tenant_id', '=', 'kawasaki').execute();
  await city.database.ownerDb.deleteFrom('msg_subscribers').where('tenant_id', '=', 'kawasaki').execute();
  return {
    city,
    line,
    smtp,
    push,
    token,
    async close() {
      await city.close();
      await Promise.all([line.close(), smtp.close(), push.close()]);
    },
  };
}
