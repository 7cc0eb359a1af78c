// Plain explanations for why a procedure is not (fully) online, and what can still be done online so that
// one visit is enough. The catalogue generator uses them for every entry that has the same reason.
import type { Localized, NotOnlineReason } from '../definition.ts';

export const reasonTexts: Record<NotOnlineReason, { detail: Localized; onlineParts: Localized }> = {
  original_documents: {
    detail: {
      ja: '法令により、書類の原本を窓口で確認する必要があります。',
      jaEasy: 'ほんものの 書類を、窓口で 見せる 必要が あります。',
      en: 'The law requires staff to see the original documents at the counter.',
    },
    onlineParts: {
      ja: '申請内容の入力と送信、手数料の支払いはオンラインでできます。来庁は原本の確認の1回だけです。',
      jaEasy: 'はじめに インターネットで 申し込んで ください。窓口に 来るのは 1回だけです。',
      en: 'Fill in and send the application and pay online; you then visit once, only to show the originals.',
    },
  },
  face_to_face_identity: {
    detail: {
      ja: '法令により、窓口で職員が対面で本人確認をする必要があります。',
      jaEasy: '窓口で、本人か どうかを 会って 確かめる 決まりです。',
      en: 'The law requires a face-to-face identity check at the counter.',
    },
    onlineParts: {
      ja: '申請書の作成と来庁日の予約はオンラインでできます。窓口では本人確認と受取りだけです。',
      jaEasy: 'インターネットで 書類を 作って、来る 日を 予約できます。',
      en: 'Prepare the application and book a time online; at the counter only your identity is checked.',
    },
  },
  diagnosis_certificate: {
    detail: {
      ja: '医師の診断書・意見書の原本が必要です。',
      jaEasy: 'お医者さんが 書いた 書類（ほんもの）が 必要です。',
      en: "The original of a doctor's certificate is required.",
    },
    onlineParts: {
      ja: '申請はオンラインでできます。診断書の原本は郵送でも提出できます。',
      jaEasy: '申し込みは インターネットで できます。お医者さんの 書類は 郵便でも 送れます。',
      en: "Apply online; the doctor's certificate can also be sent by post.",
    },
  },
  physical_item: {
    detail: {
      ja: '手帳・鑑札・標識などの現物を交付または返納するため、受取りや返却が必要です。',
      jaEasy: '手帳や ふだなどの ものを 受け取ったり 返したり します。',
      en: 'A physical item (a booklet, tag or plate) has to be handed over or returned.',
    },
    onlineParts: {
      ja: '申請はオンラインでできます。現物は窓口での受取りのほか、郵送で受け取れる場合があります。',
      jaEasy: '申し込みは インターネットで できます。ものは 郵便で 届く ことも あります。',
      en: 'Apply online; the item is collected at the counter or, where possible, sent by post.',
    },
  },
  on_site_inspection: {
    detail: {
      ja: '職員による現地の確認や立会いが必要です。',
      jaEasy: '市の 人が その 場所を 見に 行きます。',
      en: 'City staff have to inspect the site or be present.',
    },
    onlineParts: {
      ja: '申請、図面の提出、立会い日時の調整はオンラインでできます。',
      jaEasy: '申し込みと 図面を 送ることと、見に 行く 日を 決めることは インターネットで できます。',
      en: 'Apply, send the drawings and agree the inspection date online.',
    },
  },
  law_requires_paper: {
    detail: {
      ja: '法令・条例が書面での提出を定めています（オンライン化に向けて改正を待っています）。',
      jaEasy: '決まりで、紙で 出すことに なっています。',
      en: 'A law or bylaw still prescribes a paper submission (an amendment is awaited).',
    },
    onlineParts: {
      ja: '様式のダウンロードと記入例の確認、事前相談の予約はオンラインでできます。郵送でも提出できます。',
      jaEasy: '書類は インターネットで もらえます。郵便でも 出せます。',
      en: 'Download the form, see a filled-in example and book advice online; you can also post it.',
    },
  },
  interview: {
    detail: {
      ja: '事情を詳しくうかがうため、担当者との面談が必要です。',
      jaEasy: '担当の 人と 会って 話を します。',
      en: 'A meeting with a case worker is needed to understand your situation.',
    },
    onlineParts: {
      ja: '相談の申込みと面談日時の予約はオンラインでできます。オンライン面談を選べる場合もあります。',
      jaEasy: '相談の 申し込みと 予約は インターネットで できます。',
      en: 'Ask for an appointment online; a video meeting may be possible.',
    },
  },
};
