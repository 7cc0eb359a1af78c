// The city's eligibility rules, one per file. A rule joins the active set only through this list, and the
// catalogue test runs every rule's examples; grouped by life stage: children and families, health checks and
// vaccinations, older people, disability, life events.

import type { Rule } from '../rule.ts';
import { gaikokujinNihongo } from './gaikokujin-nihongo.ts';
import { hatachiTsudoi } from './hatachi-tsudoi.ts';
import { hitorioyaIryo } from './hitorioya-iryo.ts';
import { jidoFuyoTeate } from './jido-fuyo-teate.ts';
import { jidoTeate } from './jido-teate.ts';
import { judoShogaiIryo } from './judo-shogai-iryo.ts';
import { kaigoHoken1go } from './kaigo-hoken-1go.ts';
import { keiroPass } from './keiro-pass.ts';
import { kokiKoreiIryo } from './koki-korei-iryo.ts';
import { kokoShugakuShien } from './koko-shugaku-shien.ts';
import { kokuminNenkin20 } from './kokumin-nenkin-20.ts';
import { koreiJukyushaSho } from './korei-jukyusha-sho.ts';
import { ninpuKenshin } from './ninpu-kenshin.ts';
import { nyuganKenshin } from './nyugan-kenshin.ts';
import { nyuyojiKenshin1y6m } from './nyuyoji-kenshin-1y6m.ts';
import { nyuyojiKenshin34m } from './nyuyoji-kenshin-3-4m.ts';
import { nyuyojiKenshin3y } from './nyuyoji-kenshin-3y.ts';
import { seinen18 } from './seinen-18.ts';
import { shogaiFukushiService } from './shogai-fukushi-service.ts';
import { shoniIryo } from './shoni-iryo.ts';
import { shugakuEnjo } from './shugaku-enjo.ts';
import { shugakujiKenshin } from './shugakuji-kenshin.ts';
import { shussanKosodateOen } from './shussan-kosodate-oen.ts';
import { sumahoKyoshitsu } from './sumaho-kyoshitsu.ts';
import { tennyuKosodate } from './tennyu-kosodate.ts';
import { tokubetsuJidoFuyoTeate } from './tokubetsu-jido-fuyo-teate.ts';
import { yoboBcg } from './yobo-bcg.ts';
import { yoboFluElderly } from './yobo-flu-elderly.ts';
import { yoboGoshu } from './yobo-goshu.ts';
import { yoboHaien } from './yobo-haien.ts';
import { yoboHpv } from './yobo-hpv.ts';
import { yoboMr1 } from './yobo-mr1.ts';
import { yoboMr2 } from './yobo-mr2.ts';
import { yoboTaijo } from './yobo-taijo.ts';
import { yojiMushoka } from './yoji-mushoka.ts';

export const catalogue: readonly Rule[] = [
  jidoTeate,
  jidoFuyoTeate,
  tokubetsuJidoFuyoTeate,
  shoniIryo,
  hitorioyaIryo,
  judoShogaiIryo,
  shugakuEnjo,
  kokoShugakuShien,
  yojiMushoka,
  shugakujiKenshin,
  nyuyojiKenshin34m,
  nyuyojiKenshin1y6m,
  nyuyojiKenshin3y,
  yoboGoshu,
  yoboBcg,
  yoboMr1,
  yoboMr2,
  yoboHpv,
  yoboFluElderly,
  yoboHaien,
  yoboTaijo,
  kaigoHoken1go,
  kokiKoreiIryo,
  koreiJukyushaSho,
  kokuminNenkin20,
  seinen18,
  hatachiTsudoi,
  sumahoKyoshitsu,
  keiroPass,
  ninpuKenshin,
  shussanKosodateOen,
  shogaiFukushiService,
  tennyuKosodate,
  gaikokujinNihongo,
  nyuganKenshin,
];
