// The e-mails of the subscription: the confirm link (double opt-in), the answer to an address already
// subscribed, and the notice that a consultation has opened. Every one carries the one-step stop link;
// the notice also carries it as List-Unsubscribe with one-click POST (RFC 8058), so mail programs can
// offer their own 「配信停止」 button.
import { toWareki } from '../../../platform/ja/wareki.ts';
import type { MailMessage } from '../../../platform/mail/mailer.ts';

export interface Links {
  confirm: string;
  stop: string;
}

export function subscriptionLinks(base: string, token: string): Links {
  return {
    confirm: `${base}/public-comments/subscribe/confirm?token=${token}`,
    stop: `${base}/public-comments/unsubscribe?token=${token}`,
  };
}

// A title or city name goes into the subject line and the text: no control characters, one line.
const oneLine = (text: string) => text.replace(/[\p{Cc}\p{Cs}\u2028\u2029]+/gu, ' ').trim();

const footer = (city: string) =>
  `\n\n-- \n${city} デジタル市役所（送信専用のメールです。返信はできません）\nThis is an automated message from the city's online services.`;

export function confirmMessage(to: string, city: string, links: Links): MailMessage {
  const c = oneLine(city);
  return {
    to,
    subject: `【${c}】パブリックコメントのお知らせメール：登録の確認`,
    text: `${c}のパブリックコメント（意見募集）のお知らせメールへの登録を受け付けました。\n次のリンクを開き、「登録する」ボタンを押すと登録が完了します。\n\n${links.confirm}\n\n心当たりがない場合は、このメールを破棄してください。登録は完了せず、お知らせも届きません。\n\nTo start receiving notices of public consultations, open the link above and press the button. If you did not ask for this, ignore this e-mail.${footer(c)}`,
  };
}

export function alreadySubscribedMessage(to: string, city: string, links: Links): MailMessage {
  const c = oneLine(city);
  return {
    to,
    subject: `【${c}】パブリックコメントのお知らせメール：登録済みです`,
    text: `このメールアドレスは、${c}のパブリックコメント（意見募集）のお知らせメールに登録済みです。改めての手続は不要です。\n\nお知らせを止めるには、次のリンクを開いてください。\n${links.stop}\n\nThis address already receives notices of public consultations. To stop them, open the link above.${footer(c)}`,
  };
}

export interface OpenedConsultation {
  number: number;
  title: string;
  opensOn: string;
  closesOn: string;
}

export function openNoticeMessage(
  to: string,
  city: string,
  base: string,
  consultation: OpenedConsultation,
  stop: string,
  messageId: string,
): MailMessage {
  const c = oneLine(city);
  const title = oneLine(consultation.title);
  const period = `${toWareki(consultation.opensOn).text}〜${toWareki(consultation.closesOn).text}`;
  return {
    to,
    subject: `【${c}】意見募集を始めました：${title}`,
    text: `${c}は、次の案について御意見を募集しています。\n\n${title}\n募集期間: ${period}\n\n案の資料と意見の提出は次のページから。\n${base}/public-comments/${consultation.number}\n\nこのお知らせを止めるには、次のリンクを開いてください（ボタン1つで止まります）。\n${stop}\n\nThe city has opened a public consultation (details on the page above). To stop these notices, open the last link.${footer(c)}`,
    headers: {
      'Message-ID': messageId,
      'List-Unsubscribe': `<${stop}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}
