import type { Messages } from '../../platform/i18n/i18n.ts';

export const messages: Messages = {
  ja: {
    homeTitle: '{city}へようこそ',
    homeLead: '{city}の手続や情報を、いつでも、どこからでも利用できます。',
    homeServices: '利用できるサービス',
    accessibilityLinkTitle: 'ウェブアクセシビリティ方針',
    accessibilityLinkDescription: 'だれもが使えるサイトにするための目標と取組です。',
    apiLinkTitle: 'API 仕様（開発者向け）',
    apiLinkDescription: '業務システムやアプリから使える JSON API の説明です。',
    a11yTitle: 'ウェブアクセシビリティ方針',
    a11yIntro:
      '{city}は、高齢の方や障害のある方を含め、だれもがこのサイトを利用できるよう、ウェブアクセシビリティの確保と向上に取り組みます。',
    a11yTargetHeading: '目標とする適合レベル',
    a11yTarget:
      'JIS X 8341-3:2016 の適合レベル AA に準拠すること、および WCAG 2.2 の達成基準 AA を満たすことを目標とします。',
    a11yScopeHeading: '対象範囲',
    a11yScope: 'このサイトのすべてのページ（住民向けページ、職員向けページ、API 文書）を対象とします。',
    a11yPracticeHeading: '取組',
    a11yPractice:
      'キーボードだけで操作できること、JavaScript が動かない環境でも手続ができること、文字と背景の十分なコントラスト、画面読み上げソフトへの配慮を、自動試験（axe-core）と実際の操作で確かめています。',
    a11yContactHeading: '問題のご連絡',
    a11yContact:
      '利用しにくい点がありましたら、お問い合わせ窓口までお知らせください。どのページで、どのような環境（端末、ブラウザ、支援技術）で起きたかを書いていただくと、早く直せます。',
  },
  'ja-easy': {
    homeTitle: '{city}へ ようこそ',
    homeLead: '{city}の {手続|てつづき}や お{知|し}らせを、いつでも どこでも {使|つか}えます。',
    homeServices: '{使|つか}える サービス',
    accessibilityLinkTitle: 'だれでも {使|つか}える ページの ための {約束|やくそく}',
    accessibilityLinkDescription: 'だれでも {使|つか}える ように する ための {目標|もくひょう}です。',
    apiLinkTitle: 'API の {説明|せつめい}（つくる {人|ひと} {向|む}け）',
    apiLinkDescription: 'ほかの システムから {使|つか}う ための {説明|せつめい}です。',
    a11yTitle: 'だれでも {使|つか}える ページの ための {約束|やくそく}',
    a11yIntro:
      '{city}は、お{年寄|としよ}りや {障害|しょうがい}の ある {人|ひと}も、だれでも この ページを {使|つか}える ように します。',
    a11yTargetHeading: '{目標|もくひょう}',
    a11yTarget:
      '{国|くに}の きまり（JIS X 8341-3:2016 の AA）と {世界|せかい}の きまり（WCAG 2.2 の AA）を {守|まも}る ことを {目指|めざ}します。',
    a11yScopeHeading: 'どの ページ？',
    a11yScope: 'この サイトの {全部|ぜんぶ}の ページです。',
    a11yPracticeHeading: 'して いる こと',
    a11yPractice:
      'キーボードだけで {使|つか}える か、JavaScript が なくても {使|つか}える か、{文字|もじ}が {見|み}やすい か、{読|よ}み{上|あ}げ ソフトで わかる か を {調|しら}べて います。',
    a11yContactHeading: 'こまった ときは',
    a11yContact:
      '{使|つか}いにくい ところが あったら、{市役所|しやくしょ}に {教|おし}えて ください。どの ページで、どんな {機械|きかい}で こまったか を {書|か}いて ください。',
  },
  en: {
    homeTitle: 'Welcome to {city}',
    homeLead: "Use {city}'s services and information any time, from anywhere.",
    homeServices: 'Services you can use',
    accessibilityLinkTitle: 'Web accessibility policy',
    accessibilityLinkDescription: 'Our targets and practice for a site everyone can use.',
    apiLinkTitle: 'API documentation (for developers)',
    apiLinkDescription: 'The JSON API for business systems and apps.',
    a11yTitle: 'Web accessibility policy',
    a11yIntro:
      '{city} works to make this site usable by everyone, including older people and people with disabilities.',
    a11yTargetHeading: 'Target conformance level',
    a11yTarget: 'We aim to conform to JIS X 8341-3:2016 level AA and to meet the WCAG 2.2 level AA success criteria.',
    a11yScopeHeading: 'Scope',
    a11yScope: "Every page of this site: residents' pages, staff pages and the API documentation.",
    a11yPracticeHeading: 'How we check',
    a11yPractice:
      'Keyboard-only use, procedures that work without JavaScript, sufficient contrast and screen reader support are checked with automated tests (axe-core) and by hand.',
    a11yContactHeading: 'Report a problem',
    a11yContact:
      'If something is hard to use, please tell the city. Tell us the page and your setting (device, browser, assistive technology) so we can fix it quickly.',
  },
};
